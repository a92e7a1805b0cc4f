// Whether capital letters in a line are evidence of names. In running prose
// they are; in a line written in Title Case ("Council Names New Chief",
// "Prices Set To Rise") or in capitals ("JAPAN GET LUCKY WIN") every word has
// one, so a capitalised word there says nothing about being a name.

import type { Token } from './tokens.ts';
import { VERB_OR_PLURAL_WORDS } from './lexicons/compromise-words.ts';

/** Parts of speech of closed-class words: written in lower case in prose, capitalised in Title Case. */
const CLOSED_CLASS = new Set(['AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'PRON']);
/** Words that Title Case styles leave in lower case ("Gone With the Wind", "Prices Set to Rise"). */
const TITLE_CASE_LOWER = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'v', 'with', 'from', 'into', 'over', 'than', 'out']);

const isWord = (t: Token) => /^\p{L}/u.test(t.text);
/** No lower-case letter: "JAPAN", "US", "A". */
const isUpperWord = (w: string) => w === w.toUpperCase();
/** A word in Title Case: a capital, then lower-case letters ("Names", not "G." or "BBC"). */
const isTitleCaseWord = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w);

export type LineCase = 'prose' | 'title' | 'capitals';

/**
 * How the sentence tokens[from .. to - 1] uses capitals: 'capitals' when most of its
 * words are written in capitals; 'title' when every word but the short function words
 * is capitalised and capitalised words include ones that prose writes in lower case (a
 * function word, or verbs and plural nouns: "To", "Are", "Names"); else 'prose'.
 * A line of names alone ("Kyle Busch", "Bolton v Derby") stays 'prose': its capitals
 * are still names.
 */
export function lineCase(tokens: Token[], from: number, to: number): LineCase {
  let words = 0, upper = 0, upperLong = 0, lowerWords = 0, capitalised = 0, functionWords = 0, ordinary = 0;
  let first = true;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!isWord(t)) continue;
    words++;
    if (isUpperWord(t.text)) {
      upper++;
      if (t.text.length >= 2) upperLong++;
    }
    if (first) {
      first = false;
      continue;
    }
    const code = t.text.charCodeAt(0);
    const lower = code >= 97 && code <= 122;
    if (lower) {
      if (!TITLE_CASE_LOWER.has(t.text)) lowerWords++;
    } else {
      capitalised++;
      if (!isTitleCaseWord(t.text)) continue;
      if (CLOSED_CLASS.has(t.pos)) functionWords++;
      else if (t.pos === 'VERB' || t.pos === 'ADV' || VERB_OR_PLURAL_WORDS.has(t.text.toLowerCase())) ordinary++;
    }
  }
  if (words >= 2 && upper / words >= 0.75 && upperLong >= 2) return 'capitals';
  // A capitalised function word ("To", "Are", "With") marks Title Case; verbs and plural nouns
  // do when they are a good share of the line, as names have some too ("Essex Ladies", "P. Such").
  if (words >= 4 && lowerWords === 0 && (functionWords > 0 || (ordinary >= 2 && ordinary >= 0.3 * capitalised))) return 'title';
  return 'prose';
}
