// Noun phrases over wink's tokens and parts of speech, with the tagger's names read
// as single words: one chunker for whoever needs to know where a phrase starts and
// ends and what it is about (speakers and posts).
//
// A base phrase is [determiner | possessor 's] modifiers* head: "the team's figures"
// (possessor "the team", head "figures"), "one City-based analyst", "Rival operator
// Acme" (head "Acme", a name). A phrase with complements adds prepositional phrases
// to a base phrase: "a spokeswoman for the Department for Transport" (head
// "spokeswoman"). The head is the last word of the base phrase, or the whole name
// that ends it, so "its bankruptcy filing Acme" is about Acme.

import type { EntityType } from '../../src/model.ts';
import type { Token } from '../03-tag/tokens.ts';

/** A name found by the tagger, read as one word. */
export interface NameSpan {
  start: number;
  end: number;
  type: EntityType;
}

export interface NounPhrase {
  /** tokens[first .. last]: the whole phrase, determiner, possessor and complements included. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The head: tokens[headFirst .. head], one word, a hyphenated compound or a name. */
  headFirst: number;
  head: number;
  /** The tagger's name the head is, if it is one. */
  name?: NameSpan;
  /** The head is a run of capitalised words that no name covers ("Acme" in "Rival operator Acme"). */
  properHead: boolean;
  /** The phrase is a personal pronoun ("he", "they"). */
  pronoun: boolean;
  /** tokens[modFirst .. headFirst - 1] are the words before the head, after any determiner or possessor. */
  modFirst: number;
  /** The determiner's token ("the", "a", "its", "one"), if there is one. */
  determiner?: number;
  /** The phrase before "'s" that owns this one: "the team" of "the team's figures". */
  possessor?: NounPhrase;
  /** Prepositional phrases after the base phrase: "for the Department for Transport". */
  complements: Array<{ preposition: number; phrase: NounPhrase }>;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'myself', 'himself', 'herself', 'itself', 'themselves', 'ourselves', 'yourself']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);
/** Determiners and quantifiers that can stand for a whole phrase ("those questioned", "some", "many of them"). */
const STANDALONE_DETERMINERS = new Set(['those', 'these', 'some', 'many', 'most', 'all', 'both', 'one', 'each', 'several', 'others', 'few', 'either', 'neither', 'none']);
const QUANTIFIERS = new Set([...STANDALONE_DETERMINERS, 'another', 'every', 'any', 'no', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'other', 'such']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it']);
/** Adjectives written after a noun with a complement of their own: "people familiar with the talks", "sources close to him". */
const POSTMODIFYING_ADJECTIVES = new Set(['close', 'familiar', 'loyal', 'opposed', 'sympathetic', 'near', 'connected', 'linked', 'allied', 'critical']);
/** Prepositions whose phrase completes the noun before it: "a spokeswoman for X", "head of HIV at the charity". */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'to']);
const NOUN_POS = new Set(['NOUN', 'PROPN', 'NUM']);
const MODIFIER_POS = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ']);
const MAX_TOKENS = 14;
const NO_NAME = -1;

const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);
const isHyphen = (text: string) => text === '-' || text === '–' || text === '/';

export class NounPhraseChunker {
  private readonly tokens: Token[];
  private readonly names: readonly NameSpan[];
  /** Per token, the index of the name it lies in, or NO_NAME. */
  private readonly nameOf: Int32Array;
  /** Per name, its first and last token. */
  private readonly nameFirst: Int32Array;
  private readonly nameLast: Int32Array;
  private readonly isNounWord: (text: string) => boolean;

  /**
   * `names` in text order (the tagger's mentions); `isNounWord` says which words are
   * nouns whatever the tagger made of them (posts: "DJ", "chief").
   */
  constructor(tokens: Token[], names: readonly NameSpan[] = [], isNounWord: (text: string) => boolean = () => false) {
    this.tokens = tokens;
    this.names = names;
    this.isNounWord = isNounWord;
    this.nameOf = new Int32Array(tokens.length).fill(NO_NAME);
    this.nameFirst = new Int32Array(names.length).fill(-1);
    this.nameLast = new Int32Array(names.length).fill(-1);
    let t = 0;
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      while (t > 0 && tokens[t - 1].end > name.start) t--;
      while (t < tokens.length && tokens[t].end <= name.start) t++;
      for (let k = t; k < tokens.length && tokens[k].start < name.end; k++) {
        if (tokens[k].start < name.start || tokens[k].end > name.end || this.nameOf[k] !== NO_NAME) continue;
        this.nameOf[k] = n;
        if (this.nameFirst[n] < 0) this.nameFirst[n] = k;
        this.nameLast[n] = k;
      }
    }
  }

  /** The name token k lies in, if any. */
  nameAt(k: number): NameSpan | undefined {
    const n = k >= 0 && k < this.tokens.length ? this.nameOf[k] : NO_NAME;
    return n === NO_NAME ? undefined : this.names[n];
  }

  /** The base phrase (no complements) whose last token is tokens[last], reading back no further than `floor`. */
  baseEndingAt(last: number, floor: number): NounPhrase | null {
    const { tokens } = this;
    if (last < floor || last >= tokens.length) return null;
    if (this.isPronoun(last)) return this.pronounPhrase(last);
    // "those questioned", "people surveyed": a participle after the group it describes.
    if (this.isGroupParticiple(last, floor)) {
      const group = this.baseEndingAt(last - 1, floor);
      return group && this.phrase({ ...group, last });
    }
    let headFirst: number;
    let name: NameSpan | undefined;
    let properHead = false;
    const n = this.nameOf[last];
    if (n !== NO_NAME) {
      if (this.nameLast[n] !== last || this.nameFirst[n] < floor) return null;
      headFirst = this.nameFirst[n];
      name = this.names[n];
    } else if (this.isNounUnitEnd(last) || (this.isStandalone(last) && !this.isPossessive(last + 1))) {
      headFirst = this.unitStart(last, floor);
      // Capitalised words that no name covers, read together: "Rival operator Acme" is about "Acme".
      if (isCapitalised(tokens[last].text) && tokens[last].pos === 'PROPN') {
        properHead = true;
        while (headFirst - 1 >= floor && tokens[headFirst - 1].pos === 'PROPN' && isCapitalised(tokens[headFirst - 1].text) && this.nameOf[headFirst - 1] === NO_NAME) headFirst--;
      }
    } else return null;

    // "those", "some": a determiner standing for the whole phrase takes no words before it.
    let j = name || properHead || !this.isStandalone(last) ? headFirst - 1 : floor - 1;
    let modFirst = headFirst;
    let determiner: number | undefined;
    let possessor: NounPhrase | undefined;
    while (j >= floor && last - j < MAX_TOKENS) {
      const m = this.nameOf[j];
      if (m !== NO_NAME) {
        if (this.nameFirst[m] < floor) break;
        modFirst = this.nameFirst[m];
        j = modFirst - 1;
        continue;
      }
      if (this.isPossessive(j)) {
        possessor = this.baseEndingAt(j - 1, floor) ?? undefined;
        break;
      }
      if (this.isDeterminer(j)) {
        determiner = j;
        break;
      }
      if (this.isModifier(j)) {
        modFirst = this.unitStart(j, floor);
        j = modFirst - 1;
        continue;
      }
      break;
    }
    const first = possessor ? possessor.first : determiner ?? modFirst;
    return this.phrase({ first, last, headFirst, head: last, name, properHead, pronoun: false, modFirst, determiner, possessor, complements: [] });
  }

  /** The base phrase (no complements) that starts at tokens[first], reading on no further than `ceiling` (exclusive). */
  baseStartingAt(first: number, ceiling: number): NounPhrase | null {
    const { tokens } = this;
    const limit = Math.min(ceiling, tokens.length);
    if (first >= limit) return null;
    if (this.isPronoun(first)) return this.pronounPhrase(first);
    let k = first;
    let determiner: number | undefined;
    let possessor: NounPhrase | undefined;
    let modFirst = first;
    if (this.nameOf[k] === NO_NAME && this.isDeterminer(k)) {
      determiner = k++;
      modFirst = k;
    }
    // The units read so far, as [first, last] token pairs.
    let lastUnit: [number, number] | null = null;
    let lastNoun: [number, number] | null = null;
    while (k < limit && k - first < MAX_TOKENS) {
      const m = this.nameOf[k];
      if (m !== NO_NAME) {
        if (this.nameFirst[m] !== k || this.nameLast[m] >= limit) break;
        lastUnit = lastNoun = [k, this.nameLast[m]];
        k = this.nameLast[m] + 1;
        continue;
      }
      if (lastUnit && this.isPossessive(k)) {
        possessor = this.phrase({ first, last: lastUnit[1], headFirst: lastUnit[0], head: lastUnit[1], name: this.nameAt(lastUnit[0]), properHead: false, pronoun: false, modFirst, determiner, possessor, complements: [] });
        determiner = undefined;
        lastUnit = lastNoun = null;
        k = k + 1;
        modFirst = k;
        continue;
      }
      if (this.isModifier(k) || (k === modFirst && this.isStandalone(k))) {
        const end = this.unitEnd(k, limit);
        lastUnit = [k, end];
        if (this.isNounUnitEnd(end) || this.isStandalone(end)) lastNoun = lastUnit;
        k = end + 1;
        continue;
      }
      break;
    }
    if (!lastNoun && determiner !== undefined && this.isStandalone(determiner)) lastNoun = [determiner, determiner];
    // "BBC Radio 4's the World at One": what follows the possessive is no phrase of this one.
    if (!lastNoun) return possessor ?? null;
    let [headFirst, head] = lastNoun;
    const name = this.nameAt(head);
    let properHead = false;
    if (!name && tokens[head].pos === 'PROPN' && isCapitalised(tokens[head].text)) {
      properHead = true;
      while (headFirst - 1 >= modFirst && tokens[headFirst - 1].pos === 'PROPN' && isCapitalised(tokens[headFirst - 1].text) && this.nameOf[headFirst - 1] === NO_NAME) headFirst--;
    }
    return this.phrase({ first, last: head, headFirst, head, name, properHead, pronoun: false, modFirst: Math.min(modFirst, headFirst), determiner, possessor, complements: [] });
  }

  /** The phrase ending at tokens[last] with the prepositional phrases it completes: "a spokeswoman for the Department for Transport". */
  phraseEndingAt(last: number, floor: number): NounPhrase | null {
    let np = this.baseEndingAt(last, floor);
    // A person's name heads its phrase: "Director of television Jana Bennett" is about Jana Bennett. An object
    // pronoun is only ever a complement ("those close to him").
    while (np && (!np.pronoun || OBJECT_PRONOUNS.has(this.tokens[np.head].text.toLowerCase())) && np.name?.type !== 'person') {
      const p = np.first - 1;
      if (p - 1 < floor || !COMPLEMENT_PREPOSITIONS.has(this.tokens[p].text.toLowerCase()) || this.tokens[p].pos !== 'ADP') break;
      // "people familiar with the talks", "those close to him": an adjective and its complement after the head.
      const adjective = POSTMODIFYING_ADJECTIVES.has(this.tokens[p - 1].text.toLowerCase()) ? p - 1 : -1;
      const left = this.baseEndingAt(adjective >= 0 ? p - 2 : p - 1, floor);
      if (!left || left.pronoun || np.last - left.first >= 2 * MAX_TOKENS) break;
      np = this.phrase({ ...left, last: np.last, complements: [...left.complements, { preposition: p, phrase: np }] });
    }
    return np;
  }

  /** The phrase starting at tokens[first] with the prepositional phrases that complete it. */
  phraseStartingAt(first: number, ceiling: number): NounPhrase | null {
    const np = this.baseStartingAt(first, ceiling);
    if (!np || np.pronoun) return np;
    let whole = np;
    for (let p = np.last + 1; p + 1 < ceiling && COMPLEMENT_PREPOSITIONS.has(this.tokens[p].text.toLowerCase()) && this.tokens[p].pos === 'ADP'; ) {
      const right = this.baseStartingAt(p + 1, ceiling);
      if (!right || right.pronoun || right.last - whole.first >= 2 * MAX_TOKENS) break;
      whole = this.phrase({ ...whole, last: right.last, complements: [...whole.complements, { preposition: p, phrase: right }] });
      p = right.last + 1;
    }
    return whole;
  }

  private phrase(np: Omit<NounPhrase, 'start' | 'end'>): NounPhrase {
    return { ...np, start: this.tokens[np.first].start, end: this.tokens[np.last].end };
  }

  private pronounPhrase(k: number): NounPhrase {
    return this.phrase({ first: k, last: k, headFirst: k, head: k, properHead: false, pronoun: true, modFirst: k, complements: [] });
  }

  private isGroupParticiple(k: number, floor: number): boolean {
    const t = this.tokens[k], before = this.tokens[k - 1];
    return k - 1 >= floor && t.pos === 'VERB' && /ed$/.test(t.text) && (this.isStandalone(k - 1) || (before.pos === 'NOUN' && /s$/.test(before.text)));
  }

  private isPronoun(k: number): boolean {
    const t = this.tokens[k];
    return t.pos === 'PRON' && PERSONAL_PRONOUNS.has(t.text.toLowerCase());
  }

  /** "'s", or an apostrophe after a plural ("Barclays' spokesman"). */
  private isPossessive(k: number): boolean {
    const t = this.tokens[k];
    if (!t) return false;
    if (t.text === "'s" || t.text === '’s' || t.text === "'S") return true;
    if (t.text !== "'" && t.text !== '’') return false;
    const before = this.tokens[k - 1], after = this.tokens[k + 1];
    return !!before && before.end === t.start && /s$/i.test(before.text) && (!after || after.start > t.end);
  }

  private isDeterminer(k: number): boolean {
    const t = this.tokens[k];
    const lower = t.text.toLowerCase();
    return (t.pos === 'DET' && lower !== 'that' && lower !== 'which') || POSSESSIVE_PRONOUNS.has(lower) || QUANTIFIERS.has(lower);
  }

  /** A determiner or quantifier that can be a whole phrase: "those", "some", "one". */
  private isStandalone(k: number): boolean {
    return STANDALONE_DETERMINERS.has(this.tokens[k].text.toLowerCase());
  }

  /** A word that can stand before a head: a noun, adjective, number, or a hyphenated compound ("City-based"). */
  private isModifier(k: number): boolean {
    const t = this.tokens[k];
    if (t.type === 'punctuation' && !this.isGlued(k)) return false;
    if ((MODIFIER_POS.has(t.pos) && (t.type === 'word' || t.type === 'number')) || this.isNounWord(t.text)) return !this.isDeterminer(k) || t.pos === 'NUM';
    return this.inCompound(k);
  }

  /** Whether tokens[k] is a hyphen joining two words, or one of the words it joins. */
  private inCompound(k: number): boolean {
    const joins = (h: number) => this.isGlued(h) && isHyphen(this.tokens[h].text);
    return joins(k) || joins(k - 1) || joins(k + 1);
  }

  /** Whether the unit ending at tokens[k] can head a phrase: it ends in a noun, a number or a post. */
  private isNounUnitEnd(k: number): boolean {
    const t = this.tokens[k];
    if (t.type !== 'word' && t.type !== 'number' && !(t.text === '%' && this.isGlued(k))) return false;
    if (this.isDeterminer(k) && t.pos !== 'NUM') return false;
    // "64-year-old", "co-founder": a hyphenated compound heads a phrase.
    return NOUN_POS.has(t.pos) || this.isNounWord(t.text) || t.text === '%' || (k > 0 && this.isGlued(k - 1) && isHyphen(this.tokens[k - 1].text));
  }

  /** A hyphen (or "%") that joins the words on either side into one: "City-based", "34%". */
  private isGlued(k: number): boolean {
    const t = this.tokens[k];
    if (!t) return false;
    if (t.text === '%') return k > 0 && this.tokens[k - 1].end === t.start;
    if (!isHyphen(t.text)) return false;
    const before = this.tokens[k - 1], after = this.tokens[k + 1];
    return !!before && !!after && before.end === t.start && after.start === t.end && before.type !== 'punctuation' && after.type !== 'punctuation';
  }

  /** The first token of the hyphenated unit that ends at tokens[k]. */
  private unitStart(k: number, floor: number): number {
    let s = k;
    if (this.tokens[s].text === '%' && this.isGlued(s)) s--;
    while (s - 2 >= floor && this.isGlued(s - 1)) s -= 2;
    return s;
  }

  /** The last token of the hyphenated unit that starts at tokens[k]. */
  private unitEnd(k: number, limit: number): number {
    let e = k;
    while (e + 2 < limit && this.isGlued(e + 1) && this.tokens[e + 1].text !== '%') e += 2;
    if (e + 1 < limit && this.tokens[e + 1].text === '%' && this.isGlued(e + 1)) e++;
    return e;
  }
}
