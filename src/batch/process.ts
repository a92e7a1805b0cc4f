// The document processor that workers (and a --jobs 1 run, in the main thread)
// use: the stages are created once, then each document is processed and
// serialised into a fragment.

import { STAGES } from '../../pipeline/index.ts';
import type { DocInput } from '../model.ts';
import { createProcessor } from '../runner.ts';
import { toFragment, type Fragment } from './fragment.ts';

export type DocProcessor = (input: DocInput) => Fragment;

/** A processor module exports this: called once per worker. */
export function createDocProcessor(): DocProcessor {
  const run = createProcessor(STAGES);
  return (input) => toFragment(run(input), input.source);
}
