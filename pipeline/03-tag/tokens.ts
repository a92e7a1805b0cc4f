// Tokens with character offsets and parts of speech, from one wink-nlp pass
// over the cleaned text (wink is lossless: preceding spaces + values = text).

import type { Doc, Sentence } from '../../src/model.ts';
import type { Document } from 'wink-nlp';
import { readDocIsolated, getWink } from '../../src/nlp/wink.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal part of speech from wink: PROPN, NOUN, VERB, DET, ... */
  pos: string;
  /** wink's token type: word, number, punctuation, currency, ... */
  type: string;
}

export interface TokenLayer {
  tokens: Token[];
  /** Per sentence of the document, the tokens in it: tokens[from .. to - 1]. */
  sentenceRanges: Array<[number, number]>;
}

/** One wink pass over `text`: its document, and every token (spaces and line breaks included) with its offsets. */
export function winkTokens(text: string): { wdoc: Document; tokens: Token[] } {
  const { its } = getWink();
  const wdoc = readDocIsolated(text);
  const values: string[] = wdoc.tokens().out(its.value);
  const spaces: string[] = wdoc.tokens().out(its.precedingSpaces);
  const pos: string[] = wdoc.tokens().out(its.pos);
  const types: string[] = wdoc.tokens().out(its.type);
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    const start = at;
    at += values[i].length;
    tokens.push({ text: values[i], start, end: at, pos: pos[i], type: types[i] });
  }
  if (at !== text.length) throw new Error(`tokens do not cover the text (${at} of ${text.length} characters)`);
  return { wdoc, tokens };
}

/** A token that is text: not a space, tab or line break. */
export const isTextToken = (t: Token) => t.type !== 'tabCRLF' && t.text.trim() !== '';

export function tokenise(doc: Doc): TokenLayer {
  const words = winkTokens(doc.text).tokens.filter(isTextToken);
  return { tokens: words, sentenceRanges: sentenceTokenRanges(doc.sentences, words) };
}

/** For each sentence, the range of tokens in it (sentences and tokens both in text order). */
function sentenceTokenRanges(sentences: Sentence[], tokens: Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = sentences.map(() => [0, 0]);
  let i = 0;
  for (let s = 0; s < sentences.length; s++) {
    while (i < tokens.length && tokens[i].end <= sentences[s].start) i++;
    const from = i;
    while (i < tokens.length && tokens[i].start < sentences[s].end) i++;
    ranges[s] = [from, i];
  }
  return ranges;
}

/** Tokens grouped by the sentence they stand in. */
export function tokensBySentence({ tokens, sentenceRanges }: Pick<TokenLayer, 'tokens' | 'sentenceRanges'>): Token[][] {
  return sentenceRanges.map(([from, to]) => tokens.slice(from, to));
}

/** What the statistical tagger reads: each sentence's words, and whether each touches the one before ("Bre-X"). */
export function modelInput(sentences: Token[][]): { words: string[][]; glued: boolean[][] } {
  return {
    words: sentences.map((s) => s.map((t) => t.text)),
    glued: sentences.map((s) => s.map((t, i) => i > 0 && t.start === s[i - 1].end)),
  };
}
