// The arbiter: one scored choice between the names the rules cut from runs of capitals and
// the names the statistical tagger reads (pipeline/03-tag/arbiter.ts), and the tagger's
// marginals it weighs them by. Made-up articles, each written to fail without it.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';
import { reportsGames } from '../pipeline/03-tag/candidates.ts';
import { winkTokens } from '../pipeline/03-tag/tokens.ts';
import { decide, type Option, type Weights } from '../pipeline/03-tag/arbiter.ts';
import { loadNerModel } from '../pipeline/03-tag/ner-model/index.ts';
import { TAG_INDEX, TAGS } from '../pipeline/03-tag/ner-model/tags.ts';

const namesOf = (body: string) => processArticle(body).entities.map((e) => `${e.type}:${e.name}`);

describe('the choice between the rules and the tagger', () => {
  it('takes no person where a run of capitals that opens with a given name or ends with a surname is a body or a work', () => {
    expect(namesOf('The Ku Klux Klan held a rally in the town on Saturday, and the police said it passed off peacefully.')).not.toContain('person:Ku Klux Klan');
    expect(namesOf('Martin Scorsese, who made Raging Bull, said he would start work on a new film in the spring.')).toEqual(['person:Martin Scorsese']);
  });

  it('keeps the names a strong rule cut where it takes none of the readings of the same words', () => {
    const names = namesOf('She spoke to the National Association of Black Journalists and National Association of Hispanic Journalists in Washington.');
    expect(names).toContain('organisation:National Association of Black Journalists');
    expect(names).toContain('organisation:National Association of Hispanic Journalists');
  });

  it('keeps a name the grammar joined through a connector where the tagger cuts it there', () => {
    expect(namesOf('Blackburn with Darwen Council said the plan would save money.')).toEqual(['organisation:Blackburn with Darwen Council']);
    expect(namesOf('He studied at the Conservatoire National des Arts et Métiers in Paris.')).toContain('organisation:Conservatoire National des Arts et Métiers');
  });

  it("keeps a rule's cut where the tagger reads the same type in fewer of its words", () => {
    expect(namesOf("He added, on BBC Radio 4's Today programme, that the plan would work.")).toEqual(['organisation:BBC Radio 4']);
  });

  it('takes a name only the tagger reads for the body the lexicon knows by that name', () => {
    expect(namesOf('Rahm Emanuel, President Obama’s first White House Chief of Staff, is the mayor of Chicago.')).toContain('organisation:White House');
  });

  it('knows an article that reports games by its scores, not by votes, ratios or ranges of days', () => {
    const games = (text: string) => reportsGames(winkTokens(text).tokens);
    expect(games('Castres beat Toulouse 24-12 on Saturday.')).toBe(true);
    expect(games('Somerset were bowled out for 174, with Simmons taking 4-38.')).toBe(true);
    expect(games('The court upheld the law in a 5-4 ruling, and the 2-1 decision of the appeals court stands.')).toBe(false);
    expect(games('The poll was taken July 11-14 and Jan. 17-23; Democrats lead by more than 2-1.')).toBe(false);
    expect(games('The file was dated 08-30.')).toBe(false);
    expect(games('Simmons took four for 38 as Leicestershire won by an innings, with Kent two wickets from victory.')).toBe(true);
    expect(games('Our goals are clear, the senator said.')).toBe(false);
  });

  it('of overlapping options takes the set with the largest sum of margins, and none that "none" beats', () => {
    const weights: Weights = {
      temperature: 1,
      judged: { has: () => true },
      kinds: new Set(['span']),
      // none, person, place, organisation
      weights: new Map([
        ['long', Float64Array.from([0, 0, 0, 5])],
        ['left', Float64Array.from([0, 3, 0, 0])],
        ['right', Float64Array.from([0, 0, 3, 0])],
        ['weak', Float64Array.from([2, 1, 0, 0])],
      ]),
    };
    const option = (start: number, end: number, feature: string): Option => ({ start, end, name: feature, rules: [], kind: 'span', features: [feature] });
    // "left" and "right" (3 + 3) beat "long" (5), which overlaps both; "weak" is under "none".
    const taken = decide([option(0, 20, 'long'), option(0, 8, 'left'), option(10, 20, 'right'), option(30, 35, 'weak')], weights);
    expect(taken.map((d) => [d.option.name, d.label, d.margin])).toEqual([
      ['left', 'person', 3],
      ['right', 'place', 3],
    ]);
  });
});

describe("the tagger's marginals", () => {
  const sentence = 'Steven Gerrard joined Real Madrid from Liverpool on Monday'.split(' ');
  const { spans, marginals } = loadNerModel().readDocument([sentence], undefined, 20);
  const m = marginals[0]!;

  it('gives each token a distribution over the tags', () => {
    for (let i = 0; i < sentence.length; i++) {
      const sum = TAGS.reduce((s, _, t) => s + m.tag(i, t), 0);
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it("gives the tagger's own spans the most probability of their type, and a span is no likelier than its first tag", () => {
    expect(spans[0].map((s) => `${s.type}:${sentence.slice(s.start, s.end).join(' ')}`)).toContain('PER:Steven Gerrard');
    for (const s of spans[0]) {
      const begin = TAG_INDEX.get(`B-${s.type}`)!;
      const p = m.span(s.start, s.end, begin);
      expect(p).toBeGreaterThan(0.5);
      expect(p).toBeLessThanOrEqual(m.tag(s.start, begin) + 1e-9);
      // The same words cut shorter are less likely.
      if (s.end - s.start > 1) expect(m.span(s.start, s.end - 1, begin)).toBeLessThan(p);
    }
  });
});
