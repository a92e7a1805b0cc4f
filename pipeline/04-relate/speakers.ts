// Who is speaking: a phrase of the text (a name, a pronoun, "a spokesman for
// the council", "the report") resolved to an entity where one is named.

import type { Doc, Mention } from '../../src/model.ts';
import { PRONOUNS } from './cues.ts';

export interface Speaker {
  speaker: string;
  entityId: string;
}

const NONE: Speaker = { speaker: '', entityId: '' };

const entityName = (doc: Doc, id: string) => doc.entities.find((e) => e.id === id)?.name ?? '';

function mentionsWithin(doc: Doc, start: number, end: number): Mention[] {
  return doc.mentions.filter((m) => m.start >= start && m.end <= end);
}

/** The last person named before `offset` (for "he said", "she said"). */
export function lastPersonBefore(doc: Doc, offset: number, outside: Array<{ start: number; end: number }> = []): Speaker {
  for (let i = doc.mentions.length - 1; i >= 0; i--) {
    const m = doc.mentions[i];
    if (m.end > offset || m.type !== 'person') continue;
    if (outside.some((q) => m.start >= q.start && m.end <= q.end)) continue;
    return { speaker: entityName(doc, m.entityId), entityId: m.entityId };
  }
  return NONE;
}

/**
 * Resolve the subject phrase text[start, end) to a speaker. A person named in it
 * wins (the one nearest the verb), then an organisation; a pronoun goes to the last
 * person named; otherwise the phrase itself is the speaker ("meeting documents").
 */
export function resolveSpeaker(doc: Doc, start: number, end: number, previous: Speaker | null, quotes: Array<{ start: number; end: number }>): Speaker {
  const phrase = doc.text.slice(start, end).trim().replace(/^[,;:\s]+|[,;:\s]+$/g, '');
  if (!phrase) return NONE;
  const inPhrase = mentionsWithin(doc, start, end);
  const person = inPhrase.filter((m) => m.type === 'person').pop();
  if (person) return { speaker: entityName(doc, person.entityId), entityId: person.entityId };
  const lower = phrase.toLowerCase();
  if (PRONOUNS.has(lower)) {
    if ((lower === 'they' || lower === 'it') && previous?.speaker) return previous;
    if (lower === 'he' || lower === 'she') return lastPersonBefore(doc, start, quotes);
    return { speaker: phrase, entityId: '' };
  }
  const org = inPhrase.find((m) => m.type === 'organisation');
  // "a spokesman for the council" keeps its words, linked to the council.
  if (org && org.start - start <= 4) return { speaker: entityName(doc, org.entityId), entityId: org.entityId };
  return { speaker: phrase.replace(/^(the|a|an)\s+/i, (m) => m), entityId: org?.entityId ?? '' };
}
