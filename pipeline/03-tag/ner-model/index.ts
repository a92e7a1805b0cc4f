// A statistical tagger for people, places and organisations (and MISC, which
// the pipeline ignores), trained on CoNLL-2003 by `npm run train:ner`; the
// weights ship with the package in weights.bin. See README.md here.
//
//   const ner = loadNerModel();
//   ner.tag(['Gordon', 'Brown', 'met', ...])   -> ['B-PER', 'I-PER', 'O', ...]
//   ner.spans(words)                           -> [{ start: 0, end: 2, type: 'PER' }, ...]
//   ner.spansDocument(sentences)               -> the same for each sentence, with document context

import fs from 'node:fs';
import { decodeModel } from './format.ts';
import { NerModel } from './model.ts';

export { NerModel } from './model.ts';
export { TAGS, tagsToSpans, type NerSpan, type NerTag, type NerType } from './tags.ts';

export const WEIGHTS_FILE = new URL('./weights.bin', import.meta.url);

let loaded: NerModel | undefined;

/** The shipped model, loaded once per process. */
export function loadNerModel(): NerModel {
  loaded ??= new NerModel(decodeModel(fs.readFileSync(WEIGHTS_FILE)));
  return loaded;
}

/** Makes `model` the one loadNerModel gives (training scripts tag with models trained on part of the data). */
export function useNerModel(model: NerModel): void {
  loaded = model;
}
