// Small text helpers shared by the readers, the stages and the evaluation tools.

/** The text with every run of whitespace made one space, and none at either end. */
export function collapseWhitespace(value: unknown): string {
  return String(value ?? '').replace(/\s+/g, ' ').trim();
}
