// The queue against a real Redis server (started here on a free port): worker
// processes and a collector give the very bytes `extract` writes for the same
// inputs, also when a worker is killed with SIGKILL mid-run and the collector is
// killed and started again; a document that keeps failing fails alone, with its
// reason, after the attempts it was given; adding the same inputs again enqueues
// nothing; and nothing of the run stays in Redis once it is collected. `queue add`
// reads folders and standard input as `extract` does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, parseCsvText, runCli, SHARED, tempDir } from './helpers/run.ts';
import { noRedisReason, ROOT, startRedis, type RedisServer } from './helpers/redis.ts';

const BBC = path.join(SHARED, 'corpora/bbc/articles.jsonl');
const ARTICLES = 200;
const FILES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'entities.csv', 'speakers.csv', 'extraction.jsonl'];
const skipReason = noRedisReason ?? (hasShared ? undefined : `../shared is absent (the tests run over its BBC corpus, ${BBC})`);

describe.skipIf(skipReason)('queue: workers and a collector on a real Redis', () => {
  let redis: RedisServer;
  let client: Redis;
  let input: string;
  let extracted: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    // A few hundred BBC articles, then inputs that cannot be used: an empty text, a
    // malformed line, a doc_id met before (other text), and a record repeated exactly.
    const dir = tempDir('news-extract-queue-in-');
    const lines = fs.readFileSync(BBC, 'utf8').split('\n').slice(0, ARTICLES);
    const first = JSON.parse(lines[0]) as { id: string };
    input = path.join(dir, 'articles.jsonl');
    fs.writeFileSync(input, [...lines, JSON.stringify({ id: 'empty', text: ' ' }), '{"id": "broken", "text": ', JSON.stringify({ id: first.id, text: 'Another article with the same id.' }), lines[1]].join('\n') + '\n');
    extracted = tempDir('news-extract-queue-extract-');
    const run = await runCli(['extract', input, '--out', extracted, '--jobs', '2', '--quiet']);
    expect(run.code).toBe(1); // the four bad inputs
  }, 240_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    client?.disconnect();
    await redis?.stop();
  });

  /** Starts a command of the program as its own process (`input`: its standard input). */
  function start(args: string[], input?: string): ChildProcess & { exited: Promise<number | null>; output: () => string } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    children.add(child);
    if (input !== undefined) child.stdin!.end(input);
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (children.delete(child), resolve(code))));
    return Object.assign(child, { exited, output: () => output });
  }

  const on = (queue: string) => ['--redis', redis.url, '--queue', queue];
  const worker = (queue: string, ...extra: string[]) => start(['worker', ...on(queue), '--jobs', '1', '--quiet', ...extra]);
  const queueCli = (queue: string, ...args: string[]) => runCli(['queue', ...args, ...on(queue)]);
  const status = async (queue: string) => JSON.parse((await queueCli(queue, 'status', '--json')).stdout) as Record<string, number>;

  function expectSameAsExtract(out: string, extractOut = extracted): void {
    for (const file of FILES) {
      const same = fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(extractOut, file)));
      expect(same, `${file} differs between extract (${extractOut}) and the queue (${out})`).toBe(true);
    }
  }

  async function waitFor(what: string, test: () => Promise<boolean>, ms = 120_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('two worker processes and a collector write the same bytes as extract; re-adding enqueues nothing; Redis keeps nothing of the run', async () => {
    const added = await queueCli('q1', 'add', input, '--quiet');
    expect(added.code).toBe(1); // four inputs could not be read, as in extract
    expect(added.stdout).toMatch(new RegExp(`${ARTICLES + 4} read: ${ARTICLES + 4} added, 0 added before`));
    const before = await status('q1');
    expect(before).toMatchObject({ active: 0, completed: 0, failed: 0, added: ARTICLES + 4 });
    expect(before.waiting).toBe(Math.ceil(ARTICLES / 8)); // jobs of 8 documents

    const again = await queueCli('q1', 'add', input, '--quiet');
    expect(again.stdout).toMatch(new RegExp(`${ARTICLES + 4} read: 0 added, ${ARTICLES + 4} added before`));
    expect((await status('q1')).waiting).toBe(before.waiting);

    const workers = [worker('q1', '--until-empty'), worker('q1', '--until-empty')];
    const out = tempDir('news-extract-queue-out-');
    const collected = await queueCli('q1', 'collect', '--out', out, '--follow', '--quiet');
    expect(collected.code).toBe(1); // the same four failed rows
    expect(collected.stdout).toMatch(new RegExp(`${ARTICLES + 4} written \\(${ARTICLES} ok, 4 failed\\)`));
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    expectSameAsExtract(out);
    // Both workers took part.
    const done = workers.map((w) => Number(/(\d+) documents in/.exec(w.output())?.[1]));
    expect(done[0] + done[1]).toBe(ARTICLES);

    // Everything collected is gone from Redis: no job, no result, no manifest entry.
    expect(await status('q1')).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0, manifest: 0, collected: ARTICLES });
    const jobKeys = (await client.keys('bull:q1:*')).filter((k) => /:[0-9a-f]{64}$/.test(k));
    expect(jobKeys).toEqual([]);
    expect(await client.xlen('bull:q1:events')).toBeLessThanOrEqual(400);

    // Added again after collection: still nothing new, and a second collect writes the same bytes.
    const late = await queueCli('q1', 'add', input, '--quiet');
    expect(late.stdout).toMatch(/ 0 added, /);
    const recollected = await queueCli('q1', 'collect', '--out', out, '--quiet', '--xlsx');
    expect(recollected.stdout).toMatch(/collected\s+0 results/);
    expectSameAsExtract(out);
    expect(fs.statSync(path.join(out, 'news.xlsx')).size).toBeGreaterThan(0); // as extract --xlsx
  }, 240_000);

  it('a worker killed with SIGKILL mid-run and a collector killed and restarted still give the same bytes', async () => {
    await queueCli('q2', 'add', input, '--quiet');
    const out = tempDir('news-extract-queue-out-');
    const doomed = worker('q2', '--stall-timeout', '2');
    const firstCollector = start(['queue', 'collect', ...on('q2'), '--out', out, '--follow', '--quiet']);
    await waitFor('40 documents collected', async () => (await status('q2')).collected >= 40);
    doomed.kill('SIGKILL');
    firstCollector.kill('SIGKILL');
    await Promise.all([doomed.exited, firstCollector.exited]);
    const after = await status('q2');
    expect(after.completed + after.collected, 'the run ended before the kill').toBeLessThan(ARTICLES);
    expect(after.active, 'the killed worker held no document').toBeGreaterThan(0); // locked by a dead worker

    const rescuer = worker('q2', '--until-empty', '--stall-timeout', '2');
    const collected = await queueCli('q2', 'collect', '--out', out, '--follow', '--quiet');
    expect(await rescuer.exited).toBe(0);
    const resumedWith = Number(/collected\s+(\d+) results/.exec(collected.stdout)?.[1]);
    expect(resumedWith).toBeLessThan(ARTICLES); // the first collector's results were kept
    expectSameAsExtract(out);
    const ids = parseCsvText(fs.readFileSync(path.join(out, 'documents.csv'), 'utf8')).rows.map((r) => r.doc_id);
    expect(ids.length).toBe(ARTICLES + 4);
  }, 240_000);

  it('queue add reads a folder and standard input as extract does; the status for people gives the counts and a rate', async () => {
    // Three articles as files of a folder, and the same three as JSON Lines on standard input.
    const records = fs.readFileSync(BBC, 'utf8').split('\n').slice(0, 3).map((l) => JSON.parse(l) as { id: string; text: string });
    const folder = tempDir('news-extract-queue-folder-');
    for (const r of records) fs.writeFileSync(path.join(folder, `${r.id}-file.txt`), r.text);
    const jsonLines = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const extractOut = tempDir('news-extract-queue-extract-');
    const extract = start(['extract', folder, '-', '--out', extractOut, '--jobs', '1', '--quiet'], jsonLines);
    expect(await extract.exited, extract.output()).toBe(0);

    expect((await queueCli('q4', 'add', folder, '--quiet')).stdout).toMatch(/3 read: 3 added, 0 added before/);
    const fromStdin = start(['queue', 'add', '-', ...on('q4'), '--quiet'], jsonLines);
    expect(await fromStdin.exited, fromStdin.output()).toBe(0);
    expect(fromStdin.output()).toMatch(/3 read: 3 added, 0 added before/);
    const w = worker('q4', '--until-empty');
    const out = tempDir('news-extract-queue-out-');
    expect((await queueCli('q4', 'collect', '--out', out, '--follow', '--quiet')).code).toBe(0);
    expect(await w.exited).toBe(0);
    expectSameAsExtract(out, extractOut);

    const forPeople = (await queueCli('q4', 'status')).stdout;
    for (const count of ['waiting', 'active', 'completed', 'failed']) expect(forPeople).toMatch(new RegExp(`^${count}\\s+0\\b`, 'm'));
    expect(forPeople).toMatch(/^added\s+6\b/m);
    expect(forPeople).toMatch(/^rate\s+\d+(\.\d)?\s+jobs\/s/m);
  }, 240_000);

  it('a document that keeps failing fails alone, with its reason, after the attempts it was given', async () => {
    // 1.2 MB of prose in one article takes some 20 s of one core (300 KB took under 2 s on a fast
    // machine): with a 2-second limit it times out every time, with room to spare.
    const lines = fs.readFileSync(BBC, 'utf8').split('\n').slice(0, 600);
    const long = lines.map((l) => (JSON.parse(l) as { text: string }).text).join('\n\n');
    const dir = tempDir('news-extract-queue-poison-');
    const file = path.join(dir, 'poison.jsonl');
    fs.writeFileSync(file, [lines[0], JSON.stringify({ id: 'too-long', text: long }), lines[1], lines[2]].join('\n') + '\n');
    await queueCli('q3', 'add', file, '--attempts', '2', '--quiet');
    const w = worker('q3', '--until-empty', '--doc-timeout', '2');
    const out = tempDir('news-extract-queue-out-');
    const collected = await queueCli('q3', 'collect', '--out', out, '--follow', '--quiet');
    expect(await w.exited).toBe(0);
    expect(collected.code).toBe(1);
    const rows = parseCsvText(fs.readFileSync(path.join(out, 'documents.csv'), 'utf8')).rows;
    expect(rows.map((r) => [r.doc_id, r.status])).toEqual([
      [JSON.parse(lines[0]).id, 'ok'],
      ['too-long', 'failed'],
      [JSON.parse(lines[1]).id, 'ok'],
      [JSON.parse(lines[2]).id, 'ok'],
    ]);
    expect(rows[1].error).toBe('timed out after 2 s (--doc-timeout) (2 attempts)');
  }, 240_000);
});

describe('queue commands without Redis', () => {
  it('say plainly that Redis cannot be reached, and exit 3', async () => {
    const r = await runCli(['queue', 'status', '--redis', 'redis://127.0.0.1:1', '--queue', 'nowhere']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });

  it('refuse a bad queue name, an unknown command and a missing --out as usage errors (exit 2)', async () => {
    expect((await runCli(['queue', 'status', '--queue', 'a:b'])).code).toBe(2);
    expect((await runCli(['queue', 'frobnicate'])).code).toBe(2);
    expect((await runCli(['queue', 'collect'])).code).toBe(2); // --out is required
  });
});
