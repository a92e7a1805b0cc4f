// A lone word that names a body ("MarketAxess", "Vanderbilt", "the Gophers") is often read by
// nothing where it stands: it opens a sentence, or the tagger is unsure of it there. How the
// article uses the same word elsewhere says what it is: a body's post after it ("Browns
// quarterback", "Vanderbilt athletic director", "the Commodores coach"), a team's record in
// brackets after it ("the Gophers (9-1, 6-1)"), a company's legal form or stock ticker after it
// ("MarketAxess Inc", "Lowe's (LOW) stock"), or a rule that found it as a body by stronger
// evidence than the tagger's ("an analyst at MarketAxess"). Such a word is then a body wherever
// the article writes it by itself.

import type { Token } from './tokens.ts';
import { LEGAL_FORMS } from './lexicons/organisations.ts';

/**
 * Posts held in a body, written after its name: a company's, a team's, an office's. Not posts a
 * person holds for a place or a party ("Ohio senator", "Labour MP"), nor one anyone may hold
 * ("Hollywood actor").
 */
const BODY_POSTS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'chief', 'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman',
  'founder', 'co-founder', 'cofounder', 'executive', 'executives', 'director', 'coach', 'coaches', 'quarterback', 'manager',
  'owner', 'owners', 'analyst', 'analysts', 'economist', 'employee', 'employees', 'shareholders', 'shares', 'stock',
  'boss', 'linebacker', 'receiver', 'pitcher', 'goalkeeper', 'striker', 'midfielder', 'defenseman', 'defenceman',
  'player', 'players', 'rusher', 'lineman', 'cornerback', 'shortstop', 'qb', 'wr', 'rb', 'te', 'lb', 'cb', 'dl', 'ol', 'db',
]);
/** Words that may stand between a body's name and its post: "athletic director", "head coach", "chief executive". */
const POST_QUALIFIERS = new Set(['athletic', 'head', 'general', 'senior', 'chief', 'executive', 'defensive', 'offensive', 'assistant', 'interim', 'former', 'star', 'backup', 'rookie', 'starting', 'pass', 'wide']);
/** A company's legal form, written after its name, with or without a full stop ("Inc."), or "Holdings". */
const isLegalForm = (w: string) => {
  const bare = w.endsWith('.') ? w.slice(0, -1) : w;
  return LEGAL_FORMS.has(bare) || bare === 'Holdings';
};
/**
 * A company's stock ticker in brackets: with its exchange or the word ("(ticker: HD)", "(NYSE: ULTA)"), or before
 * "stock" or "shares" ("(LOW) stock"); not letters in brackets alone, which are mostly a name's short form
 * ("British Bankers' Association (BBA)") or a team's ("J Smit (Sharks)").
 */
export const TICKER = /^\((?:(?:ticker|NYSE|Nasdaq|NASDAQ|LSE|TSX|symbol)\s*:\s*\p{Lu}{1,5}(?:\.\p{Lu})?\)|\p{Lu}{1,5}(?:\.\p{Lu})?\)\s+(?:stock|shares)\b)/u;
/** A team's record in brackets: "(9-1", "(6-5, 3-4)". */
const RECORD = /^\(\s*\d{1,2}-\d{1,2}(?:-\d{1,2})?\s*[,)]/;

/** What the evidence is read against: the tokens, which tokens open a sentence, and what is known of each word. */
export interface EvidenceContext {
  text: string;
  tokens: Token[];
  /** Token ranges of the sentences of running prose (headings and lines in Title Case left out). */
  proseSentences: Array<[number, number]>;
  /**
   * Whether a word can name something else than a body: a place, a nationality, a person of the article, a word of no
   * name; `ownEvidence`: the word has a body's own mark (a ticker, a legal form, a record), which no given name has.
   */
  namesOther: (word: string, ownEvidence: boolean) => boolean;
  isCommonWord: (word: string) => boolean;
  /** Whether a company's stock ticker in brackets starts at this offset ("(LOW)"). */
  isTickerAt: (at: number) => boolean;
  /**
   * The tokens the statistical tagger reads as a name of one word, of any type; undefined where the tagger is off.
   * A word is evidence only where the tagger reads it so (not "Aviation analysts", "Station manager"), or, without
   * the tagger, inside a sentence.
   */
  readAlone?: ReadonlySet<number>;
}

/** The first word of a sentence, after punctuation, symbols ("~", "•") and spaces. */
function firstWordOf(tokens: Token[], from: number, to: number): number {
  let k = from;
  while (k < to && tokens[k].type !== 'word') k++;
  return k;
}

const isWordOfName = (t: Token) => t.type === 'word' && /^\p{Lu}[\p{L}\p{N}&'’.-]*$/u.test(t.text) && /\p{Ll}/u.test(t.text);

/** Any capitalised word, acronyms too ("US Embassy"). */
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
/** Words that join the words of one name: "Top of the Pops", "Culture and Sport", "Touching the Void". */
const JOINING = new Set(['of', 'the', 'and', '&', 'for', 'on', 'with', 'de', 'du', 'la', 'le']);

/**
 * Whether tokens[k] is a name by itself, not a word of a longer one: no capitalised word right before or after it,
 * nor a joining word with a capitalised word before that ("Top of the Pops", "Touching the Void"); "the" before it
 * is no part of a name ("against the Wildcats").
 */
function standsAlone(tokens: Token[], from: number, to: number, k: number): boolean {
  const t = tokens[k];
  if (k + 1 < to && isCapitalised(tokens[k + 1]) && tokens[k + 1].start === t.end + 1 && !isLegalForm(tokens[k + 1].text)) return false;
  let b = k - 1;
  while (b >= from && tokens[b].end + 1 === tokens[b + 1].start && JOINING.has(tokens[b].text)) b--;
  if (b < from || tokens[b].end + 1 !== tokens[b + 1].start) return true;
  if (!isCapitalised(tokens[b])) return true;
  // "The Gophers": a sentence's "The", with nothing joined before it.
  return b === k - 1 && tokens[b].text === 'The' && b === firstWordOf(tokens, from, to);
}

/** The next token after tokens[k] that is not a space. */
function nextWord(tokens: Token[], k: number, to: number): number {
  let n = k + 1;
  while (n < to && !tokens[n].text.trim()) n++;
  return n;
}

/** The lone words (one capitalised word, no capitalised word beside it) the article's own words show to be bodies. */
export function bodiesByEvidence(ctx: EvidenceContext, foundAsBody: ReadonlySet<string>): Set<string> {
  const { text, tokens, proseSentences } = ctx;
  const bodies = new Set<string>();
  /** Of bodies, the words with a body's own mark. */
  const marked = new Set<string>();
  for (const [from, to] of proseSentences) {
    const firstK = firstWordOf(tokens, from, to);
    for (let k = from; k < to; k++) {
      if (ctx.readAlone && !ctx.readAlone.has(k)) continue;
      const t = tokens[k];
      if (!isWordOfName(t) || !standsAlone(tokens, from, to, k)) continue;
      // Without the tagger a sentence's first word is no evidence; with it, only when it is no common word ("Company spokesman John Roe").
      if (firstK === k && (!ctx.readAlone || t.pos !== 'PROPN' || ctx.isCommonWord(t.text))) continue;
      let n = nextWord(tokens, k, to);
      // "MarketAxess Inc": a company's legal form after the word.
      if (n < to && isLegalForm(tokens[n].text) && tokens[n].start === t.end + 1) {
        marked.add(t.text);
        continue;
      }
      // "the Gophers (9-1, 6-1)": a team's record, after a plural (a pitcher's record follows his name: "Pettitte (19-7)").
      if (/s$/.test(t.text) && RECORD.test(text.slice(t.end, t.end + 12).trimStart())) {
        marked.add(t.text);
        continue;
      }
      // "the Browns' coach", "Browns quarterback Baker Mayfield", "Vanderbilt athletic director".
      if (n < to && /^['’]s?$/.test(tokens[n].text)) n = nextWord(tokens, n, to);
      // "peer Lowe's (LOW) stock": a company's ticker.
      if (n < to && ctx.isTickerAt(tokens[n].start)) {
        marked.add(t.text);
        continue;
      }
      let qualifiers = 0;
      while (n < to && POST_QUALIFIERS.has(tokens[n].text.toLowerCase()) && qualifiers < 2 && !BODY_POSTS.has(tokens[n].text.toLowerCase())) {
        n = nextWord(tokens, n, to);
        qualifiers++;
      }
      if (n < to && tokens[n].type === 'word' && BODY_POSTS.has(tokens[n].text.toLowerCase()) && t.pos !== 'ADJ') bodies.add(t.text);
    }
  }
  for (const name of foundAsBody) if (!name.includes(' ')) bodies.add(name);
  for (const word of marked) bodies.add(word);
  for (const word of bodies) if (ctx.namesOther(word, marked.has(word))) bodies.delete(word);
  return bodies;
}

/**
 * Where the article writes one of `bodies` by itself ("The Gophers", "MarketAxess said"), not inside a longer
 * name: the token ranges of each such word in running prose.
 */
export function loneMentionsOf(ctx: EvidenceContext, bodies: ReadonlySet<string>): Array<[number, number]> {
  const { tokens, proseSentences } = ctx;
  const found: Array<[number, number]> = [];
  if (!bodies.size) return found;
  for (const [from, to] of proseSentences) {
    for (let k = from; k < to; k++) {
      if (bodies.has(tokens[k].text) && standsAlone(tokens, from, to, k)) found.push([k, k + 1]);
    }
  }
  return found;
}
