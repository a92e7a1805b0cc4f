// Claims: each kind on its clause, numbers normalised, hedge, qualifier and source.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';

const claimsOf = (body: string) => processArticle(body).claims;

describe('claims', () => {
  it.each([
    ['money', 'The move, which is expected to deliver some £2m in savings, follows the merger.', 'money', 'some £2m in savings'],
    ['quantity', 'There remain only 10 care trusts in England, half of which provide services only.', 'quantity', 'only 10 care trusts'],
    ['primacy', 'The scheme would be the first organisation in England to bring the services together.', 'primacy', 'first organisation in England'],
    ['primacy, superlative', 'It was the busiest day of the year at the centre.', 'primacy', 'busiest day'],
    ['comparative', 'The integration would be far more advanced than in other parts of the country.', 'comparative', 'far more advanced than'],
    ['forecast with a date', 'Should this happen, the care trust plus will start operating by April 2010.', 'forecast', 'April 2010'],
    ['forecast without a date', 'Analysts say Jamie Foxx will win best actor at the ceremony.', 'forecast', 'will win best actor'],
    ['finding', 'The report found the trust’s middle managers were overstretched.', 'finding', 'middle managers were overstretched'],
    ['effect', 'The organisations say the move would drive efficiency by getting rid of duplication.', 'effect', 'would drive efficiency'],
  ])('%s', (_what, body, kind, key) => {
    const claim = claimsOf(body).find((c) => c.kind === kind);
    expect(claim, `no ${kind} claim in ${JSON.stringify(claimsOf(body).map((c) => [c.kind, c.text]))}`).toBeDefined();
    expect(claim!.text).toContain(key);
  });

  it('normalises money with its hedge and qualifier', () => {
    const claim = claimsOf('The move, which is expected to deliver some £2m in savings, follows the merger.').find((c) => c.kind === 'money')!;
    expect(claim).toMatchObject({ value: 2_000_000, unit: 'GBP', hedge: 'expected', qualifier: 'some' });
    expect(claim.text).toContain('The move, which is expected to deliver some £2m in savings');
  });

  it.each([
    ['$1.13bn', 'Profits jumped to $1.13bn in the quarter.', 1_130_000_000, 'USD'],
    ['210bn yuan', 'Exports reached 210bn yuan last year.', 210_000_000_000, 'CNY'],
    ['300p', 'The shares were sold at 300p each.', 3, 'GBP'],
    ['GBP 27 million', 'The club paid GBP 27 million for the striker.', 27_000_000, 'GBP'],
  ])('money in the form %s', (_form, body, value, unit) => {
    expect(claimsOf(body).find((c) => c.kind === 'money')).toMatchObject({ value, unit });
  });

  it.each([
    ['5%', 'Sales rose 5% in December.', 5, 'percent'],
    ['half', 'Half of the staff left, and half of voters agreed.', 50, 'percent'],
    ['one in five', 'One in five pupils now leaves school without a qualification.', 20, 'percent'],
    ['five million', 'More than five million people have downloaded the browser.', 5_000_000, ''],
    ['a bracketed count', 'It has the fourth largest number of registered players (125,508) in the world.', 125_508, 'players'],
  ])('quantity in the form %s', (_form, body, value, unit) => {
    const claim = claimsOf(body).find((c) => c.kind === 'quantity');
    expect(claim).toBeDefined();
    expect(claim!.value).toBeCloseTo(value, 1);
    if (unit) expect(claim!.unit).toContain(unit);
  });

  it('keeps "more than" as a qualifier', () => {
    expect(claimsOf('More than 300 jobs will go at the plant.').find((c) => c.kind === 'quantity')).toMatchObject({ value: 300, qualifier: 'more than' });
  });

  it('makes one claim of a bracketed conversion, with the first amount', () => {
    const money = claimsOf('The airline received a $1.5bn (£800m) loan from the state.').filter((c) => c.kind === 'money');
    expect(money).toHaveLength(1);
    expect(money[0]).toMatchObject({ value: 1_500_000_000, unit: 'USD' });
    expect(money[0].text).toContain('(£800m)');
  });

  it('makes one claim of a conversion into two currencies ("400m euro ($495m; £275m)")', () => {
    const money = claimsOf("Officials will look at Rome's provision of a 400m euro ($495m; £275m) loan to the carrier.").filter((c) => c.kind === 'money');
    expect(money.map((c) => [c.value, c.unit])).toEqual([[400_000_000, 'EUR']]);
  });

  it('does not take a year, a date or a passing count for a quantity', () => {
    const kinds = claimsOf('The council was set up in 2002 and met on 8 July with two managing directors.').map((c) => c.kind);
    expect(kinds).not.toContain('quantity');
  });

  it('names the source: the speaker of a quote, the body behind a report', () => {
    const quoted = claimsOf('Council leader Mary Jones said the scheme would save £4m a year.').find((c) => c.kind === 'money')!;
    expect(quoted.source).toBe('Mary Jones');
    const found = claimsOf('The Commission for Social Care Inspection’s report found services had not benefited from integration.').find((c) => c.kind === 'finding')!;
    expect(found.source).toBe('Commission for Social Care Inspection');
    const own = claimsOf('There remain only 10 care trusts in England.').find((c) => c.kind === 'quantity')!;
    expect(own.source).toBe('');
  });
});
