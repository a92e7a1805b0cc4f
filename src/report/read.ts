// Reads what the report needs from an output folder: extraction.jsonl, one line per
// document (schema/extraction.schema.json). Documents past the display
// limit are only counted, so a run of thousands of articles is not held in memory.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Extraction } from '../../pipeline/05-export/extraction.ts';

/** One line of extraction.jsonl (schema/extraction.schema.json); a damaged or older line may lack fields. */
export type ExtractedDoc = Pick<Extraction, 'doc_id'> & Partial<Omit<Extraction, 'doc_id'>>;

export interface RunSummary {
  documents: number;
  ok: number;
  failed: number;
  organisations: number;
  places: number;
  people: number;
  mentions: number;
  quotesDirect: number;
  quotesIndirect: number;
  claims: number;
  claimsByKind: Map<string, number>;
}

export interface FailedDoc {
  docId: string;
  source: string;
  error: string;
}

export interface RunData {
  summary: RunSummary;
  /** The first `maxDocs` documents, in file order. */
  docs: ExtractedDoc[];
  /** Every failed document, shown or not (they are few and each is one line). */
  failedDocs: FailedDoc[];
  /** The doc_id of every document, shown or not. */
  docIds: Set<string>;
  /** Lines of extraction.jsonl that were not JSON objects with a doc_id (line numbers). */
  badLines: number[];
}

export function emptySummary(): RunSummary {
  return {
    documents: 0, ok: 0, failed: 0, organisations: 0, places: 0, people: 0, mentions: 0,
    quotesDirect: 0, quotesIndirect: 0, claims: 0, claimsByKind: new Map(),
  };
}

export function addToSummary(summary: RunSummary, doc: ExtractedDoc): void {
  summary.documents++;
  if (doc.status === 'failed') {
    summary.failed++;
    return;
  }
  summary.ok++;
  for (const entity of doc.entities ?? []) {
    if (entity.type === 'organisation') summary.organisations++;
    else if (entity.type === 'place') summary.places++;
    else if (entity.type === 'person') summary.people++;
  }
  summary.mentions += doc.mentions?.length ?? 0;
  for (const quote of doc.quotes ?? []) {
    if (quote.kind === 'direct') summary.quotesDirect++;
    else summary.quotesIndirect++;
  }
  for (const claim of doc.claims ?? []) {
    summary.claims++;
    summary.claimsByKind.set(claim.kind, (summary.claimsByKind.get(claim.kind) ?? 0) + 1);
  }
}

/** Reads `<outDir>/extraction.jsonl`, keeping the first `maxDocs` documents whole. */
export async function readRun(outDir: string, maxDocs: number): Promise<RunData> {
  const file = path.join(outDir, 'extraction.jsonl');
  const summary = emptySummary();
  const docs: ExtractedDoc[] = [];
  const failedDocs: FailedDoc[] = [];
  const badLines: number[] = [];
  const docIds = new Set<string>();
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let doc: ExtractedDoc;
    try {
      doc = JSON.parse(line);
    } catch {
      badLines.push(lineNumber);
      continue;
    }
    if (!doc || typeof doc !== 'object' || typeof doc.doc_id !== 'string') {
      badLines.push(lineNumber);
      continue;
    }
    addToSummary(summary, doc);
    docIds.add(doc.doc_id);
    if (doc.status === 'failed') failedDocs.push({ docId: doc.doc_id, source: doc.source ?? '', error: doc.error ?? '' });
    if (docs.length < maxDocs) docs.push(doc);
  }
  return { summary, docs, failedDocs, docIds, badLines };
}
