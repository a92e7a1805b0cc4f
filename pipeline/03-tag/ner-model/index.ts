// A statistical tagger for people, places and organisations (and MISC, which
// the pipeline ignores), trained on CoNLL-2003 by `npm run train:ner`; the
// weights ship with the package in weights.bin. See README.md here.
//
//   const ner = loadNerModel();
//   ner.tag(['Gordon', 'Brown', 'met', ...])   -> ['B-PER', 'I-PER', 'O', ...]
//   ner.spans(words)                           -> [{ start: 0, end: 2, type: 'PER' }, ...]
//   ner.spansDocument(sentences)               -> the same for each sentence, with document context

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { decodeModel } from './format.ts';
import { NerModel, sharedTables, type NerTables } from './model.ts';

export { NerModel, type NerTables } from './model.ts';
export { TAGS, tagsToSpans, type NerSpan, type NerTag, type NerType } from './tags.ts';

export const WEIGHTS_FILE = new URL('./weights.bin', import.meta.url);

let loaded: NerModel | undefined;
let given: NerTables | undefined;

const digest = (file: Buffer) => createHash('sha256').update(file).digest('hex');

/** The shipped model, loaded once per thread (with the tables useNerTables gave, if they are this file's). */
export function loadNerModel(): NerModel {
  if (!loaded) {
    const file = fs.readFileSync(WEIGHTS_FILE);
    loaded = new NerModel(decodeModel(file), given && given.file === digest(file) ? given : undefined);
  }
  return loaded;
}

/**
 * The shipped model's largest tables in shared memory: a batch run makes them once in its
 * main thread and gives them to each worker thread (useNerTables), so that the workers
 * hold one copy between them (about 6.5 MB) instead of one each.
 */
export function shareNerTables(): NerTables {
  const file = fs.readFileSync(WEIGHTS_FILE);
  return sharedTables(decodeModel(file), digest(file));
}

/** Tables shareNerTables made (in another thread), for loadNerModel to use rather than make its own. */
export function useNerTables(tables: NerTables): void {
  given = tables;
}

/** Makes `model` the one loadNerModel gives (training scripts tag with models trained on part of the data). */
export function useNerModel(model: NerModel): void {
  loaded = model;
}
