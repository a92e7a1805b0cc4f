// Runs the stages over one article in-process and returns the document.
import { STAGES } from '../../pipeline/index.ts';
import { newDoc, type Doc } from '../../src/model.ts';

const steps = STAGES.map((s) => s.create());

/** The article text gets a headline line, as articles have, so the body is all prose. */
export function processArticle(body: string, title = 'A headline for the test'): Doc {
  const doc = newDoc({ docId: 'test', source: 'test', raw: `${title}\n\n${body}` });
  for (const step of steps) step(doc);
  return doc;
}

export const quotesOf = (body: string) => processArticle(body).quotes.map((q) => ({ kind: q.kind, speaker: q.speaker, text: q.text }));
