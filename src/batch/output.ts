// The output of a batch, written in the order documents are given: each document's
// rows go to the tables as they come, the run tables (entities, speakers) are built
// along the way and written at the end, and the totals the summary prints are
// counted. `queue collect` writes through here, from the queue's results kept in
// the journal. It does per document what runBatch (run.ts) does as it empties its
// reorder buffer, through the same writer, aggregates, totals (count) and doc_id
// check; tests/queue.test.ts checks that the two give the same bytes.

import path from 'node:path';
import type { DocInput } from '../model.ts';
import { OutputWriter } from '../writers.ts';
import { RunAggregates } from '../aggregate.ts';
import { documentCsv, type Fragment } from './fragment.ts';
import { count, type BatchTotals, type Failure } from './totals.ts';
import { noProgress, type Progress } from './progress.ts';

/** The doc_ids of a batch so far: one met again makes its input a failed document. */
export class DocIds {
  private readonly firstSource = new Map<string, string>();

  check(input: DocInput): void {
    const first = this.firstSource.get(input.docId);
    if (first !== undefined && !input.error) input.error = `duplicate doc_id (first read from ${first})`;
    else if (first === undefined) this.firstSource.set(input.docId, input.source);
  }
}

export interface BatchOutputOptions {
  progress?: Progress;
  /** Called for each failed document as it is written. */
  onFailure?: (failure: Failure) => void;
}

export class BatchOutput {
  private readonly writer: OutputWriter;
  private readonly aggregates = new RunAggregates();
  private readonly docIds = new DocIds();
  private readonly progress: Progress;

  constructor(
    outDir: string,
    readonly totals: BatchTotals,
    private readonly options: BatchOutputOptions = {},
  ) {
    this.progress = options.progress ?? noProgress;
    this.writer = new OutputWriter(outDir);
  }

  /** A doc_id met before in this output makes the input a failed document ("duplicate doc_id"). */
  checkDocId(input: DocInput): void {
    this.docIds.check(input);
  }

  /** Appends the next document's rows. */
  write(fragment: Fragment, skipped: boolean): void {
    this.writer.writeSerialised({ ...fragment.csv, documents: documentCsv(fragment) }, fragment.json);
    this.aggregates.addDocument(fragment.aggregate);
    const failed = count(this.totals, { fragment, skipped });
    if (failed) this.options.onFailure?.(failed);
    this.progress.tick(failed !== undefined, skipped);
  }

  /** Writes the run tables and puts every file in place. */
  finish(): void {
    this.writer.writeRunTables(this.aggregates);
    this.writer.close();
  }

  /** A stopped run: leaves no temporary files. */
  abandon(): void {
    this.writer.abandon();
  }
}

/** The summary's lines of what the tables hold, and where they are (extract's and collect's summaries). */
export function tableSummary(t: BatchTotals, outDir: string): string[] {
  return [
    `organisations  ${t.organisations}`,
    `places         ${t.places}`,
    `people         ${t.people}`,
    `quotes         ${t.quotesDirect + t.quotesIndirect} (${t.quotesDirect} direct, ${t.quotesIndirect} reported)`,
    `claims         ${t.claims}`,
    `output         ${path.resolve(outDir)}`,
  ];
}
