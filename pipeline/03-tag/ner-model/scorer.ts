// Emission scores straight from a sentence's words: the tagger's fast path.
//
// sentenceFeatures (features.ts) lists every feature hash of every token and
// emissionScores looks each one up; training needs that list, tagging only the
// sums. Here the features that depend on one word alone are summed once per
// word type, when the word is first seen, and kept as five 9-tag vectors: the
// word's own features (word, lower case, shapes, affixes) and what it gives the
// tokens at +1, -1, +2 and -2 (their window features). Only features of two or
// more words (bigrams, shape trigram, runs, gazetteer spans, glue, document
// case) are looked up per token; features of one shape are kept per shape.
//
// The result is the same to the last bit, although the weights are added in
// another order: every weight is a float32 of q * scale with |q| <= 32767
// (format.ts), so all are integer multiples of the smallest one's ulp and below
// 2^39 of those units; a token's sum of fewer than 2^13 weights stays below
// 2^52 units, where float64 addition is exact in any order. The constructor
// checks that range. tests/ner-model.test.ts checks the scores against
// emissionScores(sentenceFeatures(...)).

import type { WordClusters } from './clusters.ts';
import type { WeightTable } from './decode.ts';
import { allHistoryHashes, historyType, HISTORY_TYPES, wordAtoms, sentenceCaseHash, SENTENCE_CASE, TITLE_LOWER_WORDS, startsWithLetter, CONNECTOR_RUN, DOC_CASE, DOC_MARK, H_END, H_END2, H_NONE, H_START, H_START2, hasLetter, hasLower, startsUpper, T } from './features.ts';
import { Gazetteer, type GazetteerToken } from './gazetteer.ts';
import { f1, f2, f3 } from './hash.ts';
import { NUM_TAGS } from './tags.ts';

const K = NUM_TAGS;

// Per word type, 5 vectors of K: its own features, then what it gives the token after it, before it, two after, two before.
const V = 5 * K;
const OWN = 0, TO_NEXT = K, TO_PREV = 2 * K, TO_NEXT2 = 3 * K, TO_PREV2 = 4 * K;
// Per word type, 4 integers: the lower-case word hash, the short shape hash, flags, the shape's index.
const LW = 0, SH = 1, FLAGS = 2, SHAPE = 3, INFO = 4;
// Word flags: startsUpper, hasLetter, hasLower, a run connector, hasLower(first character), a gazetteer match may start here.
const UPPER = 1, LETTER = 2, LOWER = 4, CONNECTOR = 8, FIRST_LOWER = 16, GAZ_START = 32, FIRST_LETTER = 64, TITLE_LOWER = 128;
// In the gazetteer's organisation_head and title lists (documentContext's marks).
const ORG_HEAD = 256, PERSON_TITLE = 512;
/** Flags of a word that takes part in prediction history (hasHistory in features.ts). */
const HISTORY = UPPER | LETTER;
// Word ids 0-3 are the sentence edges (lwAt / shAt beyond the words); a sentence's ids are padded with them.
const START2 = 0, START = 1, END = 2, END2 = 3, RESERVED = 4;
/**
 * Word types cached (then about 15 MB; the results do not depend on it). When the
 * cache is full, the most used half is kept and the rest made again when seen:
 * BBC has 35,000 word types, and starting again from nothing made 39,000 entries
 * per pass over it, the commonest words over and over.
 */
const MAX_WORDS = 1 << 15;

// Per short shape, vectors of K: GLUE_SH for glue 0-3, DOC_CASE_SH for classes 0-3, FIRST_SH.
const GLUE_SH = 0, DOC_SH = 4 * K, FIRST_SH = 8 * K, S = 9 * K;
/** Document classes with precomputed vectors (DOC_CASE values 0-3, all that documentContext gives). */
const DOC_CLASSES = 4;

/**
 * Emission scores of the sentences of one document at a time:
 * setDocument(sentences), documentContext(count) if the document features are
 * wanted, then scores(s, ...) for each sentence s. Not re-entrant (one
 * document at a time; the buffers are reused).
 */
export class EmissionScorer {
  // Word types: id by word; by id: info (INFO integers), gazetteer token, vectors (V numbers), lower-case id.
  // A dictionary object rather than a Map: V8 finds a string key faster in it.
  private ids: Record<string, number> = Object.create(null) as Record<string, number>;
  private count = RESERVED;
  /** By id: the word, and how often it was seen since the cache was last compacted (halved then). */
  private readonly words: string[] = [];
  private uses = new Uint32Array(1024);
  private info = new Int32Array(1024 * INFO);
  private gaz: GazetteerToken[] = [];
  private vectors = new Float64Array(1024 * V);
  /** Ids of the words' w.toLowerCase() (documentContext's key), and the classes seen of each in one document. */
  private readonly lowerIds = new Map<string, number>();
  private lower = new Int32Array(1024);
  private seen = new Uint8Array(1024);
  // Short shapes: index by hash, vectors (S numbers).
  private readonly shapeIds = new Map<number, number>();
  private shapeVectors = new Float64Array(64 * S);
  /** BIAS + CAPS_SENT (+ DOC_CASE without a document) by sentence case * 2 + (document ? 1 : 0). */
  private readonly base = new Float64Array(6 * K);
  /** GLUE by glue (0-3); DOC_CASE by class * 4 + position (0-3). */
  private readonly glue = new Float64Array(4 * K);
  private readonly docCase = new Float64Array(DOC_CLASSES * 4 * K);
  /** DOC_MARK by mark (1-3). */
  private readonly docMark = new Float64Array(4 * K);
  /** Prediction history features: HIST_NONE, then HIST_MAJ by type * 2 + only, then HIST by type (allHistoryHashes' order). */
  private readonly historyVectors: Float64Array;
  /** Prediction history of the document: counts by lower-case id * HISTORY_TYPES + type; the lower-case ids with counts. */
  private history = new Int32Array(1024 * HISTORY_TYPES);
  private readonly recorded: number[] = [];
  /** GAZ, GAZ_P, GAZ_N by atom (kind * 4 + position). */
  private readonly gazAtoms: Float64Array;
  // The document being tagged (setDocument): word ids of sentence s at ids[offsets[s] ..], documentContext's classes.
  private docIds = new Int32Array(4096);
  private offsets = new Int32Array(256);
  private classes = new Uint8Array(4096);
  // Per-sentence scratch: word ids padded by 2 on each side, gazetteer tokens; the sentence being scored, for onMatch.
  private sid = new Int32Array(260);
  private toks: GazetteerToken[] = [];
  private out: Float64Array = new Float64Array(0);
  private n = 0;

  /** `maxWords`: word types kept before the cache starts again (tests make it small). */
  constructor(
    private readonly table: WeightTable,
    private readonly gazetteer: Gazetteer,
    private readonly clusters: WordClusters,
    private readonly maxWords = MAX_WORDS,
  ) {
    checkExactSums(table.magnitude);
    // Room for the whole cache at once: its typed arrays are then never copied into larger ones as
    // it fills, and the memory of each smaller one left behind (about as much again, at the end)
    // never taken. Pages not yet written cost no memory.
    if (maxWords > this.lower.length) this.grow(maxWords);
    const edges: Array<[number, number]> = [[START2, H_START2], [START, H_START], [END, H_END], [END2, H_END2]];
    for (const [id, h] of edges) {
      this.info[id * INFO + LW] = this.info[id * INFO + SH] = h;
      this.wordVectors(id, h, h);
    }
    for (let sc = 0; sc < 3; sc++) {
      for (let doc = 0; doc < 2; doc++) {
        const at = (sc * 2 + doc) * K;
        table.add(f1(T.BIAS, 0), this.base, at);
        table.add(f1(T.CAPS_SENT, sentenceCaseHash(sc)), this.base, at);
        if (!doc) table.add(f1(T.DOC_CASE, H_NONE), this.base, at);
      }
    }
    for (let g = 0; g < 4; g++) table.add(f1(T.GLUE, g), this.glue, g * K);
    for (let m = 1; m < 4; m++) table.add(f1(T.DOC_MARK, m), this.docMark, m * K);
    for (let c = 0; c < DOC_CLASSES; c++) for (let p = 0; p < 4; p++) table.add(f2(T.DOC_CASE, c, p), this.docCase, (c * 4 + p) * K);
    const hist = allHistoryHashes();
    this.historyVectors = new Float64Array(hist.length * K);
    hist.forEach((h, k) => table.add(h, this.historyVectors, k * K));
    const atoms = gazetteer.kinds.length * 4;
    this.gazAtoms = new Float64Array(atoms * 3 * K);
    for (let a = 0; a < atoms; a++) {
      table.add(f1(T.GAZ, a), this.gazAtoms, a * 3 * K);
      table.add(f1(T.GAZ_P, a), this.gazAtoms, a * 3 * K + K);
      table.add(f1(T.GAZ_N, a), this.gazAtoms, a * 3 * K + 2 * K);
    }
  }

  /** The window vectors of word `id` with lower-case word hash `lw` and short shape hash `sh` (edges: both the edge's hash). */
  private wordVectors(id: number, lw: number, sh: number): void {
    const v = this.vectors, at = id * V, table = this.table;
    table.add(f1(T.LW_P1, lw), v, at + TO_NEXT);
    table.add(f1(T.SH_P1, sh), v, at + TO_NEXT);
    table.add(f1(T.LW_N1, lw), v, at + TO_PREV);
    table.add(f1(T.SH_N1, sh), v, at + TO_PREV);
    table.add(f1(T.LW_P2, lw), v, at + TO_NEXT2);
    table.add(f1(T.SH_P2, sh), v, at + TO_NEXT2);
    table.add(f1(T.LW_N2, lw), v, at + TO_PREV2);
    table.add(f1(T.SH_N2, sh), v, at + TO_PREV2);
  }

  /** The id of a word type, its vectors made on first sight. */
  private idOf(word: string): number {
    const known = this.ids[word];
    if (known !== undefined) return known;
    const id = this.count++;
    if (id >= this.lower.length) this.grow();
    const a = wordAtoms(word, this.clusters);
    const gaz = (this.gaz[id] = this.gazetteer.token(word));
    const info = this.info, i = id * INFO;
    info[i + LW] = a.hLW;
    info[i + SH] = a.hShort;
    info[i + FLAGS] =
      (startsUpper(word) ? UPPER : 0) |
      (hasLetter(word) ? LETTER : 0) |
      (hasLower(word) ? LOWER : 0) |
      (CONNECTOR_RUN.has(word) ? CONNECTOR : 0) |
      (hasLower(word[0] ?? '') ? FIRST_LOWER : 0) |
      (Gazetteer.starts(gaz) ? GAZ_START : 0) |
      (startsWithLetter(word) ? FIRST_LETTER : 0) |
      (TITLE_LOWER_WORDS.has(word) ? TITLE_LOWER : 0) |
      (this.gazetteer.has('organisation_head', word) ? ORG_HEAD : 0) |
      (this.gazetteer.has('title', word) ? PERSON_TITLE : 0);
    info[i + SHAPE] = this.shapeOf(a.hShort);
    const key = word.toLowerCase();
    let lower = this.lowerIds.get(key);
    if (lower === undefined) this.lowerIds.set(key, (lower = this.lowerIds.size));
    this.lower[id] = lower;
    const v = this.vectors, at = id * V, table = this.table;
    v.fill(0, at, at + V);
    table.add(f1(T.W, a.hW), v, at + OWN);
    table.add(f1(T.LW, a.hLW), v, at + OWN);
    table.add(f1(T.SHAPE, a.hShape), v, at + OWN);
    table.add(f1(T.SSHAPE, a.hShort), v, at + OWN);
    for (const h of a.affixes) table.add(h, v, at + OWN);
    a.clusters.forEach((c, k) => {
      table.add(f2(T.CL, k, c), v, at + OWN);
      table.add(f2(T.CL_P1, k, c), v, at + TO_NEXT);
      table.add(f2(T.CL_N1, k, c), v, at + TO_PREV);
    });
    this.wordVectors(id, a.hLW, a.hShort);
    this.ids[word] = id;
    this.words[id] = word;
    this.uses[id] = 0;
    return id;
  }

  private grow(size = this.lower.length * 2): void {
    const info = new Int32Array(size * INFO), vectors = new Float64Array(size * V), lower = new Int32Array(size), uses = new Uint32Array(size);
    info.set(this.info);
    vectors.set(this.vectors);
    lower.set(this.lower);
    uses.set(this.uses);
    this.info = info;
    this.vectors = vectors;
    this.lower = lower;
    this.uses = uses;
    this.seen = new Uint8Array(size);
    this.history = new Int32Array(size * HISTORY_TYPES);
  }

  /** The index of a short shape, its vectors made on first sight. */
  private shapeOf(sh: number): number {
    const known = this.shapeIds.get(sh);
    if (known !== undefined) return known;
    const s = this.shapeIds.size;
    if ((s + 1) * S > this.shapeVectors.length) {
      const next = new Float64Array(this.shapeVectors.length * 2);
      next.set(this.shapeVectors);
      this.shapeVectors = next;
    }
    const v = this.shapeVectors, at = s * S, table = this.table;
    v.fill(0, at, at + S);
    for (let g = 0; g < 4; g++) table.add(f2(T.GLUE_SH, g, sh), v, at + GLUE_SH + g * K);
    for (let c = 0; c < DOC_CLASSES; c++) table.add(f2(T.DOC_CASE_SH, c, sh), v, at + DOC_SH + c * K);
    table.add(f1(T.FIRST_SH, sh), v, at + FIRST_SH);
    this.shapeIds.set(sh, s);
    return s;
  }

  /**
   * Makes `sentences` the document that scores() and documentContext() read:
   * looks up their word ids once (the word cache starts again only here, so
   * that ids hold for the whole document).
   */
  setDocument(sentences: ReadonlyArray<readonly string[]>): void {
    for (const l of this.recorded) this.history.fill(0, l * HISTORY_TYPES, (l + 1) * HISTORY_TYPES);
    this.recorded.length = 0;
    if (this.offsets.length < sentences.length + 1) this.offsets = new Int32Array(2 * sentences.length + 1);
    const offsets = this.offsets;
    for (let s = 0; s < sentences.length; s++) offsets[s + 1] = offsets[s] + sentences[s].length;
    const total = offsets[sentences.length];
    if (this.count + total > this.maxWords) this.compact(Math.min(this.maxWords - (this.maxWords >> 2), this.maxWords - total));
    if (this.docIds.length < total) {
      this.docIds = new Int32Array(2 * total);
      this.classes = new Uint8Array(2 * total);
    }
    const ids = this.docIds;
    for (let s = 0, at = 0; s < sentences.length; s++) {
      const words = sentences[s];
      for (let i = 0; i < words.length; i++) this.uses[(ids[at++] = this.idOf(words[i]))]++;
    }
  }

  /**
   * Keeps at most `keep` word types, the most used (ties: the first made), with
   * new ids in the order of the old; the uses kept are halved, so that what was
   * common long ago gives way. Shapes are kept only as far as the kept words
   * have them: in scripts without case (CJK) a word's shape is the word itself,
   * so they are as many as the words.
   */
  private compact(keep: number): void {
    const { uses, words, info, vectors, gaz, lower } = this;
    // The least use that keeps at most `keep` words, from a histogram of uses (capped).
    const CAP = 1024;
    const histogram = new Uint32Array(CAP + 1);
    for (let id = RESERVED; id < this.count; id++) histogram[Math.min(uses[id], CAP)]++;
    let least = CAP + 1, kept = 0;
    while (least > 1 && kept + histogram[least - 1] <= keep) kept += histogram[--least];
    let ties = least > 1 ? keep - kept : 0;
    const ids = Object.create(null) as Record<string, number>;
    const shapes = new Map<number, number>(), shapeVectors = new Float64Array(this.shapeVectors.length);
    this.lowerIds.clear();
    let next = RESERVED;
    for (let id = RESERVED; id < this.count; id++) {
      const used = Math.min(uses[id], CAP);
      if (used < least && !(used === least - 1 && ties-- > 0)) continue;
      const word = words[id];
      info.copyWithin(next * INFO, id * INFO, (id + 1) * INFO);
      vectors.copyWithin(next * V, id * V, (id + 1) * V);
      gaz[next] = gaz[id];
      words[next] = word;
      uses[next] = uses[id] >>> 1;
      ids[word] = next;
      const key = word.toLowerCase();
      let l = this.lowerIds.get(key);
      if (l === undefined) this.lowerIds.set(key, (l = this.lowerIds.size));
      lower[next] = l;
      const sh = info[next * INFO + SH];
      let shape = shapes.get(sh);
      if (shape === undefined) {
        shapes.set(sh, (shape = shapes.size));
        shapeVectors.set(this.shapeVectors.subarray(info[next * INFO + SHAPE] * S, (info[next * INFO + SHAPE] + 1) * S), shape * S);
      }
      info[next * INFO + SHAPE] = shape;
      next++;
    }
    this.ids = ids;
    this.count = next;
    gaz.length = words.length = next;
    this.shapeIds.clear();
    for (const [sh, shape] of shapes) this.shapeIds.set(sh, shape);
    this.shapeVectors = shapeVectors;
  }

  /** sentenceCase (features.ts) of the words ids[from .. to - 1]. */
  private sentenceCase(ids: Int32Array, from: number, to: number): number {
    const info = this.info;
    let lettered = 0, lower = false;
    for (let i = from; i < to; i++) {
      const fl = info[ids[i] * INFO + FLAGS];
      if (fl & LOWER) lower = true;
      if (fl & LETTER) lettered++;
    }
    if (!lower && lettered >= 2) return SENTENCE_CASE.CAPS;
    let capitalised = 0;
    for (let i = from; i < to; i++) {
      const fl = info[ids[i] * INFO + FLAGS];
      if (!(fl & FIRST_LETTER)) continue;
      if (fl & UPPER) capitalised++;
      else if (!(fl & TITLE_LOWER)) return SENTENCE_CASE.MIXED;
    }
    return capitalised >= 3 ? SENTENCE_CASE.TITLE : SENTENCE_CASE.MIXED;
  }

  /** documentContext (features.ts) of the document's words, for scores(s, true). */
  documentContext(sentences: number): void {
    const { info, lower, seen, offsets, classes } = this, ids = this.docIds;
    const total = offsets[sentences];
    for (let s = 0; s < sentences; s++) {
      if (this.sentenceCase(ids, offsets[s], offsets[s + 1]) !== SENTENCE_CASE.MIXED) continue;
      for (let i = offsets[s] + 1; i < offsets[s + 1]; i++) {
        const fl = info[ids[i] * INFO + FLAGS];
        if (fl & LETTER) seen[lower[ids[i]]] |= fl & UPPER ? DOC_CASE.CAPITALISED : fl & FIRST_LOWER ? DOC_CASE.LOWER : 0;
      }
      // Runs of capitalised words that mark their words as an organisation's or a person's.
      const name = (i: number) => (info[ids[i] * INFO + FLAGS] & (UPPER | LETTER)) === (UPPER | LETTER);
      const flag = (i: number) => info[ids[i] * INFO + FLAGS];
      for (let i = offsets[s], to = offsets[s + 1]; i < to; ) {
        if (!name(i)) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < to && name(j)) j++;
        if (j - i >= 2 && flag(j - 1) & ORG_HEAD) for (let k = i; k < j - 1; k++) seen[lower[ids[k]]] |= DOC_MARK.ORG;
        if (j - i >= 2 && flag(i) & PERSON_TITLE) for (let k = i + 1; k < j; k++) seen[lower[ids[k]]] |= DOC_MARK.PER;
        else if (i > offsets[s] && flag(i - 1) & PERSON_TITLE) for (let k = i; k < j; k++) seen[lower[ids[k]]] |= DOC_MARK.PER;
        i = j;
      }
    }
    for (let i = 0; i < total; i++) classes[i] = info[ids[i] * INFO + FLAGS] & LETTER ? seen[lower[ids[i]]] : DOC_CASE.NONE;
    for (let i = 0; i < total; i++) seen[lower[ids[i]]] = 0;
  }

  /**
   * Emission scores out[i * K + t] of sentence s of the document (setDocument),
   * with documentContext's classes if `doc`: the same as
   * emissionScores(sentenceFeatures(words, gazetteer, doc && context[s], glued)).
   */
  scores(s: number, doc: boolean, glued: ArrayLike<boolean> | undefined, out: Float64Array): void {
    const from = this.offsets[s], n = this.offsets[s + 1] - from;
    if (this.sid.length < n + 4) this.sid = new Int32Array(2 * n + 4);
    const { table, vectors: v, info, base, sid, classes } = this, ids = this.docIds;
    const sv = this.shapeVectors;
    sid[0] = START2;
    sid[1] = START;
    for (let i = 0; i < n; i++) sid[i + 2] = ids[from + i];
    sid[n + 2] = END;
    sid[n + 3] = END2;
    const sc = this.sentenceCase(ids, from, from + n);

    // Features of single words and the sentence: sums of cached vectors.
    const b = (sc * 2 + (doc ? 1 : 0)) * K;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      const own = sid[i + 2] * V + OWN, p1 = sid[i + 1] * V + TO_NEXT, p2 = sid[i] * V + TO_NEXT2;
      const n1 = sid[i + 3] * V + TO_PREV, n2 = sid[i + 4] * V + TO_PREV2;
      for (let t = 0; t < K; t++) out[o + t] = base[b + t] + v[own + t] + v[p1 + t] + v[p2 + t] + v[n1 + t] + v[n2 + t];
    }

    // Features of two or three words, of the first word, glue and document case, per token.
    for (let i = 0; i < n; i++) {
      const o = i * K, pi = sid[i + 1] * INFO, ii = sid[i + 2] * INFO, ni = sid[i + 3] * INFO;
      const lwp = info[pi + LW], lwi = info[ii + LW], lwn = info[ni + LW];
      const shp = info[pi + SH], shi = info[ii + SH], shn = info[ni + SH];
      const shape = info[ii + SHAPE] * S;
      table.add(f2(T.BI_P, lwp, lwi), out, o);
      table.add(f2(T.BI_N, lwi, lwn), out, o);
      table.add(f3(T.SH3, shp, shi, shn), out, o);
      table.add(f2(T.LWP_SH, lwp, shi), out, o);
      table.add(f2(T.SH_LWN, shi, lwn), out, o);
      if (i === 0) {
        addVector(out, o, sv, shape + FIRST_SH);
        table.add(f1(T.FIRST_LW, lwi), out, o);
      }
      if (sc) table.add(f2(T.CAPS_SENT_LW, sc, lwi), out, o);
      if (glued) {
        const g = (glued[i] && i > 0 ? 1 : 0) + (i + 1 < n && glued[i + 1] ? 2 : 0);
        addVector(out, o, this.glue, g * K);
        addVector(out, o, sv, shape + GLUE_SH + g * K);
        if (g) table.add(f2(T.GLUE_LW, g, lwi), out, o);
      }
      if (doc) {
        const cls = classes[from + i] & 3, mark = classes[from + i] >> 2, pos = i === 0 ? 1 : sc ? 1 + sc : 0;
        if (mark) addVector(out, o, this.docMark, mark * K);
        addVector(out, o, this.docCase, (cls * 4 + pos) * K);
        addVector(out, o, sv, shape + DOC_SH + cls * K);
        if ((info[ii + FLAGS] & HISTORY) === HISTORY) this.addHistory(this.lower[sid[i + 2]] * HISTORY_TYPES, out, o);
      }
    }

    // Runs of capitalised tokens (joined through "-" and "&"), in running text only.
    if (sc === SENTENCE_CASE.MIXED) {
      const flag = (i: number) => info[sid[i + 2] * INFO + FLAGS];
      let i = 0;
      while (i < n) {
        if (!(flag(i) & UPPER)) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < n) {
          if (flag(j) & UPPER) j++;
          else if (flag(j) & CONNECTOR && j + 1 < n && flag(j + 1) & UPPER && (!glued || (glued[j] && glued[j + 1]))) j += 2;
          else break;
        }
        // The padding gives H_START before the first word and H_END after the last.
        const len = j - i, first = info[sid[i + 2] * INFO + LW], last = info[sid[j + 1] * INFO + LW];
        const before = info[sid[i + 1] * INFO + LW], after = info[sid[j + 2] * INFO + LW];
        for (let k = i; k < j; k++) {
          const o = k * K, pos = len === 1 ? 0 : k === i ? 1 : k === j - 1 ? 3 : 2;
          table.add(f2(T.RUN_POS, pos, Math.min(len, 5)), out, o);
          if (len > 1) {
            table.add(f2(T.RUN_FIRST, pos, first), out, o);
            table.add(f2(T.RUN_LAST, pos, last), out, o);
            table.add(f3(T.RUN_LAST_POS, pos, last, i === 0 ? 1 : 0), out, o);
          }
          table.add(f2(T.RUN_BEFORE, pos, before), out, o);
          table.add(f2(T.RUN_AFTER, pos, after), out, o);
        }
        i = j;
      }
    }

    // Gazetteer matches (from tokens where one may start): each atom scores its token and its neighbours.
    const toks = this.toks;
    toks.length = 0;
    for (let i = 0; i < n; i++) {
      if (!(info[sid[i + 2] * INFO + FLAGS] & GAZ_START)) continue;
      if (!toks.length) {
        for (let k = 0; k < n; k++) toks.push(this.gaz[sid[k + 2]]);
        this.out = out;
        this.n = n;
      }
      this.gazetteer.scanFrom(toks, i, this.onMatch);
    }
  }

  /** historyHashes (features.ts) of the counts at history[at ..], from the precomputed vectors. */
  private addHistory(at: number, out: Float64Array, o: number): void {
    const c = this.history, hv = this.historyVectors;
    let total = 0, major = 0;
    for (let t = 0; t < HISTORY_TYPES; t++) {
      total += c[at + t];
      if (c[at + t] > c[at + major]) major = t;
    }
    if (!total) {
      addVector(out, o, hv, 0);
      return;
    }
    addVector(out, o, hv, (1 + major * 3 + (c[at + major] === total ? 1 : 0)) * K);
    for (let t = 0; t < HISTORY_TYPES; t++) if (c[at + t]) addVector(out, o, hv, (3 + t * 3) * K);
  }

  /** Adds sentence s's tags (indices, as decoded) to the document's prediction history, which scores(s', true) reads for later sentences. */
  record(s: number, tags: ArrayLike<number>): void {
    const from = this.offsets[s], n = this.offsets[s + 1] - from, ids = this.docIds;
    for (let i = 0; i < n; i++) {
      const id = ids[from + i];
      if ((this.info[id * INFO + FLAGS] & HISTORY) !== HISTORY) continue;
      const at = this.lower[id] * HISTORY_TYPES;
      let total = 0;
      for (let t = 0; t < HISTORY_TYPES; t++) total += this.history[at + t];
      if (!total) this.recorded.push(this.lower[id]);
      this.history[at + historyType(tags[i])]++;
    }
  }

  private readonly onMatch = (i: number, j: number, bits: number): void => {
    for (let k = 0; k < this.gazetteer.kinds.length; k++) {
      if (!(bits & (1 << k))) continue;
      if (j === i) this.atom(i, k * 4);
      else for (let t = i; t <= j; t++) this.atom(t, k * 4 + (t === i ? 1 : t === j ? 3 : 2));
    }
  };

  /** Gazetteer atom `a` at token t: GAZ and GAZ_SH for it, GAZ_P for the next token, GAZ_N for the previous one. */
  private atom(t: number, a: number): void {
    const out = this.out, at = a * 3 * K;
    addVector(out, t * K, this.gazAtoms, at);
    this.table.add(f2(T.GAZ_SH, a, this.info[this.sid[t + 2] * INFO + SH]), out, t * K);
    if (t + 1 < this.n) addVector(out, (t + 1) * K, this.gazAtoms, at + K);
    if (t > 0) addVector(out, (t - 1) * K, this.gazAtoms, at + 2 * K);
  }
}

function addVector(out: Float64Array, o: number, v: Float64Array, at: number): void {
  for (let t = 0; t < K; t++) out[o + t] += v[at + t];
}

/**
 * Checks that float64 sums of up to 2^13 weights are exact in any order: all
 * weights are multiples of 2^(e - 23), e the exponent of the smallest, and
 * below 2^39 such units (true of every file format.ts writes).
 */
function checkExactSums({ min, max }: { min: number; max: number }): void {
  if (max === 0) return;
  let unit = 1;
  while (unit > min) unit /= 2;
  while (unit * 2 <= min) unit *= 2;
  unit *= 2 ** -23;
  if (max / unit >= 2 ** 39) throw new Error('NER weights span too wide a range for exact sums in any order (see scorer.ts)');
}
