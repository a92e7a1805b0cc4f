// The tag set: BIO over PER, LOC, ORG and MISC.

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof TAGS)[number];
export type NerType = 'PER' | 'LOC' | 'ORG' | 'MISC';
export const NUM_TAGS = TAGS.length;
export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

/** An entity over tokens [start, end). */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}

/** allowed[prev * NUM_TAGS + cur] (prev = NUM_TAGS for the sentence start): I-X only after B-X or I-X. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let p = 0; p <= NUM_TAGS; p++) {
    for (let c = 0; c < NUM_TAGS; c++) {
      const cur = TAGS[c];
      if (!cur.startsWith('I-')) a[p * NUM_TAGS + c] = 1;
      else if (p < NUM_TAGS && TAGS[p] !== 'O' && TAGS[p].slice(2) === cur.slice(2)) a[p * NUM_TAGS + c] = 1;
    }
  }
  return a;
})();

/** Spans from a BIO sequence (a stray I-X opens a span, as in conlleval). */
export function tagsToSpans(tags: ReadonlyArray<string>): NerSpan[] {
  const spans: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O') {
      cur = null;
      continue;
    }
    const type = t.slice(2) as NerType;
    if (t.startsWith('B-') || !cur || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      spans.push(cur);
    } else cur.end = i + 1;
  }
  return spans;
}

const TYPE_OF = TAGS.map((t) => t.slice(2) as NerType);
const BEGINS = TAGS.map((t) => t.startsWith('B-'));
const O = TAGS.indexOf('O');

/** tagsToSpans over tag indices (what the tagger decodes), without making the tag names. */
export function indexSpans(tags: ArrayLike<number>): NerSpan[] {
  const spans: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === O) {
      cur = null;
      continue;
    }
    const type = TYPE_OF[t];
    if (BEGINS[t] || !cur || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      spans.push(cur);
    } else cur.end = i + 1;
  }
  return spans;
}
