// The library: what `import { ... } from 'news-extract'` gives (compiled to dist/ by
// `npm run build`). A layer over the batch engine (src/batch): documents go to the
// same worker pool, or are processed in the calling thread, and come back in input
// order as extraction.jsonl's objects; extractToFolder is the command line's extract.
//
//   import { extract } from 'news-extract';
//   for await (const doc of extract([{ id: 'a1', text: '...' }])) console.log(doc.quotes);

import { loadCustomisation, parseCustomisation, type Customisation } from './config.ts';
import type { DocInput } from './model.ts';
import { recordInput, resolveInputs } from './readers/inputs.ts';
import { DEFAULT_DOC_TIMEOUT_MS, inlineExecutor, poolExecutor, runBatch, type Executor, type JournalMode } from './batch/run.ts';
import type { BatchTotals, Failure } from './batch/totals.ts';
import type { Progress } from './batch/progress.ts';
import { defaultWorkers } from './batch/pool.ts';
import { exportRows, TABLES, type DocRows } from '../pipeline/05-export/index.ts';
import type { Extraction } from '../pipeline/05-export/extraction.ts';

export { SCHEMA_VERSION } from '../pipeline/05-export/extraction.ts';
export type {
  Extraction, ExtractedClaim, ExtractedEntity, ExtractedMention, ExtractedParagraph, ExtractedQuote, ExtractedRelation, ExtractedValue,
  ExtractionMessage, InputFields, Located,
} from '../pipeline/05-export/extraction.ts';
export type { Customisation, LexiconChanges } from './config.ts';
export type { JournalMode } from './batch/run.ts';
export type { BatchTotals, Failure } from './batch/totals.ts';
export type { Progress } from './batch/progress.ts';
export type { Cell, DocRows, Row, TableName } from '../pipeline/05-export/index.ts';
export { CustomisationError } from './config.ts';
export { InputPathError } from './readers/inputs.ts';
export { NoDocumentsError } from './batch/run.ts';
export { JournalLockedError } from './batch/journal.ts';
export { EnvironmentError } from './exit.ts';
export { TABLES };

/** An article as a JSON Lines record has it; `text` (plain text) or `html` (a page) is required. */
export interface ArticleRecord {
  /** Its doc_id; without one it is `doc-<position>` (from 1). */
  id?: string;
  text?: string;
  html?: string;
  /** A title, when the text has none of its own. */
  title?: string;
  /** Carried to the output's input_fields (`source` as `publisher`). */
  url?: string;
  date?: string;
  source?: string;
  author?: string;
  category?: string;
}

/** An article: a record, or its plain text. */
export type ArticleInput = ArticleRecord | string;

/** The options of `news-extract extract` that decide how documents are processed. */
export interface ExtractOptions {
  /** Worker threads (--jobs; default: the number of cores). 0: the calling thread, no workers. */
  jobs?: number;
  /**
   * Lexicon additions and removals and rules switched off (--custom): the object, or the
   * path of its JSON file. With `jobs: 0` it holds in the calling thread while the
   * pipeline is open (the lexicons are the thread's).
   */
  custom?: Partial<Customisation> | string;
  /**
   * Seconds a document may take before it fails and its worker is replaced (--doc-timeout;
   * default 60; 0: no limit). Only a worker can be stopped: with `jobs: 0` there is no limit.
   */
  docTimeout?: number;
  /** Heap limit of each worker in MB (--worker-heap). */
  workerHeap?: number;
}

export interface Pipeline {
  /**
   * The extraction of each document, in input order, as they are done. Documents are
   * read from `documents` as the workers need them (at most 4 per worker ahead), so
   * either side may be a stream of any length. A document that cannot be processed
   * comes back with status "failed" and the reason in `error`; nothing is thrown for it.
   */
  extract(documents: Iterable<ArticleInput> | AsyncIterable<ArticleInput>): AsyncGenerator<Extraction>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** The customisation an option names: read and checked (a mistake throws CustomisationError). */
function customisationOf(custom: ExtractOptions['custom']): Customisation | undefined {
  if (custom === undefined) return undefined;
  return typeof custom === 'string' ? loadCustomisation(custom) : parseCustomisation(custom);
}

/** A document to process, from an article given to the library: the n-th (from 1). */
function toInput(article: ArticleInput, n: number): DocInput {
  const where = `input:${n}`;
  return recordInput(typeof article === 'string' ? { text: article } : article, where, `doc-${n}`, `document ${n}`);
}

/**
 * A pipeline made once for many documents: the workers (or, with `jobs: 0`, the stages
 * in this thread) start with the first document and stay until `close()`.
 */
export async function createPipeline(options: ExtractOptions = {}): Promise<Pipeline> {
  const jobs = options.jobs ?? defaultWorkers();
  if (!Number.isInteger(jobs) || jobs < 0) throw new RangeError(`jobs must be a whole number, at least 0, got ${jobs}`);
  const customisation = customisationOf(options.custom);
  let executor: Promise<Executor> | undefined;
  const start = () =>
    (executor ??=
      jobs === 0
        ? inlineExecutor(customisation)
        : poolExecutor(jobs, { customisation, workerHeapMb: options.workerHeap }, options.docTimeout === undefined ? DEFAULT_DOC_TIMEOUT_MS : options.docTimeout * 1000));
  const window = Math.max(1, jobs * 4);
  let closed = false;

  return {
    async *extract(documents) {
      if (closed) throw new Error('the pipeline is closed');
      // Promises in input order: awaiting the oldest first gives results in order.
      const pending: Array<Promise<Extraction>> = [];
      const submit = async (article: ArticleInput, n: number): Promise<Extraction> => {
        const fragment = await (await start()).run(toInput(article, n));
        return JSON.parse(fragment.json) as Extraction;
      };
      let n = 0;
      try {
        for await (const article of documents) {
          pending.push(submit(article, ++n));
          if (pending.length >= window) yield await pending.shift()!;
        }
        while (pending.length) yield await pending.shift()!;
      } finally {
        // Stopped early (a break, an error): the rest is dropped, not left to reject unheard.
        for (const p of pending) p.catch(() => {});
      }
    },
    async close() {
      closed = true;
      if (executor) await (await executor).close();
    },
  };
}

/** The extraction of each document, in input order (see Pipeline.extract); the workers stop at the end. */
export async function* extract(documents: Iterable<ArticleInput> | AsyncIterable<ArticleInput>, options: ExtractOptions = {}): AsyncGenerator<Extraction> {
  const pipeline = await createPipeline(options);
  try {
    yield* pipeline.extract(documents);
  } finally {
    await pipeline.close();
  }
}

/** An extraction as the rows of each CSV table (the cells the CSV writer writes). */
export function tableRows(extraction: Extraction): DocRows {
  return exportRows(extraction);
}

/** What `news-extract extract <inputs...>` takes besides its inputs. */
export interface FolderOptions extends ExtractOptions {
  /** The output folder (--out). */
  out: string;
  /** Also write news.xlsx (--xlsx). */
  xlsx?: boolean;
  /** Start each CSV with a byte-order mark (--csv-bom). */
  csvBom?: boolean;
  /** incremental (default), resume (--resume) or fresh (--fresh). */
  journal?: JournalMode;
  /** A progress display (the command line's bar); none by default. */
  progress?: Progress;
  /** Called with each failed document as it is written. */
  onFailure?: (failure: Failure) => void;
}

/**
 * The command line's extract: every document of the input files and folders into the
 * tables of an output folder (CSV, extraction.jsonl, the run tables, news.xlsx), with
 * the folder's journal. A missing input throws InputPathError, inputs with no document
 * NoDocumentsError, a bad customisation CustomisationError, an output that cannot be
 * written EnvironmentError; a document that fails is a row of documents.csv, not an error.
 */
export async function extractToFolder(inputs: string[], options: FolderOptions): Promise<BatchTotals> {
  const files = resolveInputs(inputs, options.out);
  const inThread = options.jobs === 0;
  return runBatch({
    files,
    outDir: options.out,
    jobs: options.jobs || defaultWorkers(),
    // jobs 0: the calling thread (with no time limit), however many documents (counted up front).
    smallBatch: inThread ? Infinity : undefined,
    journal: options.journal,
    docTimeoutMs: inThread ? 0 : options.docTimeout === undefined ? undefined : options.docTimeout * 1000,
    customisation: customisationOf(options.custom),
    workerHeapMb: options.workerHeap,
    csvBom: options.csvBom,
    xlsx: options.xlsx,
    progress: options.progress,
    onFailure: options.onFailure,
  });
}
