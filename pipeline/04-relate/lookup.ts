// Per-document lookups for the relate stage, built once per document: entities
// by id and mentions by offset, so that a question about one place in the text
// looks at the few mentions near it rather than at all of them.
//
// Every query returns a superset of the mentions that can answer it, in
// document order; callers keep their own test. So results (including which of
// several matches comes first) are exactly those of a scan over all mentions.

import type { Doc, Entity, Mention } from '../../src/model.ts';
import { firstIndexNotBefore } from '../../src/sorted.ts';
import { isWhitespaceCode } from '../../src/text.ts';

export interface DocLookup {
  entity(id: string): Entity | undefined;
  readonly mentions: Mention[];
  /** Indexes [from, to) of the mentions that start at or after `lo` and not after `hi` (all of them if the mentions are not in order). */
  startingIn(lo: number, hi: number): [number, number];
  /** Indexes [from, to) of the mentions that can contain offset `at` (start <= at < end). */
  covering(at: number): [number, number];
  /** Indexes, in order, of the mentions that end at `end`. */
  endingAt(end: number): readonly number[];
}

const NONE: readonly number[] = [];

/** Built once per document: a class, so that no closures are made per document. */
class MentionLookup implements DocLookup {
  readonly mentions: Mention[];
  private readonly entities = new Map<string, Entity>();
  private readonly byEnd = new Map<number, number[]>();
  /** Ranges by start hold only when the mentions are ordered by start and none ends before it starts. */
  private readonly ordered: boolean;
  private readonly longest: number;

  constructor(doc: Doc) {
    const mentions = (this.mentions = doc.mentions);
    // The first entity with an id wins, as `entities.find` would.
    for (const e of doc.entities) if (!this.entities.has(e.id)) this.entities.set(e.id, e);
    let ordered = true;
    let longest = 0;
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.end < m.start || (i > 0 && m.start < mentions[i - 1].start)) ordered = false;
      longest = Math.max(longest, m.end - m.start);
      const list = this.byEnd.get(m.end);
      if (list) list.push(i);
      else this.byEnd.set(m.end, [i]);
    }
    this.ordered = ordered;
    this.longest = longest;
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  startingIn(lo: number, hi: number): [number, number] {
    return this.ordered ? [this.firstFrom(lo), this.firstFrom(hi + 1)] : [0, this.mentions.length];
  }

  covering(at: number): [number, number] {
    // A mention that starts more than `longest` before `at` has ended by then.
    return this.startingIn(at - this.longest + 1, at);
  }

  endingAt(end: number): readonly number[] {
    return this.byEnd.get(end) ?? NONE;
  }

  /** Index of the first mention starting at or after `offset`. */
  private firstFrom(offset: number): number {
    return firstIndexNotBefore(this.mentions.length, (i) => this.mentions[i].start < offset);
  }
}

interface Cached {
  doc: Doc;
  mentions: Mention[];
  entities: Entity[];
  count: number;
  lookup: DocLookup;
}

const CACHE = new WeakMap<Doc, Cached>();
/** The document asked about last: nearly every call is about the same one as the call before. */
let latest: Cached | undefined;

/** The lookup for a document, rebuilt if its mentions or entities have been replaced or added to. */
export function lookupOf(doc: Doc): DocLookup {
  const cached = latest?.doc === doc ? latest : CACHE.get(doc);
  if (cached && cached.mentions === doc.mentions && cached.entities === doc.entities && cached.count === doc.mentions.length + doc.entities.length) {
    latest = cached;
    return cached.lookup;
  }
  latest = { doc, mentions: doc.mentions, entities: doc.entities, count: doc.mentions.length + doc.entities.length, lookup: new MentionLookup(doc) };
  CACHE.set(doc, latest);
  return latest.lookup;
}

/** The name of the entity a mention belongs to, or the mention's own text. */
export function entityName(doc: Doc, m: Mention): string {
  return lookupOf(doc).entity(m.entityId)?.name ?? m.text;
}

/** The first mention (in document order) ending at `end` that passes `test`. */
export function firstEndingAt(doc: Doc, end: number, test: (m: Mention) => boolean): Mention | undefined {
  const lookup = lookupOf(doc);
  for (const i of lookup.endingAt(end)) if (test(lookup.mentions[i])) return lookup.mentions[i];
  return undefined;
}

/** The first mention starting in [lo, hi] that passes `test`. */
export function firstStartingIn(doc: Doc, lo: number, hi: number, test: (m: Mention) => boolean): Mention | undefined {
  const lookup = lookupOf(doc);
  const [from, to] = lookup.startingIn(lo, hi);
  for (let i = from; i < to; i++) if (test(lookup.mentions[i])) return lookup.mentions[i];
  return undefined;
}

/** The first mention lying within [start, end] that passes `test`. */
export function firstWithin(doc: Doc, start: number, end: number, test: (m: Mention) => boolean): Mention | undefined {
  const lookup = lookupOf(doc);
  const [from, to] = lookup.startingIn(start, end);
  for (let i = from; i < to; i++) {
    const m = lookup.mentions[i];
    if (m.start >= start && m.end <= end && test(m)) return m;
  }
  return undefined;
}

/** The last mention lying within [start, end] that passes `test`. */
export function lastWithin(doc: Doc, start: number, end: number, test: (m: Mention) => boolean): Mention | undefined {
  const lookup = lookupOf(doc);
  const [from, to] = lookup.startingIn(start, end);
  for (let i = to - 1; i >= from; i--) {
    const m = lookup.mentions[i];
    if (m.start >= start && m.end <= end && test(m)) return m;
  }
  return undefined;
}

/** The first mention (in document order) that covers offset `at` and passes `test`. */
export function mentionCovering(doc: Doc, at: number, test: (m: Mention) => boolean): Mention | undefined {
  const lookup = lookupOf(doc);
  const [from, to] = lookup.covering(at);
  for (let i = from; i < to; i++) {
    const x = lookup.mentions[i];
    if (x.start <= at && x.end > at && test(x)) return x;
  }
  return undefined;
}

/**
 * The number of words in text[start, end): `text.slice(start, end).split(/\s+/).filter(Boolean).length`,
 * without the arrays; counting stops at `atMost` when only "fewer than atMost?" is asked.
 */
export function countWords(text: string, start: number, end: number, atMost = Infinity): number {
  let words = 0;
  let inWord = false;
  const stop = Math.min(end, text.length);
  for (let i = start; i < stop && words < atMost; i++) {
    const space = isWhitespaceCode(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
