// Benchmarks the HTML side of the clean stage on the article-extraction corpus in
// ../shared: decodeBytes + extractHtml over every page, texts written as the reference
// scorer expects them, then precision / recall / F1 by the benchmark's own measure.
//
// usage: tsx scripts/bench-clean.ts [--worst N] [--page ID-PREFIX]
//   --worst N        list the N pages with the lowest F1
//   --page PREFIX    show what was missed and what was extra on one page

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/readers/decode.ts';
import { blockText, extractHtml, type HtmlArticle } from '../src/readers/html.ts';

const PUBLISHED_F1: Record<string, number> = { 'trafilatura 2.0.0': 0.958, 'newspaper4k': 0.949, 'Readability.js 0.6.0': 0.947 };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(repoRoot, '../shared');
const corpusDir = join(sharedDir, 'corpora/article-extraction');
const scorer = join(sharedDir, 'tools/score-clean.mjs');
const outDir = join(repoRoot, 'output/bench-clean');

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (!existsSync(join(corpusDir, 'ground-truth.json'))) {
  console.log(`bench-clean: skipped, no benchmark corpus at ${corpusDir} (it lives in ../shared beside the repository)`);
  process.exit(0);
}

interface Truth {
  articleBody: string;
  url: string;
}
const truth: Record<string, Truth> = JSON.parse(readFileSync(join(corpusDir, 'ground-truth.json'), 'utf8'));

const htmlDir = join(corpusDir, 'html');
const files = readdirSync(htmlDir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
const pages = files.map((file) => ({ id: file.replace(/\.html?(\.gz)?$/, ''), file, bytes: readFileSync(join(htmlDir, file)) }));

// Warm up the JIT on a few pages so pages/second measures steady work, not compilation.
for (const page of pages.slice(0, 5)) extractHtml(decodeBytes(page.bytes, { fileName: page.file }).text);

const extracted = new Map<string, string>();
const articles = new Map<string, { html: string; article: HtmlArticle }>();
const failures: string[] = [];
const started = process.hrtime.bigint();
for (const page of pages) {
  try {
    const { text } = decodeBytes(page.bytes, { fileName: page.file });
    const article = extractHtml(text);
    extracted.set(page.id, article.blocks.map(blockText).join('\n\n'));
    articles.set(page.id, { html: text, article });
  } catch (err) {
    failures.push(`${page.id}: ${(err as Error).message}`);
    extracted.set(page.id, '');
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

mkdirSync(outDir, { recursive: true });
const predictionsPath = join(outDir, 'extraction.jsonl');
writeFileSync(predictionsPath, [...extracted].map(([id, text]) => JSON.stringify({ doc_id: id, text })).join('\n') + '\n');

// The reference scorer is the measure; the per-page numbers below only rank pages for --worst.
const reference = JSON.parse(
  execFileSync(process.execPath, [scorer, '--truth', join(corpusDir, 'ground-truth.json'), '--pred', predictionsPath, '--json'], { encoding: 'utf8' }),
) as { pages: number; missing: number; precision: number; recall: number; f1: number };

console.log(`article-extraction benchmark: ${pages.length} pages (${reference.missing} missing), texts in ${predictionsPath}`);
console.log(`  this extractor      precision ${reference.precision.toFixed(3)}  recall ${reference.recall.toFixed(3)}  F1 ${reference.f1.toFixed(3)}`);
for (const [name, f1] of Object.entries(PUBLISHED_F1)) console.log(`  ${name.padEnd(20)}F1 ${f1.toFixed(3)} (published)`);
console.log(`  speed: ${(pages.length / seconds).toFixed(1)} pages/s (decode + extract, ${seconds.toFixed(2)} s, one core)`);
if (failures.length) console.log(`  failed pages:\n    ${failures.join('\n    ')}`);

// Every verbatim piece must be a copy of its source range, or offsets downstream are wrong.
let pieces = 0, verbatim = 0;
const badOffsets: string[] = [];
for (const [id, { html, article }] of articles) {
  for (const piece of article.blocks.flatMap((b) => b.pieces)) {
    pieces++;
    if (!piece.exact) continue;
    verbatim++;
    if (html.slice(piece.rawStart, piece.rawEnd) !== piece.text) badOffsets.push(`${id.slice(0, 12)} ${JSON.stringify(piece)}`);
  }
}
console.log(`  offsets: ${pieces} pieces, ${verbatim} verbatim, ${badOffsets.length} verbatim pieces not matching their source range`);
for (const bad of badOffsets.slice(0, 5)) console.log(`    ${bad}`);

// ---------------------------------------------------------------------------
// Diagnostics: the same measure per page (4-gram multisets of word tokens).

const tokens = (s: string): string[] => s.match(/[\p{L}\p{N}_]+/gu) ?? [];
function shingles(s: string): Map<string, number> {
  const t = tokens(s);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - 3); i++) {
    const key = t.slice(i, i + 4).join(' ');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
function pageScore(expected: string, got: string): { precision: number; recall: number; f1: number } {
  const a = shingles(expected), b = shingles(got);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0, y = b.get(key) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const precision = tp + fp ? tp / (tp + fp) : fn ? 0 : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const worst = option('--worst');
if (worst) {
  const ranked = pages
    .map((p) => ({ id: p.id, url: truth[p.id]?.url ?? '', ...pageScore(truth[p.id]?.articleBody ?? '', extracted.get(p.id) ?? '') }))
    .sort((x, y) => x.f1 - y.f1)
    .slice(0, Number(worst));
  for (const r of ranked) {
    console.log(`${r.id.slice(0, 12)}  F1 ${r.f1.toFixed(3)}  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  ${r.url}`);
  }
}

const pagePrefix = option('--page');
if (pagePrefix) {
  const page = pages.find((p) => p.id.startsWith(pagePrefix));
  if (!page) throw new Error(`no page starts with ${pagePrefix}`);
  const expected = truth[page.id].articleBody;
  const got = extracted.get(page.id) ?? '';
  const score = pageScore(expected, got);
  console.log(`\n${page.id} ${truth[page.id].url}\nF1 ${score.f1.toFixed(3)} P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}`);
  const covered = (text: string, other: Map<string, number>): number => {
    const own = [...shingles(text).keys()];
    return own.length ? own.filter((k) => other.has(k)).length / own.length : 1;
  };
  const gotShingles = shingles(got), expectedShingles = shingles(expected);
  console.log('\n--- missed (ground-truth paragraphs mostly absent from the output):');
  for (const para of expected.split(/\n+/)) if (para.trim() && covered(para, gotShingles) < 0.5) console.log(`  - ${para.slice(0, 200)}`);
  console.log('\n--- extra (output blocks mostly absent from the ground truth):');
  for (const para of got.split(/\n\n/)) if (para.trim() && covered(para, expectedShingles) < 0.5) console.log(`  + ${para.slice(0, 200)}`);
}
