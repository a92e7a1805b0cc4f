// Small text helpers shared by the readers, the stages and the evaluation tools.

/** Whether the UTF-16 code unit is one that `\s` matches (tests/clean.test.ts checks every one). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text with every run of whitespace made one space, and none at either end. */
export function collapseWhitespace(value: unknown): string {
  return String(value ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Control characters other than tab, newline and carriage return, and lone UTF-16
 * surrogates (which no encoding can write). Vertical tab, form feed and NEL (a
 * page break from a PDF converter, a line break from a word processor) stand
 * between words, so they become a space; the rest become U+FFFD, one character
 * for one, so offsets into the input stay true.
 */
const UNWANTED_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPACE_LIKE = new Set(['\u000b', '\u000c', '\u0085']);

export interface ControlledText {
  text: string;
  /** How many characters were replaced. */
  replaced: number;
}

/** The text with control characters and lone surrogates replaced (see UNWANTED_CHARACTERS), the same for every input format. */
export function replaceControlCharacters(text: string): ControlledText {
  let replaced = 0;
  const out = text.replace(UNWANTED_CHARACTERS, (c) => {
    replaced++;
    return SPACE_LIKE.has(c) ? ' ' : '\ufffd';
  });
  return { text: replaced ? out : text, replaced };
}

/** A one-line field (an id, a title, a URL): control characters replaced, and a carriage return too. */
export function cleanField(value: string): string {
  return replaceControlCharacters(value).text.replace(/\r\n?/g, '\n');
}
