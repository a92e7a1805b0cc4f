// Trains the PER/LOC/ORG/MISC tagger of pipeline/03-tag/ner-model on CoNLL-2003
// and writes its weights file (pipeline/03-tag/ner-model/weights.bin).
//
//   npm run train:ner [-- --corpus <dir>] [--epochs N] [--seed N] [--prune X] [--out file] [--dry-run]
//
// Trains on train.txt only; valid.txt picks the epoch (early stopping) and is
// the score printed. test.txt is never read here. Deterministic: the same
// corpus, code and options give the same weights file, byte for byte.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatScores, gluedOf, readConll, scoreTags, winkTokenised, type ConllDoc } from '../pipeline/03-tag/ner-model/conll.ts';
import { documentContext, FEATURE_VERSION, sentenceFeatures, type DocumentContext } from '../pipeline/03-tag/ner-model/features.ts';
import { decodeModel, encodeModel } from '../pipeline/03-tag/ner-model/format.ts';
import { Gazetteer, gazetteerData } from '../pipeline/03-tag/ner-model/gazetteer.ts';
import { NerModel } from '../pipeline/03-tag/ner-model/model.ts';
import { Perceptron, predict, rng, type Example } from '../pipeline/03-tag/ner-model/perceptron.ts';
import { gazetteerLists } from '../pipeline/03-tag/ner-model/sources.ts';
import { NUM_TAGS, TAG_INDEX, TAGS, type NerTag } from '../pipeline/03-tag/ner-model/tags.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpora/conll2003') },
    epochs: { type: 'string', default: '20' },
    patience: { type: 'string', default: '4' },
    seed: { type: 'string', default: '2003' },
    prune: { type: 'string', default: '0.5' },
    // Share of training documents whose sentences also get document features (the rest are tagged as lone sentences).
    'doc-share': { type: 'string', default: '0.5' },
    // Share of training documents whose sentences say which tokens are glued together (see sentenceFeatures).
    'glue-share': { type: 'string', default: '0.75' },
    out: { type: 'string', default: path.join(root, 'pipeline/03-tag/ner-model/weights.bin') },
    'dry-run': { type: 'boolean', default: false },
  },
});

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const trainFile = path.join(opt.corpus!, 'train.txt'), validFile = path.join(opt.corpus!, 'valid.txt');
if (!fs.existsSync(trainFile) || !fs.existsSync(validFile)) {
  console.error(`CoNLL-2003 not found in ${opt.corpus} (train.txt, valid.txt); pass --corpus <dir>`);
  process.exit(2);
}
const seed = Number(opt.seed), maxEpochs = Number(opt.epochs), patience = Number(opt.patience), pruneAt = Number(opt.prune), docShare = Number(opt['doc-share']), glueShare = Number(opt['glue-share']);

const train = winkTokenised(readConll(trainFile));
const valid = winkTokenised(readConll(validFile));
const count = (docs: ConllDoc[]) => docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
console.log(`read ${train.length} training documents (${count(train)} tokens), ${valid.length} validation documents (${count(valid)} tokens), wink-tokenised, ${elapsed()}`);

const lists = gazetteerLists();
const gazData = gazetteerData(lists);
const gazetteer = new Gazetteer(gazData);
console.log(`gazetteers: ${Object.entries(lists).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);

// Feature ids: hashes seen in training, numbered in order of first appearance.
const ids = new Map<number, number>();
const hashOf: number[] = [];
function examples(docs: ConllDoc[], grow: boolean, withDoc: (d: number) => boolean, withGlue: (d: number) => boolean): Example[] {
  const out: Example[] = [];
  docs.forEach((d, di) => {
    const ctx: DocumentContext[] | null = withDoc(di) ? documentContext(d.sentences.map((s) => s.words)) : null;
    d.sentences.forEach((s, si) => {
      const f = sentenceFeatures(s.words, gazetteer, ctx ? ctx[si] : undefined, withGlue(di) ? gluedOf(s) : undefined);
      const fid = new Int32Array(f.hashes.length);
      for (let j = 0; j < f.hashes.length; j++) {
        const h = f.hashes[j];
        let id = ids.get(h);
        if (id === undefined && grow) {
          id = hashOf.length;
          ids.set(h, id);
          hashOf.push(h);
        }
        fid[j] = id ?? -1;
      }
      out.push({ ids: fid, offsets: f.offsets, gold: Uint8Array.from(s.tags, (t) => TAG_INDEX.get(t)!) });
    });
  });
  return out;
}
const pickDocs = rng(seed ^ 0x5eed);
const docFlags = train.map(() => pickDocs() < docShare);
const glueFlags = train.map(() => pickDocs() < glueShare);
const trainEx = examples(train, true, (d) => docFlags[d], (d) => glueFlags[d]);
const validDocEx = examples(valid, false, () => true, () => true);
console.log(`${trainEx.length} training sentences, ${hashOf.length} features, ${elapsed()}`);

function evaluate(docs: ConllDoc[], exs: Example[], w: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>) {
  const pred: NerTag[][][] = [];
  let k = 0;
  const scratch = new Float64Array(1024 * NUM_TAGS);
  for (const d of docs) pred.push(d.sentences.map(() => Array.from(predict(exs[k++], w, trans, end, scratch), (t) => TAGS[t])));
  return scoreTags(docs, pred);
}

const model = new Perceptron(hashOf.length);
const order = trainEx.map((_, i) => i);
const shuffle = rng(seed);
let best: { f1: number; epoch: number; w: Float32Array; trans: Float32Array; end: Float32Array } = { f1: -1, epoch: 0, w: new Float32Array(0), trans: new Float32Array(0), end: new Float32Array(0) };
for (let epoch = 1; epoch <= maxEpochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let wrong = 0;
  for (const i of order) if (model.learn(trainEx[i])) wrong++;
  const avg = model.averaged();
  const s = evaluate(valid, validDocEx, avg.w, avg.trans, avg.end);
  console.log(`epoch ${String(epoch).padStart(2)}: ${wrong} sentences wrong; valid F1 ${(100 * s.all.f1).toFixed(2)} (PER ${(100 * s.PER.f1).toFixed(1)} LOC ${(100 * s.LOC.f1).toFixed(1)} ORG ${(100 * s.ORG.f1).toFixed(1)}), ${elapsed()}`);
  if (s.all.f1 > best.f1) best = { f1: s.all.f1, epoch, ...avg };
  else if (epoch - best.epoch >= patience) break;
}
console.log(`best epoch ${best.epoch}: valid F1 ${(100 * best.f1).toFixed(2)}`);

// Pruning: drop features whose largest weight (in absolute value) is below the threshold.
const keep: number[] = [];
for (let f = 0; f < hashOf.length; f++) {
  let m = 0;
  for (let t = 0; t < NUM_TAGS; t++) m = Math.max(m, Math.abs(best.w[f * NUM_TAGS + t]));
  if (m >= pruneAt) keep.push(f);
}
keep.sort((a, b) => hashOf[a] - hashOf[b]);
const hashes = Uint32Array.from(keep, (f) => hashOf[f]);
const weights = new Float32Array(keep.length * NUM_TAGS);
keep.forEach((f, r) => weights.set(best.w.subarray(f * NUM_TAGS, (f + 1) * NUM_TAGS), r * NUM_TAGS));
console.log(`kept ${keep.length} of ${hashOf.length} features (largest |weight| >= ${pruneAt})`);

const meta = {
  trainedOn: 'CoNLL-2003 eng.train (train.txt), wink-nlp tokenisation; epoch chosen on eng.testa (valid.txt)',
  algorithm: 'averaged structured perceptron, first-order BIO Viterbi',
  epochs: best.epoch,
  seed,
  prune: pruneAt,
  docShare,
  glueShare,
  features: keep.length,
  gazetteer: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
  validF1: Number(best.f1.toFixed(4)),
};
const file = encodeModel({ featureVersion: FEATURE_VERSION, gazetteer: gazData, hashes, weights, trans: best.trans, end: best.end, meta });

// Check the file as shipped: decode it and tag the validation set with the tagger itself.
const tagger = new NerModel(decodeModel(file));
const byDoc = scoreTags(valid, valid.map((d) => tagger.tagDocument(d.sentences.map((s) => s.words), d.sentences.map(gluedOf))));
const bySentence = scoreTags(valid, valid.map((d) => d.sentences.map((s) => tagger.tag(s.words, gluedOf(s)))));
const noGlue = scoreTags(valid, valid.map((d) => d.sentences.map((s) => tagger.tag(s.words))));
console.log(`\nvalid.txt, shipped model, tagDocument:\n${formatScores(byDoc)}\nvalid.txt, shipped model, tag (sentence by sentence):\n${formatScores(bySentence)}\nvalid.txt, shipped model, tag without glued:\n${formatScores(noGlue)}`);
if (!opt['dry-run']) {
  fs.writeFileSync(opt.out!, file);
  console.log(`\nwrote ${path.relative(process.cwd(), opt.out!)} (${(file.length / 1024 / 1024).toFixed(2)} MB) in ${elapsed()}`);
} else console.log(`\n(dry run: ${(file.length / 1024 / 1024).toFixed(2)} MB not written) ${elapsed()}`);
