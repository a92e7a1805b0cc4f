// One scored choice between the names the rules cut from runs of capitals and the
// names the statistical tagger reads. Each distinct span either proposes (a rule's
// name, the tagger's name, or both) is an option; a linear classifier scores it as
// none, person, place or organisation from named features (which rule, the rule's
// type, the tagger's reading and how sure it is of this span, gazetteers, head words,
// how the article names it elsewhere); of overlapping options the best are taken
// first. Its weights (arbiter-weights.json) are learned by scripts/train-arbiter.ts
// from CoNLL-2003 train, over candidates the pipeline makes with taggers that did not
// see the document in training.

import type { EntityType } from '../../src/model.ts';
import { firstIndexNotBefore } from '../../src/sorted.ts';
import type { SentenceMarginals } from './ner-model/decode.ts';
import { TAG_INDEX, type NerSpan } from './ner-model/tags.ts';
import type { Token } from './tokens.ts';
import shipped from './arbiter-weights.json' with { type: 'json' };

export const LABELS = ['none', 'person', 'place', 'organisation'] as const;
export type Label = (typeof LABELS)[number];

/** A name as a stage of the tagger proposes it. */
export interface Proposal {
  start: number;
  end: number;
  type: EntityType;
  /** The name without a title: where it starts. */
  nameStart: number;
  name: string;
  rule: string;
  title?: string;
}

/**
 * How the readings of a span stand to each other: `agreed`, a rule's name the tagger does not
 * contest (it reads the same or nothing there); `type`, the tagger reads the rule's span as
 * another type; `span`, the rules and the tagger cut the words differently (the options that
 * overlap); `misc`, a weak rule's name inside what the tagger reads as a work or an event;
 * `alone`, a name only the tagger reads; `once`, a lone word only the tagger reads, once in the
 * article (headings included), not in capitals, no person's given name or surname there.
 */
export type OptionKind = 'agreed' | 'type' | 'span' | 'misc' | 'alone' | 'once';

/** One span to decide, with what proposed it and the features it is judged by. */
export interface Option<P extends Proposal = Proposal> {
  /** The name's span (titles left out), in the text. */
  start: number;
  end: number;
  name: string;
  rules: P[];
  model?: P;
  kind: OptionKind;
  features: string[];
  /** Of a lone word only the tagger reads, once: the tagger's probability of exactly its reading (span and type). */
  sure?: number;
  /** Of such a word: the capitalised words it runs on from or into ("Union" in "State of the Union", "Economist" in "Group Economist"). */
  runsOn?: 'from' | 'into';
}

export interface Weights {
  /** The temperature of the tagger's marginals the weights were trained with. */
  temperature: number;
  /** The rules the weights learned enough about to judge (others' names stand as the rule found them). */
  judged: { has(rule: string): boolean };
  /** The kinds of option the weights judge (the others are settled as the rules settle them). */
  kinds: { has(kind: OptionKind): boolean };
  /** Per feature, a weight for each label, in LABELS order. */
  weights: Map<string, Float64Array>;
}

const TAGGER_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
const BEGIN = TAGGER_TYPES.map((t) => TAG_INDEX.get(`B-${t}`)!);
const MODEL_BEGIN: Record<EntityType, number> = { person: TAG_INDEX.get('B-PER')!, place: TAG_INDEX.get('B-LOC')!, organisation: TAG_INDEX.get('B-ORG')! };

/** Probabilities in a few bands, so that a linear model can weigh sure and unsure readings apart. */
function band(p: number): string {
  if (p < 0.02) return '0';
  if (p < 0.1) return '.02';
  if (p < 0.3) return '.1';
  if (p < 0.5) return '.3';
  if (p < 0.7) return '.5';
  if (p < 0.9) return '.7';
  if (p < 0.98) return '.9';
  return '.98';
}

/** What the arbiter needs to know of the text and lexicons around an option. */
export interface Context {
  tokens: Token[];
  /** Sentence of each token and the sentences' token ranges. */
  sentenceOfToken: Int32Array;
  sentenceRanges: Array<[number, number]>;
  marginals: Array<SentenceMarginals | undefined>;
  /** The tagger's spans of each sentence (token ranges within it), MISC included. */
  modelSpans: NerSpan[][];
  /** Lexical facts about a name: gazetteer hits, head words, a given name. */
  lexical: (name: string) => string[];
  /** What the words around tokens[from .. to] say of it ("around Buffalo", "Ashfield, Nottinghamshire"). */
  around: (from: number, to: number) => string[];
  /** The rules that are weak evidence of a type by themselves. */
  weakRules: ReadonlySet<string>;
  /** How many times the tagger reads a name in the whole article, headings included. */
  modelCount: (name: string) => number;
  /** Whether the article reports games (it gives scores, "2-1", "4-38"): there a town's or a county's name is often its club's. */
  reportsGames: boolean;
  /** The kinds of option that are to be scored: the others get no features (they cost time). */
  scored: (kind: OptionKind) => boolean;
}

/** The token starting at `start` (tokens sorted by offset), or -1. */
export function tokenStartingAt(tokens: Token[], start: number): number {
  const i = firstIndexNotBefore(tokens.length, (k) => tokens[k].start < start);
  return tokens[i]?.start === start ? i : -1;
}

const capitalised = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
/** Lower-case words that join the words of one name ("State of the Union", "Banco de Chile"). */
const JOINING = /^(?:of|the|and|for|de|del|la|du|des)$/;

/** Whether the word tokens[i] runs on from capitalised words before it ("State of the Union"), or into one after it. */
function runOf(tokens: Token[], [first, past]: [number, number], i: number): 'from' | 'into' | undefined {
  let k = i - 1;
  while (k >= first && JOINING.test(tokens[k].text)) k--;
  if (k >= first && capitalised(tokens[k]) && !/^(?:The|A|An)$/.test(tokens[k].text)) return 'from';
  return i + 1 < past && capitalised(tokens[i + 1]) ? 'into' : undefined;
}

/** Gathers the proposals by the span of their name, and gives each option its kind and its features. */
export function optionsOf<P extends Proposal>(rules: P[], model: P[], ctx: Context): Option<P>[] {
  // A span's key is a number (start * past + end): a string key per proposal cost more than the rest of the gathering.
  let past = 1;
  for (const p of rules) past = Math.max(past, p.end + 1);
  for (const p of model) past = Math.max(past, p.end + 1);
  const byKey = new Map<number, Option<P>>();
  const get = (p: P) => {
    const key = p.nameStart * past + p.end;
    let o = byKey.get(key);
    if (!o) byKey.set(key, (o = { start: p.nameStart, end: p.end, name: p.name, rules: [], kind: 'agreed', features: [] }));
    return o;
  };
  for (const r of rules) get(r).rules.push(r);
  for (const m of model) get(m).model = m;
  const options = [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);

  // The options each one overlaps (options are sorted by start, and names are short).
  const overlaps = options.map(() => [] as Option<P>[]);
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length && options[j].start < options[i].end; j++) {
      overlaps[i].push(options[j]);
      overlaps[j].push(options[i]);
    }
  }

  // How the article names the same words elsewhere.
  const count = new Map<string, number>();
  const strong = new Map<string, Set<EntityType>>();
  const personParts = new Set<string>();
  const wordsOf = options.map((o) => o.name.split(/\s+/));
  options.forEach((o, i) => {
    count.set(o.name, (count.get(o.name) ?? 0) + 1);
    for (const r of o.rules) if (!ctx.weakRules.has(r.rule)) (strong.get(o.name) ?? strong.set(o.name, new Set()).get(o.name)!).add(r.type);
    const person = o.rules.some((r) => r.type === 'person') || o.model?.type === 'person';
    const ws = wordsOf[i];
    if (person && ws.length > 1) {
      personParts.add(ws[0]);
      personParts.add(ws[ws.length - 1]);
    }
  });

  options.forEach((o, i) => {
    // The kind first: only the kinds to be scored get features (most options are agreed on, and never scored).
    const ws = wordsOf[i];
    if (overlaps[i].length) o.kind = 'span';
    else if (!o.rules.length) o.kind = 'alone';
    else if (o.model && o.rules.some((r) => r.type !== o.model!.type)) o.kind = 'type';
    const from = tokenStartingAt(ctx.tokens, o.start);
    const s = from >= 0 ? ctx.sentenceOfToken[from] : -1;
    let to = from;
    while (to >= 0 && to < ctx.tokens.length && ctx.tokens[to].end < o.end) to++;
    const aligned = from >= 0 && to < ctx.tokens.length && ctx.tokens[to].end === o.end;
    const a = aligned ? from - ctx.sentenceRanges[s][0] : 0, b = aligned ? to + 1 - ctx.sentenceRanges[s][0] : 0;
    // Looked up only where it is read: most options are agreed by a strong rule and never scored.
    const inMisc = () => aligned && (ctx.modelSpans[s] ?? []).some((x) => x.type === 'MISC' && x.start <= a && b <= x.end);
    if (o.kind === 'agreed' && o.rules.some((r) => ctx.weakRules.has(r.rule)) && inMisc()) o.kind = 'misc';
    if (o.kind === 'alone' && ws.length === 1 && !o.model!.title && /\p{Ll}/u.test(o.name) && !personParts.has(o.name) && ctx.modelCount(o.name) < 2) o.kind = 'once';
    if (o.kind === 'once' && aligned) {
      o.runsOn = runOf(ctx.tokens, ctx.sentenceRanges[s], from);
      // Read only for a place or a body that runs on from no capitalised words (settle): the lattice is solved only then.
      if (!o.runsOn && o.model!.type !== 'person') o.sure = ctx.marginals[s]?.span(a, b, MODEL_BEGIN[o.model!.type]);
    }
    if (!ctx.scored(o.kind)) return;

    const f = o.features;
    f.push('bias');
    if (!o.rules.length) f.push('rule:none');
    for (const r of o.rules) f.push(`rule:${r.rule}`, `rule-type:${r.type}`);
    if (o.rules.some((r) => r.title)) f.push('title');
    if (o.model) f.push(`model:${o.model.type}`);
    if (ctx.reportsGames) f.push('reports-games');
    // A rule and the tagger typing the same words apart, in an article that reports games or in another.
    for (const r of o.rules) if (o.model && o.model.type !== r.type) f.push(`${ctx.reportsGames ? 'games-' : ''}clash:${r.type}>${o.model.type}`);
    f.push(`words:${Math.min(ws.length, 3)}`);
    // How the option's span stands to the other readings of the same words.
    for (const x of overlaps[i]) {
      const who = x.model ? 'model' : 'rule';
      if (o.start <= x.start && x.end <= o.end) f.push(`longer-than:${who}`);
      else if (x.start <= o.start && o.end <= x.end) f.push(`shorter-than:${who}`);
      else f.push(`crossing:${who}`);
    }
    if (aligned) {
      const m = ctx.marginals[s];
      if (m) {
        TAGGER_TYPES.forEach((t, k) => f.push(`p${t}:${band(m.span(a, b, BEGIN[k]))}`));
        for (const r of o.rules) f.push(`prule:${band(m.span(a, b, MODEL_BEGIN[r.type]))}`);
      }
      if (inMisc()) f.push('in-misc');
      f.push(...ctx.around(from, to));
    } else f.push('unaligned');
    if (!o.rules.length) f.push(`model-only-count:${Math.min(count.get(o.name)!, 2)}`);
    f.push(...ctx.lexical(o.name));
    for (const t of strong.get(o.name) ?? []) if (!o.rules.some((r) => r.type === t && !ctx.weakRules.has(r.rule))) f.push(`doc-strong:${t}`);
    if (ws.length === 1 && personParts.has(o.name)) f.push('person-part');
  });
  return options;
}

/** Scores of each label for features `f`. */
export function scoreOf(weights: Weights, f: readonly string[]): Float64Array {
  const s = new Float64Array(LABELS.length);
  for (const x of f) {
    const w = weights.weights.get(x);
    if (w) for (let k = 0; k < LABELS.length; k++) s[k] += w[k];
  }
  return s;
}

/** The chosen label of an option, and how far it beat "none". */
export interface Decision<P extends Proposal = Proposal> {
  option: Option<P>;
  label: EntityType;
  margin: number;
}

/**
 * The options taken: each scored, its best label kept where it beats "none", and of
 * overlapping options the set with the largest sum of margins (weighted interval scheduling).
 */
export function decide<P extends Proposal>(options: Option<P>[], weights: Weights): Decision<P>[] {
  const scored: Decision<P>[] = [];
  for (const option of options) {
    const s = scoreOf(weights, option.features);
    let best = 1;
    for (let k = 2; k < LABELS.length; k++) if (s[k] > s[best]) best = k;
    const margin = s[best] - s[0];
    if (margin <= 0) continue;
    scored.push({ option, label: LABELS[best] as EntityType, margin });
  }
  scored.sort((a, b) => a.option.end - b.option.end || a.option.start - b.option.start);
  // total[i]: the best sum over the first i options; previous[i]: the options before option i that end before it starts.
  const total = new Float64Array(scored.length + 1);
  const previous = new Int32Array(scored.length);
  for (let i = 0; i < scored.length; i++) {
    previous[i] = firstIndexNotBefore(i, (k) => scored[k].option.end <= scored[i].option.start);
    total[i + 1] = Math.max(total[i], total[previous[i]] + scored[i].margin);
  }
  const taken: Decision<P>[] = [];
  for (let i = scored.length; i > 0; ) {
    if (total[i] === total[i - 1]) i--;
    else {
      taken.push(scored[i - 1]);
      i = previous[i - 1];
    }
  }
  return taken.reverse();
}

/** The weights file: the temperature, and per feature its weights in LABELS order. */
export interface WeightsFile {
  labels: readonly string[];
  temperature: number;
  /** How many training options each rule proposed. */
  rules: Record<string, number>;
  kinds: OptionKind[];
  meta: Record<string, unknown>;
  weights: Record<string, number[]>;
}

/** Training options a rule must have proposed for the arbiter to judge its names. */
const MIN_RULE_OPTIONS = 50;

export function parseWeights(file: WeightsFile): Weights {
  if (file.labels.join() !== LABELS.join()) throw new Error(`arbiter weights have labels ${file.labels.join()}, expected ${LABELS.join()}`);
  const judged = new Set(Object.entries(file.rules ?? {}).filter(([, n]) => n >= MIN_RULE_OPTIONS).map(([rule]) => rule));
  return { temperature: file.temperature, judged, kinds: new Set(file.kinds ?? []), weights: new Map(Object.entries(file.weights).map(([k, v]) => [k, Float64Array.from(v)])) };
}

let loaded: Weights | undefined;
/** The shipped weights, made once per process. */
export function loadWeights(): Weights {
  loaded ??= parseWeights(shipped as unknown as WeightsFile);
  return loaded;
}

/** Makes `weights` the ones loadWeights gives (scripts/train-arbiter.ts, while it learns them). */
export function useWeights(weights: Weights): void {
  loaded = weights;
}
