// Turns the bytes of an input file into text, or says clearly why it cannot.
//
// Libraries:
// - Labels and Unicode: Node's built-in WHATWG TextDecoder resolves charset labels
//   exactly as browsers do ("latin1" and "iso-8859-1" mean windows-1252 on the web) and
//   validates UTF-8 and UTF-16 strictly.
// - Legacy encodings: `iconv-lite` (the most used pure-JS converter, maintained, no
//   native build). Node's own TextDecoder cannot be trusted here: since 20.18.3 it
//   decodes windows-1252 as Latin-1, turning 0x93/0x94 into control characters instead
//   of curly quotes (nodejs/node#60888).
// - Guessing an undeclared legacy encoding: `chardet` (widely used, maintained, pure
//   JS), which ranks candidate encodings with a confidence.
// - Gzip: node:zlib.

import { gunzipSync } from 'node:zlib';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used: "utf-8", "utf-16le", "windows-1252", ... */
  encoding: string;
  /** What decoding had to mend ("3 invalid UTF-8 byte sequences replaced by U+FFFD"); absent when nothing. */
  notes?: string[];
}

export interface DecodeOptions {
  /** Used only as a hint (an .html name lets a <meta charset> count). */
  fileName?: string;
  /** The most bytes a document may have, after gunzipping too (default MAX_ARTICLE_BYTES). */
  maxBytes?: number;
}

/** Larger articles are refused: no news article is this long, and the NLP libraries' memory grows with it. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** "5 MB": a byte limit as said in a failure reason. */
export const megabytes = (bytes: number): string => `${+(bytes / 1048576).toFixed(1)} MB`;

/** Below this chardet confidence (0-100) its guess is ignored and windows-1252 is used. */
const MIN_DETECTION_CONFIDENCE = 50;
/**
 * Damaged UTF-8 is still called UTF-8 when its valid multi-byte characters are at
 * least as many as its invalid sequences, or when it has at most this many invalid
 * sequences and any valid multi-byte character (legacy text almost never forms
 * one by chance: a byte above 0x7F there is nearly always followed by plain ASCII).
 */
const FEW_INVALID_SEQUENCES = 3;
/** Share of NUL bytes above which a file that is not UTF-16 is binary (a few are text damage, replaced). */
const MAX_NUL_SHARE = 0.01;
/** Share of control characters above which decoded "text" is taken to be binary. */
const MAX_CONTROL_SHARE = 0.1;
/** How far into the file a <meta charset> is looked for (browsers look at 1024 bytes; pages are sloppier). */
const META_SCAN_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new Error('empty file');
  if (isGzip(bytes)) {
    bytes = gunzipBounded(bytes, opts.maxBytes ?? MAX_ARTICLE_BYTES);
    if (bytes.length === 0) throw new Error('empty file (after gunzip)');
  }

  const decoded = decodeText(bytes, opts);
  if (decoded.text.trim() === '') throw new Error('empty file (only whitespace)');
  if (looksBinary(decoded.text)) throw new Error('binary file (control characters)');
  return decoded;
}

/**
 * Gunzips at most `limit` bytes: zlib stops as soon as its output passes the limit,
 * so a small file that unpacks to gigabytes (a "gzip bomb") costs no more memory
 * than a plain file of the limit.
 */
function gunzipBounded(bytes: Uint8Array, limit: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`file too large after gunzip (over ${megabytes(limit)}; the limit is ${megabytes(limit)})`);
    }
    throw new Error(`corrupt gzip data (${(err as Error).message})`);
  }
}

function decodeText(bytes: Uint8Array, opts: DecodeOptions): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeStrictly(bytes, bom, 'its byte-order mark');

  // Text in UTF-16 without a BOM shows as a NUL in every other byte; elsewhere more than a few NULs mean binary.
  if (bytes.includes(0)) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16) return decodeStrictly(bytes, utf16, 'its NUL-byte pattern');
    if (countByte(bytes, 0) > MAX_NUL_SHARE * bytes.length) throw new Error('binary file (NUL bytes)');
  }

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const damagedUtf8 = mostlyUtf8(bytes);
  if (damagedUtf8 !== null) return damagedUtf8;

  // Not UTF-8, so a declaration of UTF-8 is wrong; any other declared charset is believed.
  const declared = looksLikeHtml(bytes, opts.fileName) ? declaredHtmlCharset(bytes) : null;
  if (declared && !UNICODE_ENCODINGS.has(declared)) {
    const text = tryDecode(bytes, declared);
    if (text !== null) return { text, encoding: declared };
  }

  const detected = detectedEncoding(bytes);
  // UTF-16 without a BOM was ruled out above (its NUL pattern); chardet's guess of it here is noise.
  if (detected && !UNICODE_ENCODINGS.has(detected)) {
    const text = tryDecode(bytes, detected);
    if (text !== null) return { text, encoding: detected };
  }

  // windows-1252 maps every byte, so as the last resort it always decodes.
  const text = tryDecode(bytes, 'windows-1252');
  if (text === null) throw new Error('cannot decode as UTF-8, UTF-16 or Windows-1252');
  return { text, encoding: 'windows-1252' };
}

/**
 * UTF-8 text with a few bad bytes (a file cut mid-character, pasted Latin-1 bytes):
 * see FEW_INVALID_SEQUENCES. The bad bytes become U+FFFD, and a note says how many.
 */
function mostlyUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let valid = 0, invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f && !(c >= 0xdc00 && c <= 0xdfff)) valid++; // a surrogate pair counts once
  }
  if (!(valid >= 1 && (invalid <= valid || invalid <= FEW_INVALID_SEQUENCES))) return null;
  return { text, encoding: 'utf-8', notes: [invalidUtf8Note(invalid)] };
}

export const invalidUtf8Note = (count: number): string => `${count} invalid UTF-8 byte sequence${count === 1 ? '' : 's'} replaced by U+FFFD`;

function countByte(bytes: Uint8Array, value: number): number {
  let count = 0;
  for (let i = bytes.indexOf(value); i !== -1; i = bytes.indexOf(value, i + 1)) count++;
  return count;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** utf-16le or utf-16be when nearly every second byte of the start of the file is NUL (mostly-ASCII text). */
function bomlessUtf16(bytes: Uint8Array): string | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenNuls = 0, oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (oddNuls > 0.9 * pairs && evenNuls < 0.1 * pairs) return 'utf-16le';
  if (evenNuls > 0.9 * pairs && oddNuls < 0.1 * pairs) return 'utf-16be';
  return null;
}

/** Decode with an encoding the file itself declares: failing to decode is then an error, not a guess gone wrong. */
function decodeStrictly(bytes: Uint8Array, encoding: string, evidence: string): DecodedText {
  const text = tryDecode(bytes, encoding);
  if (text === null) throw new Error(`cannot decode as ${encoding.toUpperCase()} (declared by ${evidence})`);
  return { text, encoding };
}

/** The encodings decoded strictly, a bad byte failing the document. */
const UNICODE_ENCODINGS: ReadonlySet<string> = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * The decoded text (BOM removed), or null when the bytes are not valid in that encoding
 * (checked for UTF-8 and UTF-16; legacy encodings decode every byte sequence) or no
 * decoder exists for it.
 */
function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  // Unicode strictly (a bad byte fails the document); legacy encodings through iconv where it knows them.
  if (!UNICODE_ENCODINGS.has(encoding) && iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The WHATWG name for a charset label, or null when browsers would not know it. */
function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function looksLikeHtml(bytes: Uint8Array, fileName?: string): boolean {
  if (fileName && /\.x?html?(\.gz)?$/i.test(fileName)) return true;
  const head = latin1(bytes, 1024).trimStart().toLowerCase();
  return head.startsWith('<') && /<(!doctype html|html|head|meta|body)[\s>]/.test(head);
}

/** The charset named by <meta charset>, <meta http-equiv="content-type">, or an XML declaration. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes, META_SCAN_BYTES);
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (xml) return canonicalEncoding(xml[1]);
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!charset) continue;
    // A bare charset= also appears inside content="text/html; charset=..." of http-equiv metas.
    const label = canonicalEncoding(charset[1]);
    if (label) return label;
  }
  return null;
}

/** chardet's best guess, when it is confident enough and a decoder exists for it. */
function detectedEncoding(bytes: Uint8Array): string | null {
  const [best] = analyse(bytes);
  if (!best || best.confidence < MIN_DETECTION_CONFIDENCE) return null;
  return canonicalEncoding(best.name);
}

function latin1(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
}

/** Whether decoded "text" has so many control characters that it is binary data. */
export const looksBinary = (text: string): boolean => controlCharacterShare(text) > MAX_CONTROL_SHARE;

/** Share of characters that are C0/C1 controls other than tab, newline, carriage return and form feed. */
function controlCharacterShare(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      controls++;
    }
  }
  return sample.length ? controls / sample.length : 0;
}
