// Per-document lookups for the relate stage, built once per document: entities
// by id and mentions by offset, so that a question about one place in the text
// looks at the few mentions near it rather than at all of them.
//
// Every query returns a superset of the mentions that can answer it, in
// document order; callers keep their own test. So results (including which of
// several matches comes first) are exactly those of a scan over all mentions.

import type { Doc, Entity, Mention } from '../../src/model.ts';

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

function buildLookup(doc: Doc): DocLookup {
  const mentions = doc.mentions;
  const entities = new Map<string, Entity>();
  // The first entity with an id wins, as `entities.find` would.
  for (const e of doc.entities) if (!entities.has(e.id)) entities.set(e.id, e);
  // Ranges by start hold only when the mentions are ordered by start and none ends before it starts.
  let ordered = true;
  let longest = 0;
  const byEnd = new Map<number, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.end < m.start || (i > 0 && m.start < mentions[i - 1].start)) ordered = false;
    longest = Math.max(longest, m.end - m.start);
    const list = byEnd.get(m.end);
    if (list) list.push(i);
    else byEnd.set(m.end, [i]);
  }
  /** Index of the first mention starting at or after `offset`. */
  const firstFrom = (offset: number) => {
    let lo = 0, hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const startingIn = (lo: number, hi: number): [number, number] => (ordered ? [firstFrom(lo), firstFrom(hi + 1)] : [0, mentions.length]);
  return {
    mentions,
    entity: (id) => entities.get(id),
    startingIn,
    // A mention that starts more than `longest` before `at` has ended by then.
    covering: (at) => startingIn(at - longest + 1, at),
    endingAt: (end) => byEnd.get(end) ?? NONE,
  };
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
  latest = { doc, mentions: doc.mentions, entities: doc.entities, count: doc.mentions.length + doc.entities.length, lookup: buildLookup(doc) };
  CACHE.set(doc, latest);
  return latest.lookup;
}

/** Whether a UTF-16 code unit is one that the regular expression `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
