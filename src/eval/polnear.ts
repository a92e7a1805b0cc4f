// PolNeAR (../shared/corpora/polnear) as `npm run bench:quotes` reads it: the scorer's pooled
// matching redone prediction by prediction (../shared/tools/polnear.mjs reports only totals),
// for the error listing and for source accuracy over named and pronoun sources. A pronoun
// source ("he", "who") counts as right when the speaker is the entity the pronoun refers to,
// as tests/fixtures/polnear-dev-pronoun-sources.json gives it. The scorer's own helpers
// (locate, speakerMatches) are passed in, so its rules stay the only ones.

export type Span = [number, number];

export interface PolnearAttribution {
  id: string;
  content: Span[];
  cue: Span[];
  source: Span[];
  direct: boolean;
  sourceText: string;
}
export interface PolnearDoc {
  id: string;
  text: string;
  attributions: PolnearAttribution[];
}
export type QuoteRow = Record<string, string>;

/** What ../shared/tools/polnear.mjs exports and the benchmark uses. */
export interface PolnearScorer {
  loadSplit(dir: string): PolnearDoc[];
  parseCsv(src: string): QuoteRow[];
  locate(doc: { text: string }, row: QuoteRow, taken: Set<number>): { s: number; e: number } | null;
  speakerMatches(speaker: string, source: string): boolean;
}

export interface Prediction {
  row: QuoteRow;
  frags: Span[];
}
export interface MatchedDoc {
  doc: PolnearDoc;
  predictions: Prediction[];
  /** Per gold attribution (by index), the predictions it received. */
  received: number[][];
  /** Per gold attribution, whether the predictions it received cover half its content. */
  found: boolean[];
}

function mergeSpans(frags: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of [...frags].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The scorer's pooled matching for one article: each located prediction goes to the gold it
 * overlaps most (ties: the smaller gold) if half its characters lie inside that gold; a gold is
 * found when what it received covers half its content. Characters are counted without whitespace.
 */
export function matchPooled(doc: PolnearDoc, rows: QuoteRow[], locate: PolnearScorer['locate']): MatchedDoc {
  const nonSpace = new Int32Array(doc.text.length + 1);
  for (let i = 0; i < doc.text.length; i++) nonSpace[i + 1] = nonSpace[i] + (/\s/.test(doc.text[i]) ? 0 : 1);
  const size = (fr: Span[]) => fr.reduce((n, [s, e]) => n + nonSpace[e] - nonSpace[s], 0);
  const overlap = (a: Span[], b: Span[]) => {
    let n = 0;
    for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.min(e1, e2) > Math.max(s1, s2)) n += nonSpace[Math.min(e1, e2)] - nonSpace[Math.max(s1, s2)];
    return n;
  };
  const taken = new Set<number>();
  const predictions = rows.flatMap((row): Prediction[] => {
    const at = locate(doc, row, taken);
    if (!at) return [];
    taken.add(at.s);
    return [{ row, frags: [[at.s, at.e]] }];
  });
  const golds = doc.attributions;
  const received = golds.map(() => [] as number[]);
  predictions.forEach((p, i) => {
    let best = -1, bestOverlap = 0;
    golds.forEach((g, j) => {
      const o = overlap(p.frags, g.content);
      if (o > 0 && 2 * o >= size(p.frags) && (o > bestOverlap || (o === bestOverlap && size(g.content) < size(golds[best].content)))) (best = j), (bestOverlap = o);
    });
    if (best >= 0) received[best].push(i);
  });
  const found = golds.map((g, j) => {
    const covered = mergeSpans(received[j].flatMap((i) => predictions[i].frags));
    return received[j].length > 0 && 2 * overlap(covered, g.content) >= size(g.content);
  });
  return { doc, predictions, received, found };
}

/** Forms of the verbs the corpus README calls say-type cues: say, tell, add, state, ask, write, tweet, reply, respond. */
const SAY_TYPE_WORDS = new Set(
  ('say says said saying tell tells told telling add adds added adding state states stated stating ask asks asked asking ' +
    'write writes wrote written writing tweet tweets tweeted tweeting reply replies replied replying respond responds responded responding').split(' '),
);

/** Whether a cue is say-type: it has one of those verb forms, or is "according to". */
export const isSayTypeCue = (cue: string) => /^according to$/i.test(cue.trim()) || cue.toLowerCase().split(/[^a-z]+/).some((w) => SAY_TYPE_WORDS.has(w));

/** Reported speech with a say-type cue: the attributions that are not direct quotes and whose cue is say-type, and how many were found. */
export function sayTypeReported(matched: MatchedDoc[]): { gold: number; found: number } {
  let gold = 0, found = 0;
  for (const m of matched) {
    m.doc.attributions.forEach((a, j) => {
      if (a.direct || !isSayTypeCue(a.cue.map(([s, e]) => m.doc.text.slice(s, e)).join(' '))) return;
      gold++;
      if (m.found[j]) found++;
    });
  }
  return { gold, found };
}

/** The correct predictions of an article (those of a found gold), each with its gold. */
export function correctPairs(m: MatchedDoc): Array<{ prediction: Prediction; gold: PolnearAttribution }> {
  return m.doc.attributions.flatMap((gold, j) => (m.found[j] ? m.received[j].map((i) => ({ prediction: m.predictions[i], gold })) : []));
}

// As the scorer reads a "capitalised" source: a capitalised word that is not a pronoun or determiner.
const NOT_NAMES = new Set(('i me we us you he him she her they them it who whom which that this these those one someone some others many most ' +
  'both all each either neither several few his hers its their our my your the a an another such any no every but and so').split(' '));
export const isNamedSource = (source: string) => (source.match(/[\p{L}'’.-]+/gu) ?? []).some((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()));

/**
 * One pronoun source span of the corpus and the entity it refers to: `referent` as fully as
 * the article names it and `short` (a surname, an acronym), or null with the `reason` where the
 * article names no such entity. `from` is the article's phrase a referent was put together
 * from when the article never writes it whole ("James and Olive Meehan" for "James Meehan").
 */
export interface PronounSource {
  id: string;
  start: number;
  end: number;
  text: string;
  referent: string | null;
  short?: string;
  from?: string;
  reason?: string;
}

/** Pronouns that refer back to an entity (personal, possessive, reflexive, relative, demonstrative): the fixture's sources. */
export const REFERRING_PRONOUNS = new Set(('i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself ' +
  'she her hers herself it its itself they them their theirs themselves who whom whose which that this these those').split(' '));
/** Pronouns that quantify or introduce rather than refer back: such sources are listed in the fixture as excluded. */
export const INDEFINITE_PRONOUNS = new Set(('one someone somebody anyone anybody everyone everybody nobody none each all some both either ' +
  'neither many most several few others another any').split(' '));

export interface Accuracy {
  pairs: number;
  correct: number;
  accuracy: number | null;
}
export interface SourceAccuracies {
  /** Golds whose source has a capitalised word that is not a pronoun (the scorer's "named"). */
  named: Accuracy;
  /** Golds whose source is a pronoun the fixture resolves to a named entity. */
  pronoun: Accuracy;
  /** Both together. */
  resolved: Accuracy;
}

/** Looks up the fixture entry, with a referent, for a gold attribution's source span. */
export function pronounReferents(pronouns: PronounSource[]): (docId: string, gold: PolnearAttribution) => PronounSource | undefined {
  const key = (id: string, start: number, end: number) => `${id}\t${start}\t${end}`;
  const bySpan = new Map(pronouns.filter((p) => p.referent).map((p) => [key(p.id, p.start, p.end), p]));
  return (docId, gold) => (gold.source.length ? bySpan.get(key(docId, gold.source[0][0], gold.source.at(-1)![1])) : undefined);
}

/** The scorer's last-word rule against the referent or its short form ("IMF" for the International Monetary Fund). */
export function namesReferent(speaker: string, pronoun: PronounSource, speakerMatches: PolnearScorer['speakerMatches']): boolean {
  return !!pronoun.referent && (speakerMatches(speaker, pronoun.referent) || (!!pronoun.short && speakerMatches(speaker, pronoun.short)));
}

/**
 * Speaker accuracy among correct predictions: named sources by the scorer's last-word rule
 * against the source text, pronoun sources by the same rule against the referent. A pronoun
 * the fixture does not resolve (null referent, or not listed) counts in neither.
 */
export function sourceAccuracy(matched: MatchedDoc[], pronouns: PronounSource[], speakerMatches: PolnearScorer['speakerMatches']): SourceAccuracies {
  const referentOf = pronounReferents(pronouns);
  const named = { pairs: 0, correct: 0 }, pronoun = { pairs: 0, correct: 0 };
  for (const m of matched) {
    for (const { prediction, gold } of correctPairs(m)) {
      const speaker = prediction.row.speaker ?? '';
      const resolved = referentOf(m.doc.id, gold);
      if (resolved) {
        pronoun.pairs++;
        if (namesReferent(speaker, resolved, speakerMatches)) pronoun.correct++;
      } else if (gold.sourceText && isNamedSource(gold.sourceText)) {
        named.pairs++;
        if (speakerMatches(speaker, gold.sourceText)) named.correct++;
      }
    }
  }
  const rate = (a: { pairs: number; correct: number }): Accuracy => ({ ...a, accuracy: a.pairs ? a.correct / a.pairs : null });
  return { named: rate(named), pronoun: rate(pronoun), resolved: rate({ pairs: named.pairs + pronoun.pairs, correct: named.correct + pronoun.correct }) };
}
