// Trains the PER/LOC/ORG/MISC tagger of pipeline/03-tag/ner-model on CoNLL-2003
// and writes its weights file (pipeline/03-tag/ner-model/weights.bin).
//
//   npm run train:ner [-- --corpus <dir>] [--epochs N] [--seed N] [--prune X] [--out file] [--dry-run]
//                     [--folds K --fold k]
//
// With --folds K --fold k it trains on the training documents but every K-th from the k-th
// (a tagger that has not seen those documents, for scripts/train-arbiter.ts).
// Trains on train.txt only; valid.txt picks the epoch (early stopping) and is
// the score printed. test.txt is never read here. Deterministic: the same
// corpus, code and options give the same weights file, byte for byte.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatScores, gluedOf, readConll, scoreHeadings, scoreTags, titleCaseHeadings, winkTokenised, type ConllDoc } from '../pipeline/03-tag/ner-model/conll.ts';
import { clusterData, WordClusters } from '../pipeline/03-tag/ner-model/clusters.ts';
import { allHistoryHashes, documentContext, DocumentHistory, FEATURE_VERSION, hasHistory, HISTORY_TYPES, historyHashes, sentenceFeatures, type DocumentContext } from '../pipeline/03-tag/ner-model/features.ts';
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
    // Share of training documents that get a Title Case copy of one of their sentences as a heading (see titleCaseHeadings).
    'title-share': { type: 'string', default: '0.3' },
    out: { type: 'string', default: path.join(root, 'pipeline/03-tag/ner-model/weights.bin') },
    'dry-run': { type: 'boolean', default: false },
    'no-clusters': { type: 'boolean', default: false },
    folds: { type: 'string', default: '1' },
    fold: { type: 'string', default: '-1' },
  },
});

const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const trainFile = path.join(opt.corpus!, 'train.txt'), validFile = path.join(opt.corpus!, 'valid.txt');
if (!fs.existsSync(trainFile) || !fs.existsSync(validFile)) {
  console.error(`CoNLL-2003 not found in ${opt.corpus} (train.txt, valid.txt); pass --corpus <dir>`);
  process.exit(2);
}
const seed = Number(opt.seed), maxEpochs = Number(opt.epochs), patience = Number(opt.patience), pruneAt = Number(opt.prune), docShare = Number(opt['doc-share']), glueShare = Number(opt['glue-share']), titleShare = Number(opt['title-share']);

const folds = Number(opt.folds), fold = Number(opt.fold);
const train = titleCaseHeadings(winkTokenised(readConll(trainFile).filter((_, d) => folds < 2 || d % folds !== fold)), titleShare, rng(seed ^ 0x7171e));
const valid = winkTokenised(readConll(validFile));
// Valid with a Title Case heading in every document: the headings alone are scored.
const validTitled = titleCaseHeadings(valid, 1, rng(seed ^ 0x7171e));
const count = (docs: ConllDoc[]) => docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
console.log(`read ${train.length} training documents (${count(train)} tokens), ${valid.length} validation documents (${count(valid)} tokens), wink-tokenised, ${elapsed()}`);

const lists = gazetteerLists();
const gazData = gazetteerData(lists);
const gazetteer = new Gazetteer(gazData);
console.log(`gazetteers: ${Object.entries(lists).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
const clusterFile = path.join(root, 'pipeline/03-tag/ner-model/word-clusters.txt');
const clustersData = opt['no-clusters'] ? '' : clusterData(fs.readFileSync(clusterFile, 'utf8'));
const clusters = new WordClusters(clustersData);
console.log(`word clusters: ${clusters.size} words`);

// Feature ids: hashes seen in training, numbered in order of first appearance (the history features first).
const ids = new Map<number, number>();
const hashOf: number[] = [];
for (const h of allHistoryHashes()) {
  ids.set(h, hashOf.length);
  hashOf.push(h);
}
/** The most features historyHashes gives one token. */
const HISTORY_SLOTS = 1 + HISTORY_TYPES;

/**
 * One document's sentences as examples. With `history`, each token with
 * history (hasHistory) has HISTORY_SLOTS more feature slots, filled before each
 * use from how the model being trained (or evaluated) tagged the document's
 * earlier sentences.
 */
interface DocExamples {
  sentences: Example[];
  words: string[][];
  history: boolean;
}

function examples(docs: ConllDoc[], grow: boolean, withDoc: (d: number) => boolean, withGlue: (d: number) => boolean): DocExamples[] {
  return docs.map((d, di) => {
    const history = withDoc(di);
    const ctx: DocumentContext[] | null = history ? documentContext(d.sentences.map((s) => s.words), gazetteer) : null;
    const sentences = d.sentences.map((s, si) => {
      const f = sentenceFeatures(s.words, gazetteer, clusters, ctx ? ctx[si] : undefined, withGlue(di) ? gluedOf(s) : undefined);
      const slots = s.words.map((w) => (history && hasHistory(w) ? HISTORY_SLOTS : 0));
      const fid = new Int32Array(f.hashes.length + slots.reduce((a, b) => a + b, 0)).fill(-1);
      const offsets = new Uint32Array(s.words.length + 1);
      let k = 0;
      for (let i = 0; i < s.words.length; i++) {
        offsets[i] = k;
        for (let j = f.offsets[i]; j < f.offsets[i + 1]; j++) {
          const h = f.hashes[j];
          let id = ids.get(h);
          if (id === undefined && grow) {
            id = hashOf.length;
            ids.set(h, id);
            hashOf.push(h);
          }
          fid[k++] = id ?? -1;
        }
        k += slots[i];
      }
      offsets[s.words.length] = k;
      return { ids: fid, offsets, gold: Uint8Array.from(s.tags, (t) => TAG_INDEX.get(t)!) };
    });
    return { sentences, words: d.sentences.map((s) => s.words), history };
  });
}

/** Writes the history features of sentence `ex` (words `words`) into its slots. */
function fillHistory(ex: Example, words: string[], history: DocumentHistory): void {
  history.lookup(words).forEach((counts, i) => {
    if (!counts) return;
    const at = ex.offsets[i + 1] - HISTORY_SLOTS;
    ex.ids.fill(-1, at, at + HISTORY_SLOTS);
    historyHashes(counts).forEach((h, k) => (ex.ids[at + k] = ids.get(h)!));
  });
}

/** Goes through a document's sentences in order, with prediction history where it has it: tag(example) gives the tags recorded. */
function walk(doc: DocExamples, tag: (ex: Example) => Uint8Array): void {
  const history = doc.history ? new DocumentHistory() : null;
  doc.sentences.forEach((ex, s) => {
    if (history) fillHistory(ex, doc.words[s], history);
    const tags = tag(ex);
    history?.record(doc.words[s], tags);
  });
}

const pickDocs = rng(seed ^ 0x5eed);
const docFlags = train.map(() => pickDocs() < docShare);
const glueFlags = train.map(() => pickDocs() < glueShare);
const trainEx = examples(train, true, (d) => docFlags[d], (d) => glueFlags[d]);
const validDocEx = examples(valid, false, () => true, () => true);
const validTitledEx = examples(validTitled, false, () => true, () => true);
console.log(`${trainEx.reduce((n, d) => n + d.sentences.length, 0)} training sentences, ${hashOf.length} features, ${elapsed()}`);

function predictAll(exs: DocExamples[], w: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>): NerTag[][][] {
  const scratch = new Float64Array(1024 * NUM_TAGS);
  return exs.map((d) => {
    const tags: NerTag[][] = [];
    walk(d, (ex) => {
      const t = predict(ex, w, trans, end, scratch);
      tags.push(Array.from(t, (x) => TAGS[x]));
      return t;
    });
    return tags;
  });
}
const evaluate = (docs: ConllDoc[], exs: DocExamples[], w: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>) => scoreTags(docs, predictAll(exs, w, trans, end));
/** Scores of the Title Case headings alone (in their documents' context). */
function evaluateHeadings(w: ArrayLike<number>, trans: ArrayLike<number>, end: ArrayLike<number>) {
  const pred = predictAll(validTitledEx, w, trans, end);
  return scoreHeadings(validTitled, pred);
}

const model = new Perceptron(hashOf.length);
// Documents in a new order each epoch, each one's sentences in order (for the prediction history).
const order = trainEx.map((_, i) => i);
const shuffle = rng(seed);
let best: { f1: number; epoch: number; w: Float32Array; trans: Float32Array; end: Float32Array } = { f1: -1, epoch: 0, w: new Float32Array(0), trans: new Float32Array(0), end: new Float32Array(0) };
for (let epoch = 1; epoch <= maxEpochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let wrong = 0;
  for (const i of order) {
    walk(trainEx[i], (ex) => {
      const pred = model.learn(ex);
      if (pred.some((t, k) => t !== ex.gold[k])) wrong++;
      return pred;
    });
  }
  const avg = model.averaged();
  const s = evaluate(valid, validDocEx, avg.w, avg.trans, avg.end);
  const h = evaluateHeadings(avg.w, avg.trans, avg.end);
  console.log(`epoch ${String(epoch).padStart(2)}: ${wrong} sentences wrong; valid F1 ${(100 * s.all.f1).toFixed(2)} (PER ${(100 * s.PER.f1).toFixed(1)} LOC ${(100 * s.LOC.f1).toFixed(1)} ORG ${(100 * s.ORG.f1).toFixed(1)}; Title Case headings ${(100 * h.all.f1).toFixed(1)}), ${elapsed()}`);
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
  trainedOn: `CoNLL-2003 eng.train (train.txt${folds > 1 ? `, but every ${folds}th document from the ${fold}th` : ''}), wink-nlp tokenisation; epoch chosen on eng.testa (valid.txt)`,
  algorithm: 'averaged structured perceptron, first-order BIO Viterbi',
  epochs: best.epoch,
  seed,
  prune: pruneAt,
  docShare,
  glueShare,
  titleShare,
  features: keep.length,
  gazetteer: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
  clusters: clusters.size,
  validF1: Number(best.f1.toFixed(4)),
};
const file = encodeModel({ featureVersion: FEATURE_VERSION, gazetteer: gazData, clusters: clustersData, hashes, weights, trans: best.trans, end: best.end, meta });

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
