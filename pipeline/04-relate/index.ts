// Stage 4, relate: quotes with their speakers, people's posts, and claims.

import type { Doc, PipelineOptions, Relation, Stage } from '../../src/model.ts';
import { DEFAULT_OPTIONS, ruleEnabled } from '../../src/model.ts';
import { extractClaims } from './claims.ts';
import { dedupeIds } from './ids.ts';
import { extractQuotes } from './quotes.ts';
import { extractRoles, postsOfDescribedSpeakers } from './roles.ts';

export function relateDocument(doc: Doc, options: PipelineOptions = DEFAULT_OPTIONS): void {
  const enabled = (x: { rule: string }) => ruleEnabled(x.rule, options);
  const roles = extractRoles(doc, enabled);
  doc.quotes = dedupeIds(extractQuotes(doc).filter(enabled));
  roles.push(...postsOfDescribedSpeakers(doc, enabled));
  doc.claims = dedupeIds(extractClaims(doc, doc.quotes).filter(enabled));
  const said: Relation[] = doc.quotes
    .filter((q) => q.speaker)
    .map((q) => ({ subject: q.speaker, predicate: q.kind === 'direct' ? 'said' : 'reported', object: q.id, evidence: q.text, start: q.start, end: q.end, rule: q.rule }));
  const asserted: Relation[] = doc.claims
    .filter((c) => c.source)
    .map((c) => ({ subject: c.source, predicate: `claims:${c.kind}`, object: c.id, evidence: c.text, start: c.start, end: c.end, rule: c.rule }));
  doc.relations = [...roles, ...said, ...asserted].sort((a, b) => a.start - b.start || a.end - b.end || a.predicate.localeCompare(b.predicate));
}

export const relateStage: Stage = { name: 'relate', create: (options = DEFAULT_OPTIONS) => (doc) => relateDocument(doc, options) };
