// Trains the arbiter of pipeline/03-tag/arbiter.ts (the choice between the rules' names
// and the statistical tagger's) on CoNLL-2003 train and writes its weights
// (pipeline/03-tag/arbiter-weights.json).
//
//   npm run train:arbiter [-- --corpus <dir>] [--folds K] [--work <dir>] [--epochs N] [--seed N] [--out file]
//
// The tagger's reading of a document it was trained on is nearly always right, so the
// examples come from taggers that did not see it: train.txt in K folds, a tagger trained
// on the other K - 1 (scripts/train-ner.ts --folds K --fold k, kept in --work and reused
// while the tagger's code and the corpus are the same: the file names carry their hash),
// each fold's documents run through the pipeline's clean, split and tag stages up to the
// arbiter. Each option (a span some rule or the tagger proposes) is labelled with the gold
// type of the entity with exactly that span (titles are left out of options, as CoNLL
// leaves them out), or none (MISC, or no entity there). The temperature of the tagger's
// marginals is the one that best predicts the gold tags of the held-out folds. Learner: a
// multiclass averaged perceptron, documents in a seeded order; deterministic.
// valid.txt and test.txt are not read.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { newDoc } from '../src/model.ts';
import { recordInput } from '../src/readers/inputs.ts';
import { cleanStage } from '../pipeline/01-clean/index.ts';
import { splitStage } from '../pipeline/02-split/index.ts';
import { tokenise } from '../pipeline/03-tag/tokens.ts';
import { findNameCandidates, type ArbiterProposal } from '../pipeline/03-tag/candidates.ts';
import { LABELS, useWeights, type Option, type OptionKind, type WeightsFile } from '../pipeline/03-tag/arbiter.ts';
import { gluedOf, readConll, winkTokenised, type ConllDoc } from '../pipeline/03-tag/ner-model/conll.ts';
import { decodeModel } from '../pipeline/03-tag/ner-model/format.ts';
import { NerModel, useNerModel } from '../pipeline/03-tag/ner-model/index.ts';
import { rng } from '../pipeline/03-tag/ner-model/perceptron.ts';
import { TAG_INDEX } from '../pipeline/03-tag/ner-model/tags.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpora/conll2003') },
    folds: { type: 'string', default: '5' },
    work: { type: 'string', default: path.join(os.tmpdir(), 'news-extract-arbiter') },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '2003' },
    // The kinds of option (arbiter.ts) the weights are to judge.
    kinds: { type: 'string', default: 'type,span,alone' },
    out: { type: 'string', default: path.join(root, 'pipeline/03-tag/arbiter-weights.json') },
  },
});
const kinds = opt.kinds!.split(',') as OptionKind[];
const folds = Number(opt.folds), epochs = Number(opt.epochs), seed = Number(opt.seed);
const trainFile = path.join(opt.corpus!, 'train.txt');
if (!fs.existsSync(trainFile)) {
  console.error(`CoNLL-2003 not found in ${opt.corpus} (train.txt); pass --corpus <dir>`);
  process.exit(2);
}
/** What a fold tagger is made from: the training script, the tagger's code and data, and the corpus. */
let inputsHash: string | undefined;
function taggerInputsHash(): string {
  if (inputsHash) return inputsHash;
  const hash = createHash('sha256');
  const modelDir = path.join(root, 'pipeline/03-tag/ner-model');
  const files = [path.join(root, 'scripts/train-ner.ts'), ...fs.readdirSync(modelDir).filter((f) => f !== 'weights.bin').sort().map((f) => path.join(modelDir, f)), trainFile, path.join(opt.corpus!, 'valid.txt')];
  for (const file of files) if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
  return (inputsHash = hash.digest('hex').slice(0, 12));
}

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// 1. A tagger per fold, trained without that fold's documents.
fs.mkdirSync(opt.work!, { recursive: true });
const foldFile = (k: number) => path.join(opt.work!, `tagger-fold-${k}-of-${folds}-${taggerInputsHash()}.bin`);
for (let k = 0; k < folds; k++) {
  if (fs.existsSync(foldFile(k))) continue;
  console.log(`training the tagger without fold ${k} ...`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/train-ner.ts'), '--corpus', opt.corpus!, '--folds', String(folds), '--fold', String(k), '--out', foldFile(k)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const taggers = Array.from({ length: folds }, (_, k) => new NerModel(decodeModel(fs.readFileSync(foldFile(k)))));
console.log(`${folds} fold taggers, ${elapsed()}`);

const docs = readConll(trainFile);
const foldOf = (d: number) => d % folds;

// 2. The temperature: the one under which the held-out taggers' marginals best predict the gold tags.
const TEMPERATURES = [8, 12, 16, 20, 24, 32];
const wink = winkTokenised(docs);
const nll = TEMPERATURES.map((temperature) => {
  let sum = 0, n = 0;
  wink.forEach((d, di) => {
    if (di % 4) return; // a quarter of the documents is enough to place it
    const { marginals } = taggers[foldOf(di)].readDocument(d.sentences.map((s) => s.words), d.sentences.map(gluedOf), temperature);
    d.sentences.forEach((s, si) => {
      const m = marginals[si];
      if (!m) return;
      s.tags.forEach((t, i) => {
        sum -= Math.log(Math.max(1e-12, m.tag(i, TAG_INDEX.get(t)!)));
        n++;
      });
    });
  });
  return sum / n;
});
const temperature = TEMPERATURES[nll.indexOf(Math.min(...nll))];
console.log(`temperature ${temperature} (token NLL ${TEMPERATURES.map((t, i) => `${t}: ${nll[i].toFixed(4)}`).join(', ')}), ${elapsed()}`);

// 3. The options of every document, from the tagger of its fold, labelled.
interface Example {
  features: number[];
  label: number;
}
const featureIds = new Map<string, number>();
const featureNames: string[] = [];
const idOf = (f: string) => {
  let id = featureIds.get(f);
  if (id === undefined) {
    featureIds.set(f, (id = featureNames.length));
    featureNames.push(f);
  }
  return id;
};
const GOLD_LABEL: Record<string, number> = { PER: 1, LOC: 2, ORG: 3, MISC: 0 };
const byDoc: Example[][] = [];
const clean = cleanStage.create(), split = splitStage.create();
// Every rule's names are options while the examples are gathered.
useWeights({ temperature, judged: { has: () => true }, kinds: new Set(), weights: new Map() });
const labelCounts = new Array(LABELS.length).fill(0);
let goldSpans = 0, goldReached = 0, skipped = 0;
/** How many options each rule proposed: the arbiter judges only the rules it has learned about. */
const ruleCounts = new Map<string, number>();
docs.forEach((d: ConllDoc, di) => {
  useNerModel(taggers[foldOf(di)]);
  // The text as ../shared/tools/conll.mjs builds it, and each token's offsets in it.
  let text = '';
  const toks: Array<{ start: number; end: number }> = [];
  const gold = new Map<string, number>();
  d.sentences.forEach((s, si) => {
    if (si) text += '\n';
    let open: { first: number; type: string } | null = null;
    const close = (last: number) => {
      if (open) gold.set(`${open.first}:${last}`, GOLD_LABEL[open.type]);
      open = null;
    };
    s.words.forEach((w, wi) => {
      if (wi) text += ' ';
      const at = toks.length;
      toks.push({ start: text.length, end: text.length + w.length });
      text += w;
      const tag = s.tags[wi];
      if (tag === 'O' || tag.startsWith('B-')) close(at - 1);
      if (tag.startsWith('B-')) open = { first: at, type: tag.slice(2) };
    });
    close(toks.length - 1);
  });
  goldSpans += [...gold.values()].filter((l) => l > 0).length;
  const doc = newDoc(recordInput({ id: d.id, text }, 'conll', d.id, d.id));
  clean(doc);
  split(doc);
  const { tokens, sentenceRanges } = tokenise(doc);
  const isHeading = (s: number) => doc.paragraphs[doc.sentences[s].paragraph]?.heading ?? false;
  let options: Option<ArbiterProposal>[] = [];
  findNameCandidates(doc.text, tokens, sentenceRanges, isHeading, { observe: (o) => (options = o) });
  // A span in the cleaned text as CoNLL tokens, the way conll.mjs scores a mention.
  const tokenSpan = (start: number, end: number) => {
    const s = doc.offsets.toRawStart(start), e = doc.offsets.toRawEnd(end);
    const first = toks.findIndex((t) => t.end > s);
    let last = toks.length - 1;
    while (last >= 0 && toks[last].start >= e) last--;
    return `${first}:${last}`;
  };
  byDoc.push(
    options.flatMap((o) => {
      // Only what the arbiter is to judge.
      if (!kinds.includes(o.kind)) return [];
      const label = gold.get(tokenSpan(o.start, o.end)) ?? 0;
      // Readings that CoNLL and this pipeline's conventions name differently are not learned from: a team
      // named after its place (CoNLL: ORG; here a country is a place, its team at most optional, and a town or
      // a county is a place but in an article that reports games, where it is a club: "Castres", "Somerset")
      // and a venue named as a body ("National Tennis Centre": CoNLL LOC; here a body, its place reading optional).
      const has = (f: string) => o.features.includes(f);
      if ((label === GOLD_LABEL.ORG && (has('gaz:place') || has('gaz:place-ambiguous')) && (has('gaz:country') || !has('reports-games'))) || (label === GOLD_LABEL.LOC && (has('head-word') || has('institution-head-word'))) || (gold.get(tokenSpan(o.start, o.end)) !== undefined && label !== GOLD_LABEL.ORG && (has('gaz:org') || has('gaz:org-ambiguous')))) {
        skipped++;
        return [];
      }
      labelCounts[label]++;
      if (label) goldReached++;
      return [{ features: o.features.map(idOf), label }];
    }),
  );
  for (const o of options) for (const r of o.rules) ruleCounts.set(r.rule, (ruleCounts.get(r.rule) ?? 0) + 1);
});
console.log(`${byDoc.reduce((n, e) => n + e.length, 0)} options (${LABELS.map((l, k) => `${l} ${labelCounts[k]}`).join(', ')}); ${goldReached} of ${goldSpans} gold names are among them; ${skipped} left out as convention differences; ${featureNames.length} features, ${elapsed()}`);

// 4. A multiclass averaged perceptron.
const K = LABELS.length;
const w = new Float64Array(featureNames.length * K), u = new Float64Array(featureNames.length * K);
let clock = 1;
const order = byDoc.map((_, i) => i);
const shuffle = rng(seed);
const score = (ex: Example, weights: Float64Array) => {
  const s = new Float64Array(K);
  for (const f of ex.features) for (let k = 0; k < K; k++) s[k] += weights[f * K + k];
  return s;
};
const argmax = (s: Float64Array) => s.reduce((best, v, k) => (v > s[best] ? k : best), 0);
for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let wrong = 0, total = 0;
  for (const d of order) {
    for (const ex of byDoc[d]) {
      const p = argmax(score(ex, w));
      total++;
      if (p !== ex.label) {
        wrong++;
        for (const f of ex.features) {
          w[f * K + ex.label] += 1;
          u[f * K + ex.label] += clock;
          w[f * K + p] -= 1;
          u[f * K + p] -= clock;
        }
      }
      clock++;
    }
  }
  console.log(`epoch ${epoch}: ${wrong} of ${total} options wrong, ${elapsed()}`);
}
const averaged = w.map((x, i) => x - u[i] / clock);
const correct = byDoc.flat().filter((ex) => argmax(score(ex, averaged)) === ex.label).length;
console.log(`averaged weights: ${correct} of ${byDoc.flat().length} training options right`);

// 5. The weights file: features with a weight, sorted, weights rounded (the same bytes from the same data).
const weights: Record<string, number[]> = {};
for (const [f, name] of featureNames.map((n, i) => [i, n] as const).sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
  const row = Array.from(averaged.subarray(f * K, f * K + K), (x) => Math.round(x * 1000) / 1000);
  if (row.some((x) => x !== 0)) weights[name] = row;
}
const file: WeightsFile = {
  labels: LABELS,
  temperature,
  kinds,
  rules: Object.fromEntries([...ruleCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  meta: { trainedOn: `CoNLL-2003 eng.train (train.txt), ${folds} folds, each tagged by a tagger trained on the others`, algorithm: 'multiclass averaged perceptron', epochs, seed, options: byDoc.flat().length },
  weights,
};
fs.writeFileSync(opt.out!, JSON.stringify(file, null, 0).replace(/("[^"]+":\[[^\]]*\]),/g, '$1,\n') + '\n');
console.log(`wrote ${path.relative(process.cwd(), opt.out!)} (${Object.keys(weights).length} features) in ${elapsed()}`);
