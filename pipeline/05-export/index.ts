// Stage 5, export: turns a processed document into the rows of each output
// table. Writing them (CSV, JSON Lines) is the writers' job in src/.

import type { Doc, Entity, EntityType } from '../../src/model.ts';

export type Cell = string | number | null | undefined;
export type Row = Record<string, Cell>;

/** Every table, its file and its columns, in the order of the output contract. */
export const TABLES = {
  documents: ['doc_id', 'source', 'title', 'status', 'error', 'chars', 'sentences', 'format', 'url', 'date', 'publisher', 'encoding', 'notes'],
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

function entityRow(doc: Doc, e: Entity): Row {
  const row: Row = { doc_id: doc.docId, entity_id: e.id, name: e.name, aliases: e.aliases.join('|'), mentions: e.mentions };
  if (e.type === 'person') Object.assign(row, { role: e.role ?? '', organisation: e.organisation ?? '', organisation_id: e.organisationId ?? '' });
  return row;
}

/** The rows of one document, each table ordered by position in the text. */
export function exportRows(doc: Doc): DocRows {
  const rows: DocRows = { documents: [], organisations: [], places: [], people: [], mentions: [], quotes: [], claims: [], relations: [] };
  rows.documents.push({
    doc_id: doc.docId,
    source: doc.source,
    title: doc.title ?? '',
    status: doc.status,
    error: doc.error,
    chars: doc.text.length,
    sentences: doc.sentences.length,
    format: doc.format,
    url: doc.meta.url ?? '',
    date: doc.meta.date ?? '',
    publisher: doc.meta.source ?? '',
    encoding: doc.encoding,
    notes: doc.messages.filter((m) => m.severity === 'warning').map((m) => m.reason).join('; '),
  });
  if (doc.status !== 'ok') return rows;
  const raw = (start: number, end: number) => ({ raw_start: doc.offsets.toRawStart(start), raw_end: doc.offsets.toRawEnd(end) });

  const firstMention = new Map<string, number>();
  for (const m of doc.mentions) if (!firstMention.has(m.entityId)) firstMention.set(m.entityId, m.start);
  const byPosition = [...doc.entities].sort((a, b) => (firstMention.get(a.id) ?? 0) - (firstMention.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  for (const e of byPosition) rows[ENTITY_TABLE[e.type]].push(entityRow(doc, e));

  for (const m of doc.mentions) {
    rows.mentions.push({ doc_id: doc.docId, entity_id: m.entityId, type: m.type, text: m.text, start: m.start, end: m.end, ...raw(m.start, m.end), sentence: m.sentence, rule: m.rule });
  }
  for (const q of doc.quotes) {
    rows.quotes.push({ doc_id: doc.docId, quote_id: q.id, kind: q.kind, speaker: q.speaker, speaker_entity_id: q.speakerEntityId, cue: q.cue, text: q.text, start: q.start, end: q.end, sentence: q.sentence, ...raw(q.start, q.end), rule: q.rule });
  }
  for (const c of doc.claims) {
    rows.claims.push({ doc_id: doc.docId, claim_id: c.id, kind: c.kind, text: c.text, value: c.value, unit: c.unit ?? '', source: c.source, hedge: c.hedge, start: c.start, end: c.end, sentence: c.sentence, qualifier: c.qualifier ?? '', date: c.date ?? '', ...raw(c.start, c.end), rule: c.rule });
  }
  for (const r of doc.relations) {
    rows.relations.push({ doc_id: doc.docId, subject: r.subject, predicate: r.predicate, object: r.object, evidence: r.evidence, start: r.start, end: r.end, rule: r.rule });
  }
  return rows;
}

/** The document as one JSON object, for extraction.jsonl. */
export function exportJson(doc: Doc): object {
  return {
    doc_id: doc.docId,
    source: doc.source,
    status: doc.status,
    error: doc.error || undefined,
    title: doc.title,
    meta: Object.keys(doc.meta).length ? doc.meta : undefined,
    text: doc.text,
    paragraphs: doc.paragraphs,
    sentences: doc.sentences.map(({ start, end }) => [start, end]),
    entities: doc.entities,
    mentions: doc.mentions,
    values: doc.values,
    quotes: doc.quotes,
    claims: doc.claims,
    relations: doc.relations,
    messages: doc.messages.length ? doc.messages : undefined,
  };
}
