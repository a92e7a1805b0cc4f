// Noun phrases around a reporting verb, found from wink's parts of speech:
// the subject before it ("the Liberal Democrat leader said", "Cllr Michael
// Lee, leader of the council, said") and the speaker after it ("said Mr Smith").

import type { Doc } from '../../src/model.ts';
import type { Token } from '../03-tag/tokens.ts';
import { firstEndingAt, firstStartingIn, lastWithin, lookupOf } from './lookup.ts';
import { firstIndexNotBefore } from '../../src/sorted.ts';

export interface PhraseSpan {
  start: number;
  end: number;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'PART', 'X']);
const NP_START_POS = new Set(['DET', 'PRON']);
const SKIPPABLE_BEFORE_VERB = /^(also|later|previously|recently|repeatedly|still|now|then|further|yesterday|today|earlier|has|have|had|was|is|were|separately|however|had|last|this|week|month|year|night|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const MAX_NP_TOKENS = 10;
/** What a speaker uses or takes to say something: "used a speech to say", "took the opportunity to warn". */
const OCCASIONS = /^(speech|statement|interview|address|opportunity|chance|article|column|blog|letter|message)$/i;
/** "is alleged to have", "was understood to": between a subject and the verb of what it is reported to have said. */
const REPORTED_TO = /\b(?:is|was|are|were)\s+(?:alleged|said|reported|understood|believed|thought)\s+to\s+(?:have\s+)?$/i;
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|this|earlier|later|on|in|at|after|before|during|recently|previously)$/i;

const isNounPhraseWord = (t: Token) => (NP_POS.has(t.pos) && (t.type === 'word' || t.type === 'number')) || /^['’]s$/.test(t.text);

/** "those questioned", "people surveyed": a participle after the group it describes. */
const isSurveyedGroup = (tokens: Token[], i: number) => tokens[i].pos === 'VERB' && /ed$/.test(tokens[i].text) && /^(those|people|adults|firms|companies|respondents)$/i.test(tokens[i - 1]?.text ?? '');

/** A "%" after its number, or a hyphen inside a word ("34%", "64-year-old"): part of the phrase around it. */
const isGluedInside = (tokens: Token[], i: number) =>
  i > 0 && tokens[i - 1].end === tokens[i].start && (tokens[i].text === '%' || (tokens[i].text === '-' && tokens[i + 1]?.start === tokens[i].end));

/** Index of the first token at or after character `offset`. */
export function tokenAt(tokens: Token[], offset: number): number {
  return firstIndexNotBefore(tokens.length, (i) => tokens[i].end <= offset);
}

/** The mention that ends exactly at the end of token k (or before its "'s"), if any: the first such in the document. */
function mentionEndingAt(doc: Doc, end: number) {
  const lookup = lookupOf(doc);
  const first = Math.min(lookup.endingAt(end)[0] ?? Infinity, lookup.endingAt(end - 2)[0] ?? Infinity);
  return first === Infinity ? undefined : lookup.mentions[first];
}

/**
 * The subject phrase ending just before token `verb`, within tokens[floor, verb).
 * Walks back over noun-phrase words and stops after a determiner or pronoun, so
 * "In his New Year message the Liberal Democrat leader said" gives "the Liberal
 * Democrat leader". An apposition between commas is stepped over to the name.
 */
export function subjectBefore(doc: Doc, tokens: Token[], verb: number, floor: number): PhraseSpan | null {
  let j = verb - 1;
  // "Mr Houston is alleged to have said": the subject stands before "is alleged to".
  const reported = REPORTED_TO.exec(doc.text.slice(tokens[Math.max(floor, verb - 6)].start, tokens[verb].start));
  if (reported) j = tokenAt(tokens, tokens[verb].start - reported[0].length) - 1;
  // "Cruz has long said", "has repeatedly denied": adverbs and auxiliaries stand between subject and verb;
  // not "to" ("it was difficult to say that ...": no one says it).
  while (j >= floor && tokens[j].pos !== 'PROPN' && !/^to$/i.test(tokens[j].text) && (SKIPPABLE_BEFORE_VERB.test(tokens[j].text) || tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX' || tokens[j].pos === 'PART')) j--;
  if (j < floor) return null;
  // "... and said", "... to say": the verb's subject is further back; not a phrase here.
  // "Mr Kennedy used a speech to say ...", "took the opportunity to say": the subject of the verb before the occasion.
  if (/^to$/i.test(tokens[j].text) && j - 1 > floor && OCCASIONS.test(tokens[j - 1].text)) {
    let k = j - 2;
    while (k > floor && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PRON')) k--;
    if (tokens[k].pos === 'VERB' && /^(used|uses|use|took|takes|seized|gave|gives)$/i.test(tokens[k].text)) return subjectBefore(doc, tokens, k, floor);
  }
  if (/^(and|but|or|to)$/i.test(tokens[j].text)) return null;
  // "The Japanese Rugby Football Union (JRFU) says": step back over the bracket.
  if (tokens[j].text === ')') {
    let k = j - 1;
    while (k > floor && tokens[k].text !== '(' && j - k < 12) k--;
    if (tokens[k]?.text === '(') return subjectBefore(doc, tokens, k, floor);
    return null;
  }
  if (tokens[j].text === ',') {
    // "X, leader of the council, said": find the comma that opens the apposition.
    let k = j - 1;
    while (k > floor && tokens[k].text !== ',' && j - k < 16) k--;
    if (k >= floor && tokens[k].text === ',') {
      // "The chief executive, Tom Moore, insisted": the name between the commas speaks.
      const between = firstEndingAt(doc, tokens[j - 1].end, (m) => m.type === 'person' && m.start === tokens[k + 1].start);
      if (between) return { start: between.start, end: between.end };
      // The apposition is a description ("leader of the council"), or an organisation's post ("BT's chief executive").
      if (k > floor && (/^[a-z]/.test(tokens[k + 1].text) || /^['’]s?$/.test(tokens[k + 2]?.text ?? ''))) {
        const name = subjectBefore(doc, tokens, k, floor);
        if (name) return name;
      }
    }
    return null;
  }
  // "Deutsche Bank - itself a target of a lawsuit - said": the name before the opening dash speaks.
  if (/^[-–—]$/.test(tokens[j].text) && tokens[j].start > tokens[j - 1]?.end) {
    let k = j - 1;
    while (k > floor && !(/^[-–—]$/.test(tokens[k].text) && tokens[k].start > tokens[k - 1].end) && j - k < 16) k--;
    return k > floor && /^[-–—]$/.test(tokens[k].text) ? subjectBefore(doc, tokens, k, floor) : null;
  }
  if (/^["“”'‘’]$/.test(tokens[j].text)) return null;
  const end = tokens[j].end;
  const mention = mentionEndingAt(doc, end);
  let start = tokens[j].start;
  let i = j;
  while (i >= floor && j - i < MAX_NP_TOKENS) {
    const t = tokens[i];
    if (mention && t.start >= mention.start) {
      start = t.start;
      i--;
      continue;
    }
    if (NP_START_POS.has(t.pos) || /^(he|she|they|it|we|i)$/i.test(t.text)) {
      start = t.start;
      // "a spokesman for the council", "the leader of the party": the phrase goes on before "of the".
      const prep = tokens[i - 1], head = tokens[i - 2];
      if (t.pos === 'DET' && i - 2 >= floor && prep.pos === 'ADP' && /^(of|for|at|from)$/.test(prep.text) && head.pos === 'NOUN') {
        i -= 2;
        start = head.start;
        continue;
      }
      break;
    }
    if (isNounPhraseWord(t) || isGluedInside(tokens, i) || isSurveyedGroup(tokens, i) || (t.pos === 'ADP' && /^(of|for|at|from)$/.test(t.text) && i < j) || (t.text === 'in' && i < j && tokens[i + 1].pos === 'PROPN' && tokens[i - 1]?.pos === 'PROPN')) {
      start = t.start;
      i--;
      continue;
    }
    break;
  }
  // A phrase cannot start with a dangling preposition, nor with the relative pronoun of a clause ("which the council claimed").
  let span = doc.text.slice(start, end);
  const lead = /^(?:(?:of|for|at|from)\s+)+|^(?:which|that|who)\s+(?=\S)/i.exec(span);
  if (lead) {
    start += lead[0].length;
    span = span.slice(lead[0].length);
  }
  // "Fred Hasson, head of Tiga said": a post after a name and a comma describes that name.
  const beforePhrase = tokenAt(tokens, start) - 1;
  if (beforePhrase > floor && tokens[beforePhrase].text === ',' && /^[a-z]/.test(span)) {
    const named = firstEndingAt(doc, tokens[beforePhrase - 1].end, (m) => m.type === 'person');
    if (named) return { start: named.start, end: named.end };
  }
  // "X, who said ...", "WebSideStory which suggested": the relative pronoun stands for the name before it.
  if (/^(who|which|that)$/i.test(span.trim())) {
    const wanted = span.trim().toLowerCase() === 'who' ? 'person' : 'organisation';
    const named = lastWithin(doc, tokens[floor].start, start, (m) => m.type === wanted);
    if (named) return { start: named.start, end: named.end };
    if (i - 1 > floor && tokens[i - 1]?.text === ',') return subjectBefore(doc, tokens, i - 1, floor);
    return null;
  }
  return span.trim() ? { start, end } : null;
}

/** The speaker phrase right after token `at` ("said Charles Kennedy", "said a spokesman for the firm", "said JRFU secretary Koji Tokumasu"). */
export function phraseAfter(doc: Doc, tokens: Token[], at: number, ceiling: number): PhraseSpan | null {
  let k = at;
  const mention = tokens[k] ? firstStartingIn(doc, tokens[k].start, tokens[k].start, (m) => m.start === tokens[k].start) : undefined;
  if (mention) {
    // An organisation and a post before a name: the phrase runs on to the person.
    const person = mention.type === 'organisation' ? firstStartingIn(doc, mention.end + 1, mention.end + 40, (m) => m.type === 'person' && m.start > mention.end && m.start - mention.end < 40 && !/[,.;:]/.test(doc.text.slice(mention.end, m.start))) : undefined;
    return person ? { start: mention.start, end: person.end } : { start: mention.start, end: mention.end };
  }
  // "said Tuesday", "told me": a time or an object after the verb is not who spoke.
  if (tokens[k] && (TIME_WORD.test(tokens[k].text) || /^(me|us|him|her|them|it|reporters|journalists)$/i.test(tokens[k].text))) return null;
  const first = k;
  while (k < ceiling && k - first < MAX_NP_TOKENS) {
    const t = tokens[k];
    if (NP_START_POS.has(t.pos) && k === first) k++;
    else if (isNounPhraseWord(t) || (t.pos === 'ADP' && /^(of|for|at|from)$/.test(t.text) && k > first)) k++;
    else break;
  }
  while (k > first && tokens[k - 1].pos === 'ADP') k--;
  if (k === first) return null;
  return { start: tokens[first].start, end: tokens[k - 1].end };
}
