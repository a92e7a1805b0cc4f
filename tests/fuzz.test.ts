// A seeded fuzz run: a few hundred mutated articles (long words, right-to-left and
// zero-width marks, lone surrogates, unbalanced quotes, NULs and other control
// characters, cut and repeated text, damaged bytes) in one batch within a fixed time
// budget. Every document is accounted for in documents.csv, in input order, ok or
// failed with a reason, and no control character reaches a CSV cell.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, runPipeline, tempDir } from './helpers/run.ts';
import { randomFrom } from './helpers/random.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));

const RECORDS = 300;
const RAW_FILES = 24;
const SEED = 20_240_611;

/** Seeded, so every run fuzzes the same articles. */
const random = randomFrom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

function insertAt(text: string, piece: string): string {
  const at = between(0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}

const MARKS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u202c', '\u2066', '\u2069'];
const RTL = ['\u0627\u0644\u0645\u062c\u0644\u0633 \u0627\u0644\u0628\u0644\u062f\u064a', '\u05d4\u05de\u05d5\u05e2\u05e6\u05d4 \u05d0\u05de\u05e8\u05d4', '\u202eCouncil said\u202c', '\u200fLeeds\u200f'];
const QUOTES = ['"', '\u201c', '\u201d', '\u2018', '\u2019', "'", '\u00ab', '\u00bb', '\u201e'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009b'];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'];
const ODD = ['e\u0301\u0301\u0301', '\ud83d\ude00', '\u4e2d\u6587', '\ufffd', '\u2028', '\u2029', '\r', '\t\t', '£', '€', '\u00a0\u00a0'];

const MUTATIONS: Array<(text: string) => string> = [
  (t) => insertAt(t, ` ${'abcdefghijklmnopqrstuvwxyz'[between(0, 25)].repeat(between(1000, 20_000))} `),
  (t) => insertAt(t, ` ${Array.from({ length: between(200, 3000) }, () => pick(['x', 'Y', 'z', 'Q'])).join('')}. `),
  (t) => insertAt(t, ` ${pick(RTL)} `),
  (t) => t.replace(/ /g, (s) => (random() < 0.05 ? pick(MARKS) + s : s)),
  (t) => insertAt(t, pick(SURROGATES)),
  (t) => insertAt(insertAt(t, pick(QUOTES)), pick(QUOTES)),
  (t) => t.replace(/[”"’]/g, (q) => (random() < 0.5 ? '' : q)),
  (t) => insertAt(t, pick(CONTROLS).repeat(between(1, 3))),
  (t) => t.slice(0, between(0, t.length)),
  (t) => {
    const paragraphs = t.split('\n\n');
    const p = pick(paragraphs);
    return insertAt(t, `\n\n${`${p} `.repeat(between(2, 40))}\n\n`);
  },
  (t) => t.replace(/[.!?]/g, ''),
  (t) => insertAt(t, pick(ODD).repeat(between(1, 50))),
  (t) => t.replace(/\n/g, () => (random() < 0.3 ? '\r\n' : '\n')),
  (t) => (random() < 0.5 ? ' \n\t ' : `${'\u0000'.repeat(50)}x`),
];

function mutate(text: string): string {
  let out = text;
  for (let n = between(1, 3); n > 0; n--) out = pick(MUTATIONS)(out);
  return out;
}

/** Byte-level damage for raw files: invalid UTF-8, a stray Latin-1 byte, NULs, cut characters. */
function damageBytes(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let n = between(1, 4); n > 0; n--) out[between(0, out.length - 1)] = pick([0x00, 0x80, 0xc3, 0xe2, 0xff, 0xfe, 0x1b, 0xa3]);
  return out.subarray(0, between(Math.floor(out.length / 2), out.length));
}

describe('fuzzed articles', () => {
  it('accounts for every document, in order, within a fixed budget', async () => {
    const dir = tempDir('news-extract-fuzz-');
    const ids: string[] = [];
    const rawNames: string[] = [];
    for (let i = 0; i < RAW_FILES; i++) {
      const name = `raw-${String(i).padStart(2, '0')}`;
      fs.writeFileSync(path.join(dir, `${name}.txt`), damageBytes(Buffer.from(mutate(pick(SEEDS)), 'utf8')));
      rawNames.push(name);
    }
    const lines: string[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const id = `fuzz-${String(i).padStart(3, '0')}`;
      ids.push(id);
      const body = mutate(pick(SEEDS));
      const asHtml = random() < 0.15;
      const record: Record<string, unknown> = { id, [asHtml ? 'html' : 'text']: asHtml ? `<html><body><p>${body.replace(/\n\n/g, '</p><p>')}<div><b>unclosed` : body };
      if (random() < 0.3) record.title = mutate('Council approves plan for new homes');
      if (random() < 0.2) record.url = `https://example.org/${pick(CONTROLS)}${i}`;
      lines.push(JSON.stringify(record));
    }
    fs.writeFileSync(path.join(dir, 'z-records.jsonl'), lines.join('\n') + '\n');

    const run = await runPipeline([dir], ['--jobs', '1', '--doc-timeout', '30']);
    expect([0, 1]).toContain(run.code);
    const docs = parseCsvText(run.read('documents.csv')).rows as Array<Record<string, string>>;
    expect(docs.map((d) => d.doc_id)).toEqual([...rawNames, ...ids]);
    for (const d of docs) {
      expect(['ok', 'failed'], d.doc_id).toContain(d.status);
      if (d.status === 'failed') expect(d.error, d.doc_id).not.toBe('');
    }
    // Most mutated articles are still articles.
    expect(docs.filter((d) => d.status === 'ok').length).toBeGreaterThan(RECORDS / 2);
    expect(run.read('extraction.jsonl').trim().split('\n')).toHaveLength(RECORDS + RAW_FILES);
    for (const file of fs.readdirSync(run.outDir).filter((f) => f.endsWith('.csv'))) {
      expect(run.read(file), file).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  }, 240_000);
});
