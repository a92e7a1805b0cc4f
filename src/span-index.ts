// Spans by the blocks of text they cover, so that the spans overlapping a given one
// are found without a scan of all of them (a long article has tens of thousands).

import type { Span } from './model.ts';

/** Characters per block: names are short, so a span mostly sits in one or two. */
const BLOCK_BITS = 6;

export class SpanIndex<T extends Span> {
  private readonly blocks = new Map<number, T[]>();

  constructor(spans: Iterable<T> = []) {
    for (const s of spans) this.add(s);
  }

  add(span: T): void {
    for (let b = span.start >> BLOCK_BITS; b <= lastBlock(span); b++) {
      const list = this.blocks.get(b);
      if (list) list.push(span);
      else this.blocks.set(b, [span]);
    }
  }

  remove(span: T): void {
    for (let b = span.start >> BLOCK_BITS; b <= lastBlock(span); b++) {
      const list = this.blocks.get(b);
      const at = list ? list.indexOf(span) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }

  /** The spans with s.start < end and s.end > start, each once, in no particular order. */
  overlapping(start: number, end: number): T[] {
    const found = new Set<T>();
    for (let b = start >> BLOCK_BITS; b <= lastBlock({ start, end }); b++) {
      for (const s of this.blocks.get(b) ?? []) if (s.start < end && s.end > start) found.add(s);
    }
    return [...found];
  }
}

/** The last block a span touches (an empty span: the block it stands in). */
const lastBlock = (span: Span): number => Math.max(span.end - 1, span.start) >> BLOCK_BITS;
