// Who is speaking. A speaker phrase is resolved by its head (noun-phrases.ts):
// a name speaks as itself; a spokeswoman, a lawyer or an official speaks for the body
// (or person) that owns them; a document for its author; a pronoun or a description
// ("he", "the Liberal Democrat leader") for the person the passage is about, chosen by
// ranking the candidates; some heads cannot speak at all ("Monday", "the summit").
// Each answer says how it was reached, for the quote's `rule`.

import type { Doc, Entity, Mention, Span } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { firstIndexNotBefore } from '../../src/sorted.ts';
import type { NounPhrase, NounPhraseChunker } from './noun-phrases.ts';
import { TOKENS } from '../03-tag/index.ts';
import type { Token } from '../03-tag/tokens.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../03-tag/lexicons/compromise-words.ts';
import { isListedPost } from './posts.ts';
import { PLACE_ADJECTIVES } from '../03-tag/lexicons/places.ts';
import { FINDING_SOURCES as FINDING_SOURCE_LIST, REPORTING_WORDS } from './cues.ts';
import { DOCUMENT_WORDS, GENDERED_PERSON_WORDS, NON_SPEAKER_WORDS, PERSON_WORDS, SPEAKS_FOR_ONE_BODY, SPOKESPERSON_WORDS } from './heads.ts';
import { entityName, lookupOf, type DocLookup } from './lookup.ts';
import { chunkerOf, tokenAt, type PhraseSpan } from './phrases.ts';
import { cannotSpeak, isCommonNoun } from './cue-model.ts';
import { salienceOf, type Candidate } from './speaker-ranking.ts';

export interface Speaker {
  speaker: string;
  entityId: string;
}

/** How a speaker was found: the last part of a quote's rule ("quote:direct:cue:pronoun"). */
export type SpeakerSieve = 'name' | 'spokesperson' | 'document' | 'description' | 'pronoun' | 'phrase' | 'none';

export interface Resolved extends Speaker {
  how: SpeakerSieve;
}

/** What cannot speak ("Monday", "the summit"): no speaker, and no speech. */
export const NO_SPEAKER: Resolved = { speaker: '', entityId: '', how: 'none' };
/** A pronoun with no one to stand for: speech, by someone not found. */
const UNRESOLVED: Resolved = { speaker: '', entityId: '', how: 'pronoun' };

type Gender = 'male' | 'female' | 'unknown';
/** Where a mention stands in its clause: who does, who is done to, whose, and inside a prepositional phrase. */
type GrammaticalRole = 'subject' | 'object' | 'oblique' | 'possessor' | 'other';

/** Paragraphs over which "the spokesman" is still the one whose spokesman spoke last. */
const SPOKESPERSON_PARAGRAPHS = 6;
/** For a description: named in the last sentences counts as much as being named three times. */
const PROMINENCE = { recent: 2 };
/** Paragraphs back over which "the senator" is still the senator named. */
const HOLDER_PARAGRAPHS = 2;
/** introducedUnnamed's pattern per head noun (a description's head: bounded by the nouns that speak). */
const INTRODUCED_BY = new Map<string, RegExp>();
/** Sentences looked back over for a pronoun's referent before falling back to any earlier mention. */
const SENTENCES_BACK = 3;

const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', him: 'male', his: 'male', she: 'female', her: 'female' };
/** Pronouns that tell a gender, for what the article's own pronouns say of someone. */
const GENDERED_PRONOUNS: ReadonlyMap<string, Gender> = new Map([...Object.entries(PRONOUN_GENDER), ['himself', 'male'], ['herself', 'female'], ['hers', 'female']]);
const TITLE_GENDER: Array<[RegExp, Gender]> = [
  [/^(?:mr|sir|lord|mister)\b\.?/i, 'male'],
  [/^(?:mrs|ms|miss|lady|dame|baroness|madam)\b\.?/i, 'female'],
];

const FINDING_SOURCES: ReadonlySet<string> = new Set(FINDING_SOURCE_LIST);
const isPossessiveToken = (t: Token | undefined) => !!t && /^['’]s?$/i.test(t.text);

/** Spans in text order with overlapping ones joined. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** The one person of the article whose last name is `surname`, in any case ("PENCE"). */
export function personSurnamed(doc: Doc, surname: string): Entity | undefined {
  const upper = surname.toUpperCase();
  const people = doc.entities.filter((e) => e.type === 'person' && e.name.includes(' ') && e.name.split(/\s+/).at(-1)!.toUpperCase() === upper);
  return people.length === 1 ? people[0] : undefined;
}

/** A description that was resolved to the person it stands for. */
export interface DescribedSpeaker {
  entityId: string;
  np: NounPhrase;
}

/** Per document, the descriptions its speakers were resolved from. */
export const DESCRIBED_SPEAKERS = new WeakMap<Doc, readonly DescribedSpeaker[]>();
/** Per document, its speaker model once its quotes are found (what training asks its candidates of). */
export const SPEAKER_MODELS = new WeakMap<Doc, SpeakerModel>();

interface Spoken {
  at: number;
  paragraph: number;
  speaker: Speaker;
  how: SpeakerSieve;
}

/** One article's speakers: what has been said so far, and how a phrase resolves. */
export class SpeakerModel {
  private readonly doc: Doc;
  private readonly tokens: Token[];
  private readonly chunker: NounPhraseChunker;
  private readonly lookup: DocLookup;
  /** Quoted and reported words: people named in them are not who speaks next. */
  private readonly said: Span[];
  private readonly spoken: Spoken[] = [];
  private readonly genders = new Map<string, Gender>();
  private evidence: Map<string, Gender> | undefined;
  /** The descriptions resolved to a person ("the Liberal Democrat leader said"), for the posts they give. */
  private readonly described: DescribedSpeaker[] = [];

  constructor(doc: Doc, said: Span[]) {
    this.doc = doc;
    this.tokens = TOKENS.get(doc) ?? [];
    this.chunker = chunkerOf(doc);
    this.lookup = lookupOf(doc);
    this.said = mergeSpans(said);
    DESCRIBED_SPEAKERS.set(doc, this.described);
    SPEAKER_MODELS.set(doc, this);
  }

  /** Record that `speaker` spoke at offset `at`; quotes and reports come in text order. */
  spoke(speaker: Resolved, at: number): void {
    if (speaker.speaker) this.spoken.push({ at, paragraph: this.paragraphAt(at), speaker: { speaker: speaker.speaker, entityId: speaker.entityId }, how: speaker.how });
  }

  /** The speaker a phrase of the text stands for. */
  resolve(phrase: PhraseSpan): Resolved {
    // A surname in capitals ("PENCE", a transcript's label) is the one person of the article with that surname.
    const written = this.doc.text.slice(phrase.start, phrase.end);
    if (/^\p{Lu}[\p{Lu}'’-]+$/u.test(written)) {
      const person = personSurnamed(this.doc, written);
      if (person) return { speaker: person.name, entityId: person.id, how: 'name' };
    }
    const np = phrase.np ?? this.phraseOver(phrase);
    if (!np) {
      const text = this.doc.text.slice(phrase.start, phrase.end).trim();
      return text ? { speaker: text, entityId: '', how: 'phrase' } : NO_SPEAKER;
    }
    return this.byHead(np);
  }

  /**
   * The person a quotation with no cue of its own is given: whoever spoke last in its paragraph, else the
   * best-ranked person before `offset`, else whoever spoke last.
   */
  salientPerson(offset: number): Resolved {
    // Another quote in the paragraph of one who has just spoken is theirs.
    const last = this.lastSpoken(offset);
    if (last && last.paragraph === this.paragraphAt(offset)) return { ...last.speaker, how: 'pronoun' };
    const person = this.rank(offset, 'person', 'unknown');
    if (person) return person;
    return last ? { ...last.speaker, how: 'pronoun' } : UNRESOLVED;
  }

  private byHead(np: NounPhrase): Resolved {
    const { doc, tokens } = this;
    if (np.pronoun) return this.pronoun(np);
    if (np.name) return { ...this.asSpeaker(np.name as Mention), how: 'name' };
    const headText = doc.text.slice(tokens[np.headFirst].start, tokens[np.head].end);
    const head = tokens[np.head].text.toLowerCase();
    // "Officials in Cojedes state said": a common noun capitalised for opening the sentence is no name.
    const proper = np.properHead && !(np.headFirst === np.head && this.opensSentence(np.head) && (isCommonNoun(head) || SPOKESPERSON_WORDS.has(head) || PERSON_WORDS.has(head)));
    if (NON_SPEAKER_WORDS.has(head) || (!proper && cannotSpeak(head))) {
      // "In a meeting with the editorial board Trump said": a phrase read on from an opening prepositional phrase; its last part speaks.
      const lastPart = np.complements[np.complements.length - 1]?.phrase;
      return lastPart ? this.byHead(lastPart) : NO_SPEAKER;
    }
    if (proper) return { speaker: headText, entityId: this.entityNamed(headText)?.id ?? '', how: 'name' };
    const phrase: Resolved = { speaker: doc.text.slice(np.start, np.end), entityId: '', how: 'phrase' };
    const holder = isListedPost(head) || SPOKESPERSON_WORDS.has(head) || PERSON_WORDS.has(head) ? this.namedAfterPost(np) : null;
    if (holder) return holder;
    if (SPOKESPERSON_WORDS.has(head)) {
      // "A spokeswoman said": for the body the passage is about, or "the spokesman" for the one whose spokesman spoke
      // before; "sources said", "officials said": no one in particular.
      const owner = this.ownerOf(np) ?? (SPEAKS_FOR_ONE_BODY.has(head) ? this.lastSpokesperson(np.start) ?? this.rank(np.start, 'organisation', 'unknown') : null);
      return owner ? { ...owner, how: 'spokesperson' } : phrase;
    }
    // "the council's letter", "a statement from the club", "the team's figures": who owns the words speaks;
    // a letter with no owner is the one its sentence sent; a report or survey with none speaks itself.
    if (DOCUMENT_WORDS.has(head) || FINDING_SOURCES.has(head) || FINDING_SOURCES.has(head.replace(/s$/, ''))) {
      const author = this.ownerOf(np) ?? this.agentOf(np) ?? (DOCUMENT_WORDS.has(head) ? this.authorOf(np) : null);
      return author ? { ...author, how: 'document' } : phrase;
    }
    // "the Liberal Democrat leader", "Russia's president", "the 64-year-old": a person described goes to the person meant.
    if (isListedPost(head) || PERSON_WORDS.has(head) || /-year-old$/.test(headText)) {
      const definite = np.possessor !== undefined || (np.determiner !== undefined && /^(the|his|her|their|its)$/i.test(tokens[np.determiner].text));
      if (definite && np.complements.length === 0) {
        // "his son", "Mr Hale's chief aide", "the candidate's doctor": someone known by the person they belong
        // to, not the one the article names most; only the one holder of that post is meant. ("Scotland's first
        // minister", "the charity's director" are a body's, and likely the one named.)
        const relational = /^(his|her)$/i.test(tokens[np.determiner!]?.text ?? '') || (np.possessor !== undefined && this.isPerson(np.possessor));
        const referent = this.holderOf(head, np.start) ?? (relational || (!isListedPost(head) && this.introducedUnnamed(head, np.start)) ? null : this.prominent(np.start, GENDERED_PERSON_WORDS.get(head) ?? 'unknown'));
        if (referent) {
          this.described.push({ entityId: referent.entityId, np });
          return { ...referent, how: 'description' };
        }
      }
    }
    // "Pearson's Financial Times" is a name and spoke above; what is left owns nothing and names no one.
    const organisation = this.organisationIn(np);
    return organisation ? { ...phrase, entityId: organisation.entityId } : phrase;
  }

  /** Whether a phrase is a person: a person's name, "he" or "she", or headed by a word for a person or a post. */
  private isPerson(np: NounPhrase): boolean {
    if (np.name) return np.name.type === 'person';
    const head = this.tokens[np.head].text.toLowerCase();
    if (np.pronoun) return head in PRONOUN_GENDER;
    return !np.properHead && (PERSON_WORDS.has(head) || isListedPost(head));
  }

  /** "the nominee", "the senator": the one person whose post is that word, named in the last few paragraphs. */
  private holderOf(post: string, offset: number): Resolved | null {
    let holder: Entity | undefined;
    for (const e of this.doc.entities) {
      if (e.type !== 'person' || !e.role || !e.role.toLowerCase().split(/[\s-]+/).includes(post)) continue;
      if (holder) return null;
      holder = e;
    }
    const m = holder && this.mentionOf(holder.id, offset);
    return m && this.paragraphAt(offset) - this.paragraphAt(m.start) <= HOLDER_PARAGRAPHS ? { ...this.asSpeaker(m), how: 'description' } : null;
  }

  /**
   * Whether the article brought in someone unnamed by this word shortly before ("a young woman asked ...", then
   * "the woman said"; "a local resident wrote", then "the resident added"): the description is that person, not
   * the person the article names most. Not for posts: "a minister", "a striker" are said of
   * the one named too.
   */
  private introducedUnnamed(head: string, offset: number): boolean {
    const from = this.doc.paragraphs[Math.max(0, this.paragraphAt(offset) - HOLDER_PARAGRAPHS)].start;
    let introduced = INTRODUCED_BY.get(head);
    if (!introduced) {
      const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      INTRODUCED_BY.set(head, (introduced = new RegExp(`\\b(?:an?|one|another)\\s+(?:[\\p{L}\\d'’-]+\\s+){0,4}?${escaped}\\b`, 'iu')));
    }
    return introduced.test(this.doc.text.slice(from, offset));
  }

  /** Whether tokens[k] is the first word of its sentence. */
  private opensSentence(k: number): boolean {
    const s = this.doc.sentences[sentenceAt(this.doc, this.tokens[k].start)];
    let first = tokenAt(this.tokens, s.start);
    while (first < k && this.tokens[first].type !== 'word') first++;
    return first === k;
  }

  /**
   * The person a definite description ("the prime minister", "the 64-year-old") stands for: one the
   * article has already made known, so how often each was named before counts with how recently.
   */
  private prominent(offset: number, gender: Gender): Resolved | null {
    const here = sentenceAt(this.doc, Math.max(0, offset - 1));
    const named = new Map<string, { count: number; last: Mention }>();
    for (const m of this.lookup.mentions) {
      if (m.start >= offset) break;
      if (m.type !== 'person' || this.inSaid(m)) continue;
      const e = this.entity(m.entityId);
      if (!e || (gender !== 'unknown' && this.genderOf(e) === (gender === 'male' ? 'female' : 'male'))) continue;
      const x = named.get(m.entityId);
      named.set(m.entityId, { count: (x?.count ?? 0) + 1, last: m });
    }
    let best: { score: number; last: Mention } | null = null;
    for (const { count, last } of named.values()) {
      const recent = here - last.sentence < SENTENCES_BACK ? PROMINENCE.recent : 0;
      const score = Math.log2(1 + count) + recent;
      if (!best || score > best.score || (score === best.score && last.start > best.last.start)) best = { score, last };
    }
    return best ? { ...this.asSpeaker(best.last), how: 'description' } : null;
  }

  /** Who owns a spokesperson or a document: "Barclays' spokesman", "the BPI spokesman", "a spokeswoman for X", "its statement". */
  private ownerOf(np: NounPhrase): Resolved | null {
    const { tokens } = this;
    if (np.possessor) {
      // "the prime minister's spokesman" after "Cameron's spokesman": whom a spokesperson spoke for just before.
      const described = !np.possessor.name && !np.possessor.properHead && !np.possessor.pronoun;
      const before = described && SPOKESPERSON_WORDS.has(this.tokens[np.head].text.toLowerCase()) ? this.lastSpokesperson(np.start) : null;
      if (before) return before;
      const owner = this.byHead(np.possessor);
      if (owner.speaker) return owner;
    }
    if (np.determiner !== undefined) {
      const det = tokens[np.determiner].text.toLowerCase();
      if (det === 'his' || det === 'her') return this.rank(np.start, 'person', PRONOUN_GENDER[det]);
      if (det === 'its' || det === 'their') return this.rank(np.start, 'organisation', 'unknown');
    }
    // A name among the words before the head: "the BPI spokesman", "a Home Office statement".
    for (let k = np.headFirst - 1; k >= np.modFirst; k--) {
      const name = this.chunker.nameAt(k);
      if (name && name.type !== 'place') return { ...this.asSpeaker(name as Mention), how: 'name' };
    }
    const proper = this.properRun(np.modFirst, np.headFirst);
    if (proper) return proper;
    for (const { phrase } of np.complements) {
      const named = this.namedIn(phrase);
      if (named) return named;
    }
    return null;
  }

  /** The name a phrase is ("the BBC"), or its capitalised head ("Acme"): a place is no one speaking. */
  private namedIn(p: NounPhrase): Resolved | null {
    if (p.name && p.name.type !== 'place') return { ...this.asSpeaker(p.name as Mention), how: 'name' };
    return p.properHead ? this.byHead(p) : null;
  }

  /**
   * "China's ambassador to Britain Liu Xiaming", "the head of the BBC Mark Thompson": a post's complement that ends in a
   * person's name written after the body's or the place's is who holds the post. Not "a spokesman for Acme Corp": a
   * name alone after the preposition is the body the post is of.
   */
  private namedAfterPost(np: NounPhrase): Resolved | null {
    const last = np.complements[np.complements.length - 1]?.phrase;
    if (!last || last.headFirst === last.first || !this.chunker.nameAt(last.headFirst - 1)) return null;
    if (last.name?.type === 'person') return { ...this.asSpeaker(last.name as Mention), how: 'name' };
    if (!last.properHead || last.name) return null;
    const written = this.doc.text.slice(this.tokens[last.headFirst].start, this.tokens[last.head].end);
    return { speaker: written, entityId: this.entityNamed(written)?.id ?? '', how: 'name' };
  }

  /** "an analysis by the Pew Research Center", "a poll conducted by Gallup": the name after "by" made the document. */
  private agentOf(np: NounPhrase): Resolved | null {
    const { tokens } = this;
    let by = np.last + 1;
    if (tokens[by]?.pos === 'VERB' && /(?:ed|en|wn)$/i.test(tokens[by].text)) by++;
    if (!/^by$/i.test(tokens[by]?.text ?? '')) return null;
    const sentenceEnd = tokenAt(tokens, this.doc.sentences[sentenceAt(this.doc, tokens[by].start)].end);
    const agent = this.chunker.phraseStartingAt(by + 1, sentenceEnd);
    return agent ? this.namedIn(agent) : null;
  }

  /** Capitalised words before a head that no name covers ("Acme spokesman"), as a speaker. */
  private properRun(from: number, to: number): Resolved | null {
    const { tokens } = this;
    let s = to;
    while (s - 1 >= from && tokens[s - 1].pos === 'PROPN' && /^\p{Lu}/u.test(tokens[s - 1].text) && !isListedPost(tokens[s - 1].text)) s--;
    if (s === to) return null;
    const written = this.doc.text.slice(tokens[s].start, tokens[to - 1].end);
    // "Mexican officials": of the Mexican government if the article names it, else of Mexico.
    const country = PLACE_ADJECTIVES.get(written);
    const entity = this.entityNamed(written) ?? (country ? this.entityNamed(country) : undefined);
    const text = country ?? written;
    return entity ? { speaker: entity.name, entityId: entity.id, how: 'name' } : { speaker: text, entityId: '', how: 'name' };
  }

  /** "Mr Smith wrote to the council. The letter said ...": the subject of the sentence that brought the document in. */
  private authorOf(np: NounPhrase): Resolved | null {
    const word = this.tokens[np.head].text.toLowerCase();
    const here = sentenceAt(this.doc, np.start);
    for (let k = here - 1; k >= 0 && k >= here - SENTENCES_BACK; k--) {
      const s = this.doc.sentences[k];
      const words = this.tokens.slice(tokenAt(this.tokens, s.start), tokenAt(this.tokens, s.end));
      if (!words.some((t) => t.text.toLowerCase() === word)) continue;
      for (const m of this.mentionsIn(s.start, s.end)) {
        if (m.type !== 'place' && this.roleOf(m) === 'subject') return { ...this.asSpeaker(m), how: 'document' };
      }
      return null;
    }
    return null;
  }

  private pronoun(np: NounPhrase): Resolved {
    const word = this.tokens[np.head].text.toLowerCase();
    const text = this.tokens[np.head].text;
    const last = this.lastSpoken(np.start)?.speaker;
    if (word === 'he' || word === 'she') {
      const person = this.rank(np.start, 'person', PRONOUN_GENDER[word]);
      if (!person) return UNRESOLVED;
      // "she" tells the gender of someone whose first name did not.
      if (this.genders.get(person.entityId) === 'unknown') this.genders.set(person.entityId, PRONOUN_GENDER[word]);
      return person;
    }
    // "Analysts said": a plural described, not named.
    const describedPlural = !!last && !last.entityId && /\p{Ll}s$/u.test(last.speaker);
    // "It added that ...": a report or body that has just spoken goes on speaking.
    if (word === 'it' && last?.speaker && this.entity(last.entityId)?.type !== 'person' && !describedPlural) return { ...last, how: 'pronoun' };
    // "Analysts said ... They also pointed out ...": a plural described goes on speaking.
    if (word === 'they' && last?.speaker && describedPlural) return { ...last, how: 'pronoun' };
    if (word === 'they' || word === 'it') return this.rank(np.start, 'organisation', 'unknown') ?? { speaker: text, entityId: '', how: 'phrase' };
    return { speaker: text, entityId: '', how: 'phrase' };
  }

  /**
   * The person (or organisation) a pronoun or a possessive at `offset` stands for: the
   * best-scored of those named or speaking in this and the last sentences (outside anyone's
   * words) and the last speaker, by the hand-set weights of speaker-ranking.ts;
   * failing those, the last one named before.
   */
  private rank(offset: number, type: 'person' | 'organisation', gender: Gender): Resolved | null {
    const candidates = this.candidates(offset, type, gender);
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const score = salienceOf(c.features);
      if (score === -Infinity) continue;
      if (!best || score > bestScore || (score === bestScore && c.at > best.at)) (best = c), (bestScore = score);
    }
    if (best) return { ...best.speaker, how: 'pronoun' };
    // Back from the last mention that starts by the offset: any later one ends after it.
    const fits = (e: Entity | undefined) => this.fits(e, type, gender);
    for (let i = this.lookup.startingIn(-Infinity, offset)[1] - 1; i >= 0; i--) {
      const m = this.lookup.mentions[i];
      if (m.end > offset || m.type !== type || this.inSaid(m)) continue;
      if (fits(this.entity(m.entityId))) return { ...this.asSpeaker(m), how: 'pronoun' };
    }
    return null;
  }

  /** Whether an entity is of the kind a pronoun wants and its gender, where known, does not disagree. */
  private fits(e: Entity | undefined, type: 'person' | 'organisation', gender: Gender): boolean {
    return !!e && e.type === type && (gender === 'unknown' || this.genderOf(e) !== (gender === 'male' ? 'female' : 'male'));
  }

  /**
   * Who a pronoun at `offset` may stand for, each with what is known of it there: how it was
   * mentioned in this and the last sentences (grammatical role by sentences back, first in its
   * sentence), whether it spoke there, whether it spoke last and how many paragraphs ago, how
   * often the article has named it, whether its gender is known to agree, whether it was named last
   * (these three only `forTraining`: the hand-set ranking does not read them).
   */
  private candidates(offset: number, type: 'person' | 'organisation', gender: Gender, forTraining = false): Candidate[] {
    const { doc } = this;
    const fits = (e: Entity | undefined) => this.fits(e, type, gender);
    const here = sentenceAt(doc, Math.max(0, offset - 1));
    const byKey = new Map<string, Candidate>();
    const candidate = (key: string, speaker: Speaker, at: number): Candidate => {
      let c = byKey.get(key);
      if (!c) byKey.set(key, (c = { speaker, at, features: new Map() }));
      else if (at > c.at) c.at = at;
      return c;
    };
    for (let k = here; k >= 0 && k > here - SENTENCES_BACK; k--) {
      const s = doc.sentences[k];
      let first = true;
      for (const m of this.mentionsIn(s.start, Math.min(offset, s.end))) {
        if (m.type !== type || this.inSaid(m)) continue;
        const isFirst = first;
        first = false;
        if (!fits(this.entity(m.entityId))) continue;
        const c = candidate(m.entityId, this.asSpeaker(m), m.start);
        c.features.set(`${this.roleOf(m)}@${here - k}`, 1);
        if (isFirst) c.features.set(`first@${here - k}`, 1);
      }
    }
    // Who spoke in these sentences is the subject of their reporting clause, named or not ("he said"); the latest time counts.
    const spoke = new Set<string>();
    for (let i = this.spoken.length - 1; i >= 0; i--) {
      const x = this.spoken[i];
      if (x.at >= offset || !x.speaker.entityId || !fits(this.entity(x.speaker.entityId))) continue;
      const k = sentenceAt(doc, x.at);
      if (k <= here - SENTENCES_BACK) break;
      const c = byKey.get(x.speaker.entityId) ?? candidate(x.speaker.entityId, this.nameOf(x.speaker, x.at), x.at);
      if (!spoke.has(x.speaker.entityId)) {
        spoke.add(x.speaker.entityId);
        c.features.set(`spoke@${here - k}`, 1);
      }
    }
    // The last speaker, if of the kind wanted; a name the tagger missed ("Shah told InsideSources") counts as a person's.
    const last = this.lastSpoken(offset);
    const lastFits = last && (last.speaker.entityId ? fits(this.entity(last.speaker.entityId)) : type === 'person' && last.how === 'name' && gender === 'unknown');
    if (last && lastFits) {
      const c = last.speaker.entityId ? byKey.get(last.speaker.entityId) ?? candidate(last.speaker.entityId, this.nameOf(last.speaker, last.at), last.at) : candidate(`~${last.speaker.speaker}`, last.speaker, last.at);
      c.features.set('last', 1);
      c.features.set(`last+${Math.min(3, Math.max(0, this.paragraphAt(offset) - last.paragraph))}`, 1);
    }
    const candidates = [...byKey.values()];
    if (!forTraining || !candidates.length) return candidates;
    let latest = candidates[0];
    for (const c of candidates) if (c.at > latest.at) latest = c;
    latest.features.set('latest', 1);
    const counts = new Map<string, number>();
    for (const m of this.lookup.mentions) {
      if (m.start >= offset) break;
      if (byKey.has(m.entityId) && !this.inSaid(m)) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    }
    for (const [key, c] of byKey) {
      const n = counts.get(key) ?? 0;
      if (n > 0) c.features.set('named', Math.log2(1 + n));
      const e = this.entity(c.speaker.entityId);
      if (gender !== 'unknown' && e && this.genderOf(e) === gender) c.features.set('gender', 1);
    }
    return candidates;
  }

  /** The candidates "he", "she", "they" or "it" at `offset` would be ranked among, given all the speech found before it. */
  candidatesFor(offset: number, pronoun: 'he' | 'she' | 'they' | 'it'): Candidate[] {
    return pronoun === 'he' || pronoun === 'she' ? this.candidates(offset, 'person', PRONOUN_GENDER[pronoun], true) : this.candidates(offset, 'organisation', 'unknown', true);
  }

  /** A speaker named by its last mention before `at`, if the article names it. */
  private nameOf(speaker: Speaker, at: number): Speaker {
    const m = this.mentionOf(speaker.entityId, at + 1);
    return m ? this.asSpeaker(m) : speaker;
  }

  /** Whom the last spokesperson before `offset` spoke for, within the last few paragraphs. */
  private lastSpokesperson(offset: number): Resolved | null {
    const paragraph = this.paragraphAt(offset);
    for (let i = this.spoken.length - 1; i >= 0; i--) {
      const x = this.spoken[i];
      if (x.at >= offset) continue;
      if (paragraph - x.paragraph > SPOKESPERSON_PARAGRAPHS) break;
      if (x.how === 'spokesperson') return { ...x.speaker, how: 'spokesperson' };
    }
    return null;
  }

  /** The last mention of an entity before `offset`, to name it by. */
  private mentionOf(entityId: string, offset: number): Mention | undefined {
    let found: Mention | undefined;
    for (const m of this.lookup.mentions) {
      if (m.start >= offset) break;
      if (m.entityId === entityId) found = m;
    }
    return found;
  }

  private lastSpoken(offset: number): Spoken | null {
    for (let i = this.spoken.length - 1; i >= 0; i--) if (this.spoken[i].at < offset) return this.spoken[i];
    return null;
  }

  /**
   * Where a mention stands: a possessor before "'s", inside a prepositional phrase after a
   * preposition, an object after a verb, a subject before its verb or after a reporting verb
   * ("said Mr Smith").
   */
  private roleOf(m: Mention): GrammaticalRole {
    const { tokens } = this;
    const i = tokenAt(tokens, m.start);
    const after = tokenAt(tokens, m.end);
    if (isPossessiveToken(tokens[after])) return 'possessor';
    const s = this.doc.sentences[m.sentence];
    const prev = i > 0 && tokens[i - 1].start >= (s?.start ?? 0) ? tokens[i - 1] : undefined;
    if (prev) {
      if (REPORTING_WORDS.has(prev.text.toLowerCase())) return 'subject';
      if (prev.pos === 'ADP' || prev.text.toLowerCase() === 'to') return 'oblique';
      if (prev.pos === 'VERB') return 'object';
    }
    const next = tokens[after];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.pos === 'PART')) return 'subject';
    // "Mr Smith, the chairman, said": a name opening its clause with an apposition after it.
    if (next?.text === ',' && (!prev || prev.text === ',' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || /^["“'‘]$/.test(prev.text))) return 'subject';
    return 'other';
  }

  private mentionsIn(start: number, end: number): Mention[] {
    const [from, to] = this.lookup.startingIn(start, end);
    const out: Mention[] = [];
    for (let i = from; i < to; i++) {
      const m = this.lookup.mentions[i];
      if (m.start >= start && m.end <= end) out.push(m);
    }
    return out;
  }

  private inSaid(m: Mention): boolean {
    // The last merged span that starts by the mention is the only one that can hold it.
    const i = firstIndexNotBefore(this.said.length, (k) => this.said[k].start <= m.start) - 1;
    return i >= 0 && m.end <= this.said[i].end;
  }

  /** The noun phrase a span of the text covers (a name, a bare span from a pattern). */
  private phraseOver(span: Span): NounPhrase | null {
    const first = tokenAt(this.tokens, span.start);
    const last = tokenAt(this.tokens, span.end) - 1;
    if (last < first) return null;
    const np = this.chunker.baseEndingAt(last, first);
    return np && np.first === first ? np : null;
  }

  /** An organisation named inside a phrase that did not resolve to anyone: kept as the phrase's entity. */
  private organisationIn(np: NounPhrase): Mention | undefined {
    for (let k = np.last; k >= np.first; k--) {
      const name = this.chunker.nameAt(k);
      if (name?.type === 'organisation') return name as Mention;
    }
    return undefined;
  }

  /** The entity a name the tagger missed stands for: one with that name or alias, else the one organisation named after it ("Mexican" officials, the "Mexican government"). */
  private entityNamed(text: string): Entity | undefined {
    const exact = this.doc.entities.find((e) => e.type !== 'place' && (e.name === text || e.aliases.includes(text)));
    if (exact) return exact;
    const within = this.doc.entities.filter((e) => e.type === 'organisation' && e.name.startsWith(text + ' '));
    return within.length === 1 ? within[0] : undefined;
  }

  private entity(id: string): Entity | undefined {
    return id ? this.lookup.entity(id) : undefined;
  }

  private asSpeaker(m: Mention): Speaker {
    return { speaker: entityName(this.doc, m), entityId: m.entityId };
  }

  private paragraphAt(offset: number): number {
    return this.doc.sentences[sentenceAt(this.doc, offset)]?.paragraph ?? 0;
  }

  /** By the first name, as compromise's lexicon knows it, else by a title the person is given ("Mr", "Mrs"). */
  genderOf(e: Entity): Gender {
    const known = this.genders.get(e.id);
    if (known) return known;
    let gender: Gender = 'unknown';
    const first = e.name.split(/\s+/)[0].toLowerCase();
    if (MALE_NAMES.has(first)) gender = 'male';
    else if (FEMALE_NAMES.has(first)) gender = 'female';
    else {
      for (const m of this.doc.mentions) {
        if (m.entityId !== e.id) continue;
        const titled = TITLE_GENDER.find(([re]) => re.test(m.title ?? m.text));
        if (titled) {
          gender = titled[1];
          break;
        }
      }
    }
    if (gender === 'unknown') gender = this.pronounEvidence().get(e.id) ?? 'unknown';
    this.genders.set(e.id, gender);
    return gender;
  }

  /**
   * What the article's own pronouns say of the people its first names and titles leave
   * open: "Mitt Romney said his plan ..." makes Romney male. Each mention outside
   * anyone's words votes for the first personal pronoun after it in its sentence, if no
   * other person is named in between; a gender needs twice the votes of the other.
   */
  private pronounEvidence(): Map<string, Gender> {
    if (this.evidence) return this.evidence;
    const votes = new Map<string, { male: number; female: number }>();
    const { tokens } = this;
    const people = this.lookup.mentions.filter((m) => m.type === 'person');
    for (let i = 0; i < people.length; i++) {
      const m = people[i];
      if (this.inSaid(m)) continue;
      const sentenceEnd = this.doc.sentences[m.sentence].end;
      const stop = Math.min(sentenceEnd, people[i + 1]?.start ?? Infinity);
      for (let k = tokenAt(tokens, m.end); k < tokens.length && tokens[k].start < stop; k++) {
        const gender = GENDERED_PRONOUNS.get(tokens[k].text.toLowerCase());
        if (!gender || (tokens[k].pos !== 'PRON' && tokens[k].pos !== 'DET')) continue;
        if (!this.inSaid({ start: tokens[k].start, end: tokens[k].end } as Mention)) {
          const v = votes.get(m.entityId) ?? { male: 0, female: 0 };
          v[gender === 'male' ? 'male' : 'female']++;
          votes.set(m.entityId, v);
        }
        break;
      }
    }
    this.evidence = new Map();
    for (const [id, v] of votes) {
      if (v.male >= 2 * v.female && v.male > 0) this.evidence.set(id, 'male');
      else if (v.female >= 2 * v.male && v.female > 0) this.evidence.set(id, 'female');
    }
    return this.evidence;
  }
}
