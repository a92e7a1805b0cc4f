// Scoring and first-order Viterbi decoding over BIO tags, shared by training and tagging.

import { ALLOWED, NUM_TAGS } from './tags.ts';
import type { SentenceFeatures } from './features.ts';

const K = NUM_TAGS;
const START = NUM_TAGS;

/** Feature weights by hash: an open-addressing table over the stored hashes. */
export class WeightTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  /** weights[row * NUM_TAGS + tag] for the feature hashes[row]. */
  constructor(hashes: Uint32Array, readonly weights: Float32Array) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      let slot = Math.imul(hashes[r], 0x9e3779b1) >>> 0 & this.mask;
      while (this.keys[slot] !== 0 && this.keys[slot] !== hashes[r]) slot = (slot + 1) & this.mask;
      this.keys[slot] = hashes[r];
      this.rows[slot] = r;
    }
  }

  /** The row of a feature hash, or -1. */
  row(h: number): number {
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === h) return this.rows[slot];
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Emission scores scores[i * K + t] from features looked up by `row` (-1 = unknown). */
export function emissionScores(f: SentenceFeatures, rowOf: (h: number) => number, weights: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = f.offsets.length - 1;
  const scores = out && out.length >= n * K ? out.fill(0, 0, n * K) : new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const base = i * K;
    for (let j = f.offsets[i]; j < f.offsets[i + 1]; j++) {
      const r = rowOf(f.hashes[j]);
      if (r < 0) continue;
      const w = r * K;
      for (let t = 0; t < K; t++) scores[base + t] += weights[w + t];
    }
  }
  return scores;
}

/**
 * Best tag sequence. `trans[(prev) * K + cur]` with prev = K for the sentence
 * start; `end[t]` for the last tag. I-X is allowed only after B-X or I-X.
 */
export function viterbi(n: number, scores: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const delta = new Float64Array(n * K);
  const back = new Uint8Array(n * K);
  for (let t = 0; t < K; t++) delta[t] = ALLOWED[START * K + t] ? scores[t] + trans[START * K + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const b = i * K, pb = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < K; p++) {
        if (!ALLOWED[p * K + t]) continue;
        const v = delta[pb + p] + trans[p * K + t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[b + t] = best + scores[b + t];
      back[b + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  const lb = (n - 1) * K;
  for (let t = 0; t < K; t++) {
    const v = delta[lb + t] + end[t];
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * K + out[i]];
  return out;
}
