// Stage 3, tag: organisations, places and people (resolved within the
// article), plus money, numbers, percentages and dates.

import type { Doc, PipelineOptions, Stage, ValueMention } from '../../src/model.ts';
import { DEFAULT_OPTIONS, ruleEnabled, sentenceAt } from '../../src/model.ts';
import { findNameCandidates } from './candidates.ts';
import { resolveEntities } from './resolve.ts';
import { tokenise, type Token } from './tokens.ts';
import { findValues } from './values.ts';
import { findDates } from './dates.ts';

/** Per-document token layer, kept for the relate stage (not written to the output). */
export const TOKENS = new WeakMap<Doc, Token[]>();

export function tagDocument(doc: Doc, options: PipelineOptions = DEFAULT_OPTIONS): void {
  const { tokens, sentenceRanges } = tokenise(doc);
  TOKENS.set(doc, tokens);
  const isHeading = (s: number) => doc.paragraphs[doc.sentences[s].paragraph]?.heading ?? false;
  const enabled = (rule: string) => ruleEnabled(rule, options);
  // Switching off `ner` switches the statistical tagger off altogether: it is not run.
  const candidates = findNameCandidates(doc.text, tokens, sentenceRanges, isHeading, { enabled, useModel: enabled('ner') }).filter((c) => enabled(c.rule));
  const { entities, mentions } = resolveEntities(doc.text, candidates);
  doc.entities = entities;
  doc.mentions = mentions.map((m) => ({ ...m, sentence: sentenceAt(doc, m.start) }));

  const values: ValueMention[] = findValues(doc.text).map((v) => ({ ...v, sentence: sentenceAt(doc, v.start) }));
  for (const d of findDates(doc.text)) values.push({ ...d, kind: 'date', rule: 'date', sentence: sentenceAt(doc, d.start) });
  doc.values = values.sort((a, b) => a.start - b.start || a.end - b.end);
}

export const tagStage: Stage = { name: 'tag', create: (options = DEFAULT_OPTIONS) => (doc) => tagDocument(doc, options) };
