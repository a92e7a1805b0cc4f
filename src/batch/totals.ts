// The totals of a run, as its summary reports them: counted as documents are
// written, by `extract` (run.ts) and by the queue's collector alike.

import type { WorkbookSummary } from '../xlsx.ts';
import type { Fragment, FragmentCounts } from './fragment.ts';
import type { Journal } from './journal.ts';

/** How many failures the summary keeps (it counts them all). */
export const FAILURES_KEPT = 20;

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
  /** --resume found no journal (the run it continues was stopped before it wrote one): everything was processed. */
  nothingToResume: boolean;
  /** What went into news.xlsx, when it was written. */
  workbook?: WorkbookSummary;
}

/** A document ready to be written. */
export interface Finished {
  /** Made for the input as read now (a journal entry is given the input's current source). */
  fragment: Fragment;
  skipped: boolean;
}

/** The totals of a run before its first document. */
export function newTotals(journal: Journal, nothingToResume: boolean): BatchTotals {
  return {
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
    nothingToResume,
  };
}

/** Adds a written document to the totals; returns its failure, if it failed. */
export function count(totals: BatchTotals, f: Finished): Failure | undefined {
  const fragment = f.fragment;
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
  if (fragment.status !== 'failed') return undefined;
  totals.failedCount++;
  const entry = { docId: fragment.docId, source: fragment.source, error: fragment.error };
  if (totals.failures.length < FAILURES_KEPT) totals.failures.push(entry);
  return entry;
}
