// Resolution within one article: every mention of the same real-world thing
// points at one entity. Full name, surname and "Mr Brown"; "X Borough Council",
// "X Council" and "the council"; an acronym and its expansion.

import type { Entity, EntityType, Mention } from '../../src/model.ts';
import type { Candidate } from './candidates.ts';
import { givenAndSurnamesOf, isAcronym, isStatistical, strongTypes, surnameOf, surnamesOf } from './candidates.ts';
import { ORGANISATION_DESCRIPTORS, ORGANISATION_GENERIC_ALIASES, ORGANISATION_KINDS } from './lexicons/organisations.ts';
import { COUNTRIES_AND_REGIONS, PLACE_NAMES, US_STATE_ABBREVIATIONS, US_STATE_DOTTED } from './lexicons/places.ts';
import { POSTAL_CODES } from './towns.ts';

export interface Resolved {
  entities: Entity[];
  mentions: Array<Omit<Mention, 'sentence'>>;
}

const PREFIX: Record<EntityType, string> = { organisation: 'org', place: 'place', person: 'person' };

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The identity of an organisation name: "X Borough Council" and "X Council" are one; so are "X" and "X Board". */
function organisationKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/\b(borough|county|city|district|metropolitan|metropolitan borough) council\b/, 'council')
    .replace(/\s+(board|bc)$/, (m) => (m.trim() === 'bc' ? ' council' : ''))
    .trim();
}

/** Two words of six letters or more that begin alike: forms of one word ("Democrat", "Democratic", "Democrats"). */
const formsOfOneWord = (a: string, b: string) => /^\p{L}{6,}$/u.test(a) && /^\p{L}{6,}$/u.test(b) && a.slice(0, 6) === b.slice(0, 6);

/** Equal, or (for names of five letters or more) one letter added, dropped or changed. */
function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // What is left after the first difference, with or without the differing letter.
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

interface Group {
  type: EntityType;
  name: string;
  canonical?: string;
  surfaces: Set<string>;
  members: Candidate[];
}

/** "AT " or "IN " in a line in capitals, just before a name. */
const AFTER_PLACE_PREPOSITION = /\b(?:AT|IN) $/;

/** The rule of a body named after a post and "for" or "of" ("chief executive of Rebellion"). */
const AFTER_POST_RULE = 'org:after-post';

/** What follows the place of a dateline in capitals: the date, the agency, the country or state, a dash. */
const AFTER_DATELINE_PLACE = /^ *(?:\d|\(|, *\p{Lu}|[-–—] )/u;
/** What follows the place of a dateline in any case: the agency and a dash ("Cleveland (AFP) –"). */
const AGENCY_AFTER_DATELINE_PLACE = /^ *\(\p{Lu}[\p{L}.]*\) *[-–—]/u;

/**
 * Whether a name opens its line as the place of a dateline does ("NICE , France 1996-08-30", "WASHINGTON (AP) —",
 * "Cleveland (AFP) –"): where the story was filed.
 */
function isDateline(text: string, c: Candidate): boolean {
  const after = text.slice(c.end, c.end + 16);
  if (!AGENCY_AFTER_DATELINE_PLACE.test(after) && (/\p{Ll}/u.test(c.text) || !AFTER_DATELINE_PLACE.test(after))) return false;
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  return !text.slice(lineStart, c.start).trim();
}

/**
 * One name, one type within an article: a surname alone is its person's ("Gatlin" after
 * "Justin Gatlin"), and a name the arbiter, the statistical model or a weak rule typed goes
 * with the type that stronger evidence gave the same name elsewhere in the article, or else
 * with the type its mentions give it, each weighed by how sure the arbiter was of it.
 */
function harmoniseTypes(text: string, candidates: Candidate[]): Candidate[] {
  const surnames = surnamesOf(candidates);
  const strong = strongTypes(candidates);
  const personNameParts = givenAndSurnamesOf(candidates, new Set(surnames));
  const organisationOpenings = new Set(candidates.filter((c) => c.type === 'organisation' && c.name.includes(' ')).map((c) => c.name.split(' ')[0]));
  const votes = new Map<string, Map<EntityType, number>>();
  for (const c of candidates) {
    const v = votes.get(c.name) ?? new Map<EntityType, number>();
    v.set(c.type, (v.get(c.type) ?? 0) + (c.decided?.margin ?? 1));
    votes.set(c.name, v);
  }
  return candidates.map((c) => {
    // "a lawyer for Mills", "a spokeswoman for Gore's campaign": after a post and "for" or "of", the surname of a person the
    // article names is that person, not a body.
    if (c.rule === AFTER_POST_RULE && surnames.has(c.name)) return { ...c, type: 'person', canonical: undefined };
    if (!isStatistical(c)) return c;
    // A dateline names where the story was filed: a place, unless stronger evidence makes the name something else.
    if ((c.type === 'place' || PLACE_NAMES.has(c.name)) && (strong.get(c.name) ?? 'place') === 'place' && isDateline(text, c)) return c.type === 'place' ? c : { ...c, type: 'place', canonical: undefined };
    // "KANSAS CITY AT DETROIT", a line of fixtures: the tagger's place after "AT" or "IN" is where the game is played, whatever
    // the article's club of that name. (In running text the article's reading of the name stands: "won at Liverpool".)
    if (c.type === 'place' && !/\p{Ll}/u.test(c.text) && AFTER_PLACE_PREPOSITION.test(text.slice(Math.max(0, c.start - 4), c.start))) return c;
    // "Goddard planetary scientist Avi Mandell" after "Goddard Space Flight Center": a lone word the tagger reads as a
    // person that opens the name of a body the article names, and is neither given name nor surname of a person in it
    // ("Richard" beside Richard Madeley and "Richard & Judy"), is that body's short form.
    if (c.type === 'person' && !c.name.includes(' ') && !personNameParts.has(c.name) && organisationOpenings.has(c.name)) return { ...c, type: 'organisation', canonical: undefined };
    let type: EntityType = c.type;
    if (!c.name.includes(' ') && surnames.has(c.name)) type = 'person';
    else if (strong.has(c.name)) type = strong.get(c.name)!;
    else type = [...votes.get(c.name)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    return type === c.type ? c : { ...c, type, canonical: undefined };
  });
}

export function resolveEntities(text: string, found: Candidate[]): Resolved {
  const candidates = harmoniseTypes(text, found);
  const facts = new NameFacts();
  const groups: Group[] = [];
  // The groups of each type, in order: a candidate can only belong to one of its own type.
  const groupsOfType = new Map<EntityType, Group[]>();
  // Fullest names first, so a surname or a short form finds the full name it belongs to.
  const ordered = [...candidates].sort((a, b) => facts.words(b.name).length - facts.words(a.name).length || a.start - b.start);
  for (const c of ordered) {
    let sameType = groupsOfType.get(c.type);
    if (!sameType) groupsOfType.set(c.type, (sameType = []));
    let group = sameType.find((g) => belongsTo(c, g, facts));
    // "Hunter" after "Duncan Hunter Sr." and "Duncan Hunter": the one named last before it.
    if (group && c.type === 'person' && !c.name.includes(' ')) group = nearestBefore(c, sameType.filter((g) => belongsTo(c, g, facts))) ?? group;
    if (!group) {
      group = { type: c.type, name: c.name, canonical: c.canonical ?? samePlace(c), surfaces: new Set(), members: [] };
      groups.push(group);
      sameType.push(group);
    }
    group.members.push(c);
    // The entity is named by the fullest form the article uses; of two forms of one word, by the plural noun
    // ("Democrats", not the adjective "Democratic").
    if (formsOfOneWord(c.name, group.name) ? /s$/.test(c.name) && !/s$/.test(group.name) : c.name.length > group.name.length && !isAcronym(c.name)) {
      group.surfaces.add(group.name);
      group.name = c.name;
    }
    if (c.text !== group.name) group.surfaces.add(c.text);
    if (c.name !== group.name) group.surfaces.add(c.name);
  }

  const mentions: Array<Omit<Mention, 'sentence'>> = [];
  const entities: Entity[] = [];
  const ids = new Set<string>();
  for (const g of groups) {
    let id = `${PREFIX[g.type]}-${slug(g.name)}`;
    for (let n = 2; ids.has(id); n++) id = `${PREFIX[g.type]}-${slug(g.name)}-${n}`;
    ids.add(id);
    entities.push({ id, type: g.type, name: g.name, aliases: [], mentions: 0, ...(g.type === 'organisation' ? { kind: organisationKind(g, text) } : {}) });
    for (const c of g.members) mentions.push({ start: c.start, end: c.end, type: g.type, text: c.text, entityId: id, rule: c.rule, ...(c.title ? { title: c.title } : {}) });
  }
  mentions.push(...genericMentions(text, entities, mentions));
  mentions.push(...acronymExpansionMentions(text, entities, mentions));

  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const m of mentions) {
    const e = byId.get(m.entityId)!;
    e.mentions++;
    if (m.text !== e.name && !e.aliases.includes(m.text)) e.aliases.push(m.text);
  }
  for (const [i, g] of groups.entries()) {
    const e = entities[i];
    for (const s of g.surfaces) if (s !== e.name && !e.aliases.includes(s)) e.aliases.push(s);
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { entities: entities.filter((e) => e.mentions > 0), mentions };
}

/** Of several groups a short name could join, the one with a mention nearest before it. */
function nearestBefore(c: Candidate, groups: Group[]): Group | undefined {
  let best: Group | undefined, at = -1;
  for (const g of groups) {
    for (const m of g.members) if (m.start < c.start && m.start > at) (best = g), (at = m.start);
  }
  return best;
}

/** Names of one country, or of one US state ("Calif.", "California"), that articles use interchangeably. */
const PLACE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ...Object.entries({
    UK: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
    US: ['US', 'U.S.', 'USA', 'America', 'United States', 'United States of America'],
    UAE: ['UAE', 'United Arab Emirates'],
  }).flatMap(([key, names]) => names.map((n) => [n, key] as [string, string])),
  ...US_STATE_DOTTED.map((form) => [form, US_STATE_ABBREVIATIONS.get(form)!] as [string, string]),
  ...[...US_STATE_ABBREVIATIONS.values()].map((state) => [state, state] as [string, string]),
  // "Tampa, FL" and "Florida" in one article: a postal code read as a place is its state's or province's name.
  ...[...POSTAL_CODES].flatMap(([code, state]) => [[code, state], [state, state]] as Array<[string, string]>),
]);
const samePlace = (c: Candidate) => (c.type === 'place' ? PLACE_SYNONYMS.get(c.name) : undefined);

/**
 * The kind of body, for generic references ("the firm"): the lexicon's kind, else the
 * last head word of the name, else what the article calls it before its name
 * ("copy protection firm Macrovision").
 */
function organisationKind(g: Group, text: string): string | undefined {
  const known = g.canonical ? ORGANISATION_KINDS.get(g.canonical) : undefined;
  if (known) return known;
  const words = g.name.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) if (ORGANISATION_GENERIC_ALIASES.has(words[i])) return words[i];
  for (const m of g.members) {
    const before = /([a-z]+)\s+$/.exec(text.slice(Math.max(0, m.start - 20), m.start));
    const kind = before && ORGANISATION_DESCRIPTORS.get(before[1]);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * What belongsTo asks of a name (its words, its organisation key, its initials),
 * worked out once per name in an article: it is asked of every group for every candidate.
 */
class NameFacts {
  private readonly wordsOf = new Map<string, string[]>();
  private readonly keyOf = new Map<string, string>();
  private readonly initialsOf = new Map<string, string>();
  private readonly surnames = new Map<string, string>();

  /** `name.split(/\s+/)`; the array is shared, so not to be changed. */
  words(name: string): readonly string[] {
    let words = this.wordsOf.get(name);
    if (!words) this.wordsOf.set(name, (words = name.split(/\s+/)));
    return words;
  }

  /** The surname of a person's name (its last word but a suffix such as "Jr"). */
  surname(name: string): string {
    let last = this.surnames.get(name);
    if (last === undefined) this.surnames.set(name, (last = surnameOf(name)));
    return last;
  }

  key(name: string): string {
    let key = this.keyOf.get(name);
    if (key === undefined) this.keyOf.set(name, (key = organisationKey(name)));
    return key;
  }

  initials(name: string): string {
    let found = this.initialsOf.get(name);
    if (found === undefined) this.initialsOf.set(name, (found = initials(name)));
    return found;
  }
}

/** "Italian" in "the Italian government" or "Italian authorities". */
const nation = (name: string) => /^(\S+) (government|authorities)$/i.exec(name)?.[1];

/** Words after an organisation's name that make it one of its channels or units. */
const UNIT_WORDS = new Set(['News', 'Radio', 'Sport', 'Online', 'TV', 'One', 'Two', 'Three', 'Four']);
/** Words after an organisation's name that make a plan, a document, an event or a prize of it ("NHS Plan", "BBC Proms"). */
const THING_WORDS = new Set(['Plan', 'Strategy', 'Programme', 'Program', 'Report', 'Budget', 'Scheme', 'Initiative', 'Agreement', 'Deal', 'Bill', 'Act', 'Summit', 'Conference', 'Awards', 'Award', 'Prize', 'Cup', 'Trophy', 'Championship', 'Tour', 'Games', 'Festival', 'Index', 'Proms', 'Charter', 'Code']);

/**
 * Whether the words after a body's name make another thing of it: a region ("Nintendo
 * Europe"), a product ("Sony PSP", "Microsoft IE"), a channel ("BBC News"), a plan or an
 * event ("NHS Plan"); not what kind of body it is ("Cairn Energy", "RSA Security", "Bank of England").
 */
const namesPartOrProduct = (extra: readonly string[]) =>
  extra[0] !== 'of' && extra.some((w) => COUNTRIES_AND_REGIONS.has(w) || isAcronym(w) || /\d/.test(w) || UNIT_WORDS.has(w) || THING_WORDS.has(w));

/** Short forms of given names that are not the name's first letters ("Bill" for William; "Pat" for Patrick needs none). */
const SHORT_GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.entries({
    William: ['Bill', 'Billy', 'Will', 'Willie'], Robert: ['Bob', 'Bobby', 'Rob', 'Robbie', 'Bert'], Richard: ['Dick', 'Rick', 'Rich'],
    Michael: ['Mike', 'Mick', 'Mickey'], James: ['Jim', 'Jimmy', 'Jamie'], Thomas: ['Tom', 'Tommy'], John: ['Jack', 'Johnny'],
    Edward: ['Ted', 'Ed', 'Eddie', 'Ned'], Anthony: ['Tony'], Andrew: ['Andy', 'Drew'], Charles: ['Chuck', 'Charlie'],
    Elizabeth: ['Liz', 'Beth', 'Betty', 'Eliza'], Margaret: ['Peggy', 'Maggie', 'Meg'], Katherine: ['Kate', 'Katie', 'Kathy'],
    Catherine: ['Kate', 'Katie', 'Cathy'], Henry: ['Harry', 'Hank'], Lawrence: ['Larry'], Joseph: ['Joe', 'Joey'],
    Stephen: ['Steve'], Steven: ['Steve'], Daniel: ['Danny'], Gregory: ['Greg'], Jeffrey: ['Jeff'], Susan: ['Sue'],
  }).flatMap(([name, shorts]) => shorts.map((short) => `${short} ${name}`)),
);

/**
 * "Pat" and "Patrick", "Bill" and "William": one given name, short and in full, where the
 * surname is the same. The short form is its first three or four letters ("Chris" is Christopher's or Christine's), or a listed one.
 */
function sameGivenName(a: string, b: string): boolean {
  const [short, full] = a.length <= b.length ? [a, b] : [b, a];
  if (!/^\p{Lu}\p{Ll}+$/u.test(short) || !/^\p{Lu}\p{Ll}+$/u.test(full)) return false;
  if (short.length >= 3 && short.length <= 4 && short.length < full.length && full.startsWith(short)) return true;
  return SHORT_GIVEN_NAMES.has(`${a} ${b}`) || SHORT_GIVEN_NAMES.has(`${b} ${a}`);
}

function belongsTo(c: Candidate, g: Group, facts: NameFacts): boolean {
  if (c.type !== g.type) {
    return false;
  }
  const canonical = c.canonical ?? samePlace(c);
  if (canonical && g.canonical) return canonical === g.canonical;
  const name = c.name;
  if (name === g.name) return true;
  if (c.type === 'person') {
    const cw = facts.words(name), gw = facts.words(g.name);
    // "Cyril" after "Cyril Fletcher": a lone first name joins the one person who has it.
    if (cw.length === 1 && gw.length > 1 && gw[0] === name) return true;
    // "Kilroy" for "Robert Kilroy-Silk": one part of a double-barrelled surname.
    if (cw.length === 1 && gw.length > 1 && facts.surname(g.name).split('-').includes(name)) return true;
    // "Barot" for "Barrot", "Victor" for "Viktor": one slip of spelling in a longer name is the same name.
    if (!sameSpelling(facts.surname(name), facts.surname(g.name))) return false;
    // "Brown" joins "Gordon Brown"; "Gordon Brown" and "Nick Brown" stay apart, and so do a father
    // and a son of one name ("Duncan Hunter", "Duncan Hunter Sr.").
    if (cw.length === 1 || gw.length === 1) return true;
    const suffix = (n: string, ws: readonly string[]) => (facts.surname(n) === ws[ws.length - 1] ? '' : ws[ws.length - 1].replace(/\.$/, ''));
    return (sameSpelling(cw[0], gw[0]) || sameGivenName(cw[0], gw[0])) && suffix(name, cw) === suffix(g.name, gw);
  }
  if (c.type === 'organisation') {
    const ck = facts.key(name), gk = facts.key(g.name);
    // "TimeWarner" and "Time Warner" are one name.
    if (ck === gk || ck.replace(/[\s.-]/g, '') === gk.replace(/[\s.-]/g, '')) return true;
    // "Reserve Bank" after "Reserve Bank of Australia": the name without what the body is of.
    if (ck.includes(' ') && gk.startsWith(ck + ' of ')) return true;
    // "the Italian government" and "the Italian authorities" are one state.
    if (c.rule === 'org:national-body' && nation(name) && nation(name) === nation(g.name)) return true;
    // "Care Trust Plus" is the tail of "Blackburn with Darwen Teaching Care Trust Plus".
    if (ck.includes(' ') && gk.endsWith(' ' + ck)) return true;
    if (isAcronym(name) && facts.initials(g.name) === name.replace(/s$/, '')) return true;
    // "Baikal" after "Baikal Finance Group", "Commission" after "European Commission", "Bank" after "Reserve Bank of Australia".
    const gw = facts.words(g.name);
    if (!name.includes(' ') && gw.indexOf('of') > 0 && gw[gw.indexOf('of') - 1] === name) return true;
    if (!name.includes(' ') && gw.length > 1 && gw.length <= 4 && (gw[gw.length - 1] === name || (gw[0] === name && !namesPartOrProduct(gw.slice(1))))) return true;
    return false;
  }
  return false;
}

/** Each generic phrase ("the council") → the kinds of body it can refer to, in the lexicon's order. */
const GENERIC_PHRASE_KINDS = new Map<string, string[]>();
for (const [kind, phrases] of ORGANISATION_GENERIC_ALIASES) {
  for (const phrase of phrases) {
    const key = phrase.toLowerCase();
    GENERIC_PHRASE_KINDS.set(key, [...(GENERIC_PHRASE_KINDS.get(key) ?? []), kind]);
  }
}
const GENERIC_PHRASES = [...GENERIC_PHRASE_KINDS.keys()].sort((a, b) => b.length - a.length);
const asPattern = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '[' || c === ']' ? c : '\\' + c));
/**
 * All generic phrases in one pattern, longest first; not when a name follows ("the Council of Europe").
 * When every phrase starts with "the", that word is matched once before the alternatives: the same matches, found sooner.
 */
const GENERIC_PHRASE = new RegExp(
  GENERIC_PHRASES.every((p) => p.startsWith('the '))
    ? `\\b([Tt]he (?:${GENERIC_PHRASES.map((p) => asPattern(p.slice(4))).join('|')}))\\b(?!\\s+[A-Z])`
    : `\\b(${GENERIC_PHRASES.map((p) => asPattern(p.replace(/^the /, '[Tt]he '))).join('|')})\\b(?!\\s+[A-Z])`,
  'g',
);

/** "the council", "the local authority", "the firm": the nearest organisation of that kind named before. */
function genericMentions(text: string, entities: Entity[], named: Array<Omit<Mention, 'sentence'>>): Array<Omit<Mention, 'sentence'>> {
  const out: Array<Omit<Mention, 'sentence'>> = [];
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const orgMentions = named.filter((m) => m.type === 'organisation' && kindOf.get(m.entityId)).sort((a, b) => a.start - b.start);
  if (!orgMentions.length) return out;
  for (const m of text.matchAll(GENERIC_PHRASE)) {
    const start = m.index!, end = start + m[0].length;
    if (named.some((n) => n.start < end && n.end > start)) continue;
    for (const kind of GENERIC_PHRASE_KINDS.get(m[0].toLowerCase()) ?? []) {
      const ofKind = orgMentions.filter((o) => kindOf.get(o.entityId) === kind);
      const target = ofKind.filter((o) => o.end <= start).pop() ?? ofKind[0];
      if (!target) continue;
      out.push({ start, end, type: 'organisation', text: m[0], entityId: target.entityId, rule: `org:generic:${kind}` });
      break;
    }
  }
  return out;
}

/** "primary care trust" where the article also says "PCT": the same organisation. */
function acronymExpansionMentions(text: string, entities: Entity[], named: Array<Omit<Mention, 'sentence'>>): Array<Omit<Mention, 'sentence'>> {
  const out: Array<Omit<Mention, 'sentence'>> = [];
  for (const e of entities) {
    if (e.type !== 'organisation' || !isAcronym(e.name) || e.name.length < 3) continue;
    const letters = e.name.replace(/s$/, '').toLowerCase().split('');
    const re = new RegExp(`\\b${letters.map((l) => `${l}[a-z]+`).join(' ')}\\b`, 'gi');
    for (const m of text.matchAll(re)) {
      const start = m.index!, end = start + m[0].length;
      const overlaps = (n: { start: number; end: number }) => n.start < end && n.end > start;
      if (named.some(overlaps) || out.some(overlaps)) continue;
      out.push({ start, end, type: 'organisation', text: m[0], entityId: e.id, rule: 'org:acronym-expansion' });
    }
  }
  return out;
}
