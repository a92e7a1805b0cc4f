// Tables over the whole run, built from every document's rows as they come:
// entities.csv (one row per distinct organisation, place or person across
// articles) and speakers.csv (who is quoted, how often, in which articles).

import type { DocRows, Row } from '../pipeline/05-export/index.ts';
import { countWords } from '../pipeline/04-relate/lookup.ts';
import { ORGANISATION_HEAD_WORDS } from '../pipeline/03-tag/lexicons/organisations.ts';

export const RUN_TABLES = {
  entities: ['entity_key', 'type', 'name', 'aliases', 'articles', 'mentions', 'doc_ids'],
  speakers: ['speaker', 'entity_key', 'type', 'quotes', 'direct', 'indirect', 'words_quoted', 'articles', 'doc_ids'],
} as const;

export type RunTableName = keyof typeof RUN_TABLES;

/** What the run tables need of a document: its entity rows and its quotes (with `text`, or just `words`). */
export type AggregateRows = Pick<DocRows, 'organisations' | 'places' | 'people' | 'quotes'>;

const wordCount = (text: string) => countWords(text, 0, text.length);

/** The slim rows a document contributes, small enough to travel from a worker and sit in the journal. */
export function aggregateRowsOf(rows: DocRows): AggregateRows {
  const entity = (r: Row): Row => ({ doc_id: r.doc_id, entity_id: r.entity_id, name: r.name, aliases: r.aliases, mentions: r.mentions });
  return {
    organisations: rows.organisations.map(entity),
    places: rows.places.map(entity),
    people: rows.people.map(entity),
    quotes: rows.quotes.map((q) => ({ doc_id: q.doc_id, kind: q.kind, speaker: q.speaker, speaker_entity_id: q.speaker_entity_id, words: wordCount(String(q.text ?? '')) })),
  };
}

const TYPE_OF_TABLE = { organisations: 'organisation', places: 'place', people: 'person' } as const;
/** Aliases that name a kind of body, not one body ("the council"), or a pronoun: they must not join entities across articles. */
const GENERIC = /^(the |a |an |its |their )|^(council|trust|firm|company|party|government|authority|board|he|she|they|it)$/i;
const TITLES = /^(cllr|councillor|sir|dame|dr|mr|mrs|ms|miss|lord|lady|professor|prof|rev)\.?\s+/i;

/**
 * Whether an alias of `name` needs the rest of the name to say which body it is: only
 * head words ("Bank", "Central Bank" is not), or a part of the name that ends in a head
 * word ("Reserve Bank" of "Reserve Bank of Australia", "Commission" of "European
 * Commission"). Such an alias joins nothing across articles.
 */
function needsQualifier(alias: string, name: string): boolean {
  const words = alias.trim().split(/\s+/);
  if (words.every((w) => ORGANISATION_HEAD_WORDS.has(w))) return true;
  return ORGANISATION_HEAD_WORDS.has(words[words.length - 1]) && alias !== name && name.includes(alias);
}

/** The key of a name with its spaces, full stops and hyphens taken out: "TimeWarner" and "Time Warner" share it. */
const compactKey = (type: string, name: string) => `${type}:=${nameKey(name).replace(/[\s.-]/g, '')}`;

/** A name as a key: lower-cased, curly apostrophes folded, a leading "the", a title and a trailing "'s" dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, '')
    .replace(TITLES, '')
    .replace(/'s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A spreadsheet cell holds at most 32,767 characters (Excel); a doc_ids list is cut
 * to fit, ending in "…(N more)". The `articles` column always has the full count.
 */
const MAX_DOC_IDS_CHARS = 32_000;

/**
 * The documents an entity or speaker appears in, as run ordinals (the order
 * documents were added) in increasing order: a few bytes each, where a set of
 * doc_id strings per entity grew with the run by far more.
 */
type DocList = number[];

function addDoc(list: DocList, ordinal: number): void {
  if (list[list.length - 1] !== ordinal) list.push(ordinal);
}

/** The union of two increasing lists, increasing. */
function mergeDocs(a: DocList, b: DocList): DocList {
  const out: DocList = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    addDoc(out, next);
  }
  return out;
}

interface EntityAcc {
  type: string;
  names: Map<string, number>;
  aliases: Set<string>;
  docs: DocList;
  mentions: number;
}

interface SpeakerAcc {
  speaker: Map<string, number>;
  type: string;
  direct: number;
  indirect: number;
  words: number;
  docs: DocList;
}

/**
 * Entities of different articles are one when they share a specific name: the same
 * full name (for organisations, spaces aside: "TimeWarner", "Time Warner"), or a name
 * of one that is a non-generic alias of the other ("Department of Health" / "DH"). A
 * surname alone never joins people across articles, nor a head word or a name without
 * its qualifier ("Bank", "Reserve Bank" of "Reserve Bank of Australia") organisations.
 */
export class RunAggregates {
  private readonly parent = new Map<string, string>();
  private readonly entities = new Map<string, EntityAcc>();
  private readonly speakers = new Map<string, SpeakerAcc>();
  /** doc_id of each document added, by ordinal. */
  private readonly docIds: string[] = [];
  /** entity_id → the run-level key it joined, for the document being added (its quotes name its entities). */
  private readonly docEntityKey = new Map<string, string>();

  private find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    for (let k = key; k !== root; ) {
      const next = this.parent.get(k)!;
      this.parent.set(k, root);
      k = next;
    }
    return root;
  }

  private union(a: string, b: string): string {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return ra;
    // Keep the older root, so keys stay stable as the run grows.
    this.parent.set(rb, ra);
    const into = this.entities.get(ra), from = this.entities.get(rb);
    if (into && from) {
      for (const [n, c] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + c);
      for (const a2 of from.aliases) into.aliases.add(a2);
      into.docs = mergeDocs(into.docs, from.docs);
      into.mentions += from.mentions;
      this.entities.delete(rb);
    } else if (from) {
      this.entities.set(ra, from);
      this.entities.delete(rb);
    }
    return ra;
  }

  private keyFor(type: string, name: string): string {
    const key = `${type}:${nameKey(name)}`;
    if (!this.parent.has(key)) this.parent.set(key, key);
    return key;
  }

  /** Adds one document's rows (all rows of one document, documents in run order). */
  addDocument(rows: AggregateRows): void {
    const ordinal = this.docIds.length;
    const first = rows.organisations[0] ?? rows.places[0] ?? rows.people[0] ?? rows.quotes[0];
    this.docIds.push(String(first?.doc_id ?? ''));
    this.docEntityKey.clear();
    for (const table of ['organisations', 'places', 'people'] as const) {
      const type = TYPE_OF_TABLE[table];
      for (const r of rows[table]) this.addEntity(type, r, ordinal);
    }
    for (const q of rows.quotes) this.addQuote(q, ordinal);
  }

  private addEntity(type: string, r: Row, ordinal: number): void {
    const name = String(r.name);
    const aliases = String(r.aliases ?? '').split('|').filter(Boolean);
    const specific = aliases.filter((a) => !GENERIC.test(a) && (type === 'person' ? a.trim().includes(' ') : !needsQualifier(a, name)));
    const key = this.keyFor(type, name);
    const first = this.find(key);
    if (!this.entities.has(first)) this.entities.set(first, { type, names: new Map(), aliases: new Set(), docs: [], mentions: 0 });
    let root = key;
    for (const alias of specific) root = this.union(root, this.keyFor(type, alias));
    if (type === 'organisation') {
      // Spelt with or without spaces: one body, under the key it had first.
      const compact = compactKey(type, name);
      if (this.parent.has(compact)) root = this.union(compact, root);
      else this.parent.set(compact, this.find(root));
    }
    const acc = this.entities.get(this.find(root))!;
    acc.names.set(name, (acc.names.get(name) ?? 0) + 1);
    for (const a of aliases) acc.aliases.add(a);
    addDoc(acc.docs, ordinal);
    acc.mentions += Number(r.mentions) || 0;
    this.docEntityKey.set(String(r.entity_id), key);
  }

  private addQuote(q: Row, ordinal: number): void {
    const speaker = String(q.speaker ?? '').trim();
    if (!speaker) return;
    const entityKey = q.speaker_entity_id ? this.docEntityKey.get(String(q.speaker_entity_id)) : undefined;
    const key = entityKey ?? `speaker:${nameKey(speaker)}`;
    const acc = this.speakers.get(key) ?? { speaker: new Map(), type: entityKey ? entityKey.split(':')[0] : '', direct: 0, indirect: 0, words: 0, docs: [] };
    acc.speaker.set(speaker, (acc.speaker.get(speaker) ?? 0) + 1);
    if (q.kind === 'direct') acc.direct++;
    else acc.indirect++;
    acc.words += q.words !== undefined ? Number(q.words) : wordCount(String(q.text ?? ''));
    addDoc(acc.docs, ordinal);
    this.speakers.set(key, acc);
  }

  /** The most used name; among equals, the longest (the fullest form), then the first in order. */
  private static displayName(names: Map<string, number>): string {
    return [...names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
  }

  /** The doc_ids of `docs`, sorted and joined by "|", cut to fit a spreadsheet cell. */
  private docIdsCell(docs: DocList): string {
    const ids = docs.map((d) => this.docIds[d]).sort();
    let length = 0;
    for (let i = 0; i < ids.length; i++) {
      length += ids[i].length + 1;
      if (length > MAX_DOC_IDS_CHARS) return `${ids.slice(0, i).join('|')}|…(${ids.length - i} more)`;
    }
    return ids.join('|');
  }

  entityRows(): Row[] {
    const rows: Row[] = [];
    for (const [key, e] of this.entities) {
      const name = RunAggregates.displayName(e.names);
      const aliases = [...new Set([...e.names.keys(), ...e.aliases])].filter((a) => a !== name).sort();
      rows.push({ entity_key: key, type: e.type, name, aliases: aliases.join('|'), articles: e.docs.length, mentions: e.mentions, doc_ids: this.docIdsCell(e.docs) });
    }
    // Most widely reported first; the key makes the order total, so output is stable.
    return rows.sort((a, b) => Number(b.articles) - Number(a.articles) || Number(b.mentions) - Number(a.mentions) || String(a.entity_key).localeCompare(String(b.entity_key)));
  }

  speakerRows(): Row[] {
    const rows: Row[] = [];
    const docsOf = new Map<Row, DocList>();
    for (const [key, s] of this.speakers) {
      const root = key.startsWith('speaker:') ? '' : this.find(key);
      const entity = root ? this.entities.get(root) : undefined;
      const speaker = entity ? RunAggregates.displayName(entity.names) : RunAggregates.displayName(s.speaker);
      rows.push({ speaker, entity_key: root, type: s.type, quotes: s.direct + s.indirect, direct: s.direct, indirect: s.indirect, words_quoted: s.words, articles: 0, doc_ids: '' });
      docsOf.set(rows[rows.length - 1], s.docs);
    }
    // Speakers of one entity found through different documents' keys become one row.
    const merged = new Map<string, Row>();
    for (const r of rows) {
      const k = r.entity_key ? String(r.entity_key) : `speaker:${nameKey(String(r.speaker))}`;
      const prev = merged.get(k);
      if (!prev) merged.set(k, r);
      else {
        for (const f of ['quotes', 'direct', 'indirect', 'words_quoted'] as const) prev[f] = Number(prev[f]) + Number(r[f]);
        docsOf.set(prev, mergeDocs(docsOf.get(prev)!, docsOf.get(r)!));
      }
    }
    for (const r of merged.values()) {
      const docs = docsOf.get(r)!;
      r.articles = docs.length;
      r.doc_ids = this.docIdsCell(docs);
    }
    return [...merged.values()].sort((a, b) => Number(b.quotes) - Number(a.quotes) || Number(b.words_quoted) - Number(a.words_quoted) || String(a.speaker).localeCompare(String(b.speaker)));
  }
}
