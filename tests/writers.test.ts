// The CSV the writer makes by hand is what csv-stringify (RFC 4180; its defaults, with
// "\n" between records) makes of the same cells, byte for byte, and parses back to them.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../src/writers.ts';
import { randomFrom } from './helpers/random.ts';

const TRICKY = ['', 'plain', 'a,b', 'say "hi"', '"', '""', ',', 'two\nlines', 'cr\rhere', 'crlf\r\n', ' spaced ', 'tab\there', '\u00fcnicode \u201cquotes\u201d \u2014 \u00a3', "it's", ';', "'quoted'"];

describe('csvLines', () => {
  it('writes what csv-stringify writes, for tricky cells, numbers and missing ones', () => {
    const columns = ['a', 'b', 'c'];
    const rows = TRICKY.map((t, i) => ({ a: t, b: i % 3 ? i + 0.5 : null, c: TRICKY[(i * 7) % TRICKY.length] }));
    const cells = rows.map((r) => [r.a, r.b === null ? '' : String(r.b), r.c]);
    const text = csvLines(columns, rows);
    expect(text).toBe(stringify(cells, { record_delimiter: '\n' }));
    expect(parse(text, { relax_column_count: false })).toEqual(cells);
    expect(csvLines(columns, [])).toBe('');
  });

  it('agrees with csv-stringify on random cells of quotes, commas, line breaks and letters', () => {
    const random = randomFrom(19);
    const pieces = ['"', ',', '\n', '\r', 'a', 'B', ' ', '\u00e9', '\u201d', "'", 'x'];
    const columns = ['one', 'two'];
    const rows = Array.from({ length: 300 }, () => {
      const cell = () => Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      // Cells that start as a formula are written neutralised, which csv-stringify does not do.
      return { one: `x${cell()}`, two: `y${cell()}` };
    });
    expect(csvLines(columns, rows)).toBe(stringify(rows.map((r) => [r.one, r.two]), { record_delimiter: '\n' }));
  });
});
