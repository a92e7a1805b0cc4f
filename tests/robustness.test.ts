// Nothing lost, nothing hung: a full disk or a short write, a gzip bomb, an output
// folder inside the input, a pathological article, a signal, a FIFO, environment
// errors, links, an early kill, damaged UTF-8 and control characters.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDocProcessor } from '../src/batch/process.ts';
import { parseCsvText, runCli, runPipeline, tempDir, type RunResult } from './helpers/run.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_DIR = path.join(ROOT, 'seeds');
const SEEDS = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();
const SEED = fs.readFileSync(path.join(SEED_DIR, SEEDS[1]), 'utf8');
const TABLES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'entities.csv', 'speakers.csv', 'extraction.jsonl'];

type Row = Record<string, string>;
const rows = (run: RunResult, table: string) => parseCsvText(run.read(`${table}.csv`)).rows as Row[];
const docsOf = (run: RunResult) => rows(run, 'documents');

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('news-extract-robust-in-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** What a stopped or failed run must never leave: temporary tables, a lock. */
function expectNothingLeft(outDir: string): void {
  if (!fs.existsSync(outDir)) return;
  expect(fs.readdirSync(outDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  expect(fs.existsSync(path.join(outDir, '.news-extract', 'lock'))).toBe(false);
}

/** A short article of its own for record `i`. */
function article(i: number): string {
  return `Council plans scheme number ${i}\n\nLeeds City Council said on Monday it would spend £${i + 1}m on scheme ${i} in Bristol. "This is a big day," said John Smith, the council's chief executive. About ${i * 7 + 12} jobs would be created, he said.\n`;
}
const jsonl = (count: number, prefix = 'doc') => Array.from({ length: count }, (_, i) => JSON.stringify({ id: `${prefix}-${String(i).padStart(3, '0')}`, text: article(i) })).join('\n') + '\n';

interface Child {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stderr: () => string;
}

/** The command in a child Node (with tsx), so that it can be signalled. */
function spawnCli(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  return { child, exited, stderr: () => stderr };
}

const journalEntries = (outDir: string): number => {
  try {
    return fs.readFileSync(path.join(outDir, '.news-extract', 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A small tmpfs of `size`, mounted for the test (root only); undefined, with the reason, where it cannot be. */
function smallDisk(size: string, options = ''): { dir?: string; reason?: string } {
  if (process.platform !== 'linux') return { reason: 'tmpfs needs Linux' };
  if (!isRoot) return { reason: 'mounting a tmpfs needs root' };
  const dir = tempDir('news-extract-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir], { stdio: 'pipe' });
    mounted.push(dir);
    return { dir };
  } catch (err) {
    return { reason: `mount failed: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}` };
  }
}
const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) execFileSync('umount', [dir]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Write = (fd: number, data: Uint8Array, offset: number, length: number, position: number | null | undefined) => number;

/** Puts `write` between the program and every fs.writeSync of bytes (until the test ends). */
function interceptWrites(write: (real: Write, ...args: Parameters<Write>) => number): void {
  const real = fs.writeSync;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array | string, offset?: number | null, length?: number | BufferEncoding, position?: number | null) => {
    if (typeof data === 'string') {
      // writeSync(fd, string, position, encoding)
      const bytes = Buffer.from(data, typeof length === 'string' ? length : 'utf8');
      return write(real as Write, fd, bytes, 0, bytes.length, offset);
    }
    const from = offset ?? 0;
    return write(real as Write, fd, data, from, typeof length === 'number' ? length : data.length - from, position);
  }) as typeof fs.writeSync);
}

describe('1. every write is checked', () => {
  const fullDisk = smallDisk('200k');
  it.skipIf(!fullDisk.dir)(`a full disk fails the run with exit 3, the file and the reason, and leaves no table, temp file or lock${fullDisk.reason ? ` (skipped: ${fullDisk.reason})` : ''}`, async () => {
    const out = path.join(fullDisk.dir!, 'out');
    const r = await runCli(['extract', 'seeds', '--out', out, '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^news-extract: cannot write \S+\/out\/\S+: no space left on device \(ENOSPC\)$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    for (const table of TABLES) expect(fs.existsSync(path.join(out, table)), table).toBe(false);
    expectNothingLeft(out);
  }, 60_000);

  it('writes every byte when the system takes fewer than it was given', async () => {
    // At most 1,000 bytes a call, as a nearly full disk may do; the output must still be the whole golden output.
    interceptWrites((write, fd, data, offset, length, position) => write(fd, data, offset, Math.min(length, 1000), position));
    const short = await runPipeline(['seeds']);
    expect(short.code).toBe(0);
    for (const table of TABLES) expect(short.read(table), table).toBe(fs.readFileSync(path.join(ROOT, 'tests', 'golden', table), 'utf8'));
  }, 60_000);

  it('reports a journal that cannot be written (ENOSPC) with exit 3 and leaves no temp file or lock', async () => {
    interceptWrites((write, fd, data, offset, length, position) => {
      // The journal appends at a position; the tables are written in sequence.
      if (typeof position === 'number') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return write(fd, data, offset, length, position);
    });
    const run = await runPipeline(['seeds']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot write \S+journal\.jsonl: no space left on device \(ENOSPC\)/);
    expect(fs.existsSync(path.join(run.outDir, 'documents.csv'))).toBe(false);
    expectNothingLeft(run.outDir);
  }, 60_000);
});

describe('2. every input is bounded before it is held', () => {
  it('stops gunzipping at the size limit of a plain file, names the limit, and goes on with the batch', async () => {
    // 200 gzip members of 1 MB of spaces each: 200 MB unpacked from a few hundred KB.
    const member = gzipSync(Buffer.alloc(1 << 20, 0x20));
    const bomb = Buffer.concat(Array.from({ length: 200 }, () => member));
    expect(bomb.length).toBeLessThan(1 << 20);
    const run = await runPipeline([folderWith({ 'a-bomb.html.gz': bomb, 'b-good.txt': SEED })]);
    expect(run.code).toBe(1);
    expect(docsOf(run).map((d) => [d.doc_id, d.status, d.error])).toEqual([
      ['a-bomb', 'failed', 'file too large after gunzip (over 5 MB; the limit is 5 MB)'],
      ['b-good', 'ok', ''],
    ]);
  }, 60_000);

  it('skips a JSON Lines record longer than the limit without holding it, and reads the next', async () => {
    const long = JSON.stringify({ id: 'long', text: 'word '.repeat(2_200_000) });
    const run = await runPipeline([folderWith({ 'batch.jsonl': `${long}\n${JSON.stringify({ id: 'next', text: SEED })}\n` })]);
    expect(docsOf(run).map((d) => [d.doc_id, d.status, d.error])).toEqual([
      ['batch-line1', 'failed', 'line 1 is too long (over 10.1 MB; an article\'s text may have 5 MB)'],
      ['next', 'ok', ''],
    ]);
  }, 60_000);
});

describe('3. the output folder is never read as input', () => {
  it('gives the same documents on every run into a folder inside the input folder', async () => {
    const dir = folderWith(Object.fromEntries(SEEDS.map((f) => [f, fs.readFileSync(path.join(SEED_DIR, f))])));
    const out = path.join(dir, 'out');
    for (let i = 0; i < 3; i++) {
      const r = await runCli(['extract', dir, '--out', out, '--quiet']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^documents\s+5 \(5 ok, 0 failed\)/m);
    }
    const named = await runCli(['extract', path.join(out, 'extraction.jsonl'), '--out', out, '--quiet']);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/inside the output folder/);
  }, 120_000);
});

describe('4. a document costs time in proportion to its length', () => {
  const processDoc = createDocProcessor();
  // Both took minutes before (a regular expression and a scan to the end of the
  // sentence per reporting verb were quadratic); now well under a second each, so
  // these time limits cannot be met by luck if the quadratic steps come back.
  it('processes a 400,000-letter word', () => {
    const raw = `A headline for the test\n\nThe council said ${'a'.repeat(400_000)} was fine. John Smith agreed.\n`;
    const f = processDoc({ docId: 'word', source: 'word', raw });
    expect(f.status).toBe('ok');
    expect(f.counts.people).toBe(1);
  }, 20_000);

  it('processes a 400 KB line without punctuation, dense with reporting verbs', () => {
    const words = ['council', 'the', 'said', 'money', 'Leeds', 'plan', 'John', 'Smith', 'and', 'of'];
    let line = '';
    for (let i = 0; line.length < 400_000; i++) line += `${words[(i * 7) % 10]} `;
    const f = processDoc({ docId: 'line', source: 'line', raw: `A headline for the test\n\n${line}\n` });
    expect(f.status).toBe('ok');
    expect(f.counts.people).toBeGreaterThan(0);
  }, 30_000);

  it('runs a small batch in a worker, where the default time limit applies as in any batch, with the same bytes as in the main thread', async () => {
    const out = tempDir();
    const r = await runCli(['extract', 'seeds', '--out', out, '--quiet']);
    expect(r.stdout).toMatch(/processed\s+5 \(1 worker thread;/);
    const inline = await runPipeline(['seeds']);
    expect(inline.stdout).toMatch(/processed\s+5 \(in the main thread;/);
    for (const table of TABLES) expect(fs.readFileSync(path.join(out, table), 'utf8'), table).toBe(inline.read(table));
  }, 60_000);

  it('gives a document over the time limit the same outcome alone and in a large batch', async () => {
    // About 4 s of work (1.2 MB), against a limit of 1 s; room for its memory, so it is the time that stops it.
    const slow = JSON.stringify({ id: 'slow', text: `A headline\n\n${'the cat sat on the mat and said so '.repeat(35_000)}\n` });
    const limits = ['--doc-timeout', '1', '--worker-heap', '768'];
    const alone = await runPipeline([folderWith({ 'one.jsonl': slow + '\n' })], limits);
    const batch = await runPipeline([folderWith({ 'many.jsonl': jsonl(55) + slow + '\n' })], [...limits, '--jobs', '1']);
    const outcome = (run: RunResult) => docsOf(run).find((d) => d.doc_id === 'slow');
    expect(outcome(alone)).toMatchObject({ status: 'failed', error: 'timed out after 1 s (--doc-timeout)' });
    expect(outcome(batch)).toMatchObject({ status: 'failed', error: 'timed out after 1 s (--doc-timeout)' });
    expect(docsOf(batch).filter((d) => d.status === 'ok')).toHaveLength(55);
  }, 120_000);
});

describe('5. signals stop any run; a FIFO does not hang it', () => {
  it('stops a small run at SIGTERM within seconds (exit 143), leaves the journal whole, and a rerun goes on', async () => {
    const input = path.join(folderWith({ 'small.jsonl': jsonl(40) }), 'small.jsonl');
    const out = tempDir();
    const run = spawnCli(['extract', input, '--out', out, '--quiet']);
    expect(await waitFor(() => journalEntries(out) >= 3, 90_000)).toBe(true);
    const sent = Date.now();
    run.child.kill('SIGTERM');
    const { code, at } = await run.exited;
    expect(code).toBe(143);
    expect(at - sent).toBeLessThan(5000);
    expect(run.stderr()).toMatch(/stopped by SIGTERM/);
    expect(fs.existsSync(path.join(out, 'documents.csv'))).toBe(false);
    expectNothingLeft(out);
    const kept = journalEntries(out);
    expect(kept).toBeLessThan(40);
    for (const line of fs.readFileSync(path.join(out, '.news-extract', 'journal.jsonl'), 'utf8').split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    const again = await runCli(['extract', input, '--out', out, '--quiet', '--resume']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`skipped ${kept} unchanged`));
    expect(parseCsvText(fs.readFileSync(path.join(out, 'documents.csv'), 'utf8')).rows).toHaveLength(40);
  }, 120_000);

  it('stops a run with workers at SIGINT (exit 130)', async () => {
    const input = path.join(folderWith({ 'big.jsonl': jsonl(60) }), 'big.jsonl');
    const out = tempDir();
    const run = spawnCli(['extract', input, '--out', out, '--quiet', '--jobs', '2']);
    expect(await waitFor(() => journalEntries(out) >= 5, 90_000)).toBe(true);
    const sent = Date.now();
    run.child.kill('SIGINT');
    const { code, at } = await run.exited;
    expect(code).toBe(130);
    expect(at - sent).toBeLessThan(5000);
    expectNothingLeft(out);
  }, 120_000);

  it('reads a FIFO no one writes to as an empty file, and stops at SIGTERM while one is waited for', async () => {
    if (process.platform === 'win32') return;
    const dir = folderWith({ 'a.txt': SEED });
    execFileSync('mkfifo', [path.join(dir, 'b.txt')]);
    const r = await runPipeline([dir]);
    expect(docsOf(r).map((d) => [d.doc_id, d.status, d.error])).toEqual([
      ['a', 'ok', ''],
      ['b', 'failed', 'empty file'],
    ]);

    // A writer that opens the FIFO and never writes: the run waits, but a signal still stops it.
    const fifo = path.join(tempDir(), 'stream.jsonl');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `exec 3>"${fifo}"; sleep 60`], { stdio: 'ignore' });
    try {
      const out = tempDir();
      const run = spawnCli(['extract', fifo, '--out', out, '--quiet']);
      expect(await waitFor(() => fs.existsSync(path.join(out, '.news-extract', 'lock')), 60_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      const sent = Date.now();
      run.child.kill('SIGTERM');
      const { code, at } = await run.exited;
      expect(code).toBe(143);
      expect(at - sent).toBeLessThan(5000);
      expectNothingLeft(out);
    } finally {
      writer.kill('SIGKILL');
    }
  }, 120_000);
});

describe('6. exit codes a script can trust', () => {
  it('says what, where and why in one line, with exit 3, for an output path that is a file; --debug adds the stack', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await runCli(['extract', 'seeds', '--out', file, '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`news-extract: cannot write to ${file}: it is a file, not a folder`);
    const debug = await runCli(['extract', 'seeds', '--out', file, '--quiet', '--debug']);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  const readOnly = smallDisk('1m', 'ro');
  it.skipIf(!readOnly.dir)(`exits 3 for a read-only output folder${readOnly.reason ? ` (skipped: ${readOnly.reason})` : ''}`, async () => {
    const r = await runCli(['extract', 'seeds', '--out', path.join(readOnly.dir!, 'out'), '--quiet']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^news-extract: cannot create the output folder \S+: read-only file system \(EROFS\)$/);
  });

  it('fails an unreadable subfolder as one document with the reason, and goes on', async () => {
    const dir = folderWith({ 'a.txt': SEED, 'locked/b.txt': SEED });
    const real = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const r = await runPipeline([dir]);
    expect(r.code).toBe(1);
    expect(docsOf(r).map((d) => [d.doc_id, d.status, d.error])).toEqual([
      ['a', 'ok', ''],
      ['locked', 'failed', 'unreadable folder (EACCES)'],
    ]);
  }, 60_000);

  it('documents the exit codes in --help', async () => {
    const r = await runCli(['--help']);
    for (const code of ['0 ', '1 ', '2 ', '3 ', '130', '143']) expect(r.stdout).toMatch(new RegExp(`^  ${code}`, 'm'));
  });
});

describe('7. links are followed; an input with no documents is a usage error', () => {
  it('reads a folder of links, and fails dangling links and loops with the reason', async () => {
    const dir = tempDir('news-extract-links-');
    for (const f of SEEDS) fs.symlinkSync(path.join(SEED_DIR, f), path.join(dir, f));
    fs.symlinkSync('/no/such/article.txt', path.join(dir, 'dangling.txt'));
    fs.symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    const r = await runPipeline([dir]);
    expect(r.code).toBe(1);
    const docs = docsOf(r);
    expect(docs.filter((d) => d.status === 'ok').map((d) => `${d.doc_id}.txt`)).toEqual(SEEDS);
    expect(docs.filter((d) => d.status === 'failed').map((d) => [d.doc_id, d.error])).toEqual([
      ['dangling', 'dangling symbolic link (to /no/such/article.txt, which does not exist)'],
      ['loop-a', 'symbolic link loop (ELOOP)'],
      ['loop-b', 'symbolic link loop (ELOOP)'],
      ['up', `symbolic link loop (leads back to the folder ${fs.realpathSync(dir)})`],
    ]);
  }, 60_000);

  it('gives a usage error for an empty folder and an empty JSON Lines file', async () => {
    const empty = await runCli(['extract', tempDir(), '--out', tempDir(), '--quiet']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no articles in/);
    const blank = await runCli(['extract', path.join(folderWith({ 'none.jsonl': '\n\n' }), 'none.jsonl'), '--out', tempDir(), '--quiet']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/hold no documents/);
  });
});

describe('8. a run killed at any moment goes on', () => {
  it('resumes after a kill that left only the lock (before the journal had an entry)', async () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, '.news-extract'));
    fs.writeFileSync(path.join(out, '.news-extract', 'lock'), JSON.stringify({ pid: 2 ** 22 + 1, started: 'then' }));
    const r = await runCli(['extract', 'seeds', '--out', out, '--quiet', '--resume']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/continued an interrupted run/);
    expect(r.stdout).toMatch(/^documents\s+5 \(5 ok/m);
  }, 60_000);
});

describe('9. decoding is honest', () => {
  it('keeps UTF-8 with three stray bytes as UTF-8, the bytes replaced, with a note and the encoding in documents.csv', async () => {
    const text = 'Council says care costs rise\n\nSocial care costs will rise by £2m, the council’s leader said. ';
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe9]), Buffer.from(' The plan was approved '), Buffer.from([0xff, 0xfe]), Buffer.from(' on Monday.\n')]);
    const run = await runPipeline([folderWith({ 'damaged.txt': bytes, 'legacy.txt': Buffer.from('Council news\n\nThe council said it would cost \xa32m, a caf\xe9 owner said.\n', 'latin1') })]);
    const [damaged, legacy] = docsOf(run);
    expect(damaged).toMatchObject({ status: 'ok', encoding: 'utf-8', notes: '3 invalid UTF-8 byte sequences replaced by U+FFFD' });
    const extraction = run.read('extraction.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(extraction[0].text).toContain('Social care costs will rise by £2m, the council’s leader said. \ufffd The plan');
    expect(legacy).toMatchObject({ status: 'ok', encoding: 'windows-1252', notes: '' });
    expect(extraction[1].text).toContain('£2m, a café owner');
  }, 60_000);
});

describe('10. control characters are replaced alike in every format and never reach a CSV cell', () => {
  it('treats a NUL in a .txt file like \\u0000 in a JSON Lines record, and lone surrogates alike in CSV and JSON', async () => {
    const body = 'The council said the plan\u0000 would cost \u001b[31m£2m. John Smith\ud800 agreed, said the chief\u0007 executive.';
    const record = { id: 'record', title: 'Plan\u0000 approved', url: 'https://example.org/\u0001x', text: `Council plan approved\n\n${body}\n` };
    const run = await runPipeline([folderWith({ 'a-text.txt': Buffer.from(`Council plan approved\n\n${body.replace('\ud800', '')}\n`, 'utf8'), 'b.jsonl': JSON.stringify(record) + '\n' })]);
    expect(run.code).toBe(0);
    const docs = docsOf(run);
    expect(docs.map((d) => [d.doc_id, d.status, d.notes])).toEqual([
      ['a-text', 'ok', '3 control characters replaced'],
      ['record', 'ok', '4 control characters replaced'],
    ]);
    for (const table of TABLES.filter((t) => t.endsWith('.csv'))) {
      expect(run.read(table), table).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udfff]/);
    }
    const extraction = run.read('extraction.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    // The same text from both formats, but for the lone surrogate only JSON can carry.
    expect(extraction[1].text).toBe(extraction[0].text.replace('John Smith', 'John Smith\ufffd'));
    expect(extraction[0].text).toContain('plan\ufffd would cost \ufffd[31m£2m');
    expect(rows(run, 'mentions').filter((m) => m.doc_id === 'record').map((m) => m.text)).toContain('John Smith');
    expect(docs[1].url).toBe('https://example.org/\ufffdx');
    expect(docs[1].title).toBe('Plan\ufffd approved');
  }, 60_000);
});
