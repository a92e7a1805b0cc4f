// Towns written with their state's or province's postal code, as listings write them
// ("June 10 – Tampa, FL @ Coral Sky Amphitheatre", "Toronto, ON"): the code after a
// comma names the town before it a place, on any line, in Title Case or not (a
// list of tour dates or of offices is all capitals), where the capitals alone say
// nothing.

import type { Token } from './tokens.ts';
import { US_STATE_ABBREVIATIONS, PLACE_NAMES } from './lexicons/places.ts';
import { FIRST_NAMES, PERSON_TITLES } from './lexicons/people.ts';
import { NOT_NAMES } from './lexicons/not-names.ts';

/** Two-letter postal codes of the US states (and the capital district) and of Canada's provinces and territories. */
export const POSTAL_CODES: ReadonlyMap<string, string> = new Map([
  ...[...US_STATE_ABBREVIATIONS].filter(([form]) => /^[A-Z]{2}$/.test(form)),
  ['DC', 'Washington D.C.'],
  ...Object.entries({
    AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador', NS: 'Nova Scotia',
    NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
  }),
]);

/** Codes that are as often letters after a person's name: "Richard Mawrey, QC", "Jane Roe, MD". */
const POST_NOMINAL_CODES = new Set(['QC', 'MD']);

/** Last words of towns' names that may follow a given name ("Virginia Beach", "Charlotte Hall" is left out): no person's surname. */
const TOWN_ENDINGS = /\s(?:Beach|Park|Falls|City|Springs|View|Heights|Hills|Lake|Lakes|Bay|Point|Valley|Village|Township|Creek|Harbor|Harbour|Island|Grove|Rapids|Ridge|Junction|Station)$/;

/** Words that open a line or a sentence before a town without being part of its name ("In Tampa, FL"). */
const NOT_TOWN_WORDS = new Set(['In', 'At', 'From', 'To', 'Near', 'Of', 'The', 'And', 'Or', 'For', 'On', 'By', 'Via', 'With']);

/** A town of one to four capitalised words ("St. Louis", "Winston-Salem", "Coeur d'Alene" is left out), a comma, a code, then no word of a name. */
const TOWN_AND_CODE = new RegExp(
  `(?<![\\p{L}\\p{N}'’.-])((?:\\p{Lu}[\\p{L}'’.-]*)(?: \\p{Lu}[\\p{L}'’.-]*){0,3}), (${[...POSTAL_CODES.keys()].join('|')})(?![\\p{L}\\p{N}'’.-])(?=\\s*(?:$|[^\\p{L}\\p{N}\\s]|\\p{Ll}))`,
  'gu',
);

export interface TownMention {
  start: number;
  end: number;
  name: string;
  /** What it is: the town, or the state or province its code stands for. */
  kind: 'town' | 'state';
}

/** The towns and codes in sentences of `text` (each tokens[from .. to - 1]). */
export function townsWithPostalCodes(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>): TownMention[] {
  const found: TownMention[] = [];
  if (!/, [A-Z]{2}/.test(text)) return found;
  for (const [from, to] of sentenceTokenRanges) {
    if (from >= to) continue;
    const offset = tokens[from].start;
    const sentence = text.slice(offset, tokens[to - 1].end);
    // Cheap test first: most sentences have no ", XX".
    if (!/, [A-Z]{2}\b/.test(sentence)) continue;
    for (const m of sentence.matchAll(TOWN_AND_CODE)) {
      let town = m[1];
      let townStart = offset + m.index!;
      // Drop words that open a sentence or a line before the name ("In Tampa").
      for (let cut = /^(\S+) /.exec(town); cut && (NOT_TOWN_WORDS.has(cut[1]) || NOT_NAMES.has(cut[1])); cut = /^(\S+) /.exec(town)) {
        townStart += cut[0].length;
        town = town.slice(cut[0].length);
      }
      // "White River Amphitheatre. Seattle, WA": a full stop ends what came before, but a short form's ("St. Louis, MO").
      const stop = town.lastIndexOf('. ');
      if (stop >= 0 && !/(?:^|\s)(?:St|Ft|Mt|Pt)$/.test(town.slice(0, stop))) {
        townStart += stop + 2;
        town = town.slice(stop + 2);
      }
      if (NOT_NAMES.has(town) || NOT_TOWN_WORDS.has(town)) continue;
      const ws = town.split(' ');
      // "Ted Cruz, TX", "S Perugini, CA del Fava": a person's name (with their state or an initial of the next), not a town.
      // "Sen. Ted Cruz, TX", "Rep. Jim Jordan, OH": a title before a given name is a person's.
      const given = ws.length >= 3 && PERSON_TITLES.has(ws[0].replace(/\.$/, '')) ? 1 : 0;
      const person = ws.length - given >= 2 && (FIRST_NAMES.has(ws[given]) || /^\p{Lu}\.?$/u.test(ws[given])) && !PLACE_NAMES.has(town) && !TOWN_ENDINGS.test(town);
      // "Windows 98, Me, NT": an item of a list of other things; "Me" is no town.
      const inList = /,\s*$/.test(sentence.slice(0, townStart - offset));
      if (person || inList || town.length <= 2 || POST_NOMINAL_CODES.has(m[2])) continue;
      const codeStart = offset + m.index! + m[0].length - m[2].length;
      found.push({ start: townStart, end: townStart + town.length, name: town, kind: 'town' });
      found.push({ start: codeStart, end: codeStart + m[2].length, name: m[2], kind: 'state' });
    }
  }
  return found;
}
