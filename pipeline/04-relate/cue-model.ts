// What was learned from PolNeAR's training articles by scripts/train-cues.ts (counts in
// cue-model.json): where a reported clause ends, and which nouns never head the phrase of
// who is speaking.

import type { Token } from '../03-tag/tokens.ts';
import counts from './cue-model.json' with { type: 'json' };

/** Where scripts/train-cues.ts writes the counts. */
export const CUE_MODEL_FILE = new URL('./cue-model.json', import.meta.url);

export interface CueModelData {
  about: string;
  /** Boundary feature → [times a reported clause ends there, times it runs on over it]. */
  boundaries: Record<string, [number, number]>;
  /** Noun → [times it heads a source phrase, times it does not]. */
  nouns: Record<string, [number, number]>;
}

/**
 * A clause is cut only where it ends clearly more often than not: a clause cut short loses
 * what was said, one run on keeps it with a little more, so the two mistakes do not cost the same.
 */
const ENDS_ABOVE = 0.65;
/** Fewer observations than this say nothing about a feature: a more general one decides. */
const MIN_EVIDENCE = 10;
/** A noun seen this often and never heading a source cannot speak. */
const NEVER_A_SOURCE_AFTER = 50;

/** Words that can open a new clause or phrase inside a sentence. */
const CLAUSE_WORDS = new Set([
  'and', 'but', 'or', 'because', 'while', 'whereas', 'although', 'though', 'as', 'after', 'before', 'when', 'since', 'until',
  'if', 'unless', 'so', 'which', 'who', 'whom', 'whose', 'where', 'including', 'despite', 'with', 'without', 'than', 'that',
]);
const DASH = /^(?:[-–—]{1,2})$/;

/**
 * Where a reported clause might end, at tokens[k]: the word or mark there alone, then with
 * what is around it (after a mark, the word that follows when it can open a clause, else its
 * part of speech; after a word, whether a comma stands before it and the next part of speech);
 * from general to specific. Null when nothing there can end a clause.
 */
export function boundaryFeatures(tokens: Token[], k: number): string[] | null {
  const t = tokens[k];
  const lower = t.text.toLowerCase();
  let key: string;
  if (t.type === 'punctuation') {
    if (DASH.test(t.text)) key = '—';
    else if (/^[,;:(]$/.test(t.text)) key = t.text;
    else return null;
  } else if (t.pos === 'CCONJ' || t.pos === 'SCONJ' || CLAUSE_WORDS.has(lower)) key = lower;
  else if (t.pos === 'VERB' && /ing$/.test(lower) && tokens[k - 1]?.text === ',') key = 'V-ing';
  else return null;
  // After a mark, what follows decides: the word itself when it can open a clause (", which", ", adding").
  const next = tokens[k + 1];
  const nextLower = next?.text.toLowerCase() ?? '';
  const nextClass = !next ? 'END' : CLAUSE_WORDS.has(nextLower) ? nextLower : next.pos === 'VERB' && /ing$/.test(nextLower) ? 'V-ing' : next.pos;
  if (t.type === 'punctuation') return [key, `${key}|${nextClass}`];
  const comma = tokens[k - 1]?.text === ',' ? ',' : '_';
  return [key, `${key}|${comma}`, `${key}|${comma}|${next?.pos ?? 'END'}`];
}

const model = (): CueModelData => counts as unknown as CueModelData;

/** Whether a reported clause ends before tokens[k]: the most specific feature seen often enough says so. */
export function clauseEndsAt(tokens: Token[], k: number): boolean {
  const features = boundaryFeatures(tokens, k);
  if (!features) return false;
  const { boundaries } = model();
  for (let i = features.length - 1; i >= 0; i--) {
    const counts = boundaries[features[i]];
    if (counts && counts[0] + counts[1] >= MIN_EVIDENCE) return counts[0] > ENDS_ABOVE * (counts[0] + counts[1]);
  }
  return false;
}

/** Whether a word was seen as a common noun in the training articles ("officials", "analysts"). */
export function isCommonNoun(word: string): boolean {
  return model().nouns[word] !== undefined;
}

/** Whether a common noun, seen often, never heads the phrase of who is speaking ("percent", "summit"). */
export function cannotSpeak(noun: string): boolean {
  const counts = model().nouns[noun];
  return !!counts && counts[0] === 0 && counts[1] >= NEVER_A_SOURCE_AFTER;
}
