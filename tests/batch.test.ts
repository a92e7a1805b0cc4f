// Batch runs: output bytes do not depend on --jobs; a run killed with SIGKILL goes on
// with --resume to exactly the output of an uninterrupted run; unchanged documents
// are skipped on the next run into the same folder, changed ones processed again;
// the progress bar shows on a terminal only, never with --quiet.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseCsvText, runCli, tempDir } from './helpers/run.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'extraction.jsonl'];

const FIRST = ['John', 'Mary', 'Alan', 'Sarah', 'David', 'Helen', 'Peter', 'Ruth'];
const LAST = ['Smith', 'Jones', 'Patel', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Khan'];
const ORG = ['Blackburn with Darwen Council', 'the Environment Agency', 'Acme Holdings', 'the Royal Mail', 'Leeds City Council', 'the NHS trust'];
const PLACE = ['Leeds', 'Bristol', 'Cardiff', 'Manchester', 'Glasgow', 'Norwich'];

/** A short article with people, organisations, places, money, a quote and claims. */
function article(i: number): string {
  const person = `${FIRST[i % 8]} ${LAST[(i * 3) % 8]}`;
  const org = ORG[i % 6];
  const place = PLACE[(i * 5) % 6];
  const money = `£${(i % 9) + 1}.${i % 10}m`;
  return (
    `${org} plans ${money} scheme in ${place}\n\n` +
    `${org} said on Monday it would spend ${money} on a new scheme in ${place}, the first of its kind in the country.\n\n` +
    `"This is a big day for ${place}," said ${person}, the council's chief executive. ` +
    `${LAST[(i * 3) % 8]} said about ${i * 7 + 12} jobs would be created by ${2020 + (i % 6)}.\n\n` +
    `Critics said the plan was likely to cost ${(i % 50) + 10}% more than the estimate.\n`
  );
}

function jsonl(count: number, from = 0, prefix = 'gen'): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += JSON.stringify({ id: `${prefix}-${String(i).padStart(4, '0')}`, text: article(i) }) + '\n';
  return text;
}

function writeInput(name: string, content: string): string {
  const dir = tempDir('news-extract-batch-in-');
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file));

function expectSameOutput(a: string, b: string): void {
  for (const file of FILES) expect(read(a, file).equals(read(b, file)), `${file} differs between ${a} and ${b}`).toBe(true);
}

async function extract(inputs: string[], outDir: string, ...extra: string[]) {
  return runCli(['extract', ...inputs, '--out', outDir, '--quiet', ...extra]);
}

describe('batch runs', () => {
  it('writes the same bytes with --jobs 1 and --jobs 2 (worker threads, input order)', async () => {
    // 5 seeds + 60 generated records: more than the small-batch limit, so workers do the work.
    const generated = writeInput('generated.jsonl', jsonl(60));
    const one = tempDir(), two = tempDir();
    const r1 = await extract(['seeds', generated], one, '--jobs', '1');
    const r2 = await extract(['seeds', generated], two, '--jobs', '2');
    expect(r1.code).toBe(0);
    expect(r2.code).toBe(0);
    expect(r1.stdout).toMatch(/processed\s+65 \(1 worker thread;/);
    expect(r2.stdout).toMatch(/processed\s+65 \(2 worker threads;/);
    expectSameOutput(one, two);
    const docs = parseCsvText(read(two, 'documents.csv').toString('utf8')).rows;
    expect(docs.map((d) => d.doc_id)).toEqual([
      ...fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => f.replace(/\.txt$/, '')),
      ...Array.from({ length: 60 }, (_, i) => `gen-${String(i).padStart(4, '0')}`),
    ]);
    expect(fs.readdirSync(two).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 120_000);

  it('resumes a run killed with SIGKILL: no duplicates, no losses, same bytes as an uninterrupted run', async () => {
    const input = writeInput('killed.jsonl', jsonl(200, 100, 'kill'));
    const whole = tempDir(), killed = tempDir();
    const journal = path.join(killed, '.news-extract', 'journal.jsonl');

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'extract', input, '--out', killed, '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    let journaled = 0;
    let finished = false;
    void exited.then(() => (finished = true));
    const deadline = Date.now() + 90_000;
    while (!finished && Date.now() < deadline) {
      journaled = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0;
      if (journaled >= 20) break;
      await new Promise((r) => setTimeout(r, 15));
    }
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal, 'the run finished before it could be killed').toBe('SIGKILL');
    expect(journaled).toBeGreaterThanOrEqual(20);
    expect(fs.existsSync(path.join(killed, 'documents.csv'))).toBe(false); // tables only appear complete

    const resumed = await extract([input], killed, '--resume', '--jobs', '1');
    expect(resumed.code).toBe(0);
    const skipped = Number(/skipped (\d+) unchanged/.exec(resumed.stdout)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(journaled);
    expect(skipped).toBeLessThan(200);
    expect(resumed.stdout).toMatch(new RegExp(`processed\\s+${200 - skipped} \\(`));
    expect(resumed.stdout).toMatch(/continued an interrupted run/);

    const straight = await extract([input], whole, '--jobs', '1');
    expect(straight.code).toBe(0);
    expectSameOutput(whole, killed);
    const ids = parseCsvText(read(killed, 'documents.csv').toString('utf8')).rows.map((d) => d.doc_id);
    expect(ids.length).toBe(200);
    expect(new Set(ids).size).toBe(200);
    expect(fs.readdirSync(killed).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(fs.existsSync(path.join(killed, '.news-extract', 'lock'))).toBe(false);
  }, 180_000);

  it('skips unchanged documents on the next run into the same folder and processes changed ones', async () => {
    const dir = tempDir('news-extract-batch-in-');
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `article-${i}.txt`), article(i));
    const out = tempDir();
    const first = await extract([dir], out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/processed\s+6 \(.*skipped 0 unchanged/);

    fs.writeFileSync(path.join(dir, 'article-3.txt'), article(33));
    const second = await extract([dir], out);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/processed\s+1 \(.*skipped 5 unchanged/);
    const fresh = tempDir();
    await extract([dir], fresh);
    expectSameOutput(out, fresh);

    // --fresh processes everything again.
    const again = await extract([dir], out, '--fresh');
    expect(again.stdout).toMatch(/processed\s+6 \(.*skipped 0 unchanged/);
    expectSameOutput(out, fresh);
  }, 120_000);

  it('keeps a JSON Lines record that moved to another line, with its new source', async () => {
    const out = tempDir();
    const input = writeInput('moving.jsonl', jsonl(5, 0, 'move'));
    await extract([input], out);
    // One new record above the others: every old record is now one line further down.
    fs.writeFileSync(input, jsonl(1, 50, 'new') + jsonl(5, 0, 'move'));
    const second = await extract([input], out);
    expect(second.stdout).toMatch(/processed\s+1 \(.*skipped 5 unchanged/);
    const fresh = tempDir();
    await extract([input], fresh);
    expectSameOutput(out, fresh);
    const docs = parseCsvText(read(out, 'documents.csv').toString('utf8')).rows;
    expect(docs[1]).toMatchObject({ doc_id: 'move-0000', source: `${input}:2` });
  }, 120_000);

  it('starts from the beginning on --resume without a journal (a run killed before it wrote one), refuses --resume with --fresh', async () => {
    const r = await runCli(['extract', 'seeds', '--out', tempDir(), '--resume']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to resume: started from the beginning/);
    const both = await runCli(['extract', 'seeds', '--out', tempDir(), '--resume', '--fresh']);
    expect(both.code).toBe(2);
    const jobs = await runCli(['extract', 'seeds', '--out', tempDir(), '--jobs', '0']);
    expect(jobs.code).toBe(2);
  });

  it('shows a progress bar on a terminal, and none with --quiet', async () => {
    const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
    const wasTTY = stderr.isTTY;
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      stderr.isTTY = true;
      const quiet = await runCli(['extract', 'seeds', '--out', tempDir(), '--quiet']);
      expect(quiet.code).toBe(0);
      expect(written.join('') + quiet.stderr).not.toMatch(/documents \|/);
      expect(quiet.stdout).toMatch(/^documents\s+5 \(5 ok, 0 failed\)/m);

      written.length = 0;
      const shown = await runCli(['extract', 'seeds', '--out', tempDir()]);
      expect(shown.code).toBe(0);
      // runCli captures the streams itself; what the bar wrote is in its stderr.
      expect(written.join('') + shown.stderr).toMatch(/\d+\/5 documents \| [\d.]+ docs\/s \| 0 failed \| .* left/);
      expect(shown.stdout).toMatch(/^documents\s+5 \(5 ok, 0 failed\)/m);

      written.length = 0;
      stderr.isTTY = false;
      const piped = await runCli(['extract', 'seeds', '--out', tempDir()]);
      expect(piped.code).toBe(0);
      expect(written.join('') + piped.stderr).not.toMatch(/documents \|/);
    } finally {
      stderr.isTTY = wasTTY;
      spy.mockRestore();
    }
  }, 120_000);
});
