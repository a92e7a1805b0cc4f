// Chooses the PolNeAR train articles of tests/dev-gold-web: three per publisher, from content
// features only (nothing about how any extractor does on them). Prints their ids.
// Run: npx tsx scripts/select-polnear-dev.ts [--per-publisher 3]
import fs from 'node:fs';
import path from 'node:path';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const TRAIN = path.join(SHARED, 'corpora/polnear/train');
const perPublisher = Number(process.argv[process.argv.indexOf('--per-publisher') + 1]) || 3;

const SAY = /\b(said|says|told|added|according to|argued|claimed|warned)\b/;
const POST = /\b(Sen\.|Rep\.|Gov\.|President|spokes(wo)?man|chairman|director|secretary|senator|governor|leader|chief|official|adviser|manager|strategist)\b/i;
const ORG = /\b(Committee|Department|Party|Democrats|Republicans|Campaign|Senate|House|Court|University|Council|Association|Foundation|Inc|Corp|News|Times|Post|PAC)\b/;

const byPublisher = new Map<string, { id: string; words: number }[]>();
for (const file of fs.readdirSync(TRAIN).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(TRAIN, file), 'utf8');
  const body = text.slice(text.indexOf('\n\n') + 2);
  const words = body.split(/\s+/).filter(Boolean).length;
  const quoteLines = body.split('\n').filter((l) => /["“”]|''/.test(l)).length;
  if (words < 300 || words > 800 || quoteLines < 2) continue;
  if (!SAY.test(body) || !POST.test(body) || !ORG.test(body) || !/\d/.test(body)) continue;
  const publisher = file.slice(0, file.indexOf('_'));
  const list = byPublisher.get(publisher) ?? [];
  list.push({ id: file.slice(0, -4), words });
  byPublisher.set(publisher, list);
}
for (const [publisher, list] of [...byPublisher].sort()) {
  list.sort((a, b) => a.words - b.words || a.id.localeCompare(b.id));
  const n = list.length;
  for (let i = 0; i < perPublisher; i++) {
    const pick = list[Math.floor(((i + 0.5) * n) / perPublisher)]!;
    console.log(`${pick.id}\t${publisher}\t${pick.words} words\t(${n} eligible)`);
  }
}
