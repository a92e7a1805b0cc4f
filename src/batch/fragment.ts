// A document's share of the output, already serialised: what a worker sends back,
// what the journal keeps, and what the writer appends to each table. Serialising
// in the worker keeps the main thread light; keeping the exact bytes in the journal
// means a document taken from it gives the very same rows as processing it again.

import { newDoc, type DocInput } from '../model.ts';
import type { ProcessedDoc } from '../runner.ts';
import { csvLines } from '../writers.ts';
import { aggregateRowsOf, type AggregateRows } from '../aggregate.ts';
import { exportJson, exportRows, TABLES, type DocRows, type Row, type TableName } from '../../pipeline/05-export/index.ts';
import type { Extraction } from '../../pipeline/05-export/extraction.ts';

export interface FragmentCounts {
  organisations: number;
  places: number;
  people: number;
  quotesDirect: number;
  quotesIndirect: number;
  claims: number;
}

export interface Fragment {
  docId: string;
  status: 'ok' | 'failed';
  error: string;
  /**
   * The input's `source` when the fragment was made. Where a document comes from is
   * not part of its content (a JSON Lines record moves to another line when one is
   * inserted above it), so a fragment taken from the journal is given the current
   * source: see `withSource`.
   */
  source: string;
  counts: FragmentCounts;
  /** The one row of documents.csv, as cells (it carries the source). */
  documentRow: Row;
  /** CSV text of every other table (no header), by table; empty tables left out. */
  csv: Partial<Record<TableName, string>>;
  /** The extraction.jsonl line, without its newline. */
  json: string;
  /** What the run-level tables (entities.csv, speakers.csv) take from this document. */
  aggregate: AggregateRows;
  /** Set when the worker died with the document: not kept in the journal, tried again next run. */
  crashed?: boolean;
}

const CSV_TABLES = (Object.keys(TABLES) as TableName[]).filter((t) => t !== 'documents');

export function toFragment(result: ProcessedDoc, source: string): Fragment {
  return fragmentOf(result.docId, result.status, result.error, source, result.rows, result.json);
}

function fragmentOf(docId: string, status: 'ok' | 'failed', error: string, source: string, rows: DocRows, json: Extraction): Fragment {
  const csv: Partial<Record<TableName, string>> = {};
  for (const table of CSV_TABLES) {
    const text = csvLines(TABLES[table], rows[table]);
    if (text) csv[table] = text;
  }
  let quotesDirect = 0;
  for (const q of rows.quotes) if (q.kind === 'direct') quotesDirect++;
  return {
    docId,
    status,
    error,
    source,
    counts: {
      organisations: rows.organisations.length,
      places: rows.places.length,
      people: rows.people.length,
      quotesDirect,
      quotesIndirect: rows.quotes.length - quotesDirect,
      claims: rows.claims.length,
    },
    documentRow: rows.documents[0] ?? {},
    csv,
    json: JSON.stringify(json),
    aggregate: aggregateRowsOf(rows),
  };
}

/**
 * A failed document made without running any stage: an input that could not be
 * read, or one whose worker died (`reason` given). Needs no NLP, so the main
 * thread can make it.
 */
export function failedFragment(input: DocInput, reason?: string): Fragment {
  const doc = newDoc(reason === undefined ? input : { ...input, error: reason });
  if (reason !== undefined) doc.messages = [{ severity: 'fatal', stage: 'worker', reason }];
  const json = exportJson(doc);
  return fragmentOf(doc.docId, doc.status, doc.error, doc.source, exportRows(json), json);
}

/** The fragment as it would be made for an input read from `source`. */
export function withSource(fragment: Fragment, source: string): Fragment {
  if (fragment.source === source) return fragment;
  const json = JSON.parse(fragment.json) as Record<string, unknown>;
  // Replacing an existing key keeps its place, so the line is what exportJson would give.
  if ('source' in json) json.source = source;
  const documentRow = 'source' in fragment.documentRow ? { ...fragment.documentRow, source } : fragment.documentRow;
  return { ...fragment, source, documentRow, json: JSON.stringify(json) };
}

/** documents.csv text of the fragment. */
export function documentCsv(fragment: Fragment): string {
  return csvLines(TABLES.documents, [fragment.documentRow]);
}
