// Builds the cleaned text piece by piece while remembering where each piece came
// from in the raw input, so any span of the cleaned text maps back to the raw text.

import { firstIndexNotBefore } from './sorted.ts';

interface Segment {
  cleanStart: number;
  cleanEnd: number;
  rawStart: number;
  rawEnd: number;
  /** The piece is a verbatim copy of raw[rawStart, rawEnd): map character by character. */
  exact: boolean;
}

export class OffsetMap {
  constructor(private readonly segments: Segment[]) {}

  /** The raw offset where the cleaned character at `offset` starts. */
  toRawStart(offset: number): number {
    const seg = this.find(offset);
    if (!seg) return this.rawLength();
    if (seg.exact) return seg.rawStart + (offset - seg.cleanStart);
    return seg.rawStart;
  }

  /** The raw offset just after the cleaned character before `offset` (an exclusive end). */
  toRawEnd(offset: number): number {
    if (offset <= 0) return this.segments.length ? this.segments[0].rawStart : 0;
    const seg = this.find(offset - 1);
    if (!seg) return this.rawLength();
    if (seg.exact) return seg.rawStart + (offset - seg.cleanStart);
    return seg.rawEnd;
  }

  private rawLength(): number {
    const last = this.segments[this.segments.length - 1];
    return last ? last.rawEnd : 0;
  }

  private find(offset: number): Segment | undefined {
    const s = this.segments;
    const i = firstIndexNotBefore(s.length, (k) => s[k].cleanEnd <= offset);
    return i < s.length && s[i].cleanStart <= offset ? s[i] : undefined;
  }
}

export class TextBuilder {
  private parts: string[] = [];
  private segments: Segment[] = [];
  private length = 0;

  get size(): number {
    return this.length;
  }

  /** Append `text`, which stands for raw[rawStart, rawEnd); `exact`: a verbatim copy, mapped character by character. */
  append(text: string, rawStart: number, rawEnd: number, exact: boolean): void {
    if (!text) return;
    const prev = this.segments[this.segments.length - 1];
    if (exact && prev?.exact && prev.cleanEnd === this.length && prev.rawEnd === rawStart) {
      prev.cleanEnd += text.length;
      prev.rawEnd = rawEnd;
    } else {
      this.segments.push({ cleanStart: this.length, cleanEnd: this.length + text.length, rawStart, rawEnd, exact });
    }
    this.parts.push(text);
    this.length += text.length;
  }

  /** Append text that has no counterpart in the raw input (a paragraph separator). */
  insert(text: string, rawAt: number): void {
    this.append(text, rawAt, rawAt, false);
  }

  build(): { text: string; offsets: OffsetMap } {
    return { text: this.parts.join(''), offsets: new OffsetMap(this.segments) };
  }
}

export const emptyOffsets = (): OffsetMap => new OffsetMap([]);
