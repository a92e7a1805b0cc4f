// Stage 2, split: sentences within paragraphs. Rule-based, because the
// libraries' splitters glue headlines to sentences and split quotes from speakers.

import type { Doc, Sentence, Stage } from '../../src/model.ts';
import { ABBREVIATIONS } from './abbreviations.ts';

// A full stop, question or exclamation mark (with closing quotes or brackets),
// then space, then something that can open a sentence.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}£$€])/gu;

function endsWithAbbreviation(text: string, periodAt: number): boolean {
  const before = text.slice(Math.max(0, periodAt - 12), periodAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * No sentence of news runs this long (the longest of the 2,225 BBC articles has
 * 1,063 characters): a longer run of text without a boundary is a list, a table or
 * garbage, cut at the last space before this many characters. Later stages work
 * sentence by sentence, so this bounds what they do per token whatever the input.
 */
export const MAX_SENTENCE_CHARS = 3000;

/** [s, e) cut into pieces of at most MAX_SENTENCE_CHARS at spaces (a longer word stays whole). */
function cutLongSentence(text: string, s: number, e: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  while (e - s > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(' ', s + MAX_SENTENCE_CHARS);
    if (cut <= s) cut = text.indexOf(' ', s + MAX_SENTENCE_CHARS);
    if (cut < 0 || cut >= e) break;
    pieces.push([s, cut]);
    s = cut + 1;
  }
  pieces.push([s, e]);
  return pieces;
}

/** Sentence spans [start, end) of text[from, to), trimmed of surrounding space. */
export function splitSentences(text: string, from = 0, to = text.length): Array<[number, number]> {
  const part = text.slice(from, to);
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const m of part.matchAll(BOUNDARY)) {
    const periodAt = m.index!;
    if (m[1] === '.' && endsWithAbbreviation(part, periodAt)) continue;
    const end = periodAt + m[1].length + m[2].length;
    spans.push([start, end]);
    start = end + m[3].length;
  }
  if (start < part.length) spans.push([start, part.length]);
  return spans
    .flatMap(([s, e]) => (e - s > MAX_SENTENCE_CHARS ? cutLongSentence(part, s, e) : [[s, e] as [number, number]]))
    .map(([s, e]) => {
      while (s < e && /\s/.test(part[s])) s++;
      while (e > s && /\s/.test(part[e - 1])) e--;
      return [from + s, from + e] as [number, number];
    })
    .filter(([s, e]) => e > s);
}

function splitDocument(doc: Doc): void {
  const sentences: Sentence[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    const spans = p.heading ? [[p.start, p.end] as [number, number]] : splitSentences(doc.text, p.start, p.end);
    for (const [start, end] of spans) sentences.push({ start, end, index: sentences.length, paragraph });
  });
  doc.sentences = sentences;
}

export const splitStage: Stage = { name: 'split', create: () => splitDocument };
