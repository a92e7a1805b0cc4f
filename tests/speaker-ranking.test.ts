// The hand-set ranking of whom a pronoun or an uncued quotation stands for, over the features the
// speaker model gives each candidate.
import { describe, expect, it } from 'vitest';
import { salienceOf } from '../pipeline/04-relate/speaker-ranking.ts';

const score = (...features: string[]) => salienceOf(new Map(features.map((f) => [f, 1])));

describe('salience of a candidate', () => {
  it('puts a subject above an object, a name in a prepositional phrase and a possessor', () => {
    expect(score('subject@0')).toBeGreaterThan(score('object@0'));
    expect(score('object@0')).toBeGreaterThan(score('oblique@0'));
    expect(score('subject@0')).toBeGreaterThan(score('possessor@0'));
  });

  it('counts a candidate by its best mention, not by how many kinds of mention it has', () => {
    expect(score('subject@0', 'object@0', 'oblique@1')).toBe(score('subject@0'));
  });

  it('costs every sentence back', () => {
    expect(score('subject@0')).toBeGreaterThan(score('subject@1'));
    expect(score('subject@1')).toBeGreaterThan(score('subject@2'));
  });

  it('adds the last speaker\'s bonus, less as paragraphs pass', () => {
    expect(score('subject@1', 'last', 'last+0')).toBeGreaterThan(score('subject@1'));
    expect(score('object@0', 'last', 'last+0')).toBeGreaterThan(score('subject@1'));
    expect(score('subject@1', 'last', 'last+1')).toBeGreaterThan(score('subject@1', 'last', 'last+3'));
  });

  it('keeps a last speaker named in none of these sentences only while the bonus counts for something', () => {
    expect(score('last', 'last+1')).toBeGreaterThan(0);
    expect(score('last', 'last+3')).toBe(-Infinity);
  });

  it('scores what it learns nothing from (how often named, gender) as nothing', () => {
    expect(score('subject@0', 'named', 'gender', 'latest')).toBe(score('subject@0'));
  });
});
