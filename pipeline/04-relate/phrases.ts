// Noun phrases around a reporting verb: the subject before it ("the Liberal
// Democrat leader said", "Cllr Michael Lee, leader of the council, said") and the
// speaker after it ("said Mr Smith"). The phrases themselves come from the one
// noun-phrase chunker (noun-phrases.ts); this file knows what stands
// between a phrase and its verb (adverbs, appositions, brackets, relative pronouns).

import type { Doc } from '../../src/model.ts';
import { TOKENS } from '../03-tag/index.ts';
import { NounPhraseChunker, type NounPhrase } from './noun-phrases.ts';
import type { Token } from '../03-tag/tokens.ts';
import { isListedPost } from './posts.ts';
import { DOCUMENT_WORDS } from './heads.ts';
import { FINDING_SOURCES } from './cues.ts';
import { firstEndingAt, lastWithin } from './lookup.ts';
import { firstIndexNotBefore } from '../../src/sorted.ts';

export interface PhraseSpan {
  start: number;
  end: number;
  /** The noun phrase, when the span is one: its head says who or what the phrase is. */
  np?: NounPhrase;
}

/** The days of the week, for the time words written around a cue. */
export const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const SKIPPABLE_BEFORE_VERB = new RegExp(`^(himself|herself|themselves|itself|also|later|previously|recently|repeatedly|still|now|then|further|yesterday|today|earlier|has|have|had|was|is|were|separately|however|last|this|week|month|year|night|on|${WEEKDAYS})$`, 'i');
/** What a speaker uses or takes to say something: "used a speech to say", "took the opportunity to warn". */
const OCCASIONS = /^(speech|statement|interview|address|opportunity|chance|article|column|blog|letter|message)$/i;
/** "is alleged to have", "was understood to": between a subject and the verb of what it is reported to have said. */
const REPORTED_TO = /\b(?:is|was|are|were)\s+(?:alleged|said|reported|understood|believed|thought)\s+to\s+(?:have\s+)?$/i;
export const WEEKDAY = new RegExp(`^(${WEEKDAYS})$`, 'i');
const TIME_WORD = new RegExp(`^(${WEEKDAYS}|yesterday|today|tonight|last|this|earlier|later|on|in|at|after|before|during|recently|previously)$`, 'i');
/** The longest apposition stepped over between a name and its verb: "David Kamin, an outside adviser to the campaign and a professor at ..., said". */
const MAX_APPOSITION_TOKENS = 40;

/** A post is a noun whatever the tagger read it as ("Radio 1 DJ Chris Moyles", "chief"). */

const CHUNKERS = new WeakMap<Doc, NounPhraseChunker>();

/** The document's noun-phrase chunker, over its tokens with its names as single words (built once per document). */
export function chunkerOf(doc: Doc): NounPhraseChunker {
  let chunker = CHUNKERS.get(doc);
  if (!chunker) CHUNKERS.set(doc, (chunker = new NounPhraseChunker(TOKENS.get(doc) ?? [], doc.mentions, isListedPost)));
  return chunker;
}

const spanOf = (np: NounPhrase): PhraseSpan => ({ start: np.start, end: np.end, np });

/** Index of the first token at or after character `offset`. */
export function tokenAt(tokens: Token[], offset: number): number {
  return firstIndexNotBefore(tokens.length, (i) => tokens[i].end <= offset);
}

/**
 * The subject phrase ending just before token `verb`, within tokens[floor, verb): the
 * noun phrase there, so "In his New Year message the Liberal Democrat leader said" gives
 * "the Liberal Democrat leader". An apposition between commas or dashes, or a bracket, is
 * stepped over to the name before it; a relative pronoun stands for the name before it.
 */
export function subjectBefore(doc: Doc, tokens: Token[], verb: number, floor: number, joined = true): PhraseSpan | null {
  let j = verb - 1;
  // "Mr Houston is alleged to have said": the subject stands before "is alleged to".
  const reported = REPORTED_TO.exec(doc.text.slice(tokens[Math.max(floor, verb - 6)].start, tokens[verb].start));
  if (reported) j = tokenAt(tokens, tokens[verb].start - reported[0].length) - 1;
  // "Cruz has long said", "has repeatedly denied": adverbs and auxiliaries stand between subject and verb;
  // not "to" ("it was difficult to say that ...": no one says it).
  // "The Times on Saturday wrote": a day named between them too.
  // "Smith and Jones have both argued", "the ministers all said": a quantifier floated off its subject.
  while (j >= floor && (tokens[j].pos !== 'PROPN' || WEEKDAY.test(tokens[j].text)) && !/^to$/i.test(tokens[j].text) && (SKIPPABLE_BEFORE_VERB.test(tokens[j].text) || tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX' || tokens[j].pos === 'PART' || floatedQuantifier(tokens, j, floor))) j--;
  if (j < floor) return null;
  // "... and said", "... to say": the verb's subject is further back; not a phrase here.
  // "Mr Kennedy used a speech to say ...", "took the opportunity to say": the subject of the verb before the occasion.
  if (/^to$/i.test(tokens[j].text) && j - 1 > floor && OCCASIONS.test(tokens[j - 1].text)) {
    let k = j - 2;
    while (k > floor && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PRON')) k--;
    if (tokens[k].pos === 'VERB' && /^(used|uses|use|took|takes|seized|gave|gives)$/i.test(tokens[k].text)) return subjectBefore(doc, tokens, k, floor);
  }
  if (/^(and|but|or|to)$/i.test(tokens[j].text)) return null;
  // "The Japanese Rugby Football Union (JRFU) says", "Rep. Gwen Moore (D-Wis.) said": step back over the bracket.
  if (tokens[j].text === ')') {
    let k = j - 1;
    while (k > floor && tokens[k].text !== '(' && j - k < 12) k--;
    if (tokens[k]?.text === '(') return subjectBefore(doc, tokens, k, floor);
    return null;
  }
  if (tokens[j].text === ',') return appositionSubject(doc, tokens, j, floor);
  // "Deutsche Bank - itself a target of a lawsuit - said": the name before the opening dash speaks.
  if (/^[-–—]{1,2}$/.test(tokens[j].text) && tokens[j].start > tokens[j - 1]?.end) {
    let k = j - 1;
    while (k > floor && !(/^[-–—]{1,2}$/.test(tokens[k].text) && tokens[k].start > tokens[k - 1].end) && j - k < MAX_APPOSITION_TOKENS) k--;
    return k > floor && /^[-–—]{1,2}$/.test(tokens[k].text) ? subjectBefore(doc, tokens, k, floor) : null;
  }
  // "X, who said ...", "WebSideStory which suggested": the relative pronoun stands for the name before it.
  if (/^(who|which|that)$/i.test(tokens[j].text)) {
    const wanted = tokens[j].text.toLowerCase() === 'who' ? 'person' : 'organisation';
    const named = lastWithin(doc, tokens[floor].start, tokens[j].start, (m) => m.type === wanted);
    // "Patti LaBelle and Stevie Wonder, who joked": the name next to it, not the first of those joined.
    if (named) return subjectBefore(doc, tokens, tokenAt(tokens, named.end), floor, false) ?? { start: named.start, end: named.end };
    if (j - 1 > floor && tokens[j - 1]?.text === ',') return subjectBefore(doc, tokens, j - 1, floor);
    return null;
  }
  const np = chunkerOf(doc).phraseEndingAt(j, floor);
  if (!np) return null;
  const first = joined ? firstConjunct(doc, tokens, np, floor) : null;
  if (first) return first;
  // "Many supporters who came to the city say", "People who know him say": the phrase that ends a relative clause is
  // not the subject; the one the clause is about is.
  // Only right before the verb itself, and not for a name or "he", "she", ... ("a watch Sharon said was one of only 10
  // made", "regulations that would end what she said were ...").
  const subjectLike = !!(np.name || np.properHead) || (np.pronoun && /^(?:i|he|she|we|they)$/i.test(tokens[np.first].text));
  const relative = !subjectLike && /^(?:VERB|AUX)$/.test(tokens[verb].pos) ? relativeOpening(tokens, np.first, floor) : -1;
  if (relative >= 0) return subjectBefore(doc, tokens, relative, floor);
  // "Protesters marching through the streets chanted", "Officials speaking on condition of anonymity said": a
  // phrase inside a participle's modifier; the phrase the participle follows speaks.
  const modified = !np.name && !np.properHead && !np.pronoun ? participleModified(doc, tokens, np.first, floor) : null;
  if (modified) return modified;
  // "Schiff, 56, who has served ...": an age set off after a name.
  if (np.first === np.last && tokens[np.first].pos === 'NUM' && np.first - 1 > floor && tokens[np.first - 1].text === ',') return nameBefore(doc, tokens, np.first - 1, floor) ?? spanOf(np);
  // "Fred Hasson, head of Tiga said": a post after a name and a comma describes that name.
  if (!np.pronoun && np.first - 1 > floor && tokens[np.first - 1].text === ',' && /^[a-z]/.test(tokens[np.first].text)) {
    const named = firstEndingAt(doc, tokens[np.first - 2].end, (m) => m.type === 'person');
    if (named) return nameBefore(doc, tokens, np.first - 1, floor) ?? { start: named.start, end: named.end };
  }
  return spanOf(np);
}

/** "both", "all", "each" after the phrase or auxiliary they are floated off ("have both argued"). */
const floatedQuantifier = (tokens: Token[], j: number, floor: number) => /^(?:both|all|each)$/i.test(tokens[j].text) && j - 1 >= floor && /^(?:NOUN|PROPN|PRON|AUX)$/.test(tokens[j - 1].pos);

/**
 * "Mr. Xi and other leaders have said", "Doyle and others said", "Smith and Senator Jones argued": of a subject that
 * joins a person's or a body's name (or "he", "she") to more, the name first written speaks; only where that name
 * opens its clause, so not "police arrested Smith and officials said".
 */
function firstConjunct(doc: Doc, tokens: Token[], np: NounPhrase, floor: number): PhraseSpan | null {
  const and = np.first - 1;
  if (and - 1 < floor || !/^and$/i.test(tokens[and].text) || np.pronoun) return null;
  // Not words joined inside one description: "the Commonwealth and European silver medallist" (no determiner, one of
  // them), "Bath and England centre Mike Tindall" (a body and a post before a name).
  const described = np.determiner !== undefined || np.possessor !== undefined || /s$/i.test(tokens[np.head].text) || STANDALONE.test(tokens[np.head].text);
  if (!np.name && !described) return null;
  const left = chunkerOf(doc).baseEndingAt(and - 1, floor);
  if (!left || !(left.name?.type === 'person' || left.name?.type === 'organisation' || (left.pronoun && /^(?:he|she)$/i.test(tokens[left.head].text)))) return null;
  if (np.name && left.name?.type === 'organisation' && np.modFirst < np.headFirst) return null;
  // The name opens its clause: first in the sentence, or after a mark, a conjunction or "that"; not a list's last item
  // ("Minister for Children, Young People and Families Margaret Hodge").
  const before = tokens[left.first - 1];
  const listed = before?.text === ',' && /^(?:NOUN|PROPN)$/.test(tokens[left.first - 2]?.pos ?? '') && /^\p{Lu}/u.test(tokens[left.first - 2].text);
  const opens = left.first === floor || (before.type === 'punctuation' && !listed) || /^(?:SCONJ|CCONJ)$/.test(before.pos) || /^that$/i.test(before.text);
  return opens ? spanOf(left) : null;
}

/** Words that stand for a whole phrase after "and": "Doyle and others". */
const STANDALONE = /^(?:others|many|some|several|all)$/i;

/** Words a participle's modifier is made of, between the participle and the phrase before a verb. */
const MODIFIER_POS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART']);
/** Words that open a clause of their own rather than a modifier. */
const CLAUSE_OPENERS = /^(?:as|after|before|while|because|when|since|until|unless|if|though|although|once)$/i;
/** How many tokens back from the phrase before a verb a participle is looked for. */
const MAX_MODIFIER_TOKENS = 8;

/**
 * The noun phrase before a participle whose modifier holds tokens[at]: "Families affected by the closure",
 * "Residents living near the plant". Null unless the tokens between are a prepositional modifier (no verb, no mark).
 */
function participleModified(doc: Doc, tokens: Token[], at: number, floor: number): PhraseSpan | null {
  // "... as analysts warned", "... after the firm said": a conjunction opens the clause whose subject that is.
  if (tokens[at - 1]?.pos !== 'ADP' || CLAUSE_OPENERS.test(tokens[at - 1].text)) return null;
  for (let k = at - 1; k > floor && at - k <= MAX_MODIFIER_TOKENS; k--) {
    const t = tokens[k];
    if (t.pos === 'VERB' && /(?:ing|ed|en|wn)$/i.test(t.text)) {
      const head = tokens[k - 1];
      if (!head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
      const np = chunkerOf(doc).phraseEndingAt(k - 1, floor);
      // "A survey carried out by the magazine found": a document speaks through its author, which the phrase itself says.
      return np && !np.pronoun && !DOCUMENT_WORDS.has(head.text.toLowerCase()) && !FINDING_SOURCES.includes(head.text.toLowerCase().replace(/s$/, '')) ? spanOf(np) : null;
    }
    if (!MODIFIER_POS.has(t.pos)) return null;
  }
  return null;
}

/** How far back from the phrase before a verb a relative pronoun is looked for. */
const MAX_RELATIVE_TOKENS = 12;

/**
 * The relative pronoun ("who", "which", "that" after a noun) of a relative clause that runs up to token `at`, with a
 * verb of its own and no mark in it; -1 when there is none.
 */
function relativeOpening(tokens: Token[], at: number, floor: number): number {
  let verb = false;
  for (let k = at - 1; k > floor && at - k <= MAX_RELATIVE_TOKENS; k--) {
    const t = tokens[k];
    // A mark, or a word that opens a clause of another kind ("what she said", "because voters ..."), ends the search.
    if (t.type === 'punctuation' || t.pos === 'SCONJ' || /^(?:what|whom|whose|where|when|how|why|whether)$/i.test(t.text)) return -1;
    if (/^(?:who|which|that)$/i.test(t.text)) return verb && /^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos) ? k : -1;
    verb ||= t.pos === 'VERB' || t.pos === 'AUX';
  }
  return -1;
}

/**
 * Whether the name at tokens[at] is the object of a preposition ("strategist at Miller Tabak", "run by Michael
 * McDonald"): not "such as X", and not a book's "by X" set off by commas, which names its author.
 */
function inPrepositionalPhrase(tokens: Token[], at: number): boolean {
  const p = tokens[at - 1];
  if (p?.pos !== 'ADP' || /^(?:as|like)$/i.test(p.text)) return false;
  return !/^by$/i.test(p.text) || tokens[at - 2]?.pos === 'VERB';
}

/** The name phrase that ends just before token `at`, if a name ends there. */
function nameBefore(doc: Doc, tokens: Token[], at: number, floor: number): PhraseSpan | null {
  const np = at - 1 >= floor ? chunkerOf(doc).baseEndingAt(at - 1, floor) : null;
  return np && (np.name || np.properHead) ? spanOf(np) : null;
}

/**
 * The subject when a comma stands before the verb: "X, leader of the council, said",
 * "The chief executive, Tom Moore, insisted", "Senator Jane Hill, Democrat of Ohio, said".
 */
function appositionSubject(doc: Doc, tokens: Token[], comma: number, floor: number): PhraseSpan | null {
  // "The prosecution's star witness, former finance chief Scott Sullivan, has said": a person named right before the comma.
  // The comma that opens the apposition, if there is one.
  let k = comma - 1;
  while (k > floor && tokens[k].text !== ',' && comma - k < MAX_APPOSITION_TOKENS) k--;
  const relativeClause = tokens[k]?.text === ',' && /^(which|who|whose)$/i.test(tokens[k + 1]?.text ?? '');
  // Not a person named inside a prepositional phrase of the apposition ("Matt Maley, strategist at Miller Tabak, says",
  // "the project's website, run by Michael McDonald, ..., said").
  const speaking = (named: PhraseSpan | null) => named?.np?.name?.type === 'person' && !inPrepositionalPhrase(tokens, named.np.headFirst);
  const right = relativeClause ? null : nameBefore(doc, tokens, comma, floor);
  if (speaking(right)) return right;
  // "Christopher Harvey, an African-American delegate from Houston, Texas, said": the apposition may hold
  // commas of its own; the nearest person named before one of them is who speaks.
  for (let c = comma - 1; c > floor && comma - c < MAX_APPOSITION_TOKENS; c--) {
    if (tokens[c].text !== ',') continue;
    const named = nameBefore(doc, tokens, c, floor);
    if (speaking(named)) return named;
  }
  if (k < floor || tokens[k].text !== ',') return null;
  // "Fred Hasson, head of Tiga, which represents developers, said": a relative clause belongs to the phrase before it.
  if (/^(which|who|whose)$/i.test(tokens[k + 1].text)) return subjectBefore(doc, tokens, k, floor);
  // "The chief executive, Tom Moore, insisted": the name between the commas speaks.
  const between = firstEndingAt(doc, tokens[comma - 1].end, (m) => m.type === 'person' && m.start === tokens[k + 1].start);
  if (between) return nameBefore(doc, tokens, comma, floor) ?? { start: between.start, end: between.end };
  if (k <= floor) return null;
  // A name before the opening comma, and a description after it, of any length: the name speaks.
  const named = nameBefore(doc, tokens, k, floor);
  if (named && named.np?.name?.type !== 'place' && (named.np?.name || comma - k < 16)) return named;
  // The apposition is a description ("leader of the council"), or an organisation's post ("BT's chief executive").
  if (comma - k < 16 && (/^[a-z]/.test(tokens[k + 1].text) || /^['’]s?$/.test(tokens[k + 2]?.text ?? ''))) return subjectBefore(doc, tokens, k, floor);
  return null;
}

/**
 * Who speaks, named right after a reporting verb: the phrase there, or the person an apposition after a description
 * names ("said another witness in the inquiry, former adviser Fiona Hill").
 */
export function speakerAfter(doc: Doc, tokens: Token[], at: number, ceiling: number): PhraseSpan | null {
  const phrase = phraseAfter(doc, tokens, at, ceiling);
  if (!phrase?.np || phrase.np.name || phrase.np.properHead || phrase.np.pronoun) return phrase;
  const comma = phrase.np.last + 1;
  if (tokens[comma]?.text !== ',' || comma + 1 >= ceiling) return phrase;
  const named = chunkerOf(doc).baseStartingAt(comma + 1, ceiling);
  return named?.name?.type === 'person' ? spanOf(named) : phrase;
}

/** The speaker phrase right after token `at` ("said Charles Kennedy", "said a spokesman for the firm", "said JRFU secretary Koji Tokumasu"). */
export function phraseAfter(doc: Doc, tokens: Token[], at: number, ceiling: number): PhraseSpan | null {
  const t = tokens[at];
  // "said Tuesday", "told me": a time or an object after the verb is not who spoke.
  if (!t || at >= ceiling || TIME_WORD.test(t.text) || /^(me|us|him|her|them|it|reporters|journalists)$/i.test(t.text)) return null;
  const np = chunkerOf(doc).phraseStartingAt(at, ceiling);
  return np ? spanOf(np) : null;
}
