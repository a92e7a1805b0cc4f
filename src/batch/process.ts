// The document processor that workers (and a small run with no time limit, in the main thread)
// use: the stages are created once, then each document is processed and
// serialised into a fragment.

import { STAGES } from '../../pipeline/index.ts';
import { applyCustomisation } from '../../pipeline/customise.ts';
import { NO_CUSTOMISATION, type Customisation } from '../config.ts';
import type { DocInput } from '../model.ts';
import { createProcessor } from '../runner.ts';
import { useNerTables, type NerTables } from '../../pipeline/03-tag/ner-model/index.ts';
import { toFragment, type Fragment } from './fragment.ts';

export type DocProcessor = ((input: DocInput) => Fragment) & {
  /** Put back what the customisation changed in this process's lexicons. */
  release?: () => void;
};

/**
 * A processor module exports this: called once per worker, with the run's customisation
 * and the tagger's tables the main thread made for all its workers (shareNerTables).
 */
export function createDocProcessor(customisation: Customisation = NO_CUSTOMISATION, nerTables?: NerTables): DocProcessor {
  if (nerTables) useNerTables(nerTables);
  const { options, restore } = applyCustomisation(customisation);
  const run = createProcessor(STAGES, options);
  const processDoc: DocProcessor = (input) => toFragment(run(input), input.source);
  processDoc.release = restore;
  return processDoc;
}
