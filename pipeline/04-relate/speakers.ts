// Who is speaking: a phrase of the text (a name, a pronoun, "a spokesman for
// the council", "the report") resolved to an entity where one is named.

import nlp from 'compromise';
import type { Doc, Entity, Mention } from '../../src/model.ts';
import { ROLE_WORDS } from '../03-tag/lexicons/people.ts';
import { PRONOUNS } from './cues.ts';

export interface Speaker {
  speaker: string;
  entityId: string;
}

export const NO_SPEAKER: Speaker = { speaker: '', entityId: '' };

type Gender = 'male' | 'female' | 'unknown';
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

function genderOf(e: Entity): Gender {
  const tags = [LEXICON[e.name.split(/\s+/)[0].toLowerCase()] ?? []].flat();
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  return 'unknown';
}

const SPOKESPERSON = /\b(spokesman|spokeswoman|spokesperson|spokespeople|representative|source|official|statement)s?\s+(for|at|from|of)\b/i;
const DESCRIPTION = /^(the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:[\w-]+-year-old|man|woman)$/i;

function entity(doc: Doc, id: string): Entity | undefined {
  return doc.entities.find((e) => e.id === id);
}

const asSpeaker = (doc: Doc, m: Mention): Speaker => ({ speaker: entity(doc, m.entityId)?.name ?? m.text, entityId: m.entityId });

/** The person a pronoun or a description refers to: the latest named before `offset`, preferring the current speaker. */
export function personBefore(doc: Doc, offset: number, gender: Gender, recentSpeaker: Speaker | null, insideQuotes: Array<{ start: number; end: number }>): Speaker {
  const fits = (e: Entity | undefined) => !!e && e.type === 'person' && (gender === 'unknown' || genderOf(e) !== (gender === 'male' ? 'female' : 'male'));
  if (recentSpeaker?.entityId && fits(entity(doc, recentSpeaker.entityId))) {
    // The speaker of the last quote stays the referent unless another person of that gender is named since.
    const lastMention = doc.mentions.filter((m) => m.entityId === recentSpeaker.entityId && m.end <= offset).pop();
    const since = lastMention ? doc.mentions.filter((m) => m.start > lastMention.end && m.end <= offset && m.type === 'person' && m.entityId !== recentSpeaker.entityId && fits(entity(doc, m.entityId)) && !insideQuotes.some((q) => m.start >= q.start && m.end <= q.end)) : [];
    if (!since.length) return recentSpeaker;
  }
  for (let i = doc.mentions.length - 1; i >= 0; i--) {
    const m = doc.mentions[i];
    if (m.end > offset || m.type !== 'person') continue;
    if (insideQuotes.some((q) => m.start >= q.start && m.end <= q.end)) continue;
    if (fits(entity(doc, m.entityId))) return asSpeaker(doc, m);
  }
  return NO_SPEAKER;
}

/** What "it" or "they" speaking refers to: the organisation that spoke last, else the last one named. */
function organisationBefore(doc: Doc, offset: number, recent: Speaker | null, quotes: Array<{ start: number; end: number }>): Speaker | null {
  if (recent?.entityId && entity(doc, recent.entityId)?.type === 'organisation') return recent;
  for (let i = doc.mentions.length - 1; i >= 0; i--) {
    const m = doc.mentions[i];
    if (m.end > offset || m.type !== 'organisation' || quotes.some((q) => m.start >= q.start && m.end <= q.end)) continue;
    return asSpeaker(doc, m);
  }
  return null;
}

/**
 * Resolve the subject phrase text[start, end) to a speaker. A person named in it
 * wins (the one nearest the verb); a spokesperson speaks for the organisation; a
 * pronoun or a description ("the Liberal Democrat leader") goes to the person it
 * refers to; otherwise the phrase itself is the speaker ("meeting documents").
 */
export function resolveSpeaker(doc: Doc, start: number, end: number, recent: Speaker | null, quotes: Array<{ start: number; end: number }>): Speaker {
  const phrase = doc.text.slice(start, end).trim();
  if (!phrase) return NO_SPEAKER;
  const inPhrase = doc.mentions.filter((m) => m.start >= start && m.end <= end);
  const org = inPhrase.filter((m) => m.type === 'organisation').pop();
  if (org && SPOKESPERSON.test(phrase)) return asSpeaker(doc, org);
  const person = inPhrase.filter((m) => m.type === 'person').pop();
  if (person) return asSpeaker(doc, person);
  const lower = phrase.toLowerCase();
  if (PRONOUNS.has(lower)) {
    if (lower === 'he' || lower === 'she') return personBefore(doc, start, lower === 'he' ? 'male' : 'female', recent, quotes);
    if (lower === 'they' || lower === 'it') return organisationBefore(doc, start, recent, quotes) ?? { speaker: phrase, entityId: '' };
    return { speaker: phrase, entityId: '' };
  }
  const words = lower.split(/\s+/);
  const describesPerson = /^the\s/.test(lower) && (words.some((w) => ROLE_WORDS.has(w)) || DESCRIPTION.test(phrase)) && !org;
  if (describesPerson) {
    const referent = personBefore(doc, start, 'unknown', recent, quotes);
    if (referent.speaker) return referent;
  }
  // "the firm", "Pearson's Financial Times": a phrase that is (or ends in) the organisation's name.
  if (org && (org.start - start <= 4 || org.end >= end - 1)) return asSpeaker(doc, org);
  return { speaker: phrase, entityId: org?.entityId ?? '' };
}
