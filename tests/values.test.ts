import { describe, expect, it } from 'vitest';
import { findValues, numberWordValue } from '../pipeline/03-tag/values.ts';
import { findDates } from '../pipeline/03-tag/dates.ts';
import { processArticle } from './helpers/process.ts';

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

describe('fractions of a point', () => {
  const quantities = (text: string) => processArticle(text).claims.filter((c) => c.kind === 'quantity').map((c) => ({ value: c.value, unit: c.unit }));

  it.each([
    ['The Federal Reserve raised interest rates by a quarter of a point to 2.5%.', { value: 0.25, unit: 'points' }],
    ['Borrowing costs are tipped to rise by a quarter of a percentage point on Tuesday.', { value: 0.25, unit: 'percentage points' }],
    ['The bank cut its main rate by half of a percentage point.', { value: 0.5, unit: 'percentage points' }],
    ['Rates rose by three quarters of a percentage point in a year.', { value: 0.75, unit: 'percentage points' }],
    ['Rates rose by a third of one percentage point in a year.', { value: 0.333, unit: 'percentage points' }],
  ])('%s', (text, expected) => {
    const found = quantities(text);
    expect(found).toContainEqual(expected);
    // The share is of one point: never a percentage of something.
    expect(found.filter((q) => q.unit === 'percent' && q.value! >= 25)).toEqual([]);
  });

  it('gives a fraction of a point in words the value it has in figures', () => {
    expect(quantities('Rates rose by 0.25 percentage points on Tuesday.')).toEqual(quantities('Rates rose by a quarter of a percentage point on Tuesday.'));
  });

  it('still reads a share of a whole as a percentage', () => {
    expect(quantities('A quarter of the workforce will lose their jobs, the firm said.')).toEqual([{ value: 25, unit: 'percent' }]);
    expect(quantities('Three quarters of the pupils passed the test this year.')).toEqual([{ value: 75, unit: 'percent' }]);
  });
});

describe('dates', () => {
  const datesIn = (text: string) => findDates(text).map((d) => d.text);

  it.each([
    ['a day and month, and a year', 'It opens on 4 August 2004 and closes on August 20.', ['4 August 2004', 'August 20']],
    ['a month and year, with "by"', 'It will start operating by April 2010, or by 2011 at the latest.', ['by April 2010', 'by 2011']],
    ['relative to now', 'Profits rose last year and will rise this summer, sources said on Tuesday.', ['last year', 'this summer', 'Tuesday']],
    ['periods', 'By the end of the year, and in the first half of 2005, prices fell; the 1990s were kinder.', ['end of the year', 'first half of 2005', '1990s']],
    ['time ago', 'Two years ago the firm was founded, and a few weeks ago it was sold.', ['Two years ago', 'a few weeks ago']],
    ['early, late and mid', 'The car will be on sale in late summer, as it was in the mid-1990s.', ['late summer', 'mid-1990s']],
  ])('%s', (_what, text, expected) => {
    expect(datesIn(text)).toEqual(expected);
  });

  it('does not take a modal "may", a verb "fall", money, a percentage or a distance for a date', () => {
    expect(datesIn('Prices may fall. May I ask? It cost £2004, up 2005%. She won the 1500m race in the June-July season.')).toEqual([]);
    expect(datesIn('Meetings are in May and June.')).toEqual(['May', 'June']);
  });
});
