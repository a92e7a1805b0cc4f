// What the training scripts share about PolNeAR's training articles: which of them are a
// development set and must not be trained on, and where an annotated raw offset lies in the
// pipeline's cleaned text.

import fs from 'node:fs';
import path from 'node:path';
import type { Doc } from '../src/model.ts';

/** The development set's articles, which training must not see: the ids its gold files name. */
export function heldOutIds(root: string): Set<string> {
  const dir = path.join(root, 'tests/dev-gold-web');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  if (!files.length) throw new Error(`no gold files in ${dir}: the development set's articles cannot be left out`);
  return new Set(files.map((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { doc_id: string }).doc_id));
}

/** Offsets of the raw article in the cleaned text: for each raw offset, the first cleaned offset at or after it. */
export function rawToClean(doc: Doc): Int32Array {
  const map = new Int32Array(doc.raw.length + 1).fill(-1);
  for (let i = doc.text.length - 1; i >= 0; i--) map[doc.offsets.toRawStart(i)] = i;
  let next = doc.text.length;
  for (let r = doc.raw.length; r >= 0; r--) {
    if (map[r] >= 0) next = map[r];
    else map[r] = next;
  }
  return map;
}
