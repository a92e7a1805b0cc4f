// Token features for the tagger, as 32-bit hashes. The same code makes the
// features at training and at tagging time; any change to what is made here
// must bump FEATURE_VERSION and be followed by `npm run train:ner`.
//
// Per token: the word (as written and lower-cased, digits folded to 0), its
// shape (Xxxx, XX, dd, X.X.) long and short, prefixes and suffixes 1-4, the
// words and shapes in a window of ±2, word bigrams, shape trigrams, the word
// before/after with this token's shape, the sentence's first token, whether the
// sentence is in capitals or Title Case (a headline, a heading), the word
// clusters of the token and its neighbours (clusters.ts), gazetteer matches over
// multi-token spans for this token and its neighbours, and in running text the
// run of capitalised tokens the token is in (its length, the position in it, its
// first and last words and the words around it). Optional document features
// (DocumentContext) say how a word is written elsewhere in the same article and
// whether a run elsewhere marks it as an organisation's or a person's; optional
// prediction history says how the tagger typed it in earlier sentences.
//
// scorer.ts sums the weights of exactly these features without listing them
// (the tagger's fast path): a change here must be made there too;
// tests/ner-model.test.ts checks that both give the same scores.

import type { WordClusters } from './clusters.ts';
import type { Gazetteer } from './gazetteer.ts';
import { f1, f2, f3, hashString } from './hash.ts';
import { asciiForm } from './text.ts';

export const FEATURE_VERSION = 2;

// Template ids (any distinct numbers; part of every feature's hash).
export const T = {
  BIAS: 1, W: 2, LW: 3, SHAPE: 4, SSHAPE: 5, PRE: 6, SUF: 10,
  LW_P1: 20, LW_N1: 21, LW_P2: 22, LW_N2: 23,
  SH_P1: 24, SH_N1: 25, SH_P2: 26, SH_N2: 27,
  BI_P: 28, BI_N: 29, SH3: 30, LWP_SH: 31, SH_LWN: 32, FIRST_SH: 33, FIRST_LW: 34,
  CAPS_SENT: 35, CAPS_SENT_LW: 36,
  GAZ: 40, GAZ_P: 41, GAZ_N: 42, GAZ_SH: 43,
  RUN_POS: 50, RUN_FIRST: 51, RUN_LAST: 52, RUN_BEFORE: 53, RUN_AFTER: 54, RUN_LAST_POS: 55,
  DOC_CASE: 60, DOC_CASE_SH: 61, DOC_MARK: 62,
  GLUE: 70, GLUE_SH: 71, GLUE_LW: 72,
  CL: 80, CL_P1: 81, CL_N1: 82,
  HIST_NONE: 90, HIST_MAJ: 91, HIST: 92,
} as const;

export const H_START = hashString('<s>');
export const H_START2 = hashString('<s2>');
export const H_END = hashString('</s>');
export const H_END2 = hashString('</s2>');
export const H_NONE = hashString('<none>');
/** How a sentence is written: running text, all capitals (a headline), or Title Case (a heading, a caption, a byline). */
export const SENTENCE_CASE = { MIXED: 0, CAPS: 1, TITLE: 2 } as const;
/** The sentence-wide value of CAPS_SENT for a SENTENCE_CASE. */
export const sentenceCaseHash = (c: number): number => hashString(['mixed', 'caps', 'title'][c]);

/** Features of one sentence: token i's are hashes[offsets[i]] .. hashes[offsets[i + 1] - 1]. */
export interface SentenceFeatures {
  hashes: Uint32Array;
  offsets: Uint32Array;
}

/** How each token's word is written elsewhere in the same document (see documentContext). */
export type DocumentContext = ReadonlyArray<number>;

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();

function charClass(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return 'd';
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code < 128) return c;
  if (isUpper(c)) return 'X';
  if (isLower(c)) return 'x';
  return /\p{N}/u.test(c) ? 'd' : c;
}

/** [long shape (runs capped at 4), short shape (runs collapsed)]. */
export function shapes(w: string): [string, string] {
  let long = '', short = '', prev = '', run = 0;
  for (let i = 0; i < w.length && i < 40; i++) {
    const k = charClass(w[i]);
    if (k === prev) run++;
    else {
      run = 1;
      short += k;
    }
    if (run <= 4) long += k;
    prev = k;
  }
  return [long, short];
}

export const startsUpper = (w: string): boolean => w.length > 0 && isUpper(w[0]);
export const hasLetter = (w: string): boolean => /\p{L}/u.test(w);
export const hasLower = (w: string): boolean => /\p{Ll}/u.test(w);

/** A headline: at least two words with letters and none of them has a lower-case letter. */
export function isCapsSentence(words: readonly string[]): boolean {
  let n = 0;
  for (const w of words) {
    if (!hasLetter(w)) continue;
    if (hasLower(w)) return false;
    n++;
  }
  return n >= 2;
}

/** Words a Title Case heading may leave in lower case ("Man in the Moon", "Deal for Steel Workers"). */
export const TITLE_LOWER_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'in', 'on', 'at', 'to', 'by', 'as', 'with', 'from', 'into', 'over', 'per', 'via', 'vs']);
export const startsWithLetter = (w: string): boolean => w.length > 0 && hasLetter(w[0]);

/**
 * SENTENCE_CASE of a sentence: CAPS as isCapsSentence; TITLE when at least three
 * words that start with a letter do so with a capital and every other such word
 * is one of TITLE_LOWER_WORDS ("Prices Set To Rise", "Council Names New Chief").
 */
export function sentenceCase(words: readonly string[]): number {
  if (isCapsSentence(words)) return SENTENCE_CASE.CAPS;
  let n = 0;
  for (const w of words) {
    if (!startsWithLetter(w)) continue;
    if (startsUpper(w)) n++;
    else if (!TITLE_LOWER_WORDS.has(w)) return SENTENCE_CASE.MIXED;
  }
  return n >= 3 ? SENTENCE_CASE.TITLE : SENTENCE_CASE.MIXED;
}

/** The lower-cased word with digits folded to 0. */
const normalWord = (w: string): string => w.toLowerCase().replace(/\p{N}/gu, '0');

/** Writing classes for DocumentContext. */
export const DOC_CASE = { NONE: 0, CAPITALISED: 1, LOWER: 2, BOTH: 3 } as const;
/**
 * Marks a word gets in DocumentContext (bits above DOC_CASE's) from the runs of capitalised
 * words it stands in elsewhere in the document: ORG when such a run ends in an organisation's
 * head word ("Ralph Lauren Corp"), PER when a personal title opens it or stands before it
 * ("Mr Lauren", "chairman Ralph Lauren"). Evidence of the type from the whole document.
 */
export const DOC_MARK = { ORG: 4, PER: 8 } as const;

/**
 * How each word of each sentence is written elsewhere in the document, in running
 * text (not in capitals or Title Case lines) and away from the first word of a
 * sentence: capitalised only, lower case only, both, or not seen (for a word in a
 * headline or opening a sentence, this says whether it is a name); with the
 * DOC_MARK bits. `sentences` are the document's sentences in order.
 */
export function documentContext(sentences: ReadonlyArray<readonly string[]>, gazetteer: Gazetteer): DocumentContext[] {
  const seen = new Map<string, number>();
  const add = (w: string, bits: number) => seen.set(w.toLowerCase(), (seen.get(w.toLowerCase()) ?? 0) | bits);
  const cases = sentences.map(sentenceCase);
  sentences.forEach((words, s) => {
    if (cases[s] !== SENTENCE_CASE.MIXED) return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!hasLetter(w)) continue;
      const cls = startsUpper(w) ? DOC_CASE.CAPITALISED : hasLower(w[0]) ? DOC_CASE.LOWER : 0;
      if (cls) add(w, cls);
    }
    const name = (w: string) => startsUpper(w) && hasLetter(w);
    for (let i = 0; i < words.length; ) {
      if (!name(words[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < words.length && name(words[j])) j++;
      if (j - i >= 2 && gazetteer.has('organisation_head', words[j - 1])) for (let k = i; k < j - 1; k++) add(words[k], DOC_MARK.ORG);
      if (j - i >= 2 && gazetteer.has('title', words[i])) for (let k = i + 1; k < j; k++) add(words[k], DOC_MARK.PER);
      else if (i > 0 && gazetteer.has('title', words[i - 1])) for (let k = i; k < j; k++) add(words[k], DOC_MARK.PER);
      i = j;
    }
  });
  return sentences.map((words) => words.map((w) => (hasLetter(w) ? seen.get(w.toLowerCase()) ?? DOC_CASE.NONE : DOC_CASE.NONE)));
}

/**
 * Prediction history (Ratinov & Roth's "extended prediction history"): for a
 * capitalised word, how the tagger typed the same word (lower-cased) in the
 * document's earlier sentences, as counts by HISTORY_TYPES (O, PER, LOC, ORG, MISC).
 */
export const HISTORY_TYPES = 5;
/** The history type of a tag index (tags.ts: O, B-PER, I-PER, B-LOC, ...). */
export const historyType = (tag: number): number => (tag + 1) >> 1;
/** Whether a word takes part in prediction history (is looked up and recorded). */
export const hasHistory = (w: string): boolean => startsUpper(w) && hasLetter(w);

/** The history features of one token from its counts: none seen; else the commonest type (and whether it is the only one) and each type seen. */
export function historyHashes(counts: ArrayLike<number>, at = 0): number[] {
  let total = 0, major = 0;
  for (let t = 0; t < HISTORY_TYPES; t++) {
    total += counts[at + t];
    if (counts[at + t] > counts[at + major]) major = t;
  }
  if (!total) return [f1(T.HIST_NONE, 0)];
  const out = [f2(T.HIST_MAJ, major, counts[at + major] === total ? 1 : 0)];
  for (let t = 0; t < HISTORY_TYPES; t++) if (counts[at + t]) out.push(f1(T.HIST, t));
  return out;
}

/** Every hash historyHashes can give. */
export function allHistoryHashes(): number[] {
  const out = [f1(T.HIST_NONE, 0)];
  for (let t = 0; t < HISTORY_TYPES; t++) out.push(f2(T.HIST_MAJ, t, 0), f2(T.HIST_MAJ, t, 1), f1(T.HIST, t));
  return out;
}

/** Prediction history of one document, sentence by sentence (the reference for scorer.ts's own). */
export class DocumentHistory {
  private readonly counts = new Map<string, Int32Array>();
  /** The counts of each token of a sentence (undefined for a word without history). */
  lookup(words: readonly string[]): Array<Int32Array | undefined> {
    return words.map((w) => (hasHistory(w) ? this.counts.get(w.toLowerCase()) ?? new Int32Array(HISTORY_TYPES) : undefined));
  }
  /** Adds a sentence's tags (indices) to the history. */
  record(words: readonly string[], tags: ArrayLike<number>): void {
    words.forEach((w, i) => {
      if (!hasHistory(w)) return;
      const key = w.toLowerCase();
      let c = this.counts.get(key);
      if (!c) this.counts.set(key, (c = new Int32Array(HISTORY_TYPES)));
      c[historyType(tags[i])]++;
    });
  }
}

class Sink {
  hashes = new Uint32Array(1024);
  n = 0;
  push(h: number): void {
    if (this.n === this.hashes.length) {
      const next = new Uint32Array(this.hashes.length * 2);
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[this.n++] = h;
  }
}

/** Tokens that join capitalised words into one run ("Bre - X", "Marks & Spencer"). */
export const CONNECTOR_RUN: ReadonlySet<string> = new Set(['-', '&', '\u2013', '\u2010', '\u2011']);

/** What the features need of one word, cached by word (a pure function of it). */
export interface WordAtoms {
  lower: string;
  hW: number;
  hLW: number;
  hShape: number;
  hShort: number;
  /** Hashes of the lower-cased prefixes, then suffixes, of 1..4 characters (as many as the word has). */
  affixes: number[];
  /** The word's cluster path prefixes (WordClusters.prefixes; [] when it has none). */
  clusters: number[];
}
const atomCache = new Map<string, WordAtoms>();
let atomClusters: WordClusters | undefined;

const POSSESSIVE = /^(.*\p{L})'s$/u;

/** What the features need of `word`, cached (training reads every word many times). */
function atomsOf(word: string, clusters: WordClusters): WordAtoms {
  if (clusters !== atomClusters) {
    atomCache.clear();
    atomClusters = clusters;
  }
  let a = atomCache.get(word);
  if (a) return a;
  a = wordAtoms(word, clusters);
  if (atomCache.size >= 200_000) atomCache.clear();
  atomCache.set(word, a);
  return a;
}

/** What the features need of `word`, computed afresh (the tagger's scorer keeps its own per-word cache). */
export function wordAtoms(word: string, clusters: WordClusters): WordAtoms {
  // A possessive the tokeniser left on ("Macrovision's" before a comma): read the name.
  const w = asciiForm(word).replace(POSSESSIVE, '$1');
  const lower = normalWord(w);
  const [long, short] = shapes(w);
  const affixes: number[] = [];
  for (let k = 1; k <= 4 && k <= lower.length; k++) {
    affixes.push(f1(T.PRE + k, hashString(lower.slice(0, k))), f1(T.SUF + k, hashString(lower.slice(-k))));
  }
  return { lower, hW: hashString(w), hLW: hashString(lower), hShape: hashString(long), hShort: hashString(short), affixes, clusters: clusters.prefixes(w) };
}

/**
 * `glued[i]`: no space between token i - 1 and token i ("Bre-X" is Bre, -, X
 * glued; "Kennedy - Liberal" is not). Optional; without it hyphens are read
 * as if glued whenever they join capitalised words.
 */
export function sentenceFeatures(
  words: readonly string[],
  gazetteer: Gazetteer,
  clusters: WordClusters,
  doc?: DocumentContext,
  glued?: ArrayLike<boolean>,
  history?: ReadonlyArray<ArrayLike<number> | undefined>,
): SentenceFeatures {
  const n = words.length;
  const hW = new Array<number>(n), hLW = new Array<number>(n), hSh = new Array<number>(n), hSSh = new Array<number>(n);
  const atoms = new Array<WordAtoms>(n);
  for (let i = 0; i < n; i++) {
    const a = (atoms[i] = atomsOf(words[i], clusters));
    hW[i] = a.hW;
    hLW[i] = a.hLW;
    hSh[i] = a.hShape;
    hSSh[i] = a.hShort;
  }
  const lwAt = (i: number) => (i < 0 ? (i === -1 ? H_START : H_START2) : i >= n ? (i === n ? H_END : H_END2) : hLW[i]);
  const shAt = (i: number) => (i < 0 ? (i === -1 ? H_START : H_START2) : i >= n ? (i === n ? H_END : H_END2) : hSSh[i]);
  const sc = sentenceCase(words);
  const gaz = gazetteer.annotate(words);

  // Runs of capitalised tokens (joined through "-" and "&"), in running text only.
  const runStart = new Int32Array(n).fill(-1), runEnd = new Int32Array(n).fill(-1);
  if (sc === SENTENCE_CASE.MIXED) {
    let i = 0;
    while (i < n) {
      if (!startsUpper(words[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        if (startsUpper(words[j])) j++;
        else if (CONNECTOR_RUN.has(words[j]) && j + 1 < n && startsUpper(words[j + 1]) && (!glued || (glued[j] && glued[j + 1]))) j += 2;
        else break;
      }
      for (let k = i; k < j; k++) {
        runStart[k] = i;
        runEnd[k] = j;
      }
      i = j;
    }
  }

  const sink = new Sink();
  const offsets = new Uint32Array(n + 1);
  const H_CASE = sentenceCaseHash(sc);
  for (let i = 0; i < n; i++) {
    offsets[i] = sink.n;
    const p = sink;
    p.push(f1(T.BIAS, 0));
    p.push(f1(T.W, hW[i]));
    p.push(f1(T.LW, hLW[i]));
    p.push(f1(T.SHAPE, hSh[i]));
    p.push(f1(T.SSHAPE, hSSh[i]));
    for (const h of atoms[i].affixes) p.push(h);
    atoms[i].clusters.forEach((c, k) => p.push(f2(T.CL, k, c)));
    if (i > 0) atoms[i - 1].clusters.forEach((c, k) => p.push(f2(T.CL_P1, k, c)));
    if (i + 1 < n) atoms[i + 1].clusters.forEach((c, k) => p.push(f2(T.CL_N1, k, c)));
    p.push(f1(T.LW_P1, lwAt(i - 1)));
    p.push(f1(T.LW_N1, lwAt(i + 1)));
    p.push(f1(T.LW_P2, lwAt(i - 2)));
    p.push(f1(T.LW_N2, lwAt(i + 2)));
    p.push(f1(T.SH_P1, shAt(i - 1)));
    p.push(f1(T.SH_N1, shAt(i + 1)));
    p.push(f1(T.SH_P2, shAt(i - 2)));
    p.push(f1(T.SH_N2, shAt(i + 2)));
    p.push(f2(T.BI_P, lwAt(i - 1), hLW[i]));
    p.push(f2(T.BI_N, hLW[i], lwAt(i + 1)));
    p.push(f3(T.SH3, shAt(i - 1), hSSh[i], shAt(i + 1)));
    p.push(f2(T.LWP_SH, lwAt(i - 1), hSSh[i]));
    p.push(f2(T.SH_LWN, hSSh[i], lwAt(i + 1)));
    if (i === 0) {
      p.push(f1(T.FIRST_SH, hSSh[i]));
      p.push(f1(T.FIRST_LW, hLW[i]));
    }
    p.push(f1(T.CAPS_SENT, H_CASE));
    if (sc) p.push(f2(T.CAPS_SENT_LW, sc, hLW[i]));

    for (const a of gaz[i]) {
      p.push(f1(T.GAZ, a));
      p.push(f2(T.GAZ_SH, a, hSSh[i]));
    }
    if (i > 0) for (const a of gaz[i - 1]) p.push(f1(T.GAZ_P, a));
    if (i + 1 < n) for (const a of gaz[i + 1]) p.push(f1(T.GAZ_N, a));

    if (runStart[i] >= 0) {
      const s = runStart[i], e = runEnd[i], len = e - s;
      const pos = len === 1 ? 0 : i === s ? 1 : i === e - 1 ? 3 : 2;
      p.push(f2(T.RUN_POS, pos, Math.min(len, 5)));
      if (len > 1) {
        p.push(f2(T.RUN_FIRST, pos, hLW[s]));
        p.push(f2(T.RUN_LAST, pos, hLW[e - 1]));
        p.push(f3(T.RUN_LAST_POS, pos, hLW[e - 1], s === 0 ? 1 : 0));
      }
      p.push(f2(T.RUN_BEFORE, pos, s > 0 ? hLW[s - 1] : H_START));
      p.push(f2(T.RUN_AFTER, pos, e < n ? hLW[e] : H_END));
    }

    if (glued) {
      const g = (glued[i] && i > 0 ? 1 : 0) + (i + 1 < n && glued[i + 1] ? 2 : 0);
      p.push(f1(T.GLUE, g));
      p.push(f2(T.GLUE_SH, g, hSSh[i]));
      if (g) p.push(f2(T.GLUE_LW, g, hLW[i]));
    }
    if (doc) {
      const cls = (doc[i] ?? 0) & 3, mark = (doc[i] ?? 0) >> 2;
      if (mark) p.push(f1(T.DOC_MARK, mark));
      p.push(f2(T.DOC_CASE, cls, i === 0 ? 1 : sc ? 1 + sc : 0));
      p.push(f2(T.DOC_CASE_SH, cls, hSSh[i]));
    } else p.push(f1(T.DOC_CASE, H_NONE));
    const h = history?.[i];
    if (h) for (const x of historyHashes(h)) p.push(x);
  }
  offsets[n] = sink.n;
  return { hashes: sink.hashes.subarray(0, sink.n), offsets };
}
