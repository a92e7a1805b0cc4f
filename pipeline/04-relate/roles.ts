// A person's post and where they hold it: apposition ("Cllr Michael Lee, leader
// of the council"), premodifiers ("Darlington BC social services director Colin
// Morris", "Labour MP X") and titles that are posts ("Chancellor Gordon Brown").

import type { Doc, Entity, Mention, Relation } from '../../src/model.ts';
import { ROLE_WORDS } from '../03-tag/lexicons/people.ts';
import { ORGANISATION_GENERIC_ALIASES } from '../03-tag/lexicons/organisations.ts';

const POST_TITLES = new Set(['President', 'Chancellor', 'Prime Minister', 'Senator', 'Governor', 'Mayor', 'Judge', 'Justice', 'Minister', 'Secretary', 'General', 'Bishop', 'Archbishop', 'Commissioner', 'Inspector', 'Chief Constable', 'Detective Inspector', 'Detective Chief Inspector']);
const hasRoleWord = (phrase: string) => phrase.split(/\s+/).some((w) => ROLE_WORDS.has(w.toLowerCase()) || ROLE_WORDS.has(w));
const GENERIC_HEADS = [...ORGANISATION_GENERIC_ALIASES.keys()].map((h) => h.toLowerCase());

interface Role {
  role: string;
  organisation: string;
  organisationId: string;
  start: number;
  end: number;
  rule: string;
}

/** The organisation a role phrase names: a tagged mention inside it, else a generic head word ("trust"). */
function organisationIn(doc: Doc, start: number, end: number): { organisation: string; organisationId: string } {
  const m = doc.mentions.find((x) => x.type === 'organisation' && x.start >= start && x.end <= end);
  if (m) return { organisation: doc.entities.find((e) => e.id === m.entityId)?.name ?? m.text, organisationId: m.entityId };
  const phrase = doc.text.slice(start, end);
  for (const head of GENERIC_HEADS) {
    const g = new RegExp(`\\b((?:[A-Za-z]+\\s+)?${head})\\b`, 'i').exec(phrase);
    if (!g) continue;
    // Resolve to the article's organisation of that kind when there is exactly one.
    const ofKind = doc.entities.filter((e) => e.type === 'organisation' && e.name.toLowerCase().split(/\s+/).includes(head));
    if (ofKind.length === 1) return { organisation: ofKind[0].name, organisationId: ofKind[0].id };
    return { organisation: g[1].replace(/^(the|a|an|its|their)\s+/i, ''), organisationId: '' };
  }
  return { organisation: '', organisationId: '' };
}

function appositionRole(doc: Doc, m: Mention): Role | null {
  const after = doc.text.slice(m.end, Math.min(doc.text.length, m.end + 160));
  const a = /^,\s+((?:the |a |an |its |their )?[a-z][^,.;:"“”()]{2,120}?)(?=,|\s+(?:said|says|told|added)\b|\.)/.exec(after);
  if (!a || !hasRoleWord(a[1]) || /\b(who|which|that|said|says)\b/.test(a[1])) return null;
  const start = m.end + a[0].indexOf(a[1]);
  const end = start + a[1].length;
  return { role: a[1].replace(/^(the|a|an)\s+/i, ''), ...organisationIn(doc, start, end), start, end, rule: 'role:apposition' };
}

function premodifierRole(doc: Doc, m: Mention): Role | null {
  const sentence = doc.sentences[m.sentence];
  const before = doc.text.slice(sentence.start, m.start);
  // Lower-case words just before the name, back to a tagged organisation, a comma or the sentence start.
  const words = /((?:[A-Za-z][\w'’-]*\s+){1,8})$/.exec(before);
  if (!words) return null;
  let phraseStart = sentence.start + words.index;
  const org = [...doc.mentions].reverse().find((x) => x.type === 'organisation' && x.end <= m.start && x.end >= phraseStart - 1 && x.start >= sentence.start);
  let orgInfo: { organisation: string; organisationId: string } | null = null;
  if (org) {
    phraseStart = org.end;
    orgInfo = { organisation: doc.entities.find((e) => e.id === org.entityId)?.name ?? org.text, organisationId: org.entityId };
  }
  let phrase = doc.text.slice(phraseStart, m.start).trim();
  // Stop at words that cannot belong to a post ("said", "by", "and").
  const cut = phrase.split(/\s+/);
  let k = cut.length;
  while (k > 0 && !/^(said|says|by|and|with|to|from|that|as|when|while|for|but|the|a|an)$/i.test(cut[k - 1])) k--;
  phrase = cut.slice(k).join(' ');
  if (!phrase || !hasRoleWord(phrase) || !ROLE_WORDS.has(cut[cut.length - 1].toLowerCase()) && !ROLE_WORDS.has(cut[cut.length - 1])) return null;
  const start = m.start - (doc.text.slice(0, m.start).trimEnd().length - doc.text.slice(0, m.start).trimEnd().length) - phrase.length - 1;
  const phraseAt = doc.text.lastIndexOf(phrase, m.start);
  const own = orgInfo ?? organisationIn(doc, phraseAt, phraseAt + phrase.length);
  // A leading capitalised generic ("Council adult social care cabinet member") names the organisation, not the post.
  let role = phrase;
  if (!orgInfo && own.organisation && new RegExp(`^(${GENERIC_HEADS.join('|')})\\s`, 'i').test(phrase) && own.organisationId) role = phrase.replace(/^\S+\s+/, '');
  void start;
  return { role, ...own, start: phraseAt, end: phraseAt + phrase.length, rule: org ? 'role:premodifier+organisation' : 'role:premodifier' };
}

function titleRole(doc: Doc, m: Mention): Role | null {
  const words = m.text.split(/\s+/);
  for (let n = 3; n >= 1; n--) {
    const title = words.slice(0, n).join(' ');
    if (words.length > n && POST_TITLES.has(title)) return { role: title, organisation: '', organisationId: '', start: m.start, end: m.start + title.length, rule: 'role:title' };
  }
  if (/\sMP$/.test(m.text)) return { role: 'MP', organisation: '', organisationId: '', start: m.end - 2, end: m.end, rule: 'role:post-nominal' };
  return null;
}

/** Sets role and organisation on people and returns the relations found. */
export function extractRoles(doc: Doc): Relation[] {
  const relations: Relation[] = [];
  const byId = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  for (const m of doc.mentions) {
    if (m.type !== 'person') continue;
    const person = byId.get(m.entityId)!;
    if (person.role && person.organisation) continue;
    const found = appositionRole(doc, m) ?? premodifierRole(doc, m) ?? titleRole(doc, m);
    if (!found) continue;
    if (person.role && !found.organisation) continue;
    person.role = found.role;
    person.organisation = found.organisation;
    person.organisationId = found.organisationId;
    const s = Math.min(m.start, found.start), e = Math.max(m.end, found.end);
    relations.push({ subject: person.name, predicate: 'holds_post', object: found.organisation ? `${found.role} @ ${found.organisation}` : found.role, evidence: doc.text.slice(s, e), start: s, end: e, rule: found.rule });
  }
  return relations;
}
