// Chooses the pages of the article-extraction benchmark in tests/dev-gold-modern from content
// features only (nothing about how any extractor does on them), leaving out the modern check
// set's pages and outlets; with --texts <dir>, also writes each chosen page's text there.
// Run: npx tsx scripts/select-modern-dev.ts [--count 24] [--texts <dir>]
import fs from 'node:fs';
import path from 'node:path';
import { ARTICLE_EXTRACTION, articleExtractionText } from '../tests/helpers/article-extraction.ts';

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const count = Number(option('--count') ?? 24);
const textsDir = option('--texts');

const groundTruth = JSON.parse(fs.readFileSync(path.join(ARTICLE_EXTRACTION, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const checkSet = fs
  .readdirSync(path.resolve(import.meta.dirname, '../tests/check-gold-modern'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const inCheckSet = (id: string): boolean => checkSet.some((prefix) => id.startsWith(prefix));
const outlet = (url: string): string => new URL(url).hostname.replace(/^www\./, '').replace(/^(edition|eu|us|uk|amp)\./, '');
const checkOutlets = new Set(Object.keys(groundTruth).filter(inCheckSet).map((id) => outlet(groundTruth[id]!.url)));

// Common English function words: at least 8% of the words of an English news body.
const COMMON = new Set(['the', 'and', 'of', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'on', 'was', 'with', 'as', 'he', 'she', 'they', 'said']);

// A fixed-seed shuffle, so the choice is the same on every machine.
let seed = 20261207;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const ids = Object.keys(groundTruth).sort();
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
}

const taken = new Set<string>();
for (const id of ids) {
  if (taken.size === count) break;
  const { articleBody: body, url } = groundTruth[id]!;
  const site = outlet(url);
  if (inCheckSet(id) || /bbc\./.test(site) || checkOutlets.has(site) || taken.has(site)) continue;
  const words = body.match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length < 250 || words.length > 1000 || (body.match(/["“”]/g) ?? []).length < 6) continue;
  if (words.filter((w) => COMMON.has(w.toLowerCase())).length / words.length < 0.08) continue;
  taken.add(site);
  const prefix = id.slice(0, 16);
  console.log(`${prefix}\t${site}\t${words.length} words`);
  if (textsDir) {
    fs.mkdirSync(textsDir, { recursive: true });
    fs.writeFileSync(path.join(textsDir, `${prefix}.txt`), articleExtractionText(prefix));
  }
}
