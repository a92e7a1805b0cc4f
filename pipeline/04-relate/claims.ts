// Claims: checkable assertions of seven kinds (money, quantity, primacy,
// comparative, forecast, finding, effect), on the clause that carries them,
// with the normalised number, hedge, qualifier and source.

import type { Claim, ClaimKind, Doc, Quote, Sentence, ValueMention } from '../../src/model.ts';
import { FINDING_SOURCES, FINDING_VERBS, HEDGES, QUALIFIERS } from './cues.ts';
import { contentId } from './ids.ts';
import { numberWordValue } from '../03-tag/values.ts';

const alt = (words: string[]) => words.map((w) => w.replace(/\s+/g, '\\s+')).join('|');

const PRIMACY = /\b(?:the|its|their|his|her|a)\s+(?:very\s+)?(first|only|biggest|largest|greatest|highest|lowest|smallest|best|worst|fastest|oldest|newest|most\s+\w+|least\s+\w+|sole)\b(?!\s+(?:time|half|quarter|day|week|month|year|thing|place|step|of\s+(?:all|these|those|them)))|\bfirst\s+of\s+its\s+kind\b|\bfor\s+the\s+first\s+time\b|\bunprecedented\b|\brecord\s+(?:high|low|level|number)\b/i;
const COMPARATIVE = /\b(?:more|less|fewer|better|worse|greater|higher|lower|further|bigger|smaller|faster|slower|stronger|weaker|cheaper|\w{3,}er)\b(?:\s+[\w-]+){0,3}?\s+than\b|\bahead\s+of\s+(?:other|the\s+rest)\b/i;
const FUTURE = /\b(?:will|shall|is\s+expected\s+to|are\s+expected\s+to|is\s+due\s+to|are\s+due\s+to|due|is\s+set\s+to|are\s+set\s+to|could|may|might|plans?\s+to|intends?\s+to|is\s+to|are\s+to)\b/i;
const FUTURE_TIME = /\b(?:(?:by|in|from|before|until|after|during|this|next|early|late|later)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|(?:19|20)\d\d|year|month|week|decade)|next\s+(?:year|month|week|decade|spring|summer|autumn|winter)|later\s+this\s+\w+|some\s+time\s+next\s+\w+|(?:this|next)\s+(?:year|summer|spring|autumn|winter|month)|(?:by|in|from)\s+(?:the\s+)?(?:end|start|beginning)\s+of|on\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))\b/i;
const EFFECT = /\b(?:would|will|could|may|might|should|to)\s+(?:\w+ly\s+|also\s+|further\s+)?(?:drive|increase|reduce|cut|improve|boost|lead\s+to|result\s+in|bring\s+about|save|create|raise|lower|strengthen|weaken|prevent|cause|enable|damage|harm|threaten|undermine|double|halve|end)\b|\b(?:resulting|leading)\s+in\b|\bled\s+to\b/i;
const FINDING = new RegExp(`\\b(?:${alt(FINDING_SOURCES)})\\b[^.;]{0,120}?\\b(?:${alt(FINDING_VERBS)})\\b`, 'i');
const QUALIFIER_BEFORE = new RegExp(`\\b(${alt(QUALIFIERS)})\\s*$`, 'i');
const HEDGE = new RegExp(`\\b(${alt(HEDGES)})\\b`, 'i');
const YEAR = /^(?:19|20)\d\d$/;
const NUMBER_WORD_QUANTITY = /\b(only|just|nearly|almost|more than|over|around|about|some|at least|fewer than|less than|up to)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a hundred|a dozen)\b|\b(half|two thirds|a third|a quarter|three quarters|one in (?:two|three|four|five|six|seven|eight|nine|ten))\s+of\b/i;

interface ClaimDraft {
  kind: ClaimKind;
  start: number;
  end: number;
  value?: number;
  unit?: string;
  qualifier?: string;
  date?: string;
  rule: string;
}

function qualifierBefore(doc: Doc, offset: number, sentenceStart: number): string | undefined {
  return QUALIFIER_BEFORE.exec(doc.text.slice(Math.max(sentenceStart, offset - 20), offset))?.[1]?.toLowerCase();
}

/** The counted thing after a number: "10 care trusts" → "care trusts". */
function unitAfter(doc: Doc, offset: number): string {
  const m = /^\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b/.exec(doc.text.slice(offset, offset + 60));
  return m && !/^(in|on|at|of|and|or|to|by|as|is|was|are|were|has|have|the)\b/.test(m[1]) ? m[1] : '';
}

function valueClaims(doc: Doc, s: Sentence, values: ValueMention[], dates: ValueMention[]): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  const money = values.filter((v) => v.kind === 'money');
  if (money.length) {
    const v = money[0];
    // "$1.5bn (£800m)": a bracketed conversion is the same amount, so one claim.
    drafts.push({ kind: 'money', start: s.start, end: s.end, value: v.value, unit: v.unit, qualifier: qualifierBefore(doc, v.start, s.start), rule: 'claim:money' });
  }
  const counts = values.filter((v) => (v.kind === 'number' || v.kind === 'percent') && !money.some((m) => v.start < m.end && v.end > m.start) && !dates.some((d) => v.start < d.end && v.end > d.start) && !YEAR.test(v.text));
  for (const v of counts) {
    const qualifier = qualifierBefore(doc, v.start, s.start);
    const unit = v.kind === 'percent' ? 'percent' : unitAfter(doc, v.end);
    if (!unit && !qualifier) continue;
    drafts.push({ kind: 'quantity', start: s.start, end: s.end, value: v.value, unit, qualifier, rule: 'claim:quantity' });
    break;
  }
  if (!counts.length && !money.length) {
    const w = NUMBER_WORD_QUANTITY.exec(doc.text.slice(s.start, s.end));
    if (w) {
      const value = numberWordValue((w[2] ?? w[3]).replace(/^a /, 'one '));
      drafts.push({ kind: 'quantity', start: s.start, end: s.end, value, unit: value !== undefined && value < 1 ? 'share' : unitAfter(doc, s.start + w.index + w[0].length), qualifier: w[1]?.toLowerCase(), rule: 'claim:quantity-words' });
    }
  }
  return drafts;
}

function patternClaims(doc: Doc, s: Sentence, dates: ValueMention[]): ClaimDraft[] {
  const text = doc.text.slice(s.start, s.end);
  const drafts: ClaimDraft[] = [];
  if (PRIMACY.test(text)) drafts.push({ kind: 'primacy', start: s.start, end: s.end, rule: 'claim:primacy' });
  if (COMPARATIVE.test(text)) drafts.push({ kind: 'comparative', start: s.start, end: s.end, rule: 'claim:comparative' });
  const future = FUTURE.exec(text);
  const when = FUTURE_TIME.exec(text);
  if (future && when) {
    const date = dates.find((d) => d.start >= s.start + when.index - 10 && d.start <= s.start + when.index + when[0].length)?.text ?? when[0].replace(/^(by|in|from|before|until|after|during|on)\s+/i, '');
    drafts.push({ kind: 'forecast', start: s.start, end: s.end, date, rule: 'claim:forecast' });
  }
  const finding = FINDING.exec(text);
  if (finding) {
    // The finding itself: what follows "found (that)", or what precedes ", a report found".
    const afterVerb = s.start + finding.index + finding[0].length;
    const rest = doc.text.slice(afterVerb, s.end).replace(/^\s*(that\s+)?/, '');
    const start = rest.trim().length > 15 ? s.end - rest.length : s.start;
    const end = rest.trim().length > 15 ? s.end : s.start + finding.index;
    drafts.push({ kind: 'finding', start, end: Math.max(end, start + 1), rule: 'claim:finding' });
  }
  if (EFFECT.test(text)) drafts.push({ kind: 'effect', start: s.start, end: s.end, rule: 'claim:effect' });
  return drafts;
}

/** "It added that ..." right after a finding continues it. */
const CONTINUES_FINDING = /^(?:It|They|The (?:report|study|inspection|review))\s+(?:also\s+)?(?:added|said|noted|found)\s+(?:that\s+)?/;

function sourceOf(doc: Doc, draft: ClaimDraft, quotes: Quote[], findingSource: string): string {
  const inQuote = quotes.find((q) => q.start <= draft.start + 2 && q.end >= draft.end - 2 && q.speaker) ?? quotes.find((q) => q.sentence === doc.sentences.findIndex((x) => x.start <= draft.start && x.end >= draft.start) && q.speaker && q.kind === 'indirect');
  if (draft.kind === 'finding') return findingSource;
  return inQuote?.speaker ?? '';
}

/** Who a report belongs to: an organisation named in the sentence before "report", or the last one that published one. */
function reportOwner(doc: Doc, s: Sentence, previous: string): string {
  const text = doc.text.slice(s.start, s.end);
  const at = s.start + text.search(new RegExp(`\\b(?:${alt(FINDING_SOURCES)})\\b`, 'i'));
  const org = doc.mentions.filter((m) => m.type === 'organisation' && m.start >= s.start && m.end <= at + 1).pop();
  if (org) return doc.entities.find((e) => e.id === org.entityId)?.name ?? org.text;
  return previous;
}

export function extractClaims(doc: Doc, quotes: Quote[]): Claim[] {
  const claims: Array<Omit<Claim, 'id'>> = [];
  let lastFinding = -1;
  let findingSource = '';
  for (const s of doc.sentences) {
    if (doc.paragraphs[s.paragraph].heading) continue;
    const inSentence = (v: ValueMention) => v.start >= s.start && v.end <= s.end;
    const values = doc.values.filter((v) => inSentence(v) && v.kind !== 'date');
    const dates = doc.values.filter((v) => inSentence(v) && v.kind === 'date');
    const drafts = [...valueClaims(doc, s, values, dates), ...patternClaims(doc, s, dates)];
    const text = doc.text.slice(s.start, s.end);
    if (lastFinding === s.index - 1 && CONTINUES_FINDING.test(text) && !drafts.some((d) => d.kind === 'finding')) {
      const lead = CONTINUES_FINDING.exec(text)![0].length;
      drafts.push({ kind: 'finding', start: s.start + lead, end: s.end, rule: 'claim:finding-continued' });
    }
    if (drafts.some((d) => d.kind === 'finding')) {
      findingSource = reportOwner(doc, s, findingSource);
      lastFinding = s.index;
    }
    const hedge = HEDGE.exec(text)?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? '';
    for (const d of drafts) {
      let { start, end } = d;
      while (end > start && /[\s.]/.test(doc.text[end - 1])) end--;
      claims.push({ kind: d.kind, start, end, text: doc.text.slice(start, end), value: d.value, unit: d.unit, qualifier: d.qualifier, date: d.date, source: sourceOf(doc, d, quotes, findingSource), hedge, sentence: s.index, rule: d.rule });
    }
  }
  return claims.map((c) => ({ ...c, id: contentId('C', c.kind + c.text) }));
}
