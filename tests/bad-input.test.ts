// Bad input becomes a failed row with its reason; the rest of the batch goes on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, runCli, runPipeline, tempDir } from './helpers/run.ts';

const GOOD = 'Council plans merger\n\nBlackburn with Darwen Council is to merge its management with the local care trust.\n';

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('news-extract-in-');
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('bad input', () => {
  it('reports each bad file with its reason and processes the rest', async () => {
    const dir = folderWith({
      'a-good.txt': GOOD,
      'b-empty.txt': '',
      'c-blank.txt': '   \n\n  ',
      'd-binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00, 0x10, 0x00]),
      'e-huge.txt': Buffer.alloc(6 * 1024 * 1024, 'a'),
      'f-furniture-only.txt': 'Comments are closed.\n',
    });
    const run = await runPipeline([dir]);
    expect(run.code).toBe(1);
    const docs = parseCsvText(run.read('documents.csv')).rows;
    const status = Object.fromEntries(docs.map((d) => [d.doc_id, `${d.status}: ${d.error}`]));
    expect(status['a-good']).toBe('ok: ');
    expect(status['b-empty']).toMatch(/^failed: empty file/);
    expect(status['c-blank']).toMatch(/^failed: empty file/);
    expect(status['d-binary']).toMatch(/^failed: binary file/);
    expect(status['e-huge']).toMatch(/^failed: file too large/);
    expect(status['f-furniture-only']).toMatch(/^failed: clean: no article text/);
    expect(parseCsvText(run.read('organisations.csv')).rows.some((r) => r.doc_id === 'a-good')).toBe(true);
  });

  it('fails a malformed JSON Lines record with its line number and goes on', async () => {
    const dir = folderWith({
      'batch.jsonl': [
        JSON.stringify({ id: 'one', text: GOOD, url: 'https://example.org/1', date: '2008-06-01' }),
        '{"id": "two", "text": ',
        JSON.stringify({ id: 'three', title: 'Council plans merger', text: GOOD }),
        JSON.stringify({ id: 'four' }),
        '',
      ].join('\n'),
    });
    const run = await runPipeline([dir]);
    expect(run.code).toBe(1);
    const docs = parseCsvText(run.read('documents.csv')).rows;
    expect(docs.map((d) => [d.doc_id, d.status])).toEqual([
      ['one', 'ok'],
      ['batch-line2', 'failed'],
      ['three', 'ok'],
      ['four', 'failed'],
    ]);
    expect(docs[1].error).toMatch(/malformed JSON on line 2/);
    expect(docs[3].error).toMatch(/no "text" or "html"/);
    expect(docs[0].url).toBe('https://example.org/1');
    expect(docs[0].date).toBe('2008-06-01');
  });

  it('marks a repeated doc_id as failed instead of mixing two articles', async () => {
    const dir = folderWith({ 'x.jsonl': [JSON.stringify({ id: 'same', text: GOOD }), JSON.stringify({ id: 'same', text: GOOD })].join('\n') });
    const run = await runPipeline([dir]);
    const docs = parseCsvText(run.read('documents.csv')).rows;
    expect(docs.map((d) => d.status)).toEqual(['ok', 'failed']);
    expect(docs[1].error).toMatch(/duplicate doc_id/);
  });

  it('gives a usage error, not a stack trace, for a missing input or a bad option', async () => {
    const missing = await runCli(['extract', '/no/such/path']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/input not found: \/no\/such\/path/);
    const badOption = await runCli(['extract', 'seeds', '--frobnicate']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/frobnicate/);
    const none = await runCli(['extract']);
    expect(none.code).toBe(2);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const dir = folderWith({ 'f.jsonl': JSON.stringify({ id: '=cmd', title: '=HYPERLINK("x")', text: GOOD }) + '\n' });
    const run = await runPipeline([dir]);
    const csv = run.read('documents.csv');
    expect(csv).toContain(`'=cmd`);
    expect(csv).toContain(`'=HYPERLINK`);
  });
});
