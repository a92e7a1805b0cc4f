// The stages in run order. Export (stage 5) runs on the result, in the runner.
import type { Stage } from '../src/model.ts';
import { cleanStage } from './01-clean/index.ts';
import { splitStage } from './02-split/index.ts';
import { tagStage } from './03-tag/index.ts';
import { relateStage } from './04-relate/index.ts';

export const STAGES: Stage[] = [cleanStage, splitStage, tagStage, relateStage];
