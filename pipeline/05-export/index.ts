// Stage 5, export: turns a processed document into the rows of each output
// table. Writing them (CSV, JSON Lines) is the writers' job in src/.

import type { Doc, EntityType } from '../../src/model.ts';
import { SCHEMA_VERSION, type Extraction } from './extraction.ts';

export type Cell = string | number | null | undefined;
export type Row = Record<string, Cell>;

/** Every table, its file and its columns, in the order of the output contract. */
export const TABLES = {
  documents: ['doc_id', 'source', 'title', 'status', 'error', 'chars', 'sentences', 'format', 'url', 'date', 'publisher', 'author', 'category', 'encoding', 'notes'],
  organisations: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions'],
  places: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions'],
  people: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions', 'role', 'organisation', 'organisation_id'],
  mentions: ['doc_id', 'entity_id', 'type', 'text', 'start', 'end', 'raw_start', 'raw_end', 'sentence', 'rule'],
  quotes: ['doc_id', 'quote_id', 'kind', 'speaker', 'speaker_entity_id', 'cue', 'text', 'start', 'end', 'sentence', 'raw_start', 'raw_end', 'rule'],
  claims: ['doc_id', 'claim_id', 'kind', 'text', 'value', 'unit', 'source', 'hedge', 'start', 'end', 'sentence', 'qualifier', 'date', 'raw_start', 'raw_end', 'rule'],
  relations: ['doc_id', 'subject', 'predicate', 'object', 'evidence', 'start', 'end', 'rule'],
} as const;

export type TableName = keyof typeof TABLES;
export type DocRows = Record<TableName, Row[]>;

const ENTITY_TABLE: Record<EntityType, 'organisations' | 'places' | 'people'> = {
  organisation: 'organisations',
  place: 'places',
  person: 'people',
};

/** A value that is not there, or empty, is null in the JSON. */
const orNull = <T>(value: T | undefined | null | ''): T | null => (value === undefined || value === '' ? null : value);
const numberOrNull = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);

/** The document as one JSON object, for extraction.jsonl (see extraction.ts). */
export function exportJson(doc: Doc): Extraction {
  // Each item's offsets in the cleaned text and in the raw input, written out in each object literal (a spread of a
  // made object cost more than the rest of the export).
  const { offsets } = doc;
  return {
    schema_version: SCHEMA_VERSION,
    doc_id: doc.docId,
    source: doc.source,
    status: doc.status,
    error: orNull(doc.error),
    format: doc.format,
    encoding: orNull(doc.encoding),
    title: orNull(doc.title),
    input_fields: {
      url: orNull(doc.meta.url),
      date: orNull(doc.meta.date),
      publisher: orNull(doc.meta.source),
      author: orNull(doc.meta.author),
      category: orNull(doc.meta.category),
    },
    text: orNull(doc.text),
    paragraphs: doc.paragraphs.map(({ start, end, heading }) => ({ start, end, heading })),
    sentences: doc.sentences.map(({ start, end }) => [start, end]),
    entities: doc.entities.map((e) => ({
      entity_id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions,
      kind: orNull(e.kind), role: orNull(e.role), organisation: orNull(e.organisation), organisation_id: orNull(e.organisationId),
    })),
    mentions: doc.mentions.map((m) => ({ entity_id: m.entityId, type: m.type, text: m.text, title: orNull(m.title), start: m.start, end: m.end, raw_start: offsets.toRawStart(m.start), raw_end: offsets.toRawEnd(m.end), sentence: m.sentence, rule: m.rule })),
    values: doc.values.map((v) => ({ kind: v.kind, text: v.text, value: numberOrNull(v.value), unit: orNull(v.unit), start: v.start, end: v.end, raw_start: offsets.toRawStart(v.start), raw_end: offsets.toRawEnd(v.end), sentence: v.sentence, rule: v.rule })),
    quotes: doc.quotes.map((q) => ({
      quote_id: q.id, kind: q.kind, speaker: orNull(q.speaker), speaker_entity_id: orNull(q.speakerEntityId), cue: orNull(q.cue), text: q.text,
      start: q.start, end: q.end, raw_start: offsets.toRawStart(q.start), raw_end: offsets.toRawEnd(q.end), sentence: q.sentence, rule: q.rule,
    })),
    claims: doc.claims.map((c) => ({
      claim_id: c.id, kind: c.kind, text: c.text, value: numberOrNull(c.value), unit: orNull(c.unit), source: orNull(c.source), hedge: orNull(c.hedge),
      qualifier: orNull(c.qualifier), date: orNull(c.date), start: c.start, end: c.end, raw_start: offsets.toRawStart(c.start), raw_end: offsets.toRawEnd(c.end), sentence: c.sentence, rule: c.rule,
    })),
    relations: doc.relations.map((r) => ({ subject: r.subject, predicate: r.predicate, object: r.object, evidence: r.evidence, start: r.start, end: r.end, raw_start: offsets.toRawStart(r.start), raw_end: offsets.toRawEnd(r.end), rule: r.rule })),
    messages: doc.messages.map(({ severity, stage, reason }) => ({ severity, stage, reason })),
  };
}

/**
 * The rows of one document's tables, from its JSON (so a row and its JSON object
 * cannot disagree): each table ordered by position in the text.
 */
export function exportRows(json: Extraction): DocRows {
  const docId = json.doc_id;
  const rows: DocRows = { documents: [], organisations: [], places: [], people: [], mentions: [], quotes: [], claims: [], relations: [] };
  rows.documents.push({
    doc_id: docId,
    source: json.source,
    title: json.title,
    status: json.status,
    error: json.error,
    chars: json.text?.length ?? 0,
    sentences: json.sentences.length,
    format: json.format,
    url: json.input_fields.url,
    date: json.input_fields.date,
    publisher: json.input_fields.publisher,
    author: json.input_fields.author,
    category: json.input_fields.category,
    encoding: json.encoding,
    notes: json.messages.filter((m) => m.severity === 'warning').map((m) => m.reason).join('; '),
  });
  if (json.status !== 'ok') return rows;

  const firstMention = new Map<string, number>();
  for (const m of json.mentions) if (!firstMention.has(m.entity_id)) firstMention.set(m.entity_id, m.start);
  const byPosition = [...json.entities].sort((a, b) => (firstMention.get(a.entity_id) ?? 0) - (firstMention.get(b.entity_id) ?? 0) || a.entity_id.localeCompare(b.entity_id));
  for (const e of byPosition) {
    const row: Row = { doc_id: docId, entity_id: e.entity_id, name: e.name, aliases: e.aliases.join('|'), mentions: e.mentions };
    if (e.type === 'person') Object.assign(row, { role: e.role, organisation: e.organisation, organisation_id: e.organisation_id });
    rows[ENTITY_TABLE[e.type]].push(row);
  }
  // The other tables' columns are the fields of their JSON objects (writers pick the table's columns).
  rows.mentions = json.mentions.map((m) => ({ doc_id: docId, ...m }));
  rows.quotes = json.quotes.map((q) => ({ doc_id: docId, ...q }));
  rows.claims = json.claims.map((c) => ({ doc_id: docId, ...c }));
  rows.relations = json.relations.map((r) => ({ doc_id: docId, ...r }));
  return rows;
}
