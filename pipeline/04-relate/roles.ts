// A person's post and where they hold it: apposition ("Cllr Michael Lee, leader
// of the council"), premodifiers ("Darlington BC social services director Colin
// Morris", "Tory leader Michael Howard") and titles that are posts ("Chancellor
// Gordon Brown", "Alan Milburn MP").

import type { Doc, Mention, Relation } from '../../src/model.ts';
import { ROLE_WORDS } from '../03-tag/lexicons/people.ts';
import { ORGANISATION_GENERIC_ALIASES } from '../03-tag/lexicons/organisations.ts';
import { entityName, firstStartingIn, firstWithin, isSpaceCode, lookupOf, mentionCovering } from './lookup.ts';

const POST_TITLES = new Set(['President', 'Chancellor', 'Prime Minister', 'Senator', 'Governor', 'Mayor', 'Judge', 'Justice', 'Minister', 'Secretary', 'Bishop', 'Archbishop', 'Commissioner', 'Chief Constable', 'Foreign Secretary', 'Home Secretary', 'Health Secretary', 'Shadow Chancellor', 'Deputy Prime Minister', 'Vice President', 'First Minister']);
/** One of POST_TITLES opening a mention (longest first). */
const POST_TITLES_AT_START = new RegExp(`^(${[...POST_TITLES].sort((a, b) => b.length - a.length).join('|')})\\s+\\S`);
/** "chairman", "MP", and compounds of them: "co-chairman", "vice-president", "Secretary-General". */
function isRoleWord(word: string): boolean {
  const w = word.replace(/[.,;:]+$/, '');
  if (ROLE_WORDS.has(w) || ROLE_WORDS.has(w.toLowerCase())) return true;
  if (!w.includes('-')) return false;
  const parts = w.toLowerCase().split('-');
  return parts.length > 1 && (ROLE_WORDS.has(parts[parts.length - 1]) || ROLE_WORDS.has(parts[0]));
}
const hasRoleWord = (phrase: string) => phrase.split(/\s+/).some(isRoleWord);
/** Generic names of bodies ("council", "trust"), but not those that are also posts ("executive", "board"). */
const GENERIC_HEADS = [...ORGANISATION_GENERIC_ALIASES.keys()].map((h) => h.toLowerCase()).filter((h) => h.length > 2 && !isRoleWord(h));
const GENERIC_HEAD = new RegExp(`\\b((?:[A-Za-z]+\\s+)?(?:${GENERIC_HEADS.join('|')}))(?![\\w-])`, 'i');
/** Words that end a premodifier: what comes before them is not part of the post. */
const NOT_IN_POST = /^(said|says|by|and|with|to|from|that|as|when|while|but|the|a|an|was|is|has|had|have|were|are|of|in|on|for|its|their|his|her|our|my|your)$/i;

interface Found {
  role: string;
  organisation: string;
  organisationId: string;
  start: number;
  end: number;
  rule: string;
}

type Where = Pick<Found, 'organisation' | 'organisationId'>;
const NOWHERE: Where = { organisation: '', organisationId: '' };

/** Whether a mention other than an organisation's starts at `at`. */
function nonOrganisationStartsAt(doc: Doc, at: number): boolean {
  return firstStartingIn(doc, at, at, (x) => x.start === at && x.type !== 'organisation') !== undefined;
}

/** The organisation a post phrase names: a tagged mention inside it, else a generic body ("trust") resolved in the article. */
function organisationIn(doc: Doc, start: number, end: number): Where {
  const m = firstWithin(doc, start, end, (x) => x.type === 'organisation');
  if (m) return { organisation: entityName(doc, m), organisationId: m.entityId };
  // "co-founder of Amsterdam-based OneStat.com": a capitalised name after "of" or "at" is where the post is held.
  const named = /\b(?:of|at)\s+(?:the\s+)?(?:[A-Z][\w.]*-based\s+)?([A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and))*)/.exec(doc.text.slice(start, end));
  if (named && !nonOrganisationStartsAt(doc, start + named.index + named[0].indexOf(named[1]))) return { organisation: named[1].replace(/\s+(of|for|and)$/, ''), organisationId: '' };
  const g = GENERIC_HEAD.exec(doc.text.slice(start, end));
  if (!g) return NOWHERE;
  const head = g[1].split(/\s+/).pop()!.toLowerCase();
  const ofKind = doc.entities.filter((e) => e.type === 'organisation' && e.kind?.toLowerCase() === head);
  if (ofKind.length === 1) return { organisation: ofKind[0].name, organisationId: ofKind[0].id };
  return { organisation: g[1].replace(/^(the|a|an|its|their)\s+/i, ''), organisationId: '' };
}

/**
 * The phrase after a name, set off by a comma or a dash, up to a comma, a speech verb,
 * a relative clause or the end of the sentence: "X, leader of the council, said",
 * "X - a former Yale historian, and ...", "X, a senior KGB officer who ...", and
 * "X, who is now Veritas' deputy leader."
 */
const APPOSITION = /^(?:,|\s+[-–—])\s+(?:who\s+(?:is|was)\s+(?:now\s+|also\s+)?(?=the |a |an |[A-Z]))?((?:the |a |an |its |their )?[A-Za-z](?:[^,.;:"“”()]|\.(?=\w)){2,120}?)(?=,|\s+[-–—]\s|\s+(?:said|says|told|added|who|which|whose)\b|\.(?!\w))/;

/** "X, leader of the council, said": the post in the phrase after the name. */
function appositionRole(doc: Doc, m: Mention): Found | null {
  const after = doc.text.slice(m.end, Math.min(doc.text.length, m.end + 160));
  const a = APPOSITION.exec(after);
  if (!a || !hasRoleWord(a[1]) || /\b(who|which|that|said|says|was|is|has|had)\b/.test(a[1])) return null;
  // A clause or a prepositional phrase is not a post: ", but the Reds reached ...", ", from TV producer X".
  if (/^(but|and|or|while|although|though|from|with|after|before|as)\s/i.test(a[1])) return null;
  // A capitalised apposition is a post only when it ends in one ("NUJ General Secretary"), not a place ("Kent, England").
  if (/^[A-Z]/.test(a[1]) && !isRoleWord(a[1].split(/\s+/).pop()!)) return null;
  const start = m.end + a[0].indexOf(a[1]);
  const end = start + a[1].length;
  // "X - former hurdler Alan Pascoe and ...": a phrase that names another person is not X's post,
  // unless it names them as whom the post serves ("lawyer for Mr Begg", "adviser to President Bush").
  const other = firstWithin(doc, start, end, (x) => x.type === 'person');
  if (other && !/\b(?:for|to|of|under)\s+$/.test(doc.text.slice(start, other.start))) return null;
  const role = a[1].replace(/^(the|a|an)\s+/i, '');
  // "Veritas' deputy leader": the post is what follows the organisation's possessive.
  const owner = /^(?:[A-Z][\w&.-]*\s+){0,3}?[A-Z][\w&.-]*(?:['’]s?)\s+/.exec(role);
  const where = organisationIn(doc, start, end);
  const ownerIsOrganisation = owner && where.organisationId && doc.text.startsWith(owner[0], end - role.length) && mentionCovering(doc, end - role.length, (x) => x.entityId === where.organisationId);
  return { role: ownerIsOrganisation ? role.slice(owner[0].length) : role, ...where, start, end, rule: 'role:apposition' };
}

interface Word {
  text: string;
  start: number;
}

/**
 * The words (runs of non-space) of text[from, to), read backwards on demand: at(0)
 * is the last, at(1) the one before it; `read` holds those read so far, last first.
 */
class WordsBack {
  readonly read: Word[] = [];
  private readonly text: string;
  private readonly from: number;
  /** Where reading back goes on from. */
  private cursor: number;

  constructor(text: string, from: number, to: number) {
    this.text = text;
    this.from = from;
    this.cursor = to;
  }

  at(i: number): Word | undefined {
    const { text, from, read } = this;
    while (read.length <= i && this.cursor > from) {
      let end = this.cursor;
      while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
      let start = end;
      while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--;
      this.cursor = start;
      if (end > start) read.push({ text: text.slice(start, end), start });
    }
    return read[i];
  }
}

/** "Darlington BC social services director Colin Morris": the words of the post just before the name. */
function premodifierRole(doc: Doc, m: Mention): Found | null {
  const sentence = doc.sentences[m.sentence];
  // "The Tory finance spokesman, Brian Monteith MSP, said": a post set off by a comma before a name in commas.
  const commaBefore = /,\s+$/.exec(doc.text.slice(sentence.start, m.start));
  const nameInCommas = commaBefore && /^(?:\s+[A-Z]{2,4})?,/.test(doc.text.slice(m.end, m.end + 8));
  const words = new WordsBack(doc.text, sentence.start, nameInCommas ? m.start - commaBefore[0].length : m.start);
  // Back from the name over the post's words, to an organisation, a comma or a function word.
  let taken = 0;
  let org: Mention | undefined;
  for (let w = words.at(0); w; w = words.at(taken)) {
    org = mentionCovering(doc, w.start, (x) => x.type === 'organisation');
    if (org) break;
    const ofAfterPost = w.text === 'of' && words.at(taken + 1) !== undefined && isRoleWord(words.at(taken + 1)!.text);
    // "one fiction judge", "Another actress"; not "Radio One".
    const countWord = /^(one|another)$/.test(w.text) || (/^(One|Another)$/.test(w.text) && w.start === sentence.start);
    if (!ofAfterPost && (NOT_IN_POST.test(w.text) || countWord || /[,;:"“”(]$/.test(w.text))) break;
    if (mentionCovering(doc, w.start, () => true)) break;
    taken++;
  }
  const post = words.read.slice(0, taken).reverse();
  // The post ends in its role word, or in what it is head of ("director of social services").
  const endsInPost = post.length > 0 && (isRoleWord(post[post.length - 1].text) || post.some((w, i) => w.text === 'of' && i > 0 && isRoleWord(post[i - 1].text)));
  if (!endsInPost) return null;
  const start = org ? org.start : post[0].start;
  const end = post[post.length - 1].start + post[post.length - 1].text.length;
  const where = org ? { organisation: entityName(doc, org), organisationId: org.entityId } : organisationIn(doc, post[0].start, end);
  // The post is what is left once the organisation's words are taken off its front.
  const roleStart = org ? post[0].start : where.organisationId && GENERIC_HEAD.test(post[0].text) ? post[1]?.start ?? start : start;
  // Without whose post it is when that is not an organisation named: "the country's new president", "the charity's director".
  const role = doc.text.slice(roleStart, end).replace(/^['’]s\s+/, '').replace(/^\S+(?:['’]s|s['’])\s+/, '').trim();
  if (!role) return null;
  return { role, ...where, start, end, rule: org ? 'role:premodifier+organisation' : 'role:premodifier' };
}

/**
 * A title that names a post: "Chancellor", "Health Secretary", "Director-General",
 * "Chief Secretary to the Treasury"; not a rank or a courtesy ("General", "Mr").
 */
function isPostTitle(title: string): boolean {
  if (POST_TITLES.has(title)) return true;
  const head = title.split(/\s+(?:of|to)\s+/)[0].split(/\s+/);
  return (title.includes(' ') || title.includes('-')) && isRoleWord(head[head.length - 1]);
}

/** The post a title names, without courtesy titles after it: "Deputy Prime Minister" of "Deputy Prime Minister Mr". */
function postOfTitle(title: string): string | undefined {
  const words = title.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const post = words.slice(0, n).join(' ');
    if (isPostTitle(post)) return post;
  }
  return undefined;
}

/** Capitalised words that make a post more precise when written before it: "Shadow Education Secretary", "Chief Treasury Secretary". */
const POST_MODIFIERS = new Set(['Shadow', 'Acting', 'Interim', 'Junior', 'Senior']);

/** The organisation mention that ends right before `at`, possessive and space between: "the BBC's Director-General". */
function organisationEndingBefore(doc: Doc, at: number): Mention | undefined {
  const gap = /(?:['’]s?)?\s+$/.exec(doc.text.slice(Math.max(0, at - 4), at));
  if (!gap) return undefined;
  const end = at - gap[0].length;
  return mentionCovering(doc, end - 1, (x) => x.type === 'organisation' && x.end === end);
}

/** "the BBC's Director-General Greg Dyke", "Shadow Education Secretary Tim Collins": the post the mention's title names, and an organisation named right before. */
function postTitleRole(doc: Doc, m: Mention): Found | null {
  const post = m.title && postOfTitle(m.title);
  if (!post) return null;
  const sentence = doc.sentences[m.sentence];
  const words = new WordsBack(doc.text, sentence.start, m.start);
  let start = m.start;
  for (let w = words.at(0), i = 0; w && /^\p{Lu}/u.test(w.text) && (isRoleWord(w.text) || POST_MODIFIERS.has(w.text)) && !mentionCovering(doc, w.start, () => true); w = words.at(++i)) {
    if (w.start + w.text.length + 1 !== start) break; // one space between the words of a post
    start = w.start;
  }
  const org = organisationEndingBefore(doc, start);
  const where = org ? { organisation: entityName(doc, org), organisationId: org.entityId } : NOWHERE;
  return { role: doc.text.slice(start, m.start) + post, ...where, start: org?.start ?? start, end: m.start + post.length, rule: org ? 'role:title+organisation' : 'role:title' };
}

/** A post opening a mention whose title is not known ("Chancellor Gordon Brown"), or "MP" after the name. */
function leadingPostRole(m: Mention): Found | null {
  const title = m.title === undefined ? POST_TITLES_AT_START.exec(m.text)?.[1] : undefined;
  if (title) return { role: title, ...NOWHERE, start: m.start, end: m.start + title.length, rule: 'role:title' };
  if (/\sMP$/.test(m.text)) return { role: 'MP', ...NOWHERE, start: m.end - 2, end: m.end, rule: 'role:post-nominal' };
  return null;
}

const ROLE_FINDERS: Array<(doc: Doc, m: Mention) => Found | null> = [appositionRole, postTitleRole, premodifierRole, (_doc, m) => leadingPostRole(m)];

/** Sets role and organisation on people and returns the relations found. */
export function extractRoles(doc: Doc, enabled: (found: { rule: string }) => boolean = () => true): Relation[] {
  const relations: Relation[] = [];
  const lookup = lookupOf(doc);
  for (const m of doc.mentions) {
    if (m.type !== 'person') continue;
    const person = lookup.entity(m.entityId)!;
    if (person.role && person.organisation) continue;
    // The first enabled finding, in this order; the later finders run only if needed.
    let found: Found | null = null;
    for (const find of ROLE_FINDERS) {
      const f = find(doc, m);
      if (f && enabled(f)) {
        found = f;
        break;
      }
    }
    if (!found || (person.role && !found.organisation)) continue;
    person.role = found.role;
    person.organisation = found.organisation;
    person.organisationId = found.organisationId;
    const s = Math.min(m.start, found.start), e = Math.max(m.end, found.end);
    relations.push({ subject: person.name, predicate: 'holds_post', object: found.organisation ? `${found.role} @ ${found.organisation}` : found.role, evidence: doc.text.slice(s, e), start: s, end: e, rule: found.rule });
  }
  return relations;
}
