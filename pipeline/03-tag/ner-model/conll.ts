// CoNLL-2003 for training and evaluation (never imported by the tagger itself):
// reading the files, re-tokenising them the way the pipeline's wink-nlp pass
// does, and exact-span scoring as ../shared/tools/conll.mjs does it.

import fs from 'node:fs';
import { isTextToken, winkTokens } from '../tokens.ts';
import { sentenceCase, SENTENCE_CASE, TITLE_LOWER_WORDS } from './features.ts';
import { tagsToSpans, type NerTag, type NerType } from './tags.ts';

export interface ConllSentence {
  words: string[];
  /** BIO (IOB2) tags. */
  tags: NerTag[];
  /** For each word, the index of the original CoNLL token it comes from. */
  orig: number[];
}

export interface ConllDoc {
  id: string;
  sentences: ConllSentence[];
}

/** Documents as conll.mjs numbers them (conll-001, ...), IOB1 converted to BIO. */
export function readConll(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | null = null;
  let words: string[] = [], raw: string[] = [];
  const flush = () => {
    if (doc && words.length) {
      const tags: NerTag[] = raw.map((t, i) => {
        if (t === 'O') return 'O';
        const type = t.slice(2);
        const prev = i > 0 ? raw[i - 1] : 'O';
        const begins = t.startsWith('B-') || prev === 'O' || prev.slice(2) !== type;
        return `${begins ? 'B' : 'I'}-${type}` as NerTag;
      });
      doc.sentences.push({ words, tags, orig: words.map((_, i) => i) });
    }
    words = [];
    raw = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      doc = { id: `conll-${String(docs.length + 1).padStart(3, '0')}`, sentences: [] };
      docs.push(doc);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split(' ');
    words.push(cols[0]);
    raw.push(cols[3]);
  }
  flush();
  return docs;
}

/**
 * The same documents tokenised by wink-nlp as the pipeline tokenises them (the
 * document text built as conll.mjs builds it, one wink pass per document):
 * "Bre-X" becomes Bre - X, "U.S." becomes U.S + ".", "1." becomes 1 + ".".
 * A piece of an entity token continues the entity (I-X).
 */
export function winkTokenised(docs: ConllDoc[]): ConllDoc[] {
  return docs.map((d) => {
    const starts: Array<{ s: number; i: number; at: number }> = [];
    let text = '';
    d.sentences.forEach((sent, s) => {
      if (s) text += '\n';
      sent.words.forEach((w, i) => {
        if (i) text += ' ';
        starts.push({ s, i, at: text.length });
        text += w;
      });
    });
    const out: ConllSentence[] = d.sentences.map(() => ({ words: [], tags: [], orig: [] }));
    let k = 0;
    for (const { text: word, start, end } of winkTokens(text).tokens.filter(isTextToken)) {
      while (k + 1 < starts.length && starts[k + 1].at <= start) k++;
      const { s, i, at: tokStart } = starts[k];
      const src = d.sentences[s];
      if (end > tokStart + src.words[i].length) throw new Error(`${d.id}: wink token "${word}" crosses a CoNLL token`);
      const gold = src.tags[i];
      const o = out[s];
      o.words.push(word);
      o.tags.push(gold === 'O' || start === tokStart ? gold : (`I-${gold.slice(2)}` as NerTag));
      o.orig.push(i);
    }
    return { id: d.id, sentences: out.filter((s) => s.words.length) };
  });
}

/** glued[i]: word i is a piece of the same CoNLL token as word i - 1 (no space between them). */
export const gluedOf = (s: { orig: number[] }): boolean[] => s.orig.map((o, i) => i > 0 && o === s.orig[i - 1]);

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Score extends Counts {
  p: number;
  r: number;
  f1: number;
}
export type Scores = Record<'PER' | 'LOC' | 'ORG' | 'all', Score>;

const score = (a: Counts): Score => {
  const p = a.tp / (a.tp + a.fp || 1), r = a.tp / (a.tp + a.fn || 1);
  return { ...a, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/**
 * Exact-span micro scores over PER, LOC and ORG as conll.mjs computes them: keys
 * name a span of original CoNLL tokens; a predicted span equal to a gold MISC
 * span counts neither way; predicted MISC spans are not scored.
 */
function scoreKeys(gold: Map<string, NerType>, predicted: Map<string, NerType>): Scores {
  const c: Record<string, Counts> = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
  for (const [k, t] of predicted) {
    if (t === 'MISC') continue;
    const g = gold.get(k);
    if (g === t) c[t].tp++;
    else if (g === 'MISC') continue;
    else c[t].fp++;
  }
  for (const [k, t] of gold) if (t !== 'MISC' && predicted.get(k) !== t) c[t].fn++;
  const all = (['PER', 'LOC', 'ORG'] as const).reduce((s, t) => ({ tp: s.tp + c[t].tp, fp: s.fp + c[t].fp, fn: s.fn + c[t].fn }), { tp: 0, fp: 0, fn: 0 });
  return { PER: score(c.PER), LOC: score(c.LOC), ORG: score(c.ORG), all: score(all) };
}

/** Span keys "doc:sentence:first:last" over original token indices. */
function spanKeys(docs: ConllDoc[], tagsOf: (doc: number, sentence: number) => ReadonlyArray<string>): Map<string, NerType> {
  const keys = new Map<string, NerType>();
  docs.forEach((d, di) =>
    d.sentences.forEach((s, si) => {
      for (const sp of tagsToSpans(tagsOf(di, si))) {
        const key = `${d.id}:${si}:${s.orig[sp.start]}:${s.orig[sp.end - 1]}`;
        if (!keys.has(key)) keys.set(key, sp.type);
      }
    }),
  );
  return keys;
}

/** Scores of predicted tags against a corpus's own gold tags. */
export function scoreTags(docs: ConllDoc[], predicted: NerTag[][][]): Scores {
  return scoreKeys(
    spanKeys(docs, (d, s) => docs[d].sentences[s].tags),
    spanKeys(docs, (d, s) => predicted[d][s]),
  );
}

export const formatScores = (s: Scores): string =>
  (['PER', 'LOC', 'ORG', 'all'] as const)
    .map((k) => `${k.padEnd(4)} P ${(100 * s[k].p).toFixed(1)}  R ${(100 * s[k].r).toFixed(1)}  F1 ${(100 * s[k].f1).toFixed(1)}`)
    .join('\n');

/**
 * A Title Case copy of a sentence of running text, as a heading is written: every word
 * capitalised, or (`plain`) all but the small words of TITLE_LOWER_WORDS; no closing full stop.
 */
function titleCased(s: ConllSentence, plain: boolean): ConllSentence {
  const words = s.words.map((w, i) => (/^\p{Ll}/u.test(w) && !(plain && i > 0 && TITLE_LOWER_WORDS.has(w)) ? w[0].toUpperCase() + w.slice(1) : w));
  const n = words.length > 1 && words[words.length - 1] === '.' ? words.length - 1 : words.length;
  return { words: words.slice(0, n), tags: s.tags.slice(0, n), orig: s.orig.slice(0, n) };
}

/**
 * Web pages are full of Title Case headings ("Prices Set To Rise"), where a capital is no
 * evidence of a name; CoNLL's headlines are in capitals. Each document chosen (a share of
 * `share`) gets a Title Case copy of one of its sentences of running text (4-20 words) at its
 * head, tagged as the original, so that the model learns to read such lines from context,
 * the word's clusters and how the document writes the word elsewhere.
 */
export function titleCaseHeadings(docs: ConllDoc[], share: number, random: () => number): Array<ConllDoc & { titled: boolean }> {
  return docs.map((d) => {
    const pick = random() < share, plain = random() < 0.5, r = random();
    const running = d.sentences.filter((s) => s.words.length >= 4 && s.words.length <= 20 && sentenceCase(s.words) === SENTENCE_CASE.MIXED);
    if (!pick || !running.length) return { ...d, titled: false };
    return { id: d.id, sentences: [titleCased(running[Math.floor(r * running.length)], plain), ...d.sentences], titled: true };
  });
}

/** Scores of the Title Case headings that titleCaseHeadings added, alone (tagged in their documents). */
export function scoreHeadings(docs: Array<ConllDoc & { titled: boolean }>, predicted: NerTag[][][]): Scores {
  const titled = docs.map((d, i) => ({ d, p: predicted[i] })).filter((x) => x.d.titled);
  return scoreTags(titled.map((x) => ({ id: x.d.id, sentences: [x.d.sentences[0]] })), titled.map((x) => [x.p[0]]));
}
