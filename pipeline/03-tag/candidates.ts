// Finds names: runs of capitalised tokens, cut and classified as organisation,
// place or person by gazetteers and simple evidence (titles, head words,
// acronyms, first names, compromise's lexicon), then the statistical model's
// names where the rules found none.

import type { EntityType, Span } from '../../src/model.ts';
import { modelInput, tokensBySentence, type Token } from './tokens.ts';
import { AMBIGUOUS_PLACE_NAMES, COUNTRIES_AND_REGIONS, PLACE_ADJECTIVES, PLACE_HEAD_WORDS, PLACE_NAMES, US_STATE_ABBREVIATIONS, US_STATE_DOTTED, US_STATE_NAMES } from './lexicons/places.ts';
import { AMBIGUOUS_ORGANISATION_NAMES, INSTITUTION_HEAD_WORDS, LEGAL_FORMS, ORGANISATION_DESCRIPTORS, ORGANISATION_GENERIC_ALIASES, ORGANISATION_HEAD_WORDS, ORGANISATION_NAMES } from './lexicons/organisations.ts';
import { AMBIGUOUS_TITLES, EAST_ASIAN_SURNAMES, FIRST_NAMES, KINSHIP_WORDS, PERSON_SUFFIXES, PERSON_TITLE_PHRASES, PERSON_TITLES, ROLE_MODIFIERS, ROLE_WORDS } from './lexicons/people.ts';
import { AWARD_NAMES, CALENDAR_WORDS, FAITH_WORDS, NOT_NAMES, NOT_ACRONYMS, WORK_WORDS } from './lexicons/not-names.ts';
import { VERB_OR_PLURAL_WORDS } from './lexicons/compromise-words.ts';
import { collapseWhitespace } from '../../src/text.ts';
import { SpanIndex } from '../../src/span-index.ts';
import { loadNerModel } from './ner-model/index.ts';
import { lineCase, type LineCase } from './line-case.ts';
import { townsWithPostalCodes } from './towns.ts';
import { decide, loadWeights as loadArbiterWeights, optionsOf, tokenStartingAt, type Option, type Proposal } from './arbiter.ts';
import type { SentenceMarginals } from './ner-model/decode.ts';
import type { NerSpan } from './ner-model/tags.ts';
import { bodiesByEvidence, loneMentionsOf, TICKER } from './body-evidence.ts';

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
  /** Where the arbiter chose this name: how far its type beat no name. */
  decided?: { margin: number };
}

/**
 * Particles of names in other languages ("Nick Van den Brul", "Conservatoire National des Arts
 * et Métiers", "Banco do Brasil" is left out: "do" is an English verb): between two capitalised
 * words they are inside one name, never where two names meet.
 */
const NAME_PARTICLES = new Set(['de', 'des', 'du', 'del', 'della', 'di', 'da', 'dos', 'la', 'le', 'van', 'von', 'der', 'den', 'et', 'y', 'bin', 'ibn']);
/** Lower-case words that join the capitalised words of one name, or of two names that meet ("Treasury and Bank of England"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'with', '&', 'on', 'upon', 'the', ...NAME_PARTICLES]);
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

/** A word of a name: capitalised, or a particle glued to a capitalised word ("d'Estaing"). */
const isCapitalised = (t: Token) =>
  (/^[\p{Lu}]/u.test(t.text) && (t.type === 'word' || /^\p{Lu}[\p{L}\p{N}.&'’-]*$/u.test(t.text))) || /^(?:d|l)['’]\p{Lu}/u.test(t.text);
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

const isSmallNumber = (t: Token) => /^\d{1,2}$/.test(t.text);

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
      // "Mohammed Mustafa al-Jibouri": an Arabic article glued to a capitalised word.
      else if (/^(al|el|ul)$/.test(tokens[j].text) && j + 2 < to && tokens[j + 1].text === '-' && tokens[j + 1].start === tokens[j].end && isCapitalised(tokens[j + 2]) && tokens[j + 2].start === tokens[j + 1].end && tokens[j].start === tokens[j - 1].end + 1) j += 3;
      // "Kilroy-Silk", "Lewis-Francis": a hyphen with no space on either side joins one name.
      else if (tokens[j].text === '-' && tokens[j].start === tokens[j - 1].end && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j + 1].start === tokens[j].end) j += 2;
      // "Moon Jae-in", "Cheuk Hau-yip": a Korean or Chinese given name's second syllable, in lower case after a hyphen.
      else if (isGivenNameSyllable(tokens, i, j, to)) j += 2;
      else if (CONNECTORS.has(tokens[j].text) && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j].start === tokens[j - 1].end + 1) j += 2;
      // "Radio 5 Live", "Channel 4 News": a number between two words of a name (not a score: "Arsenal 2 Chelsea 1").
      else if (isSmallNumber(tokens[j]) && tokens[j].start === tokens[j - 1].end + 1 && j + 1 < to && isCapitalised(tokens[j + 1]) && tokens[j + 1].start === tokens[j].end + 1 && !(j + 2 < to && /^\d/.test(tokens[j + 2].text))) j += 2;
      // "Channel 4", "Radio 1", "Group 4": a number after a head word.
      else if (isSmallNumber(tokens[j]) && tokens[j].start === tokens[j - 1].end + 1 && ORGANISATION_HEAD_WORDS.has(tokens[j - 1].text) && !(j + 1 < to && /^[\d%]/.test(tokens[j + 1].text))) j += 1;
      // "Department of the Environment", "Society for the Protection of Birds": a head word, then what the body is of or for.
      else if (/^(of|for|on)$/.test(tokens[j].text) && INSTITUTION_HEAD_WORDS.has(tokens[j - 1].text) && j + 2 < to && tokens[j + 1].text === 'the' && isCapitalised(tokens[j + 2]) && tokens[j].start === tokens[j - 1].end + 1) j += 3;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Lower-case words written after a name and a hyphen that are English, not a syllable of a name ("Hong Kong-based", "Kong-led"). */
const HYPHEN_SUFFIX_WORDS = new Set(['led', 'run', 'born', 'made', 'wide', 'era', 'like', 'type', 'only', 'free', 'held', 'bred', 'size', 'style', 'owned', 'based', 'backed', 'linked', 'funded', 'sized', 'and', 'or', 'to', 'up', 'out', 'on', 'off', 'day', 'year', 'old', 'new', 'time', 'week', 'area', 'zone', 'wise', 'less', 'ish', 'bound', 'centric', 'friendly', 'specific']);

/**
 * Whether tokens[j] (a hyphen) and tokens[j + 1] end a romanised Korean or Chinese given name, in a
 * run tokens[i .. j - 1] of a surname and a first syllable ("Moon Jae" + "-in", "Cheuk Hau" + "-yip"):
 * all glued, a syllable of one to five lower-case letters, no English word.
 */
function isGivenNameSyllable(tokens: Token[], i: number, j: number, to: number): boolean {
  if (j + 1 >= to || tokens[j].text !== '-' || j - i !== 2) return false;
  const first = tokens[j - 1], hyphen = tokens[j], syllable = tokens[j + 1];
  if (hyphen.start !== first.end || syllable.start !== hyphen.end || !/^\p{Lu}\p{Ll}{1,4}$/u.test(first.text) || !/^\p{Lu}\p{Ll}{1,6}$/u.test(tokens[i].text)) return false;
  if (!/^[a-z]{1,5}$/.test(syllable.text) || HYPHEN_SUFFIX_WORDS.has(syllable.text)) return false;
  // The syllable ends the name: the next token is no other letter glued to it.
  return j + 2 >= to || tokens[j + 2].start > syllable.end || !/^\p{L}/u.test(tokens[j + 2].text);
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
function classifyName(name: string, ctx: { prevWord: string; nextWord: string; sentenceStart: boolean; afterThe: boolean; afterPostOf: boolean; afterPost: boolean; wholeRun: boolean; shouted: () => boolean; beforeState: () => boolean; tickerAfter: () => boolean }): Classified | null {
  const ws = words(name);
  const last = ws[ws.length - 1];
  const canonical = ORGANISATION_ALIAS.get(name);
  if (canonical) return { type: 'organisation', canonical, rule: 'org:lexicon' };
  if (namesNoEntity(name)) return null;
  if (PLACE_NAMES.has(name)) {
    if (!AMBIGUOUS_PLACE_NAMES.has(name) || PLACE_PREPOSITIONS.has(ctx.prevWord)) return { type: 'place', rule: 'place:gazetteer' };
  }
  // "Hemet, Calif.", "Columbus, Ohio", "RENO, Nev.": a town, written before its state as US news writes it.
  if (ctx.nextWord === ',' && ws.length <= 4 && !personShaped(name) && ctx.beforeState()) return { type: 'place', rule: 'place:before-state' };
  // Words in capitals that run on ("HOW CHINA'S DECLINE AFFECTS", a heading run into the text) or that end in "!"
  // ("PREACH!", "endorse YOU!") are shouted, not acronyms: only a name a gazetteer knows is one there.
  if ((ctx.nextWord === '!' && ws.length === 1 && !/\p{Ll}/u.test(name)) || ctx.shouted()) return null;
  // "RAMOS: Secretary Clinton, ...", "NOTE: ...": a word in capitals opening a line before a colon labels what follows
  // (a transcript's speaker, a note), no acronym.
  if (ws.length === 1 && ctx.sentenceStart && ctx.nextWord === ':' && !/\p{Ll}/u.test(name)) return null;
  // "MADRID —", "ROME –": a place in capitals opening a sentence before a dash is the dateline's, where the story was
  // filed, not an acronym.
  if (ctx.sentenceStart && DATELINE_DASHES.has(ctx.nextWord) && !/\p{Ll}/u.test(name) && PLACE_NAMES.has(casings(name)[0])) return { type: 'place', rule: 'place:dateline' };
  if (ws.length >= 2 && ws.slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w))) return { type: 'organisation', rule: 'org:head-word' };
  // "Channel 4", "Radio 5 Live": a head word, then a number.
  if (ws.length >= 2 && ORGANISATION_HEAD_WORDS.has(ws[0]) && /^\d{1,2}$/.test(ws[1])) return { type: 'organisation', rule: 'org:head-word' };
  if (ctx.wholeRun && isHeadOfOrFor(ws)) return { type: 'organisation', rule: 'org:head-word' };
  // Not a plural ("PDAs", "TVs"): a thing there are several of; not an English word in capitals ("LETTERS", "NOTE"),
  // unless it is brought in as a name's short form ("the Survivors Fund (SURF)").
  if (ws.length === 1 && isAcronym(name) && !/\p{Lu}s$/u.test(name) && !(name.length >= 4 && isCommonWord(name) && ctx.prevWord !== '(')) return { type: 'organisation', rule: 'org:acronym' };
  // "Marsh & McLennan", "Ogilvy & Mather": names joined by "&" are a firm's.
  if (ws.length >= 3 && ws.includes('&')) return { type: 'organisation', rule: 'org:ampersand' };
  // "Alan Milburn MP"; not "East Midlands MEP", a member for a place.
  if (POST_NOMINALS.has(last) && ws.length >= 3 && !PLACE_NAMES.has(ws.slice(0, -1).join(' '))) return { type: 'person', rule: 'person:post-nominal' };
  // "Downing Street", "Capitol Hill": a street or a natural feature, not a person ("Damon Hill" is one).
  if (isPlaceByHeadWord(ws)) return { type: 'place', rule: 'place:head-word' };
  // "Ulta Beauty (NYSE: ULTA)", "Home Depot (ticker: HD)": a company's stock ticker after its name.
  if (ctx.nextWord === '(' && ctx.tickerAfter()) return { type: 'organisation', rule: 'org:company-context' };
  // "Ralph Lauren shares", "retailer Ralph Lauren": a company named after a person.
  if (ws.length >= 2 && (COMPANY_CUES.has(ctx.nextWord) || (ctx.wholeRun && COMPANY_DESCRIPTORS.has(ctx.prevWord)))) return { type: 'organisation', rule: 'org:company-context' };
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
  if (ctx.afterThe && !isListedTitle(name)) return { type: 'organisation', rule: 'org:the-name' };
  // Not a known abbreviation of something else ("head of HIV/Aids", "director of IT").
  // Not a person's name ("campaign chairman for Donald Trump": "trump" is also a verb, so the rule of given names passed it by).
  return ctx.afterPostOf && !(ws.length === 1 && NOT_ACRONYMS.has(name)) && !(ws.length >= 2 && isGivenName(ws[0])) ? { type: 'organisation', rule: 'org:after-post' } : null;
}

/**
 * Split a run where its connectors join separate names. At "and": unless the whole is a
 * name by itself ("Health and Safety Executive", "Tool and Die Association") and the words
 * before it are no name of their own ("Treasury and Bank of England", "Celtic and Rangers");
 * at "&" only where both sides are names of their own ("Procter & Gamble" is one); at
 * "of", "with", ... unless the whole is a name by itself ("Department of Health",
 * "Blackburn with Darwen Council"); never at a particle ("Van den Brul").
 */
function splitRun(text: string, tokens: Token[], i: number, j: number, standsAlone: (i: number, j: number) => boolean): Array<[number, number]> {
  const whole = words(textOf(text, tokens, i, j));
  const known = isKnownName(whole.join(' '));
  const wholeIsName = known || whole.slice(1).some(isHeadWord) || isHeadOfOrFor(whole);
  for (let k = i + 1; k < j - 1; k++) {
    const word = tokens[k].text;
    if (!CONNECTORS.has(word) || NAME_PARTICLES.has(word)) continue;
    // "Dow Chemical Co of the United States", "LG Electronics of South Korea": a company's legal
    // form ends its name, and so does a company's head word before "of" (not "Bank of England").
    const prev = tokens[k - 1].text.replace(/\.$/, '');
    const afterLegalForm = LEGAL_FORMS.has(prev) || (word === 'of' && ORGANISATION_HEAD_WORDS.has(prev) && !INSTITUTION_HEAD_WORDS.has(prev));
    if (COORDINATORS.has(word)) {
      // "Kansai Electric Power and Kansai International Airport": two names that start alike, or the
      // second with a name of its own ("... and BBC Radio 1") or a person's ("... and Dan Gillmor");
      // "New York State Department of Health and State University of New York", "United Bank of Africa and
      // Standard Trust Bank": a body with what it is of, and another body.
      const next = tokens[k + 1].text;
      const namesMeet = next === 'The' || next === tokens[i].text || afterLegalForm || (k + 2 < j && (isAcronym(next) || ORGANISATION_ALIAS.has(next))) || isPersonName(text, tokens, k + 1, j) ||
        (isBodyOf(words(textOf(text, tokens, i, k))) && (isBodyOf(words(textOf(text, tokens, k + 1, j))) || (j - k > 3 && isHeadWord(tokens[j - 1].text)))) ||
        (standsAlone(i, k) && (word === 'and' || standsAlone(k + 1, j)));
      if (wholeIsName && !namesMeet) continue;
      if (word === '&' && !namesMeet) continue;
      return [[i, k], ...splitRun(text, tokens, k + 1, j, standsAlone)];
    }
    // "Secretary of State John Kerry", "Missouri Secretary of State Jason Kander", "Chief of Staff": the connector
    // is inside a post's words, which name nothing by themselves.
    if (postAcross(text, tokens, i, k, j)) continue;
    // "Mark Bailin of Rymer International Seafood", "Economist Joel Naroff of First Union": a person and where they work.
    const nameStart = titlesEnd(text, tokens, i, k);
    const personOf = word === 'of' && k - nameStart >= 2 && k - nameStart <= 3 && isGivenName(tokens[nameStart].text);
    if (wholeIsName && !personOf && !afterLegalForm) continue;
    // "the Gulf of Mexico and Angola": a known name goes on through "of" up to the "and".
    let end = k + 1;
    while (end < j && !COORDINATORS.has(tokens[end].text)) end++;
    const upToAnd = tokens.slice(i, end).map((t) => t.text).join(' ');
    if (PLACE_NAMES.has(upToAnd) || ORGANISATION_ALIAS.has(upToAnd)) continue;
    return [[i, k], ...splitRun(text, tokens, k + 1, j, standsAlone)];
  }
  // "the CNN Democratic debate", "a Fox News Republican debate": two known bodies side by side.
  if (!known && !isHeadWord(whole[whole.length - 1])) {
    for (let k = i + 1; k < j; k++) if (ORGANISATION_ALIAS.has(textOf(text, tokens, i, k)) && ORGANISATION_ALIAS.has(textOf(text, tokens, k, j))) return [[i, k], [k, j]];
  }
  return [[i, j]];
}

/** Whether a listed title or post written within tokens[i .. j - 1] runs across the connector tokens[k]. */
function postAcross(text: string, tokens: Token[], i: number, k: number, j: number): boolean {
  for (let m = Math.max(i, k - MAX_TITLE_TOKENS + 1); m < k; m++) {
    for (let n = Math.min(j, m + MAX_TITLE_TOKENS); n > k + 1; n--) if (isTitle(text, tokens, m, n, false)) return true;
  }
  return false;
}

/**
 * Whether tokens[i .. j - 1] stand among three or more words in capitals one after another
 * (punctuation between them, as in a heading run into the text, "HOW ‘MAKING THEM SMALLER’"),
 * within the sentence tokens[from .. to - 1].
 */
function isShouted(tokens: Token[], from: number, to: number, i: number, j: number): boolean {
  const inCapitals = (t: Token) => /\p{Lu}.*\p{Lu}/u.test(t.text) && !/\p{Ll}/u.test(t.text);
  const within = (t: Token) => inCapitals(t) || (t.type === 'punctuation' && !/[.!?;:,]/.test(t.text));
  let count = 0;
  for (let k = i; k < j; k++) if (inCapitals(tokens[k])) count++;
  for (let k = i - 1; k >= from && within(tokens[k]) && count < 3; k--) if (inCapitals(tokens[k])) count++;
  for (let k = j; k < to && within(tokens[k]) && count < 3; k++) if (inCapitals(tokens[k])) count++;
  return count >= 3;
}

/**
 * A word for someone from a place: a listed one ("American", "Briton"), or one formed from a place's
 * name in the usual ways ("Kentuckian", "Californian", "Texan", "Londoner").
 */
function isDemonym(word: string): boolean {
  if (PLACE_ADJECTIVES.has(word)) return true;
  const stems = /ian$/.test(word) ? [word.slice(0, -3) + 'y', word.slice(0, -1)] : /an$/.test(word) ? [word.slice(0, -1), word.slice(0, -1) + 's'] : /er$/.test(word) ? [word.slice(0, -2)] : [];
  return stems.some((stem) => stem.length >= 4 && PLACE_NAMES.has(stem) && !FIRST_NAMES.has(word));
}

/** A word that ends or heads an organisation's name, with or without a full stop ("Inc."). */
const isHeadWord = (word: string) => ORGANISATION_HEAD_WORDS.has(word) || (word.endsWith('.') && ORGANISATION_HEAD_WORDS.has(word.slice(0, -1)));

/** A street or a natural feature by its last word, not after a given name nor with a body's head word ("Downing Street", not "Damon Hill"). */
export const isPlaceByHeadWord = (ws: readonly string[]) =>
  ws.length >= 2 && PLACE_HEAD_WORDS.has(ws[ws.length - 1]) && !isGivenName(ws[0]) && !ws.some((w) => ORGANISATION_HEAD_WORDS.has(w));

/** Last words of a venue's name, none a surname: "Ak-Chin Pavilion", "Madejski Stadium". */
const VENUE_HEAD_WORDS = new Set(['Pavilion', 'Arena', 'Stadium', 'Amphitheatre', 'Amphitheater', 'Auditorium', 'Coliseum', 'Colosseum', 'Theater', 'Ballpark', 'Speedway', 'Airport']);
/** Last words of an institution's name that are no surname ("Ludwig Maximilian University"; "Post", "Hall", "Court" can be). */
const INSTITUTION_ENDINGS = new Set(['University', 'College', 'Institute', 'Hospital', 'Clinic', 'Infirmary', 'Academy', 'School', 'Museum', 'Ministry', 'Department', 'Council', 'Commission', 'Committee', 'Agency', 'Foundation', 'Laboratory', 'Library']);

/**
 * The type of a name the tagger reads as a person's, by its last word: a street or a natural
 * feature is a place, a venue too, an institution an organisation; else a person.
 */
function personOrPlaceByHeadWord(ws: readonly string[]): EntityType {
  if (isPlaceByHeadWord(ws)) return 'place';
  if (ws.length < 2) return 'person';
  const last = ws[ws.length - 1];
  if (VENUE_HEAD_WORDS.has(last)) return 'place';
  // "Simon Wiesenthal Center", "Moscone Center": a centre named after a person is a body's or a venue's (of a place, a complex: "Lincoln Center").
  return INSTITUTION_ENDINGS.has(last) || last === 'Center' || last === 'Centre' ? 'organisation' : 'person';
}

/** Words right after a name that make it a company's: "Ralph Lauren shares", "JP Morgan boss". */
const COMPANY_CUES = new Set(['shares', 'stock', 'profits', 'profit', 'sales', 'revenues', 'shareholders', 'boss', 'stores', 'brand']);
/** Descriptors before a name that a company named after a person takes ("retailer Ralph Lauren"). */
const COMPANY_DESCRIPTORS = new Set(['company', 'firm', 'retailer', 'brand', 'label', 'bank', 'carmaker', 'chain', 'group', 'insurer', 'lender', 'manufacturer']);

/** A name in the gazetteers of organisations or places. */
const isKnownName = (name: string) => ORGANISATION_ALIAS.has(name) || PLACE_NAMES.has(name);

/** "Sunday Times", "Monday Club": a day or month that opens a name a gazetteer knows, or that a head word follows. */
function opensName(text: string, tokens: Token[], i: number, j: number): boolean {
  if (!CALENDAR_WORDS.has(tokens[i].text) || j - i < 2) return false;
  if (isHeadWord(tokens[i + 1].text)) return true;
  for (let k = i + 2; k <= j; k++) if (isKnownName(textOf(text, tokens, i, k))) return true;
  return false;
}

/**
 * "Acme Chief Executive Jane Doe", "Supreme Court Justice Sonia Sotomayor", "Virginia Sen. Tim
 * Kaine": a body or a place, then a post and a person's name, in one run of capitals, are cut
 * before the post (the person keeps it as a title).
 */
function atInnerPost(text: string, tokens: Token[], i: number, j: number, readAsPerson: (at: number) => boolean): Array<[number, number]> {
  const lead = titlesEnd(text, tokens, i, j);
  if (lead > i && nameAfterTitle(textOf(text, tokens, i, lead), tokens, lead, j, readAsPerson(lead))) return [[i, j]];
  // "Sacha Baron Cohen": after a given name, a title's word is part of the name.
  if (isGivenName(tokens[i].text)) return [[i, j]];
  for (let t = i + 1; t < j - 1; t++) {
    if (!/^\p{Lu}/u.test(tokens[t].text) || CONNECTORS.has(tokens[t - 1].text)) continue;
    const titleEnd = titlesEnd(text, tokens, t, j);
    // Not the end of a post that starts earlier ("Deputy Prime Minister").
    if (titleEnd > t && titlesStart(text, tokens, titleEnd, i) < t) continue;
    if (titleEnd > t && j - titleEnd <= 4 && nameAfterTitle(textOf(text, tokens, t, titleEnd), tokens, titleEnd, j, readAsPerson(titleEnd)) && !tokens.slice(titleEnd, j).some((w) => !/^\p{Lu}/u.test(w.text))) {
      // "US Treasury Secretary John Snow": a known body that opens the post goes with the name before it.
      const at = titleEnd > t + 1 && ORGANISATION_ALIAS.has(tokens[t].text) && titlesEnd(text, tokens, t + 1, j) === titleEnd ? t + 1 : t;
      return [[i, at], [at, j]];
    }
  }
  return [[i, j]];
}

/** "Chaoyang Hospital", "University of Munich": an institution's head word ends the name, or opens it before "of" or "for". */
function isInstitutionName(name: string): boolean {
  const ws = words(name);
  return ws.length >= 2 && (INSTITUTION_HEAD_WORDS.has(ws[ws.length - 1]) || (INSTITUTION_HEAD_WORDS.has(ws[0]) && isHeadOfOrFor(ws)));
}

/** "Dan Gillmor": a given name and one or two more capitalised words, none a head word. */
const isPersonName = (text: string, tokens: Token[], i: number, j: number) =>
  j - i >= 2 && j - i <= 3 && isGivenName(tokens[i].text) && tokens.slice(i + 1, j).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) && !isHeadWord(t.text));

/** "State Department of Health": an institution's head word, then what it is of or for. */
const isBodyOf = (ws: string[]) => ws.some((w, k) => k + 2 < ws.length && INSTITUTION_HEAD_WORDS.has(w) && (ws[k + 1] === 'of' || ws[k + 1] === 'for'));

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
function isTitle(text: string, tokens: Token[], i: number, j: number, postsToo = true): boolean {
  const written = collapseWhitespace(text.slice(tokens[i].start, tokens[j - 1].end));
  return isListedTitle(written) || (postsToo && isPostInCapitals(written));
}
const isListedTitle = (written: string) => PERSON_TITLE_PHRASES.has(written) || PERSON_TITLES.has(written.replace(/\.$/, ''));

/** "Chief Executive", "Executive Director", "Chairman", "DJ": the words of a post, capitalised before a name. */
function isPostInCapitals(written: string): boolean {
  const ws = written.split(' ');
  const last = ws[ws.length - 1];
  // "Centre" ends the name of a body more often than it is a post, and "Dean" opens a person's.
  if (ORGANISATION_HEAD_WORDS.has(last) || !(ROLE_WORDS.has(last) || ROLE_WORDS.has(last.toLowerCase())) || (ws.length === 1 && FIRST_NAMES.has(last))) return false;
  return ws.every((w) => ROLE_WORDS.has(w) || (/^\p{Lu}\p{Ll}/u.test(w) && (ROLE_WORDS.has(w.toLowerCase()) || ROLE_MODIFIERS.has(w.toLowerCase()))));
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

/**
 * The start of the titles written right before tokens[i] ("Director-General" before "Greg
 * Dyke"), not before tokens[from]; i when there are none. Only listed titles when
 * `postsToo` is false: "Coach", "Broker" are as often a sentence's first word.
 */
function titlesStart(text: string, tokens: Token[], i: number, from = 0, postsToo = true): number {
  let at = i;
  for (;;) {
    let n = Math.min(MAX_TITLE_TOKENS, at - from);
    while (n >= 1 && !isTitle(text, tokens, at - n, at, postsToo)) n--;
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
 * start with a given name or are more than one word; after the words of a post that
 * are no listed title ("Chairman", "Economist"), they start with a given name or the
 * model reads a person there (`readAsPerson`): not "Economist Intelligence Unit".
 */
function nameAfterTitle(title: string, tokens: Token[], i: number, j: number, readAsPerson: boolean): boolean {
  const words = tokens.slice(i, j).map((t) => t.text);
  const lowerCase = words.findIndex((w) => !isCapitalisedWord(w));
  const name = lowerCase < 0 ? words : words.slice(0, lowerCase);
  if (!name.length || name.slice(1).some((w) => ORGANISATION_HEAD_WORDS.has(w)) || name.some((w) => NOT_NAMES.has(w))) return false;
  // The last title decides ("Minister Lord Falconer").
  const titles = title.split(' ');
  const listed = titles.findIndex((_, k) => isListedTitle(titles.slice(k).join(' ')));
  if (listed < 0) return FIRST_NAMES.has(name[0]) || readAsPerson;
  if (!AMBIGUOUS_TITLES.has(titles.slice(listed).join(' '))) return true;
  return FIRST_NAMES.has(name[0]) || (name.length > 1 && !name.some(isCommonWord));
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

/** Forms as alternatives of a regular expression, longest first. */
const escaped = (forms: Iterable<string>) => [...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** A state's abbreviation as AP writes it, with its full stops ("Calif.", "N.Y."); postal codes ("CA") are read only after a party's letter. */
const DOTTED_STATE = escaped(US_STATE_DOTTED);
/**
 * A US state where news writes it abbreviated: after a party's letter ("(R-Tex.)", "R-S.C.", "(D-CA)"), alone in
 * brackets ("Sen. Ted Cruz (Tex.)"), or after a town and a comma ("Hemet, Calif.", "RENO, Nev.").
 */
const STATE_ABBREVIATION = new RegExp(
  `(?<=(?<![\\p{L}-])[RDI]-)(?:${escaped(US_STATE_ABBREVIATIONS.keys())})(?![\\p{L}.])|(?<=\\()(?:${DOTTED_STATE})(?=\\))|(?<=\\p{Lu}[\\p{L}'’.-]*, )(?:${DOTTED_STATE})(?![\\p{L}])`,
  'gu',
);

function stateAbbreviations(text: string, tokens: Token[], from: number, to: number): Candidate[] {
  if (from >= to) return [];
  return sentenceMatches(tokens[from].start, text.slice(tokens[from].start, tokens[to - 1].end), STATE_ABBREVIATION, 'place', 'place:state-abbreviation');
}

/** Each match of a rule's pattern in a sentence (which starts at `offset` in the text) as a name of its type. */
function sentenceMatches(offset: number, sentence: string, pattern: RegExp, type: Candidate['type'], rule: string): Candidate[] {
  return [...sentence.matchAll(pattern)].map((m) => {
    const start = offset + m.index!;
    return { start, end: start + m[0].length, text: m[0], type, name: m[0], rule };
  });
}

/** A state's name or abbreviation right after a comma, and no word of a name after it: "Columbus, Ohio on Tuesday", "Hemet, Calif." */
const STATE_AFTER_COMMA = new RegExp(`^, (?:${escaped(US_STATE_NAMES)}|${DOTTED_STATE})(?![\\p{L}'’-])`, 'u');

/** Whether tokens[j] is the comma after a town that a US state follows ("Columbus, Ohio"), not a name ("Trump, Iowa voters", "Ohio's"). */
function stateAfterComma(text: string, tokens: Token[], j: number, to: number): boolean {
  const m = STATE_AFTER_COMMA.exec(text.slice(tokens[j].start, tokens[j].start + 24));
  if (!m) return false;
  const end = tokens[j].start + m[0].length;
  let k = j + 1;
  while (k < to && tokens[k].start < end) k++;
  // The state ends the sentence, or punctuation, a day or a month, or a word that is no noun follows it.
  while (k < to && !tokens[k].text.trim()) k++;
  return k >= to || tokens[k].type === 'punctuation' || CALENDAR_WORDS.has(tokens[k].text) || (/^\p{Ll}/u.test(tokens[k].text) && !/^(NOUN|PROPN|ADJ|NUM)$/.test(tokens[k].pos));
}

/** "St Enoch's Shopping Centre", "St Mary's Hospital": a saint's name with its possessive, then the institution's head word. */
const SAINT_INSTITUTION = new RegExp(`\\b(?:St\\.?|Saint) \\p{Lu}\\p{Ll}+(?:['’]s|s['’]|['’]) (?:\\p{Lu}[\\p{L}-]* ){0,3}?(?:${[...ORGANISATION_HEAD_WORDS].filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)).join('|')})\\b`, 'gu');

function saintInstitutions(text: string, tokens: Token[], from: number, to: number): Candidate[] {
  if (from >= to) return [];
  const sentence = text.slice(tokens[from].start, tokens[to - 1].end);
  // The rule's words, each with the space after it: most sentences have none of them ("St" alone opens "State", "Street").
  if (!sentence.includes('St ') && !sentence.includes('St. ') && !sentence.includes('Saint ')) return [];
  return sentenceMatches(tokens[from].start, sentence, SAINT_INSTITUTION, 'organisation', 'org:saint-institution');
}

/** What a caller may ask of findNameCandidates beyond the names: rules switched off, and (for training) the arbiter's options. */
export interface NameOptions {
  enabled?: (rule: string) => boolean;
  /** false: the rules alone, without the statistical tagger (`disableRules: ["ner"]`); their names stand as found. */
  useModel?: boolean;
  observe?: (options: Option<ArbiterProposal>[]) => void;
}

export function findNameCandidates(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, isHeading: (s: number) => boolean, how: NameOptions = {}): Candidate[] {
  const found: Candidate[] = [];
  const openingWords: Array<{ start: number; end: number; text: string }> = [];
  // Titles of works and of laws: no name is read inside them.
  const titleSpans: Span[] = [];
  // The rules read running prose only: not headings, nor lines in Title Case or in capitals.
  const lines = sentenceTokenRanges.map(([from, to], s): LineKind => {
    const kind = lineCase(tokens, from, to);
    return kind !== 'prose' ? kind : isHeading(s) ? 'heading' : 'prose';
  });
  const runs = sentenceTokenRanges.map(([from, to], s) => (lines[s] === 'prose' ? capitalisedRuns(tokens, from, to) : []));
  // The names the article writes by themselves, as a whole run of capitals ("the Treasury said").
  const writtenAlone = new Set<string>();
  for (const sentenceRuns of runs) {
    for (let [i, j] of sentenceRuns) {
      while (i < j - 1 && NOT_NAMES.has(tokens[i].text)) i++;
      writtenAlone.add(textOf(text, tokens, i, j));
    }
  }
  const useModel = how.useModel ?? true;
  const model: ModelReading = useModel ? modelCandidates(text, tokens, sentenceTokenRanges) : { names: [], spans: [], marginals: [] };
  // Where the model reads a person's name to start and end ("Home Office Minister Lord Falconer and Downing Street").
  const modelPeople = model.names.filter((c) => c.type === 'person');
  const personEnds = new Map(modelPeople.map((c) => [c.end, c.start]));
  const personStarts = new Set(modelPeople.map((c) => c.nameStart));
  const readAsPerson = (at: number) => at < tokens.length && personStarts.has(tokens[at].start);
  /**
   * Whether tokens[i .. j - 1], part of a run, name something by themselves: a known name, an
   * acronym, a body's or a person's full name, a name the article writes by itself elsewhere,
   * or ending in a person's name the model reads.
   */
  const standsAlone = (i: number, j: number): boolean => {
    const name = textOf(text, tokens, i, j);
    if (ORGANISATION_ALIAS.has(name) || PLACE_NAMES.has(name) || writtenAlone.has(name)) return true;
    if ((personEnds.get(tokens[j - 1].end) ?? -1) >= tokens[i].start) return true;
    // "Ogilvy & Mather": two names joined by "&" are a firm's.
    if (j - i === 3 && tokens[i + 1].text === '&') return true;
    // "Capital Radio DJ Margherita Taylor": a person, with their post.
    if (atInnerPost(text, tokens, i, j, readAsPerson).length > 1) return true;
    return j - i === 1 ? isAcronym(name) : isHeadWord(tokens[j - 1].text) || isGivenName(tokens[i].text);
  };
  for (let s = 0; s < sentenceTokenRanges.length; s++) {
    if (lines[s] !== 'prose') continue;
    const [from, to] = sentenceTokenRanges[s];
    let firstWord = from;
    while (firstWord < to && tokens[firstWord].type === 'punctuation') firstWord++;
    /**
     * Whether tokens[i] is no first word of a name that runs to tokens[j - 1]: "The", a month, a
     * connector ("On the New York Stock Exchange"), a number, "Former", or a capitalised common
     * word opening the sentence ("Care", "Both").
     */
    const opensNoName = (i: number, j: number) =>
      (NOT_NAMES.has(tokens[i].text) && !opensName(text, tokens, i, j)) || CONNECTORS.has(tokens[i].text) || isSmallNumber(tokens[i]) || (NOT_NAME_START.has(tokens[i].text) && i < j - 1) ||
      (i === firstWord && SENTENCE_OPENERS.has(tokens[i].pos) && !PLACE_NAMES.has(tokens[i].text) && !FIRST_NAMES.has(tokens[i].text) && !isAcronym(tokens[i].text) && !ORGANISATION_ALIAS.has(tokens[i].text));
    const bodies = [...nationalBodies(text, tokens, from, to), ...saintInstitutions(text, tokens, from, to), ...stateAbbreviations(text, tokens, from, to)];
    found.push(...bodies);
    for (let [start, runEnd] of runs[s]) {
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
      while (runStart < runEnd - 1 && opensNoName(runStart, runEnd)) runStart++;
      const whole = textOf(text, tokens, runStart, runEnd);
      const known = isKnownName(whole);
      // A law or a treaty names nothing, and neither do its words ("Human Rights" in "European Convention on Human Rights").
      if (!known && isLegislation(words(whole))) {
        titleSpans.push({ start: tokens[runStart].start, end: tokens[runEnd - 1].end });
        continue;
      }
      // A post with a connector in it ("Secretary of State Hillary Clinton") is not cut at the connector.
      const leadTitle = titlesEnd(text, tokens, runStart, runEnd);
      const protectedTo = tokens.slice(runStart, leadTitle).some((t) => CONNECTORS.has(t.text)) ? leadTitle : runStart;
      const pieces = known ? [[runStart, runEnd] as [number, number]] : splitRun(text, tokens, protectedTo, runEnd, standsAlone);
      pieces[0] = [runStart, pieces[0][1]];
      const parts = pieces.flatMap(([i, j]) => atInnerPost(text, tokens, i, j, readAsPerson));
      for (let [i, j] of parts) {
        const atSentenceStart = i === firstWord;
        // A capitalised common word opening the sentence ("The", "Care", "Should") is not part of a name.
        // A lower-case connector does not open a name: "On the New York Stock Exchange" is cut to "New York Stock Exchange".
        while (i < j && opensNoName(i, j)) i++;
        // "Former", and a nationality before a person's name ("American Justin Gatlin"), are not part of it.
        while (i < j - 1 && (NOT_NAME_START.has(tokens[i].text) || ((FIRST_NAMES.has(tokens[i + 1].text) || PERSON_TITLES.has(tokens[i + 1].text)) && isDemonym(tokens[i].text)))) i++;
        // "Mail on Sunday": a known name keeps its last word.
        while (j > i && !isKnownName(textOf(text, tokens, i, j)) && (NOT_NAMES.has(tokens[j - 1].text) || CONNECTORS.has(tokens[j - 1].text) || (j - i > 1 && isTrailingNoise(tokens[j - 1].text)))) j--;
        // "Unions for Deutsche Boerse ...", "Bosses of Deutsche Boerse ...": a plural noun opening the
        // sentence, with what it is of or for, is not part of the name (unless the whole is a known name).
        if (i === firstWord && i + 2 < j && /^(of|for)$/.test(tokens[i + 1].text) && (isCommonWord(tokens[i].text) || tokens[i].pos === 'NOUN') && !ORGANISATION_HEAD_WORDS.has(tokens[i].text) && !ORGANISATION_ALIAS.has(textOf(text, tokens, i, j))) i += 2;
        if (i >= j) continue;
        let titleEnd = titlesEnd(text, tokens, i, j);
        // "Broker Khurshid Alam said ...": the words of a post opening a sentence are no title.
        if (i === firstWord && titleEnd > i && !isListedTitle(collapseWhitespace(textOf(text, tokens, i, titleEnd)))) i = titleEnd;
        // "Chief Executive of AOL UK": a post and where it is held, with no one named; the body is the name.
        if (titleEnd > i && titleEnd + 1 < j && /^(of|at)$/.test(tokens[titleEnd].text)) {
          i = titleEnd = titleEnd + 1;
          if (tokens[i].text === 'the' && i + 1 < j) i = titleEnd = i + 1;
        }
        const surface = textOf(text, tokens, i, j);
        if (titleEnd > i && nameAfterTitle(textOf(text, tokens, i, titleEnd), tokens, titleEnd, j, readAsPerson(titleEnd))) {
          const name = textOf(text, tokens, titleEnd, j);
          // "Children's Commissioner Anne Longfield": a listed post may begin before the run of capitals.
          // The words of a post that is no listed title ("Chairman", "DJ") stay out of the mention, as the model leaves them.
          const titleStart = titlesStart(text, tokens, titleEnd, from, false);
          const title = titleStart < titleEnd ? textOf(text, tokens, titleStart, titleEnd) : undefined;
          found.push({ start: tokens[titleStart].start, end: tokens[j - 1].end, text: textOf(text, tokens, titleStart, j), type: 'person', name, ...(title ? { title } : {}), rule: 'person:title' });
          continue;
        }
        const prevWord = i > from ? tokens[i - 1].text.toLowerCase() : '';
        const afterThe = i - 1 > firstWord && tokens[i - 1].text === 'The';
        // Not the last word of a post's own words ("secretary of State").
        const afterPostOf = i - 2 >= from && /^(of|at|for)$/.test(tokens[i - 1].text) && ROLE_WORDS.has(tokens[i - 2].text.toLowerCase()) &&
          !isListedTitle(`${tokens[i - 2].text.charAt(0).toUpperCase()}${tokens[i - 2].text.slice(1)} ${tokens[i - 1].text} ${surface}`);
        const afterPost = i > from && /^[a-z]/.test(tokens[i - 1].text) && ROLE_WORDS.has(tokens[i - 1].text);
        const nextWord = j < to ? tokens[j].text : '';
        // "Moon Jae-in", "Cheuk Hau-yip": a surname and a given name of two syllables joined by a hyphen are a person's.
        if (j - i === 4 && isGivenNameSyllable(tokens, i, i + 2, j)) {
          found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: 'person', name: surface, rule: 'person:given-name-syllables' });
          continue;
        }
        const verdict = classifyName(surface, { prevWord, nextWord, sentenceStart: atSentenceStart, afterThe, afterPostOf, afterPost, wholeRun: parts.length === 1, shouted: () => isShouted(tokens, from, to, i, j), beforeState: () => !(readAsPerson(i) && !PLACE_NAMES.has(surface)) && stateAfterComma(text, tokens, j, to), tickerAfter: () => isTickerAt(text, tokens[j].start) });
        if (!verdict) {
          if (atSentenceStart && j - i === 1) openingWords.push({ start: tokens[i].start, end: tokens[i].end, text: surface });
          continue;
        }
        const name = verdict.type === 'person' ? surface.replace(POST_NOMINAL_AT_END, '') : surface.replace(/^The\s+/, '');
        found.push({ start: tokens[i].start, end: tokens[j - 1].end, text: surface, type: verdict.type, name, canonical: verdict.canonical, rule: verdict.rule });
      }
    }
  }
  const enabled = how.enabled ?? (() => true);
  const ruled = found.filter((c) => enabled(c.rule));
  found.length = 0;
  found.push(...(useModel ? arbitrate(tokens, sentenceTokenRanges, ruled, model, (c) => lines[c.sentence] === 'prose' && enabled(c.rule), how.observe) : ruled));
  // No name inside the title of a work or a law.
  const within = (spans: Span[], f: Candidate) => spans.some((m) => m.start <= f.start && f.end <= m.end);
  for (let k = found.length - 1; k >= 0; k--) if (within(titleSpans, found[k])) found.splice(k, 1);
  // "Sella said ...": a lone word opening a sentence is a name when it is the surname of a person named elsewhere.
  const surnames = surnamesOf(found);
  for (const w of openingWords) if (surnames.has(w.text)) found.push({ ...w, type: 'person', name: w.text, rule: 'person:surname' });
  if (enabled(BODY_EVIDENCE_RULE)) {
    // The words the tagger reads as a name by themselves (of any type, works and events too).
    const readAlone = useModel ? new Set(model.spans.flatMap((spans, s) => spans.filter((sp) => sp.end - sp.start === 1).map((sp) => sentenceTokenRanges[s][0] + sp.start))) : undefined;
    found.push(...bodiesTheArticleShows(text, tokens, sentenceTokenRanges.filter((_, s) => lines[s] === 'prose'), found, readAlone));
  }
  if (lines.some((kind) => kind !== 'prose')) found.push(...namesOutsideProse(text, tokens, sentenceTokenRanges, lines, found, model.names));
  placeTownsWithPostalCodes(text, tokens, sentenceTokenRanges, found, enabled);
  checkAgainstContext(text, found, sentenceTokenRanges.length > 0 && isHeading(0) ? siteInHeadline(text) : undefined);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a company's stock ticker in brackets starts at `at` ("(NYSE: ULTA)", "(LOW) stock"): not a body's known
 * short form, as an agency stands after a dateline's place ("Cleveland (AFP) –").
 */
function isTickerAt(text: string, at: number): boolean {
  const m = TICKER.exec(text.slice(at, at + 32));
  return m !== null && !ORGANISATION_ALIAS.has(m[0].replace(/^\((?:[^:]*:\s*)?|\).*$/gs, ''));
}

const BODY_EVIDENCE_RULE = 'org:document-evidence';
/** A body's kind, no name of one: "Company spokesman", "Club captain", "Council leader". */
const isKindOfBody = (word: string) => (/\p{Ll}/u.test(word) && ORGANISATION_HEAD_WORDS.has(word)) || ORGANISATION_DESCRIPTORS.has(word.toLowerCase()) || ORGANISATION_GENERIC_ALIASES.has(word);

/**
 * Lone words the article's own words show to be bodies (body-evidence.ts): each such word is a body wherever the
 * article writes it by itself, where nothing else read a name there or only the tagger or a weak rule read it as
 * something else. Not a word that can name something else: a place, a nationality, a given name, a part of a person's
 * name in the article, a word no name opens with ("Former"), or one a strong rule reads as a person or a place.
 */
function bodiesTheArticleShows(text: string, tokens: Token[], proseSentences: Array<[number, number]>, found: Candidate[], readAlone: ReadonlySet<number> | undefined): Candidate[] {
  const strong = strongTypes(found);
  const personParts = givenAndSurnamesOf(found);
  const ctx = {
    text,
    tokens,
    proseSentences,
    // A word of the ordinary vocabulary ("Company"), by compromise's lexicon as the tagger's gazetteer holds it.
    isCommonWord: (word: string) => isCommonWord(word) || (readAlone !== undefined && loadNerModel().inGazetteer('c_common', word)),
    isTickerAt: (at: number) => isTickerAt(text, at),
    readAlone,
    namesOther: (word: string, ownEvidence: boolean) =>
      PLACE_NAMES.has(word) || isKindOfBody(word) || namesNoEntity(word) || isDemonym(word) || (!ownEvidence && isGivenName(word)) || personParts.has(word) || NOT_NAMES.has(word) || CALENDAR_WORDS.has(word) || (strong.get(word) ?? 'organisation') !== 'organisation',
  };
  const foundAsBody = new Set(found.filter((c) => c.type === 'organisation' && !isStatistical(c)).map((c) => c.name));
  const bodies = bodiesByEvidence(ctx, foundAsBody);
  if (!bodies.size) return [];
  for (const c of found) if (bodies.has(c.name) && c.type !== 'organisation' && isStatistical(c)) Object.assign(c, { type: 'organisation', canonical: ORGANISATION_ALIAS.get(c.name), rule: BODY_EVIDENCE_RULE, decided: undefined });
  const taken = new SpanIndex(found);
  const added: Candidate[] = [];
  for (const [i] of loneMentionsOf(ctx, bodies)) {
    const t = tokens[i];
    if (taken.overlapping(t.start, t.end).length) continue;
    added.push({ start: t.start, end: t.end, text: t.text, type: 'organisation', name: t.text, canonical: ORGANISATION_ALIAS.get(t.text), rule: BODY_EVIDENCE_RULE });
  }
  return added;
}

/**
 * "Tampa, FL", "Toronto, ON": a town and its postal code are places, whatever else read them (a
 * person "Charlotte", an organisation "Denver, CO"); the names they overlap give way.
 */
function placeTownsWithPostalCodes(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, found: Candidate[], enabled: (rule: string) => boolean): void {
  const towns = townsWithPostalCodes(text, tokens, sentenceTokenRanges)
    .map((t): Candidate => ({ start: t.start, end: t.end, text: t.name, type: 'place', name: t.name, rule: t.kind === 'town' ? 'place:town-with-code' : 'place:postal-code' }))
    .filter((c) => enabled(c.rule));
  if (towns.length === 0) return;
  const index = new SpanIndex(towns);
  for (let k = found.length - 1; k >= 0; k--) if (index.overlapping(found[k].start, found[k].end).length) found.splice(k, 1);
  found.push(...towns);
}

/**
 * The last look at each name, whatever read it, against its own words and the words around it:
 * a masked name or a unit is none, nor is a work dated by its year ("1972's Toulouse Street"); a
 * venue or an institution is no person ("Moscone Center", "Walter Reed hospital"), an institution
 * no place ("Chaoyang Hospital"); a name before "district" is a place; a Chinese or Korean name
 * the tagger reads as a body is a person's ("Liu Xiaming"); the site's name after a headline's bar
 * (`site`) is an organisation; two places joined by a hyphen are two ("U.S.-Mexico").
 */
export function checkAgainstContext(text: string, found: Candidate[], site: Span | undefined): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const c = found[k];
    if (isMaskedOrUnit(text, c) || WORK_AFTER_YEAR.test(text.slice(Math.max(0, c.start - 12), c.start))) {
      found.splice(k, 1);
      continue;
    }
    const ws = words(c.name);
    const after = text.slice(c.end, c.end + 40);
    let type = c.type;
    if (type === 'person' && !c.title) type = personOrPlaceByHeadWord(ws);
    // "BMI Albyn Hospital", "University of Munich": a name the tagger (or the arbiter, from a given name or a place
    // before it) reads otherwise whose institution's head word ends it, or opens it before "of", is a body.
    if (type !== 'organisation' && isStatistical(c) && isInstitutionName(c.name)) type = 'organisation';
    if (type !== 'place' && !c.title && PLACE_KIND_AFTER.test(after)) type = 'place';
    else if (type === 'person' && !c.title && (INSTITUTION_AFTER.test(after) || (isHeldAt(text, c.start) && !/^['’]s?(?!\p{L})/u.test(after)))) type = 'organisation';
    else if (type === 'organisation' && c.rule === 'ner:org' && isEastAsianName(ws) && !ORGANISATION_ALIAS.has(c.name)) type = 'person';
    if (site && type !== 'organisation' && site.start <= c.start && c.end <= site.end) type = 'organisation';
    if (type !== c.type) found[k] = { ...c, type, canonical: type === 'organisation' ? ORGANISATION_ALIAS.get(c.name) : undefined };
    const pair = type === 'place' && c.text === c.name ? /^([^\s-]+)-([^\s-]+)$/.exec(c.name) : null;
    if (pair && !PLACE_NAMES.has(c.name) && PLACE_NAMES.has(pair[1]) && PLACE_NAMES.has(pair[2])) {
      const second = c.start + pair[1].length + 1;
      found.splice(k, 1, { ...c, end: c.start + pair[1].length, text: pair[1], name: pair[1] }, { ...c, start: second, text: pair[2], name: pair[2] });
    }
  }
}

/** "Liu Xiaming", "Wang Yi": a Chinese or Korean surname, then one or two short capitalised words of a given name. */
const isEastAsianName = (ws: readonly string[]) =>
  ws.length >= 2 && ws.length <= 3 && EAST_ASIAN_SURNAMES.has(ws[0]) && ws.slice(1).every((w) => /^\p{Lu}\p{Ll}{1,7}(?:-\p{Ll}{1,5})?$/u.test(w) && !isHeadWord(w) && !PLACE_NAMES.has(w));

/**
 * "an equity strategist at Miller Tabak", "a partner at Baker McKenzie": the name after a post and "at" is where the
 * post is held, a body (not one before a possessive: "an aide at Jane Roe's office").
 */
function isHeldAt(text: string, start: number): boolean {
  const m = /([a-z-]+) at $/.exec(text.slice(Math.max(0, start - 40), start));
  return m !== null && (ROLE_WORDS.has(m[1]) || (m[1].endsWith('s') && ROLE_WORDS.has(m[1].slice(0, -1))));
}

/** "1972's Toulouse Street", "1973's The Captain and Me": a name after a year's possessive is the title of a work of that year. */
const WORK_AFTER_YEAR = /(?<![\d\p{L}])(?:1[89]|20)\d\d['’]s\s+$/u;
/** "Walter Reed hospital", "John Lennon airport": a person's name before a lower-case word for an institution names the institution. */
const INSTITUTION_AFTER = /^ (?:hospital|university|college|school|academy|institute|clinic|airport|foundation|museum)(?![\p{L}-])/u;

/** "Kowloon West district", "Logar province": a word for a kind of place after a name (not before a body's: "Leeds city council"). */
const PLACE_KIND_AFTER = /^ (?:district|province|county|prefecture|region|municipality|village|township)(?![\p{L}-])(?! (?:council|government|authority|authorities|police|court|hall|officials|administration|assembly|board|hospital|school|attorney|sheriff|commissioners?|executive|jail|health)\b)/u;

/**
 * "Ali***", "Jo**": a name masked with asterisks (a user review's signature) names no one;
 * "64GB", "4K": letters written right after a number are a unit or a format, not a name.
 */
function isMaskedOrUnit(text: string, c: Candidate): boolean {
  return text.charCodeAt(c.end) === 42 /* * */ || (c.start > 0 && /\d/.test(text[c.start - 1]) && /^\p{Lu}{1,4}$/u.test(c.text));
}

/**
 * The site's name after the last bar or dash of a headline ("... Illegal | Al Bawaba", "... -
 * CNNPolitics"): up to four words there name the publisher, an organisation, never a person or a place.
 */
function siteInHeadline(text: string): Span | undefined {
  const lineEnd = text.indexOf('\n');
  const headline = lineEnd < 0 ? text : text.slice(0, lineEnd);
  const m = /\s[|\-–—]\s+((?:\S+\s?){1,4})$/u.exec(headline);
  if (!m || /[|\-–—]\s/u.test(m[1])) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { start, end: start + m[1].trimEnd().length };
}

/** A person's surname: the last word of the name but a suffix ("Harry Connick Jr" → "Connick"). */
export function surnameOf(name: string): string {
  const ws = words(name);
  let last = ws.length - 1;
  while (last > 0 && PERSON_SUFFIXES.has(ws[last].replace(/\.$/, ''))) last--;
  return ws[last];
}

/** The surnames of the people's names of more than one word. */
export function surnamesOf(candidates: Candidate[]): Set<string> {
  return new Set(candidates.filter((c) => c.type === 'person' && c.name.includes(' ')).map((c) => surnameOf(c.name)));
}

/** The first and the last words of the people's names of more than one word (added to `parts`, their surnames, where the caller has them). */
export function givenAndSurnamesOf(candidates: Candidate[], parts: Set<string> = surnamesOf(candidates)): Set<string> {
  for (const c of candidates) if (c.type === 'person' && c.name.includes(' ')) parts.add(c.name.split(/\s+/)[0]);
  return parts;
}

const MODEL_TYPES = { PER: 'person', LOC: 'place', ORG: 'organisation' } as const;
/** Verdicts that rest on weak evidence: the statistical model overrides them (another type for the same name, or a work or event around it). */
export const WEAK_RULES: ReadonlySet<string> = new Set(['org:the-name', 'org:ampersand', 'person:first-name']);

/** Found by the statistical model or a weak rule, or chosen by the arbiter among readings: a type that evidence elsewhere in the article may change. */
export const isStatistical = (c: Candidate): boolean => c.decided !== undefined || c.rule.startsWith('ner:') || WEAK_RULES.has(c.rule);

/** The type each name gets from stronger evidence than the model's or a weak rule's, where it has any. */
export function strongTypes(candidates: readonly Candidate[]): Map<string, EntityType> {
  const strong = new Map<string, EntityType>();
  for (const c of candidates) if (!isStatistical(c)) strong.set(c.name, c.type);
  return strong;
}

/** What the statistical tagger reads in an article: its names, and the spans and marginals they come from. */
interface ModelReading {
  names: ModelCandidate[];
  /** Its spans of each sentence (token ranges within the sentence), MISC (works, events, nationalities) included. */
  spans: NerSpan[][];
  marginals: Array<SentenceMarginals | undefined>;
}

/** Names found by the statistical tagger (pipeline/03-tag/ner-model), over every sentence, headings included. */
function modelCandidates(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>): ModelReading {
  const sentences = tokensBySentence({ tokens, sentenceRanges: sentenceTokenRanges });
  const { words: sentenceWords, glued } = modelInput(sentences);
  const { spans, marginals } = loadNerModel().readDocument(sentenceWords, glued, loadArbiterWeights().temperature);
  const found: ModelCandidate[] = [];
  spans.forEach((sentenceSpans, s) => {
    const words = sentences[s];
    for (const span of sentenceSpans.flatMap((sp) => cutAtSlashes(sp, words))) {
      if (span.type === 'MISC') continue;
      // "fellow Kentuckian Rand Paul": a word for where someone is from is no part of their name.
      let from = span.type === 'PER' && span.end - span.start >= 3 && isDemonym(words[span.start].text) ? span.start + 1 : span.start;
      if (span.type === 'PER') from = postsBeforeName(text, words, from, span.end);
      let end = span.end;
      // "Conservatoire National des": a name goes on after a particle, through the capitalised words and particles that follow.
      if (NAME_PARTICLES.has(words[end - 1].text)) while (end < words.length && (isCapitalised(words[end]) || (NAME_PARTICLES.has(words[end].text) && end + 1 < words.length && isCapitalised(words[end + 1])))) end++;
      // "Lawrence H. Summers": a person's name does not end in a middle initial when a capitalised word follows it.
      if (span.type === 'PER' && end - from >= 2 && end < words.length && /^\p{Lu}\.$/u.test(words[end - 1].text) && isCapitalised(words[end]) && words[end].start === words[end - 1].end + 1 && /^\p{Lu}\p{Ll}/u.test(words[end].text)) end++;
      // A name ends in a capitalised word or a number: not in a particle, a possessive, or a lower-case word ("Yale historian").
      while (end > from && (/^['’]s?$/.test(words[end - 1].text) || NAME_PARTICLES.has(words[end - 1].text) || (end - from > 1 && /^\p{Ll}+$/u.test(words[end - 1].text)))) end--;
      // "a prospective Labour MP": the party, not the post.
      if (span.type === 'ORG' && end - from >= 2 && POST_NOMINALS.has(words[end - 1].text)) end--;
      if (end === from) continue;
      // "Senate Minority" in "Senate Minority Leader Harry Reid": the first words of a post, not a body.
      if (span.type === 'ORG' && opensListedTitle(text, words, from, end)) continue;
      const first = words[from], last = words[end - 1];
      const name = text.slice(first.start, last.end).replace(/['’]s$/, '').replace(/^([^.]+)\.$/, '$1');
      const type = span.type === 'PER' ? personOrPlaceByHeadWord(text.slice(first.start, last.end).split(/\s+/)) : MODEL_TYPES[span.type];
      if (NOT_NAMES.has(name) || namesNoEntity(name) || (type === 'organisation' && NOT_ACRONYMS.has(name))) continue;
      // The model leaves titles out ("Mr Kennedy" → Kennedy); the mention keeps them.
      const titleStart = type === 'person' ? titlesStart(text, words, from, 0, false) : from;
      const start = words[titleStart].start;
      const title = titleStart < from ? text.slice(start, words[from - 1].end) : undefined;
      found.push({ start, end: last.end, text: text.slice(start, last.end), type, name, canonical: type === 'organisation' ? ORGANISATION_ALIAS.get(name) : undefined, title, rule: `ner:${span.type.toLowerCase()}`, sentence: s, nameStart: first.start, ...(end > span.end ? { joined: true } : {}) });
    }
  });
  return { names: found, spans, marginals };
}

/**
 * Where a person's name starts in a span the tagger reads as one, words[from .. end - 1], after
 * a title or the words of a post written before it ("Director Oh Kyeong Taek", "Art Director Park Dong Woo")
 * and a team's or a body's one word before the post ("Browns DL Sheldon Richardson"): two words
 * of name at least are left.
 */
function postsBeforeName(text: string, words: Token[], from: number, end: number): number {
  for (const at of [from, from + 1]) {
    if (at > from && !isCapitalised(words[from])) break;
    const nameStart = titlesEnd(text, words, at, end);
    if (nameStart > at && end - nameStart >= 2) return nameStart;
  }
  return from;
}

/**
 * "University of Texas/Texas Tribune poll", "Reuters/Ipsos", "Gary Cameron/Reuters": names joined by a slash are
 * two names (co-sponsors of a poll, a photographer and an agency); the tagger's span is cut there.
 */
function cutAtSlashes(span: NerSpan, words: Token[]): NerSpan[] {
  const pieces: NerSpan[] = [];
  let from = span.start;
  for (let k = span.start; k < span.end; k++) {
    if (words[k].text !== '/') continue;
    if (k > from) pieces.push({ ...span, start: from, end: k });
    from = k + 1;
  }
  if (from === span.start) return [span];
  if (from < span.end) pieces.push({ ...span, start: from, end: span.end });
  return pieces;
}

/** Whether words[from .. end - 1] and one to three words after them make a listed post ("Senate Minority" + "Leader"). */
function opensListedTitle(text: string, words: Token[], from: number, end: number): boolean {
  for (let k = end + 1; k <= Math.min(end + 3, words.length); k++) if (isTitle(text, words, from, k, false)) return true;
  return false;
}

/**
 * A name from the model, the sentence it stands in, where the name starts after the title written before it,
 * and whether it was carried on through a particle beyond the model's own span ("Conservatoire National des ...").
 */
type ModelCandidate = Candidate & { sentence: number; nameStart: number; joined?: boolean };
/** A candidate as the arbiter sees it. */
export type ArbiterProposal = Candidate & Proposal;

/** Rules whose names are no choice between readings of a run of capitals ("the Italian government"): they stand as found. */
const OUTSIDE_ARBITER = new Set(['org:national-body']);

/** A score or a bowler's figures as one token: "2-1", "92-81", "4-38"; not a date written "08-30". */
const SCORE = /^(?:0|[1-9]\d{0,2})-\d{1,3}$/;
/** Words after a count of votes, not a score: "a 5-4 ruling", "the 2-1 decision". */
const VOTE_WORDS = new Set(['decision', 'ruling', 'vote', 'votes', 'verdict', 'majority', 'margin', 'split', 'opinion']);

/**
 * Whether tokens[i] is a score of a game: written like one, and neither a range of days ("July 25-28", "Jan.
 * 17-23"), a ratio ("more than 2-1") nor a count of votes ("a 5-4 ruling").
 */
function isScore(tokens: Token[], i: number): boolean {
  if (!SCORE.test(tokens[i].text)) return false;
  let before = i - 1, after = i + 1;
  while (before >= 0 && !tokens[before].text.trim()) before--;
  while (after < tokens.length && !tokens[after].text.trim()) after++;
  if (before >= 0 && tokens[before].text === '.') before--;
  const prev = before >= 0 ? tokens[before].text.replace(/\.$/, '') : '';
  return !CALENDAR_WORDS.has(prev) && prev !== 'than' && !(after < tokens.length && VOTE_WORDS.has(tokens[after].text.toLowerCase()));
}

/** Words only reports of games use ("innings", "halftime", "striker"): two of them make a report of games without a score in figures. */
const GAME_WORDS = new Set([
  'innings', 'inning', 'wicket', 'wickets', 'batsman', 'batsmen', 'bowler', 'bowled', 'halftime', 'half-time', 'goal', 'goals',
  'goalkeeper', 'striker', 'midfielder', 'defender', 'equaliser', 'equalizer', 'pitcher', 'homer', 'touchdown', 'touchdowns',
  'quarterback', 'fixture', 'fixtures', 'semi-final', 'semifinal', 'quarter-final', 'quarterfinal',
]);

/**
 * Whether an article reports games (it gives a score, or uses two of the words of such reports): there a town's or a
 * county's name is often its club's.
 */
export function reportsGames(tokens: Token[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (isScore(tokens, i)) return true;
    const word = tokens[i].text.toLowerCase();
    if (GAME_WORDS.has(word) && seen.add(word).size >= 2) return true;
  }
  return false;
}

/** What the lexicons say of a name, as the arbiter's features. */
function lexicalFeatures(name: string): string[] {
  const ws = words(name);
  const f: string[] = [];
  if (ORGANISATION_ALIAS.has(name)) f.push(AMBIGUOUS_ORGANISATION_NAMES.has(name) ? 'gaz:org-ambiguous' : 'gaz:org');
  if (PLACE_NAMES.has(name)) f.push(AMBIGUOUS_PLACE_NAMES.has(name) ? 'gaz:place-ambiguous' : 'gaz:place');
  if (COUNTRIES_AND_REGIONS.has(name)) f.push('gaz:country');
  if (isGivenName(ws[0])) f.push(ws.length > 1 ? 'given-name' : 'given-name-alone');
  if (ws.length > 1 && ws.slice(1).some(isHeadWord)) f.push(ws.slice(1).some((w) => INSTITUTION_HEAD_WORDS.has(w)) ? 'institution-head-word' : 'head-word');
  if (isPlaceByHeadWord(ws)) f.push('place-head-word');
  if (ws.length === 1 && isAcronym(name)) f.push('acronym');
  if (isCommonWord(ws[ws.length - 1])) f.push('common-word-last');
  if (ws.some((w) => PERSON_SUFFIXES.has(w.replace(/\.$/, '')))) f.push('person-suffix');
  // "Yale historian": a lower-case word that joins no name.
  if (ws.some((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w))) f.push('lower-case-word');
  return f;
}

/**
 * What the words around a name, tokens[from .. to], say of it, as the arbiter's features: a
 * preposition of place before it ("around Buffalo", "at Headingley"), a place named just before
 * it with a comma ("Ashfield, Nottinghamshire"), a possessive after it ("Somerset's").
 */
function contextFeatures(tokens: Token[], [first, past]: [number, number], from: number, to: number): string[] {
  const f: string[] = [];
  const before = from > first ? tokens[from - 1] : undefined;
  if (before && PLACE_PREPOSITIONS.has(before.text)) f.push('after-place-preposition');
  if (before?.text === ',' && from - 2 >= first && PLACE_NAMES.has(tokens[from - 2].text)) f.push('after-place-comma');
  if (to + 1 < past && /^['’]s?$/.test(tokens[to + 1].text)) f.push('before-possessive');
  return f;
}

/**
 * The names of running prose: the rules' names and the model's, each span once. Where they
 * agree, or only a rule reads a name, the rule's name stands; of the options where their
 * readings differ (arbiter.ts), the kinds the arbiter's weights judge are scored, the others
 * settled as the rules settle them (settle). Where the rules and the tagger cut the words
 * differently, a strong rule's name stands if the tagger cut it at a connector, or if the
 * arbiter takes none of the readings.
 */
function arbitrate(tokens: Token[], sentenceTokenRanges: Array<[number, number]>, ruled: Candidate[], model: ModelReading, inProse: (c: ModelCandidate) => boolean, observe?: (options: Option<ArbiterProposal>[]) => void): Candidate[] {
  const weights = loadArbiterWeights();
  // The rules the weights have learned about, and the weak ones, whose names the tagger may undo.
  const judged = (c: Candidate) => (weights.judged.has(c.rule) || WEAK_RULES.has(c.rule)) && !OUTSIDE_ARBITER.has(c.rule);
  const out: Candidate[] = ruled.filter((c) => !judged(c));
  const proposals: ArbiterProposal[] = ruled.filter(judged).map((c) => ({ ...c, nameStart: c.text.endsWith(c.name) ? c.end - c.name.length : c.start }));
  const fromModel: ArbiterProposal[] = model.names.filter(inProse).map(({ sentence, joined, ...c }) => c);
  // A name carried on through a particle is the grammar's reading, not the tagger's: it stands.
  for (const name of model.names) {
    if (!name.joined || !inProse(name)) continue;
    const { sentence, joined, nameStart, ...c } = name;
    if (!out.some((o) => o.start < c.end && c.start < o.end)) out.push(c);
  }
  const sentenceOfToken = new Int32Array(tokens.length).fill(-1);
  sentenceTokenRanges.forEach(([from, to], s) => sentenceOfToken.fill(s, from, to));
  const seen = new Map<string, number>();
  for (const c of model.names) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  const modelCount = (name: string) => seen.get(name) ?? 0;
  const around = (from: number, to: number) => contextFeatures(tokens, sentenceTokenRanges[sentenceOfToken[from]], from, to);
  const options = optionsOf(proposals, fromModel, { tokens, sentenceOfToken, sentenceRanges: sentenceTokenRanges, marginals: model.marginals, modelSpans: model.spans, lexical: lexicalFeatures, around, weakRules: WEAK_RULES, modelCount, reportsGames: reportsGames(tokens), scored: (kind) => observe !== undefined || weights.kinds.has(kind) });
  observe?.(options);
  // Names stand by the words of the name, a title written before it left out: a title gives way to a name found in
  // it ("US Treasury" in "US Treasury Secretary John Snow"), below.
  const nameSpan = (c: Candidate) => ({ start: c.title && c.text.endsWith(c.name) ? c.end - c.name.length : c.start, end: c.end });
  const standing = new SpanIndex(out.map(nameSpan));
  const add = (c: Candidate) => {
    const span = nameSpan(c);
    if (standing.overlapping(span.start, span.end).length) return;
    out.push(c);
    standing.add(span);
  };
  // "Blackburn with Darwen Council", "Conservatoire National des Arts et Métiers": where the grammar of names joined
  // words through a connector into one name and the tagger cuts it at that connector, the grammar's name stands.
  /** The name a strong rule cut where the rules and the tagger cut the words differently. */
  const strongRuleOf = (o: Option<ArbiterProposal>): Candidate | undefined => {
    const r = o.kind === 'span' || o.kind === 'type' ? o.rules.find((r) => !WEAK_RULES.has(r.rule)) : undefined;
    if (!r) return undefined;
    const { nameStart, ...c } = r;
    return c;
  };
  options.forEach((o, i) => {
    const strong = strongRuleOf(o);
    if (!strong) return;
    // The options inside o: sorted by start, then end, they lie just before it (same start) or after it.
    let cut = false;
    for (let j = i - 1; j >= 0 && options[j].start === o.start && !cut; j--) cut = !options[j].rules.length && cutAtConnector(tokens, o, options[j]);
    for (let j = i + 1; j < options.length && options[j].start < o.end && !cut; j++) cut = !options[j].rules.length && options[j].end <= o.end && cutAtConnector(tokens, o, options[j]);
    if (cut) add(strong);
  });
  const settled = settle(options.filter((o) => !weights.kinds.has(o.kind)), modelCount);
  for (const c of settled) add(c);
  // Where the arbiter takes the tagger's shorter reading of a rule's name and gives it the rule's type ("Bush" in
  // "George W Bush", "BBC Radio" in "BBC Radio 4"), they differ only in where the name ends: the rule's cut stands.
  const ruleNamesCutOtherwise = options.filter((o) => o.kind === 'span').flatMap((o) => o.rules);
  for (const d of decide(options.filter((o) => weights.kinds.has(o.kind)), weights)) {
    const { option, label } = d;
    const around = option.rules.length ? undefined : ruleNamesCutOtherwise.find((r) => r.nameStart <= option.start && option.end <= r.end && r.type === label);
    if (around) {
      const { nameStart, ...c } = around;
      add(c);
      continue;
    }
    const pick = option.rules.find((r) => r.type === label) ?? (option.model?.type === label ? option.model : undefined) ?? option.rules[0] ?? option.model!;
    const { nameStart, ...c } = pick;
    // A name only the tagger reads that the lexicon knows as a body ("White House Chief of Staff") is the body.
    const known = !option.rules.length && label !== 'organisation' ? gazetteerSupport(c.name, false) : undefined;
    if (known?.type === 'organisation') {
      add({ ...c, type: 'organisation', canonical: known.canonical, decided: { margin: d.margin } });
      continue;
    }
    add({ ...c, ...(c.type === label ? {} : { type: label, canonical: label === 'organisation' ? c.canonical : undefined }), decided: { margin: d.margin } });
  }
  // The arbiter chooses among readings of the same words; where it takes none of them, a name a strong rule
  // cut stands ("National Association of Black Journalists and National Association of Hispanic Journalists").
  for (const o of options) {
    const strong = strongRuleOf(o);
    if (strong) add(strong);
  }
  return out.map((c) => {
    const { start } = nameSpan(c);
    if (start === c.start || !standing.overlapping(c.start, start).length) return c;
    const { title, ...name } = c;
    return { ...name, start, text: c.text.slice(start - c.start) };
  });
}

/** Whether the reading `inner` of some of the words of `outer` starts or ends at a connector of `outer` ("with" in "Blackburn with Darwen Council"). */
function cutAtConnector(tokens: Token[], outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  const isConnector = (t: Token | undefined) => t !== undefined && outer.start <= t.start && t.end <= outer.end && t.text !== 'the' && CONNECTORS.has(t.text);
  const first = tokenStartingAt(tokens, inner.start);
  if (first < 0) return false;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= inner.end) last++;
  return (inner.start > outer.start && isConnector(tokens[first - 1])) || (inner.end < outer.end && isConnector(tokens[last + 1]));
}

/** How sure the tagger must be of a lone word it reads once for the word to stand (on CoNLL valid, 81 such words of 88 are right, people included). */
const SURE_OF_LONE_WORD = 0.7;

/**
 * The options the arbiter does not judge, settled as the rules settle them: a rule's name
 * stands, and where the tagger cuts the words otherwise its name goes; where it reads the
 * rule's span as another type, its type wins over a weak rule's; a weak rule's name inside
 * what the tagger reads as a work or an event goes ("The Aviator"). A name only the tagger
 * reads stands, but a lone word (not in capitals, no title) only if it is the given name or
 * surname of a person named in full ("Steven" after "Steven Gerrard"), the tagger is sure of
 * it as a place or a body, a gazetteer gives it the tagger's type, or the article uses it more
 * than once; in the last two cases the tagger's type for it is a guess, and in news such words
 * are mostly companies and bodies, unless the tagger and the gazetteer agree on a place.
 */
function settle(options: Option<ArbiterProposal>[], modelCount: (name: string) => number): Candidate[] {
  const out: Candidate[] = [];
  const lone: Array<{ m: ArbiterProposal; sure: boolean; runsOnFrom: boolean }> = [];
  const strip = ({ nameStart, ...c }: ArbiterProposal): Candidate => c;
  for (const o of options) {
    const weak = o.rules.length > 0 && o.rules.every((r) => WEAK_RULES.has(r.rule));
    if (o.kind === 'misc') continue;
    if (o.rules.length) out.push(strip(o.model && weak && o.model.type !== o.rules[0].type ? o.model : o.rules[0]));
    else if (o.kind === 'alone' || o.kind === 'once') {
      const m = o.model!;
      if (m.name.includes(' ') || m.title || /^\p{Lu}[\p{Lu}.'’-]+$/u.test(m.name)) out.push(strip(m));
      else lone.push({ m, sure: (o.sure ?? 0) >= SURE_OF_LONE_WORD, runsOnFrom: o.runsOn === 'from' });
    }
  }
  const strong = strongTypes(out);
  const nameParts = givenAndSurnamesOf(out.filter((c) => c.type === 'person' && (strong.get(c.name) ?? 'person') === 'person'));
  for (const { m, sure, runsOnFrom } of lone) {
    const c = strip(m);
    if (!(c.type === 'person' && nameParts.has(c.name))) {
      // Once in the article, a lone word stands where the tagger is sure of it as a place or a body ("east of Tavildara",
      // "telecoms operator Unicom"; a lone given name or surname is a person's only with the name in full, above), or
      // where a gazetteer gives it the tagger's type ("Nevada Democrat Lucy Flores"); not where it runs on from other
      // capitalised words ("Union" in "State of the Union", "Economist" in "Group Economist").
      if (sure) {
        out.push(c);
        continue;
      }
      if (modelCount(c.name) < 2 && (runsOnFrom || gazetteerSupport(c.name, false)?.type !== c.type)) continue;
      if (c.type !== 'organisation' && !(c.type === 'place' && PLACE_NAMES.has(c.name))) c.type = 'organisation';
    }
    out.push(c);
  }
  return out;
}

/**
 * A sentence as evidence of names: running prose; a heading (a headline, a dateline, a line
 * of a table) in prose case, whose capitals are names but which gives little context; a
 * line in Title Case or in capitals, whose capitals say nothing.
 */
type LineKind = 'prose' | 'heading' | LineCase;

/** What makes a name in a line without evidence from capitals one: its type, and a lexicon's canonical name. */
interface Support {
  type: EntityType;
  canonical?: string;
}

const RULE_PREFIX: Record<EntityType, string> = { organisation: 'org', place: 'place', person: 'person' };

/** The dashes that end a dateline's place ("MADRID —"). */
const DATELINE_DASHES = new Set(['—', '–', '-', '--']);

/** "NEW YORK" → "New York"; with short words kept in capitals too ("BBC NEWS" → "BBC News"). */
function casings(name: string): string[] {
  const title = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
  const ws = words(name);
  return [ws.map(title).join(' '), ws.map((w) => (w.length <= 4 ? w : title(w))).join(' ')];
}

/**
 * A name in a gazetteer; unless `ambiguousToo`, not one that is also a common word, a
 * person or a like body elsewhere ("Reading", "Ford").
 */
function gazetteerSupport(name: string, ambiguousToo: boolean): Support | undefined {
  const canonical = ORGANISATION_ALIAS.get(name);
  if (canonical && (ambiguousToo || !AMBIGUOUS_ORGANISATION_NAMES.has(name))) return { type: 'organisation', canonical };
  if (PLACE_NAMES.has(name) && (ambiguousToo || !AMBIGUOUS_PLACE_NAMES.has(name))) return { type: 'place' };
  return undefined;
}

/** "K", "J.", "G.K.": initials, no name by themselves. */
const isInitial = (word: string) => /^(?:\p{Lu}\.?)+$/u.test(word) && word.replace(/\./g, '').length <= 2;

/** A person's name by its shape: a given name or an initial, then one or two words that are no common word, head word or month. */
function personShaped(name: string): boolean {
  const ws = words(name);
  return ws.length >= 2 && ws.length <= 3 && (isGivenName(ws[0]) || isInitial(ws[0])) && ws.slice(1).every((w) => /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(w) && !isCommonWord(w) && !NOT_NAMES.has(w) && !ORGANISATION_HEAD_WORDS.has(w));
}

/** A line with a lower-case word of three letters or more: a headline that reads as a sentence, not a line of a table. */
const hasLowerCaseWord = (tokens: Token[], from: number, to: number) => tokens.slice(from, to).some((t) => /^\p{Ll}{3}/u.test(t.text));

/**
 * Names outside running prose. In a heading in prose case the model's names stand, but a
 * lone word in a headline that reads as a sentence ("Lifestyle 'governs mobile choice'")
 * only where the article or a gazetteer supports it. In a line in Title Case or in
 * capitals, a name is one the article's running text names (with the type found there; a
 * person's surname or given name too), a gazetteer's, an acronym, or a name the model reads
 * that has a person's shape ("Will Dunham"); other capitalised words there ("Prices Set To
 * Rise", "Daring Escape") are no names.
 */
function namesOutsideProse(text: string, tokens: Token[], sentenceTokenRanges: Array<[number, number]>, lines: LineKind[], prose: Candidate[], model: ModelCandidate[]): Candidate[] {
  const known = new Map<string, Support>();
  const learn = (name: string, support: Support) => {
    const key = name.toUpperCase();
    if (!known.has(key)) known.set(key, support);
  };
  for (const c of prose) if (!isStatistical(c)) learn(c.name, { type: c.type, canonical: c.canonical });
  // The names whose type in the running text rests on more than the tagger's (or a weak rule's) reading there.
  const typedByRules = new Set(known.keys());
  for (const c of prose) learn(c.name, { type: c.type, canonical: c.canonical });
  for (const part of givenAndSurnamesOf(prose.filter((c) => c.type === 'person'))) if (!isInitial(part)) learn(part, { type: 'person' });

  const out: Candidate[] = [];
  for (let s = 0; s < sentenceTokenRanges.length; s++) {
    const kind = lines[s];
    if (kind === 'prose') continue;
    const [from, to] = sentenceTokenRanges[s];
    const inLine = model.filter((c) => c.sentence === s).map(({ sentence, nameStart, ...c }) => c);
    if (kind === 'heading') {
      const sentenceLike = hasLowerCaseWord(tokens, from, to);
      for (const c of inLine) {
        const lone = !c.name.includes(' ') && !c.title && !/^\p{Lu}[\p{Lu}.'’-]+$/u.test(c.name);
        if (!lone || !sentenceLike || known.has(c.name.toUpperCase()) || ORGANISATION_ALIAS.has(c.name) || PLACE_NAMES.has(c.name)) out.push(c);
      }
      continue;
    }
    const capitals = kind === 'capitals';
    const supportFor = (name: string, readByModel: boolean): Support | undefined => {
      const fromText = known.get(name.toUpperCase());
      if (fromText) return fromText;
      for (const form of capitals ? casings(name) : [name]) {
        const found = gazetteerSupport(form, readByModel);
        if (found) return found;
      }
      if (!capitals && isAcronym(name) && !/\p{Lu}s$/u.test(name)) return { type: 'organisation' };
      return undefined;
    };
    const taken: Candidate[] = [];
    const free = (start: number, end: number) => !taken.some((t) => t.start < end && t.end > start);
    // The model's names there, with the type the rules give them in the running text, else the model's: where the
    // running text's type is itself only the tagger's reading, its reading of this line is as good ("NEW YORK" on a
    // dateline of an article whose text names the team "New York").
    for (const c of inLine) {
      const key = c.name.toUpperCase(), fromText = known.get(key);
      if (fromText && (typedByRules.has(key) || fromText.type === c.type)) taken.push({ ...c, type: fromText.type, canonical: fromText.canonical });
      else if (fromText) taken.push(c);
      else if (supportFor(c.name, true) || (c.type === 'person' && personShaped(capitals ? casings(c.name)[0] : c.name))) taken.push(c);
    }
    // Known names the model did not read there, longest first.
    for (let i = from; i < to; ) {
      let matched = 0;
      if (/^\p{Lu}/u.test(tokens[i].text) && !NOT_NAMES.has(tokens[i].text)) {
        for (let n = Math.min(MAX_NAME_TOKENS, to - i); n >= 1 && !matched; n--) {
          const start = tokens[i].start, end = tokens[i + n - 1].end;
          if (!/^\p{Lu}/u.test(tokens[i + n - 1].text) || !free(start, end)) continue;
          const name = text.slice(start, end);
          // A person's shape inside a name the model reads there ("Acme Names Will Dunham").
          const support = supportFor(name, false) ?? (inLine.some((c) => c.start <= start && end <= c.end) && personShaped(capitals ? casings(name)[0] : name) ? { type: 'person' as const } : undefined);
          if (!support) continue;
          taken.push({ start, end, text: name, type: support.type, name, canonical: support.canonical, rule: `${RULE_PREFIX[support.type]}:known-name` });
          matched = n;
        }
      }
      i += matched || 1;
    }
    out.push(...taken);
  }
  return out;
}

/** The most tokens a name looked up in a line in Title Case or capitals may span. */
const MAX_NAME_TOKENS = 6;
