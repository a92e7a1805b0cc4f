// The statistical tagger on the lines where capitals say little: Title Case headings and
// captions, and companies named after people. Made-up articles, run through the whole pipeline
// and through the model alone.
import { describe, expect, it } from 'vitest';
import { loadNerModel } from '../pipeline/03-tag/ner-model/index.ts';
import { processArticle } from './helpers/process.ts';

const words = (s: string) => s.split(' ');
/** The model's entities in each sentence of a document, as "TYPE:words". */
const modelEntities = (sentences: string[]) => {
  const doc = sentences.map(words);
  return loadNerModel()
    .spansDocument(doc)
    .map((spans, s) => spans.map((sp) => `${sp.type}:${doc[s].slice(sp.start, sp.end).join(' ')}`));
};

describe('Title Case headings', () => {
  it('are not read as names on their own by the model', () => {
    const tagged = modelEntities([
      'Shoppers Return As Lockdown Eases',
      'Shoppers returned to high streets across England on Monday as the lockdown eased , the British Retail Consortium said .',
      'Queues Form Outside Stores',
      'Long queues formed outside shops in Leeds , and some stores reported record takings .',
    ]);
    expect(tagged[0]).toEqual([]);
    expect(tagged[2]).toEqual([]);
    expect(tagged[1]).toEqual(['LOC:England', 'ORG:British Retail Consortium']);
  });

  it('still give the names in them when the article writes them as names', () => {
    const tagged = modelEntities([
      'Barclays Cuts Jobs In Leeds',
      'Barclays said on Tuesday it would cut 300 jobs at its offices in Leeds .',
    ]);
    expect(tagged[0]).toContain('LOC:Leeds');
    expect(tagged[0].find((e) => e.startsWith('ORG:'))).toMatch(/^ORG:Barclays\b/);
  });

  it('give no organisations or people in the pipeline\'s tables', () => {
    const doc = processArticle(
      'Shoppers returned to high streets across England on Monday as the lockdown eased, the British Retail Consortium said.\n\nQueues Form Outside Stores\n\nLong queues formed outside shops in Leeds and Bristol, and some stores reported record takings.\n\nRetailers Fear Second Wave\n\nHelen Dickinson, chief executive of the consortium, said retailers feared a second wave would close shops again.',
      'Shoppers Return As Lockdown Eases',
    );
    const names = doc.entities.filter((e) => e.type !== 'place').map((e) => `${e.type}:${e.name}`);
    expect(names.sort()).toEqual(['organisation:British Retail Consortium', 'person:Helen Dickinson']);
  });
});

describe('companies named after people', () => {
  it('are organisations where the article gives the evidence, in later mentions too', () => {
    const tagged = modelEntities([
      'Jones Lang LaSalle Inc agreed to buy the property firm on Monday .',
      'Jones Lang LaSalle said the deal was worth $ 50 million .',
    ]);
    expect(tagged).toEqual([['ORG:Jones Lang LaSalle Inc'], ['ORG:Jones Lang LaSalle']]);
  });
});
