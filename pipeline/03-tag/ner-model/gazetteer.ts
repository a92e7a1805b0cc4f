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
   * What matching needs of one token, a pure function of the word (callers may
   * cache it by word): its key piece, whether a match may start at it, the kinds
   * it matches alone, and whether a longer entry starts with it.
   */
  token(word: string): GazetteerToken {
    const w = asciiForm(word);
    const piece = gazetteerKey(w);
    return { piece, upper: startsUpper(w), bits: this.entries.get(piece) ?? 0, prefix: this.prefixes.has(piece) };
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
      const bits = this.entries.get(key);
      if (bits) onMatch(i, j, bits);
      if (!this.prefixes.has(key)) break;
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
    return k >= 0 && ((this.entries.get(gazetteerKey(word)) ?? 0) & (1 << k)) !== 0;
  }
}
