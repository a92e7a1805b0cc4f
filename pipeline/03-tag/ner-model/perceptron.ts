// Training: an averaged structured perceptron (Collins 2002) over the features
// of features.ts, decoded with the same constrained Viterbi as the tagger.

import { viterbi } from './decode.ts';
import { NUM_TAGS } from './tags.ts';

const K = NUM_TAGS;

/** One training or evaluation sentence: feature ids per token and gold tag indices. */
export interface Example {
  /** Feature ids of token i: ids[offsets[i]] .. ids[offsets[i + 1] - 1] (-1 = unknown feature). */
  ids: Int32Array;
  offsets: Uint32Array;
  gold: Uint8Array;
}

/** A small seeded PRNG (mulberry32), for a reproducible shuffle. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Perceptron {
  readonly w: Float64Array;
  private readonly u: Float64Array;
  readonly trans = new Float64Array((K + 1) * K);
  private readonly transU = new Float64Array((K + 1) * K);
  readonly end = new Float64Array(K);
  private readonly endU = new Float64Array(K);
  /** Examples seen so far (the averaging clock, from 1). */
  private c = 1;
  private scores = new Float64Array(512 * K);

  constructor(readonly features: number) {
    this.w = new Float64Array(features * K);
    this.u = new Float64Array(features * K);
  }

  static emissions(ex: Example, w: ArrayLike<number>, out: Float64Array): Float64Array {
    const n = ex.gold.length;
    out.fill(0, 0, n * K);
    for (let i = 0; i < n; i++) {
      const b = i * K;
      for (let j = ex.offsets[i]; j < ex.offsets[i + 1]; j++) {
        const f = ex.ids[j];
        if (f < 0) continue;
        const r = f * K;
        for (let t = 0; t < K; t++) out[b + t] += w[r + t];
      }
    }
    return out;
  }

  /** One perceptron step on one example; returns the tags predicted before it. */
  learn(ex: Example): Uint8Array {
    const n = ex.gold.length;
    if (this.scores.length < n * K) this.scores = new Float64Array(n * K * 2);
    const pred = viterbi(n, Perceptron.emissions(ex, this.w, this.scores), this.trans, this.end);
    const gold = ex.gold, c = this.c;
    for (let i = 0; i < n; i++) {
      const g = gold[i], p = pred[i];
      const gp = i ? gold[i - 1] : K, pp = i ? pred[i - 1] : K;
      if (g !== p) {
        for (let j = ex.offsets[i]; j < ex.offsets[i + 1]; j++) {
          const f = ex.ids[j];
          if (f < 0) continue;
          this.w[f * K + g] += 1;
          this.u[f * K + g] += c;
          this.w[f * K + p] -= 1;
          this.u[f * K + p] -= c;
        }
      }
      if (g !== p || gp !== pp) {
        this.trans[gp * K + g] += 1;
        this.transU[gp * K + g] += c;
        this.trans[pp * K + p] -= 1;
        this.transU[pp * K + p] -= c;
      }
    }
    if (gold[n - 1] !== pred[n - 1]) {
      this.end[gold[n - 1]] += 1;
      this.endU[gold[n - 1]] += c;
      this.end[pred[n - 1]] -= 1;
      this.endU[pred[n - 1]] -= c;
    }
    this.c++;
    return pred;
  }

  /** The averaged weights so far. */
  averaged(): { w: Float32Array; trans: Float32Array; end: Float32Array } {
    const c = this.c;
    const avg = (w: Float64Array, u: Float64Array) => {
      const out = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i] - u[i] / c;
      return out;
    };
    return { w: avg(this.w, this.u), trans: avg(this.trans, this.transU), end: avg(this.end, this.endU) };
  }
}

/** Tags of one example under given weights. */
export function predict(ex: Example, w: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>, scratch?: Float64Array): Uint8Array {
  const n = ex.gold.length;
  const buf = scratch && scratch.length >= n * K ? scratch : new Float64Array(n * K);
  return viterbi(n, Perceptron.emissions(ex, w, buf), trans, end);
}
