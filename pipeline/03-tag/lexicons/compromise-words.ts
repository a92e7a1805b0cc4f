// Words from compromise's lexicon, generated into compromise-words.json by
// scripts/build-gazetteers.ts, so that the pipeline need not load compromise.

import generated from './compromise-words.json' with { type: 'json' };

/** Lower-case words compromise tags as a plural noun or a verb form ("lords", "movies", "plan"). */
export const VERB_OR_PLURAL_WORDS: ReadonlySet<string> = new Set(generated.verbsAndPlurals);
/** Lower-case first names compromise knows as male. */
export const MALE_NAMES: ReadonlySet<string> = new Set(generated.maleNames);
/** Lower-case first names compromise knows as female. */
export const FEMALE_NAMES: ReadonlySet<string> = new Set(generated.femaleNames);
