// `news-extract worker`: takes jobs of documents from the queue and runs each
// document through the worker threads `extract` uses (pool.ts: one set of stages
// per thread, a heap limit, --doc-timeout), any number of such processes on any
// number of machines.
//
// A document's result is its fragment (fragment.ts), the serialised rows the
// collector writes, as the line the collector's journal keeps (journal.ts): made,
// serialised and encoded in the worker thread that processed it, so this process's
// main thread only passes bytes on. A job's results go to the queue's results hash,
// a line per document, compressed, rather than back
// to BullMQ as its return value: BullMQ would also copy them into its event
// stream, and the collector appends the bytes to its journal as they are, without
// decoding or parsing them.
//
// A thread that dies with a document (a crash, out of memory, a timeout) fails
// that attempt: alone in its job, BullMQ tries it again after a back-off and fails
// it for good after the attempts given to `queue add`; among others, it is put back
// in the queue alone with the attempts left. A worker process that dies (SIGKILL,
// a lost machine) stops renewing its jobs' locks; another worker's stalled-job
// check puts those jobs back in the queue.

import type { Fragment } from '../batch/fragment.ts';
import { workerBundle } from '../batch/bundle.ts';
import { nerTablesFor } from '../batch/run.ts';
import { WorkerPool } from '../batch/pool.ts';
import { journalLine } from '../batch/journal.ts';
import { checkVersion, connect, DocumentQueue, packResults, queueKeys, readSettings, redisClient, Worker, type DocumentJob, type ManifestEntry, type QueueSettings, type QueueTarget } from './connection.ts';
import { jobOptions } from './add.ts';
import { failedDocumentFragment } from './collect.ts';
import type { Redis } from 'ioredis';

/**
 * Jobs held per thread: the one whose documents it works on and the next, so that
 * a round trip to Redis never leaves it waiting (with jobs of one document, 600 BBC
 * articles on 1 thread: idle 1.7 s holding 2 documents, 0.7 s holding 3).
 */
const JOBS_PER_THREAD = 2;
/** A job whose worker shows no sign of life for this long goes back to the queue (BullMQ's default lock). */
export const DEFAULT_STALL_SECONDS = 30;
/** A job may go back to the queue this many times (its worker process died) before it fails. */
const MAX_STALLS = 2;

/** A document the pool could not process comes back as a failed fragment, not as its journal line's bytes. */
const crashed = (result: Uint8Array | Fragment): result is Fragment => !(result instanceof Uint8Array);

/** Per-minute counts of finished documents kept for `queue status` (a day). */
const METRIC_MINUTES = 24 * 60;

export interface WorkerOptions extends QueueTarget {
  /** Worker threads. */
  jobs: number;
  docTimeoutMs?: number;
  workerHeapMb?: number;
  stallSeconds?: number;
  /** Stop once the queue has nothing waiting, active or delayed. */
  untilEmpty?: boolean;
  log?: (line: string) => void;
  /** Stops taking documents; those in hand are finished first. */
  stop?: AbortSignal;
}

export interface WorkerTotals {
  /** Documents this process finished (a document that failed in a stage is finished, as in `extract`). */
  done: number;
  /** Attempts that failed (a crash, a timeout): tried again, or failed for good after the last. */
  failedAttempts: number;
  threads: number;
  /** Seconds the threads waited for a document, summed over threads (how well the queue feeds them). */
  idleSeconds: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerTotals> {
  const log = options.log ?? (() => {});
  const redis = await connect(options);
  const queue = new DocumentQueue(options);
  const totals: WorkerTotals = { done: 0, failedAttempts: 0, threads: 0, idleSeconds: 0 };
  try {
    const settings = await waitForSettings(redis, options, log);
    if (!settings) return totals;
    checkVersion(settings, options.queue);
    const bundle = await workerBundle((reason) => log(`worker threads run under tsx (slower): the worker bundle could not be built: ${reason}`));
    const nerTables = await nerTablesFor(settings.customisation);
    const pool = new WorkerPool({ size: options.jobs, bundle, maxHeapMb: options.workerHeapMb, timeoutMs: options.docTimeoutMs, customisation: settings.customisation, nerTables });
    try {
      // The pipeline must start here before any job is taken: a machine where it cannot must not use up documents' attempts.
      await pool.run({ docId: 'warm-up', source: 'warm-up', raw: 'A first document\n\nIt checks that the pipeline starts.' });
      let poolFailure: Error | undefined;
      const stallMs = (options.stallSeconds ?? DEFAULT_STALL_SECONDS) * 1000;
      const connection = redisClient(options.redisUrl);
      connection.on('error', () => {});
      const resultsKey = queueKeys(options.queue).results;
      const worker = new Worker<DocumentJob, null>(
        options.queue,
        async (job) => {
          const { docs } = job.data;
          let results: (Uint8Array | Fragment)[];
          try {
            // Each document's journal line, serialised by the thread that processed it: this thread only passes bytes on.
            results = await Promise.all(docs.map((d) => pool.runToLine(d.input, d.hash)));
          } catch (err) {
            poolFailure ??= err as Error;
            void worker.close(true);
            throw err;
          }
          // A job of one document fails as a whole and BullMQ tries it again (after a back-off).
          if (docs.length === 1 && crashed(results[0])) throw new Error(results[0].error);
          // Of several, one that failed is tried again alone (its neighbours are done), with the attempts left.
          const lines: Uint8Array[] = [];
          const again: ManifestEntry[] = [];
          const attemptsLeft = (job.opts.attempts ?? 1) - 1;
          docs.forEach((doc, i) => {
            const result = results[i];
            if (!crashed(result)) lines.push(result);
            else if (attemptsLeft > 0) again.push(doc);
            else lines.push(Buffer.from(journalLine(doc.hash, JSON.stringify(failedDocumentFragment(doc.input, result.error, 1)))));
          });
          if (again.length) await queue.addBulk(again.map((doc) => ({ name: 'documents', data: { docs: [doc], triedBefore: 1 }, opts: jobOptions(doc.hash, attemptsLeft) })));
          // Before the job completes, so a completed job always has its results. Written
          // again if the job is run again (its worker died before completing it): the same bytes.
          // As bytes: encoded once, in the worker threads, and not parsed again on their way to the collector's journal.
          await redis.hset(resultsKey, job.id!, await packResults(lines));
          totals.done += docs.length - again.length;
          return null;
        },
        {
          connection,
          concurrency: options.jobs * JOBS_PER_THREAD,
          lockDuration: stallMs,
          stalledInterval: stallMs,
          maxStalledCount: MAX_STALLS,
          metrics: { maxDataPoints: METRIC_MINUTES },
          autorun: false,
        },
      );
      worker.on('failed', (job, err) => {
        totals.failedAttempts++;
        if (!job) return;
        const last = job.attemptsMade >= (job.opts.attempts ?? 1);
        const what = job.data.docs.map((d) => `${d.input.source} (${d.input.docId})`).join(', ');
        log(`${last ? 'failed' : 'will try again'}: ${what}, attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}: ${err.message}`);
      });
      worker.on('error', (err) => log(`worker: ${err.message}`));
      const onStop = () => void worker.close();
      options.stop?.addEventListener('abort', onStop);
      const emptyCheck = options.untilEmpty ? watchUntilEmpty(queue, () => void worker.close()) : undefined;
      try {
        await worker.run();
      } finally {
        if (emptyCheck) clearInterval(emptyCheck);
        options.stop?.removeEventListener('abort', onStop);
        await worker.close();
        connection.disconnect(); // BullMQ leaves a connection it was given open
      }
      if (poolFailure) throw poolFailure;
      totals.threads = pool.started;
      return totals;
    } finally {
      await pool.close();
      totals.idleSeconds = pool.idleMs / 1000;
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** The queue's settings, once the first `queue add` has set them; undefined if stopped before. */
async function waitForSettings(redis: Redis, options: WorkerOptions, log: (line: string) => void): Promise<QueueSettings | undefined> {
  let told = false;
  while (!options.stop?.aborted) {
    const settings = await readSettings(redis, options.queue);
    if (settings) return settings;
    if (!told) log(`waiting for documents to be added to queue "${options.queue}"`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return undefined;
}

/** Calls `stop` once nothing is left to do: nothing waiting, delayed (to be tried again) or active anywhere. */
function watchUntilEmpty(queue: DocumentQueue, stop: () => void): NodeJS.Timeout {
  let checking = false;
  return setInterval(() => {
    if (checking) return;
    checking = true;
    queue
      .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')
      .then((counts) => {
        if (Object.values(counts).every((n) => n === 0)) stop();
      })
      .catch(() => {})
      .finally(() => (checking = false));
  }, 1000);
}
