// The weights file: brotli over [u32 header length][header JSON][feature hashes,
// sorted, as varint deltas][weights as int16, tag-major]. The header holds the
// tag set, the feature version, the gazetteer snapshot, the word clusters, the transition weights
// and how the model was trained.

import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { ClusterData } from './clusters.ts';
import type { GazetteerData } from './gazetteer.ts';
import { NUM_TAGS, TAGS } from './tags.ts';

export interface ModelData {
  featureVersion: number;
  gazetteer: GazetteerData;
  /** Word clusters ("word<TAB>path" lines). */
  clusters: ClusterData;
  /** Feature hashes, ascending. */
  hashes: Uint32Array;
  /** weights[row * NUM_TAGS + tag]. */
  weights: Float32Array;
  /** (NUM_TAGS + 1) x NUM_TAGS: prev (or start) -> cur. */
  trans: Float32Array;
  end: Float32Array;
  meta: Record<string, unknown>;
}

interface Header {
  format: 1;
  featureVersion: number;
  tags: string[];
  features: number;
  scale: number;
  trans: number[];
  end: number[];
  meta: Record<string, unknown>;
  gazetteer: GazetteerData;
  clusters: ClusterData;
}

export function encodeModel(m: ModelData): Buffer {
  const n = m.hashes.length;
  for (let i = 1; i < n; i++) if (m.hashes[i] <= m.hashes[i - 1]) throw new Error('feature hashes must be ascending and distinct');
  let max = 0;
  for (const w of m.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const header: Header = {
    format: 1,
    featureVersion: m.featureVersion,
    tags: [...TAGS],
    features: n,
    scale,
    trans: [...m.trans],
    end: [...m.end],
    meta: m.meta,
    gazetteer: m.gazetteer,
    clusters: m.clusters,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const varints: number[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let d = m.hashes[i] - prev;
    prev = m.hashes[i];
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    varints.push(d);
  }
  const q = new Int16Array(n * NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) for (let r = 0; r < n; r++) q[t * n + r] = Math.round(m.weights[r * NUM_TAGS + t] / scale);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const pad = Buffer.alloc((4 - ((4 + head.length + varints.length) % 4)) % 4);
  const raw = Buffer.concat([len, head, Buffer.from(varints), pad, Buffer.from(q.buffer, q.byteOffset, q.byteLength)]);
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

export function decodeModel(file: Buffer): ModelData {
  const raw = brotliDecompressSync(file);
  const headLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headLen).toString('utf8')) as Header;
  if (header.format !== 1) throw new Error(`unknown NER model format ${String(header.format)}`);
  if (header.tags.join() !== TAGS.join()) throw new Error('NER model tag set differs from this code');
  const n = header.features;
  const hashes = new Uint32Array(n);
  let at = 4 + headLen, prev = 0;
  for (let i = 0; i < n; i++) {
    let d = 0, mul = 1, b: number;
    do {
      b = raw[at++];
      d += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    prev += d;
    hashes[i] = prev;
  }
  at += (4 - (at % 4)) % 4;
  const bytes = raw.subarray(at, at + n * NUM_TAGS * 2);
  const q = (raw.byteOffset + at) % 2 === 0 ? new Int16Array(bytes.buffer, bytes.byteOffset, n * NUM_TAGS) : new Int16Array(Uint8Array.from(bytes).buffer);
  const weights = new Float32Array(n * NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) {
    const base = t * n;
    for (let r = 0; r < n; r++) weights[r * NUM_TAGS + t] = q[base + r] * header.scale;
  }
  return {
    featureVersion: header.featureVersion,
    gazetteer: header.gazetteer,
    clusters: header.clusters ?? '',
    hashes,
    weights,
    trans: Float32Array.from(header.trans),
    end: Float32Array.from(header.end),
    meta: header.meta,
  };
}
