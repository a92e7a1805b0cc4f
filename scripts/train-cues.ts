// Learns, from PolNeAR's training articles, what pipeline/04-relate/cue-model.ts reads from
// pipeline/04-relate/cue-model.json: where
// reported speech ends (which words close a reported clause and which it runs on over), and
// which nouns head the phrase of who is speaking.
//
//   npm run train:cues [-- --corpus <dir>] [--out file] [--dry-run]
//
// Reads ../shared/corpora/polnear/train (840 articles with their attributions: source, cue and
// content spans), leaving out the 21 articles of tests/dev-gold-web, which are a development
// set (their ids are read from that folder's gold files). PolNeAR's dev and test splits are never
// read. Each article goes through the pipeline's own clean, split and tag stages, so the tokens,
// parts of speech and names the counts are taken over are those the pipeline sees at run time.
// What is written is counts only (no text): PolNeAR's articles are research material, and a
// statistical summary of them carries none of their text. Deterministic: the same corpus and code
// give the same file, byte for byte.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STAGES } from '../pipeline/index.ts';
import { TOKENS } from '../pipeline/03-tag/index.ts';
import { chunkerOf, tokenAt } from '../pipeline/04-relate/phrases.ts';
import { boundaryFeatures, CUE_MODEL_FILE, type CueModelData } from '../pipeline/04-relate/cue-model.ts';
import { newDoc, sentenceAt } from '../src/model.ts';
import { heldOutIds, rawToClean } from './polnear-train.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(root, '../shared/corpora/polnear/train') },
    out: { type: 'string', default: fileURLToPath(CUE_MODEL_FILE) },
    'dry-run': { type: 'boolean', default: false },
  },
});

/** Counts below these are not written: too few to say anything, and the file stays small. */
const MIN_BOUNDARY = 5;
const MIN_NOUN = 5;

interface Frag extends Array<number> {
  0: number;
  1: number;
}
interface Attribution {
  content: Frag[];
  cue: Frag[];
  source: Frag[];
}
interface PolnearDoc {
  id: string;
  text: string;
  attributions: Attribution[];
}
interface PolnearModule {
  loadSplit(dir: string): PolnearDoc[];
  isDirect(text: string, frags: Frag[]): boolean;
}

const tool = path.resolve(root, '../shared/tools/polnear.mjs');
if (!fs.existsSync(opt.corpus!) || !fs.existsSync(tool)) {
  console.error(`PolNeAR train split or its reader not found (${opt.corpus}, ${tool}); pass --corpus <dir>`);
  process.exit(2);
}
const polnear = (await import(pathToFileURL(tool).href)) as PolnearModule;

const heldOut = heldOutIds(root);
const split = polnear.loadSplit(opt.corpus!);
const docs = split.filter((d) => !heldOut.has(d.id));
const left = split.length - docs.length;
if (left !== heldOut.size) throw new Error(`${heldOut.size} development articles named, ${left} found in the training split`);

const steps = STAGES.filter((s) => s.name !== 'relate').map((s) => s.create());

const boundaries = new Map<string, [number, number]>();
const nouns = new Map<string, [number, number]>();
const bump = (table: Map<string, [number, number]>, key: string, slot: 0 | 1) => {
  const counts = table.get(key) ?? [0, 0];
  counts[slot]++;
  table.set(key, counts);
};
let attributions = 0, reported = 0;

for (const article of docs) {
  const doc = newDoc({ docId: article.id, source: article.id, raw: article.text });
  for (const step of steps) step(doc);
  const tokens = TOKENS.get(doc) ?? [];
  const toClean = rawToClean(doc);
  const clean = (frags: Frag[]) => frags.map(([s, e]) => [toClean[s], toClean[e]] as Frag).filter(([s, e]) => e > s);
  const sourceHead = new Uint8Array(tokens.length);
  const chunker = chunkerOf(doc);

  for (const a of article.attributions) {
    attributions++;
    const cue = clean(a.cue), content = clean(a.content), source = clean(a.source);
    // The head of the source's phrase: the noun that says what kind of thing speaks.
    if (source.length) {
      const [s, e] = source[source.length - 1];
      const np = chunker.phraseEndingAt(tokenAt(tokens, e) - 1, tokenAt(tokens, source[0][0]));
      if (np && !np.pronoun && !np.name && !np.properHead) sourceHead[np.head] = 1;
    }
    // Where reported speech that follows its cue ends, inside the cue's sentence.
    if (!cue.length || !content.length || polnear.isDirect(article.text, a.content)) continue;
    const cueEnd = cue[cue.length - 1][1], start = content[0][0];
    const sentence = doc.sentences[sentenceAt(doc, start)];
    if (cueEnd > start || sentenceAt(doc, Math.max(0, cueEnd - 1)) !== sentence.index) continue;
    let end = Math.min(content[content.length - 1][1], sentence.end);
    while (end > start && /[\s,;:.!?]/.test(doc.text[end - 1])) end--;
    reported++;
    for (let k = tokenAt(tokens, start) + 1; k < tokens.length && tokens[k].start < sentence.end; k++) {
      const features = boundaryFeatures(tokens, k);
      if (!features) continue;
      if (tokens[k].start < end) {
        for (const f of features) bump(boundaries, f, 1);
        continue;
      }
      // The first candidate after the content closes it, when nothing of another clause stands between.
      if (!/[\p{L}\p{N}]/u.test(doc.text.slice(end, tokens[k].start))) for (const f of features) bump(boundaries, f, 0);
      break;
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // Nouns as written in lower case: a capitalised one may be a name the tagger read as a noun ("Trump").
    if (t.pos === 'NOUN' && t.text === t.text.toLowerCase()) bump(nouns, t.text, sourceHead[k] ? 0 : 1);
  }
}

/** A table as sorted [key, [a, b]] pairs, keeping those with enough counts. */
function table(counts: Map<string, [number, number]>, keep: (c: [number, number]) => boolean): Record<string, [number, number]> {
  return Object.fromEntries([...counts].filter(([, c]) => keep(c)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const model: CueModelData = {
  about:
    'Counts from PolNeAR v1.0.0 train (Newell, Margolin and Ruths, LREC 2018; research use only), ' +
    `${docs.length} articles and ${attributions} attributions, leaving out the ${heldOut.size} of tests/dev-gold-web; ` +
    'written by scripts/train-cues.ts. ' +
    'boundaries: feature -> [times a reported clause ends there, times it runs on over it]; ' +
    'nouns: word -> [times it heads a source phrase, times it does not].',
  boundaries: table(boundaries, ([stop, go]) => stop + go >= MIN_BOUNDARY),
  nouns: table(nouns, ([source, other]) => source + other >= MIN_NOUN && (source > 0 || other >= 4 * MIN_NOUN)),
};

const json = JSON.stringify(model, null, 0).replace(/\],"/g, '],\n"').replace(/\{"/g, '{\n"') + '\n';
console.log(`${docs.length} articles (${heldOut.size} left out), ${attributions} attributions, ${reported} reported clauses after their cue`);
console.log(`boundary features ${Object.keys(model.boundaries).length}, nouns ${Object.keys(model.nouns).length}; ${(json.length / 1024).toFixed(0)} KB`);
if (opt['dry-run']) process.exit(0);
fs.writeFileSync(opt.out!, json);
console.log(`wrote ${opt.out}`);
