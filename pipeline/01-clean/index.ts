// Stage 1, clean: turns the raw input into the article's own text (the text
// every later offset points into), finds the title, and drops page furniture.

import type { Doc, Paragraph, Stage } from '../../src/model.ts';
import { TextBuilder } from '../../src/offsets.ts';
import { FURNITURE_BLOCK_STARTS, FURNITURE_LINES, PROSE_MIN_WORDS } from './furniture.ts';
import { linesFromText, type SourceLine } from './lines.ts';
import { linesFromHtml } from './html-lines.ts';
import { collapseWhitespace, isWhitespaceCode } from '../../src/text.ts';

/** One normalised line: its words, each mapped to the raw input. */
interface Line {
  text: string;
  words: Word[];
  heading: boolean;
}

interface Word {
  text: string;
  rawStart: number;
  rawEnd: number;
  /** A word split across pieces (an entity, a tag inside it: "council&rsquo;s", "<b>Lee</b>.") has several parts, each mapped on its own. */
  parts: WordPart[];
}

interface WordPart {
  text: string;
  rawStart: number;
  rawEnd: number;
  exact: boolean;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const ASCII = /^[\x00-\x7f]*$/;
const ENDS_SENTENCE = /[.!?…:;]["'”’)\]]*$/;
const TITLE_MAX_CHARS = 180;

function normaliseLine(line: SourceLine): Line {
  const words: Word[] = [];
  // Whether the text so far ends inside a word: the next piece then continues that word.
  let inWord = false;
  for (const piece of line.pieces) {
    const verbatim = piece.exact;
    // ASCII holds no invisible characters and is its own NFC form (most text is; both cost).
    const ascii = ASCII.test(piece.text);
    const pieceText = piece.text;
    // The piece's words (runs of non-space), found without a match object each.
    for (let at = 0, end = 0; ; at = end) {
      while (at < pieceText.length && isWhitespaceCode(pieceText.charCodeAt(at))) at++;
      if (at === pieceText.length) break;
      for (end = at + 1; end < pieceText.length && !isWhitespaceCode(pieceText.charCodeAt(end)); end++);
      const original = pieceText.slice(at, end);
      const text = ascii || ASCII.test(original) ? original : original.replace(INVISIBLE, '').normalize('NFC');
      const continues = inWord && at === 0 && words.length > 0;
      inWord = false;
      if (!text) continue;
      const rawStart = verbatim ? piece.rawStart + at : piece.rawStart;
      const rawEnd = verbatim ? rawStart + original.length : piece.rawEnd;
      const part: WordPart = { text, rawStart, rawEnd, exact: verbatim && text === original };
      if (continues) {
        const word = words[words.length - 1];
        word.text += text;
        word.rawEnd = rawEnd;
        word.parts.push(part);
      } else words.push({ text, rawStart, rawEnd, parts: [part] });
    }
    inWord = pieceText.length > 0 && !isWhitespaceCode(pieceText.charCodeAt(pieceText.length - 1));
  }
  // A leading bullet is list formatting, not text.
  if (words.length && /^[•·▪►◦‣-]$/.test(words[0].text)) words.shift();
  const spaced = words.some((w) => w.text.includes('_') && UNDERSCORE_SPACE.test(w.text)) ? words.flatMap(splitAtUnderscores) : words;
  return { text: spaced.map((w) => w.text).join(' '), words: spaced, heading: line.heading };
}

/** An underscore between a letter and a capitalised word: "Director_Oh", "Design_Jeong" (not "user_id", not "_Hidden"). */
const UNDERSCORE_SPACE = /(?<=\p{L})_(?=\p{Lu}\p{Ll})/u;
/** The same, for every such underscore of a word (matchAll copies it, so its lastIndex stays 0). */
const UNDERSCORE_SPACES = new RegExp(UNDERSCORE_SPACE.source, 'gu');

/**
 * "Director_Oh Kyeong Taek", "Video Design_Jeong Jae Jin": a credit line that joins a post to a
 * name with an underscore means a space, and the post and the name are words of their own.
 * Only a word read verbatim from one piece of the input is split (each part keeps its own span).
 */
function splitAtUnderscores(word: Word): Word[] {
  const [part] = word.parts;
  if (word.parts.length !== 1 || !part.exact || !UNDERSCORE_SPACE.test(word.text)) return [word];
  const out: Word[] = [];
  let from = 0;
  const add = (to: number) => {
    const text = word.text.slice(from, to);
    const rawStart = part.rawStart + from, rawEnd = part.rawStart + to;
    out.push({ text, rawStart, rawEnd, parts: [{ text, rawStart, rawEnd, exact: true }] });
  };
  for (const m of word.text.matchAll(UNDERSCORE_SPACES)) {
    add(m.index!);
    from = m.index! + 1;
  }
  add(word.text.length);
  return out;
}

const isFurniture = (text: string) => FURNITURE_LINES.some((re) => re.test(text));
const opensFurnitureBlock = (text: string) => FURNITURE_BLOCK_STARTS.some((re) => re.test(text));
const looksLikeProse = (line: Line) => line.words.length >= PROSE_MIN_WORDS && ENDS_SENTENCE.test(line.text);
const looksLikeHeading = (line: Line) =>
  line.text.length <= TITLE_MAX_CHARS && !ENDS_SENTENCE.test(line.text) && line.words.length <= 20;

/** Drop furniture lines, and furniture blocks up to the next line of real prose. */
function dropFurniture(lines: Line[]): Line[] {
  const kept: Line[] = [];
  let inBlock = false;
  for (const line of lines) {
    if (inBlock && looksLikeProse(line)) inBlock = false;
    if (!inBlock && opensFurnitureBlock(line.text)) inBlock = true;
    if (inBlock || isFurniture(line.text)) continue;
    kept.push(line);
  }
  return kept;
}

/** A teaser that repeats the start of the next paragraph ("Social services ... trusts....") goes. */
function dropTeasers(lines: Line[]): Line[] {
  return lines.filter((line, i) => {
    const next = lines[i + 1];
    if (!next) return true;
    if (line.text === next.text) return false;
    const stem = line.text.replace(/(\.{3,}|…)$/, '').trim();
    return !(stem !== line.text && stem.length >= 20 && next.text.startsWith(stem));
  });
}

const sameText = (a: string, b: string) => collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();

interface Titled {
  title: string | null;
  /** The headline's own line, when the input has one: it opens the cleaned text as a heading. */
  titleLine: Line | null;
  body: Line[];
}

/** Plain text whose first line is a paragraph of its own: a blank line follows it. */
const FIRST_LINE_STANDS_ALONE = /^[^\S\r\n]*\S[^\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)/;
/** Most headlines run to a dozen words; some house styles end them with a full stop. */
const STANDALONE_TITLE_MAX_WORDS = 15;

/**
 * The title: the input's own, else a first line that reads like a headline: one without
 * a sentence's closing punctuation, or a short line set apart by a blank line.
 */
function takeTitle(lines: Line[], givenTitle: string | null, firstStandsAlone: boolean): Titled {
  if (givenTitle) {
    const at = lines.findIndex((l) => sameText(l.text, givenTitle));
    if (at >= 0 && at < 3) return { title: lines[at].text, titleLine: lines[at], body: lines.filter((_, i) => i !== at) };
    return { title: collapseWhitespace(givenTitle), titleLine: null, body: lines };
  }
  const first = lines[0];
  const shortAndApart = firstStandsAlone && first && first.words.length <= STANDALONE_TITLE_MAX_WORDS && first.text.length <= TITLE_MAX_CHARS;
  if (first && lines.length > 1 && (first.heading || looksLikeHeading(first) || shortAndApart) && first.words.length >= 2) {
    return { title: first.text, titleLine: first, body: lines.slice(1) };
  }
  return { title: null, titleLine: null, body: lines };
}

/** A paragraph broken in mid-sentence ("... or local" / "government.") is joined again. */
function rejoinBrokenParagraphs(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const continues = prev && !prev.heading && !ENDS_SENTENCE.test(prev.text) && /^[a-z]/.test(line.text) && prev.words.length > 3;
    if (continues) {
      out[out.length - 1] = { ...prev, text: prev.text + ' ' + line.text, words: [...prev.words, ...line.words] };
    } else out.push(line);
  }
  return out;
}

export function cleanDocument(doc: Doc): void {
  const source = doc.format === 'html' ? linesFromHtml(doc.raw) : { title: null, lines: linesFromText(doc.raw) };
  let lines = source.lines.map(normaliseLine).filter((l) => l.words.length > 0);
  lines = dropTeasers(dropFurniture(lines));
  const firstStandsAlone = doc.format !== 'html' && FIRST_LINE_STANDS_ALONE.test(doc.raw);
  const { title, titleLine, body } = takeTitle(lines, doc.givenTitle ?? source.title, firstStandsAlone);
  if (!body.length) throw new Error('no article text left after cleaning');
  // The headline stays in the text, as a heading, so the names in it are found too.
  lines = [...(titleLine ? [{ ...titleLine, heading: true }] : []), ...rejoinBrokenParagraphs(body)];

  const builder = new TextBuilder();
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    if (builder.size > 0) builder.insert('\n\n', line.words[0].rawStart);
    const start = builder.size;
    line.words.forEach((w, i) => {
      if (i > 0) {
        // Where the input has one plain space between the words too, it is copied verbatim: a line's
        // words then make one piece of the offset map, not two per word (the offsets are the same).
        const gap = line.words[i - 1].rawEnd;
        builder.append(' ', gap, w.rawStart, w.rawStart === gap + 1 && doc.raw.charCodeAt(gap) === 0x20);
      }
      for (const part of w.parts) builder.append(part.text, part.rawStart, part.rawEnd, part.exact);
    });
    const heading = line.heading || (looksLikeHeading(line) && line.words.length <= 10);
    paragraphs.push({ start, end: builder.size, heading });
  }
  const built = builder.build();
  doc.title = title;
  doc.text = built.text;
  doc.offsets = built.offsets;
  doc.paragraphs = paragraphs;
  if (!doc.text.trim()) throw new Error('no article text left after cleaning');
}

export const cleanStage: Stage = { name: 'clean', create: () => cleanDocument };
