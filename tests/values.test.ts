import { describe, expect, it } from 'vitest';
import { findValues, numberWordValue } from '../pipeline/03-tag/values.ts';

describe('numbers and money', () => {
  it.each([
    ['some £2m in savings', '£2m', 2_000_000, 'GBP'],
    ['profits of $1.13bn', '$1.13bn', 1_130_000_000, 'USD'],
    ['a 210bn yuan deal', '210bn yuan', 210_000_000_000, 'CNY'],
    ['shares at 300p', '300p', 3, 'GBP'],
    ['up 5%', '5%', 5, 'percent'],
    ['2.5 per cent', '2.5 per cent', 2.5, 'percent'],
    ['GBP 27 million', 'GBP 27 million', 27_000_000, 'GBP'],
    ['£2 million', '£2 million', 2_000_000, 'GBP'],
    ['€1.5bn', '€1.5bn', 1_500_000_000, 'EUR'],
    ['£250,000 and £1.2bn', '£250,000', 250_000, 'GBP'],
  ])('%s', (text, span, value, unit) => {
    const found = findValues(text)[0];
    expect(found).toMatchObject({ text: span, value, unit });
  });

  it('keeps two amounts joined by "and" apart', () => {
    expect(findValues('£250,000 and £1.2bn').map((v) => v.value)).toEqual([250_000, 1_200_000_000]);
  });

  it('reads number words and shares', () => {
    expect(numberWordValue('half')).toBe(0.5);
    expect(numberWordValue('one in five')).toBe(0.2);
    expect(numberWordValue('two thirds')).toBeCloseTo(0.6667, 3);
    expect(numberWordValue('ten')).toBe(10);
  });
});
