// Claims: checkable assertions of seven kinds (money, quantity, primacy,
// comparative, forecast, finding, effect), each on the clause that carries it,
// with the normalised number, hedge, qualifier and source.

import type { Claim, ClaimKind, Doc, Quote, Sentence, ValueMention } from '../../src/model.ts';
import { FINDING_SOURCE_WORD, FINDING_SOURCES, FINDING_VERBS, HEDGES, QUALIFIERS } from './cues.ts';
import { contentId } from './ids.ts';
import { TOKENS } from '../03-tag/index.ts';
import { tokenAt } from './phrases.ts';
import { countWords, entityName, lastWithin } from './lookup.ts';

const alt = (words: string[]) => words.map((w) => w.replace(/\s+/g, '\\s+')).join('|');

const SUPERLATIVE_WORDS = 'most\\s+\\w+|least\\s+\\w+|best|worst|biggest|largest|greatest|highest|lowest|smallest|busiest|fastest|slowest|strongest|weakest|oldest|youngest|richest|poorest|closest|hardest|cheapest|deadliest|heaviest|longest|shortest|toughest|only|first|sole|\\w{3,}iest';
const PRIMACY = new RegExp(
  [
    `\\b(?:the|its|their|his|her|our|[\\w.-]+['’]s?)\\s+(?:(?:very|single|second|third|fourth|fifth)\\s+)?(?:${SUPERLATIVE_WORDS})\\b(?!\\s+(?:time|half|quarter|day of (?:the )?(?:week|month)|step|thing|of\\s+(?:all|these|those|them)))`,
    '\\bfirst\\s+of\\s+its\\s+kind\\b',
    '\\bfor\\s+the\\s+first\\s+time\\b',
    '\\bunprecedented\\b',
    '\\b(?:a|an|the|its)\\s+(?:new\\s+)?record\\b',
    '\\ball-time\\b',
    '\\b\\w+est\\s+\\w+\\s+ever\\b',
  ].join('|'),
  'i',
);
const COMPARATIVE = /\b(?:more|less|fewer|better|worse|greater|higher|lower|further|bigger|smaller|faster|slower|stronger|weaker|cheaper|\w{3,}er)\b(?:\s+[\w-]+){0,3}?\s+than\b|\bahead\s+of\b|\b(?:below|above)\s+(?:the\s+)?(?:expectations|forecasts|estimates)\b|\bget\s+better\b|\b(?:fairer|more\s+efficient)\b/i;
/** Markers that by themselves announce what will happen. */
const STRONG_FUTURE = /\b(?:(?:(?:is|are|was|were|looks|look|seems|seem)\s+)?(?:widely\s+)?(?:expected|set|due|likely|poised|scheduled|predicted|forecast)\s+to|['’]s\s+going\s+to|(?:is|are)\s+inevitable|(?:will|could|may|might)\s+take\s+(?:up\s+to|until|years|months)|(?:is|are)\s+to\s+(?!be\b)\w+|(?:is|are)\s+going\s+to|could\s+face|will\s+(?:again\s+)?(?:win|lose|become|rise|fall|start|open|close|face|prove|return|contest|stand|launch|cut|increase|reduce|reach|double|halve)|(?:would|could|will|can)\s+(?:still\s+)?(?:win|lose))\b/i;
/** "Alitalia plans to split", "he hopes to contest"; not "with plans to" (case matters: a name or a pronoun before). */
const PLANS = /\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[A-Z][\w'’]*)\s+(?:plans|intends|hopes|aims)\s+to\b/;
const FUTURE = /\b(?:will|shall|could|may|might|would)\b/i;
const RELATIVE_FUTURE = /\b(?:which|who|that)\s+(?:will|would|could|may|might)\b/i;
const FUTURE_TIME = /\b(?:(?:by|in|from|before|until|after|during|this|next|early|late|later|within)\s+(?:a\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|(?:19|20)\d\d|year|month|week|decade)|next\s+(?:year|month|week|decade|spring|summer|autumn|winter)|later\s+this\s+\w+|some\s+time\s+next\s+\w+|(?:this|next)\s+(?:year|summer|spring|autumn|winter|month)|(?:by|at|in|from)\s+(?:the\s+)?(?:end|start|beginning)\s+of|on\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:years?|months?|weeks?)\s+away)\b/i;
const EFFECT_VERBS = 'thwart|sort\\s+out|amount\\s+to|drive|increase|reduce|cut|improve|boost|lead\\s+to|result\\s+in|bring\\s+about|save|create|raise|lower|strengthen|weaken|prevent|cause|enable|damage|harm|threaten|undermine|double|halve|end|help|benefit|stimulate|destroy|transform|alter|hit|hurt|jeopardise|secure|protect|generate|free\\s+up|lift|push\\s+up';
const EFFECT = new RegExp(`\\b(?:would|will|could|may|might|should|can)\\s+(?:\\w+ly\\s+|also\\s+|further\\s+|not\\s+)?(?:${EFFECT_VERBS})\\b|\\b(?:resulting|leading)\\s+in\\b|\\bled\\s+to\\b|\\b(?:has|have|had)\\s+(?:destroyed|transformed|boosted|damaged|hit|hurt|undermined|cut|saved|created|doubled|halved)\\b|\\bcondemns?\\b`, 'i');
const FINDING_SOURCE = `(?:${alt(FINDING_SOURCES)})s?`;
const FINDING = new RegExp(`\\b${FINDING_SOURCE}\\b[^.;]{0,120}?\\b(?:${alt(FINDING_VERBS)})\\b`, 'i');
const QUALIFIER_BEFORE = new RegExp(`\\b(${alt(QUALIFIERS)})\\s*$`, 'i');
const HEDGE = new RegExp(`\\b(${alt(HEDGES)})\\b`, 'i');
const YEAR = /^(?:19|20)\d\d$/;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, 'a dozen': 12, 'a hundred': 100 };
const MULTIPLIER_WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SHARE_WORDS: Record<string, number> = { half: 50, 'a third': 100 / 3, 'two thirds': 200 / 3, 'a quarter': 25, 'three quarters': 75 };
/** What a share is of, when it is a share of one point: "(a quarter of) a percentage point", "(half of) one point". */
const FRACTION_OF_A_POINT = /^\s+(?:a|one)\s+(percentage\s+)?point\b/i;
const MEASURES = 'second|minute|hour|day|week|month|year|mile|metre|point|goal|man|strong|seat|bed|storey|page';
// Shares and "one in five" come first: "One" alone must not swallow "One in five".
const WORD_QUANTITY = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})-(${MEASURES})\\b|\\b(${Object.keys(NUMBER_WORDS).join('|')})\\s+of\\s+(?:the\\s+|[\\w'’]+['’]s\\s+)?([a-z]+s)\\b|\\bone\\s+in\\s+(\\w+)\\b|\\b(${Object.keys(SHARE_WORDS).join('|')})\\s+of\\b|\\b(${Object.keys(NUMBER_WORDS).join('|')})(?:\\s+(${Object.keys(MULTIPLIER_WORDS).join('|')}))?(?:(?:-|\\s+)(?:[a-z]+\\s+){0,2}?([a-z]+s)\\b)?`, 'gi');
/**
 * Cheap tests that a text may match: words every match of the pattern contains
 * (kept in step with it), so that most clauses skip the costly pattern.
 */
const MAY_BE_PRIMACY = /[eor]st\b|least|only|sole|unprecedented|record|all-time/i;
const MAY_BE_COMPARATIVE = /than|ahead|below|above|better|fairer|efficient/i;
const MAY_BE_PLANS = /(?:plans|intends|hopes|aims)\s+to\b/;
const MAY_HAVE_WORD_QUANTITY = new RegExp(`\\b(?:${[...Object.keys(NUMBER_WORDS), ...Object.keys(SHARE_WORDS)].join('|')})`, 'i');
const NOT_UNIT = /^(in|on|at|of|and|or|to|by|as|is|was|are|were|has|have|the|this|its|his|her|their|years?|per|than|a|an)$/;

interface Span {
  start: number;
  end: number;
}

interface ClaimDraft extends Span {
  kind: ClaimKind;
  value?: number;
  unit?: string;
  qualifier?: string;
  date?: string;
  rule: string;
}

/** Where a sentence is cut into clauses (used with exec and lastIndex: one object, not a copy per sentence as matchAll makes). */
const CLAUSE_CUT = /[,;:]\s+|\s+[-–—]\s+/g;

/**
 * The clauses of a sentence: cut at commas, semicolons, colons and dashes, with
 * fragments of fewer than five words joined to their neighbour.
 */
function clausesOf(text: string, s: Span): Span[] {
  const cuts: Span[] = [];
  let start = s.start;
  const sentence = text.slice(s.start, s.end);
  CLAUSE_CUT.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = CLAUSE_CUT.exec(sentence)); ) {
    const at = s.start + m.index;
    // A comma inside a number ("£250,000") does not cut: the pattern needs a space after it.
    cuts.push({ start, end: at });
    start = at + m[0].length;
  }
  cuts.push({ start, end: s.end });
  const merged: Span[] = [];
  for (const c of cuts) {
    const prev = merged[merged.length - 1];
    if (prev && (fewerThanFiveWords(text, c) || fewerThanFiveWords(text, prev))) prev.end = c.end;
    else merged.push({ ...c });
  }
  return merged.map((c) => trim(text, c));
}

// Helpers of the per-sentence functions are declared here, not inside them: a closure made per call costs more than its work.
const fewerThanFiveWords = (text: string, c: Span) => countWords(text, c.start, c.end, 5) < 5;
const overlapsAny = (v: Span, list: ValueMention[]) => list.some((m) => v.start < m.end && v.end > m.start);

function trim(text: string, c: Span): Span {
  let { start, end } = c;
  while (start < end && /[\s"“”'‘’(]/.test(text[start]) && !(/["“‘']/.test(text[start]) && text.slice(start + 1, end).search(/["”’']/) >= 0)) start++;
  while (end > start && /[\s.,;:!?]/.test(text[end - 1])) end--;
  return { start, end };
}

const clauseAt = (clauses: Span[], at: number) => clauses.find((c) => at >= c.start && at < c.end) ?? clauses[clauses.length - 1];

function qualifierBefore(doc: Doc, offset: number, from: number): string | undefined {
  return QUALIFIER_BEFORE.exec(doc.text.slice(Math.max(from, offset - 20), offset))?.[1]?.toLowerCase().replace(/\s+/g, ' ');
}

/** The counted thing after a number: "10 care trusts" → "care trusts". */
function unitAfter(doc: Doc, offset: number): string {
  const m = /^[\s-]+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b/.exec(doc.text.slice(offset, offset + 60));
  if (m && !NOT_UNIT.test(m[1].split(/\s+/)[0])) return m[1];
  // "a 6,932 majority": a singular noun right after the figure.
  const tokens = TOKENS.get(doc);
  const next = tokens?.[tokenAt(tokens, offset)];
  if (next && next.pos === 'NOUN' && /^\s$/.test(doc.text.slice(offset, next.start)) && !NOT_UNIT.test(next.text)) return next.text;
  // "died aged 91"
  if (/\baged\s*$/.test(doc.text.slice(Math.max(0, offset - 12), offset).replace(/\s*\d[\d,.]*$/, ''))) return 'years of age';
  return '';
}

function valueClaims(doc: Doc, s: Sentence, clauses: Span[], values: ValueMention[], dates: ValueMention[]): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  const money = values.filter((x) => x.kind === 'money');
  // "$1.5bn (£800m)", "400m euro ($495m; £275m)": a bracketed conversion is the same amount, so one claim.
  let inConversion = false;
  money.forEach((v, i) => {
    const prev = money[i - 1];
    const between = prev ? doc.text.slice(prev.end, v.start) : '';
    inConversion = prev !== undefined && (/^\s*\(\s*$/.test(between) || (inConversion && /^\s*[;,/]\s*$/.test(between)));
    if (inConversion) return;
    drafts.push({ kind: 'money', ...clauseAt(clauses, v.start), value: v.value, unit: v.unit, qualifier: qualifierBefore(doc, v.start, s.start), rule: 'claim:money' });
  });
  for (const v of values) {
    if ((v.kind !== 'number' && v.kind !== 'percent') || overlapsAny(v, money) || overlapsAny(v, dates) || YEAR.test(v.text)) continue;
    const qualifier = qualifierBefore(doc, v.start, s.start);
    // "the fourth largest number of registered players (125,508)": a bracketed figure counts what precedes it.
    const bracketed = doc.text[v.start - 1] === '(' && doc.text[v.end] === ')' ? /([a-z][\w-]*s)\s*\($/.exec(doc.text.slice(s.start, v.start))?.[1] : undefined;
    const unit = v.kind === 'percent' ? 'percent' : unitAfter(doc, v.end) || bracketed || '';
    if (!unit && !qualifier) continue;
    drafts.push({ kind: 'quantity', ...clauseAt(clauses, v.start), value: v.value, unit, qualifier, rule: 'claim:quantity' });
  }
  const sentenceText = doc.text.slice(s.start, s.end);
  WORD_QUANTITY.lastIndex = 0;
  if (!MAY_HAVE_WORD_QUANTITY.test(sentenceText)) return drafts;
  for (let m: RegExpExecArray | null; (m = WORD_QUANTITY.exec(sentenceText)); ) {
    const at = s.start + m.index;
    if (overlapsAny({ start: at, end: at + m[0].length }, values)) continue;
    let value: number | undefined, unit = '';
    const [, measured, measure, partOf, ofWhat, oneIn, share, count, multiplier, counted] = m;
    if (measured) {
      // "a seven-second time delay", "a three-year deal"
      value = NUMBER_WORDS[measured.toLowerCase()];
      unit = `${measure}s`;
    } else if (partOf) {
      // "eight of Alitalia's rivals"
      value = NUMBER_WORDS[partOf.toLowerCase()];
      unit = ofWhat;
    } else if (oneIn) {
      const per: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
      if (!per[oneIn.toLowerCase()]) continue;
      value = Number((100 / per[oneIn.toLowerCase()]).toFixed(1));
      unit = 'percent';
    } else if (share) {
      // "half of which provide services only" qualifies the figure before it; it is not a claim of its own.
      const after = doc.text.slice(at + m[0].length);
      if (/^\s*(which|whom|them|these|those)\b/.test(after)) continue;
      // "a quarter of a percentage point" is 0.25 of a point, not 25 percent.
      const ofPoint = FRACTION_OF_A_POINT.exec(after);
      value = Number((ofPoint ? SHARE_WORDS[share.toLowerCase()] / 100 : SHARE_WORDS[share.toLowerCase()]).toFixed(ofPoint ? 3 : 1));
      unit = ofPoint ? (ofPoint[1] ? 'percentage points' : 'points') : 'percent';
    } else {
      value = NUMBER_WORDS[count.toLowerCase()] * (multiplier ? MULTIPLIER_WORDS[multiplier.toLowerCase()] : 1);
      unit = counted && !NOT_UNIT.test(counted) ? counted : '';
      // "two organisations" is a count in passing; "two million" is a figure.
      if ((!unit || /^(one|two)$/i.test(count)) && !multiplier) continue;
    }
    drafts.push({ kind: 'quantity', ...clauseAt(clauses, at), value, unit, qualifier: qualifierBefore(doc, at, s.start), rule: 'claim:quantity-words' });
  }
  return drafts;
}

function patternClaims(doc: Doc, s: Sentence, clauses: Span[], dates: ValueMention[]): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  const sentenceText = doc.text.slice(s.start, s.end);
  // When the sentence says it will happen: looked for only once a clause speaks of the future (undefined until then).
  let when: RegExpExecArray | null | undefined;
  for (const c of clauses) {
    const text = doc.text.slice(c.start, c.end);
    if (MAY_BE_PRIMACY.test(text) && PRIMACY.test(text)) drafts.push({ kind: 'primacy', ...c, rule: 'claim:primacy' });
    if (MAY_BE_COMPARATIVE.test(text) && COMPARATIVE.test(text)) drafts.push({ kind: 'comparative', ...c, rule: 'claim:comparative' });
    const dated = FUTURE.test(text) && (when === undefined ? (when = FUTURE_TIME.exec(sentenceText)) : when);
    if (STRONG_FUTURE.test(text) || (MAY_BE_PLANS.test(text) && PLANS.test(text)) || (dated && !RELATIVE_FUTURE.test(text))) {
      if (when === undefined) when = FUTURE_TIME.exec(sentenceText);
      const time = when;
      const whenAt = time ? s.start + time.index : -1;
      const date = time ? dates.find((d) => d.start >= whenAt - 10 && d.start <= whenAt + time[0].length)?.text ?? time[0].replace(/^(by|in|from|before|until|after|during|on|within)\s+/i, '') : undefined;
      // A forecast's text takes in the clause that says when ("If approved ... on 8 July, the merger will ...").
      const span = time ? { start: Math.min(c.start, clauseAt(clauses, whenAt).start), end: Math.max(c.end, clauseAt(clauses, whenAt).end) } : c;
      drafts.push({ kind: 'forecast', ...span, date, rule: dated ? 'claim:forecast-dated' : 'claim:forecast' });
    }
    if (EFFECT.test(text)) drafts.push({ kind: 'effect', ...c, rule: 'claim:effect' });
  }
  const finding = FINDING.exec(sentenceText);
  if (finding) {
    // The finding itself: what follows "found (that)", or what precedes ", a report found".
    const afterVerb = s.start + finding.index + finding[0].length;
    const rest = doc.text.slice(afterVerb, s.end).replace(/^\s*(that\s+)?/, '');
    const span = rest.trim().length > 15 ? trim(doc.text, { start: s.end - rest.length, end: s.end }) : trim(doc.text, { start: s.start, end: s.start + finding.index });
    if (span.end > span.start) drafts.push({ kind: 'finding', ...span, rule: 'claim:finding' });
  }
  return drafts;
}

/** "It added that ..." right after a finding continues it. */
const CONTINUES_FINDING = /^(?:It|They|The (?:report|study|inspection|review|survey))\s+(?:also\s+)?(?:added|said|noted|found)\s+(?:that\s+)?/;

/** Who a report belongs to: an organisation named in the sentence before "report", or the last one that published one. */
function reportOwner(doc: Doc, s: Sentence, previous: string): string {
  const text = doc.text.slice(s.start, s.end);
  const at = s.start + text.search(FINDING_SOURCE_WORD);
  const owner = lastWithin(doc, s.start, at + 1, (m) => m.type === 'organisation');
  return owner ? entityName(doc, owner) : previous;
}

/** The speaker when the claim is said in a quote, the report's owner for findings, else the article itself. */
function sourceOf(draft: ClaimDraft, quotes: Quote[], quotesInOrder: boolean, findingSource: string): string {
  if (draft.kind === 'finding' && findingSource) return findingSource;
  // With the quotes in order of start, none after one that starts past the claim can hold it.
  for (const q of quotes) {
    if (quotesInOrder && q.start > draft.start + 2) break;
    if (q.speaker && q.start <= draft.start + 2 && q.end >= draft.end - 2) return q.speaker;
  }
  for (const q of quotes) {
    if (quotesInOrder && q.start >= draft.end) break;
    if (q.speaker && q.kind === 'indirect' && q.start < draft.end && q.end > draft.start) return q.speaker;
  }
  return '';
}

export function extractClaims(doc: Doc, quotes: Quote[]): Claim[] {
  const claims: Array<Omit<Claim, 'id'>> = [];
  let lastFinding = -1;
  let findingSource = '';
  // Each value once, by the sentence it starts in, rather than a scan of all values per sentence.
  const valuesBySentence = new Map<number, ValueMention[]>();
  for (const v of doc.values) {
    const list = valuesBySentence.get(v.sentence);
    if (list) list.push(v);
    else valuesBySentence.set(v.sentence, [v]);
  }
  const quotesInOrder = quotes.every((q, i) => i === 0 || quotes[i - 1].start <= q.start);
  for (const s of doc.sentences) {
    if (doc.paragraphs[s.paragraph].heading) continue;
    const here = (valuesBySentence.get(s.index) ?? []).filter((v) => v.end <= s.end);
    const values = here.filter((v) => v.kind !== 'date');
    const dates = here.filter((v) => v.kind === 'date');
    const clauses = clausesOf(doc.text, s);
    const drafts = [...valueClaims(doc, s, clauses, values, dates), ...patternClaims(doc, s, clauses, dates)];
    const text = doc.text.slice(s.start, s.end);
    if (lastFinding === s.index - 1 && CONTINUES_FINDING.test(text) && !drafts.some((d) => d.kind === 'finding')) {
      const lead = CONTINUES_FINDING.exec(text)![0].length;
      drafts.push({ kind: 'finding', ...trim(doc.text, { start: s.start + lead, end: s.end }), rule: 'claim:finding-continued' });
    }
    if (drafts.some((d) => d.kind === 'finding')) {
      findingSource = reportOwner(doc, s, findingSource);
      lastFinding = s.index;
    }
    if (!drafts.length) continue;
    const hedge = HEDGE.exec(text)?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? '';
    for (const d of drafts) {
      claims.push({ kind: d.kind, start: d.start, end: d.end, text: doc.text.slice(d.start, d.end), value: d.value, unit: d.unit, qualifier: d.qualifier, date: d.date, source: sourceOf(d, quotes, quotesInOrder, findingSource), hedge, sentence: s.index, rule: d.rule });
    }
  }
  claims.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  return claims.map((c) => ({ ...c, id: contentId('C', c.kind + c.text) }));
}
