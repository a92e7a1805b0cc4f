// The text of a page of the article-extraction benchmark (../shared/corpora/article-extraction)
// as a gold set annotates it: the page's headline, a blank line and the body a person marked on
// the page. Kept apart from the test helpers so that a script can build the same texts.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeHTML } from 'entities';

export const ARTICLE_EXTRACTION = path.resolve(import.meta.dirname, '../../../shared/corpora/article-extraction');
let groundTruth: Record<string, { articleBody: string }> | undefined;

/** `prefix`: the first characters of the page's id (a gold file's name); the headline is og:title, else <title>. */
export function articleExtractionText(prefix: string): string {
  groundTruth ??= JSON.parse(fs.readFileSync(path.join(ARTICLE_EXTRACTION, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const id = Object.keys(groundTruth).find((key) => key.startsWith(prefix));
  if (!id) throw new Error(`no page of the article-extraction benchmark has an id starting ${prefix}`);
  const page = zlib.gunzipSync(fs.readFileSync(path.join(ARTICLE_EXTRACTION, 'html', `${id}.html.gz`))).toString('utf8');
  return `${pageHeadline(page)}\n\n${groundTruth[id]!.articleBody.trim()}\n`;
}

function pageHeadline(page: string): string {
  const match =
    /<meta[^>]+property=["']og:title["'][^>]+content="([^"]+)"/.exec(page) ??
    /<meta[^>]+property=["']og:title["'][^>]+content='([^']+)'/.exec(page) ??
    /<title[^>]*>([^<]+)/.exec(page);
  return match ? decodeHTML(match[1]!).trim() : '';
}
