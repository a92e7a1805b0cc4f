// Reads what the report needs from an output folder: extraction.jsonl, one line per
// document (schema/extraction.schema.json). Documents past the display
// limit are only counted, so a run of thousands of articles is not held in memory.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Extraction } from '../../pipeline/05-export/extraction.ts';
import { exportRows } from '../../pipeline/05-export/index.ts';
import { aggregateRowsOf, RunAggregates } from '../aggregate.ts';

/** One line of extraction.jsonl (schema/extraction.schema.json); a damaged or older line may lack fields. */
export type ExtractedDoc = Pick<Extraction, 'doc_id'> & Partial<Omit<Extraction, 'doc_id'>>;

/** An entity or speaker of the run tables (entities.csv, speakers.csv), as far as the charts need it. */
export interface RunEntity {
  type: string;
  name: string;
  articles: number;
  mentions: number;
}

export interface RunSpeaker {
  speaker: string;
  type: string;
  direct: number;
  indirect: number;
  articles: number;
}

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
  mentionsByType: Map<string, number>;
  relationsByPredicate: Map<string, number>;
  /** Entities across the run, joined as entities.csv joins them, most widely reported first. */
  entities: RunEntity[];
  /** Speakers across the run, as in speakers.csv, most quoted first. */
  speakers: RunSpeaker[];
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
    quotesDirect: 0, quotesIndirect: 0, claims: 0, claimsByKind: new Map(), mentionsByType: new Map(), relationsByPredicate: new Map(),
    entities: [], speakers: [],
  };
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Counts one document; its entities and quotes go to `aggregates` (the run tables' own code). */
export function addToSummary(summary: RunSummary, doc: ExtractedDoc, aggregates?: RunAggregates): void {
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
  for (const mention of doc.mentions ?? []) count(summary.mentionsByType, mention.type);
  for (const quote of doc.quotes ?? []) {
    if (quote.kind === 'direct') summary.quotesDirect++;
    else summary.quotesIndirect++;
  }
  for (const claim of doc.claims ?? []) {
    summary.claims++;
    count(summary.claimsByKind, claim.kind);
  }
  for (const relation of doc.relations ?? []) count(summary.relationsByPredicate, relation.predicate);
  if (aggregates && isWhole(doc)) aggregates.addDocument(aggregateRowsOf(exportRows(doc)));
}

/** A line with every list the run tables are made from (an older or damaged line may lack some). */
function isWhole(doc: ExtractedDoc): doc is Extraction {
  return ['entities', 'mentions', 'quotes', 'claims', 'relations', 'sentences'].every((key) => Array.isArray(doc[key as keyof ExtractedDoc])) && !!doc.input_fields;
}

/** The run tables' rows as the charts need them. */
function runTables(aggregates: RunAggregates): Pick<RunSummary, 'entities' | 'speakers'> {
  return {
    entities: aggregates.entityRows().map((r) => ({ type: String(r.type), name: String(r.name), articles: Number(r.articles), mentions: Number(r.mentions) })),
    speakers: aggregates.speakerRows().map((r) => ({ speaker: String(r.speaker), type: String(r.type), direct: Number(r.direct), indirect: Number(r.indirect), articles: Number(r.articles) })),
  };
}

/** Reads `<outDir>/extraction.jsonl`, keeping the first `maxDocs` documents whole. */
export async function readRun(outDir: string, maxDocs: number): Promise<RunData> {
  const file = path.join(outDir, 'extraction.jsonl');
  const summary = emptySummary();
  const docs: ExtractedDoc[] = [];
  const failedDocs: FailedDoc[] = [];
  const badLines: number[] = [];
  const docIds = new Set<string>();
  const aggregates = new RunAggregates();
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
    addToSummary(summary, doc, aggregates);
    docIds.add(doc.doc_id);
    if (doc.status === 'failed') failedDocs.push({ docId: doc.doc_id, source: doc.source ?? '', error: doc.error ?? '' });
    if (docs.length < maxDocs) docs.push(doc);
  }
  Object.assign(summary, runTables(aggregates));
  return { summary, docs, failedDocs, docIds, badLines };
}
