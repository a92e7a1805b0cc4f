// Scoring and first-order Viterbi decoding over BIO tags, shared by training and tagging.

import { ALLOWED, NUM_TAGS } from './tags.ts';
import type { SentenceFeatures } from './features.ts';

const K = NUM_TAGS;
const START = NUM_TAGS;
/** Slot size in the weight table: a hash and its weights. */
const STRIDE = 1 + K;
/** 2^21 bits (256 kB) for about 80,000 features: 4% of unknown features get past the filter. */
const FILTER_BITS = 21;

/** A WeightTable's memory and magnitudes (`tables()`), as threads pass them to each other. */
export interface WeightTableData {
  buffer: ArrayBufferLike;
  magnitude: { min: number; max: number };
}

/** The views of a weight table's buffer (one layout for the table made here and one made of another's buffer). */
function weightViews(buffer: ArrayBufferLike): { keys: Uint32Array; values: Float32Array; filter: Int32Array; mask: number } {
  const words = (buffer.byteLength >> 2) - (1 << (FILTER_BITS - 5));
  return { keys: new Uint32Array(buffer, 0, words), values: new Float32Array(buffer, 0, words), filter: new Int32Array(buffer, words * 4), mask: words / STRIDE - 1 };
}

/**
 * Feature weights by hash: an open-addressing table (linear probing, load at
 * most 3/4: 0.61 for the shipped 80,000 features, in 5 MB; most look-ups of
 * unknown features stop at the filter) whose slots hold the hash and its
 * NUM_TAGS weights side by side, so that a look-up touches one place in memory.
 */
export class WeightTable {
  /** Slot s: keys[s * STRIDE] is the hash (0: empty), values[s * STRIDE + 1 + t] the weight of tag t. */
  private readonly keys: Uint32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  /** A bit per FILTER_BITS-bit prefix of the stored hashes: most unknown features are turned away here, without touching the table. */
  private readonly filter: Int32Array;
  /** The smallest and the largest magnitude of a non-zero weight (see scorer.ts's checkExactSums). */
  readonly magnitude: { min: number; max: number };

  /**
   * The table of `hashes` and their `weights`; with `shared`, in memory that threads can
   * share (`tables()` in one thread, `WeightTable.of` in another): it is only read.
   */
  constructor(hashes: Uint32Array, weights: Float32Array, shared = false) {
    const magnitude = { min: Infinity, max: 0 };
    for (let i = 0; i < weights.length; i++) {
      const a = Math.abs(weights[i]);
      if (a === 0) continue;
      if (a < magnitude.min) magnitude.min = a;
      if (a > magnitude.max) magnitude.max = a;
    }
    let size = 1;
    while (size * 3 < hashes.length * 4) size <<= 1;
    const bytes = (size * STRIDE + (1 << (FILTER_BITS - 5))) * 4;
    const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    ({ keys: this.keys, values: this.values, filter: this.filter, mask: this.mask } = weightViews(buffer));
    this.magnitude = magnitude;
    for (let r = 0; r < hashes.length; r++) {
      let slot = Math.imul(hashes[r], 0x9e3779b1) >>> 0 & this.mask;
      while (this.keys[slot * STRIDE] !== 0 && this.keys[slot * STRIDE] !== hashes[r]) slot = (slot + 1) & this.mask;
      this.keys[slot * STRIDE] = hashes[r];
      const bit = hashes[r] >>> (32 - FILTER_BITS);
      this.filter[bit >>> 5] |= 1 << (bit & 31);
      // A plain copy: a subarray per row cost more than the rest of the loading.
      for (let t = 0, at = slot * STRIDE + 1; t < K; t++) this.values[at + t] = weights[r * K + t];
    }
  }

  /** What the table is made of: the slots and the filter in one buffer, and the magnitudes. */
  tables(): WeightTableData {
    return { buffer: this.keys.buffer, magnitude: { ...this.magnitude } };
  }

  /** The table made of `data` (another table's `tables()`), its memory not copied. */
  static of(data: WeightTableData): WeightTable {
    return Object.assign(Object.create(WeightTable.prototype), weightViews(data.buffer), { magnitude: { ...data.magnitude } }) as WeightTable;
  }

  /** Adds the weights of feature `h` (if it is known) to out[at .. at + NUM_TAGS - 1]. */
  add(h: number, out: Float64Array, at: number): void {
    const bit = h >>> (32 - FILTER_BITS);
    if (!(this.filter[bit >>> 5] & (1 << (bit & 31)))) return;
    const keys = this.keys, mask = this.mask;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[slot * STRIDE];
      if (k === h) break;
      if (k === 0) return;
      slot = (slot + 1) & mask;
    }
    const v = this.values, base = slot * STRIDE + 1;
    for (let t = 0; t < K; t++) out[at + t] += v[base + t];
  }
}

/** Emission scores scores[i * K + t] of a sentence's features (training's and the reference's way; the tagger uses scorer.ts). */
export function emissionScores(f: SentenceFeatures, table: WeightTable, out?: Float64Array): Float64Array {
  const n = f.offsets.length - 1;
  const scores = out && out.length >= n * K ? out.fill(0, 0, n * K) : new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let j = f.offsets[i]; j < f.offsets[i + 1]; j++) table.add(f.hashes[j], scores, i * K);
  return scores;
}

// For each tag t, the tags allowed before it, ascending (the order ties are broken in):
// PREVIOUS[PREVIOUS_AT[t] .. PREVIOUS_AT[t + 1] - 1]; ANY_BEFORE[t] when that is every tag
// (O and B-X), which a plain loop over all tags does faster.
const PREVIOUS_AT = new Int32Array(K + 1);
const PREVIOUS = new Uint8Array(K * K);
const ANY_BEFORE = new Uint8Array(K);
for (let t = 0, m = 0; t < K; t++) {
  PREVIOUS_AT[t] = m;
  for (let p = 0; p < K; p++) if (ALLOWED[p * K + t]) PREVIOUS[m++] = p;
  PREVIOUS_AT[t + 1] = m;
  ANY_BEFORE[t] = m - PREVIOUS_AT[t] === K ? 1 : 0;
}

// Scratch for viterbi, grown as needed, so that decoding allocates nothing but its result.
let deltaScratch = new Float64Array(256 * K);
let backScratch = new Uint8Array(256 * K);

/**
 * Best tag sequence. `trans[(prev) * K + cur]` with prev = K for the sentence
 * start; `end[t]` for the last tag. I-X is allowed only after B-X or I-X.
 * Ties go to the lowest tag. `out` (optional) receives the tags.
 */
export function viterbi(n: number, scores: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>, out = new Uint8Array(n)): Uint8Array {
  if (n === 0) return out;
  if (deltaScratch.length < n * K) {
    deltaScratch = new Float64Array(n * K * 2);
    backScratch = new Uint8Array(n * K * 2);
  }
  const delta = deltaScratch, back = backScratch;
  for (let t = 0; t < K; t++) delta[t] = ALLOWED[START * K + t] ? scores[t] + trans[START * K + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const b = i * K, pb = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = -Infinity, arg = 0;
      if (ANY_BEFORE[t]) {
        for (let p = 0; p < K; p++) {
          const v = delta[pb + p] + trans[p * K + t];
          if (v > best) {
            best = v;
            arg = p;
          }
        }
      } else {
        for (let q = PREVIOUS_AT[t], last = PREVIOUS_AT[t + 1]; q < last; q++) {
          const p = PREVIOUS[q];
          const v = delta[pb + p] + trans[p * K + t];
          if (v > best) {
            best = v;
            arg = p;
          }
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

/**
 * How sure the tagger is of a reading of one sentence: forward-backward over the same
 * lattice as viterbi, with the scores divided by a temperature, so that every span of
 * tokens gets the probability of being exactly one name of a type (the tagger's own
 * reading, a rule's span or another cut alike). Scaled forward and backward vectors
 * (probabilities, not logarithms), so a sentence costs a few multiplications per tag pair.
 */
export class SentenceMarginals {
  /** Whether forward-backward has run: not until a probability is asked for, and most sentences never are. */
  private solved = false;
  /** alpha[i * K + t], beta[i * K + t]: the scaled forward and backward vectors; scale[i] the forward sum at i. */
  private alpha!: Float64Array;
  private beta!: Float64Array;
  private scale!: Float64Array;
  /** exp((score - max) / temperature) by token and tag. */
  private emit!: Float64Array;
  private z = 0;

  /** The scores of token i and tag t are scores[offset + i * K + t] (a buffer that outlives the sentence's decoding). */
  constructor(
    readonly n: number,
    private readonly scores: Float64Array,
    private readonly offset: number,
    private readonly weights: LatticeWeights,
  ) {}

  /** Forward-backward, the first time a probability is asked for. */
  private solve(): void {
    if (this.solved) return;
    this.solved = true;
    const n = this.n;
    const scores = this.scores.subarray(this.offset, this.offset + n * K);
    const { start, trans, end } = this.weights;
    const inv = 1 / this.weights.temperature;
    const emit = (this.emit = new Float64Array(n * K));
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let t = 0; t < K; t++) if (scores[i * K + t] > max) max = scores[i * K + t];
      for (let t = 0; t < K; t++) emit[i * K + t] = Math.exp((scores[i * K + t] - max) * inv);
    }
    const alpha = (this.alpha = new Float64Array(n * K));
    const beta = (this.beta = new Float64Array(n * K));
    const scale = (this.scale = new Float64Array(n));
    let sum = 0;
    for (let t = 0; t < K; t++) sum += alpha[t] = start[t] * emit[t];
    scale[0] = sum;
    for (let t = 0; t < K; t++) alpha[t] /= sum;
    for (let i = 1; i < n; i++) {
      const b = i * K, pb = b - K;
      sum = 0;
      for (let t = 0; t < K; t++) {
        let s = 0;
        for (let p = 0; p < K; p++) s += alpha[pb + p] * trans[p * K + t];
        sum += alpha[b + t] = s * emit[b + t];
      }
      scale[i] = sum;
      for (let t = 0; t < K; t++) alpha[b + t] /= sum;
    }
    let z = 0;
    for (let t = 0; t < K; t++) {
      beta[(n - 1) * K + t] = end[t];
      z += alpha[(n - 1) * K + t] * end[t];
    }
    this.z = z;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * K, nb = b + K;
      for (let t = 0; t < K; t++) {
        let s = 0;
        for (let u = 0; u < K; u++) s += trans[t * K + u] * emit[nb + u] * beta[nb + u];
        beta[b + t] = s / scale[i + 1];
      }
    }
  }

  /** The probability that token i has tag t. */
  tag(i: number, t: number): number {
    this.solve();
    return (this.alpha[i * K + t] * this.beta[i * K + t]) / this.z;
  }

  /**
   * The probability that tokens [from, to) are exactly one name whose B- tag is `begin`
   * (its I- tag is begin + 1): tagged so, and the token after it not inside the same name.
   */
  span(from: number, to: number, begin: number): number {
    this.solve();
    const { trans, end } = this.weights;
    const inside = begin + 1;
    let p = this.alpha[from * K + begin];
    let last = begin;
    for (let i = from + 1; i < to; i++) {
      p *= (trans[last * K + inside] * this.emit[i * K + inside]) / this.scale[i];
      last = inside;
    }
    if (to === this.n) return (p * end[last]) / this.z;
    let right = 0;
    for (let u = 0; u < K; u++) if (u !== inside) right += trans[last * K + u] * this.emit[to * K + u] * this.beta[to * K + u];
    return (p * right) / this.scale[to] / this.z;
  }
}

/** The lattice's transition weights as viterbi reads them, exponentiated for SentenceMarginals. */
export class LatticeWeights {
  readonly start = new Float64Array(K);
  readonly trans = new Float64Array(K * K);
  readonly end = new Float64Array(K);

  constructor(trans: ArrayLike<number>, end: ArrayLike<number>, readonly temperature: number) {
    const inv = 1 / temperature;
    for (let t = 0; t < K; t++) {
      this.start[t] = ALLOWED[START * K + t] ? Math.exp(trans[START * K + t] * inv) : 0;
      this.end[t] = Math.exp(end[t] * inv);
      for (let p = 0; p < K; p++) this.trans[p * K + t] = ALLOWED[p * K + t] ? Math.exp(trans[p * K + t] * inv) : 0;
    }
  }
}
