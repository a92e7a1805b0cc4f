// Quotes: direct speech in quotation marks (straight, curly, single; over
// several paragraphs) and reported speech ("X said (that) ..."), with speakers.

import type { Doc, Quote } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { REPORTING_VERBS } from './cues.ts';
import { lastPersonBefore, resolveSpeaker, type Speaker } from './speakers.ts';
import { contentId } from './ids.ts';

interface Span {
  start: number;
  end: number;
}

interface QuoteSpan extends Span {
  /** Offsets of the quotation marks (the span is the text between them). */
  open: number;
  close: number;
  paragraph: number;
  closed: boolean;
}

const OPENERS = new Set(['“', '"', '‘', "'", '«', '„']);
const CLOSERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“' };
/** Quotes this short with no reporting verb are scare quotes ("root and branch"), not speech. */
const SCARE_QUOTE_MAX_WORDS = 4;

const VERB_ALT = REPORTING_VERBS.map((v) => v.replace(' ', '\\s+')).join('|');
const ADVERBS = '(?:also|later|previously|recently|repeatedly|still|now|however|then|further|yesterday|today|earlier)';
// "..., said Mr Smith" / "..., Mr Smith said" right after a closing quote.
const AFTER_VERB_SUBJECT = new RegExp(`^[,\\s]*(?:${VERB_ALT})\\s+((?:[A-Za-z][\\w'’.-]*\\s*){1,8}?)(?=[,.;:]|$)`, 'u');
const AFTER_SUBJECT_VERB = new RegExp(`^[,\\s]*((?:[A-Za-z][\\w'’.-]*[\\s,]*){1,10}?)\\s+(?:${ADVERBS}\\s+)?(?:${VERB_ALT})\\b`, 'u');
// "X said:" / "X, leader of the council, said:" / "X told the BBC:" right before an opening quote.
const BEFORE_SUBJECT_VERB = new RegExp(`(?:^|[.;!?]\\s+|[,]\\s+)([^.;!?“”"]{1,160}?)\\s+(?:${ADVERBS}\\s+)?(${VERB_ALT})\\b[^.;!?“”"]{0,60}?[:,]?\\s*$`, 'u');
const ACCORDING_TO = /\baccording to\s+([^,.;“"]{2,100})/i;

const isLetter = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** Quotation-mark spans in one paragraph. Apostrophes inside words are not quote marks. */
function quoteSpansIn(text: string, from: number, to: number, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    const single = ch === "'" || ch === '‘';
    const opensHere = OPENERS.has(ch) && (!single || (!isLetter(text[i - 1]) && isLetter(text[i + 1])));
    if (!opensHere) {
      i++;
      continue;
    }
    const closer = CLOSERS[ch];
    let j = i + 1;
    let close = -1;
    while (j < to) {
      const c = text[j];
      const isClose = c === closer || (ch === '"' && c === '”') || (ch === '“' && c === '"');
      if (isClose && (!(c === "'" || c === '’') || !isLetter(text[j + 1]))) {
        if (!(single && isLetter(text[j - 1]) === false && text[j - 1] !== '.' && text[j - 1] !== ',' && text[j - 1] !== '!' && text[j - 1] !== '?' && text[j - 1] !== ']' && text[j - 1] !== ')')) {
          close = j;
          break;
        }
      }
      // A new double opening mark inside an unclosed double quote: the BBC's "First. "Second." style.
      if (!single && (c === '“') && j > i + 1) break;
      j++;
    }
    if (close < 0 && single) {
      i++;
      continue;
    }
    const end = close < 0 ? j : close;
    spans.push({ start: i + 1, end, open: i, close: close < 0 ? end : close, paragraph, closed: close >= 0 });
    i = close < 0 ? j : close + 1;
  }
  return spans.filter((s) => s.end > s.start);
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,]/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  return { start, end };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

interface Cue {
  speaker: Speaker;
  cue: string;
}

/** A speaker introduced right after the closing mark or right before the opening mark. */
function cueAround(doc: Doc, q: QuoteSpan, previous: Speaker | null, allQuotes: Span[]): Cue | null {
  const text = doc.text;
  const para = doc.paragraphs[q.paragraph];
  const nextOpen = allQuotes.find((o) => o.start > q.end + 1)?.start ?? para.end;
  const afterStart = q.close + 1;
  const after = text.slice(afterStart, Math.min(para.end, nextOpen - 1));
  let m = AFTER_VERB_SUBJECT.exec(after);
  if (m && m[1] && /^[A-Za-z]/.test(m[1]) && !/^(that|the\s+\w+\s+was)\b/i.test(m[1])) {
    const s = afterStart + m.index + m[0].indexOf(m[1]);
    const verb = /^[,\s]*(\S+)/.exec(after)![1];
    return { speaker: resolveSpeaker(doc, s, s + m[1].trimEnd().length, previous, allQuotes), cue: verb };
  }
  m = AFTER_SUBJECT_VERB.exec(after);
  if (m && m[1] && wordCount(m[1]) <= 8) {
    const s = afterStart + m[0].indexOf(m[1]);
    const verb = m[0].slice(m[0].indexOf(m[1]) + m[1].length).trim().split(/\s+/).pop()!;
    return { speaker: resolveSpeaker(doc, s, s + m[1].trimEnd().length, previous, allQuotes), cue: verb };
  }
  const sentenceStart = doc.sentences[sentenceAt(doc, q.open)]?.start ?? para.start;
  const prevQuoteEnd = [...allQuotes].reverse().find((o) => o.end < q.open && o.end >= para.start)?.end ?? -1;
  const beforeStart = Math.max(sentenceStart, para.start, prevQuoteEnd + 1);
  const before = text.slice(beforeStart, q.open);
  m = BEFORE_SUBJECT_VERB.exec(before);
  if (m) {
    const s = beforeStart + m.index + m[0].indexOf(m[1]);
    return { speaker: resolveSpeaker(doc, s, s + m[1].length, previous, allQuotes), cue: m[2] };
  }
  const acc = ACCORDING_TO.exec(before);
  if (acc) {
    const s = beforeStart + acc.index + acc[0].indexOf(acc[1]);
    return { speaker: resolveSpeaker(doc, s, s + acc[1].trimEnd().length, previous, allQuotes), cue: 'according to' };
  }
  return null;
}

/** Reported speech in one sentence: "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE". */
const REPORTED_AFTER = new RegExp(`^(.{1,120}?)\\s+(?:${ADVERBS}\\s+)?(${VERB_ALT})(?:\\s+(?:the\\s+BBC|BBC\\s+News|reporters|journalists|MPs|the\\s+\\w+|\\w+))??\\s+(?:that\\s+|on\\s+\\w+\\s+that\\s+)?(.+)$`, 'u');
const REPORTED_BEFORE = new RegExp(`^(.+?),\\s+((?:[\\w'’.-]+\\s+){0,7}?[\\w'’.-]+)\\s+(${VERB_ALT})\\.?$`, 'u');
const CLAUSE_STOP = /,\s+(?:although|though|while|whereas)\b|,\s+(?:the\s+)?\w+\s+(?:said|says|found|added)\b/;
const SUBJECT_OK = /^(?:he|she|they|it|we|i)$|\b(?:spokesman|spokeswoman|spokesperson|report|organisations|officials|analysts|ministers|document|documents|statement|survey|study|council|government|police|experts|critics|campaigners|figures|plan|union|firm|company)\b/i;

function reportedSpeech(doc: Doc, sentence: Span, direct: QuoteSpan[], previous: Speaker | null, allQuotes: Span[]): Array<{ clause: Span; subject: Span; cue: string }> {
  const text = doc.text.slice(sentence.start, sentence.end).replace(/[.!?]+["'”’]*$/, (m) => ' '.repeat(m.length));
  const trimmedEnd = sentence.start + text.trimEnd().length;
  const found: Array<{ clause: Span; subject: Span; cue: string }> = [];
  const subjectOk = (s: number, e: number) => {
    const phrase = doc.text.slice(s, e).trim();
    if (!phrase || /["“”]/.test(phrase)) return false;
    return doc.mentions.some((m) => m.start >= s && m.end <= e && (m.type === 'person' || m.type === 'organisation')) || SUBJECT_OK.test(phrase);
  };
  let m = REPORTED_AFTER.exec(text.trimEnd());
  if (m) {
    const subjectStart = sentence.start + m.index;
    const subjectText = m[1];
    // the subject: the last clause of the words before the verb ("Although it said" → "it")
    const lastComma = Math.max(subjectText.lastIndexOf(', '), -1);
    let sStart = subjectStart + (lastComma >= 0 && !/^[A-Z]/.test(subjectText) ? lastComma + 2 : 0);
    const lead = /^(?:although|but|and|while|however,?|yet|so)\s+/i.exec(doc.text.slice(sStart, subjectStart + subjectText.length));
    if (lead) sStart += lead[0].length;
    const clauseStart = sentence.start + m[0].length - m[3].length;
    let clauseEnd = trimmedEnd;
    const stop = CLAUSE_STOP.exec(doc.text.slice(clauseStart, clauseEnd));
    if (stop) clauseEnd = clauseStart + stop.index;
    const clause = trimSpan(doc.text, { start: clauseStart, end: clauseEnd });
    const startsAsQuote = /^["“‘']/.test(doc.text.slice(clause.start, clause.start + 1)) && direct.some((d) => d.open === clause.start && d.end >= clause.end - 2);
    if (!startsAsQuote && wordCount(doc.text.slice(clause.start, clause.end)) >= 4 && subjectOk(sStart, subjectStart + subjectText.length)) {
      found.push({ clause, subject: { start: sStart, end: subjectStart + subjectText.length }, cue: m[2] });
      return found;
    }
  }
  m = REPORTED_BEFORE.exec(text.trimEnd());
  if (m) {
    const clause = trimSpan(doc.text, { start: sentence.start, end: sentence.start + m[1].length });
    const subjectStart = sentence.start + m[1].length + m[0].slice(m[1].length).indexOf(m[2]);
    const inDirect = direct.some((d) => d.start <= clause.start + 1 && d.end >= clause.end - 1);
    if (!inDirect && subjectOk(subjectStart, subjectStart + m[2].length) && wordCount(m[1]) >= 4) {
      found.push({ clause, subject: { start: subjectStart, end: subjectStart + m[2].length }, cue: m[3] });
    }
  }
  return found;
}

export function extractQuotes(doc: Doc): Quote[] {
  const direct: QuoteSpan[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (!p.heading) direct.push(...quoteSpansIn(doc.text, p.start, p.end, i));
  });
  const quotes: Array<Omit<Quote, 'id'>> = [];
  let previous: Speaker | null = null;
  let previousQuote: QuoteSpan | null = null;

  for (const q of direct) {
    const span = trimSpan(doc.text, q);
    const words = wordCount(doc.text.slice(span.start, span.end));
    let cue = cueAround(doc, q, previous, direct);
    // A paragraph that opens with a quote right after one that quoted someone continues that speech.
    const continues = previousQuote && previous && (q.paragraph === previousQuote.paragraph || q.paragraph === previousQuote.paragraph + 1) && (!previousQuote.closed || q.open === doc.paragraphs[q.paragraph].start);
    if (!cue && continues && previous) cue = { speaker: previous, cue: '' };
    if (!cue && words <= SCARE_QUOTE_MAX_WORDS) continue;
    if (!cue) cue = neighbourCue(doc, q, previous, direct);
    quotes.push({ kind: 'direct', start: span.start, end: span.end, text: doc.text.slice(span.start, span.end), speaker: cue.speaker.speaker, speakerEntityId: cue.speaker.entityId, cue: cue.cue, sentence: sentenceAt(doc, span.start), rule: cue.cue ? 'quote:direct:cue' : 'quote:direct:context' });
    if (cue.speaker.speaker) previous = cue.speaker;
    previousQuote = q;
  }

  previous = null;
  for (const s of doc.sentences) {
    if (doc.paragraphs[s.paragraph].heading) continue;
    for (const r of reportedSpeech(doc, s, direct, previous, direct)) {
      const speaker = resolveSpeaker(doc, r.subject.start, r.subject.end, previous ?? lastQuoteSpeakerBefore(quotes, s.start), direct);
      quotes.push({ kind: 'indirect', start: r.clause.start, end: r.clause.end, text: doc.text.slice(r.clause.start, r.clause.end), speaker: speaker.speaker, speakerEntityId: speaker.entityId, cue: r.cue, sentence: s.index, rule: 'quote:reported' });
      if (speaker.speaker) previous = speaker;
    }
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return quotes.map((q) => ({ ...q, id: contentId('Q', q.kind + q.text) })) as Quote[];
}

function lastQuoteSpeakerBefore(quotes: Array<Omit<Quote, 'id'>>, offset: number): Speaker | null {
  const before = quotes.filter((q) => q.end <= offset && q.speaker).pop();
  return before ? { speaker: before.speaker, entityId: before.speakerEntityId } : null;
}

/** No cue at the quote: the reporting verb of a neighbouring sentence of the same paragraph. */
function neighbourCue(doc: Doc, q: QuoteSpan, previous: Speaker | null, direct: QuoteSpan[]): Cue {
  const para = doc.paragraphs[q.paragraph];
  const here = sentenceAt(doc, q.open);
  for (const k of [here - 1, here + 1]) {
    const s = doc.sentences[k];
    if (!s || s.paragraph !== q.paragraph) continue;
    const reported = reportedSpeech(doc, s, direct, previous, direct)[0];
    if (reported) return { speaker: resolveSpeaker(doc, reported.subject.start, reported.subject.end, previous, direct), cue: reported.cue };
  }
  if (previous) return { speaker: previous, cue: '' };
  return { speaker: lastPersonBefore(doc, para.start, direct), cue: '' };
}
