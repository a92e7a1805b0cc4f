// The command line of the queue: `news-extract queue add|status|collect|clear` and
// `news-extract worker`. Loaded only for these commands (BullMQ and ioredis are not
// needed by `extract`).

import os from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from '../command-io.ts';
import { CustomisationError, loadCustomisation, type Customisation } from '../config.ts';
import { InputPathError, resolveInputs } from '../readers/inputs.ts';
import { DEFAULT_MAX_HEAP_MB } from '../batch/pool.ts';
import { DEFAULT_DOC_TIMEOUT_MS } from '../batch/run.ts';
import { EXIT, exitCodeOfRun, signalExitCode } from '../exit.ts';
import type { BatchTotals } from '../batch/totals.ts';
import { tableSummary } from '../batch/output.ts';
import { addDocuments, DEFAULT_ATTEMPTS } from './add.ts';
import { collectResults } from './collect.ts';
import { clearQueue, DEFAULT_QUEUE, DEFAULT_REDIS_URL, QueueError, type QueueTarget } from './connection.ts';
import { describeStatus, queueStatus } from './status.ts';
import { DEFAULT_STALL_SECONDS, runWorker } from './worker.ts';

export const QUEUE_HELP = `Many machines: the pipeline as workers of a BullMQ job queue on Redis

Usage:
  news-extract queue add <inputs...> [--attempts N] [--custom <file>] [--quiet]
  news-extract worker [--jobs N] [--doc-timeout <s>] [--worker-heap <MB>] [--stall-timeout <s>] [--until-empty] [--quiet]
  news-extract queue collect --out <dir> [--follow] [--xlsx] [--quiet]
  news-extract queue status [--json]
  news-extract queue clear

Each takes --redis <url> (default: $NEWS_EXTRACT_REDIS, else ${DEFAULT_REDIS_URL}) and
--queue <name> (default: $NEWS_EXTRACT_QUEUE, else ${DEFAULT_QUEUE}).

  queue add       reads inputs as extract does and enqueues each document once, in jobs
                  of up to 8: a document added before (the same content hash, even long
                  since collected) is not enqueued again. --attempts: tries per document
                  before it fails (${DEFAULT_ATTEMPTS}). --custom: lexicon changes and rules to
                  switch off, for the whole queue.
  worker          processes documents with N worker threads (default: the number of cores);
                  run any number, on any machine. --doc-timeout (default ${DEFAULT_DOC_TIMEOUT_MS / 1000} s; 0: no
                  limit) and --worker-heap as for extract. --stall-timeout: a worker silent
                  this long (killed, its machine lost) has its documents given to another
                  (default ${DEFAULT_STALL_SECONDS}). --until-empty: stop when nothing is waiting, active
                  or to be retried. SIGINT/SIGTERM: finish the documents in hand, then stop.
  queue collect   writes the tables of everything finished into --out (the same files, byte
                  for byte, as extract over the same inputs in the order they were added), and
                  removes the results from Redis. --follow: go on until the queue is empty.
                  --xlsx: news.xlsx too, as extract --xlsx writes it.
  queue status    jobs waiting, active, delayed, completed, failed; documents added and
                  collected; workers; rate. --json: one JSON object with those keys.
  queue clear     deletes the queue and everything kept for it in Redis.

Exit codes: 0 done; 1 some documents failed (each is a row of documents.csv with its
reason); 2 a usage error; 3 Redis cannot be reached or the queue cannot be used (the
message says why); 130/143 collect stopped by SIGINT/SIGTERM (the tables of what was
collected are written).`;

const COMMON = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parse<T extends Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>>(argv: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args: argv, allowPositionals: positionals, options: { ...COMMON, ...options } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function targetOf(values: { redis?: string; queue?: string }): QueueTarget {
  return {
    redisUrl: values.redis ?? process.env.NEWS_EXTRACT_REDIS ?? DEFAULT_REDIS_URL,
    queue: values.queue ?? process.env.NEWS_EXTRACT_QUEUE ?? DEFAULT_QUEUE,
  };
}

function wholeNumber(option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${option} takes a whole number of at least ${min}, got "${value}"`);
  return n;
}

function seconds(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0) || !Number.isFinite(n)) throw new UsageError(`${option} takes a number of seconds, got "${value}"`);
  return n;
}

/** `news-extract queue <add|status|collect|clear> ...` */
export async function runQueueCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'add') return await add(rest);
    if (sub === 'status') return await status(rest);
    if (sub === 'collect') return await collect(rest);
    if (sub === 'clear') return await clear(rest);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      console.log(QUEUE_HELP);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    }
    throw new UsageError(`unknown queue command "${sub}" (add, status, collect or clear)`);
  } catch (err) {
    return queueFailure(err);
  }
}

/** `news-extract worker ...` */
export async function runWorkerCommand(argv: string[]): Promise<number> {
  try {
    const { values } = parse(argv, {
      jobs: { type: 'string', short: 'j' },
      'doc-timeout': { type: 'string' },
      'worker-heap': { type: 'string' },
      'stall-timeout': { type: 'string' },
      'until-empty': { type: 'boolean', default: false },
    });
    if (values.help) return help();
    const target = targetOf(values);
    const log = values.quiet ? undefined : (line: string) => console.error(`news-extract worker: ${line}`);
    const jobs = wholeNumber('--jobs', values.jobs, 1) ?? os.availableParallelism();
    const stop = stopOnSignals();
    const started = performance.now();
    try {
      const totals = await runWorker({
        ...target,
        jobs,
        docTimeoutMs: values['doc-timeout'] === undefined ? DEFAULT_DOC_TIMEOUT_MS : seconds('--doc-timeout', values['doc-timeout'])! * 1000,
        workerHeapMb: wholeNumber('--worker-heap', values['worker-heap'], 64) ?? DEFAULT_MAX_HEAP_MB,
        stallSeconds: seconds('--stall-timeout', values['stall-timeout']),
        untilEmpty: values['until-empty'],
        log,
        stop: stop.signal,
      });
      const took = (performance.now() - started) / 1000;
      console.log(
        `worker: ${totals.done} documents in ${took.toFixed(1)} s with ${totals.threads} thread${totals.threads === 1 ? '' : 's'} (idle ${totals.idleSeconds.toFixed(1)} s in all)` +
          `${totals.failedAttempts ? `; ${totals.failedAttempts} failed attempts` : ''}${stop.received ? `; stopped by ${stop.received}` : ''}`,
      );
      return 0;
    } finally {
      stop.dispose();
    }
  } catch (err) {
    return queueFailure(err);
  }
}

function help(): number {
  console.log(QUEUE_HELP);
  return 0;
}

function queueFailure(err: unknown): number {
  if (err instanceof QueueError) {
    console.error(`news-extract: ${err.message}`);
    return EXIT.failure;
  }
  if (err instanceof InputPathError || err instanceof CustomisationError) throw new UsageError(err.message);
  throw err;
}

async function add(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { attempts: { type: 'string' }, custom: { type: 'string' } }, true);
  if (values.help) return help();
  if (!positionals.length) throw new UsageError('queue add: no inputs given (a file, a folder, or - for JSON Lines on standard input)');
  const target = targetOf(values);
  const customisation: Customisation | undefined = values.custom === undefined ? undefined : loadCustomisation(values.custom);
  const files = resolveInputs(positionals);
  const totals = await addDocuments({
    ...target,
    files,
    attempts: wholeNumber('--attempts', values.attempts, 1),
    customisation,
    onFailure: values.quiet ? undefined : (f) => console.error(`failed: ${f.source} (${f.docId}): ${f.error}`),
  });
  const failed = totals.failedCount ? `; ${totals.failedCount} could not be read (each will be a failed row of documents.csv)` : '';
  console.log(
    [
      `documents  ${totals.read} read: ${totals.added} added, ${totals.known} added before${failed}`,
      `queue      "${target.queue}" on ${target.redisUrl}`,
    ].join('\n'),
  );
  return exitCodeOfRun(totals.failedCount);
}

async function status(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean', default: false } });
  if (values.help) return help();
  const target = targetOf(values);
  const s = await queueStatus(target);
  console.log(values.json ? JSON.stringify(s) : describeStatus(s, target.redisUrl));
  return 0;
}

async function collect(argv: string[]): Promise<number> {
  const { values } = parse(argv, { out: { type: 'string', short: 'o' }, follow: { type: 'boolean', default: false }, xlsx: { type: 'boolean', default: false } });
  if (values.help) return help();
  if (!values.out) throw new UsageError('queue collect: --out <dir> is required (where the tables are written)');
  const target = targetOf(values);
  const stop = stopOnSignals();
  const started = performance.now();
  try {
    const totals = await collectResults({
      ...target,
      outDir: values.out,
      follow: values.follow,
      xlsx: values.xlsx,
      stop: stop.signal,
      onFailure: values.quiet ? undefined : (f) => console.error(`failed: ${f.source} (${f.docId}): ${f.error}`),
      onProgress: values.quiet ? undefined : (line) => console.error(`news-extract collect: ${line}`),
    });
    printCollectSummary(totals, values.out, (performance.now() - started) / 1000);
    if (totals.lost) {
      console.error(
        `news-extract: ${totals.lost} documents were added but neither their jobs nor their results are in Redis any more ` +
          `(was Redis restarted without persistence, or the queue cleared?): they are not in the tables`,
      );
    }
    if (stop.received) return signalExitCode(stop.received);
    return exitCodeOfRun(totals.failedCount + totals.lost);
  } finally {
    stop.dispose();
  }
}

function printCollectSummary(t: BatchTotals & { collected: number; pending: number }, outDir: string, took: number): void {
  const ok = t.documents - t.failedCount;
  console.log(
    [
      `documents      ${t.documents} written (${ok} ok, ${t.failedCount} failed)${t.pending ? `; ${t.pending} not finished yet` : ''}`,
      `collected      ${t.collected} results from the queue in ${took.toFixed(1)} s`,
      ...tableSummary(t, outDir),
    ].join('\n'),
  );
}

async function clear(argv: string[]): Promise<number> {
  const { values } = parse(argv, {});
  if (values.help) return help();
  const target = targetOf(values);
  await clearQueue(target);
  console.log(`queue "${target.queue}" on ${target.redisUrl} cleared`);
  return 0;
}

/** The first SIGINT or SIGTERM asks the command to stop (it finishes what it holds); a second ends the process at once. */
function stopOnSignals() {
  const controller = new AbortController();
  const state = { signal: controller.signal, received: undefined as NodeJS.Signals | undefined, dispose: () => {} };
  const handler = (signal: NodeJS.Signals) => {
    if (state.received) process.exit(signalExitCode(signal));
    state.received = signal;
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  state.dispose = () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
  return state;
}
