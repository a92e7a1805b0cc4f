// The shipped NER model: it loads, it tags clear sentences right, it is deterministic.
// (Accuracy on CoNLL-2003 and speed are measured by `npm run bench:ner`, not here.)
import { describe, expect, it } from 'vitest';
import { loadNerModel, tagsToSpans, TAGS } from '../pipeline/03-tag/ner-model/index.ts';

const words = (s: string) => s.split(' ');
const entities = (sentence: string) => {
  const w = words(sentence);
  return loadNerModel()
    .spans(w)
    .map((s) => `${s.type}:${w.slice(s.start, s.end).join(' ')}`);
};

describe('NER model', () => {
  it('loads the shipped weights once', () => {
    const model = loadNerModel();
    expect(model).toBe(loadNerModel());
    expect(model.meta.algorithm).toMatch(/perceptron/);
  });

  it('tags people, organisations and places', () => {
    expect(loadNerModel().tag(words('Gordon Brown met officials from the Treasury in London .'))).toEqual([
      'B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O',
    ]);
    expect(entities('Angela Merkel flew to Washington on Tuesday .')).toEqual(['PER:Angela Merkel', 'LOC:Washington']);
    expect(entities('The European Commission fined Microsoft on Wednesday .')).toEqual(['ORG:European Commission', 'ORG:Microsoft']);
    expect(entities('Shares in Barclays fell 3 % in New York on Monday .')).toEqual(['ORG:Barclays', 'LOC:New York']);
  });

  it('works on wink-style tokens: possessives, hyphenated names, no full stop', () => {
    expect(entities("Gordon Brown 's speech in Manchester was praised by the BBC")).toEqual(['PER:Gordon Brown', 'LOC:Manchester', 'ORG:BBC']);
    expect(entities('The U.S embassy in Guinea - Bissau was closed .')).toContain('LOC:U.S');
  });

  it('leaves personal titles and edge punctuation out of names', () => {
    expect(entities('Mr Kennedy spoke to reporters .')).toEqual(['PER:Kennedy']);
    const glued = [false, false, false, false, false, false];
    const w = words('He met David - a builder');
    expect(loadNerModel().spans(w, glued).map((s) => w.slice(s.start, s.end).join(' '))).toEqual(['David']);
  });

  it('returns only known tags, one per token, and spans that match the tags', () => {
    const w = words('Reuters reported that Bre - X Minerals Ltd shares rose in Toronto after talks with Indonesia .');
    const tags = loadNerModel().tag(w);
    expect(tags).toHaveLength(w.length);
    for (const t of tags) expect(TAGS).toContain(t);
    expect(loadNerModel().spans(w)).toEqual(tagsToSpans(tags));
    expect(loadNerModel().tag([])).toEqual([]);
  });

  it('tags a document sentence by sentence, with the same tokens', () => {
    const doc = [words('SOCCER - JAPAN BEAT SYRIA .'), words('Japan beat Syria 2-1 in Al Ain on Friday .')];
    const tagged = loadNerModel().tagDocument(doc);
    expect(tagged.map((t) => t.length)).toEqual(doc.map((s) => s.length));
    expect(loadNerModel().spansDocument(doc)[1].map((s) => s.type)).toEqual(['LOC', 'LOC', 'LOC']);
  });

  it('is deterministic', () => {
    const w = words('Tony Blair told the Labour Party conference in Brighton that Britain would stand by the United States .');
    const first = loadNerModel().tag(w);
    for (let i = 0; i < 5; i++) expect(loadNerModel().tag(w)).toEqual(first);
    const doc = [w, words('Blair said the Conservatives had no answer .')];
    expect(loadNerModel().tagDocument(doc)).toEqual(loadNerModel().tagDocument(doc));
  });
});
