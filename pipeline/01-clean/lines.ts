// The clean stage works on lines: each one a run of pieces of the raw input.

export interface SourcePiece {
  text: string;
  rawStart: number;
  rawEnd: number;
  /** `text` is a verbatim copy of raw[rawStart, rawEnd): offsets inside it map one to one. */
  exact: boolean;
}

export interface SourceLine {
  pieces: SourcePiece[];
  /** Marked as a heading by the input's own markup (HTML h1–h6). */
  heading: boolean;
}

/** Plain text: one line per input line; blank lines mark paragraph breaks. */
export function linesFromText(raw: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const m of raw.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    const text = m[0].replace(/[\r\n]+$/, '');
    if (m[0] === '') break;
    if (!text.trim()) continue;
    lines.push({ pieces: [{ text, rawStart: m.index!, rawEnd: m.index! + text.length, exact: true }], heading: false });
  }
  return lines;
}
