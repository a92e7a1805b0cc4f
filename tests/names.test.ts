// Names: where capitals are evidence of one, where a name starts and ends, what type it
// is, and when two articles name the same thing. Made-up articles, each written to fail
// without the mechanism it tests.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';
import { lineCase } from '../pipeline/03-tag/line-case.ts';
import { isTextToken, winkTokens } from '../pipeline/03-tag/tokens.ts';

const namesOf = (body: string, title?: string) => processArticle(body, title).entities.map((e) => `${e.type}:${e.name}`);
const caseOf = (line: string) => {
  const tokens = winkTokens(line).tokens.filter(isTextToken);
  return lineCase(tokens, 0, tokens.length);
};

describe('capitals that are no evidence of a name', () => {
  it('tells a line in Title Case or in capitals from prose and from a line of names', () => {
    expect(['Prices Set To Rise', 'Daring Escape From The Zoo', 'Republicans Are Following Trump to Nowhere'].map(caseOf)).toEqual(['title', 'title', 'title']);
    expect(caseOf('JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT')).toBe('capitals');
    expect(['Prices are set to rise', 'Kyle Busch', 'K Endacott (City of Plymouth AC), J Kwakye (Woodford Green with Essex Ladies)', 'Milton Keynes Dons v Peterborough'].map(caseOf)).toEqual(['prose', 'prose', 'prose', 'prose']);
  });

  it('reads no name into the ordinary words of a headline in Title Case, only the names the article supports', () => {
    const names = namesOf('Donald Trump spoke on Monday. Republicans in Congress said they would back him.', 'Republicans Are Following Trump to Nowhere');
    expect(names.sort()).toEqual(['organisation:Congress', 'organisation:Republicans', 'person:Donald Trump']);
    const trump = processArticle('Donald Trump spoke on Monday.', 'Republicans Are Following Trump to Nowhere').entities.find((e) => e.name === 'Donald Trump');
    expect(trump?.mentions).toBe(2);
  });

  it('reads no organisation or person into a line in Title Case within the body', () => {
    const body = 'Keepers at the city zoo said two lemurs had got out. The Zoo Says Escape Was Unusual And Prompted A Review Of Safety Measures. Jane Smith, a keeper, said they were found.';
    expect(namesOf(body, 'Daring Escape From Zoo Leaves Keepers Stunned')).toEqual(['person:Jane Smith']);
  });

  it('still takes a person the model reads in a headline when the name has a given name', () => {
    expect(namesOf('The company said the appointment would take effect in May.', 'Acme Names Will Dunham As New Chief')).toEqual(['person:Will Dunham']);
  });
});
