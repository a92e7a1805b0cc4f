// HTML input: the article's blocks (paragraphs, headings, list items) become
// the clean stage's lines, each piece keeping its offsets in the HTML source.

import { extractHtml } from '../../src/readers/html.ts';
import type { SourceLine } from './lines.ts';

export function linesFromHtml(html: string): { title: string | null; lines: SourceLine[] } {
  const article = extractHtml(html);
  const blocks = article.titleBlock ? [article.titleBlock, ...article.blocks] : article.blocks;
  return {
    title: article.title,
    lines: blocks.map((block) => ({ pieces: block.pieces, heading: block.heading })),
  };
}
