// Word clusters: each known word's path in a binary tree of words built from
// unlabeled text (scripts/build-word-clusters.ts writes word-clusters.txt; see
// README.md here for where it comes from). The prefixes of a path are features,
// so that a word unseen in training but near known ones in the tree (a company,
// a town, a surname) scores like them. The table travels inside weights.bin:
// the model sees at tagging time exactly the clusters it was trained with.
//
// Held as an open-addressing table of 32-bit word hashes and path codes (about
// 1 MB for 60,000 words), no strings.

import { hashString } from './hash.ts';
import { asciiForm } from './text.ts';

/** The first line of word-clusters.txt (then one "word<TAB>bit string" per line). */
export const CLUSTER_FILE_HEADER = '# word-clusters 1: word<TAB>path in the tree (see pipeline/03-tag/ner-model/README.md)';

/** Prefix lengths used as features (Ratinov & Roth's 4, 6, 10 and 20). */
export const PREFIX_LENGTHS = [4, 6, 10, 20] as const;

/** The stored form: "word<TAB>path" lines (word-clusters.txt without its header). */
export type ClusterData = string;

const POSSESSIVE = /^(.*\p{L})'s$/u;

/** The key a word is looked up by: ASCII forms, no possessive, lower case ("Macrovision’s" -> "macrovision"). */
export const clusterKey = (word: string): string => asciiForm(word).replace(POSSESSIVE, '$1').toLowerCase();

/** Reads word-clusters.txt into the stored form. */
export function clusterData(fileText: string): ClusterData {
  const lines = fileText.split('\n');
  if (lines[0] !== CLUSTER_FILE_HEADER) throw new Error('not a word-clusters file (first line differs)');
  return lines.slice(1).filter((l) => l.includes('\t')).join('\n');
}

/** A WordClusters' memory (`tables()`), as threads pass it to each other. */
export interface WordClustersData {
  buffer: ArrayBufferLike;
  size: number;
}

/** The views of a cluster table's buffer: keys, then codes (one layout for the table made here and one made of another's buffer). */
function clusterViews(buffer: ArrayBufferLike): { keys: Uint32Array; codes: Uint32Array; mask: number } {
  const slots = buffer.byteLength >> 3;
  return { keys: new Uint32Array(buffer, 0, slots), codes: new Uint32Array(buffer, slots * 4, slots), mask: slots - 1 };
}

export class WordClusters {
  /** Slot s: keys[s] a word hash (0: empty), codes[s] its path as 1 followed by the path's bits. */
  private readonly keys: Uint32Array;
  private readonly codes: Uint32Array;
  private readonly mask: number;
  readonly size: number;

  /** The table of `data`; with `shared`, in memory that threads can share (`tables()`, `WordClusters.of`): it is only read. */
  constructor(data: ClusterData, shared = false) {
    const lines = data ? data.split('\n') : [];
    let size = 1;
    while (size * 2 < lines.length * 3) size <<= 1;
    const buffer = shared ? new SharedArrayBuffer(size * 8) : new ArrayBuffer(size * 8);
    ({ keys: this.keys, codes: this.codes, mask: this.mask } = clusterViews(buffer));
    for (const line of lines) {
      const tab = line.indexOf('\t');
      const bits = line.slice(tab + 1);
      this.set(hashString(line.slice(0, tab)) || 1, bits ? parseInt(`1${bits}`, 2) : 1);
    }
    this.size = lines.length;
  }

  /** What the table is made of: keys and codes in one buffer, and the number of words. */
  tables(): WordClustersData {
    return { buffer: this.keys.buffer, size: this.size };
  }

  /** The table made of `data` (another table's `tables()`), its memory not copied. */
  static of(data: WordClustersData): WordClusters {
    return Object.assign(Object.create(WordClusters.prototype), clusterViews(data.buffer), { size: data.size }) as WordClusters;
  }

  private set(h: number, code: number): void {
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & this.mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
    this.keys[slot] = h;
    this.codes[slot] = code;
  }

  /** The path code of a word (1 followed by its bits), 0 when the word is not in the tree. */
  code(word: string): number {
    const h = hashString(clusterKey(word)) || 1;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === h) return this.codes[slot];
      if (k === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The codes of the path's prefixes of PREFIX_LENGTHS (a shorter path stands for its longer prefixes); [] for an unknown word. */
  prefixes(word: string): number[] {
    const code = this.code(word);
    if (!code) return [];
    const len = 31 - Math.clz32(code);
    return PREFIX_LENGTHS.map((l) => (l >= len ? code : code >>> (len - l)));
  }
}
