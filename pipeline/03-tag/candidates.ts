// Finds names: runs of capitalised tokens, cut and classified as organisation,
// place or person by gazetteers and simple evidence (titles, head words,
// acronyms, first names, compromise's lexicon), then the statistical model's
// names where the rules found none.

import type { EntityType, Span } from '../../src/model.ts';
import { modelInput, tokensBySentence, type Token } from './tokens.ts';
import { AMBIGUOUS_PLACE_NAMES, PLACE_ADJECTIVES, PLACE_NAMES } from './lexicons/places.ts';
import { ORGANISATION_DESCRIPTORS, ORGANISATION_HEAD_WORDS, ORGANISATION_NAMES } from './lexicons/organisations.ts';
import { AMBIGUOUS_TITLES, FIRST_NAMES, KINSHIP_WORDS, PERSON_TITLE_PHRASES, PERSON_TITLES, ROLE_WORDS } from './lexicons/people.ts';
import { AWARD_NAMES, FAITH_WORDS, NOT_NAMES, NOT_ACRONYMS, WORK_WORDS } from './lexicons/not-names.ts';
import { VERB_OR_PLURAL_WORDS } from './lexicons/compromise-words.ts';
import { collapseWhitespace } from '../../src/text.ts';
import { SpanIndex } from '../../src/span-index.ts';
import { loadNerModel } from './ner-model/index.ts';

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

const CONNECTORS = new Set(['of', 'for', 'and', 'with', '&', 'on', 'upon', 'de', 'du', 'la', 'le', 'van', 'von', 'der', 'da', 'y', 'the']);
const COORDINATORS = new Set(['and', '&']);
const POST_NOMINALS = new Set(['MP', 'MEP', 'QC', 'MSP', 'AM']);
const POST_NOMINAL_AT_END = new RegExp(`\\s+(?:${[...POST_NOMINALS].join('|')})$`);
const NOT_NAME_START = new Set(['Former', 'Ex', 'Veteran', 'Then', 'Late']);
const SENTENCE_OPENERS = new Set(['DET', 'PRON', 'ADP', 'ADV', 'CCONJ', 'SCONJ', 'AUX', 'VERB', 'PART', 'INTJ', 'ADJ', 'NOUN', 'NUM']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'across', 'to', 'near', 'around', 'throughout', 'outside', 'within', 'into', 'of']);

/** Every known organisation name and alias → its canonical name. */
const ORGANISATION_ALIAS = new Map<string, string>();

/** Teach the tagger an organisation (users' own lists come through here too); returns what undoes it. */
export function addOrganisation(name: string, aliases: readonly string[] = []): () => void {
  const before = new Map([name, ...aliases].map((n) => [n, ORGANISATION_ALIAS.get(n)]));
  ORGANISATION_ALIAS.set(name, name);
  for (const alias of aliases) if (!ORGANISATION_ALIAS.has(alias)) ORGANISATION_ALIAS.set(alias, name);
  return () => {
    for (const [n, target] of before) target === undefined ? ORGANISATION_ALIAS.delete(n) : ORGANISATION_ALIAS.set(n, target);
  };
}

/** Forget an organisation and every alias that leads to it; returns what undoes it. */
export function removeOrganisation(name: string): () => void {
  const canonical = ORGANISATION_ALIAS.get(name) ?? name;
  const removed = [...ORGANISATION_ALIAS].filter(([alias, target]) => alias === name || target === canonical);
  for (const [alias] of removed) ORGANISATION_ALIAS.delete(alias);
  return () => {
    for (const [alias, target] of removed) ORGANISATION_ALIAS.set(alias, target);
  };
}

for (const [name, aliases] of ORGANISATION_NAMES) addOrganisation(name, aliases);

const isCapitalised = (t: Token) => /^[\p{Lu}]/u.test(t.text) && (t.type === 'word' || /^\p{Lu}[\p{L}\p{N}.&'’-]*$/u.test(t.text));
export const isAcronym = (word: string) => /^[\p{Lu}][\p{Lu}&]{1,6}s?$/u.test(word) && !NOT_ACRONYMS.has(word) && !NOT_ACRONYMS.has(word.replace(/s$/, ''));
const words = (text: string) => text.split(/\s+/);

/** A plural noun or a verb in compromise's lexicon ("Lords", "Movies", "Plan"): not a surname. */
const isCommonWord = (word: string): boolean => VERB_OR_PLURAL_WORDS.has(word.toLowerCase());

/** "St David's Shopping Centre": a saint's name goes on after the possessive; "Pearson's Financial Times" is two names. */
function possessiveContinues(tokens: Token[], at: number, to: number): boolean {
  let k = at + 1;
  while (k < to && isCapitalised(tokens[k])) k++;
  const after = tokens.slice(at + 1, k).map((t) => t.text);
  return after.length > 0 && ORGANISATION_HEAD_WORDS.has(after[after.length - 1]) && !ORGANISATION_ALIAS.has(after.join(' '));
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
      // "St David's Shopping Centre": a possessive inside a short name that goes on to a head word.
      else if (/^['’]s$/.test(tokens[j].text) && j - i === 2 && /^(St\.?|Saint)$/.test(tokens[i].text) && possessiveContinues(tokens, j, to)) j += 1;
      // "OneStat.com": a web address's ending belongs to the name.
      else if (tokens[j].text === '.' && tokens[j].start === tokens[j - 1].end && j + 1 < to && /^(com|net|org|co\.uk|co|uk|tv|io)$/.test(tokens[j + 1].text) && tokens[j + 1].start === tokens[j].end) j += 2;
      // "Kilroy-Silk", "Lewis-Francis": a hyphen with no space on either side joins one name.
      else if (tokens[j].text === '-' && tokens[j].start === tokens[j - 1].end && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j + 1].start === tokens[j].end) j += 2;
      else if (CONNECTORS.has(tokens[j].text) && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j].start === tokens[j - 1].end + 1) j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Words that make a name a law or a treaty ("Prevention of Terrorism Bill", "Kyoto Protocol"): not organisations, places or people. */
const LEGISLATION_WORDS = new Set(['Act', 'Bill', 'Treaty', 'Convention', 'Protocol', 'Charter', 'Directive']);
/** Ending in such a word, or one before what it is on or of ("European Convention on Human Rights", "Declaration of Independence"). */
const isLegislation = (ws: string[]) =>
  ws.length >= 2 && (LEGISLATION_WORDS.has(ws[ws.length - 1]) || ws.some((w, i) => (LEGISLATION_WORDS.has(w) || w === 'Declaration') && (ws[i + 1] === 'on' || ws[i + 1] === 'of') && i + 2 < ws.length));

/** A pronoun with a verb ("I'm", "It's", "We've") or a negated verb ("Don't"): never a name. */
const isContraction = (name: string) => /^(?:I|We|You|They|He|She|It|That|There|Here|What|Who|Where|Let)['’](?:m|re|ve|d|ll|s)$|^\p{L}+n['’]t$/u.test(name);

/** "the Golden Globes", "The Academy Awards", "2005 Academy Awards", "Screen Actors Guild Awards": an award, not a body. */
const isAward = (name: string) => AWARD_NAMES.has(name.replace(/^(?:The|\d{4})\s+/, '')) || /\s(?:Awards?|Prizes?|Trophy)$/.test(name);

/** A nationality or a faith, or their people ("French", "Kashmiris", "Muslims"), but not a place ("Philippines"). */
const isNationalityOrFaith = (name: string) =>
  PLACE_ADJECTIVES.has(name) || FAITH_WORDS.has(name) || (name.endsWith('s') && PLACE_ADJECTIVES.has(name.slice(0, -1)) && !PLACE_NAMES.has(name));

/** Names that are no entity, for the rules and the statistical model alike: a law, an award, a nationality or a faith, "I'm". */
export const namesNoEntity = (name: string): boolean =>
  (name.includes(' ') && isLegislation(name.split(/\s+/))) || isAward(name) || isNationalityOrFaith(name) || (/['’]/.test(name) && isContraction(name));

interface Classified {
  type: EntityType;
  canonical?: string;
  rule: string;
}

/**
 * The type of a name from its words and where it stands. `wholeRun`: the name is its
 * whole run of capitalised words, not one of several names the run was cut into
 * ("broker Marsh & McLennan", "Centre for Transport and Society").
 */
function classifyName(name: string, ctx: { prevWord: string; sentenceStart: boolean; afterThe: boolean; afterPostOf: boolean; afterPost: boolean; wholeRun: boolean }): Classified | null {
  const ws = words(name);
  const last = ws[ws.length - 1];
  const canonical = ORGANISATION_ALIAS.get(name);
  if (canonical) return { type: 'organisation', canonical, rule: 'org:lexicon' };
  if (namesNoEntity(name)) return null;
  if (PLACE_NAMES.has(name)) {
    if (!AMBIGUOUS_PLACE_NAMES.has(name) || PLACE_PREPOSITIONS.has(ctx.prevWord)) return { type: 'place', rule: 'place:gazetteer' };
  }
  if (ws.length >= 2 && ws.slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w))) return { type: 'organisation', rule: 'org:head-word' };
  if (ctx.wholeRun && isHeadOfOrFor(ws)) return { type: 'organisation', rule: 'org:head-word' };
  // Not a plural ("PDAs", "TVs"): a thing there are several of.
  if (ws.length === 1 && isAcronym(name) && !/\p{Lu}s$/u.test(name)) return { type: 'organisation', rule: 'org:acronym' };
  // "Alan Milburn MP"; not "East Midlands MEP", a member for a place.
  if (POST_NOMINALS.has(last) && ws.length >= 3 && !PLACE_NAMES.has(ws.slice(0, -1).join(' '))) return { type: 'person', rule: 'person:post-nominal' };
  if (ws.length >= 2 && ws.length <= 4 && FIRST_NAMES.has(ws[0]) && !ws.some((w) => ORGANISATION_HEAD_WORDS.has(w)) && !isCommonWord(last)) {
    return { type: 'person', rule: 'person:first-name' };
  }
  if (ctx.sentenceStart && ws.length === 1) return null;
  // "Fletcher's daughter Jill", "his wife Cherie": a given name after a word for a relative.
  if (ws.length === 1 && KINSHIP_WORDS.has(ctx.prevWord) && isGivenName(name)) return { type: 'person', rule: 'person:after-kin' };
  // "retailer Littlewoods", "Aid charity Actionaid": a kind of body written before its name.
  if (ctx.wholeRun && ORGANISATION_DESCRIPTORS.has(ctx.prevWord) && ws.length <= 3 && !isGivenName(ws[0]) && !(ws.length === 1 && isCommonWord(name))) {
    return { type: 'organisation', rule: 'org:after-descriptor' };
  }
  // "secretary Koji Tokumasu", "fly-half Yann Delaigue": a name right after a post is a person's.
  if (ctx.afterPost && ws.length >= 2 && ws.length <= 4 && !ws.some((w) => ORGANISATION_HEAD_WORDS.has(w) || isAcronym(w))) return { type: 'person', rule: 'person:after-post' };
  // "The Times", "The Independent": a capitalised "The" inside a sentence marks a proper name;
  // "chief executive of Rebellion", "an analyst at Troika Dialog": a post is held at an organisation.
  if (ctx.afterThe) return { type: 'organisation', rule: 'org:the-name' };
  // Not a known abbreviation of something else ("head of HIV/Aids", "director of IT").
  return ctx.afterPostOf && !(ws.length === 1 && NOT_ACRONYMS.has(name)) ? { type: 'organisation', rule: 'org:after-post' } : null;
}

/**
 * Split a run where its connectors join separate names: always at "and"/"&" unless the
 * whole is a known name or reads as one ("Health and Safety Executive"); at "of"/"with"/...
 * unless the whole is a name by itself ("Department of Health", "Blackburn with Darwen Council").
 */
function splitRun(tokens: Token[], i: number, j: number, wholeIsName: boolean): Array<[number, number]> {
  for (let k = i + 1; k < j - 1; k++) {
    const word = tokens[k].text;
    if (!CONNECTORS.has(word)) continue;
    // "Health and Safety Executive" is one name; "Independent and The Times" are two.
    const leftIsOneWord = k - i === 1 && !ORGANISATION_HEAD_WORDS.has(tokens[i].text) && tokens[k + 1].text !== 'The';
    // "Mark Bailin of Rymer International Seafood": a person and where they work.
    const personOf = word === 'of' && k - i >= 2 && k - i <= 3 && isGivenName(tokens[i].text);
    if (wholeIsName && (!COORDINATORS.has(word) || leftIsOneWord) && !personOf) continue;
    // "the Gulf of Mexico and Angola": a known name goes on through "of" up to the "and".
    if (!COORDINATORS.has(word)) {
      let end = k + 1;
      while (end < j && !COORDINATORS.has(tokens[end].text)) end++;
      const upToAnd = tokens.slice(i, end).map((t) => t.text).join(' ');
      if (PLACE_NAMES.has(upToAnd) || ORGANISATION_ALIAS.has(upToAnd)) continue;
    }
    return [[i, k], ...splitRun(tokens, k + 1, j, false)];
  }
  return [[i, j]];
}

/** "Commission for Africa", "University of Buckingham": a head word, then what the body is of or for. */
const isHeadOfOrFor = (ws: string[]) => ws.length >= 3 && ORGANISATION_HEAD_WORDS.has(ws[0]) && (ws[1] === 'of' || ws[1] === 'for');

/** A given name, or a double-barrelled one ("Jeanne-Marie"). */
const isGivenName = (word: string) => FIRST_NAMES.has(word) || (word.includes('-') && word.split('-').every((part) => FIRST_NAMES.has(part)));

/** "US TV": an abbreviation after a name that is not part of it. */
const isTrailingNoise = (word: string) => NOT_ACRONYMS.has(word) && !POST_NOMINALS.has(word) && !ORGANISATION_HEAD_WORDS.has(word) && !PLACE_NAMES.has(word);

/** The most tokens a title or post may span ("Chief Secretary to the Treasury": 5; "Director-General": 3, the hyphen one of them). */
const MAX_TITLE_TOKENS = 6;

/**
 * Whether tokens[i .. j - 1] are a personal title or post as written: matched on
 * the text, since the tokeniser splits "Director-General" and "Children's
 * Commissioner" into pieces.
 */
function isTitle(text: string, tokens: Token[], i: number, j: number): boolean {
  const written = collapseWhitespace(text.slice(tokens[i].start, tokens[j - 1].end));
  return PERSON_TITLE_PHRASES.has(written) || PERSON_TITLES.has(written.replace(/\.$/, ''));
}

/** The end of the titles that open tokens[i .. j - 1] ("Prime Minister", "Det Insp"), leaving at least one token of name; i when there are none. */
function titlesEnd(text: string, tokens: Token[], i: number, j: number): number {
  let at = i;
  for (;;) {
    let n = Math.min(MAX_TITLE_TOKENS, j - 1 - at);
    while (n >= 1 && !isTitle(text, tokens, at, at + n)) n--;
    if (n < 1) return at;
    at += n;
  }
}

/** The start of the titles written right before tokens[i] ("Director-General" before "Greg Dyke"); i when there are none. */
function titlesStart(text: string, tokens: Token[], i: number): number {
  let at = i;
  for (;;) {
    let n = Math.min(MAX_TITLE_TOKENS, at);
    while (n >= 1 && !isTitle(text, tokens, at - n, at)) n--;
    if (n < 1) return at;
    at -= n;
  }
}

const textOf = (text: string, tokens: Token[], i: number, j: number) => text.slice(tokens[i].start, tokens[j - 1].end);

/**
 * Whether the words after a title, tokens[i .. j - 1], can be a person's name: they
 * start with a capital and, up to a lower-case word ("Paul Miller of Thames Valley
 * Police"), name no body ("Chief Executive of AOL UK", "Imam Khomeini International
 * Airport"); after a title that is also an ordinary word ("General Motors"), they
 * start with a given name or are more than one word.
 */
function nameAfterTitle(title: string, tokens: Token[], i: number, j: number): boolean {
  const words = tokens.slice(i, j).map((t) => t.text);
  const lowerCase = words.findIndex((w) => !isCapitalisedWord(w));
  const name = lowerCase < 0 ? words : words.slice(0, lowerCase);
  if (!name.length || name.slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w))) return false;
  return !AMBIGUOUS_TITLES.has(title) || FIRST_NAMES.has(name[0]) || name.length > 1;
}
const isCapitalisedWord = (word: string) => /^\p{Lu}/u.test(word);

/** "the Italian government", "US bankruptcy court": a nation's body named by its adjective or name. */
const NATIONAL_BODY = /^(government|authorities|parliament|army|navy|police|courts?|bankruptcy court|central bank|foreign ministry|cabinet|regime|military)\b/;

function nationalBodies(text: string, tokens: Token[], from: number, to: number): Candidate[] {
  const found: Candidate[] = [];
  for (let i = from; i < to; i++) {
    const word = tokens[i].text;
    const first = word.charCodeAt(0);
    if (first >= 97 && first <= 122) continue; // lower case: no place or nationality
    // "the Russian government", "the US bankruptcy court" (a place written as an abbreviation counts:
    // "US", "UK"); "a US court" is any court, not a body.
    if (!PLACE_ADJECTIVES.has(word) && !(PLACE_NAMES.has(word) && /^\p{Lu}{2,4}$/u.test(word))) continue;
    if (i > from && /^an?$/i.test(tokens[i - 1].text)) continue;
    const body = NATIONAL_BODY.exec(text.slice(tokens[i].end + 1, tokens[i].end + 40));
    if (!body || text[tokens[i].end] !== ' ') continue;
    const end = tokens[i].end + 1 + body[0].length;
    found.push({ start: tokens[i].start, end, text: text.slice(tokens[i].start, end), type: 'organisation', name: text.slice(tokens[i].start, end), rule: 'org:national-body' });
  }
  return found;
}

/** "St Enoch's Shopping Centre", "St Mary's Hospital": a saint's name with its possessive, then the institution's head word. */
const SAINT_INSTITUTION = new RegExp(`\\b(?:St\\.?|Saint) \\p{Lu}\\p{Ll}+(?:['’]s|s['’]|['’]) (?:\\p{Lu}[\\p{L}-]* ){0,3}?(?:${[...ORGANISATION_HEAD_WORDS].filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)).join('|')})\\b`, 'gu');

function saintInstitutions(text: string, tokens: Token[], from: number, to: number): Candidate[] {
  if (from >= to) return [];
  const found: Candidate[] = [];
  const sentence = text.slice(tokens[from].start, tokens[to - 1].end);
  if (!sentence.includes('St') && !sentence.includes('Saint')) return found;
  for (const m of sentence.matchAll(SAINT_INSTITUTION)) {
    const start = tokens[from].start + m.index!;
    found.push({ start, end: start + m[0].length, text: m[0], type: 'organisation', name: m[0], rule: 'org:saint-institution' });
  }
  return found;
}

/** `useModel` false: the rules alone, without the statistical tagger (`disableRules: ["ner"]`). */
export function findNameCandidates(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, skipSentence: (s: number) => boolean, useModel = true): Candidate[] {
  const found: Candidate[] = [];
  const openingWords: Array<{ start: number; end: number; text: string }> = [];
  // Titles of works and of laws: no name is read inside them.
  const titleSpans: Span[] = [];
  for (let s = 0; s < sentenceTokenRanges.length; s++) {
    if (skipSentence(s)) continue;
    const [from, to] = sentenceTokenRanges[s];
    let firstWord = from;
    while (firstWord < to && tokens[firstWord].type === 'punctuation') firstWord++;
    const bodies = [...nationalBodies(text, tokens, from, to), ...saintInstitutions(text, tokens, from, to)];
    found.push(...bodies);
    for (let [start, runEnd] of capitalisedRuns(tokens, from, to)) {
      if (bodies.some((b) => b.start <= tokens[start].start && tokens[start].start < b.end)) continue;
      // "the comedy Meet The Fockers", "the song Jailhouse Rock": the title of a work, up to an
      // "and" ("biopic Ray and Mike Leigh's drama": Mike Leigh is still read).
      if (start > from && WORK_WORDS.has(tokens[start - 1].text) && tokens[start - 1].pos === 'NOUN') {
        let titleEnd = start + 1;
        while (titleEnd < runEnd && !COORDINATORS.has(tokens[titleEnd].text)) titleEnd++;
        titleSpans.push({ start: tokens[start].start, end: tokens[titleEnd - 1].end });
        if (titleEnd + 1 >= runEnd) continue;
        start = titleEnd + 1;
      }
      // Judge the run without a leading "The": "The Health and Safety Executive".
      let runStart = start;
      while (runStart < runEnd - 1 && NOT_NAMES.has(tokens[runStart].text)) runStart++;
      const pieces: Array<[number, number]> = [];
      const whole = textOf(text, tokens, runStart, runEnd);
      const known = ORGANISATION_ALIAS.has(whole) || PLACE_NAMES.has(whole);
      // A law or a treaty names nothing, and neither do its words ("Human Rights" in "European Convention on Human Rights").
      if (!known && isLegislation(words(whole))) {
        titleSpans.push({ start: tokens[runStart].start, end: tokens[runEnd - 1].end });
        continue;
      }
      const wholeIsName = known || words(whole).slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w)) || isHeadOfOrFor(words(whole));
      pieces.push(...(known ? [[runStart, runEnd] as [number, number]] : splitRun(tokens, runStart, runEnd, wholeIsName)));
      for (let [i, j] of pieces) {
        const atSentenceStart = i === firstWord;
        // A capitalised common word opening the sentence ("The", "Care", "Should") is not part of a name.
        // A lower-case connector does not open a name: "On the New York Stock Exchange" is cut to "New York Stock Exchange".
        while (i < j && (NOT_NAMES.has(tokens[i].text) || CONNECTORS.has(tokens[i].text) || (i === firstWord && SENTENCE_OPENERS.has(tokens[i].pos) && !PLACE_NAMES.has(tokens[i].text) && !FIRST_NAMES.has(tokens[i].text) && !isAcronym(tokens[i].text) && !ORGANISATION_ALIAS.has(tokens[i].text)))) i++;
        // "Former", and a nationality before a person's name ("American Justin Gatlin"), are not part of it.
        while (i < j - 1 && (NOT_NAME_START.has(tokens[i].text) || (PLACE_ADJECTIVES.has(tokens[i].text) && (FIRST_NAMES.has(tokens[i + 1].text) || PERSON_TITLES.has(tokens[i + 1].text))))) i++;
        while (j > i && (NOT_NAMES.has(tokens[j - 1].text) || CONNECTORS.has(tokens[j - 1].text) || (j - i > 1 && isTrailingNoise(tokens[j - 1].text)))) j--;
        // "Unions for Deutsche Boerse ...", "Bosses of Deutsche Boerse ...": a plural noun opening the
        // sentence, with what it is of or for, is not part of the name (unless the whole is a known name).
        if (i === firstWord && i + 2 < j && /^(of|for)$/.test(tokens[i + 1].text) && (isCommonWord(tokens[i].text) || tokens[i].pos === 'NOUN') && !ORGANISATION_HEAD_WORDS.has(tokens[i].text) && !ORGANISATION_ALIAS.has(textOf(text, tokens, i, j))) i += 2;
        if (i >= j) continue;
        let titleEnd = titlesEnd(text, tokens, i, j);
        // "Chief Executive of AOL UK": a post and where it is held, with no one named; the body is the name.
        if (titleEnd > i && titleEnd + 1 < j && /^(of|at)$/.test(tokens[titleEnd].text)) i = titleEnd = titleEnd + 1;
        const surface = textOf(text, tokens, i, j);
        if (titleEnd > i && nameAfterTitle(textOf(text, tokens, i, titleEnd), tokens, titleEnd, j)) {
          const name = textOf(text, tokens, titleEnd, j);
          found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: 'person', name, title: textOf(text, tokens, i, titleEnd), rule: 'person:title' });
          continue;
        }
        const prevWord = i > from ? tokens[i - 1].text.toLowerCase() : '';
        const afterThe = i - 1 > firstWord && tokens[i - 1].text === 'The';
        const afterPostOf = i - 2 >= from && /^(of|at|for)$/.test(tokens[i - 1].text) && ROLE_WORDS.has(tokens[i - 2].text.toLowerCase());
        const afterPost = i > from && /^[a-z]/.test(tokens[i - 1].text) && ROLE_WORDS.has(tokens[i - 1].text);
        const verdict = classifyName(surface, { prevWord, sentenceStart: atSentenceStart, afterThe, afterPostOf, afterPost, wholeRun: pieces.length === 1 });
        if (!verdict) {
          if (atSentenceStart && j - i === 1) openingWords.push({ start: tokens[i].start, end: tokens[i].end, text: surface });
          continue;
        }
        const name = verdict.type === 'person' ? surface.replace(POST_NOMINAL_AT_END, '') : surface.replace(/^The\s+/, '');
        found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: verdict.type, name, canonical: verdict.canonical, rule: verdict.rule });
      }
    }
  }
  const model = useModel ? modelCandidates(text, tokens, sentenceTokenRanges, skipSentence) : { names: [], misc: [] };
  mergeModelCandidates(found, model.names);
  // "The Aviator", "The Return of the King": where the model reads a work or an event, a weak rule's name goes;
  // and no name at all inside the title of a work or a law.
  const within = (spans: Span[], f: Candidate) => spans.some((m) => m.start <= f.start && f.end <= m.end);
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k];
    if ((WEAK_RULES.has(f.rule) && within(model.misc, f)) || within(titleSpans, f)) found.splice(k, 1);
  }
  // "Sella said ...": a lone word opening a sentence is a name when it is the surname of a person named elsewhere.
  const surnames = surnamesOf(found);
  for (const w of openingWords) if (surnames.has(w.text)) found.push({ ...w, type: 'person', name: w.text, rule: 'person:surname' });
  return found.sort((a, b) => a.start - b.start);
}

/** The last words of the people's names of more than one word. */
export function surnamesOf(candidates: Candidate[]): Set<string> {
  return new Set(candidates.filter((c) => c.type === 'person' && c.name.includes(' ')).map((c) => c.name.split(/\s+/).pop()!));
}

/** The first and the last words of the people's names of more than one word. */
function givenAndSurnamesOf(candidates: Candidate[]): Set<string> {
  const parts = surnamesOf(candidates);
  for (const c of candidates) if (c.type === 'person' && c.name.includes(' ')) parts.add(c.name.split(/\s+/)[0]);
  return parts;
}

const MODEL_TYPES = { PER: 'person', LOC: 'place', ORG: 'organisation' } as const;
/** Verdicts that rest on weak evidence: the statistical model overrides them (another type for the same name, or a work or event around it). */
export const WEAK_RULES: ReadonlySet<string> = new Set(['org:the-name', 'person:first-name']);

/** Found by the statistical model or a weak rule. */
export const isStatistical = (c: Candidate): boolean => c.rule.startsWith('ner:') || WEAK_RULES.has(c.rule);

/** The type each name gets from stronger evidence than the model's or a weak rule's, where it has any. */
export function strongTypes(candidates: readonly Candidate[]): Map<string, EntityType> {
  const strong = new Map<string, EntityType>();
  for (const c of candidates) if (!isStatistical(c)) strong.set(c.name, c.type);
  return strong;
}

/**
 * Names found by the statistical tagger (pipeline/03-tag/ner-model), over every sentence, headings
 * included; and the spans it takes for other names (MISC: works, events, nationalities).
 */
function modelCandidates(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, isHeading: (s: number) => boolean): { names: ModelCandidate[]; misc: Span[] } {
  const sentences = tokensBySentence({ tokens, sentenceRanges: sentenceTokenRanges });
  const { words: sentenceWords, glued } = modelInput(sentences);
  const spans = loadNerModel().spansDocument(sentenceWords, glued);
  const found: ModelCandidate[] = [];
  const misc: Span[] = [];
  spans.forEach((sentenceSpans, s) => {
    for (const span of sentenceSpans) {
      const words = sentences[s];
      if (span.type === 'MISC') {
        misc.push({ start: words[span.start].start, end: words[span.end - 1].end });
        continue;
      }
      let end = span.end;
      while (end > span.start && /^['’]s?$/.test(words[end - 1].text)) end--;
      // "a prospective Labour MP": the party, not the post.
      if (span.type === 'ORG' && end - span.start >= 2 && POST_NOMINALS.has(words[end - 1].text)) end--;
      if (end === span.start) continue;
      const first = words[span.start], last = words[end - 1];
      const name = text.slice(first.start, last.end).replace(/['’]s$/, '').replace(/^([^.]+)\.$/, '$1');
      const type = MODEL_TYPES[span.type];
      if (NOT_NAMES.has(name) || namesNoEntity(name) || (type === 'organisation' && NOT_ACRONYMS.has(name))) continue;
      // The model leaves titles out ("Mr Kennedy" → Kennedy); the mention keeps them.
      const titleStart = type === 'person' ? titlesStart(text, words, span.start) : span.start;
      const start = words[titleStart].start;
      const title = titleStart < span.start ? text.slice(start, words[span.start - 1].end) : undefined;
      found.push({ start, end: last.end, text: text.slice(start, last.end), type, name, canonical: type === 'organisation' ? ORGANISATION_ALIAS.get(name) : undefined, title, rule: `ner:${span.type.toLowerCase()}`, heading: isHeading(s), nameStart: first.start });
    }
  });
  return { names: found, misc };
}

/**
 * A name from the model, whether it stands in a heading (a headline, a dateline), where
 * the rules do not look, and where the name starts after the title written before it.
 */
type ModelCandidate = Candidate & { heading: boolean; nameStart: number };

/** Add the model's names where the rules found nothing, and let them replace verdicts the rules were unsure of. */
function mergeModelCandidates(found: Candidate[], fromModel: ModelCandidate[]): void {
  const seen = new Map<string, number>();
  for (const c of fromModel) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  const loneWords: Candidate[] = [];
  // Overlaps are looked up in an index: a scan of `found` for each of the model's names was quadratic in the article's length.
  const index = new SpanIndex(found);
  for (const { heading, nameStart, ...c } of fromModel) {
    // The title gives way where a rule found a name in it ("US Treasury" in "US Treasury Secretary John Snow").
    if (c.title && index.overlapping(c.start, nameStart).length) {
      c.text = c.text.slice(nameStart - c.start);
      c.start = nameStart;
      delete c.title;
    }
    const overlapping = index.overlapping(c.start, c.end);
    if (!overlapping.length) {
      // In headings and capitals ("LONDON 1996-08-30", "JAPAN WIN") the model is all there is.
      const headline = heading || /^\p{Lu}[\p{Lu}.'’-]+$/u.test(c.name);
      if (!c.name.includes(' ') && !c.title && !headline) loneWords.push(c);
      else {
        found.push(c);
        index.add(c);
      }
      continue;
    }
    if (overlapping.every((f) => WEAK_RULES.has(f.rule)) && overlapping.some((f) => f.start === c.start && f.end === c.end && f.type !== c.type)) {
      for (const f of overlapping) {
        found.splice(found.indexOf(f), 1);
        index.remove(f);
      }
      found.push(c);
      index.add(c);
    }
  }
  // A lone word the model reads as a person that is the given name or the surname of a person named in
  // full in the article ("Steven" after "Steven Gerrard") is that person. Other lone unknown words in
  // running text are names only if the article uses them more than once; the model's type for them is
  // a guess there, and in news such words are mostly companies and bodies.
  const strong = strongTypes(found);
  const nameParts = givenAndSurnamesOf(found.filter((f) => f.type === 'person' && (strong.get(f.name) ?? 'person') === 'person'));
  for (const c of loneWords) {
    if (!(c.type === 'person' && nameParts.has(c.name))) {
      if ((seen.get(c.name) ?? 0) < 2) continue;
      // Unless the model and the gazetteer agree on a place ("Hollywood", a name that needs "in" for the rules).
      if (c.type !== 'organisation' && !(c.type === 'place' && PLACE_NAMES.has(c.name))) c.type = 'organisation';
    }
    found.push(c);
  }
}
