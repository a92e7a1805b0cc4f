// A batch run: inputs are read lazily, documents go to the worker pool (or are
// processed in the main thread for small batches), finished documents
// wait in a reorder buffer keyed by input index and are written in input order, so
// the output is byte-identical whatever the number of workers. At most `window`
// documents are between being read and being written, so memory stays flat
// however many documents there are.
//
// Every processed document also goes to the output folder's journal (see
// journal.ts) as soon as it is done; a document whose content hash is already
// there is not processed again but written from the journal. The tables are
// written under temporary names and renamed when the run is complete.

import fs from 'node:fs';
import path from 'node:path';
import type { DocInput } from '../model.ts';
import { readInputs } from '../readers/inputs.ts';
import { OutputWriter, WORKBOOK_FILE } from '../writers.ts';
import type { WorkbookOptions, WorkbookSummary } from '../xlsx.ts';
import { RunAggregates } from '../aggregate.ts';
import { workerBundle } from './bundle.ts';
import { documentCsv, failedFragment, withSource, type Fragment, type FragmentCounts } from './fragment.ts';
import { Journal } from './journal.ts';
import { WorkerPool } from './pool.ts';
import { countDocuments, noProgress, type Progress } from './progress.ts';
import { contentHash, customisationHash, pipelineVersion } from './version.ts';
import type { Customisation } from '../config.ts';

/** Runs with at most this many documents (known up front) use the main thread: starting workers costs more. */
const SMALL_BATCH = 50;
/** How many failures the summary keeps (it counts them all). */
export const FAILURES_KEPT = 20;

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
  /** Batches of at most this many documents run in the main thread (default SMALL_BATCH). */
  smallBatch?: number;
  /** Heap limit of each worker in MB (default DEFAULT_MAX_HEAP_MB). */
  workerHeapMb?: number;
  /** A document taking longer (ms) fails and its worker is replaced; 0: no limit. Workers only: a run with a limit always uses them. */
  docTimeoutMs?: number;
  /** Start each CSV with a UTF-8 byte-order mark. */
  csvBom?: boolean;
  /** Also write news.xlsx, every table a sheet (the limits are for tests); without it a stale news.xlsx is removed. */
  xlsx?: boolean | WorkbookOptions;
}

export interface Failure {
  docId: string;
  source: string;
  error: string;
}

export interface BatchTotals extends FragmentCounts {
  documents: number;
  failedCount: number;
  /** The first FAILURES_KEPT failures, in input order. */
  failures: Failure[];
  /** Documents taken unchanged from the journal. */
  skipped: number;
  /** Documents whose worker died. */
  crashed: number;
  /** Worker threads started (0: the main thread did the work). */
  workers: number;
  /** Seconds workers waited for work, summed over workers. */
  workerIdleSeconds: number;
  /** The previous run into the folder had been stopped (its lock was left behind). */
  continuedInterruptedRun: boolean;
  /** What went into news.xlsx, when it was written. */
  workbook?: WorkbookSummary;
}

export class ResumeError extends Error {}

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
    run(input) {
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

export async function poolExecutor(jobs: number, options: Pick<BatchOptions, 'workerHeapMb' | 'docTimeoutMs' | 'customisation'>): Promise<Executor> {
  const bundle = await workerBundle((reason) => console.error(`news-extract: workers run under tsx (slower): the worker bundle could not be built: ${reason}`));
  const pool = new WorkerPool({ size: jobs, bundle, maxHeapMb: options.workerHeapMb, timeoutMs: options.docTimeoutMs, customisation: options.customisation });
  return { run: (input) => pool.run(input), close: () => pool.close(), workers: () => pool.started, idleSeconds: () => pool.idleMs / 1000 };
}

/** Writes news.xlsx from the tables just written, or removes one an earlier run left (it would not match them). */
async function updateWorkbook(outDir: string, xlsx: BatchOptions['xlsx'], totals: BatchTotals): Promise<void> {
  if (!xlsx) {
    fs.rmSync(path.join(outDir, WORKBOOK_FILE), { force: true });
    return;
  }
  // Loaded only when asked for: exceljs is large.
  const { writeWorkbook } = await import('../xlsx.ts');
  totals.workbook = await writeWorkbook(outDir, xlsx === true ? {} : xlsx);
}

interface Finished {
  /** Made for the input as read now (a journal entry is given the input's current source). */
  fragment: Fragment;
  skipped: boolean;
}

export async function runBatch(options: BatchOptions): Promise<BatchTotals> {
  const { files, outDir, jobs } = options;
  const progress = options.progress ?? noProgress;
  const mode = options.journal ?? 'incremental';
  if (mode === 'resume' && !Journal.exists(outDir)) {
    throw new ResumeError(`nothing to resume: ${outDir} has no journal of an earlier run (run without --resume to start one)`);
  }
  const smallBatch = options.smallBatch ?? SMALL_BATCH;
  const known = await countDocuments(files, smallBatch);
  const inline = known !== undefined && known <= smallBatch && !options.docTimeoutMs;
  if (progress !== noProgress) {
    if (known !== undefined && known <= smallBatch) progress.setTotal(known);
    else void countDocuments(files).then((n) => n !== undefined && progress.setTotal(n), () => {});
  }

  // A different customisation gives different output: it is part of the version entries are valid for.
  const version = options.customisation ? `${pipelineVersion()}+${customisationHash(options.customisation)}` : pipelineVersion();
  const journal = new Journal(outDir, { fresh: mode === 'fresh' });
  const totals: BatchTotals = {
    documents: 0,
    failedCount: 0,
    failures: [],
    skipped: 0,
    crashed: 0,
    organisations: 0,
    places: 0,
    people: 0,
    quotesDirect: 0,
    quotesIndirect: 0,
    claims: 0,
    workers: 0,
    workerIdleSeconds: 0,
    continuedInterruptedRun: journal.interruptedRun !== null,
  };
  let writer: OutputWriter | undefined;
  let executor: Executor | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // Keep what is done for --resume, leave no temp files, then stop as the signal would.
    try {
      journal.abandon();
      writer?.abandon();
    } finally {
      progress.stop();
      console.error(`news-extract: stopped by ${signal}; run the same command again (or with --resume) to continue where it stopped`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    writer = new OutputWriter(outDir, { csvBom: options.csvBom });
    const out = writer;
    const aggregates = new RunAggregates();
    const window = inline ? 1 : jobs * 4;
    const done = new Map<number, Finished>();
    const seenIds = new Map<string, string>();
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

    const emit = (f: Finished) => {
      const fragment = f.fragment;
      out.writeSerialised({ ...fragment.csv, documents: documentCsv(fragment) }, fragment.json);
      aggregates.addDocument(fragment.aggregate);
      totals.documents++;
      if (f.skipped) totals.skipped++;
      if (fragment.crashed) totals.crashed++;
      const c = fragment.counts;
      totals.organisations += c.organisations;
      totals.places += c.places;
      totals.people += c.people;
      totals.quotesDirect += c.quotesDirect;
      totals.quotesIndirect += c.quotesIndirect;
      totals.claims += c.claims;
      const failed = fragment.status === 'failed';
      if (failed) {
        totals.failedCount++;
        const entry = { docId: fragment.docId, source: fragment.source, error: fragment.error };
        if (totals.failures.length < FAILURES_KEPT) totals.failures.push(entry);
        options.onFailure?.(entry);
      }
      progress.tick(failed, f.skipped);
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

    for await (const input of readInputs(files)) {
      while (read - written >= window && failure === undefined) await waitForChange();
      if (failure !== undefined) break;
      const index = read++;
      const firstSource = seenIds.get(input.docId);
      if (firstSource !== undefined && !input.error) input.error = `duplicate doc_id (first read from ${firstSource})`;
      else if (firstSource === undefined) seenIds.set(input.docId, input.source);
      if (input.error) {
        finish(index, { fragment: failedFragment(input), skipped: false });
        continue;
      }
      const hash = contentHash(input, version);
      const kept = journal.get(hash);
      if (kept) {
        finish(index, { fragment: withSource(kept, input.source), skipped: true });
        continue;
      }
      const settle = (fragment: Fragment) => {
        if (!fragment.crashed) journal.add(hash, fragment);
        finish(index, { fragment, skipped: false });
      };
      // Created on first need: a run that takes everything from the journal loads no NLP.
      executor ??= inline ? await inlineExecutor(options.customisation) : await poolExecutor(jobs, options);
      const result = executor.run(input);
      if (result instanceof Promise) {
        result.then(settle).catch((err: unknown) => {
          failure ??= err;
          wakeUp();
        });
      } else settle(result);
    }
    while (written < read && failure === undefined) await waitForChange();
    if (failure !== undefined) throw failure;
    totals.workers = executor?.workers() ?? 0;
    await executor?.close();
    totals.workerIdleSeconds = executor?.idleSeconds() ?? 0;
    executor = undefined;
    progress.stop();
    journal.close();
    writer.writeRunTables(aggregates);
    writer.close();
    await updateWorkbook(outDir, options.xlsx, totals);
    return totals;
  } catch (err) {
    progress.stop();
    await executor?.close();
    journal.abandon();
    writer?.abandon();
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
