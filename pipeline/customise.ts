// A user's own additions to, and removals from, the lexicons the stages use.
// Applied once per process (the main thread and every worker) before any
// document is read, so every document of a run sees the same lists.

import { addOrganisation, removeOrganisation } from './03-tag/candidates.ts';
import { PLACE_NAMES } from './03-tag/lexicons/places.ts';
import { FIRST_NAMES, ROLE_WORDS } from './03-tag/lexicons/people.ts';
import { REPORTING_WORDS } from './04-relate/cues.ts';

export interface LexiconChanges {
  organisations?: string[];
  places?: string[];
  firstNames?: string[];
  roleWords?: string[];
  reportingVerbs?: string[];
}

export const LEXICON_NAMES = ['organisations', 'places', 'firstNames', 'roleWords', 'reportingVerbs'] as const;

const sets = {
  places: PLACE_NAMES as Set<string>,
  firstNames: FIRST_NAMES as Set<string>,
  roleWords: ROLE_WORDS as Set<string>,
  reportingVerbs: REPORTING_WORDS,
};

export function customiseLexicons(add: LexiconChanges = {}, remove: LexiconChanges = {}): void {
  for (const name of remove.organisations ?? []) removeOrganisation(name);
  for (const name of add.organisations ?? []) addOrganisation(name);
  for (const key of Object.keys(sets) as Array<keyof typeof sets>) {
    for (const word of remove[key] ?? []) sets[key].delete(key === 'reportingVerbs' ? word.toLowerCase() : word);
    for (const word of add[key] ?? []) sets[key].add(key === 'reportingVerbs' ? word.toLowerCase() : word);
  }
}
