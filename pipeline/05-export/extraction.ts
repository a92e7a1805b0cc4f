// The shape of one line of extraction.jsonl: one document, everything found in it.
// schema/extraction.schema.json says the same as a JSON Schema (tests check every
// line of a run against it). Names are those of the CSV columns (snake_case); a
// field is always present, null when it has no value, and a list is [] when empty.
// The objects of a list carry the columns of their CSV table but doc_id, so a row
// and its object say the same: `entity_id`, `quote_id`, `raw_start`, ...

import type { ClaimKind, EntityType, InputFormat, QuoteKind, Severity, ValueKind } from '../../src/model.ts';

/** Bumped when a field is renamed, removed or changes meaning (adding one is not a change of version). */
export const SCHEMA_VERSION = 1;

/** Fields of a JSON Lines input record carried to the output unchanged (null where the record has none). */
export interface InputFields {
  url: string | null;
  date: string | null;
  /** The record's `source`: who published it. */
  publisher: string | null;
  author: string | null;
  category: string | null;
}

/** A span of the cleaned text (`start`, `end`) and of the decoded input (`raw_start`, `raw_end`, for HTML the page source). */
export interface Located {
  start: number;
  end: number;
  raw_start: number;
  raw_end: number;
}

export interface ExtractedParagraph {
  start: number;
  end: number;
  /** A short line with no closing punctuation inside the body (a sub-heading). */
  heading: boolean;
}

export interface ExtractedEntity {
  entity_id: string;
  type: EntityType;
  /** The fullest form in the text. */
  name: string;
  aliases: string[];
  mentions: number;
  /** Organisations: what kind of body ("Council", "Company", "Party"). */
  kind: string | null;
  /** People: the post they hold, and where. */
  role: string | null;
  organisation: string | null;
  organisation_id: string | null;
}

export interface ExtractedMention extends Located {
  entity_id: string;
  type: EntityType;
  text: string;
  /** People: the personal title or post the mention opens with ("Cllr", "Director-General"). */
  title: string | null;
  sentence: number;
  rule: string;
}

export interface ExtractedValue extends Located {
  kind: ValueKind;
  text: string;
  /** 2000000 for "£2m"; null for dates. */
  value: number | null;
  unit: string | null;
  sentence: number;
  rule: string;
}

export interface ExtractedQuote extends Located {
  quote_id: string;
  kind: QuoteKind;
  /** null when no speaker was found. */
  speaker: string | null;
  speaker_entity_id: string | null;
  cue: string | null;
  text: string;
  sentence: number;
  rule: string;
}

export interface ExtractedClaim extends Located {
  claim_id: string;
  kind: ClaimKind;
  text: string;
  value: number | null;
  unit: string | null;
  /** Who makes the claim: the speaker of the quote it is in, a report's owner; null for the article itself. */
  source: string | null;
  hedge: string | null;
  qualifier: string | null;
  /** When a forecast is for, as the article says it ("next year", "by April 2010"). */
  date: string | null;
  sentence: number;
  rule: string;
}

export interface ExtractedRelation extends Located {
  subject: string;
  predicate: string;
  object: string;
  evidence: string;
  rule: string;
}

export interface ExtractionMessage {
  severity: Severity;
  stage: string;
  reason: string;
}

/** One line of extraction.jsonl. */
export interface Extraction {
  schema_version: typeof SCHEMA_VERSION;
  doc_id: string;
  /** Where it was read: a file path, or `file:line` for JSON Lines. */
  source: string;
  status: 'ok' | 'failed';
  /** Why it failed; null when it did not. */
  error: string | null;
  format: InputFormat;
  /** The encoding the input was decoded from ("utf-8", "windows-1252", ...); null when unknown. */
  encoding: string | null;
  title: string | null;
  input_fields: InputFields;
  /** The cleaned text every start and end indexes; null when the document failed before it was cleaned. */
  text: string | null;
  paragraphs: ExtractedParagraph[];
  /** Each sentence as [start, end]; a sentence's index is its place here. */
  sentences: Array<[number, number]>;
  entities: ExtractedEntity[];
  mentions: ExtractedMention[];
  values: ExtractedValue[];
  quotes: ExtractedQuote[];
  claims: ExtractedClaim[];
  relations: ExtractedRelation[];
  /** Problems met with the document: a warning when reading had to mend something, a fatal one when it failed. */
  messages: ExtractionMessage[];
}
