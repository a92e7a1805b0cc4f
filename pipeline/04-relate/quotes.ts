// Quotes: direct speech in quotation marks (straight, curly, single; over
// several paragraphs; the BBC's `"First. "Second."`) and reported speech
// ("X said (that) ...", "..., X said", "A, X said, B", "according to X, ..."; where
// such a clause ends is learned, cue-model.ts), with speakers. A quotation's speaker
// is chosen by sieves in a fixed order: the cue beside it, a digest's credit line, the
// speech run on from the paragraph before, the person the passage reports
// (speakers.ts); each quote's rule names the sieve and how its speaker was resolved.

import type { Doc, Quote } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { TOKENS } from '../03-tag/index.ts';
import type { Token } from '../03-tag/tokens.ts';
import { FINDING_SOURCE_WORD, REPORTING_WORDS } from './cues.ts';
import { clauseEndsAt } from './cue-model.ts';
import { contentId } from './ids.ts';
import { countWords, firstWithin } from './lookup.ts';
import { chunkerOf, phraseAfter, speakerAfter, subjectBefore, tokenAt, WEEKDAY, WEEKDAYS, type PhraseSpan } from './phrases.ts';
import { NO_SPEAKER, personSurnamed, SpeakerModel, type Resolved } from './speakers.ts';

interface Span {
  start: number;
  end: number;
}

interface QuoteSpan extends Span {
  /** Offsets of the opening and closing marks (the span is the text between them). */
  open: number;
  close: number;
  paragraph: number;
  closed: boolean;
  /** Quotes of one speech (implicitly closed by a new opening mark, or run on over paragraphs). */
  speech: number;
}

/** Quotes this short with no reporting verb of their own are scare quotes ("root and branch"), not speech. */
const SCARE_QUOTE_MAX_WORDS = 4;
/** Whether the quoted words are more than a scare quote's few: speech. */
const longerThanScareQuote = (doc: Doc, s: Span) => countWords(doc.text, s.start, s.end, SCARE_QUOTE_MAX_WORDS + 1) > SCARE_QUOTE_MAX_WORDS;
const REPORTING = REPORTING_WORDS;
/** "found", "concluded": a report, study or inspection speaking; from a person they are verdicts, not speech. */
const FINDING_VERB = /^(found|finds|concluded|concludes)$/i;
/** Verbs after which a person or body is told something: "told the BBC", "warned MPs". */
const TAKES_LISTENER = new Set(['told', 'tells', 'tell', 'telling', 'warned', 'warns', 'assured', 'reminded', 'informed']);
/** The word that ends the name of a programme or paper a speaker told something: "BBC Radio 4's Today programme". */
const PROGRAMME_END = /^(?:programme|show|newspaper|paper|magazine|website|station)$/;
/** Lower-case words inside such a name: "the World at One". */
const PROGRAMME_INNER = /^(?:the|at|with|of|and)$/;
/** A word of a name: capitalised, or a number ("Radio 4"). */
const NAME_WORD = /^(?:\p{Lu}|\d)/u;
/** Tokens a reported clause cannot start with: punctuation, or a possessive left over from the listener ("told BBC Radio Scotland's programme"). */
const NOT_CLAUSE_START = /^(?:[:;,.!?)]|['’]s$)/;

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** "Morning Joe", "A Change Is Gonna Come": every longer word capitalised. */
const isTitleCase = (text: string) => text.split(/\s+/).filter((w) => w.length > 3).every((w) => /^[\p{Lu}\d]/u.test(w));

/** Title Case with at least two longer words, every one capitalised: "Grand Bargain", not "Thank you". */
const isTitleWords = (text: string) => text.split(/\s+/).filter((w) => w.length > 3).length >= 2 && isTitleCase(text);

/** Whether a quotation opening at `open` stands inside running text, after a word or a comma that no reporting verb ends. */
function titleSlot(doc: Doc, open: number, paragraphStart: number): boolean {
  const before = doc.text.slice(Math.max(paragraphStart, open - 40), open);
  const last = /([\p{L}\p{N}]+),?\s*$/u.exec(before);
  return !!last && !REPORTING.has(last[1].toLowerCase());
}

type Mark = 'open' | 'close' | null;

/** Whether the character at i opens or closes a double quotation. Straight marks are read from their neighbours. */
function doubleMark(text: string, i: number, from: number): Mark {
  const ch = text[i];
  if (ch === '“' || ch === '«' || ch === '„') return 'open';
  if (ch === '”' || ch === '»') return 'close';
  if (ch !== '"') return null;
  const before = i > from ? text[i - 1] : undefined;
  if ((isSpace(before) || /[(\[{—–-]/.test(before!)) && !isSpace(text[i + 1])) return 'open';
  return 'close';
}

function singleMark(text: string, i: number, from: number): Mark {
  const ch = text[i];
  if (ch !== "'" && ch !== '‘' && ch !== '’') return null;
  const before = i > from ? text[i - 1] : undefined;
  if (ch !== '’' && !isWordChar(before) && isWordChar(text[i + 1])) return 'open';
  // A closing mark follows text and is not inside a word ("people's" is an apostrophe).
  if (ch !== '‘' && !isSpace(before) && !isWordChar(text[i + 1])) return 'close';
  return null;
}

/** Every character that doubleMark or singleMark can read as a mark; the others need not be looked at. */
const MARK_CHAR = /[“«„”»"'‘’]/g;

/** Offsets of the characters in text[from, to) that may be quotation marks, in order. */
function markOffsets(text: string, from: number, to: number): number[] {
  const offsets: number[] = [];
  const part = text.slice(from, to);
  MARK_CHAR.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = MARK_CHAR.exec(part)); ) offsets.push(from + m.index);
  return offsets;
}

/** Quotation spans of one paragraph. A new opening mark inside an open quote ends it: the same speech goes on. */
function quoteSpansIn(text: string, from: number, to: number, paragraph: number, nextSpeech: () => number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let speech = -1;
  const marks = markOffsets(text, from, to);
  for (let k = 0; k < marks.length; k++) {
    const i = marks[k];
    const mark = doubleMark(text, i, from);
    if (mark === 'open') {
      if (open >= 0) spans.push({ start: open + 1, end: i, open, close: i, paragraph, closed: false, speech });
      else speech = nextSpeech();
      open = i;
    } else if (mark === 'close' && open >= 0) {
      spans.push({ start: open + 1, end: i, open, close: i, paragraph, closed: true, speech });
      open = -1;
    } else if (open < 0 && singleMark(text, i, from) === 'open') {
      // Single quotes must close within the paragraph, or they were apostrophes.
      for (let n = k + 1; n < marks.length; n++) {
        const j = marks[n];
        if (doubleMark(text, j, from)) break;
        if (singleMark(text, j, from) === 'close') {
          spans.push({ start: i + 1, end: j, open: i, close: j, paragraph, closed: true, speech: nextSpeech() });
          // Go on after the closing mark.
          k = n;
          break;
        }
      }
    }
  }
  if (open >= 0) spans.push({ start: open + 1, end: to, open, close: to, paragraph, closed: false, speech });
  return spans.filter((s) => s.end > s.start + 1);
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,:;]/.test(text[start])) start++;
  while (end > start && /[\s,:;]/.test(text[end - 1])) end--;
  return { start, end };
}

interface Report {
  clause: Span;
  subject: PhraseSpan;
  cue: string;
  verb: number;
}

const inside = (spans: Span[], at: number) => spans.some((s) => at >= s.start && at < s.end);
/** Participles that report what the sentence's subject said, after a comma or a preposition: "..., saying it followed
 * free market principles", "began by saying". */
const AFTER_PREPOSITION_CUES = new Set(['saying', 'adding', 'telling', 'arguing', 'insisting', 'warning', 'claiming', 'stressing', 'noting', 'explaining']);
/** Those, and participles that report only after a comma ("..., stating that", not "a way of stating it"). */
const PARTICIPLE_CUES = new Set([...AFTER_PREPOSITION_CUES,
  'stating', 'acknowledging', 'declaring', 'predicting', 'asserting', 'contending', 'tweeting', 'emphasising', 'emphasizing', 'complaining']);
/** Words that open an aside after a cue rather than going on with the clause the cue interrupts. */
const NOT_A_CONTINUATION = /^(who|whom|whose|which|citing|adding|saying|according)$/i;
/** Cues written in the progressive: "is saying", "keeps telling". */
const PROGRESSIVE_CUES = new Set(['saying', 'telling', 'arguing', 'insisting', 'claiming', 'warning', 'stressing', 'suggesting', 'writing', 'tweeting', 'predicting', 'denying', 'admitting']);
/** Words of an aside between a cue and its clause ("says, however, that", "said, in a statement, that"): no verb, no quotation. */
const ASIDE_POS = new Set(['ADV', 'ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** An aside is short: longer, the words between the commas are more likely a clause of their own. */
const ASIDE_TOKENS = 5;
/** Two-word cues: "pointed out", "went on". */
const PHRASAL_CUES: Record<string, string> = { pointed: 'out', points: 'out', went: 'on', goes: 'on' };
const PHRASAL_SECOND_WORDS = new Set(Object.values(PHRASAL_CUES));

/**
 * Whether a verb (lower-cased) and the token after it make a two-word cue. Only before
 * "out" or "on" (or at the very end of the text, where a missing cue matches the missing
 * token, as it always has) is the table looked at: most verbs are settled by one comparison.
 */
function isPhrasalCue(lower: string, next: Token | undefined): boolean {
  if (next && !PHRASAL_SECOND_WORDS.has(next.text)) return false;
  return PHRASAL_CUES[lower] === next?.text;
}

/** The subject of a sentence's first verb: the noun phrase that opens it. */
function subjectOfSentence(doc: Doc, tokens: Token[], from: number, limit: number): PhraseSpan | null {
  for (let v = from + 1; v < limit; v++) if (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX') return subjectBefore(doc, tokens, v, from);
  return null;
}

const isReportingVerb = (t: Token | undefined) => !!t && (t.pos === 'VERB' || t.pos === 'AUX') && REPORTING.has(t.text.toLowerCase());
/** "The paper reported that ...": a medium reports what it learned; a quotation beside it is someone else's words, named elsewhere. */
const REPORTS_NEWS = new Set(['reported', 'reports']);
/** Verbs that give a quotation beside them as said, though they report no clause ('"...?" Boyle asked Trump', 'she posted: "..."'). */
const QUOTATION_ONLY_CUES = new Set(['asked', 'pressed', 'posted', 'wondered', 'shouted', 'exclaimed', 'yelled', 'mused']);
const isQuotationCue = (tokens: Token[], k: number) => {
  const t = tokens[k];
  if (isReportingVerb(t)) return !REPORTS_NEWS.has(t.text.toLowerCase());
  // Not "was asked", "asked for more time": one asked, or a request, is not one speaking.
  return !!t && t.pos === 'VERB' && QUOTATION_ONLY_CUES.has(t.text.toLowerCase()) && tokens[k - 1]?.pos !== 'AUX' && !/^(?:ADP|PART)$/.test(tokens[k + 1]?.pos ?? '');
};

/** Words of a time that can follow a cue: "said Friday", "said on Tuesday", "said last week". */
const TIME_AFTER_CUE = new RegExp(`^(${WEEKDAYS}|yesterday|today|tonight|on|last|this|week|month|year|earlier|later|morning|afternoon|evening|night)$`, 'i');

/** Cues that take a clause and hardly ever an object: what follows them is what was said. */
const CLAUSE_ONLY_CUES = new Set(['said', 'says', 'say', 'added', 'adds', 'insisted', 'insists', 'argued', 'argues', 'stressed', 'stresses', 'noted', 'notes', 'contended', 'asserted', 'asserts', 'believes', 'thinks', 'feels', 'reckons', 'complained', 'complains', 'remarked', 'replied', 'commented', 'countered', 'retorted', 'quipped', 'joked', 'conceded', 'concedes', 'suggested', 'suggests', 'explained', 'explains', 'emphasised', 'emphasized', 'went', 'goes']);

/** Whether tokens[at, to) open with a clause: a subject phrase (with any apposition after it) and then its verb. */
function opensClause(doc: Doc, tokens: Token[], at: number, to: number, relativeSubject = false): boolean {
  // "told Breitbart News how surprised he is": a question reported.
  if (/^(how|why|what|whether|who)$/i.test(tokens[at]?.text ?? '')) return true;
  // "which the council claimed would be the first": the clause's subject is the relative pronoun before the cue.
  if (tokens[at]?.pos === 'AUX' && relativeSubject) return true;
  // "replacing Clinton would be ...": a gerund and its object as the subject; "too much money was ...": a degree word before it.
  const gerund = tokens[at]?.pos === 'VERB' && /ing$/i.test(tokens[at].text);
  let first = gerund ? at + 1 : at;
  while (first < to - 1 && tokens[first].pos === 'ADV') first++;
  const np = chunkerOf(doc).phraseStartingAt(first, to);
  if (!np) return false;
  let k = np.last + 1;
  // "the annual talks, which started a decade ago, remained": an aside between commas belongs to the subject.
  if (tokens[k]?.text === ',') {
    let close = k + 1;
    while (close < to && close - k < 20 && tokens[close].text !== ',') close++;
    if (close < to && tokens[close].text === ',') k = close + 1;
  }
  while (k < to && (tokens[k].pos === 'ADV' || tokens[k].pos === 'PART') && tokens[k].text.toLowerCase() !== 'to') k++;
  return k < to && (tokens[k].pos === 'AUX' || (tokens[k].pos === 'VERB' && !/ing$/i.test(tokens[k].text)));
}

/** Whether tokens[from, to) hold a reporting verb. */
function reportingVerbIn(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isReportingVerb(tokens[k])) return true;
  return false;
}

const NOT_A_REPORT = { clause: { start: 0, end: 0 }, subject: { start: 0, end: 0 } };

/** The token before `k` is a comma, or a closing quotation mark after one ('..., "we will win," he said'). */
function commaBefore(tokens: Token[], k: number, from: number): number {
  if (k - 1 > from && tokens[k - 1].text === ',') return k - 1;
  if (k - 2 > from && /^["”’']$/.test(tokens[k - 1].text) && tokens[k - 2].text === ',') return k - 1;
  return -1;
}

/** The sentence's words from `from` up to the end, without its closing punctuation. */
function restOfSentence(doc: Doc, start: number, sentence: Span): Span {
  const clause = trimSpan(doc.text, { start, end: sentence.end });
  let end = clause.end;
  while (end > clause.start && /[.!?]/.test(doc.text[end - 1])) end--;
  return { start: clause.start, end };
}

/** "... [Reuters.]", "... [Mother Jones.]": a digest's credit for the paragraph it ends. */
const CREDIT = /\[\s*(\p{Lu}[^\][]{1,40}?)\.?\s*\]\s*$/u;

/** The source a paragraph ends by crediting, as a phrase of the text. */
function creditOf(doc: Doc, paragraph: number): Span | null {
  const p = doc.paragraphs[paragraph];
  const credit = CREDIT.exec(doc.text.slice(p.start, p.end));
  if (!credit) return null;
  const start = p.start + credit.index + credit[0].indexOf(credit[1]);
  return { start, end: start + credit[1].length };
}

/** "MEXICO CITY - ", "WASHINGTON ― ": where a story was filed, opening its first sentence, is not what anyone said. */
const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’]{2,40}\s+(?:[-–—―]{1,2})\s+/u;

function withoutDateline(doc: Doc, span: Span): Span {
  const dateline = DATELINE.exec(doc.text.slice(span.start, span.end));
  return dateline ? { start: span.start + dateline[0].length, end: span.end } : span;
}

/** A few words quoted inside a sentence, after a word ('"Ted Cruz" pins', 'was "disgusting"'): part of the sentence, not speech that ends it. */
function quotedInSentence(doc: Doc, q: QuoteSpan): boolean {
  return !longerThanScareQuote(doc, q) && /[\p{L}\p{N}]\s*$/u.test(doc.text.slice(Math.max(doc.paragraphs[q.paragraph].start, q.open - 3), q.open));
}

/**
 * The speaker of a quotation set inside a clause of its sentence, after its verb: the subject of the last verb before
 * it, where that is a name, a body's spokesperson or a document (not a pronoun, which the context decides).
 */
function quotingSubject(doc: Doc, tokens: Token[], q: QuoteSpan, speakers: SpeakerModel, reports: Report[]): Resolved | null {
  const sentence = doc.sentences[sentenceAt(doc, q.open)];
  const from = tokenAt(tokens, sentence.start);
  const open = tokenAt(tokens, q.open);
  if (!/[\p{L}\p{N},]\s*$/u.test(doc.text.slice(sentence.start, q.open))) return null;
  // Words quoted inside reported speech ('Eichel saying it showed the EC recognised the policy was "on the right track"')
  // are the reporter's: the speech decides.
  if (reports.some((r) => r.clause.start <= q.open && q.open < r.clause.end)) return null;
  for (let k = from; k < open; k++) {
    if (tokens[k].pos !== 'VERB') continue;
    const lower = tokens[k].text.toLowerCase();
    if (REPORTING.has(lower) || PARTICIPLE_CUES.has(lower)) return null;
  }
  let verb = open - 1;
  // The verb of the clause the quotation is in: no mark between ('..., in which Spacey played a man, as proof of his "..."').
  // Not a participle ('Cook remembered Jobs rehearsing there and "going way off script"': Jobs is what Cook remembered).
  const finite = (t: Token) => t.pos === 'VERB' && !/ing$/i.test(t.text);
  while (verb > from && !finite(tokens[verb]) && tokens[verb].type !== 'punctuation') verb--;
  if (!finite(tokens[verb])) return null;
  const subject = verb > from ? subjectBefore(doc, tokens, verb, from) : null;
  if (!subject || subject.np?.pronoun) return null;
  const resolved = speakers.resolve(subject);
  return resolved.how === 'name' || resolved.how === 'document' || resolved.how === 'spokesperson' ? resolved : null;
}

/** A quotation that is a sentence of its own: after the end of the sentence before, ending as a sentence does. */
function wholeSentence(doc: Doc, q: QuoteSpan): boolean {
  return q.closed && /[.!?]\s*$/.test(doc.text.slice(q.start, q.end)) && /(?:^|[.!?]["”’']?)\s*$/.test(doc.text.slice(doc.paragraphs[q.paragraph].start, q.open));
}

/** Whether most of a span is inside direct quotes: the quotes already report it. */
function mostlyQuoted(doc: Doc, span: Span, direct: QuoteSpan[]): boolean {
  let quoted = 0;
  for (const d of direct) quoted += Math.max(0, Math.min(d.close, span.end) - Math.max(d.open, span.start));
  return 2 * quoted >= span.end - span.start;
}

/**
 * A reporting verb that frames a clause standing before it: "CLAUSE, SUBJECT said.",
 * "CLAUSE, he told the Brighton conference.", "CLAUSE, said SUBJECT, a senior fellow at X.",
 * and the parenthetical "CLAUSE, SUBJECT said, CLAUSE." (one report over both parts). Null
 * when the verb does not frame (then its clause follows it), NOT_A_REPORT when it frames
 * something too short or already quoted.
 */
function framingReport(doc: Doc, tokens: Token[], v: number, after: number, from: number, to: number, sentence: Span, direct: QuoteSpan[]): Omit<Report, 'cue' | 'verb'> | null {
  const rest = tokens.slice(after, to).filter((t) => t.type !== 'punctuation');
  const tail = rest.length ? speakerAfter(doc, tokens, after, to) : null;
  const tailEnd = tail ? tokenAt(tokens, tail.end) : after;
  // What follows the phrase after the verb: nothing, or an apposition set off by a comma or a bracket.
  const appositionAfter = tail && tailEnd < to && /^[,(]$/.test(tokens[tailEnd].text) && !reportingVerbIn(tokens, tailEnd, to) && !!(tail.np?.name || tail.np?.properHead);
  // "..., top black lawmakers said Friday.", "..., Mr Obama said in his interview.": when or where it was said is no
  // phrase of its own.
  const onlyTime =
    rest.length > 0 &&
    ((rest.length <= 3 && rest.every((t) => TIME_AFTER_CUE.test(t.text))) || (rest.length <= 8 && rest[0].pos === 'ADP' && !rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) ||
      // "..., the commission said, according to Reuters.": the medium that carried it.
      (rest.length <= 10 && /^according$/i.test(rest[0].text) && /^to$/i.test(rest[1]?.text ?? '')));
  const endsWithPhrase = rest.length === 0 || onlyTime || ((rest.length <= 8 || !!tail?.np?.name) && tail?.end === rest[rest.length - 1].end) || appositionAfter;
  // "which, it is believed, would be ...": a passive cue says what is believed, not who says it.
  if (/^(is|are|was|were|been|be)$/i.test(tokens[v - 1]?.text ?? '') && /(ed|en)$/i.test(tokens[v].text)) return NOT_A_REPORT;
  const before = subjectBefore(doc, tokens, v, from);
  const beforeComma = before ? commaBefore(tokens, tokenAt(tokens, before.start), from) : -1;
  if (endsWithPhrase) {
    // "CLAUSE, SUBJECT said." / "CLAUSE, said SUBJECT."
    const inverted = rest.length > 0 && !onlyTime && beforeComma < 0;
    const subject = inverted ? tail : before;
    const comma = inverted ? commaBefore(tokens, v, from) : beforeComma;
    if (!subject || comma < 0) return NOT_A_REPORT;
    const clause = withoutDateline(doc, trimSpan(doc.text, { start: sentence.start, end: tokens[comma].text === ',' ? tokens[comma].start : tokens[comma].end }));
    if (countWords(doc.text, clause.start, clause.end, 4) < 4 || mostlyQuoted(doc, clause, direct)) return NOT_A_REPORT;
    // "She said X, and when pressed, the mother replied": a clause with a report of its own is not framed by this cue.
    if (reportingVerbIn(tokens, from, comma)) return NOT_A_REPORT;
    return { clause, subject };
  }
  // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the clause runs on after the cue.
  let k = after;
  // "Oz is "smart as hell," Steve Mosko wrote in an email to Rich Eisen, and ...": a time or a short phrase of where it
  // was said may stand between the cue and the comma.
  while (k < to && k - after < 10 && tokens[k].text !== ',' && tokens[k].pos !== 'VERB' && tokens[k].pos !== 'AUX' && (tokens[k].pos !== 'PRON' || /^(me|us|him|her|them)$/i.test(tokens[k].text)) && tokens[k].type !== 'punctuation') k++;
  if (!before || beforeComma < 0 || tokens[k]?.text !== ',' || tokenAt(tokens, before.start) - from < 2) return null;
  // What follows must go on with the clause ("..., until it went bankrupt"), not start an aside of the cue's own
  // (", citing ...", ", who began ...", ", after he admitted ...", ", but Kevin was ...") or a quotation.
  const next = tokens[k + 1];
  if (!next || NOT_A_CONTINUATION.test(next.text) || (next.pos === 'VERB' && /ing$/i.test(next.text) && !opensClause(doc, tokens, k + 1, to))) return null;
  // '"You winning?" she said, but ...': after a quotation, the cue is the quotation's.
  if (mostlyQuoted(doc, { start: sentence.start, end: tokens[beforeComma].start }, direct)) return null;
  const clause = withoutDateline(doc, restOfSentence(doc, sentence.start, sentence));
  if (countWords(doc.text, tokens[k].end, clause.end, 3) < 3 || mostlyQuoted(doc, clause, direct)) return NOT_A_REPORT;
  return { clause, subject: before };
}

const CLAUSE_SEPARATOR = /^(and|but|,|;)$/;

/**
 * Where a reported clause that starts at tokens[after] ends: before a later report in the same
 * sentence, which has a subject of its own or follows "and"/"but" ("... and says there is scope",
 * "..., and when pressed, the mother replied"), at the last comma or conjunction before it; else where
 * what was learned from annotated news says such clauses end (";", ", adding ..."), once the clause
 * has its own verb ("the program, run by the department, has brought ...") and outside a relative
 * clause set off by commas in its subject ("the talks, which started a decade ago, remained ...").
 */
function reportedClauseEnd(doc: Doc, tokens: Token[], after: number, to: number, sentence: Span, nearby: QuoteSpan[]): number {
  const nextReport = nextReportAt(doc, tokens, after, to, nearby);
  // The last comma or conjunction before that report, found once.
  let lastSeparator = -1;
  for (let k = nextReport - 1; k > after; k--) {
    if (CLAUSE_SEPARATOR.test(tokens[k].text)) {
      lastSeparator = k;
      break;
    }
  }
  // "... was strictly business. ''It was my obligation ...'' he wrote": a sentence the splitter ran on into a quotation ends before it.
  let end = sentence.end;
  for (const d of nearby) {
    const stop = d.open > tokens[after].start ? /[.!?]\s*['‘]?$/.exec(doc.text.slice(tokens[after].start, d.open)) : null;
    if (stop) {
      end = tokens[after].start + stop.index + 1;
      break;
    }
  }
  let hasVerb = false;
  let relative = false;
  for (let k = after + 1; k < to - 1 && tokens[k].start < end; k++) {
    const t = tokens[k];
    if (k === lastSeparator) return t.start;
    if (t.text === ',' && relative) {
      relative = false;
      continue;
    }
    if (!hasVerb && t.text === ',' && /^(which|who|whom|whose|where)$/i.test(tokens[k + 1].text)) {
      relative = true;
      continue;
    }
    if (relative) continue;
    if (hasVerb && clauseEndsAt(tokens, k)) return t.start;
    hasVerb ||= t.pos === 'VERB' || t.pos === 'AUX';
  }
  return end;
}

/** The first token of the next report after tokens[after] in the sentence (its subject, or its cue), or -1. */
function nextReportAt(doc: Doc, tokens: Token[], after: number, to: number, nearby: QuoteSpan[]): number {
  for (let k = after + 1; k < to; k++) {
    if (!isReportingVerb(tokens[k]) && !(PARTICIPLE_CUES.has(tokens[k].text.toLowerCase()) && tokens[k - 1].text === ',')) continue;
    // Not a cue inside quoted words, nor one inside a relative clause of this report ("which he said was ...").
    if (inside(nearby, tokens[k].start)) continue;
    const own = subjectBefore(doc, tokens, k, after + 1);
    const at = own ? tokenAt(tokens, own.start) : k;
    // Without a subject of its own, a cue starts another report only after "and" or "but" ("... and warned ...").
    let c = k - 1;
    while (c > after && (tokens[c].pos === 'ADV' || tokens[c].pos === 'AUX')) c--;
    if (!own && !PARTICIPLE_CUES.has(tokens[k].text.toLowerCase()) && !/^(and|but)$/i.test(tokens[c].text)) continue;
    if (/^(which|that|who|whom)$/i.test(tokens[at - 1]?.text ?? '')) continue;
    return at;
  }
  return -1;
}

/**
 * Reported speech in one sentence. For each reporting verb outside quotation marks:
 * "SUBJECT said (that) CLAUSE", "CLAUSE, SUBJECT said.", "CLAUSE, said SUBJECT.", "CLAUSE, SUBJECT
 * said, CLAUSE." and a participle after the main clause (", saying CLAUSE").
 */
function reportsIn(doc: Doc, tokens: Token[], sentence: Span, direct: QuoteSpan[]): Report[] {
  const from = tokenAt(tokens, sentence.start);
  let to = from;
  while (to < tokens.length && tokens[to].start < sentence.end) to++;
  const reports: Report[] = [];
  // Only the quotes near this sentence can hold one of its verbs or end just before one.
  const firstAt = tokens[from]?.start ?? sentence.start;
  const lastAt = to > from ? tokens[to - 1].start : firstAt;
  const nearby = direct.filter((d) => d.start <= lastAt && (d.end > firstAt || d.close >= firstAt - 6));
  for (let v = from; v < to; v++) {
    const verb = tokens[v];
    if ((verb.pos !== 'VERB' && verb.pos !== 'AUX') || inside(nearby, verb.start)) continue;
    // "an estimated $2.9bn", "the predicted high": a participle used as an adjective.
    if (v > from && /^(a|an|the)$/i.test(tokens[v - 1].text)) continue;
    const lower = verb.text.toLowerCase();
    // "Russia's president has defended the purchase, saying it followed free market principles."
    // "..., he said, adding he would never ...", '"...," adding that ...', "began by saying he would ...": the participle
    // reports for the speaker of the cue before it in the sentence, else for the sentence's subject.
    if (PARTICIPLE_CUES.has(lower) && v > from && (commaBefore(tokens, v, from) >= 0 || (tokens[v - 1].pos === 'ADP' && AFTER_PREPOSITION_CUES.has(lower)))) {
      const cueBefore = reports.length ? reports[reports.length - 1] : undefined;
      let subject = cueBefore?.subject ?? null;
      for (let c = v - 1; !subject && c > from; c--) if (isReportingVerb(tokens[c])) subject = subjectBefore(doc, tokens, c, from) ?? phraseAfter(doc, tokens, c + 1, v);
      subject ??= subjectOfSentence(doc, tokens, from, v);
      let after = v + 1;
      // "telling delegates Labour cannot be trusted": the listener is not the report.
      if (/^telling$/i.test(verb.text)) {
        const listener = phraseAfter(doc, tokens, after, to);
        if (listener) after = tokenAt(tokens, listener.end);
      }
      if (tokens[after]?.text === 'that') after++;
      if (!subject || after >= to) continue;
      const clause = trimSpan(doc.text, { start: tokens[after].start, end: sentence.end });
      let clauseEnd = clause.end;
      while (clauseEnd > clause.start && /[.!?]/.test(doc.text[clauseEnd - 1])) clauseEnd--;
      if (countWords(doc.text, clause.start, clauseEnd, 4) >= 4) reports.push({ clause: { start: clause.start, end: clauseEnd }, subject, cue: verb.text, verb: v });
      continue;
    }
    // "pointed out that", "went on to say": two-word cues.
    const phrasal = isPhrasalCue(lower, tokens[v + 1]);
    // "The White House is saying that ...", "keeps telling voters ...": a cue in the progressive.
    const progressive = PROGRESSIVE_CUES.has(lower) && v > from && /^(is|are|was|were|been|be|keeps|kept|now|not|n't|still)$/i.test(tokens[v - 1].text);
    if (!REPORTING.has(lower) && !phrasal && !progressive) continue;
    // '"...," said X' belongs to the direct quote before it, when that quote opens the sentence (or follows a colon);
    // after a paraphrase with a quotation in it ('Voters, "for the most part," said X') it is reported speech.
    const quoteBefore = nearby.find((d) => d.closed && d.close < verb.start && verb.start - d.close <= 6 && /^[\s,"'”’]*$/.test(doc.text.slice(d.close, verb.start)));
    if (v > from && quoteBefore && (!/[\p{L}\p{N}]/u.test(doc.text.slice(sentence.start, quoteBefore.open)) || /:\s*$/.test(doc.text.slice(sentence.start, quoteBefore.open)))) continue;
    let after = v + (phrasal ? 2 : 1);
    const framed = framingReport(doc, tokens, v, after, from, to, sentence, direct);
    if (framed) {
      if (framed !== NOT_A_REPORT) reports.push({ ...framed, cue: verb.text, verb: v });
      continue;
    }
    // "SUBJECT said (that) CLAUSE"; "... and says CLAUSE" shares the subject of the report before it.
    let subject = subjectBefore(doc, tokens, v, from);
    // "Authorities announced an arrest and said ...", "... but has said ...": the verb shares the sentence's subject.
    let conjunction = v - 1;
    while (conjunction > from && (tokens[conjunction].pos === 'AUX' || tokens[conjunction].pos === 'ADV')) conjunction--;
    if (!subject && conjunction > from && /^(and|but)$/i.test(tokens[conjunction].text)) {
      subject = reports.length ? reports[reports.length - 1].subject : subjectOfSentence(doc, tokens, from, conjunction);
    }
    if (!subject) continue;
    if (FINDING_VERB.test(verb.text) && !FINDING_SOURCE_WORD.test(doc.text.slice(subject.start, subject.end))) continue;
    if (TAKES_LISTENER.has(verb.text.toLowerCase())) {
      // The listener, or its owner alone when what follows the owner is no phrase of it ("told BBC Radio 4's the World
      // at One"): the programme's name is read on below.
      const listener = chunkerOf(doc).phraseStartingAt(after, to);
      if (listener) after = tokenAt(tokens, listener.end);
      // "told BBC Radio 4's Today programme (that) ...": the programme is part of the listener.
      let owner = after;
      while (owner < after + 2 && owner < to && NAME_WORD.test(tokens[owner].text)) owner++;
      if (tokens[owner] && /^['’]s$/.test(tokens[owner].text)) {
        after = owner + 1;
        while (after < to && (NAME_WORD.test(tokens[after].text) || PROGRAMME_INNER.test(tokens[after].text) || PROGRAMME_END.test(tokens[after].text))) {
          // The name ends with the word for what it is: "... Today programme the US had ...".
          if (PROGRAMME_END.test(tokens[after++].text)) break;
        }
      }
      // "told MSNBC's "Morning Joe" that ...": a programme's title in quotation marks.
      if (/^["“]$/.test(tokens[after]?.text ?? '')) {
        let close = after + 1;
        while (close < to && close - after < 10 && !/^["”]$/.test(tokens[close].text)) close++;
        if (close < to && close - after < 10) after = close + 1;
      }
    }
    // "told Breitbart News on Thursday how ...": a day after the listener.
    if (/^(on|last|this)$/i.test(tokens[after]?.text ?? '') && WEEKDAY.test(tokens[after + 1]?.text ?? '')) after += 2;
    while (after < to && /^(on|in|last|this|yesterday|today|earlier|also|previously)$/i.test(tokens[after].text) && after + 1 < to && tokens[after + 1].pos !== 'VERB') {
      // "said on Saturday that", "said in a statement that"
      const next = tokens.slice(after, Math.min(to, after + 8)).findIndex((t) => t.text === 'that' || t.text === ':' || t.text === ',');
      if (next < 0) break;
      after += next;
      if (tokens[after].text === ',') after++;
    }
    // "says, however, that ...", "said, in a statement, the plan ...": an aside set off by commas between the cue and its clause.
    if (tokens[after]?.text === ',') {
      let close = after + 1;
      while (close < to && close - after <= ASIDE_TOKENS && ASIDE_POS.has(tokens[close].pos)) close++;
      // Not a name alone between the commas: "as you pointed out, Laura, people ..." speaks to someone.
      if (close > after + 1 && tokens[after + 1].pos !== 'PROPN' && tokens[close]?.text === ',' && (tokens[close + 1]?.text === 'that' || opensClause(doc, tokens, close + 1, to))) after = close + 1;
    }
    const withThat = after < to && tokens[after].text === 'that';
    if (withThat) after++;
    // "said that, if elected, he would ...": the clause opens with its own aside.
    if (after + 1 < to && tokens[after].text === ',' && tokens[after - 1].text === 'that') after++;
    // "a move predicted to lead to ...": an infinitive after the verb is not reported speech.
    if (after >= to || NOT_CLAUSE_START.test(tokens[after].text) || /^(to|as|by|for|with)$/i.test(tokens[after].text)) continue;
    // "announced a plan to cut jobs", "maintains a lead": without "that", a verb that can take an object reports
    // only a clause, a subject with its own verb ("claimed the scheme had cost £2bn").
    const relativeSubject = /^(which|that|who)$/i.test(tokens[tokenAt(tokens, subject.start) - 1]?.text ?? '');
    if (!withThat && !CLAUSE_ONLY_CUES.has(lower) && !opensClause(doc, tokens, after, to, relativeSubject)) continue;
    const end = reportedClauseEnd(doc, tokens, after, to, sentence, nearby);
    const clause = trimSpan(doc.text, { start: tokens[after].start, end });
    let clauseEnd = clause.end;
    while (clauseEnd > clause.start && /[.!?]/.test(doc.text[clauseEnd - 1])) clauseEnd--;
    const span = { start: clause.start, end: clauseEnd };
    // A clause that is all one direct quote is direct speech, not reported speech.
    if (direct.some((d) => d.start <= span.start + 1 && d.end >= span.end - 1)) continue;
    // "said they were angry": three words are enough when they are a subject and its verb.
    // Not one that stops short of what it needs ("they would be", "he wants to", "the company owes").
    const lastWord = tokens[tokenAt(tokens, span.end) - 1];
    const fewest = !/^(?:VERB|AUX|PART|ADP)$/.test(lastWord?.pos ?? '') && opensClause(doc, tokens, tokenAt(tokens, span.start), tokenAt(tokens, span.end)) ? 3 : 4;
    if (countWords(doc.text, span.start, span.end, 4) < fewest) continue;
    // Reported speech is a clause: it has a verb ("said at his press conference in Moscow" has none), or "that" says it is one.
    if (!withThat && !tokens.slice(tokenAt(tokens, span.start), tokenAt(tokens, span.end)).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) continue;
    reports.push({ clause: span, subject, cue: verb.text, verb: v });
  }
  // "... and says there is scope": the verb after "and" shares the first subject.
  for (let i = 1; i < reports.length; i++) {
    const prev = reports[i - 1], cur = reports[i];
    const between = doc.text.slice(prev.clause.end, tokens[cur.verb].start);
    if (/^\s*(and|but)\s*$/.test(between)) cur.subject = prev.subject;
    // "... but he said ...": a pronoun subject there is the first speaker too.
  }
  return reports;
}

const ACCORDING = new WeakMap<Doc, number[]>();

/** Where "according to" is written in a document (cached). */
function accordingAt(doc: Doc): number[] {
  let found = ACCORDING.get(doc);
  if (!found) {
    found = [];
    for (let at = doc.text.indexOf('ccording to'); at >= 0; at = doc.text.indexOf('ccording to', at + 1)) found.push(at);
    ACCORDING.set(doc, found);
  }
  return found;
}

/**
 * "According to X, CLAUSE", "CLAUSE, according to X." and "CLAUSE — according to X — and ...": the source is
 * the noun phrase after "according to", the clause what the sentence says before it or, leading, after it.
 */
function accordingTo(doc: Doc, sentence: Span): { source: PhraseSpan; clause: Span } | null {
  // Most sentences have no "according": looked for once in the document before any token is.
  if (!accordingAt(doc).some((at) => at >= sentence.start && at < sentence.end)) return null;
  const tokens = TOKENS.get(doc) ?? [];
  const from = tokenAt(tokens, sentence.start);
  let to = from;
  while (to < tokens.length && tokens[to].start < sentence.end) to++;
  for (let k = from; k + 2 < to; k++) {
    if (tokens[k].text.toLowerCase() !== 'according' || tokens[k + 1].text.toLowerCase() !== 'to') continue;
    const np = chunkerOf(doc).phraseStartingAt(k + 2, to);
    if (np?.pronoun) return null;
    // Where the parts of speech are wrong ("according to people/VERB familiar with ..."), the words up to the next mark.
    let last = k + 2;
    while (!np && last + 1 < to && tokens[last + 1].type !== 'punctuation') last++;
    const source: PhraseSpan = np ? { start: np.start, end: np.end, np } : { start: tokens[k + 2].start, end: tokens[last].end };
    const sourceLast = np ? np.last : last;
    if (k === from) {
      // The source's phrase may run on to the comma ("According to a report by the council, ...").
      let comma = sourceLast + 1;
      while (comma < to && comma - sourceLast < 20 && tokens[comma].text !== ',') comma++;
      // Without a comma the source's phrase and the clause run together, and where one ends is a guess.
      if (comma + 1 >= to || tokens[comma].text !== ',') return null;
      return { source, clause: restOfSentence(doc, tokens[comma + 1].start, sentence) };
    }
    // '..., "...," according to X': the comma inside the closing mark.
    const quoted = /^["”’']$/.test(tokens[k - 1].text) && tokens[k - 2]?.text === ',';
    const mark = tokens[quoted ? k - 2 : k - 1];
    if (!/^(,|[-–—]{1,2}|\()$/.test(mark.text)) return null;
    // '"...," he said, according to the Intelligencer': the medium that carried what a cue gives; the cue's subject speaks.
    const cue = (quoted ? k - 3 : k - 2);
    if (cue > from && isReportingVerb(tokens[cue]) && !REPORTS_NEWS.has(tokens[cue].text.toLowerCase()) && tokens[cue - 1].pos !== 'AUX') return null;
    const clause = withoutDateline(doc, trimSpan(doc.text, { start: sentence.start, end: mark.start }));
    return countWords(doc.text, clause.start, clause.end, 3) >= 3 ? { source, clause } : null;
  }
  return null;
}

/** A transcript's speaker label: a word in capitals and a colon ("SMITH: "). */
const LABEL = /^\s*(\p{Lu}[\p{Lu}'’-]+):\s/u;
const LABELS = new WeakMap<Doc, Map<string, number>>();

/** How many paragraphs each speaker label opens (after an opening quotation mark, if any), per document. */
function transcriptLabels(doc: Doc): Map<string, number> {
  let labels = LABELS.get(doc);
  if (!labels) {
    labels = new Map();
    for (const p of doc.paragraphs) {
      const label = LABEL.exec(doc.text.slice(p.start, Math.min(p.end, p.start + 40)).replace(/^["“'‘]/, ''));
      if (label) labels.set(label[1], (labels.get(label[1]) ?? 0) + 1);
    }
    LABELS.set(doc, labels);
  }
  return labels;
}

interface Cue {
  subject: PhraseSpan | null;
  cue: string;
}

/** A reporting verb right after the closing mark ("," he said) or just before the opening mark (X said: "). */
function cueAt(doc: Doc, tokens: Token[], q: QuoteSpan, reports: Report[], direct: QuoteSpan[]): Cue | null {
  const para = doc.paragraphs[q.paragraph];
  // '"SMITH: We will...': a transcript's speaker label opening the quotation: the surname of a person the article
  // names, or a label that opens other paragraphs too.
  const label = LABEL.exec(doc.text.slice(q.start, q.end));
  if (label && (personSurnamed(doc, label[1]) || (transcriptLabels(doc).get(label[1]) ?? 0) >= 2)) {
    const at = q.start + label[0].indexOf(label[1]);
    return { subject: { start: at, end: at + label[1].length }, cue: ':' };
  }
  // After: skip punctuation, then "said X" or "X said".
  let k = tokenAt(tokens, q.close + 1);
  // '"...," delegate Bill Eastland, wearing "Ted Cruz" pins, said': a name quoted inside the reporting clause does not end it.
  const limit = tokenAt(tokens, Math.min(para.end, direct.find((d) => d.open > q.close && !quotedInSentence(doc, d))?.open ?? para.end));
  while (k < limit && tokens[k].type === 'punctuation' && tokens[k].text !== '.') k++;
  if (k < limit && isQuotationCue(tokens, k)) {
    const subject = speakerAfter(doc, tokens, k + 1, limit);
    if (subject) return { subject, cue: tokens[k].text };
  }
  // '"...," Rep. Gwen Moore (D-Wis.) said Friday.', '"...," Michael McFaul, a senior fellow at ..., said.'
  const sentenceEnd = tokenAt(tokens, doc.sentences[sentenceAt(doc, tokens[k]?.start ?? q.close)]?.end ?? para.end);
  // '"... and generous." His daughter Jill said her father ...': after a quote that ends its own
  // sentence, a verb that reports a clause of its own reports other words.
  const quoteEndsSentence = /[.!?…]["”’']?\s*$/.test(doc.text.slice(q.open, q.close + 1));
  for (let v = k + 1; v < Math.min(limit, sentenceEnd + 1, k + 36); v++) {
    if (!isQuotationCue(tokens, v)) continue;
    // '"... interests. "The surgeon said he was fine ...': a verb inside the next quotation is quoted, no cue.
    if (inside(direct, tokens[v].start)) break;
    // '"We are not terrorists." Mr. Zahed said: "...': a reporting clause ending in a colon gives the words after it.
    if (tokens[v + 1]?.text === ':') break;
    // ... unless the sentence goes on past the mark ('"... who knows?" Trump told ITV in an interview ...').
    const newSentence = sentenceAt(doc, tokens[v].start) !== sentenceAt(doc, q.close - 1);
    if (quoteEndsSentence && newSentence && reports.some((r) => r.verb === v)) break;
    const person = firstWithin(doc, tokens[k].start, tokens[v].start, (m) => m.type === 'person');
    if (person && person.start === tokens[k].start) return { subject: { start: person.start, end: person.end }, cue: tokens[v].text };
    const subject = subjectBefore(doc, tokens, v, k);
    if (subject && subject.start === tokens[k].start) return { subject, cue: tokens[v].text };
    // '"...," CBS This Morning co-anchor DeMarco Morgan said': a name whose post and body run back to the quote.
    const named = subject?.np && (subject.np.name || subject.np.properHead);
    if (subject && named && !tokens.slice(k, tokenAt(tokens, subject.start)).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.type === 'punctuation')) return { subject, cue: tokens[v].text };
    // '"I admire the mechanics" of the plan, Mr. Holtz said.': a phrase that completes the quoted words, then the
    // reporting clause that closes the sentence, its verb reporting nothing after it.
    const first = subject ? tokenAt(tokens, subject.start) : -1;
    const completes = first - 1 > k && tokens[first - 1].text === ',' && !tokens.slice(k, first - 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.type === 'punctuation');
    const closes = !tokens.slice(v + 1, sentenceEnd).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || /^(that|["“”])$/.test(t.text));
    if (subject && (named || subject.np?.pronoun) && completes && closes) return { subject, cue: tokens[v].text };
    // '"These groups have set the table" for voters, in contrast to earlier years, says Dana Scott, a professor.': a
    // reporting clause inverted after a comma closes the sentence the quotation is part of, and gives all of it
    // (not "..., told Radio X": whom one tells is not who speaks).
    if (!newSentence && tokens[v - 1].text === ',' && !TAKES_LISTENER.has(tokens[v].text.toLowerCase())) {
      const inverted = speakerAfter(doc, tokens, v + 1, Math.min(limit, sentenceEnd + 1));
      if (inverted?.np && (inverted.np.name || inverted.np.properHead)) return { subject: inverted, cue: tokens[v].text };
    }
    break;
  }
  // '"..." ― Pamela Padilla': a dash and a name closing the paragraph.
  // Names are written in any alphabet's letters ("José Núñez").
  const dashed = /^\s*[―—–-]{1,2}\s*(\p{Lu}[\p{L}\p{M}\d.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}\d.'’-]*){0,3})\s*$/u.exec(doc.text.slice(q.close + 1, para.end));
  if (dashed) {
    const at = q.close + 1 + dashed[0].indexOf(dashed[1]);
    return { subject: { start: at, end: at + dashed[1].length }, cue: '―' };
  }
  // Before: the last reporting verb of the sentence before the opening mark, with its subject.
  const openSentence = doc.sentences[sentenceAt(doc, q.open)];
  const before = reports.findLast((r) => tokens[r.verb].start < q.open && tokens[r.verb].start >= openSentence.start);
  if (before) return { subject: before.subject, cue: before.cue };
  const floor = tokenAt(tokens, openSentence.start);
  for (let v = tokenAt(tokens, q.open) - 1; v >= floor; v--) {
    const t = tokens[v];
    if (inside(direct, t.start)) break;
    if (isQuotationCue(tokens, v)) {
      // 'When a pupil asked Mr Ross how ..., he began with a quip: "...': a verb that reports no clause gives only
      // the quotation right after it.
      if (!isReportingVerb(t) && tokens.slice(v + 1, tokenAt(tokens, q.open)).some((x) => x.type !== 'punctuation')) continue;
      // '"...," said Sella, "which ...': the verb after a closing mark takes its subject after it.
      const inverted = v > floor && /^["”’']$/.test(tokens[v - 1].text) ? speakerAfter(doc, tokens, v + 1, tokenAt(tokens, q.open)) : null;
      const subject = inverted ?? subjectBefore(doc, tokens, v, floor);
      if (subject) return { subject, cue: t.text };
      break;
    }
  }
  // "According to X, ... "..."", and '... "...," according to the magazine.'
  const according = accordingTo(doc, openSentence);
  if (according && (according.source.end <= q.open || (according.source.start > q.close && longerThanScareQuote(doc, q)))) return { subject: according.source, cue: 'according to' };
  // "Paul Randle, product manager, responded to the figures: "...", "Trump leaned in and boomed: "...", "When Trump
  // wrapped up — "..." —": a colon or a dash after a clause about someone; its subject speaks, else the person named.
  const intro = /(:|\s[—–]|\s--)\s*$/.exec(doc.text.slice(openSentence.start, q.open));
  if (intro) {
    const subject = subjectOfSentence(doc, tokens, tokenAt(tokens, openSentence.start), tokenAt(tokens, q.open));
    if (subject && ((subject.np?.name && subject.np.name.type !== 'place') || subject.np?.properHead || subject.np?.pronoun)) return { subject, cue: intro[1].trim() };
    const person = firstWithin(doc, openSentence.start, q.open, (m) => m.type === 'person');
    if (person && intro[1] === ':') return { subject: { start: person.start, end: person.end }, cue: ':' };
  }
  return null;
}

export function extractQuotes(doc: Doc): Quote[] {
  const tokens = TOKENS.get(doc) ?? [];
  let speeches = 0;
  const direct: QuoteSpan[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (p.heading) return;
    const spans = quoteSpansIn(doc.text, p.start, p.end, i, () => speeches++);
    // A paragraph that opens with a quote after one whose quote ran to its end continues that speech.
    const prev = direct[direct.length - 1];
    if (spans.length && prev && !prev.closed && prev.paragraph === i - 1 && spans[0].open === p.start) {
      const old = spans[0].speech;
      for (const s of spans) if (s.speech === old) s.speech = prev.speech;
    }
    direct.push(...spans);
  });

  const reportsBySentence = doc.sentences.map((s) => (doc.paragraphs[s.paragraph].heading ? [] : reportsIn(doc, tokens, s, direct)));
  const allReports = reportsBySentence.flat();
  const quotes: Array<Omit<Quote, 'id'>> = [];
  // People named inside what someone said are not who "he" or "she" then refers to.
  const speakers = new SpeakerModel(doc, [...direct, ...allReports.map((r) => r.clause)]);

  // Direct quotes: a cue of their own, else one shared by their speech, else their neighbours'.
  const cues = direct.map((q) => cueAt(doc, tokens, q, allReports, direct));
  const speechCue = new Map<number, Cue>();
  direct.forEach((q, i) => {
    if (cues[i] && !speechCue.has(q.speech)) speechCue.set(q.speech, cues[i]!);
  });
  // The last speech with a speaker, quoted or reported: a quote with no cue of its own may go on with it.
  let lastSpeech: { paragraph: number; closed: boolean; speaker: Resolved } | null = null;
  const indirectFromReports = allReports.map((r) => ({ r, speaker: NO_SPEAKER }));
  const events = [...direct.map((q, i) => ({ at: q.open, kind: 'direct' as const, i })), ...allReports.map((r, i) => ({ at: r.clause.start, kind: 'report' as const, i }))].sort((a, b) => a.at - b.at);
  for (const ev of events) {
    if (ev.kind === 'report') {
      const entry = indirectFromReports[ev.i];
      entry.speaker = speakers.resolve(entry.r.subject);
      // A report inside another's words ("Weitz said he had visited Pullman, who had told him ...") is not who speaks next.
      const nested = allReports.some((o) => o !== entry.r && o.clause.start <= tokens[entry.r.verb].start && tokens[entry.r.verb].start < o.clause.end);
      if (entry.speaker.speaker && !nested) {
        speakers.spoke(entry.speaker, entry.r.clause.start);
        lastSpeech = { paragraph: doc.sentences[sentenceAt(doc, entry.r.clause.start)].paragraph, closed: true, speaker: entry.speaker };
      }
      continue;
    }
    const q = direct[ev.i];
    const span = trimSpan(doc.text, q);
    const quoted = doc.text.slice(span.start, span.end);
    const words = countWords(quoted, 0, quoted.length);
    // A few words quoted inside someone's paraphrase ("Machado was "disgusting"") belong to it, not on their own.
    if (quotedInSentence(doc, q) && /^\p{Ll}/u.test(quoted) && !/[?!]$/.test(quoted)) continue;
    // A title in quotation marks ('MSNBC's "Morning Joe"', 'a song called "A Change Is Gonna Come"') is not speech.
    if (words <= 8 && isTitleCase(quoted) && /(['’]s|\b(?:on|of|in|titled|called|named|entitled))\s*$/i.test(doc.text.slice(Math.max(0, q.open - 12), q.open))) continue;
    // So is one that modifies the noun after it ('the "Pose" actor', 'a "Ted Cruz" pin').
    if (words <= SCARE_QUOTE_MAX_WORDS && isTitleCase(quoted) && /\b(?:the|a|an|his|her|their|its)\s*$/i.test(doc.text.slice(Math.max(0, q.open - 6), q.open)) && /^\s+\p{Ll}/u.test(doc.text.slice(q.close + 1, q.close + 4))) continue;
    // So is one inside running text, after a word or a comma ('his book, "Make Your Kid a Millionaire,"', 'the anthem
    // "A Change Is Gonna Come"', 'a bipartisan "Grand Bargain"'): speech is not written in Title Case, unless a
    // reporting verb gives it as said ('chanted "Lock Her Up"').
    if (words <= 8 && isTitleWords(quoted) && titleSlot(doc, q.open, doc.paragraphs[q.paragraph].start)) continue;
    const cue = cues[ev.i] ?? speechCue.get(q.speech) ?? null;
    // A cue whose subject cannot speak ("The summit said") is no cue: the context decides.
    const cued = cue?.subject ? speakers.resolve(cue.subject) : NO_SPEAKER;
    let speaker: Resolved;
    let rule: string;
    let credit: ReturnType<typeof creditOf>;
    let subjectSpeaker: Resolved | null;
    if (cued.speaker) {
      speaker = cued;
      rule = `quote:direct:cue:${cued.how}`;
    } else if ((credit = creditOf(doc, q.paragraph))) {
      // A digest's paragraph that ends by crediting where it comes from ("... [Reuters.]") quotes that source.
      speaker = speakers.resolve(credit);
      rule = `quote:direct:credit:${speaker.how}`;
    } else if (lastSpeech && lastSpeech.paragraph >= q.paragraph - 1 && lastSpeech.speaker.speaker && (q.open === doc.paragraphs[q.paragraph].start || !lastSpeech.closed)) {
      // A quote opening a paragraph right after a speech: the same speaker goes on.
      speaker = lastSpeech.speaker;
      rule = 'quote:direct:context:continued';
    } else if (words <= SCARE_QUOTE_MAX_WORDS && !(lastSpeech?.paragraph === q.paragraph && wholeSentence(doc, q))) {
      // '"We will see the industry shake out," Mayer said. "Not everyone will succeed."': a short sentence of its own
      // after a speech in its paragraph goes on with it; other few words quoted are no speech.
      continue;
    } else if ((subjectSpeaker = quotingSubject(doc, tokens, q, speakers, allReports))) {
      // 'The inspector general released two reports that depicted "technical challenges ..."': words quoted inside a
      // clause are those of the clause's subject, where it can speak.
      speaker = subjectSpeaker;
      rule = `quote:direct:context:subject:${speaker.how}`;
    } else {
      speaker = speakers.salientPerson(q.open);
      rule = 'quote:direct:context:salient';
    }
    const cueWord = cued.speaker ? cue!.cue : '';
    quotes.push({ kind: 'direct', start: span.start, end: span.end, text: quoted, speaker: speaker.speaker, speakerEntityId: speaker.entityId, cue: cueWord, sentence: sentenceAt(doc, span.start), rule });
    speakers.spoke(speaker, q.open);
    lastSpeech = { paragraph: q.paragraph, closed: q.closed, speaker };
  }

  for (const { r, speaker } of indirectFromReports) {
    // What no one can have said ("The summit said leaders would meet") is not reported speech.
    if (speaker.how === 'none') continue;
    quotes.push({ kind: 'indirect', start: r.clause.start, end: r.clause.end, text: doc.text.slice(r.clause.start, r.clause.end), speaker: speaker.speaker, speakerEntityId: speaker.entityId, cue: r.cue, sentence: sentenceAt(doc, r.clause.start), rule: `quote:reported:${speaker.how}` });
  }
  for (const s of doc.sentences) {
    if (doc.paragraphs[s.paragraph].heading) continue;
    const according = accordingTo(doc, s);
    if (!according || quotes.some((q) => q.kind === 'indirect' && q.start < according.clause.end && q.end > according.clause.start)) continue;
    if (direct.some((d) => d.start <= according.clause.start + 1 && d.end >= according.clause.end - 1)) continue;
    // '..., "...," according to X': the quotation is the speech; a few words quoted are part of the clause.
    if (mostlyQuoted(doc, according.clause, direct) && direct.some((d) => d.start >= according.clause.start && d.end <= according.clause.end && longerThanScareQuote(doc, d))) continue;
    const speaker = speakers.resolve(according.source);
    quotes.push({ kind: 'indirect', start: according.clause.start, end: according.clause.end, text: doc.text.slice(according.clause.start, according.clause.end), speaker: speaker.speaker, speakerEntityId: speaker.entityId, cue: 'according to', sentence: s.index, rule: `quote:according-to:${speaker.how}` });
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  return quotes.map((q) => ({ ...q, id: contentId('Q', q.kind + q.text) }));
}
