// Tokens with character offsets and parts of speech, from one wink-nlp pass
// over the cleaned text (wink is lossless: preceding spaces + values = text).

import type { Doc } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { readDocIsolated, getWink } from '../../src/nlp/wink.ts';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal part of speech from wink: PROPN, NOUN, VERB, DET, ... */
  pos: string;
  /** wink's token type: word, number, punctuation, currency, ... */
  type: string;
  sentence: number;
}

export interface WinkEntity {
  type: string;
  start: number;
  end: number;
}

export interface TokenLayer {
  tokens: Token[];
  /** wink's own entities (DATE, CARDINAL, MONEY, PERCENT, ...) as character spans. */
  winkEntities: WinkEntity[];
}

export function tokenise(doc: Doc): TokenLayer {
  const { its } = getWink();
  const wdoc = readDocIsolated(doc.text);
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
    tokens.push({ text: values[i], start, end: at, pos: pos[i], type: types[i], sentence: 0 });
  }
  if (at !== doc.text.length) throw new Error(`tokens do not cover the text (${at} of ${doc.text.length} characters)`);
  for (const t of tokens) t.sentence = sentenceAt(doc, t.start);

  const winkEntities: WinkEntity[] = [];
  wdoc.entities().each((e: { out: (f: unknown) => unknown }) => {
    const [first, last] = e.out(its.span) as [number, number];
    winkEntities.push({ type: e.out(its.type) as string, start: tokens[first].start, end: tokens[last].end });
  });
  return { tokens: tokens.filter((t) => t.type !== 'tabCRLF' && t.text.trim() !== ''), winkEntities };
}

/** Tokens grouped by the sentence they stand in. */
export function tokensBySentence(sentenceCount: number, tokens: Token[]): Token[][] {
  const bySentence: Token[][] = Array.from({ length: sentenceCount }, () => []);
  for (const t of tokens) bySentence[t.sentence]?.push(t);
  return bySentence;
}

/** What the statistical tagger reads: each sentence's words, and whether each touches the one before ("Bre-X"). */
export function modelInput(sentences: Token[][]): { words: string[][]; glued: boolean[][] } {
  return {
    words: sentences.map((s) => s.map((t) => t.text)),
    glued: sentences.map((s) => s.map((t, i) => i > 0 && t.start === s[i - 1].end)),
  };
}
