// The writer's CSV: RFC 4180 as csv-stringify writes it with its defaults (the
// writer quotes by hand, for speed), byte for byte, on the cells that need care.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../src/writers.ts';

const TRICKY = ['', 'plain', 'a,b', 'say "hi"', '"', '""', ',', 'line\nbreak', 'carriage\rreturn', 'crlf\r\n', ' padded ', "it's", 'é ünïcode “curly” — dash', '\t', '=1+1', "'=1", '-3', '@x', 'semi;colon', 'a,"b"\nc'];

describe('csvLines', () => {
  it('writes what csv-stringify writes for every pair of tricky cells', () => {
    const rows = TRICKY.flatMap((a) => TRICKY.map((b) => ({ a, b })));
    // Formula-like cells get their apostrophe first (see neutraliseFormula), so compare on cells without one.
    const plain = rows.filter((r) => !/^'*[=+\-@\t\r]/.test(r.a) && !/^'*[=+\-@\t\r]/.test(r.b));
    expect(plain.length).toBeGreaterThan(200);
    expect(csvLines(['a', 'b'], plain)).toBe(stringify(plain.map((r) => [r.a, r.b]), { record_delimiter: '\n' }));
  });

  it('writes numbers, null and undefined as csv-stringify writes their text, and no rows as nothing', () => {
    const rows = [{ a: 3, b: null }, { a: -2.5, b: undefined }, { a: Number.NaN, b: 0 }];
    expect(csvLines(['a', 'b'], rows)).toBe(stringify([['3', ''], ['-2.5', ''], ['', '0']], { record_delimiter: '\n' }));
    expect(csvLines(['a', 'b'], [])).toBe('');
  });

  it('neutralises a formula-like cell with a leading apostrophe, quoted when it needs to be', () => {
    expect(csvLines(['a'], [{ a: '=SUM(A1,A2)' }])).toBe(`"'=SUM(A1,A2)"\n`);
    expect(csvLines(['a'], [{ a: '+44 20' }])).toBe(`'+44 20\n`);
  });
});
