// Chooses the PolNeAR dev articles of tests/check-gold-web: three per publisher, drawn at random
// (a fixed seed, so the draw can be repeated) among the dev articles of 200–1,100 words. Nothing
// about how any extractor does on them enters the choice. Prints their ids and word counts.
// Run: npx tsx scripts/select-polnear-check.ts [--seed 20261206] [--per-publisher 3]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const DEV = path.join(SHARED, 'corpora/polnear/dev');
const { values: opt } = parseArgs({
  options: { seed: { type: 'string', default: '20261206' }, 'per-publisher': { type: 'string', default: '3' } },
});

// A linear congruential generator (the constants of the C standard's example rand()) in JavaScript
// numbers: small, and the same draw on any machine.
let state = Number(opt.seed);
const random = (): number => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};

const byPublisher = new Map<string, { id: string; words: number }[]>();
for (const file of fs.readdirSync(DEV).filter((f) => f.endsWith('.txt')).sort()) {
  const words = fs.readFileSync(path.join(DEV, file), 'utf8').split(/\s+/).length;
  if (words < 200 || words > 1100) continue;
  const publisher = file.slice(0, file.indexOf('_'));
  byPublisher.set(publisher, [...(byPublisher.get(publisher) ?? []), { id: file.slice(0, -4), words }]);
}
for (const publisher of [...byPublisher.keys()].sort()) {
  const drawn = byPublisher.get(publisher)!.map((article) => ({ key: random(), article }));
  drawn.sort((a, b) => a.key - b.key);
  for (const { article } of drawn.slice(0, Number(opt['per-publisher']))) console.log(`${article.id} ${article.words}`);
}
