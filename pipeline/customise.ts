// A user's own additions to, and removals from, the lexicons the stages use.
// Applied once in each thread that processes documents (a worker, or the main
// thread of a small run) before any document is read, so every document of a run
// sees the same lists.

import { addOrganisation, removeOrganisation } from './03-tag/candidates.ts';
import { PLACE_NAMES } from './03-tag/lexicons/places.ts';
import { FIRST_NAMES, ROLE_WORDS } from './03-tag/lexicons/people.ts';
import { REPORTING_WORDS } from './04-relate/cues.ts';
import type { Customisation, LexiconChanges } from '../src/config.ts';
import type { PipelineOptions } from '../src/model.ts';

const asWritten = (word: string) => word;
/** The word lists a user may change, each with the form its words are kept in. */
const sets = {
  places: { set: PLACE_NAMES as Set<string>, form: asWritten },
  firstNames: { set: FIRST_NAMES as Set<string>, form: asWritten },
  roleWords: { set: ROLE_WORDS as Set<string>, form: asWritten },
  reportingVerbs: { set: REPORTING_WORDS, form: (word: string) => word.toLowerCase() },
};

/**
 * Apply the changes to this process's lexicons. Returns what undoes them, so that a
 * run in a process that goes on (a test, a library user) leaves the lexicons as it found them.
 */
function customiseLexicons(add: LexiconChanges = {}, remove: LexiconChanges = {}): () => void {
  const undo: Array<() => void> = [];
  for (const name of remove.organisations ?? []) undo.push(removeOrganisation(name));
  for (const name of add.organisations ?? []) undo.push(addOrganisation(name));
  for (const key of Object.keys(sets) as Array<keyof typeof sets>) {
    const { set, form } = sets[key];
    for (const word of (remove[key] ?? []).map(form)) if (set.delete(word)) undo.push(() => set.add(word));
    for (const word of (add[key] ?? []).map(form)) if (!set.has(word)) (set.add(word), undo.push(() => set.delete(word)));
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}

/** Change the lexicons of this process and give the stages their options; `restore` puts the lexicons back. */
export function applyCustomisation(c: Customisation): { options: PipelineOptions; restore: () => void } {
  const restore = customiseLexicons(c.add, c.remove);
  return { options: { disabledRules: c.disableRules }, restore };
}
