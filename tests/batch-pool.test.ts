// The worker pool: a worker that dies (exception, exit, out of memory, time limit)
// fails only the document it had, with the reason, and is replaced.
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/batch/pool.ts';
import { journalLine } from '../src/batch/journal.ts';
import type { DocInput } from '../src/model.ts';

const FIXTURE = new URL('./batch-fixture-processor.ts', import.meta.url).href;
const doc = (docId: string): DocInput => ({ docId, source: `${docId}.txt`, raw: `text of ${docId}` });

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('worker pool', () => {
  it('processes documents in workers and fails only those whose worker died', async () => {
    pool = new WorkerPool({ size: 2, module: FIXTURE, maxHeapMb: 64, largeHeapMb: 0 });
    const ids = ['a', 'throw', 'b', 'exit', 'c', 'oom', 'd', 'e'];
    const results = await Promise.all(ids.map((id) => pool!.run(doc(id))));
    const byId = Object.fromEntries(results.map((f) => [f.docId, f]));
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(byId[id].status).toBe('ok');
      expect(JSON.parse(byId[id].json).text).toBe(`TEXT OF ${id.toUpperCase()}`);
    }
    expect(byId.throw).toMatchObject({ status: 'failed', crashed: true });
    expect(byId.throw.error).toMatch(/^worker crashed: boom/);
    expect(byId.exit.error).toMatch(/^worker crashed: exited with code 3/);
    expect(byId.oom.error).toMatch(/^worker crashed: .*memory/i);
    // The failed rows are complete rows of documents.csv.
    expect(byId.oom.documentRow).toMatchObject({ doc_id: 'oom', source: 'oom.txt', status: 'failed' });
    expect(pool.crashes).toBe(3);
    expect(pool.started).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("gives a document's journal line as bytes made in its worker (runToLine), the line of the fragment run() gives; a crashed fragment if the worker dies", async () => {
    pool = new WorkerPool({ size: 1, module: FIXTURE, maxHeapMb: 64, largeHeapMb: 0 });
    const hash = 'ab'.repeat(32);
    const fragment = await pool.run(doc('a'));
    const [line, crashed, after] = await Promise.all([pool.runToLine(doc('a'), hash), pool.runToLine(doc('throw'), hash), pool.runToLine(doc('b'), hash)]);
    expect(line).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(line as Uint8Array).toString('utf8')).toBe(journalLine(hash, JSON.stringify(fragment)));
    expect(crashed).toMatchObject({ docId: 'throw', status: 'failed', crashed: true });
    expect(JSON.parse(Buffer.from(after as Uint8Array).toString('utf8')).f.docId).toBe('b');
  }, 60_000);

  it('tries a document that ran out of memory again, alone, with a larger heap, and fails it only if that runs out too', async () => {
    pool = new WorkerPool({ size: 2, module: FIXTURE, maxHeapMb: 64, largeHeapMb: 256 });
    const results = await Promise.all(['a', 'big', 'b', 'oom', 'c'].map((id) => pool!.run(doc(id))));
    expect(results.map((f) => [f.docId, f.status])).toEqual([['a', 'ok'], ['big', 'ok'], ['b', 'ok'], ['oom', 'failed'], ['c', 'ok']]);
    expect(results[3].error).toMatch(/^worker crashed: .*memory.* \(also with a 256 MB heap\)$/i);
    expect(pool.crashes).toBe(3); // 'big' once, 'oom' twice
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.alive).toBeLessThanOrEqual(2); // the larger-heap worker ended when nothing more needed it
  }, 60_000);

  it('fails a document that runs past the time limit and goes on', async () => {
    pool = new WorkerPool({ size: 1, module: FIXTURE, timeoutMs: 1500 });
    const [hang, after] = await Promise.all([pool.run(doc('hang')), pool.run(doc('after'))]);
    expect(hang).toMatchObject({ status: 'failed', crashed: true });
    expect(hang.error).toMatch(/timed out after 1.5 s/);
    expect(after.status).toBe('ok');
  }, 60_000);

  it("keeps this thread's young generation at its size once a worker is ready (not doubling as survivors add up)", async () => {
    pool = new WorkerPool({ size: 1, module: FIXTURE });
    await pool.run(doc('a'));
    const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
    const before = newSpace();
    const kept: string[] = [];
    for (let i = 0; i < 1_000_000; i++) kept.push(`survivor ${i}`);
    expect(kept.length).toBe(1_000_000);
    // A young generation fresh from its start commits its second half (1 -> 2 MB) whatever the factor; unchecked it doubles to 32 MB.
    expect(newSpace()).toBeLessThanOrEqual(Math.max(before, 4 << 20));
  }, 60_000);

  it("keeps this thread's old generation near what it holds alive (not floating to several times it before a full collection)", async () => {
    pool = new WorkerPool({ size: 1, module: FIXTURE });
    await pool.run(doc('a'));
    const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
    const kept = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `kept ${i}` })); // ~30 MB alive throughout
    const held = oldSpace().space_used_size;
    // Garbage that lives through a few young collections and then dies in the old generation, as a run's documents do.
    let peak = 0;
    const recent: object[][] = [];
    for (let round = 0; round < 400; round++) {
      recent.push(Array.from({ length: 10_000 }, (_, i) => ({ round, text: `passing ${round} ${i}` })));
      if (recent.length > 8) recent.shift();
      peak = Math.max(peak, oldSpace().space_size);
    }
    expect(kept.length + recent.length).toBe(300_008);
    // Unchecked, V8 lets the main thread's old generation reach about 4x what survives (here ~170 MB).
    expect(peak).toBeLessThanOrEqual(1.6 * (held + (8 << 20)) + (16 << 20));
  }, 60_000);

  it('gives the documents queued behind a crashed one to a new worker', async () => {
    pool = new WorkerPool({ size: 1, module: FIXTURE });
    const results = await Promise.all(['a', 'exit', 'b', 'c'].map((id) => pool!.run(doc(id))));
    expect(results.map((f) => [f.docId, f.status])).toEqual([['a', 'ok'], ['exit', 'failed'], ['b', 'ok'], ['c', 'ok']]);
    expect(pool.crashes).toBe(1);
  }, 60_000);

  it('times each document from when its worker begins it, not from when it was sent', async () => {
    // Each takes 0.9 s; the next is sent before the one before it is done.
    pool = new WorkerPool({ size: 1, module: FIXTURE, timeoutMs: 1500 });
    const results = await Promise.all(['busy1', 'busy2', 'busy3'].map((id) => pool!.run(doc(id))));
    expect(results.map((f) => f.status)).toEqual(['ok', 'ok', 'ok']);
  }, 60_000);

  it('stops with the error when a worker cannot start', async () => {
    pool = new WorkerPool({ size: 1, module: new URL('./no-such-processor.ts', import.meta.url).href });
    await expect(pool.run(doc('a'))).rejects.toThrow(/could not start/);
  }, 60_000);
});
