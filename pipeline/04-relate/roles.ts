// A person's post and where they hold it, read as one grammar of noun phrases
// (noun-phrases.ts) around the name: apposition ("Cllr Michael Lee, leader of
// the council", "Tom Lee, a fund manager at Fidelity"), the words before the name
// ("Darlington BC social services director Colin Morris", "Jets quarterback Jane Doe",
// "former Army officer Tim Collins"), titles that are posts ("Chancellor Gordon Brown",
// "Sen. Ted Cruz", "Alan Milburn MP"), the phrase after a copula ("X is the chief executive of Y", "who
// served as finance minister"). A post that belongs to a body but names none ("said chief executive John
// Smith") is held at the organisation the passage is about; a party written as an adjective ("Democratic
// strategist") is the party. A description the speaker model resolved to a person ("the Liberal Democrat
// leader said") gives that person its post.

import type { Doc, Entity, Mention, Relation } from '../../src/model.ts';
import { sentenceAt } from '../../src/model.ts';
import { isWhitespaceCode } from '../../src/text.ts';
import { TOKENS } from '../03-tag/index.ts';
import { NounPhraseChunker, type NameSpan, type NounPhrase } from './noun-phrases.ts';
import type { Token } from '../03-tag/tokens.ts';
import { ROLE_MODIFIERS, ROLE_WORDS } from '../03-tag/lexicons/people.ts';
import { ORGANISATION_GENERIC_ALIASES, ORGANISATION_KINDS, ORGANISATION_NAMES } from '../03-tag/lexicons/organisations.ts';
import { entityName, firstStartingIn, firstWithin, lookupOf, mentionCovering } from './lookup.ts';
import { chunkerOf, tokenAt, WEEKDAY, WEEKDAYS } from './phrases.ts';
import { AMBIGUOUS_ORGANISATION_POSTS, isPostWord, MORE_POST_WORDS, ORGANISATION_POSTS, SPORTS_POSTS, TITLE_POSTS } from './posts.ts';
import { PLACE_ADJECTIVES } from '../03-tag/lexicons/places.ts';
import { GENDERED_PERSON_WORDS, PERSON_WORDS } from './heads.ts';
import { DESCRIBED_SPEAKERS, SPEAKER_MODELS, type DescribedSpeaker } from './speakers.ts';

const POST_TITLES = new Set(['President', 'Chancellor', 'Prime Minister', 'Senator', 'Governor', 'Mayor', 'Judge', 'Justice', 'Minister', 'Secretary', 'Bishop', 'Archbishop', 'Commissioner', 'Chief Constable', 'Foreign Secretary', 'Home Secretary', 'Health Secretary', 'Shadow Chancellor', 'Deputy Prime Minister', 'Vice President', 'First Minister']);
/** One of POST_TITLES opening a mention (longest first). */
const POST_TITLES_AT_START = new RegExp(`^(${[...POST_TITLES].sort((a, b) => b.length - a.length).join('|')})\\s+\\S`);
const hasRoleWord = (phrase: string) => phrase.split(/\s+/).some(isPostWord);
/** Generic names of bodies ("council", "trust"), but not those that are also posts ("executive", "board"). */
const GENERIC_HEADS = [...ORGANISATION_GENERIC_ALIASES.keys()].map((h) => h.toLowerCase()).filter((h) => h.length > 2 && !isPostWord(h));
const GENERIC_HEAD_WORDS: ReadonlySet<string> = new Set(GENERIC_HEADS);
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
  /**
   * The post is held for a person ("her coach"), in a place ("England boss", "Indonesian economy minister") or in a
   * body named only by its kind ("the county administrator's office"), not in a body the article names.
   */
  heldIn?: 'person' | 'place' | 'body';
}

type Where = Pick<Found, 'organisation' | 'organisationId' | 'heldIn'>;
const NOWHERE: Where = { organisation: '', organisationId: '' };
const UNNAMED_BODY: Where = { ...NOWHERE, heldIn: 'body' };

/** Whether a mention other than an organisation's starts at `at`. */
function nonOrganisationStartsAt(doc: Doc, at: number): boolean {
  return firstStartingIn(doc, at, at, (x) => x.start === at && x.type !== 'organisation') !== undefined;
}

/** The organisation a post phrase names: a tagged mention inside it, else a generic body ("trust") resolved in the article. */
function organisationIn(doc: Doc, start: number, end: number): Where {
  // "for Donald Trump's campaign", "Gore's 2000 presidential campaign": a campaign or administration named for someone.
  const text = doc.text.slice(start, end);
  const campaign = CAMPAIGN_WORD.test(text) ? NAMED_CAMPAIGN.exec(text) : null;
  if (campaign) return { organisation: campaign[0], organisationId: '' };
  // "vice president of Advanced Development Programs at Blue Origin": the body after "at" employs; what "of" governs
  // before it is a part of it.
  const employer = /\bat\s+(?:the\s+)?(?=\S)/.exec(text);
  const at = employer ? start + employer.index + employer[0].length : -1;
  // "at Aids charity the Terrence Higgins Trust", "at the California-based Institute for the Future": the body named after "at".
  const atOrganisation = employer && firstWithin(doc, at, end, (x) => x.type === 'organisation');
  if (atOrganisation) return { organisation: entityName(doc, atOrganisation), organisationId: atOrganisation.entityId };
  // "co-founder of Amsterdam-based OneStat.com", "analyst at the non-partisan Cook Report", "deputy chief for the US Embassy",
  // "founder of my6sense": a name (capitalised, or a brand with a capital or digit inside) after "of", "at" or "for the"
  // is where the post is held, the one after "at" first.
  // A name after "at" the tagger read as a person's is a firm named for people ("strategist at Miller Tabak").
  const names = [...text.matchAll(NAME_AFTER_PREPOSITION)].filter((n) => {
    const at = start + n.index + n[0].indexOf(n[2]);
    return !PLACE_ADJECTIVES.has(n[2]) && (!nonOrganisationStartsAt(doc, at) || (n[1] === 'at' && firstStartingIn(doc, at, at, (x) => x.start === at && x.type === 'person') !== undefined));
  });
  const atName = names.find((n) => n[1] === 'at');
  const m = atName ? undefined : firstWithin(doc, start, end, (x) => x.type === 'organisation');
  if (m) return { organisation: entityName(doc, m), organisationId: m.entityId };
  const named = atName ?? names[0];
  if (named) return { organisation: named[2].replace(/\s+(of|for|and)$/, ''), organisationId: '' };
  const g = GENERIC_HEAD.exec(doc.text.slice(start, end));
  if (!g) return NOWHERE;
  const head = g[1].split(/\s+/).pop()!.toLowerCase();
  const ofKind = doc.entities.filter((e) => e.type === 'organisation' && e.kind?.toLowerCase() === head);
  if (ofKind.length === 1) return { organisation: ofKind[0].name, organisationId: ofKind[0].id };
  // "the Prison Service", "Vibe magazine" the tagger missed are bodies; "a customer service representative", "the
  // former university", "the committee" name none the article names.
  const words = g[1].replace(/^(the|a|an|its|their)\s+/i, '');
  return words.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !isPostModifier(w)) ? { organisation: words, organisationId: '' } : UNNAMED_BODY;
}

/** A name after "of", "at" or "for the" in a post: "of Amsterdam-based OneStat.com", "at the non-partisan Cook Report", "of my6sense". */
const NAME_AFTER_PREPOSITION = /\b(of|at|for(?=\s+the\s))\s+(?:the\s+(?:\p{Ll}[\p{Ll}-]+\s+(?=\p{Lu}))?)?(?:[A-Z][\w.]*-based\s+)?((?:[A-Z]|\p{Ll}+[\p{Lu}\d])[\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and))*)/gu;

/** Bodies named for the person or place they serve: "the Sanders campaign", "Obama administration", "Chicago police". */
const CAMPAIGN_WORDS = new Set(['campaign', 'administration', 'camp', 'police']);
const CAMPAIGN_WORD = new RegExp(`\\b(?:${[...CAMPAIGN_WORDS].join('|')})\\b`);
const NAMED_CAMPAIGN = new RegExp(`\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*(?:['’]s?)?\\s+(?:\\d{4}\\s+)?(?:presidential\\s+|re-election\\s+|election\\s+)?(?:${[...CAMPAIGN_WORDS].join('|')})\\b`, 'u');

/**
 * The phrase after a name, set off by a comma or a dash, up to a comma, a speech verb,
 * a relative clause or the end of the sentence: "X, leader of the council, said",
 * "X - a former Yale historian, and ...", "X, a senior KGB officer who ...", "X, an executive at a firm that ...",
 * "X, the United Nations High Commissioner for Refugees (UNHCR),",
 * "X, who is now Veritas' deputy leader.", "X is a reporter for Y.", "X is director of debate at Y.", "X, who served
 * as U.S. ambassador to Burma" and "to replace X as Acme's manager".
 */
/** Abbreviations whose full stop ends no sentence ("Mr.", "U.S."). */
const ABBREVIATIONS = String.raw`Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Jr|Sr|Inc|Corp|Co|Ltd|U\.S|U\.N|U\.K`;
const APPOSITION = new RegExp(String.raw`^(?:,|\s+[-–—]|(?=\s+(?:is|was)\s+(?:now\s+)?(?:(?:the|a|an)\s|[A-Z]|[a-z]+\s+(?:of|at|for)\s)|\s+(?:served as|serves as|became|becomes|as)\s))\s+(?:(?:who\s+)?(?:is|was|served as|serves as|became|becomes|as)\s+(?:now\s+|also\s+)?)?((?:the |a |an |its |their )?[A-Za-z](?:[^,.;:"“”()]|\.(?=\w)|(?<=\b(?:${ABBREVIATIONS}))\.){2,120}?)(?=[,;]|\s+[-–—]\s|\s+(?:said|says|told|added|stated|who|which|whose|that)\b|\s+\(\p{Lu}+\)|(?<!\b(?:${ABBREVIATIONS}))\.(?!\w)|\s*$)`, 'u');

/**
 * "X stepped down as CEO", "X, who took over as manager", "X has worked as a nurse": a verb (and a particle) between the
 * name and "as"; not one of seeing or naming ("seen as", "known as", "described as"), nor "such as", "as well as".
 */
const AS_AFTER_VERB = /^(?:,?\s+(?:who\s+)?(?:(?:has|have|had|was|were|is|will|would)\s+)?(?:been\s+)?(?:(?:then|now|also|currently|previously|once|later|briefly)\s+)?(?!(?:seen|viewed|regarded|described|known|considered|dubbed|billed|hailed|touted|branded|labell?ed|portrayed|cast|such|well|just|same|so|much|long|soon|said|says)\s)\p{Ll}+(?:\s+(?:down|up|over|on|in|back))?\s+as\s+)((?:the |a |an |its |their )?[A-Za-z][^,;:"“”()]{1,120})/u;

/** Words before a name whose "as" names a part played: "starring X as", "star X as". */
const PLAYS_A_PART = /\b(?:stars?|starring|starred|plays?|played|playing|cast|casts|casting)\s+(?:\S+\s+){0,2}$/i;
/** Verbs and "as" that join a name to the post it holds: "X is chairman", "replace X as Acme's manager". */
const MONTH_OR_DAY = new RegExp(`^(?:january|february|march|april|may|june|july|august|september|october|november|december|${WEEKDAYS})$`, 'i');
const COPULA = /\b(?:is|was|served as|serves as|became|becomes|as)\s/;

/** The heads of an apposition: the last word before its first preposition, of each part joined by "and" or cut at a participle. */
function appositionHeads(phrase: string): string[] {
  return phrase
    .split(/\s+(?:of|for|to|at|in|on|with|from|through|under|over|as|since|during|between|after|before|against|about|like|within)\s+/)[0]
    .split(/\s+(?:and|\p{Ll}+ing)(?=\s|$)|\s+\p{Ll}+ed$/u)
    .map((part) => part.trim().split(/\s+/).pop()!);
}

/** "X, leader of the council, said": the post in the phrase after the name. */
function appositionRole(doc: Doc, m: Mention): Found | null {
  // An apposition ends with its sentence.
  // "Del. Jane Roe (D-Richmond), a corporate attorney": a bracket after the name goes with the name.
  // "Luay Sami, 33, the centre's coordinator": an age after the name goes with the name too.
  const nameEnd = m.end + (/^(?:\s*\([^()]{1,25}\)|,\s+\d{1,3}(?=,))/.exec(doc.text.slice(m.end, m.end + 30))?.[0].length ?? 0);
  const after = doc.text.slice(nameEnd, Math.min(doc.sentences[m.sentence].end, nameEnd + 160));
  // "X stepped down as CEO", "X, who worked as a nurse,": a verb, then "as" and the post.
  const match = AS_AFTER_VERB.exec(after) ?? APPOSITION.exec(after);
  let a: [string, string] | null = match && [match[0], match[1]];
  if (!a || !hasRoleWord(a[1])) return null;
  // "X, who is chief executive of Acme", "X served as finance minister until 2010": after a verb, the post is the
  // noun phrase there, and only a phrase headed by a post is one (what follows it may be a clause: "who served as
  // secretary of state when the decision was made"); a phrase set off by a comma holds no verb.
  const lead = a[0].slice(0, a[0].length - a[1].length);
  const copular = COPULA.test(lead);
  if (!copular && /\b(who|which|that|said|says|was|is|has|had)\b/.test(a[1])) return null;
  let namesWhere = false;
  if (copular) {
    const tokens = TOKENS.get(doc) ?? [];
    const at = tokenAt(tokens, nameEnd + lead.length);
    const np = at < tokens.length && tokens[at].start === nameEnd + lead.length ? chunkerOf(doc).phraseStartingAt(at, tokenAt(tokens, nameEnd + a[0].length)) : null;
    if (!np || np.pronoun || np.name || !isPostWord(tokens[np.head].text)) return null;
    // "talks with X as the midfielder comes closer": "as" opening a clause; "starring X as the harassed airport
    // manager": a part played, not a post.
    if (/(?:^|\s)as\s+$/.test(lead) && !/\bserve[sd]?\s+as\s+$/.test(lead)) {
      const next = tokens[np.last + 1];
      if ((next && (next.pos === 'VERB' || next.pos === 'AUX')) || PLAYS_A_PART.test(doc.text.slice(Math.max(doc.sentences[m.sentence].start, m.start - 40), m.start))) return null;
    }
    namesWhere = np.complements.some((c) => c.phrase.name !== undefined || c.phrase.properHead);
    // "chairman in 2003", "chief executive in May", "nurse for 20 years": a complement that is a date or number says
    // when, not where; "prime
    // minister at some point", "manager at a news conference": one that names nothing after "at" or "in" says where
    // or how it was, not where the post is held.
    const when = np.complements.find(
      (c) =>
        (c.phrase.first === c.phrase.head && (tokens[c.phrase.head].pos === 'NUM' || MONTH_OR_DAY.test(tokens[c.phrase.head].text))) ||
        (tokens[c.phrase.first].pos === 'NUM' && !c.phrase.name) ||
        (!/^(?:of|for|to)$/i.test(tokens[c.preposition].text) && !c.phrase.name && !c.phrase.properHead && !c.phrase.complements.some((d) => d.phrase.name || d.phrase.properHead)),
    );
    const end = when ? tokens[when.preposition - 1].end : np.end;
    a = [lead + doc.text.slice(np.start, end), doc.text.slice(np.start, end)];
  }
  // A clause or a prepositional phrase is not a post: ", but the Reds reached ...", ", from TV producer X".
  if (/^(but|and|or|while|although|though|from|with|after|before|as|to|in|on|at|for|by)\s/i.test(a[1])) return null;
  // "to help X - more than $1.5m in the general election", "Mr X, 66, issued a statement", "wrote to X, urging the
  // Justice Department to act": only a phrase headed by a post is one. Its heads are the words before its first
  // preposition, each of "a composer and leading interpreter of Bach"; a participle may follow a head ("an official
  // overseeing Lebanon"; one in -ed only before a preposition, "a journalist based in Yaounde", as "the midfielder
  // planted his shot" is a clause) or go before one ("a managing director"); the head follows an owner ("the
  // Association of Chief Police Officers' spokesman").
  // "Washington State Department of Health public information officer": a post ending the phrase after its body's name.
  const endsInPost = /^[A-Z]/.test(a[1]) && isPostWord(a[1].split(/\s+/).pop()!);
  if (!copular && !endsInPost && !appositionHeads(a[1]).some(isPostWord) && !appositionHeads(a[1].replace(/^[^,]*?['’]s?\s+(?=\p{Ll})/u, '')).some(isPostWord)) return null;
  // A capitalised apposition is a post only when it is headed by one ("NUJ General Secretary", "President of Acme
  // Worldwide"), not a place ("Kent, England").
  if (/^[A-Z]/.test(a[1]) && !isPostWord(headWordOf(a[1])) && !endsInPost && !copular) return null;
  const start = nameEnd + a[0].indexOf(a[1]);
  const end = start + a[1].length;
  // "X - former hurdler Alan Pascoe and ...": a phrase that names another person is not X's post,
  // unless it names them as whom the post serves ("lawyer for Mr Begg", "adviser to President Bush").
  const other = firstWithin(doc, start, end, (x) => x.type === 'person');
  // ... or a campaign named for them ("a senior adviser to the Clinton campaign"), or the post is named for them ("a top
  // Trump surrogate").
  // ... or a firm named for people after "at" ("equity strategist at Miller Tabak").
  const namesOther = other && !/\b(?:for|to|of|under|at)\s+(?:the\s+)?$/.test(doc.text.slice(start, other.start));
  if (namesOther && !/^(?:['’]s?\s|\s+(?:campaign|administration)\b)/.test(doc.text.slice(other.end, other.end + 16)) && !isPostWord(/^\s+([\w-]+)/.exec(doc.text.slice(other.end, other.end + 30))?.[1] ?? '')) return null;
  const role = a[1].replace(/^(the|a|an|its|their)\s+/i, '');
  // "Veritas' deputy leader": the post is what follows the organisation's possessive.
  const owner = /^(?:[A-Z][\w&.-]*\s+){0,3}?[A-Z][\w&.-]*(?:['’]s?)\s+/.exec(role);
  const where = organisationIn(doc, start, end);
  const ownerIsOrganisation = owner && where.organisationId && doc.text.startsWith(owner[0], end - role.length) && mentionCovering(doc, end - role.length, (x) => x.entityId === where.organisationId);
  // "Jane Roe, Acme's chief executive": an owner the tagger did not read as a name is the organisation all the same.
  const ownerName = owner?.[0].replace(/['’]s?\s+$/, '');
  // "the President's physician": an owner named by a post is a person too.
  const ownerIsPerson = !!ownerName && (isPostWord(ownerName) || mentionCovering(doc, end - role.length, (x) => x.type !== 'organisation') !== undefined || doc.entities.some((e) => e.type === 'person' && e.name.split(/\s+/).pop() === ownerName));
  if (owner && !where.organisation && !ownerIsPerson) {
    const name = ownerName!;
    const entity = organisationNamed(doc, name);
    return { role: role.slice(owner[0].length), organisation: entity?.name ?? name, organisationId: entity?.id ?? '', start, end, rule: 'role:apposition' };
  }
  // "a former Acme director", "a veteran Democratic strategist": the body written before the post, as before a name.
  const before = !where.organisation && !owner ? organisationBeforePostIn(doc, start, end) : NOWHERE;
  // "X is a fine player", "X was the obvious candidate": after "is" or "became", a phrase that names no body or
  // place ("the most senior judge in England") describes rather than gives a post.
  if (/\b(?:is|was|became|becomes)\s/.test(lead) && !/\bas\s+$/.test(lead) && !where.organisation && !before.organisation && !namesWhere) return null;
  return { role: ownerIsOrganisation ? role.slice(owner[0].length) : role, ...(before.organisation ? before : where), start, end, rule: 'role:apposition' };
}

/** Verbs of running a body, with the post they make: "who heads Acme" is Acme's head. */
const RUNNING_VERBS: ReadonlyMap<string, string> = new Map([
  ['heads', 'head'], ['headed', 'head'], ['leads', 'leader'], ['led', 'leader'], ['runs', 'head'], ['ran', 'head'], ['chairs', 'chair'],
  ['chaired', 'chair'], ['founded', 'founder'], ['co-founded', 'co-founder'],
]);
const RUNS = new RegExp(String.raw`^,\s+(?:(?:the|a|an)\s+[^,;:"“”()]{1,50}?\s+)?who\s+(?:now\s+|also\s+|currently\s+|once\s+)?(${[...RUNNING_VERBS.keys()].join('|')})\s+(?:the\s+(?:\p{Ll}+['’]s\s+)?)?`, 'u');

/**
 * "X, who heads Acme", "X, the conservative icon who founded the Leadership Institute": a relative clause that says
 * the person runs a body named there.
 */
function runsOrganisationRole(doc: Doc, m: Mention): Found | null {
  const run = RUNS.exec(doc.text.slice(m.end, m.end + 60));
  if (!run) return null;
  const at = m.end + run[0].length;
  const org = firstStartingIn(doc, at, at, (x) => x.start === at && x.type === 'organisation');
  // "who led Leeds to victory", "who led Care International operations": a body is run where the phrase ends with it.
  if (!org || !/^(?:[,.;:)]|\s+(?:in|at|and|since|until|from|between|when|which)\b|\s*$)/.test(doc.text.slice(org.end, org.end + 10))) return null;
  const past = !/s$/.test(run[1]);
  return { role: (past && run[1] !== 'founded' && run[1] !== 'co-founded' ? 'former ' : '') + RUNNING_VERBS.get(run[1])!, organisation: entityName(doc, org), organisationId: org.entityId, start: m.end, end: org.end, rule: 'role:runs' };
}

/** The organisation written before the post word that heads the phrase text[start, end) ("former Acme director"), read as before a name. */
function organisationBeforePostIn(doc: Doc, start: number, end: number): Where {
  const tokens = TOKENS.get(doc) ?? [];
  let first = tokenAt(tokens, start);
  if (first < 0 || tokens[first].start < start) return NOWHERE;
  if (/^(the|a|an)$/i.test(tokens[first].text)) first++;
  // The head: the last post word before any preposition ("director" of "a former Acme director of sales").
  let head = -1;
  for (let k = first; k < tokens.length && tokens[k].end <= end && !/^(of|at|for|to|with|in|on|from)$/i.test(tokens[k].text); k++) if (isPostWord(tokens[k].text)) head = k;
  if (head < 0) return NOWHERE;
  // Back over the lower-case words of the post ("chief executive") to where the body may be named.
  let at = head;
  while (at - 1 >= first && /^\p{Ll}/u.test(tokens[at - 1].text) && tokens[at - 1].type === 'word' && (isPostWord(tokens[at - 1].text) || tokens[at - 1].pos === 'NOUN' || tokens[at - 1].pos === 'ADJ')) at--;
  if (at === first) return NOWHERE;
  // Before a post written in capitals ("US Trade Representative"), capitalised words are part of the post, as before a name.
  const where = organisationBefore(doc, tokens, at, first, undefined, /^\p{Lu}\p{Ll}/u.test(tokens[head].text));
  // "the only African American candidate": a people or a place is not a body.
  if (!where.organisation || (!where.organisationId && where.organisation.split(/\s+/).some((w) => PLACE_ADJECTIVES.has(w)))) return NOWHERE;
  return { organisation: where.organisation, organisationId: where.organisationId };
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
      while (end > from && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
      let start = end;
      while (start > from && !isWhitespaceCode(text.charCodeAt(start - 1))) start--;
      this.cursor = start;
      if (end > start) read.push({ text: text.slice(start, end), start });
    }
    return read[i];
  }
}

/**
 * The chunker of the role grammar: every post word is a noun ("presidential hopeful", "Wild goalie"), where the
 * speakers' chunker (chunkerOf) takes only the tagger's listed posts for nouns.
 */
const POST_CHUNKERS = new WeakMap<Doc, NounPhraseChunker>();
function postChunkerOf(doc: Doc): NounPhraseChunker {
  let chunker = POST_CHUNKERS.get(doc);
  if (!chunker) POST_CHUNKERS.set(doc, (chunker = new NounPhraseChunker(TOKENS.get(doc) ?? [], doc.mentions, isPostWord)));
  return chunker;
}

/** Whether the phrase opens the sentence at tokens[floor], or follows an "As" that does. */
function opensSentence(np: NounPhrase | null, tokens: Token[], floor: number): boolean {
  let first = floor;
  while (first < tokens.length && tokens[first].type === 'punctuation') first++;
  return !!np && (np.first === first || (np.first - 1 === first && /^as$/i.test(tokens[first].text)));
}

/** A capitalised word that can begin a post ("Senior business manager", "Shadow Education Secretary"). */
const isPostModifier = (w: string) => ROLE_MODIFIERS.has(w.toLowerCase()) || POST_MODIFIERS.has(w);

/**
 * "Darlington BC social services director Colin Morris", "Jets quarterback Jane Doe", "Radio 1 DJ Chris
 * Moyles", "former Army officer Tim Collins", "Director of television Jana Bennett": the words before the
 * name in its noun phrase. The post is the run of words back from the name that ends in a post word (or in
 * "<post> of ..."); what stands before it is where the post is held: an organisation named, a capitalised
 * name the tagger missed ("Jets"), or the phrase's possessor ("the BBC's").
 */
function premodifierRole(doc: Doc, m: Mention, plural = false): Found | null {
  const tokens = TOKENS.get(doc) ?? [];
  // Before the first of names joined by "and", the post is written in the plural ("presidential candidates").
  const isPost = plural ? (w: string) => isPostWord(w) || isPostWord(singularOf(w)) : isPostWord;
  const sentence = doc.sentences[m.sentence];
  const floor = tokenAt(tokens, sentence.start);
  const first = tokenAt(tokens, m.start);
  // "The Tory finance spokesman, Brian Monteith MSP, said": a post set off by a comma before a name in commas.
  const chunker = postChunkerOf(doc);
  // ... or "The charity's head of policy, Jane Roe said", "As chairman of Acme, John Roe oversaw the merger": a
  // phrase opening the sentence, set off by a comma before the name.
  const commaBefore = first - 1 > floor && tokens[first - 1].text === ',';
  const nameInCommas = commaBefore && (/^(?:\s+[A-Z]{2,4})?(?:[,;)]|\.(?!\w)|$)/.test(doc.text.slice(m.end, m.end + 8)) || opensSentence(chunker.phraseEndingAt(first - 2, floor), tokens, floor));
  let np: NounPhrase | null;
  let before: number;
  if (nameInCommas) {
    np = chunker.phraseEndingAt(first - 2, floor);
    before = first - 1;
  } else {
    np = chunker.baseEndingAt(tokenAt(tokens, m.end) - 1, floor);
    if (!np || np.headFirst !== first) return null;
    before = first;
  }
  if (!np) return null;
  // "WeWork's founder and former CEO, Adam Neumann", "COO and president Mike Siever": a post joined by "and" before this
  // one is read with it, and its owner is theirs.
  // "chairman, CEO and president Craig Menear": and those listed before it with commas.
  for (let joiner = 'and'; np.first - 2 >= floor && tokens[np.first - 1].text === joiner && isPost(tokens[np.first - 2].text); joiner = ',') {
    const joinedPost = chunker.baseEndingAt(np.first - 2, floor);
    if (!joinedPost || joinedPost.name || joinedPost.pronoun || !(nameInCommas ? isPostWord(tokens[np.head].text) : np.modFirst < np.headFirst)) break;
    np = { ...np, first: joinedPost.first, start: joinedPost.start, modFirst: joinedPost.modFirst, determiner: joinedPost.determiner, possessor: joinedPost.possessor };
  }
  // "The chief executive of Acme, Jane Roe,", "the secretary of the Treasury, John Roe,": a post and what it governs, set off before the name.
  // "A friend of the chairman, John Roe": a phrase about a person goes with the name, and a post in its complement
  // is someone else's; "the life of a British lecturer, Dennis Hills": one about a thing leaves the name to its complement.
  const headWord = tokens[np.head].text.toLowerCase();
  if (nameInCommas && np.complements.length && !np.name && !np.pronoun && !isPostWord(headWord) && PERSON_WORDS.has(headWord)) return null;
  if (nameInCommas && np.complements.length && !np.name && !np.pronoun && isPostWord(headWord)) {
    const roleStart = tokens[np.modFirst].start;
    const owner = np.possessor?.name?.type === 'organisation' ? (np.possessor.name as Mention) : undefined;
    // Where the complement names no body, a possessor such as "the charity's" is the one charity the article names.
    const inComplement = owner ? NOWHERE : organisationIn(doc, tokens[np.complements[0].preposition].start, np.end);
    const ofPossessor = !owner && !inComplement.organisation && np.possessor ? organisationIn(doc, np.possessor.start, np.possessor.end) : NOWHERE;
    const where = owner ? { organisation: entityName(doc, owner), organisationId: owner.entityId } : inComplement.organisation ? inComplement : ofPossessor.organisationId ? ofPossessor : NOWHERE;
    return { role: doc.text.slice(roleStart, np.end), ...where, start: owner?.start ?? roleStart, end: np.end, rule: 'role:premodifier' + (where.organisation ? '+organisation' : '') };
  }
  const from = nameInCommas ? np.first : np.modFirst;
  // Back from the name over the words of the post.
  let k = before - 1;
  let start = before;
  // The phrase's own words, and past an "of" that a post governs ("Director of television").
  let bound = from;
  const isOf = (t: Token) => /^(of|for|to)$/i.test(t.text);
  // "driver to former director Thomas Murphy": once the post is read, an "of" or "to" before it starts another phrase.
  let seenPost = false;
  // Before a post written in capitals ("Transport Commissioner"), capitalised words are part of the post, not a body.
  const titleCase = /^\p{Lu}\p{Ll}/u.test(tokens[before - 1]?.text ?? '');
  // "ambassador to Britain Liu Xiaming": the name a post governs, right before the person's.
  let governedName: NameSpan | undefined;
  while (k >= floor) {
    // A hyphenated word is read whole: "fly-half", "co-founder", "editor-in-chief".
    let unit = k;
    while (unit - 2 >= floor && tokens[unit - 1].text === '-' && tokens[unit - 1].start === tokens[unit - 2].end && tokens[unit].start === tokens[unit - 1].end) unit -= 2;
    const t = tokens[k];
    const text = doc.text.slice(tokens[unit].start, t.end);
    const name = chunker.nameAt(k);
    // "special envoy to Ukraine Kurt Volker", "head of Hamas Ismail Haniyeh": a name after a post and "of" or "to" is
    // what the post governs.
    if (name && name.type !== 'person' && start === before && !isPost(text)) {
      const nameFirst = tokenAt(tokens, name.start);
      if (nameFirst - 2 >= floor && isOf(tokens[nameFirst - 1]) && isPostWord(tokens[nameFirst - 2].text)) {
        governedName = name;
        start = nameFirst;
        k = nameFirst - 1;
        bound = floor;
        continue;
      }
    }
    if (name && !isPost(text)) break;
    const word = (/^\p{Ll}/u.test(tokens[unit].text) || (titleCase && k < before - 1 && t.pos === 'PROPN')) && (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB' || t.pos === 'PROPN' || unit < k);
    // ... but an "of" or "to" right before the name makes the name its object ("a top adviser to Mrs Clinton").
    const of = isOf(t) && k - 1 >= floor && isPostWord(tokens[k - 1].text) && k < before - 1 && !seenPost;
    if (isOf(t) && !of) break;
    if (of) bound = floor;
    // "Secretary of State John Kerry": a capitalised word a post governs is part of it.
    const governed = titleCase && k - 2 >= floor && isOf(tokens[k - 1]) && isPostWord(tokens[k - 2].text);
    if (unit < bound) break;
    // "founder and former CEO", "COO and president": posts joined by "and" are read as one.
    const joined = (t.text === 'and' || t.text === ',') && seenPost && k - 1 >= bound && isPost(tokens[k - 1].text);
    if (!(isPost(text) || isPostModifier(text) || word || of || governed || joined)) break;
    seenPost ||= isPost(text);
    start = unit;
    k = unit - 1;
  }
  // The post ends in its post word, or in what it is head of ("director of social services").
  const words = tokens.slice(start, before);
  if (!words.length) return null;
  const lastWord = doc.text.slice(tokens[start]?.start ?? 0, tokens[before - 1].end).split(/\s+/).pop()!;
  const endsInPost = words.length > 0 && (isPost(lastWord) || words.some((w, i) => isOf(w) && i > 0 && isPostWord(words[i - 1].text)));
  if (!endsInPost) return null;
  // "will partner Nathalie Dechy", "Cafod will host Mr Brown's speech": a verb after a modal.
  if (start - 1 >= floor && tokens[start].pos === 'VERB' && /^(?:will|would|can|could|shall|should|may|might|must)$/i.test(tokens[start - 1].text)) return null;
  // "fellow American Bershawn Jackson", "Elton John's partner David Furnish", "on to partner Gudjohnsen": alone before a
  // name, these say how two people stand to each other, not a post ("research fellow", "Icon Productions partner" are posts).
  const bodyBefore = start - 1 >= floor && (chunker.nameAt(start - 1)?.type === 'organisation' || (tokens[start - 1].pos === 'PROPN' && !chunker.nameAt(start - 1)));
  if (start === before - 1 && RELATION_NOT_POST.has(tokens[start].text.toLowerCase()) && !bodyBefore) return null;
  // "Sanders campaign manager Jeff Weaver": a campaign named for the person before it is where the post is held.
  const named = start - 1 >= floor ? chunker.nameAt(start - 1) : undefined;
  if (CAMPAIGN_WORDS.has(tokens[start].text.toLowerCase()) && start + 1 < before && /^\p{Lu}/u.test(tokens[start - 1]?.text ?? '') && tokens[start - 1].pos !== 'PRON' && named?.type !== 'organisation') {
    const first = named ? tokenAt(tokens, named.start) : start - 1;
    const organisation = doc.text.slice(tokens[first].start, tokens[start].end);
    return { role: doc.text.slice(tokens[start].start, tokens[before - 1].end), organisation, organisationId: '', start: tokens[first].start, end: tokens[before - 1].end, rule: 'role:premodifier+organisation' };
  }
  // "England boss", "Indonesian economy minister", "her coach": a post held in a place or for a person, named with it.
  const place = start - 1 >= from && (chunker.nameAt(start - 1)?.type === 'place' || PLACE_ADJECTIVES.has(tokens[start - 1].text));
  // "May's chairman": whoever the possessor is, the post is theirs, not the story's.
  const ownedByPerson = (start - 1 >= floor && /^(his|her|their)$/i.test(tokens[start - 1].text)) || (np.possessor && start === from && np.possessor.name?.type !== 'organisation' && !np.possessor.properHead);
  if (place || ownedByPerson) {
    const placeStart = place ? tokenAt(tokens, chunker.nameAt(start - 1)?.start ?? tokens[start - 1].start) : start;
    // "Pittsburgh center Maurkice Pouncey": a team's position written with its city is held in the team the city names.
    const team = place && chunker.nameAt(start - 1)?.type === 'place' && SPORTS_POSTS.has(tokens[before - 1].text.toLowerCase());
    if (team) return { role: doc.text.slice(tokens[start].start, tokens[before - 1].end), organisation: doc.text.slice(tokens[placeStart].start, tokens[start - 1].end), organisationId: '', start: tokens[placeStart].start, end: tokens[before - 1].end, rule: 'role:premodifier+team' };
    return { role: doc.text.slice(tokens[placeStart].start, tokens[before - 1].end), ...NOWHERE, start: tokens[placeStart].start, end: tokens[before - 1].end, rule: 'role:premodifier', heldIn: place ? 'place' : 'person' };
  }
  // Where it is held: an organisation named or a capitalised name just before the post, else the possessor; failing
  // a named one, a generic name of a body inside the post ("Care trust chair Richard Houlden") is that body, the one of
  // its kind the article names, and the post is what follows it.
  const written = organisationBefore(doc, tokens, start, Math.min(from, bound), np.possessor, titleCase);
  // "head of Hamas Ismail Haniyeh": failing a body before the post, the one it governs.
  const governed = !written.organisation && governedName?.type === 'organisation' ? (governedName as Mention) : undefined;
  const where = governed ? { organisation: entityName(doc, governed), organisationId: governed.entityId, first: undefined } : written;
  let heldIn: Found['heldIn'];
  for (let g = before - 2; g >= start && !where.organisationId; g--) {
    if (!GENERIC_HEAD_WORDS.has(tokens[g].text.toLowerCase())) continue;
    const first = start - 1 >= Math.max(from, floor) && start - 1 === floor && /^\p{Lu}/u.test(tokens[start - 1].text) ? start - 1 : start;
    const where = organisationIn(doc, tokens[first].start, tokens[g].end);
    // "company CEO Andy Vesey", "the firm's spokesman": a generic body opening the post, with no article of its own
    // before it, is the one the passage is about; "a customer service representative" names none.
    heldIn = g === start && !(np.determiner !== undefined && /^an?$/i.test(tokens[np.determiner].text)) && STORY_GENERIC_HEADS.has(tokens[g].text.toLowerCase()) ? undefined : where.heldIn;
    if (!where.organisation) break;
    return { role: doc.text.slice(tokens[g + 1].start, tokens[before - 1].end), ...where, start: tokens[first].start, end: tokens[before - 1].end, rule: 'role:premodifier+organisation' };
  }
  // "former Army officer": a modifier before the organisation's name keeps the name inside the post.
  let roleStart = start;
  if (where.first !== undefined && where.first > from && isPostModifier(tokens[where.first - 1]?.text ?? '')) roleStart = where.first - 1;
  // "Aviation analyst Sarah Brown": a word capitalised for opening the sentence, and no organisation, is part of the post.
  else if (where.first === undefined && start - 1 === floor && start - 1 >= from && !chunker.nameAt(floor) && /^(NOUN|PROPN|ADJ)$/.test(tokens[floor].pos)) roleStart = floor;
  const role = doc.text.slice(tokens[roleStart].start, tokens[before - 1].end).replace(/^['’]s\s+/, '');
  const spanStart = where.first !== undefined ? tokens[Math.min(where.first, roleStart)].start : tokens[roleStart].start;
  return { role, organisation: where.organisation, organisationId: where.organisationId, start: spanStart, end: tokens[before - 1].end, rule: where.organisation ? 'role:premodifier+organisation' : 'role:premodifier', ...(where.organisation ? {} : { heldIn }) };
}

/** Generic names of a body that, opening a post ("company CEO"), stand for the body the passage is about. */
const STORY_GENERIC_HEADS: ReadonlySet<string> = new Set(['company', 'corporation', 'club', 'agency', 'network', 'charity']);

/** Post words that, alone before a name, say how two people stand to each other. */
const RELATION_NOT_POST: ReadonlySet<string> = new Set(['fellow', 'partner']);

/** "candidates" of "candidate", "secretaries" of "secretary", "bosses" of "boss". */
function singularOf(word: string): string {
  if (/[^aeiou]ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x)es$/i.test(word)) return word.slice(0, -2);
  return /[^s]s$/i.test(word) ? word.slice(0, -1) : word;
}

/** Plural titles before names joined by "and": "Sens. Mark Kirk and Susan Collins". */
const PLURAL_TITLE_POSTS: ReadonlyMap<string, string> = new Map([['Sens', 'Senator'], ['Reps', 'Representative'], ['Govs', 'Governor']]);

/**
 * "Democratic presidential candidates Hillary Clinton and Bernie Sanders", "Reps. Chris Collins (R-N.Y.) and Duncan
 * Hunter (R-Calif.)", "analysts John Roe, Jane Doe and Tim Poe": a post written in the plural before names joined by
 * "and" or commas is each one's post, read as before the first name.
 */
function coordinatedRole(doc: Doc, m: Mention): Found | null {
  const tokens = TOKENS.get(doc) ?? [];
  const floor = tokenAt(tokens, doc.sentences[m.sentence].start);
  const isPerson = (x: Mention) => x.type === 'person';
  // "(R-N.Y.)" after a name: the bracket goes with the name.
  const skipBracketBack = (k: number) => {
    if (k < floor || tokens[k].text !== ')') return k;
    for (let j = k - 1; j >= floor && j >= k - 8; j--) if (tokens[j].text === '(') return j - 1;
    return k;
  };
  let first = tokenAt(tokens, m.start);
  let names = 1;
  for (;;) {
    let k = skipBracketBack(first - 1);
    if (k < floor || !/^(?:,|and)$/i.test(tokens[k].text)) break;
    if (/^and$/i.test(tokens[k].text) && tokens[k - 1]?.text === ',') k--;
    k = skipBracketBack(k - 1);
    const before = k >= floor ? mentionCovering(doc, tokens[k].start, (x) => isPerson(x) && x.end === tokens[k].end) : undefined;
    if (!before) break;
    first = tokenAt(tokens, before.start);
    names++;
  }
  if (names === 1) {
    // The first name of a coordination: "and" or a comma, then another name.
    const after = /^(?:\s*\([^()]{1,20}\))?(?:\s*,)?(?:\s+and)?\s+/.exec(doc.text.slice(m.end, m.end + 40));
    const next = after && /,|\band$/.test(after[0].trimEnd()) ? mentionCovering(doc, m.end + after[0].length, (x) => isPerson(x) && x.start === m.end + after[0].length) : undefined;
    if (!next) return null;
  }
  // "Sens." or "Reps." before the first name (a sentence may have been taken to end at its full stop).
  const title = tokens[first - 1]?.text === '.' ? first - 2 : first - 1;
  const titlePost = title >= 0 && doc.text.slice(tokens[title].end, tokens[first].start).trim().length <= 1 ? PLURAL_TITLE_POSTS.get(tokens[title].text.replace(/\.$/, '')) : undefined;
  if (titlePost) return { role: titlePost, ...NOWHERE, start: tokens[title].start, end: tokens[first - 1].end, rule: 'role:coordinated' };
  if (first - 1 < floor || !/^\p{Ll}/u.test(tokens[first - 1].text) || !/s$/.test(tokens[first - 1].text)) return null;
  const firstName = mentionCovering(doc, tokens[first].start, (x) => isPerson(x) && x.start === tokens[first].start);
  const found = firstName && premodifierRole(doc, firstName, true);
  if (!found || found.heldIn) return null;
  const words = found.role.split(/\s+/);
  words[words.length - 1] = singularOf(words[words.length - 1]);
  return { ...found, role: words.join(' '), rule: found.rule.replace('role:premodifier', 'role:coordinated') };
}

/**
 * The organisation named in tokens[from, at) right before a post, or in the phrase's possessor: a tagged
 * organisation ("Darlington BC"), an organisation the tagger read with a modifier ("Former Army"), or
 * capitalised words no name covers ("Jets", "Radio 1").
 */
function organisationBefore(doc: Doc, tokens: Token[], at: number, from: number, possessor: NounPhrase | undefined, titleCase: boolean): Where & { first?: number } {
  const chunker = chunkerOf(doc);
  // The name may run into the post ("CBS This Morning co-Anchor" read as one name): it ends where the post starts.
  const inName = chunker.nameAt(at);
  const k = inName?.type === 'organisation' && inName.start < tokens[at].start ? at : at - 1;
  if (k >= from) {
    const name = chunker.nameAt(k);
    // "Sabres captain Jack Eichel": a team named in the plural that the tagger read as a person, whom the article
    // names by that one word only.
    if (name?.type === 'person' && /^\p{Lu}\p{Ll}+s$/u.test(doc.text.slice(name.start, name.end)) && entityName(doc, name as Mention) === doc.text.slice(name.start, name.end)) {
      return { organisation: doc.text.slice(name.start, name.end), organisationId: '', first: k };
    }
    if (name?.type === 'organisation') {
      const m = name as Mention;
      const first = tokenAt(tokens, m.start);
      const runsIntoPost = m.end > tokens[at].start;
      const text = runsIntoPost ? doc.text.slice(m.start, tokens[at].start).trim() : m.text;
      const lead = /^(?:Former|Ex|Then|Late)\s+/.exec(text);
      if (lead) return { organisation: text.slice(lead[0].length), organisationId: '', first: first + 1 };
      if (runsIntoPost) return { organisation: text, organisationId: '', first };
      return { organisation: entityName(doc, m), organisationId: m.entityId, first };
    }
    // "Jets quarterback", "Radio 1 DJ", and a party written as an adjective ("Democratic nominee").
    const party = tokens[k].pos === 'ADJ' && /^\p{Lu}\p{Ll}/u.test(tokens[k].text) && !PLACE_ADJECTIVES.has(tokens[k].text) ? organisationOfAdjective(doc, tokens[k].text) : undefined;
    if (party && !name) return { ...party, first: k };
    // "On Monday school inspection chief X": a day is no body.
    if (!titleCase && ((!name && tokens[k].pos === 'PROPN' && !WEEKDAY.test(tokens[k].text)) || (tokens[k].pos === 'NUM' && tokens[k - 1]?.pos === 'PROPN'))) {
      let s = k;
      while (s - 1 >= from && !chunker.nameAt(s - 1) && (tokens[s - 1].pos === 'PROPN' || tokens[s - 1].pos === 'NUM') && /^[\p{Lu}\d]/u.test(tokens[s - 1].text) && !isPostModifier(tokens[s - 1].text)) s--;
      while (s <= k && isPostModifier(tokens[s].text)) s++;
      // "Aviation analyst Sarah Brown": a word capitalised only because it opens the sentence is no name.
      let opening = tokenAt(tokens, doc.sentences[sentenceAt(doc, tokens[s].start)].start);
      while (opening < s && tokens[opening].type !== 'word') opening++;
      const opensSentence = s === opening;
      // "Council adult social care cabinet member Tony Reid": a generic name of a body is the one of its kind named.
      const generic = s === k && GENERIC_HEAD_WORDS.has(tokens[k].text.toLowerCase()) ? organisationIn(doc, tokens[k].start, tokens[k].end) : NOWHERE;
      if (generic.organisationId) return { ...generic, first: s };
      if (s <= k && /^\p{Lu}/u.test(tokens[s].text) && (!opensSentence || capitalisedElsewhere(doc, tokens[s].text))) {
        const text = doc.text.slice(tokens[s].start, tokens[k].end);
        const entity = organisationNamed(doc, text);
        return entity ? { organisation: entity.name, organisationId: entity.id, first: s } : { organisation: text, organisationId: '', first: s };
      }
    }
  }
  if (possessor) {
    if (possessor.name?.type === 'organisation') return { organisation: entityName(doc, possessor.name as Mention), organisationId: (possessor.name as Mention).entityId };
    // "Columbia's president" where the article names Columbia University: a place's name that begins one body's name is that body.
    const body = possessor.name?.type === 'place' ? organisationBeginningWith(doc, doc.text.slice(possessor.name.start, possessor.name.end)) : undefined;
    if (body) return { organisation: body.name, organisationId: body.id };
    if (possessor.properHead) {
      const text = doc.text.slice(tokens[possessor.headFirst].start, tokens[possessor.head].end);
      const entity = organisationNamed(doc, text);
      return entity ? { organisation: entity.name, organisationId: entity.id } : { organisation: text, organisationId: '' };
    }
    const generic = organisationIn(doc, possessor.start, possessor.end);
    if (generic.organisationId) return generic;
  }
  return NOWHERE;
}

/** Whether a word is written capitalised somewhere in the article other than at the start of a sentence. */
function capitalisedElsewhere(doc: Doc, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[\\p{Ll}\\d,;]\\s+${escaped}\\b`, 'u').test(doc.text);
}

/**
 * The organisation an adjective stands for: one the article names by a form of the same word, alone or
 * with "Party" ("Democratic" for "Democrats" or "the Democratic Party"; not "Federal" for "Federal
 * Reserve", nor "Green" for "Greenpeace").
 */
function organisationOfAdjective(doc: Doc, adjective: string): Where | undefined {
  const named = doc.entities.filter((e) => e.type === 'organisation' && [e.name, ...e.aliases].some((n) => namesPartyOf(n, adjective)));
  const entity = named.length === 1 ? named[0] : named.find((e) => e.name.split(/\s+/).length === 1);
  if (entity) return { organisation: entity.name, organisationId: entity.id };
  // A party the article does not name otherwise ("Democratic strategist", "Labour MP") is named as written.
  return PARTY_ADJECTIVES.has(adjective) ? { organisation: adjective, organisationId: '' } : undefined;
}

/** Words that name a party of the organisations lexicon as an adjective: "Democratic", "Republican", "Labour", "Tory". */
const PARTY_ADJECTIVES: ReadonlySet<string> = new Set(
  [...ORGANISATION_NAMES].flatMap(([name, aliases]) => (ORGANISATION_KINDS.get(name) === 'Party' ? [name, ...aliases] : [])).flatMap((n) => {
    const words = n.split(/\s+/);
    // "Democratic Party" gives "Democratic"; a one-word name or alias gives itself and its adjective ("Republicans": "Republican").
    if (words.length === 2 && words[1] === 'Party') return [words[0]];
    if (words.length !== 1 || !/^\p{Lu}\p{Ll}/u.test(n)) return [];
    return /(?:an|at|ive|en)s$/.test(n) ? [n, n.slice(0, -1)] : [n];
  }),
);

/** Whether an organisation's mention names a party ("Republican", "the Labour Party"). */
function isPartyMention(doc: Doc, org: Mention): boolean {
  return PARTY_ADJECTIVES.has(doc.text.slice(org.start, org.end)) || ORGANISATION_KINDS.get(entityName(doc, org)) === 'Party';
}

/** "Democrats", "Democratic Party" for "Democratic": the words differ at most in their last three letters. */
function namesPartyOf(name: string, adjective: string): boolean {
  const [word, ...rest] = name.split(/\s+/);
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'Party')) return false;
  let shared = 0;
  while (shared < word.length && shared < adjective.length && word[shared] === adjective[shared]) shared++;
  return shared >= 5 && shared >= Math.max(word.length, adjective.length) - 3;
}

/** The one organisation of the article whose name begins with these words ("Columbia University" for "Columbia"). */
function organisationBeginningWith(doc: Doc, words: string): Entity | undefined {
  const bodies = doc.entities.filter((e) => e.type === 'organisation' && e.name.startsWith(words + ' '));
  return bodies.length === 1 ? bodies[0] : undefined;
}

/** An organisation of the article with this name or alias. */
function organisationNamed(doc: Doc, text: string): Entity | undefined {
  return doc.entities.find((e) => e.type === 'organisation' && (e.name === text || e.aliases.includes(text)));
}

/**
 * The organisation the passage at `offset` is about, for a post that belongs to a body but names none:
 * the one named in the same sentence before it, else in the paragraph, else the article's most named,
 * by a score over those.
 */
function storyOrganisation(doc: Doc, offset: number, post: string, namedOnly: boolean): Where {
  const here = sentenceAt(doc, offset);
  const paragraph = doc.sentences[here].paragraph;
  const score = new Map<string, number>();
  // The most named organisation (the first of those named most often), and how often the next one is named.
  let top: Entity | undefined;
  let most = 0;
  let runnerUp = 0;
  for (const e of doc.entities) {
    if (e.type !== 'organisation') continue;
    if (!top || e.mentions > most) {
      if (top) runnerUp = most;
      top = e;
      most = e.mentions;
    } else if (e.mentions > runnerUp) runnerUp = e.mentions;
  }
  for (const m of doc.mentions) {
    if (m.type !== 'organisation' || m.start >= offset) continue;
    const s = doc.sentences[m.sentence];
    const local =
      m.sentence === here ? STORY.sameSentence : m.sentence === here - 1 ? STORY.sentenceBefore : s.paragraph === paragraph ? STORY.sameParagraph : m.sentence >= here - 3 ? STORY.nearby : 0;
    score.set(m.entityId, Math.max(score.get(m.entityId) ?? 0, local));
  }
  // "Transport Commissioner" sits in the European Commission, "council leader" in the council.
  const root = post.toLowerCase().slice(0, 6);
  let best: Entity | undefined;
  let bestScore = 0;
  for (const e of doc.entities) {
    if (e.type !== 'organisation' || !score.has(e.id)) continue;
    const named = root.length === 6 && e.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(root)) ? STORY.namedForPost : 0;
    if (namedOnly && !named) continue;
    const total = score.get(e.id)! + named + (most ? (STORY.mostNamed * e.mentions) / most : 0);
    if (total > bestScore) (best = e), (bestScore = total);
  }
  if (best && bestScore >= STORY.atLeast) return { organisation: best.name, organisationId: best.id };
  // "said CEO Craig Menear in the company's news release": named nowhere near, the body the whole story is about,
  // named far more than any other.
  if (namedOnly) return NOWHERE;
  return top && most >= STORY.dominantAtLeast && most >= STORY.dominantOver * runnerUp ? { organisation: top.name, organisationId: top.id } : NOWHERE;
}

/** How much each place an organisation is named counts towards its being what a passage is about. */
const STORY = { sameSentence: 3, sentenceBefore: 2.5, sameParagraph: 2, nearby: 1, mostNamed: 1, namedForPost: 3, atLeast: 2.5, dominantAtLeast: 4, dominantOver: 2 };

/**
 * A title that names a post: "Chancellor", "Health Secretary", "Director-General",
 * "Chief Secretary to the Treasury"; not a rank or a courtesy ("General", "Mr").
 */
function isPostTitle(title: string): boolean {
  if (POST_TITLES.has(title)) return true;
  const head = title.split(/\s+(?:of|to)\s+/)[0].split(/\s+/);
  return (title.includes(' ') || title.includes('-')) && isPostWord(head[head.length - 1]);
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
const POST_MODIFIERS = new Set(['Shadow', 'Acting', 'Interim', 'Junior', 'Senior', 'Veteran', 'Retired', 'Longtime', 'Legendary']);

/** The organisation mention that ends right before `at`, possessive and space between: "the BBC's Director-General". */
function organisationEndingBefore(doc: Doc, at: number): Mention | undefined {
  const gap = /(?:['’]s?)?\s+$/.exec(doc.text.slice(Math.max(0, at - 4), at));
  if (!gap) return undefined;
  const end = at - gap[0].length;
  return mentionCovering(doc, end - 1, (x) => x.type === 'organisation' && x.end === end);
}

/** "the BBC's Director-General Greg Dyke", "Shadow Education Secretary Tim Collins": the post the mention's title names, and an organisation named right before. */
function postTitleRole(doc: Doc, m: Mention): Found | null {
  const abbreviated = m.title ? titlePost(m.title) : undefined;
  const post = abbreviated ?? (m.title && postOfTitle(m.title));
  if (!post) return null;
  const sentence = doc.sentences[m.sentence];
  const words = new WordsBack(doc.text, sentence.start, m.start);
  let start = m.start;
  for (let w = words.at(0), i = 0; !abbreviated && w && /^\p{Lu}/u.test(w.text) && (isPostWord(w.text) || POST_MODIFIERS.has(w.text)) && !mentionCovering(doc, w.start, () => true); w = words.at(++i)) {
    if (w.start + w.text.length + 1 !== start) break; // one space between the words of a post
    start = w.start;
  }
  const org = organisationEndingBefore(doc, start);
  // "Republican Governor John Roe": a party written as an adjective before the post.
  const adjective = org ? null : /(?:^|\s)(\p{Lu}\p{Ll}+)\s+$/u.exec(doc.text.slice(Math.max(sentence.start, start - 40), start));
  const party = adjective && PARTY_ADJECTIVES.has(adjective[1]) ? organisationOfAdjective(doc, adjective[1]) : undefined;
  const where = org ? { organisation: entityName(doc, org), organisationId: org.entityId } : party ?? NOWHERE;
  const from = org?.start ?? (party ? start - adjective![0].trimStart().length : start);
  // An abbreviated title ("Sen.", "Governor") takes a party before it, named or read as an adjective, or a body of
  // the kind the post sits in ("Circuit Court Judge"), not another body ("the BBC's").
  const sitsIn = org && abbreviated ? (BODIES_OF_POSTS.get(abbreviated.toLowerCase()) ?? []).some((body) => body.test(entityName(doc, org))) : false;
  const partyBefore = org ? (isPartyMention(doc, org) || sitsIn ? where : undefined) : party;
  if (abbreviated) return { role: abbreviated, ...(partyBefore ?? NOWHERE), start: partyBefore ? from : m.start, end: m.start + m.title!.length, rule: partyBefore ? 'role:title+organisation' : 'role:title' };
  return { role: doc.text.slice(start, m.start) + post, ...where, start: from, end: m.start + post.length, rule: where.organisation ? 'role:title+organisation' : 'role:title' };
}

/** "Sen." of "Sen. Ted Cruz", "Gov" of "Gov Jon Husted", "Gov." of "Gov. Earl" (a title read on into a rank): the post a title names, written out. */
function titlePost(title: string): string | undefined {
  const words = title.split(/\s+/);
  return words.length === 1 || words[0].endsWith('.') ? TITLE_POSTS.get(words[0].replace(/\.$/, '')) : undefined;
}

/**
 * A post opening a mention whose title is not known ("Chancellor Gordon Brown", "Assemblywoman Claudia
 * Tenney" read whole as a name), or "MP" after the name.
 */
function leadingPostRole(m: Mention): Found | null {
  const title = m.title === undefined ? POST_TITLES_AT_START.exec(m.text)?.[1] ?? leadingPostWords(m.text) : undefined;
  if (title) return { role: title, ...NOWHERE, start: m.start, end: m.start + title.length, rule: 'role:title' };
  if (/\sMP$/.test(m.text)) return { role: 'MP', ...NOWHERE, start: m.end - 2, end: m.end, rule: 'role:post-nominal' };
  return null;
}

/** Capitalised post words opening a name of two words more: "Assemblywoman" of "Assemblywoman Claudia Tenney". */
function leadingPostWords(text: string): string | undefined {
  const words = text.split(/\s+/);
  let n = 0;
  while (n < words.length && /^\p{Lu}\p{Ll}/u.test(words[n]) && (isPostWord(words[n]) || POST_MODIFIERS.has(words[n]))) n++;
  return n > 0 && words.length - n >= 2 && isPostWord(words[n - 1]) ? words.slice(0, n).join(' ') : undefined;
}

/** The organisation named by "of" or "at" right after a person's name: "Mike Powell of Dresdner". */
function bodyAfterName(doc: Doc, m: Mention): Mention | undefined {
  const link = /^,?\s+(?:of|at)\s+(?:the\s+)?/.exec(doc.text.slice(m.end, m.end + 12));
  if (!link) return undefined;
  const at = m.end + link[0].length;
  return firstStartingIn(doc, at, at, (x) => x.start === at && x.type === 'organisation');
}

/** Whether a post found with no organisation may be held in the one the passage is about. */
function mayBeHeldInStory(found: Found): boolean {
  if (found.heldIn) return false;
  // "chairman, CEO and president": posts joined by commas and "and", one of which is held in a body.
  const head = found.role
    .split(/\s+(?:of|for|to|at)\s+/)[0]
    .split(/,\s*|\s+and\s+/)
    .map(headOfPost)
    .find((h) => ORGANISATION_POSTS.has(h));
  if (!head) return false;
  // "head of music at London rock station Xfm": the post says where; "director Martin Scorsese": a post of its own.
  // "managing director of media consultancy Decipher", "at analysts Gartner": a body named after words saying what it is.
  if (/\b(?:at|of|for|with)\s+(?:the\s+)?(?:(?!(?:in|of|at|for|to|on|with)\s)\p{Ll}+\s+){0,3}(?:\p{Lu}|\p{Ll}+[\p{Lu}\d])/u.test(found.role)) return false;
  return !AMBIGUOUS_ORGANISATION_POSTS.has(head) || /\s/.test(found.role.replace(/^(?:the|a|an)\s+/i, ''));
}

/** The word a post is named by: "executive" of "chief executive", "controller" of "controller of entertainment commissioning". */
function headOfPost(role: string): string {
  const head = headWordOf(role);
  return /^[A-Z]+$/.test(head) ? head : head.toLowerCase();
}

/** The last word before the post's complement, as written: "Executive" of "Chief Executive of Acme". */
const headWordOf = (role: string): string => role.split(/\s+(?:of|for|to|at)\s+/)[0].split(/\s+/).pop()!;

/** The bodies a post sits in, by name, the likelier first: a senator in the Senate, else in Congress. */
const BODIES_OF_POSTS: ReadonlyMap<string, readonly RegExp[]> = (() => {
  const senate = [/^(?:U\.?S\.? |United States )?Senate$/, /^(?:U\.?S\.? |United States )?Congress$/];
  const house = [/^(?:U\.?S\.? )?House(?: of Representatives)?$/, /^(?:U\.?S\.? |United States )?Congress$/];
  const court = [/\bCourt\b/];
  return new Map([['senator', senate], ['representative', house], ['congressman', house], ['congresswoman', house], ['judge', court], ['justice', court]]);
})();

/** Sentences either side of a post over which the body it sits in is looked for. */
const BODY_SENTENCES = 3;

/**
 * The one organisation named near a post (within BODY_SENTENCES) that a post of this head sits in ("Senate" for
 * "senator"), if any: "Texas Judge X" is not a judge of the European court the article names further on.
 */
function bodyOfPost(doc: Doc, head: string, sentence: number): Where | undefined {
  const patterns = BODIES_OF_POSTS.get(head.toLowerCase());
  if (!patterns) return undefined;
  // The organisations named in the sentences around, read from the mentions there only.
  const lookup = lookupOf(doc);
  const near = new Map<string, Entity>();
  const [from, to] = lookup.startingIn(doc.sentences[Math.max(0, sentence - BODY_SENTENCES)].start, doc.sentences[Math.min(doc.sentences.length - 1, sentence + BODY_SENTENCES)].end);
  for (let i = from; i < to; i++) {
    const m = lookup.mentions[i];
    const e = m.type === 'organisation' ? lookup.entity(m.entityId) : undefined;
    if (e) near.set(e.id, e);
  }
  for (const pattern of patterns) {
    const bodies = [...near.values()].filter((e) => pattern.test(e.name));
    if (bodies.length === 1) return { organisation: bodies[0].name, organisationId: bodies[0].id };
    if (bodies.length > 1) return undefined;
  }
  return undefined;
}

const ROLE_FINDERS: Array<(doc: Doc, m: Mention) => Found | null> = [appositionRole, postTitleRole, (doc, m) => premodifierRole(doc, m), coordinatedRole, runsOrganisationRole, (_doc, m) => leadingPostRole(m)];

/** The offices of POST_TITLES in lower case: "prime minister", "chancellor". */
const OFFICES: ReadonlySet<string> = new Set([...POST_TITLES].map((t) => t.toLowerCase()));

/** Words that may open a clause before its subject: "While the senator ...", "But the chief executive ...". */
const CLAUSE_OPENERS = /^(?:but|and|yet|so|while|although|though|when|since|after|as|because)$/i;

/**
 * "Jane Roe led the talks. The former trade secretary has long argued ...": a definite description headed by a post,
 * the subject of a clause opening its sentence, stands for a person named in the two sentences before when that person
 * is the only one named there outside quotations whom the post fits (by gender where the post has one), and the
 * sentence names no one else. Whether the post is said of one person only is checked with the speakers'
 * descriptions (postsOfDescribedSpeakers).
 */
function describedSubjects(doc: Doc): DescribedSpeaker[] {
  const tokens = TOKENS.get(doc) ?? [];
  const chunker = chunkerOf(doc);
  const lookup = lookupOf(doc);
  const model = SPEAKER_MODELS.get(doc);
  const found: DescribedSpeaker[] = [];
  const quoted = doc.quotes.filter((q) => q.kind === 'direct');
  const isQuoted = (m: Mention) => quoted.some((q) => q.start <= m.start && m.end <= q.end);
  for (let i = 1; i < doc.sentences.length; i++) {
    const sentence = doc.sentences[i];
    const floor = tokenAt(tokens, sentence.start);
    const ceiling = tokenAt(tokens, sentence.end);
    let k = floor;
    while (k < ceiling && tokens[k].type === 'punctuation') k++;
    if (k < ceiling && CLAUSE_OPENERS.test(tokens[k].text)) k++;
    if (k >= ceiling || !/^the$/i.test(tokens[k].text)) continue;
    const np = chunker.phraseStartingAt(k, ceiling);
    if (!np || np.name || np.pronoun || np.properHead || np.possessor || np.determiner !== k || !isPostWord(tokens[np.head].text)) continue;
    // "The prime minister", "the chancellor", "the spokesman": an office or a bare post is said of its holder wherever
    // the passage is, not of whoever was named last; "the former trade secretary", "the 27-year-old winger" describe.
    const post = doc.text.slice(tokens[np.modFirst].start, tokens[np.head].end).toLowerCase();
    if ((np.modFirst === np.headFirst && np.complements.length === 0) || OFFICES.has(post)) continue;
    // The subject of its clause: a verb follows.
    const next = tokens[np.last + 1];
    if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) continue;
    const head = tokens[np.head].text.toLowerCase();
    const gender = GENDERED_PERSON_WORDS.get(head);
    const from = doc.sentences[i - 2 >= 0 && doc.sentences[i - 2].paragraph >= sentence.paragraph - 1 ? i - 2 : i - 1];
    const [first, last] = lookup.startingIn(from.start, sentence.start);
    const candidates = new Set<string>();
    for (let j = first; j < last; j++) {
      const m = lookup.mentions[j];
      // People named inside a quotation are not whom the article goes on to describe.
      const e = m.type === 'person' && !isQuoted(m) ? lookup.entity(m.entityId) : undefined;
      if (e && (!gender || !model || model.genderOf(e) !== (gender === 'male' ? 'female' : 'male'))) candidates.add(e.id);
    }
    // "The businessman praised Putin", "While the senator won ..., Sanders lost": a sentence that names a person
    // leaves open which one the description is.
    if (candidates.size !== 1 || firstStartingIn(doc, sentence.start, sentence.end, (x) => x.type === 'person' && !isQuoted(x))) continue;
    found.push({ entityId: [...candidates][0], np });
  }
  return found;
}

/**
 * "In his New Year message the Liberal Democrat leader said": a description headed by a post that the speaker
 * model resolved to a person (speakers.ts) gives that person the post, where no other gave one; the body is read
 * from the words before the post as before a name.
 */
export function postsOfDescribedSpeakers(doc: Doc, enabled: (found: { rule: string }) => boolean = () => true): Relation[] {
  const relations: Relation[] = [];
  if (!enabled({ rule: 'role:description' })) return relations;
  const tokens = TOKENS.get(doc) ?? [];
  const lookup = lookupOf(doc);
  const described = [...(DESCRIBED_SPEAKERS.get(doc) ?? []), ...describedSubjects(doc)].filter(({ np }) => isPostWord(tokens[np.head].text));
  // A post the article gives someone else, or a description taken for two people ("the prime minister" for Blair,
  // then for Brown), says nothing sure of who holds it.
  const headOf = (np: NounPhrase) => tokens[np.head].text.toLowerCase();
  const holders = new Map<string, Set<string>>();
  for (const { entityId, np } of described) holders.set(headOf(np), (holders.get(headOf(np)) ?? new Set()).add(entityId));
  const heldElsewhere = (head: string, id: string) => doc.entities.some((e) => e.type === 'person' && e.id !== id && e.role?.toLowerCase().split(/[\s-]+/).includes(head));
  for (const { entityId, np } of described) {
    const person = lookup.entity(entityId);
    if (!person || person.type !== 'person' || person.role || holders.get(headOf(np))!.size > 1 || heldElsewhere(headOf(np), entityId)) continue;
    const start = tokens[np.modFirst].start, end = tokens[np.head].end;
    const where = organisationBeforePostIn(doc, start, end);
    person.role = doc.text.slice(start, end);
    person.organisation = where.organisation;
    person.organisationId = where.organisationId;
    relations.push({ subject: person.name, predicate: 'holds_post', object: where.organisation ? `${person.role} @ ${where.organisation}` : person.role, evidence: doc.text.slice(np.start, np.end), start: np.start, end: np.end, rule: 'role:description' });
  }
  return relations;
}

/** Sets role and organisation on people and returns the relations found. */
export function extractRoles(doc: Doc, enabled: (found: { rule: string }) => boolean = () => true): Relation[] {
  const relations: Relation[] = [];
  const lookup = lookupOf(doc);
  for (const m of doc.mentions) {
    if (m.type !== 'person') continue;
    const person = lookup.entity(m.entityId)!;
    if (person.role && person.organisation) continue;
    // The first enabled finding that says where the post is held, else the first enabled one ("Republican presidential
    // candidate Ben Carson, the only candidate in the race"); the later finders run only if needed.
    let found: Found | null = null;
    for (const find of ROLE_FINDERS) {
      const f = find(doc, m);
      if (!f || !enabled(f)) continue;
      if (f.organisation) {
        found = f;
        break;
      }
      found ??= f;
    }
    // "analyst Mike Powell of Dresdner", "analyst Alex Potter at Lehman": a body named right after the name.
    const after = found && !found.organisation && !found.heldIn && found.end <= m.start ? bodyAfterName(doc, m) : undefined;
    if (found && after && enabled({ rule: `${found.rule}+after` })) found = { ...found, organisation: entityName(doc, after), organisationId: after.entityId, end: after.end, rule: `${found.rule}+after` };
    // A post held in a body that names none ("said chief executive John Smith") is held at the one the passage is about.
    if (found && !found.organisation && mayBeHeldInStory(found)) {
      const head = headOfPost(found.role);
      // A post written in capitals ("Transport Commissioner", "Health Secretary") is a public office: held only in a body named for it.
      const words = found.role.split(/\s+(?:of|for|to)\s+/)[0].split(/\s+/);
      const opensSentence = words.length === 1 && doc.sentences[sentenceAt(doc, found.start)].start === found.start;
      const story = storyOrganisation(doc, m.start, head, !opensSentence && /^\p{Lu}\p{Ll}/u.test(words[words.length - 1]));
      if (story.organisation && enabled({ rule: `${found.rule}+story` })) found = { ...found, ...story, rule: `${found.rule}+story` };
    }
    // "Sen. Ted Cruz" near a mention of the Senate, "Judge Jane Roe" near one court: the body the post sits in.
    const body = found && !found.organisation && !found.heldIn ? bodyOfPost(doc, headOfPost(found.role), m.sentence) : undefined;
    if (found && body && enabled({ rule: `${found.rule}+body` })) found = { ...found, ...body, rule: `${found.rule}+body` };
    if (!found || (person.role && !found.organisation)) continue;
    person.role = found.role;
    person.organisation = found.organisation;
    person.organisationId = found.organisationId;
    const s = Math.min(m.start, found.start), e = Math.max(m.end, found.end);
    relations.push({ subject: person.name, predicate: 'holds_post', object: found.organisation ? `${found.role} @ ${found.organisation}` : found.role, evidence: doc.text.slice(s, e), start: s, end: e, rule: found.rule });
  }
  return relations;
}
