// Gazetteer matching over a sentence's tokens. The lists are a snapshot taken
// at training time and stored in the weights file (see sources.ts), so the
// model sees at tagging time exactly the lists it was trained with, whatever
// later happens to the pipeline's own lexicons.

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

/** A key extended by one more token. */
function extendKey(key: string, word: string): string {
  const piece = gazetteerKey(word);
  if (!piece) return key;
  if (!key || piece[0] === '-' || key[key.length - 1] === '-') return key + piece;
  return `${key} ${piece}`;
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

export class Gazetteer {
  readonly kinds: string[];
  /** key -> bit set of kinds. */
  private readonly entries = new Map<string, number>();
  /** Every proper token-prefix of a multi-token key, to stop a scan early. */
  private readonly prefixes = new Set<string>();

  constructor(data: GazetteerData) {
    this.kinds = data.kinds;
    const keys = data.keys.split('\n');
    for (let e = 0; e < keys.length; e++) {
      const key = keys[e];
      this.entries.set(key, data.bits[e]);
      // Prefixes at token boundaries, as a scan over tokens builds them.
      if (!PLAIN_NOT.test(key)) continue;
      for (let i = 1; i < key.length; i++) {
        if (key[i] === ' ') this.prefixes.add(key.slice(0, i));
        else if (key[i] === '-') this.prefixes.add(key.slice(0, i)).add(key.slice(0, i + 1));
      }
    }
  }

  /**
   * For each token, the matches it is part of, as atoms kind * 4 + position
   * (0 = the whole match, 1 = first, 2 = inside, 3 = last token). A match must
   * start with a capitalised token.
   */
  annotate(words: readonly string[]): number[][] {
    words = words.map(asciiForm);
    const out: number[][] = words.map(() => []);
    for (let i = 0; i < words.length; i++) {
      if (!startsUpper(words[i])) continue;
      let key = '';
      for (let j = i; j < words.length && j < i + MAX_SPAN; j++) {
        const next = extendKey(key, words[j]);
        if (!next || (next === key && j > i)) break;
        key = next;
        const bits = this.entries.get(key);
        if (bits !== undefined) {
          for (let k = 0; k < this.kinds.length; k++) {
            if (!(bits & (1 << k))) continue;
            if (j === i) out[i].push(k * 4);
            else for (let t = i; t <= j; t++) out[t].push(k * 4 + (t === i ? 1 : t === j ? 3 : 2));
          }
        }
        if (!this.prefixes.has(key)) break;
      }
    }
    return out;
  }

  /** Whether a single token is in one kind's list. */
  has(kind: string, word: string): boolean {
    const k = this.kinds.indexOf(kind);
    return k >= 0 && ((this.entries.get(gazetteerKey(word)) ?? 0) & (1 << k)) !== 0;
  }
}
