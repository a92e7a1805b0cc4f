// A customisation file: a user's own lexicon entries and the rules they switch off.
//
//   {
//     "add":    { "organisations": ["Acme Widgets"], "reportingVerbs": ["tweeted"], "places": [], "firstNames": [], "roleWords": [] },
//     "remove": { "places": ["Reading"] },
//     "disableRules": ["quote:reported", "org:acronym"]
//   }
//
// Only reading and checking here: pipeline/customise.ts applies a customisation in
// the threads that process documents (the main thread of a worker run loads no NLP).

import fs from 'node:fs';

/** Words added to or removed from each lexicon the user may change. */
export interface LexiconChanges {
  organisations?: string[];
  places?: string[];
  firstNames?: string[];
  roleWords?: string[];
  reportingVerbs?: string[];
}

const LEXICON_NAMES = ['organisations', 'places', 'firstNames', 'roleWords', 'reportingVerbs'] as const;

export interface Customisation {
  add: LexiconChanges;
  remove: LexiconChanges;
  disableRules: string[];
}

export const NO_CUSTOMISATION: Customisation = { add: {}, remove: {}, disableRules: [] };

export class CustomisationError extends Error {}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) throw new CustomisationError(`${where} must be a list of non-empty strings`);
  return value as string[];
}

function lexiconChanges(value: unknown, where: string): LexiconChanges {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CustomisationError(`${where} must be an object of lists`);
  const changes: LexiconChanges = {};
  for (const [key, list] of Object.entries(value)) {
    if (!(LEXICON_NAMES as readonly string[]).includes(key)) throw new CustomisationError(`${where}.${key} is not a lexicon (known: ${LEXICON_NAMES.join(', ')})`);
    changes[key as keyof LexiconChanges] = stringList(list, `${where}.${key}`);
  }
  return changes;
}

/** Parse and check a customisation; every mistake is reported with where it is. */
export function parseCustomisation(json: unknown, source = 'customisation'): Customisation {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new CustomisationError(`${source}: must be a JSON object`);
  const c = json as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!['add', 'remove', 'disableRules'].includes(key)) throw new CustomisationError(`${source}: unknown field "${key}" (known: add, remove, disableRules)`);
  try {
    return {
      add: lexiconChanges(c.add, 'add'),
      remove: lexiconChanges(c.remove, 'remove'),
      disableRules: c.disableRules === undefined ? [] : stringList(c.disableRules, 'disableRules'),
    };
  } catch (err) {
    throw new CustomisationError(`${source}: ${(err as Error).message}`);
  }
}

export function loadCustomisation(file: string): Customisation {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CustomisationError(`cannot read customisation ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CustomisationError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  return parseCustomisation(json, file);
}
