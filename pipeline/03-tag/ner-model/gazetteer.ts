// Gazetteer matching over a sentence's tokens. The lists are a snapshot taken
// at training time and stored in the weights file (see sources.ts), so the
// model sees at tagging time exactly the lists it was trained with, whatever
// later happens to the pipeline's own lexicons.

import { hashString } from './hash.ts';
import { asciiForm } from './text.ts';

/** Kind name -> entries (names as written: "Bosnia-Herzegovina", "Prime Minister", "u2"). */
export type GazetteerLists = Record<string, string[]>;

/** Longest entry matched, in tokens. */
const MAX_SPAN = 6;

const PLAIN_NOT = /[.\s-]/;

/**
 * The key a name or a run of tokens is looked up by: lower case, no full stops,
 * no space around hyphens, single spaces ("U.S." and "U.S" and "US" -> "us";
 * "Stoke - on - Trent" -> "stoke-on-trent").
 */
export function gazetteerKey(s: string): string {
  if (!PLAIN_NOT.test(s)) return s.toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.') continue;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      space = out.length > 0;
      continue;
    }
    if (c === '-') {
      out += '-';
      space = false;
      continue;
    }
    if (space && out[out.length - 1] !== '-') out += ' ';
    space = false;
    out += c;
  }
  return out.toLowerCase();
}

const startsUpper = (w: string) => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0].toLowerCase());
};

/** The snapshot as stored: kind names, then keys (one per line) and each key's bit set of kinds. */
export interface GazetteerData {
  kinds: string[];
  keys: string;
  bits: number[];
}

/** Lists -> the stored form (sorted keys, so the file is the same from run to run). */
export function gazetteerData(lists: GazetteerLists): GazetteerData {
  const kinds = Object.keys(lists).sort();
  if (kinds.length > 30) throw new Error('at most 30 gazetteer kinds');
  const entries = new Map<string, number>();
  kinds.forEach((kind, k) => {
    for (const name of lists[kind]) {
      const key = gazetteerKey(name);
      if (key && !key.includes('\n')) entries.set(key, (entries.get(key) ?? 0) | (1 << k));
    }
  });
  const keys = [...entries.keys()].sort();
  return { kinds, keys: keys.join('\n'), bits: keys.map((k) => entries.get(k)!) };
}

/** One token as matching sees it (Gazetteer.token). */
export interface GazetteerToken {
  /** gazetteerKey of the token ('' for one made of full stops and spaces). */
  piece: string;
  /** Whether a match may start here (a capital). */
  upper: boolean;
  /** Kinds the token matches alone (0: none). */
  bits: number;
  /** Whether some longer entry starts with this token. */
  prefix: boolean;
}

/** Set on a key's value in KeyTable when some longer entry starts with it (kinds use bits 0-29). */
const PREFIX = 1 << 30;

/**
 * The gazetteer's keys and the token-boundary prefixes of its multi-token keys, each with
 * its bit set of kinds (and PREFIX): an open-addressing table whose slots point at ranges
 * of the one text the keys are stored in, so that the 50,000 keys cost no string and no
 * Map entry each (about 2 MB in all, against 6 MB as a Map and a Set of strings).
 */
class KeyTable {
  /** Slot -> 1 + the entry in it (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** By entry: where its string starts in `text`, its length, its hash and its value. */
  private start: Int32Array;
  private length: Int32Array;
  private hash: Uint32Array;
  private value: Int32Array;
  private count = 0;

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    let size = 1;
    while (size < capacity * 2) size <<= 1;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.start = new Int32Array(capacity);
    this.length = new Int32Array(capacity);
    this.hash = new Uint32Array(capacity);
    this.value = new Int32Array(capacity);
  }

  /** The value of `key` (0 when it is not in the table). */
  get(key: string): number {
    const h = hashString(key);
    const { slots, mask, start, length, hash, text } = this;
    for (let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const e = slots[slot] - 1;
      if (e < 0) return 0;
      if (hash[e] === h && length[e] === key.length && text.startsWith(key, start[e])) return this.value[e];
    }
  }

  /** ORs `bits` into the value of text[from, from + len), hashed `h` (hashString of it), adding it if new. */
  or(from: number, len: number, h: number, bits: number): void {
    const { slots, mask, text } = this;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    for (; ; slot = (slot + 1) & mask) {
      const e = slots[slot] - 1;
      if (e < 0) break;
      if (this.hash[e] !== h || this.length[e] !== len) continue;
      let same = true;
      for (let i = 0, a = this.start[e]; i < len && same; i++) same = text.charCodeAt(a + i) === text.charCodeAt(from + i);
      if (same) {
        this.value[e] |= bits;
        return;
      }
    }
    if (this.count === this.start.length) throw new Error('gazetteer key table is full');
    const e = this.count++;
    this.start[e] = from;
    this.length[e] = len;
    this.hash[e] = h;
    this.value[e] = bits;
    slots[slot] = e + 1;
  }

  /** Trims the entry arrays to what was added. */
  seal(): void {
    this.start = this.start.slice(0, this.count);
    this.length = this.length.slice(0, this.count);
    this.hash = this.hash.slice(0, this.count);
    this.value = this.value.slice(0, this.count);
  }
}

/** FNV-1a (hash.ts's hashString) carried one more UTF-16 code unit. */
const hashStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193) >>> 0;
const HASH_START = hashString('');

export class Gazetteer {
  readonly kinds: string[];
  /** key -> bit set of kinds, and PREFIX for every proper token-prefix of a multi-token key (to stop a scan early). */
  private readonly keys: KeyTable;

  constructor(data: GazetteerData) {
    this.kinds = data.kinds;
    const text = data.keys;
    // At most one entry per key and per space or hyphen in it.
    let capacity = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) capacity++;
      else if (c === 32) capacity++;
      else if (c === 45) capacity += 2;
    }
    this.keys = new KeyTable(text, capacity);
    for (let e = 0, from = 0; from <= text.length; e++) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      // Prefixes at token boundaries, as a scan over tokens builds them: before a space, and before and after a hyphen.
      let h = HASH_START;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (i > from && (c === 32 || c === 45)) this.keys.or(from, i - from, h, PREFIX);
        h = hashStep(h, c);
        if (i > from && c === 45) this.keys.or(from, i + 1 - from, h, PREFIX);
      }
      this.keys.or(from, to - from, h, data.bits[e]);
      from = to + 1;
    }
    this.keys.seal();
  }

  /**
   * What matching needs of one token, a pure function of the word (callers may
   * cache it by word): its key piece, whether a match may start at it, the kinds
   * it matches alone, and whether a longer entry starts with it.
   */
  token(word: string): GazetteerToken {
    const w = asciiForm(word);
    const piece = gazetteerKey(w);
    const value = this.keys.get(piece);
    return { piece, upper: startsUpper(w), bits: value & ~PREFIX, prefix: (value & PREFIX) !== 0 };
  }

  /** Whether a match may start at this token (see scanFrom): it is capitalised and matches alone or starts a longer entry. */
  static starts(token: GazetteerToken): boolean {
    return token.upper && token.piece !== '' && (token.bits !== 0 || token.prefix);
  }

  /**
   * The matches that start at token i of a sentence (tokens from token()),
   * shortest first: onMatch(i, j, bits) for tokens i..j. A match must start
   * with a capitalised token.
   */
  scanFrom(tokens: ReadonlyArray<GazetteerToken>, i: number, onMatch: (i: number, j: number, bits: number) => void): void {
    const first = tokens[i];
    if (!Gazetteer.starts(first)) return;
    if (first.bits) onMatch(i, i, first.bits);
    if (!first.prefix) return;
    // Longer keys: "-" joins pieces as it is, anything else with one space; a token with no piece ends the scan.
    let key = first.piece;
    for (let j = i + 1; j < tokens.length && j < i + MAX_SPAN; j++) {
      const piece = tokens[j].piece;
      if (!piece) break;
      key = piece[0] === '-' || key[key.length - 1] === '-' ? key + piece : `${key} ${piece}`;
      const value = this.keys.get(key);
      if (value & ~PREFIX) onMatch(i, j, value & ~PREFIX);
      if (!(value & PREFIX)) break;
    }
  }

  /**
   * For each token, the matches it is part of, as atoms kind * 4 + position
   * (0 = the whole match, 1 = first, 2 = inside, 3 = last token). A match must
   * start with a capitalised token.
   */
  annotate(words: readonly string[]): number[][] {
    const out: number[][] = words.map(() => []);
    const tokens = words.map((w) => this.token(w));
    const onMatch = (i: number, j: number, bits: number) => {
      for (let k = 0; k < this.kinds.length; k++) {
        if (!(bits & (1 << k))) continue;
        if (j === i) out[i].push(k * 4);
        else for (let t = i; t <= j; t++) out[t].push(k * 4 + (t === i ? 1 : t === j ? 3 : 2));
      }
    };
    for (let i = 0; i < tokens.length; i++) this.scanFrom(tokens, i, onMatch);
    return out;
  }

  /** Whether a single token is in one kind's list. */
  has(kind: string, word: string): boolean {
    const k = this.kinds.indexOf(kind);
    return k >= 0 && (this.keys.get(gazetteerKey(word)) & (1 << k)) !== 0;
  }
}
