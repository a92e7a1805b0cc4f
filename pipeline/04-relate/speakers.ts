// Who is speaking: a phrase of the text (a name, a pronoun, "a spokesman for
// the council", "the report") resolved to an entity where one is named.

import type { Doc, Entity, Mention } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../03-tag/lexicons/compromise-words.ts';
import { ROLE_WORDS } from '../03-tag/lexicons/people.ts';
import { PRONOUNS } from './cues.ts';
import { entityName, firstWithin, lastWithin, lookupOf } from './lookup.ts';

export interface Speaker {
  speaker: string;
  entityId: string;
}

export const NO_SPEAKER: Speaker = { speaker: '', entityId: '' };

type Gender = 'male' | 'female' | 'unknown';
/** By the first name, as compromise's lexicon knows it. */
function genderOf(e: Entity): Gender {
  const first = e.name.split(/\s+/)[0].toLowerCase();
  if (MALE_NAMES.has(first)) return 'male';
  if (FEMALE_NAMES.has(first)) return 'female';
  return 'unknown';
}

/** Who or what speaks for a body rather than as a person ("a spokesman for X said", "the BPI spokesman said"). */
const ORGANISATION_VOICES: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'representative', 'source', 'official', 'statement',
  'representatives', 'sources', 'officials', 'statements', 'spokespersons', 'spokeswomen',
]);
const SPOKESPERSON = new RegExp(`\\b(${[...ORGANISATION_VOICES].join('|')})\\s+(for|at|from|of)\\b`, 'i');
const DESCRIPTION = /^(the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:[\w-]+-year-old|man|woman)$/i;

function entity(doc: Doc, id: string): Entity | undefined {
  return lookupOf(doc).entity(id);
}

const asSpeaker = (doc: Doc, m: Mention): Speaker => ({ speaker: entityName(doc, m), entityId: m.entityId });

/**
 * The entity a pronoun refers to, by salience: going back sentence by sentence (at most
 * three), the first mention of the right type in each that is neither possessive
 * ("Tony Blair's record") nor inside someone's words — usually the sentence's subject.
 */
function subjectBefore(doc: Doc, offset: number, fits: (e: Entity | undefined) => boolean, said: Array<{ start: number; end: number }>): Speaker | null {
  const here = sentenceAt(doc, Math.max(0, offset - 1));
  for (let k = here; k >= 0 && k > here - 3; k--) {
    const s = doc.sentences[k];
    const x = firstWithin(doc, s.start, Math.min(offset, s.end), (m) => fits(entity(doc, m.entityId)) && !/^['’]s\b/.test(doc.text.slice(m.end, m.end + 3)) && !said.some((q) => m.start >= q.start && m.end <= q.end));
    if (x) return asSpeaker(doc, x);
  }
  return null;
}

/** The person "he", "she" or "the minister" refers to. */
export function personBefore(doc: Doc, offset: number, gender: Gender, recentSpeaker: Speaker | null, said: Array<{ start: number; end: number }>): Speaker {
  const fits = (e: Entity | undefined) => !!e && e.type === 'person' && (gender === 'unknown' || genderOf(e) !== (gender === 'male' ? 'female' : 'male'));
  const salient = subjectBefore(doc, offset, fits, said);
  if (salient) return salient;
  if (recentSpeaker?.entityId && fits(entity(doc, recentSpeaker.entityId))) return recentSpeaker;
  // Back from the last mention that starts by the offset: any later one ends after it.
  for (let i = lookupOf(doc).startingIn(-Infinity, offset)[1] - 1; i >= 0; i--) {
    const m = doc.mentions[i];
    if (m.end > offset || m.type !== 'person' || said.some((q) => m.start >= q.start && m.end <= q.end)) continue;
    if (fits(entity(doc, m.entityId))) return asSpeaker(doc, m);
  }
  return NO_SPEAKER;
}

/** What "it" or "they" speaking refers to: the organisation that spoke last, else the last one named. */
function organisationBefore(doc: Doc, offset: number, recent: Speaker | null, quotes: Array<{ start: number; end: number }>): Speaker | null {
  const salient = subjectBefore(doc, offset, (e) => e?.type === 'organisation', quotes);
  if (salient) return salient;
  if (recent?.entityId && entity(doc, recent.entityId)?.type === 'organisation') return recent;
  for (let i = lookupOf(doc).startingIn(-Infinity, offset)[1] - 1; i >= 0; i--) {
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
  const org = lastWithin(doc, start, end, (m) => m.type === 'organisation');
  if (org && SPOKESPERSON.test(phrase)) return asSpeaker(doc, org);
  const person = lastWithin(doc, start, end, (m) => m.type === 'person');
  if (person) return asSpeaker(doc, person);
  const lower = phrase.toLowerCase();
  if (PRONOUNS.has(lower)) {
    if (lower === 'he' || lower === 'she') return personBefore(doc, start, lower === 'he' ? 'male' : 'female', recent, quotes);
    // "It added that ...": a report or body that has just spoken goes on speaking.
    if (lower === 'it' && recent?.speaker && entity(doc, recent.entityId)?.type !== 'person') return recent;
    // "Analysts said ... They also pointed out ...": a plural described, not named, goes on speaking.
    if (lower === 'they' && recent?.speaker && !recent.entityId && /\p{Ll}s$/u.test(recent.speaker)) return recent;
    if (lower === 'they' || lower === 'it') return organisationBefore(doc, start, recent, quotes) ?? { speaker: phrase, entityId: '' };
    return { speaker: phrase, entityId: '' };
  }
  const words = lower.split(/\s+/);
  // "the Liberal Democrat leader", "Russia's president": a post described, not named.
  // An organisation named before the post is where the post is held ("the Liberal Democrat leader", "the Lions
  // coach"); but "The BPI spokesman" speaks for the body, and "The Health and Safety Executive" is the body.
  const post = words[words.length - 1];
  const postAfterOrg = !!org && ROLE_WORDS.has(post) && !ORGANISATION_VOICES.has(post) && doc.text.slice(org.end, end).replace(/^['’]s?/, '').trim().toLowerCase() === post;
  const describesPerson = /^(the|[\w.-]+['’]s?)\s/.test(lower) && (words.some((w) => ROLE_WORDS.has(w)) || DESCRIPTION.test(phrase)) && (!org || postAfterOrg);
  if (describesPerson) {
    const referent = personBefore(doc, start, 'unknown', recent, quotes);
    if (referent.speaker) return referent;
  }
  // "the firm", "Pearson's Financial Times": a phrase that is (or ends in) the organisation's name.
  if (org && (org.start - start <= 4 || (org.end >= end - 1 && /['’]s\s*$/.test(doc.text.slice(start, org.start))))) return asSpeaker(doc, org);
  return { speaker: phrase, entityId: org?.entityId ?? '' };
}
