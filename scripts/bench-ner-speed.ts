// Speed of the NER model against wink-nlp's readDoc, on BBC news:
//
//   npx tsx scripts/bench-ner-speed.ts [--docs 600] [--rounds 8] [--record <file>] [--reference <file>]
//
// The pipeline's clean, split and tokenise stages run once over the first
// --docs articles of ../shared/corpora/bbc/articles.jsonl; then, taking turns
// (so that a busy machine slows both alike), best of --rounds each:
//  (a) wink alone:  getWink().nlp.readDoc over the same cleaned texts;
//  (b) the model:   spansDocument over the same sentences (with `glued`), as
//                   pipeline/03-tag/candidates.ts calls it;
// reported as tokens/s and MB/s, and the ratio model time / wink time (wall
// clock, and CPU time, which other processes on the machine disturb less).
//  (c) identity:    the model's output (tagDocument with glued, which is what
//                   spansDocument reads, and tag() sentence by sentence without
//                   glued or document context) is compared with a reference
//                   recorded by an earlier version (--record writes one). The
//                   script fails (exit 1) on any difference.
// Skips, exit 0, when ../shared is absent.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { newDoc } from '../src/model.ts';
import { readInputs } from '../src/readers/inputs.ts';
import { getWink } from '../src/nlp/wink.ts';
import { cleanStage } from '../pipeline/01-clean/index.ts';
import { splitStage } from '../pipeline/02-split/index.ts';
import { modelInput, tokenise, tokensBySentence } from '../pipeline/03-tag/tokens.ts';
import { loadNerModel, tagsToSpans, TAGS } from '../pipeline/03-tag/ner-model/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpora/bbc/articles.jsonl');
const { values: opt } = parseArgs({
  options: {
    docs: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '8' },
    record: { type: 'string' },
    reference: { type: 'string', default: '/tmp/ner-speed-reference.json' },
  },
});
if (!fs.existsSync(corpus)) {
  console.log(`bench-ner-speed skipped: ${corpus} is absent`);
  process.exit(0);
}
const maxDocs = Number(opt.docs), rounds = Number(opt.rounds);

// --- the pipeline's sentences and tokens, once ------------------------------------
interface Article {
  id: string;
  text: string;
  words: string[][];
  glued: boolean[][];
}
const articles: Article[] = [];
{
  const clean = cleanStage.create(), split = splitStage.create();
  for await (const input of readInputs([corpus])) {
    if (articles.length >= maxDocs) break;
    const doc = newDoc(input);
    clean(doc);
    split(doc);
    articles.push({ id: doc.docId, text: doc.text, ...modelInput(tokensBySentence(tokenise(doc))) });
  }
}
const tokenCount = articles.reduce((n, a) => n + a.words.reduce((m, s) => m + s.length, 0), 0);
const sentenceCount = articles.reduce((n, a) => n + a.words.length, 0);
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);

/** Runs the tasks in turn `rounds` times (after one warm-up round), so that both see the same load on the machine; best wall and CPU seconds of each. */
function race(tasks: Array<() => void>): Array<{ wall: number; cpu: number }> {
  const best = tasks.map(() => ({ wall: Infinity, cpu: Infinity }));
  for (let r = 0; r <= rounds; r++) {
    tasks.forEach((task, k) => {
      const t0 = performance.now(), c0 = process.cpuUsage();
      task();
      const c = process.cpuUsage(c0);
      if (r === 0) return;
      best[k].wall = Math.min(best[k].wall, (performance.now() - t0) / 1000);
      best[k].cpu = Math.min(best[k].cpu, (c.user + c.system) / 1e6);
    });
  }
  return best;
}

// --- (a) wink alone, (b) the model ------------------------------------------------
const { nlp } = getWink();
const model = loadNerModel();
let sink = 0;
const [wink, ner] = race([
  () => {
    for (const a of articles) sink += nlp.readDoc(a.text).tokens().length();
  },
  () => {
    for (const a of articles) sink += model.spansDocument(a.words, a.glued).length;
  },
]);

const rate = (t: { wall: number; cpu: number }) =>
  `${Math.round(tokenCount / t.wall).toLocaleString('en').padStart(10)} tokens/s  ${(bytes / 1e6 / t.wall).toFixed(2).padStart(6)} MB/s  ${t.wall.toFixed(3)} s (CPU ${t.cpu.toFixed(3)} s)`;
console.log(`BBC: ${articles.length} articles, ${sentenceCount.toLocaleString('en')} sentences, ${tokenCount.toLocaleString('en')} tokens, ${(bytes / 1e6).toFixed(2)} MB; best of ${rounds}`);
console.log(`(a) wink readDoc      ${rate(wink)}`);
console.log(`(b) NER spansDocument ${rate(ner)}`);
console.log(`    model / wink time: ${(ner.wall / wink.wall).toFixed(3)} (CPU time: ${(ner.cpu / wink.cpu).toFixed(3)})`);
if (sink < 0) console.log(sink); // keep the work observable

// --- (c) the same output as a recorded reference -----------------------------------
/** Each sentence's tags as one string of tag indices: document tagging (glued), then tag() alone. */
function outputs(): { doc: string[]; alone: string[] } {
  const code = (tags: readonly string[]) => tags.map((t) => TAGS.indexOf(t as (typeof TAGS)[number])).join('');
  const doc: string[] = [], alone: string[] = [];
  for (const a of articles) {
    for (const tags of model.tagDocument(a.words, a.glued)) doc.push(code(tags));
    for (const w of a.words) alone.push(code(model.tag(w)));
  }
  return { doc, alone };
}
const now = { docs: articles.map((a) => a.id), ...outputs() };
// spansDocument is tagsToSpans over tagDocument: check that it still is.
for (const a of articles) {
  if (JSON.stringify(model.spansDocument(a.words, a.glued)) !== JSON.stringify(model.tagDocument(a.words, a.glued).map(tagsToSpans))) {
    console.error(`spansDocument differs from tagDocument's spans in ${a.id}`);
    process.exit(1);
  }
}

if (opt.record) {
  fs.writeFileSync(opt.record, JSON.stringify(now));
  console.log(`(c) reference recorded in ${opt.record}: ${now.doc.length} sentences`);
} else if (fs.existsSync(opt.reference)) {
  const ref = JSON.parse(fs.readFileSync(opt.reference, 'utf8')) as typeof now;
  if (ref.docs.join('\n') !== now.docs.join('\n')) {
    console.error(`(c) ${opt.reference} was recorded over other articles (use the same --docs)`);
    process.exit(1);
  }
  let diff = 0;
  for (const key of ['doc', 'alone'] as const) {
    if (ref[key].length !== now[key].length) {
      console.error(`  ${key}: ${ref[key].length} sentences recorded, ${now[key].length} now (did clean, split or tokenise change?)`);
      diff++;
    }
    for (let s = 0; s < now[key].length; s++) {
      if (ref[key][s] === now[key][s]) continue;
      if (++diff <= 10) console.error(`  ${key} sentence ${s}: ${ref[key][s]} -> ${now[key][s]}`);
    }
  }
  const compared = `${now.doc.length.toLocaleString('en')} sentences with document context and glued, ${now.alone.length.toLocaleString('en')} alone`;
  if (diff) {
    console.error(`(c) ${diff} of ${now.doc.length + now.alone.length} tag sequences differ from ${opt.reference}`);
    process.exit(1);
  }
  console.log(`(c) identical to ${opt.reference}: ${compared}`);
} else console.log(`(c) no reference at ${opt.reference} (write one with --record ${opt.reference})`);
