// Finds names: runs of capitalised tokens, cut and classified as organisation,
// place or person by gazetteers and simple evidence (titles, head words,
// acronyms, first names), with compromise consulted only on the leftovers.

import nlp from 'compromise';
import type { EntityType } from '../../src/model.ts';
import type { Token } from './tokens.ts';
import { AMBIGUOUS_PLACE_NAMES, PLACE_NAMES } from './lexicons/places.ts';
import { ORGANISATION_HEAD_WORDS, ORGANISATION_NAMES } from './lexicons/organisations.ts';
import { FIRST_NAMES, PERSON_TITLES } from './lexicons/people.ts';
import { NOT_NAMES, NOT_ACRONYMS } from './lexicons/not-names.ts';

export interface Candidate {
  start: number;
  end: number;
  /** The surface text of the whole mention, title included. */
  text: string;
  type: EntityType;
  /** The name without a personal title or possessive: "Michael Lee" for "Cllr Michael Lee". */
  name: string;
  /** A lexicon's canonical name, when the mention is a known alias. */
  canonical?: string;
  /** The personal title or post written before a name ("Cllr", "Chancellor"). */
  title?: string;
  rule: string;
}

const CONNECTORS = new Set(['of', 'for', 'and', 'with', '&', 'on', 'upon', 'de', 'du', 'la', 'le', 'van', 'von', 'der', 'da', 'y', 'the', 'in']);
const SENTENCE_OPENERS = new Set(['DET', 'PRON', 'ADP', 'ADV', 'CCONJ', 'SCONJ', 'AUX', 'VERB', 'PART', 'INTJ', 'ADJ', 'NOUN', 'NUM']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'across', 'to', 'near', 'around', 'throughout', 'outside', 'within', 'into', 'of']);

const ORGANISATION_ALIAS = new Map<string, string>();
for (const [name, aliases] of ORGANISATION_NAMES) {
  ORGANISATION_ALIAS.set(name, name);
  for (const alias of aliases) if (!ORGANISATION_ALIAS.has(alias)) ORGANISATION_ALIAS.set(alias, name);
}

const isCapitalised = (t: Token) => /^[\p{Lu}]/u.test(t.text) && (t.type === 'word' || /^\p{Lu}[\p{L}\p{N}.&'’-]*$/u.test(t.text));
export const isAcronym = (word: string) => /^[\p{Lu}][\p{Lu}&]{1,6}s?$/u.test(word) && !NOT_ACRONYMS.has(word);
const words = (text: string) => text.split(/\s+/);

/** Memoised compromise verdicts on short leftover spans; the verdict depends only on the text. */
const compromiseVerdicts = new Map<string, EntityType | null>();
function askCompromise(text: string): EntityType | null {
  let verdict = compromiseVerdicts.get(text);
  if (verdict !== undefined) return verdict;
  const parsed = nlp(text);
  verdict = parsed.people().found ? 'person' : parsed.organizations().found ? 'organisation' : parsed.places().found ? 'place' : null;
  if (compromiseVerdicts.size > 50_000) compromiseVerdicts.clear();
  compromiseVerdicts.set(text, verdict);
  return verdict;
}

/** Runs of capitalised tokens in one sentence, joined through connectors ("Department of Health"). */
function capitalisedRuns(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      if (isCapitalised(tokens[j]) && tokens[j].start === tokens[j - 1].end + 1) j++;
      else if (CONNECTORS.has(tokens[j].text) && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j].start === tokens[j - 1].end + 1) j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

interface Classified {
  type: EntityType;
  canonical?: string;
  rule: string;
}

function classifyName(name: string, ctx: { prevWord: string; sentenceStart: boolean }): Classified | null {
  const ws = words(name);
  const last = ws[ws.length - 1];
  const canonical = ORGANISATION_ALIAS.get(name);
  if (canonical) return { type: 'organisation', canonical, rule: 'org:lexicon' };
  if (PLACE_NAMES.has(name)) {
    if (!AMBIGUOUS_PLACE_NAMES.has(name) || PLACE_PREPOSITIONS.has(ctx.prevWord)) return { type: 'place', rule: 'place:gazetteer' };
  }
  if (ws.length >= 2 && ws.slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w))) return { type: 'organisation', rule: 'org:head-word' };
  if (ws.length === 1 && isAcronym(name)) return { type: 'organisation', rule: 'org:acronym' };
  if (/^(MP|MEP|QC|MSP|AM)$/.test(last) && ws.length >= 3) return { type: 'person', rule: 'person:post-nominal' };
  if (ws.length >= 2 && ws.length <= 4 && FIRST_NAMES.has(ws[0]) && !ws.some((w) => ORGANISATION_HEAD_WORDS.has(w))) {
    return { type: 'person', rule: 'person:first-name' };
  }
  if (ctx.sentenceStart && ws.length === 1) return null;
  const verdict = askCompromise(name);
  return verdict ? { type: verdict, rule: `${verdict === 'organisation' ? 'org' : verdict}:compromise` } : null;
}

/** Split a run at "and"/"with"/"of" when the whole is not a name but its parts are ("Camden and Islington"). */
function splitRun(tokens: Token[], i: number, j: number): Array<[number, number]> {
  for (let k = i + 1; k < j - 1; k++) {
    if (!CONNECTORS.has(tokens[k].text)) continue;
    return [[i, k], ...splitRun(tokens, k + 1, j)];
  }
  return [[i, j]];
}

const textOf = (text: string, tokens: Token[], i: number, j: number) => text.slice(tokens[i].start, tokens[j - 1].end);

export function findNameCandidates(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, skipSentence: (s: number) => boolean): Candidate[] {
  const found: Candidate[] = [];
  for (let s = 0; s < sentenceTokenRanges.length; s++) {
    if (skipSentence(s)) continue;
    const [from, to] = sentenceTokenRanges[s];
    let firstWord = from;
    while (firstWord < to && tokens[firstWord].type === 'punctuation') firstWord++;
    for (const [runStart, runEnd] of capitalisedRuns(tokens, from, to)) {
      const pieces: Array<[number, number]> = [];
      const whole = textOf(text, tokens, runStart, runEnd);
      const wholeIsName = ORGANISATION_ALIAS.has(whole) || PLACE_NAMES.has(whole) || words(whole).slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w));
      if (wholeIsName) pieces.push([runStart, runEnd]);
      else pieces.push(...splitRun(tokens, runStart, runEnd));
      for (let [i, j] of pieces) {
        const atSentenceStart = i === firstWord;
        // A capitalised common word opening the sentence ("The", "Care", "Should") is not part of a name.
        while (i < j && (NOT_NAMES.has(tokens[i].text) || (i === firstWord && SENTENCE_OPENERS.has(tokens[i].pos) && !PLACE_NAMES.has(tokens[i].text) && !FIRST_NAMES.has(tokens[i].text) && !isAcronym(tokens[i].text) && !ORGANISATION_ALIAS.has(tokens[i].text)))) i++;
        while (j > i && (NOT_NAMES.has(tokens[j - 1].text) || CONNECTORS.has(tokens[j - 1].text))) j--;
        if (i >= j) continue;
        let titleEnd = i;
        while (titleEnd < j - 1 && PERSON_TITLES.has(tokens[titleEnd].text.replace(/\.$/, ''))) titleEnd++;
        const surface = textOf(text, tokens, i, j);
        if (titleEnd > i) {
          const name = textOf(text, tokens, titleEnd, j);
          found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: 'person', name, title: textOf(text, tokens, i, titleEnd), rule: 'person:title' });
          continue;
        }
        const prevWord = i > from ? tokens[i - 1].text.toLowerCase() : '';
        const verdict = classifyName(surface, { prevWord, sentenceStart: atSentenceStart });
        if (!verdict) continue;
        const name = verdict.type === 'person' ? surface.replace(/\s+(MP|MEP|QC|MSP|AM)$/, '') : surface;
        found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: verdict.type, name, canonical: verdict.canonical, rule: verdict.rule });
      }
    }
  }
  return found;
}
