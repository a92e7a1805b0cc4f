// A batch run: inputs are read lazily, documents go to the worker pool (one worker
// for a small batch; the main thread only for a small batch with no time limit,
// since only a worker can be stopped in the middle of a document), finished documents
// wait in a reorder buffer keyed by input index and are written in input order, so
// the output is byte-identical whatever the number of workers. At most `window`
// documents are between being read and being written, so memory stays flat
// however many documents there are.
//
// Every processed document also goes to the output folder's journal (see
// journal.ts) as soon as it is done; a document whose content hash is already
// there is not processed again but written from the journal. The tables are
// written under temporary names and renamed when the run is complete; a signal
// stops the run between events, with the journal whole (see stopOnSignals).

import fs from 'node:fs';
import path from 'node:path';
import { ruleEnabled, type DocInput } from '../model.ts';
import { readInputs } from '../readers/inputs.ts';
import { OutputWriter, prepareOutputFolder, WORKBOOK_FILE } from '../writers.ts';
import type { WorkbookOptions, WorkbookSummary } from '../xlsx.ts';
import { UsageError } from '../command-io.ts';
import { fileOperation, Interrupted } from '../exit.ts';
import { RunAggregates } from '../aggregate.ts';
import { workerBundle } from './bundle.ts';
import { documentCsv, failedFragment, withSource, type Fragment, type FragmentCounts } from './fragment.ts';
import { Journal } from './journal.ts';
import { count, newTotals, type BatchTotals, type Failure, type Finished } from './totals.ts';
import { DocIds } from './output.ts';
import { WorkerPool } from './pool.ts';
import type { NerTables } from '../../pipeline/03-tag/ner-model/index.ts';
import { countDocuments, noProgress, type Progress } from './progress.ts';
import { contentHash, customisationHash, pipelineVersion } from './version.ts';
import type { Customisation } from '../config.ts';

/**
 * Runs with at most this many documents (known up front) use one worker (or, with
 * no time limit, the main thread): starting more costs more than they save.
 */
const SMALL_BATCH = 50;
/**
 * A document that takes longer than this fails ("timed out"), whatever batch it is
 * in. The slowest of the 2,225 BBC articles takes well under a second; a 5 MB
 * article without a full stop about 20 s.
 */
export const DEFAULT_DOC_TIMEOUT_MS = 60_000;

export type JournalMode = 'incremental' | 'resume' | 'fresh';

export interface BatchOptions {
  files: string[];
  outDir: string;
  /** Worker threads. */
  jobs: number;
  /** incremental (default): reuse the journal's unchanged documents; resume: the same, but the journal must exist; fresh: ignore and drop it. */
  journal?: JournalMode;
  progress?: Progress;
  /** Called for each failed document as it is written. */
  onFailure?: (failure: Failure) => void;
  /** The user's lexicon changes and switched-off rules; part of what decides whether a journal entry still holds. */
  customisation?: Customisation;
  /** Batches of at most this many documents run in one worker, or in the main thread without a time limit (default SMALL_BATCH). */
  smallBatch?: number;
  /** Heap limit of each worker in MB (default DEFAULT_MAX_HEAP_MB). */
  workerHeapMb?: number;
  /**
   * A document taking longer (ms) fails and its worker is replaced (default
   * DEFAULT_DOC_TIMEOUT_MS); 0: no limit. Only a worker can be stopped mid-document,
   * so a run with a limit always uses workers.
   */
  docTimeoutMs?: number;
  /** Start each CSV with a UTF-8 byte-order mark. */
  csvBom?: boolean;
  /** Also write news.xlsx, every table a sheet (the limits are for tests); without it a stale news.xlsx is removed. */
  xlsx?: boolean | WorkbookOptions;
}

/** The inputs hold no document at all. */
export class NoDocumentsError extends UsageError {}

/** Where documents are processed: in this thread, or by the worker pool. The library (src/index.ts) uses both too. */
export interface Executor {
  run(input: DocInput): Promise<Fragment> | Fragment;
  close(): Promise<void>;
  workers(): number;
  idleSeconds(): number;
}

export async function inlineExecutor(customisation: Customisation | undefined): Promise<Executor> {
  const { createDocProcessor } = await import('./process.ts');
  const processDoc = createDocProcessor(customisation);
  return {
    async run(input) {
      // Back to the event loop first, so a signal is handled between documents.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        return processDoc(input);
      } catch (err) {
        return { ...failedFragment(input, `crashed: ${err instanceof Error ? err.message : String(err)}`), crashed: true };
      }
    },
    async close() {
      processDoc.release?.();
    },
    workers: () => 0,
    idleSeconds: () => 0,
  };
}

/**
 * The tagger's largest tables, made once in this thread for all the workers (unless the tagger is switched off).
 * Tables that cannot be made (an unreadable weights file) are left to each worker, which reports the problem as it would alone.
 */
export async function nerTablesFor(customisation: Customisation | undefined): Promise<NerTables | undefined> {
  if (!ruleEnabled('ner', { disabledRules: customisation?.disableRules ?? [] })) return undefined;
  const { shareNerTables } = await import('../../pipeline/03-tag/ner-model/index.ts');
  try {
    return shareNerTables();
  } catch {
    return undefined;
  }
}

export async function poolExecutor(jobs: number, options: Pick<BatchOptions, 'workerHeapMb' | 'customisation'>, timeoutMs: number): Promise<Executor> {
  const bundle = await workerBundle((reason) => console.error(`news-extract: workers run under tsx (slower): the worker bundle could not be built: ${reason}`));
  const nerTables = await nerTablesFor(options.customisation);
  const pool = new WorkerPool({ size: jobs, bundle, maxHeapMb: options.workerHeapMb, timeoutMs, customisation: options.customisation, nerTables });
  return { run: (input) => pool.run(input), close: () => pool.close(), workers: () => pool.started, idleSeconds: () => pool.idleMs / 1000 };
}

/** Writes news.xlsx from the tables just written, or removes one an earlier run left (it would not match them). */
export async function updateWorkbook(outDir: string, xlsx: BatchOptions['xlsx'], totals: BatchTotals): Promise<void> {
  if (!xlsx) {
    const stale = path.join(outDir, WORKBOOK_FILE);
    fileOperation('remove', stale, () => fs.rmSync(stale, { force: true }));
    return;
  }
  // Loaded only when asked for: exceljs is large.
  const { writeWorkbook } = await import('../xlsx.ts');
  totals.workbook = await writeWorkbook(outDir, xlsx === true ? {} : xlsx);
}

export async function runBatch(options: BatchOptions): Promise<BatchTotals> {
  const { files, outDir } = options;
  const progress = options.progress ?? noProgress;
  const mode = options.journal ?? 'incremental';
  const timeoutMs = options.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS;
  let journal: Journal | undefined;
  let writer: OutputWriter | undefined;
  let executor: Executor | undefined;
  const stop = stopOnSignals(() => {
    try {
      journal?.abandon();
    } finally {
      writer?.abandon();
    }
  });
  try {
    const smallBatch = options.smallBatch ?? SMALL_BATCH;
    const known = await countDocuments(files, smallBatch);
    if (known === 0) throw new NoDocumentsError('the inputs hold no documents (nothing to process)');
    const small = known !== undefined && known <= smallBatch;
    const inline = small && !timeoutMs;
    const jobs = small ? 1 : options.jobs;
    if (progress !== noProgress) {
      if (small) progress.setTotal(known);
      else void countDocuments(files).then((n) => n !== undefined && progress.setTotal(n), () => {});
    }
    stop.check();

    // A different customisation gives different output: it is part of the version entries are valid for.
    const version = options.customisation ? `${pipelineVersion()}+${customisationHash(options.customisation)}` : pipelineVersion();
    prepareOutputFolder(outDir);
    const nothingToResume = mode === 'resume' && !Journal.exists(outDir);
    journal = new Journal(outDir, { fresh: mode === 'fresh' });
    const totals = newTotals(journal, nothingToResume);
    writer = new OutputWriter(outDir, { csvBom: options.csvBom });
    const out = writer;
    const kept = journal;
    const aggregates = new RunAggregates();
    const window = inline ? 1 : jobs * 4;
    const done = new Map<number, Finished>();
    const docIds = new DocIds();
    let read = 0;
    let written = 0;
    let failure: unknown;
    let wake: (() => void) | undefined;
    const wakeUp = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const waitForChange = () => new Promise<void>((resolve) => (wake = resolve));
    stop.onStop(wakeUp);

    const emit = (f: Finished) => {
      out.writeSerialised({ ...f.fragment.csv, documents: documentCsv(f.fragment) }, f.fragment.json);
      aggregates.addDocument(f.fragment.aggregate);
      const failed = count(totals, f);
      if (failed) options.onFailure?.(failed);
      progress.tick(failed !== undefined, f.skipped);
    };
    const finish = (index: number, f: Finished) => {
      done.set(index, f);
      while (done.has(written)) {
        const next = done.get(written)!;
        done.delete(written);
        emit(next);
        written++;
      }
      wakeUp();
    };

    const inputs = readInputs(files);
    for (;;) {
      const next = await stop.race(inputs.next());
      if (next.done) break;
      const input = next.value;
      while (read - written >= window && failure === undefined && !stop.signal) await waitForChange();
      stop.check();
      if (failure !== undefined) break;
      const index = read++;
      docIds.check(input);
      if (input.error) {
        finish(index, { fragment: failedFragment(input), skipped: false });
        continue;
      }
      const hash = contentHash(input, version);
      const journaled = kept.get(hash);
      if (journaled) {
        finish(index, { fragment: withSource(journaled, input.source), skipped: true });
        continue;
      }
      const settle = (fragment: Fragment) => {
        try {
          if (!fragment.crashed) kept.add(hash, fragment);
          finish(index, { fragment, skipped: false });
        } catch (err) {
          failure ??= err;
          wakeUp();
        }
      };
      // Created on first need: a run that takes everything from the journal loads no NLP.
      executor ??= inline ? await inlineExecutor(options.customisation) : await poolExecutor(jobs, options, timeoutMs);
      stop.check();
      const result = executor.run(input);
      if (result instanceof Promise) {
        result.then(settle).catch((err: unknown) => {
          failure ??= err;
          wakeUp();
        });
      } else settle(result);
    }
    while (written < read && failure === undefined && !stop.signal) await waitForChange();
    stop.check();
    if (failure !== undefined) throw failure;
    if (totals.documents === 0) throw new NoDocumentsError('the inputs hold no documents (nothing to process)');
    totals.workers = executor?.workers() ?? 0;
    await executor?.close();
    totals.workerIdleSeconds = executor?.idleSeconds() ?? 0;
    executor = undefined;
    progress.stop();
    writer.writeRunTables(aggregates);
    writer.close();
    journal.close();
    // The tables are in place; a signal still stops the workbook (the next run writes it).
    await stop.race(updateWorkbook(outDir, options.xlsx, totals));
    return totals;
  } catch (err) {
    progress.stop();
    await cleanUp(executor, journal, writer);
    throw err;
  } finally {
    stop.dispose();
  }
}

/**
 * A stopped run: the workers are ended, what the journal has is kept (for the next
 * run to go on from), and no temporary file or lock is left. Each step is tried
 * even when one before it fails.
 */
async function cleanUp(executor: Executor | undefined, journal: Journal | undefined, writer: OutputWriter | undefined): Promise<void> {
  try {
    await executor?.close();
  } catch {
    /* the workers end with the process anyway */
  }
  try {
    journal?.abandon();
  } catch {
    /* its lock is released all the same (see Journal.abandon) */
  }
  writer?.abandon();
}

export interface Stopper {
  /** The signal that asked the run to stop, once one has. */
  readonly signal: NodeJS.Signals | undefined;
  /** Throws Interrupted once a signal has come. */
  check(): void;
  /** `promise`, or Interrupted as soon as a signal comes, whichever is first. */
  race<T>(promise: Promise<T>): Promise<T>;
  onStop(listener: () => void): void;
  dispose(): void;
}

/**
 * SIGINT and SIGTERM ask the run to stop: it stops reading, ends its workers and
 * leaves the journal consistent (entries are written whole, between events), so a
 * rerun goes on where it stopped. A second signal ends the process at once, after
 * `cleanUpNow` has removed the temporary files and the lock.
 */
export function stopOnSignals(cleanUpNow: () => void): Stopper {
  let signal: NodeJS.Signals | undefined;
  const listeners: Array<() => void> = [];
  // The races still waiting, each with its own reject: not Promise.race against one
  // promise that settles only on a signal, which would keep every race ever run (and
  // the value it settled with: each input read, text and all) attached to it until then.
  const waiting = new Set<(err: Error) => void>();
  const dispose = () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
  const handler = (received: NodeJS.Signals) => {
    if (signal) {
      cleanUpNow();
      dispose();
      process.kill(process.pid, received); // no handler now: the signal ends the process
      return;
    }
    signal = received;
    for (const reject of waiting) reject(new Interrupted(received));
    waiting.clear();
    for (const listener of listeners) listener();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get signal() {
      return signal;
    },
    check() {
      if (signal) throw new Interrupted(signal);
    },
    race<T>(promise: Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal) reject(new Interrupted(signal));
        else waiting.add(reject);
        promise.then(
          (value) => (waiting.delete(reject), resolve(value)),
          (err: unknown) => (waiting.delete(reject), reject(err)),
        );
      });
    },
    onStop: (listener) => void listeners.push(listener),
    dispose,
  };
}
