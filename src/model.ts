// The document model: one object travels through every stage. Annotations are
// stand-off spans ({start, end}) into `text`, the cleaned text; `offsets` maps
// them back to `raw`, the decoded input, which is never changed.

import { emptyOffsets, type OffsetMap } from './offsets.ts';
import { firstIndexNotBefore } from './sorted.ts';

export type EntityType = 'organisation' | 'place' | 'person';
export type QuoteKind = 'direct' | 'indirect';
export const CLAIM_KINDS = ['money', 'quantity', 'primacy', 'comparative', 'forecast', 'finding', 'effect'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type ValueKind = 'money' | 'number' | 'percent' | 'date';

export interface Span {
  start: number;
  end: number;
}

/** Why a span exists: the rule that produced it, so a wrong result can be traced. */
export interface Ruled {
  rule: string;
}

export interface Paragraph extends Span {
  /** A short line with no closing punctuation inside the body (a sub-heading). */
  heading: boolean;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export interface Mention extends Span, Ruled {
  type: EntityType;
  text: string;
  entityId: string;
  sentence: number;
  /** People only: the personal title or post the mention opens with ("Cllr", "Director-General"). */
  title?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** The fullest form in the text. */
  name: string;
  aliases: string[];
  mentions: number;
  /** Organisations only: what kind of body it is ("Council", "Company", "Party"), for "the council", "the firm". */
  kind?: string;
  /** People only: the post they hold, and where. */
  role?: string;
  organisation?: string;
  organisationId?: string;
}

/** Money, numbers, percentages and dates found by the tagger. */
export interface ValueMention extends Span, Ruled {
  kind: ValueKind;
  text: string;
  /** Normalised number: 2000000 for "£2m"; undefined for dates. */
  value?: number;
  unit?: string;
  sentence: number;
}

export interface Quote extends Span, Ruled {
  id: string;
  kind: QuoteKind;
  text: string;
  speaker: string;
  speakerEntityId: string;
  cue: string;
  sentence: number;
}

export interface Claim extends Span, Ruled {
  id: string;
  kind: ClaimKind;
  text: string;
  value?: number;
  unit?: string;
  qualifier?: string;
  source: string;
  hedge: string;
  date?: string;
  sentence: number;
}

export interface Relation extends Span, Ruled {
  subject: string;
  predicate: string;
  object: string;
  evidence: string;
}

export type Severity = 'info' | 'warning' | 'fatal';

/** A problem found in a document: reported, never thrown past the runner. */
export interface Message {
  severity: Severity;
  stage: string;
  reason: string;
}

export interface Doc {
  docId: string;
  /** Where it came from: a file path relative to the input, or `file:line` for JSON Lines. */
  source: string;
  /** Extra fields carried from the input record (url, date, source, ...). */
  meta: Record<string, string>;
  raw: string;
  format: InputFormat;
  /** The encoding the input was decoded from, '' when unknown. */
  encoding: string;
  /** A title given by the input (a JSONL `title` field). */
  givenTitle: string | null;
  status: 'ok' | 'failed';
  error: string;
  messages: Message[];

  title: string | null;
  text: string;
  offsets: OffsetMap;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: Entity[];
  values: ValueMention[];
  quotes: Quote[];
  claims: Claim[];
  relations: Relation[];
}

export type InputFormat = 'text' | 'html';

export interface DocInput {
  docId: string;
  source: string;
  raw: string;
  format?: InputFormat;
  givenTitle?: string | null;
  meta?: Record<string, string>;
  /** Set when reading failed: the document goes straight to the failed table. */
  error?: string;
  /** The encoding the input was decoded from ("utf-8", "windows-1252", ...), when known. */
  encoding?: string;
  /** What reading had to mend ("2 invalid UTF-8 bytes replaced by U+FFFD"): kept as warnings. */
  notes?: string[];
}

/** A document as read, before any stage: the cleaned text and every annotation still empty. */
export function newDoc(input: DocInput): Doc {
  return {
    docId: input.docId,
    source: input.source,
    meta: input.meta ?? {},
    raw: input.raw,
    format: input.format ?? 'text',
    encoding: input.encoding ?? '',
    givenTitle: input.givenTitle ?? null,
    status: input.error ? 'failed' : 'ok',
    error: input.error ?? '',
    messages: [
      ...(input.notes ?? []).map((reason): Message => ({ severity: 'warning', stage: 'read', reason })),
      ...(input.error ? [{ severity: 'fatal', stage: 'read', reason: input.error } satisfies Message] : []),
    ],
    title: null,
    text: '',
    offsets: emptyOffsets(),
    paragraphs: [],
    sentences: [],
    mentions: [],
    entities: [],
    values: [],
    quotes: [],
    claims: [],
    relations: [],
  };
}

/** Choices a user makes for a whole run. */
export interface PipelineOptions {
  /** Rule ids, or their prefixes ("quote:reported", "quote", "org:acronym"), whose output is left out. */
  disabledRules: readonly string[];
}

export const DEFAULT_OPTIONS: PipelineOptions = { disabledRules: [] };

/** Whether output of `rule` is wanted: a disabled id switches off itself and every rule below it ("quote" → "quote:reported"). */
export function ruleEnabled(rule: string, options: PipelineOptions): boolean {
  return !options.disabledRules.some((d) => rule === d || rule.startsWith(d + ':'));
}

/** A stage is a factory: setup runs once, the returned function once per document. */
export type StageFn = (doc: Doc) => void;
export interface Stage {
  name: string;
  create: (options?: PipelineOptions) => StageFn;
}

/** The sentence index that contains `offset` (binary search over sorted sentences). */
export function sentenceAt(doc: Doc, offset: number): number {
  const s = doc.sentences;
  // The first sentence not ended by `offset`: the one it is in, or the next after a gap.
  return Math.max(0, Math.min(firstIndexNotBefore(s.length, (i) => s[i].end <= offset), s.length - 1));
}
