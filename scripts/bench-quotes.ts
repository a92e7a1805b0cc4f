// Quotes on PolNeAR dev (attribution relations in 2016 US political news), scored by
// ../shared/tools/polnear.mjs:
//
//   npm run bench:quotes [-- --split dev|train-slice] [--keep <dir>] [--jobs N] [--errors] [--check]
//
//  - builds the dev documents with `polnear.mjs docs` (into a temporary folder),
//  - runs the whole pipeline over them (`tsx src/cli.ts extract ... --quiet --fresh`),
//  - scores its quotes.csv with `polnear.mjs score` (pooled matching, the strict figure
//    beside it) and prints precision / recall / F1 for direct and reported quotes and the
//    speaker accuracy, next to the baselines and the targets; documents per second;
//  - scores pronoun sources too: a correct quote whose gold source is "he", "who", ... has the
//    right speaker when it names the entity the pronoun refers to, as
//    tests/fixtures/polnear-dev-pronoun-sources.json gives it (hand-checked; see the .md beside it);
//  - the recall of reported speech with a say-type cue (the corpus README's reading of clearly
//    reported speech: a form of say, tell, add, ... or "according to"), the rest of the
//    non-direct attributions being mostly beliefs and plans.
//
// --split       dev (the default), or train-slice: one in five of PolNeAR's training articles
//               (scripts/polnear-train.ts says which), a development set eight times dev's size;
//               the cue model's counts are taken over them too, the speaker rules are not. Its pronoun sources are scored against the referent rule of
//               scripts/polnear-train.ts (80% agreement with hand-checked referents on dev), not
//               against hand-checked referents.
// --keep <dir>  keep the documents, the pipeline output and errors.tsv there
// --jobs N      worker threads for the pipeline (default: the CLI's own default)
// --errors      also write errors.tsv (missed golds, false positives, wrong speakers, each
//               with its sentence; a pronoun source with its referent), for error analysis
// --check       exit 1 when a target is not reached
//
// Only the dev split and the train slice are used. PolNeAR's test split is held out: do not run
// this on it and do not tune rules on what its errors show (../shared/corpora/polnear/README.md).
// Skips, exit 0, when ../shared or the corpus is absent.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lowerSource, paragraphIndex, RULE_PRONOUNS, ruleReferent, trainSliceIds } from './polnear-train.ts';
import { isNamedSource, matchPooled, namesReferent, pronounReferents, sayTypeReported, sourceAccuracy, type PolnearDoc, type PolnearScorer, type PronounSource } from '../src/eval/polnear.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = path.resolve(repoRoot, '../shared');
const trainDir = path.join(sharedDir, 'corpora/polnear/train');
const tool = path.join(sharedDir, 'tools/polnear.mjs');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

const { values: opts } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    keep: { type: 'string' },
    jobs: { type: 'string' },
    errors: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

if (opts.split !== 'dev' && opts.split !== 'train-slice') {
  console.error(`bench-quotes: --split is dev or train-slice, not ${opts.split}`);
  process.exit(2);
}
const onDev = opts.split === 'dev';
const corpusDir = onDev ? path.join(sharedDir, 'corpora/polnear/dev') : trainDir;
for (const [what, where] of [[`the PolNeAR ${onDev ? 'dev' : 'train'} split`, corpusDir], ['the PolNeAR scorer', tool]]) {
  if (!fs.existsSync(where)) {
    console.log(`bench-quotes: skipped, ${what} is not at ${where} (it lives in ../shared beside the repository)`);
    process.exit(0);
  }
}

/** Published and baseline figures, as the README gives them (dev split only; fractions). */
const BASELINES: Array<{ name: string; note: string; all?: Prf; direct?: Prf; indirectRecall?: number; source?: number; named?: number }> = [
  { name: 'naive', note: 'every "…" span, no speaker (README, dev)', all: { p: 0.744, r: 0.213, f: 0.332 }, direct: { p: 0.744, r: 0.861, f: 0.798 }, indirectRecall: 0.065, source: 0, named: 0 },
  { name: 'naive + speaker', note: 'capitalised words by the nearest said/says (README, dev)', all: { p: 0.744, r: 0.213, f: 0.332 }, direct: { p: 0.744, r: 0.861, f: 0.798 }, indirectRecall: 0.065, source: 0.241, named: 0.356 },
  { name: 'SFU Gender Gap Tracker', note: 'published, on its own corpus: quote F1 and speaker accuracy, not PolNeAR', all: { p: NaN, r: NaN, f: 0.84 }, source: 0.87 },
];
const TARGETS = { directF1: 0.93, namedAccuracy: 0.85 };

interface Prf {
  p: number;
  r: number;
  f: number;
}
interface Slice {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}
interface ScoreJson {
  articles: number;
  rows: number;
  unknownDoc: number;
  byText: number;
  unverified: number;
  unlocated: number;
  all: Slice;
  direct: Slice;
  indirect: Slice;
  strict: Slice;
  source: { pairs: number; correct: number; accuracy: number | null; namedPairs: number; namedCorrect: number; namedAccuracy: number | null };
  kind: { pairs: number; agree: number; accuracy: number | null };
}

const workDir = opts.keep ? path.resolve(opts.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-quotes-'));
fs.mkdirSync(workDir, { recursive: true });
const docsPath = path.join(workDir, `${opts.split}.jsonl`);
// The train slice is a folder of links to its articles, so the scorer reads it as a split.
const splitDir = onDev ? corpusDir : path.join(workDir, 'train-slice');
if (!onDev) {
  fs.rmSync(splitDir, { recursive: true, force: true });
  fs.mkdirSync(splitDir);
  for (const id of trainSliceIds(repoRoot, trainDir)) for (const ext of ['.txt', '.ann']) fs.symlinkSync(path.join(trainDir, id + ext), path.join(splitDir, id + ext));
}
const outDir = path.join(workDir, 'out');
const quotesPath = path.join(outDir, 'quotes.csv');

execFileSync(process.execPath, [tool, 'docs', '--dir', splitDir, '--out', docsPath], { stdio: 'pipe' });
const documents = fs.readFileSync(docsPath, 'utf8').split('\n').filter((l) => l.trim()).length;

// --fresh: a kept folder's journal would otherwise skip unchanged documents and the speed would mean nothing.
const cliArgs = [path.join(repoRoot, 'src/cli.ts'), 'extract', docsPath, '--out', outDir, '--quiet', '--fresh', ...(opts.jobs ? ['--jobs', opts.jobs] : [])];
const started = process.hrtime.bigint();
const run = spawnSync(tsx, cliArgs, { cwd: repoRoot, encoding: 'utf8' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (run.error || !fs.existsSync(quotesPath) || (run.status !== 0 && run.status !== 1)) {
  console.error(`bench-quotes: the pipeline did not run (exit ${run.status}):\n${run.error?.message ?? ''}${run.stderr}${run.stdout}`);
  process.exit(2);
}
const summary = run.stdout;
const cliRate = /^documents\s+.*?([\d.]+)\/s/m.exec(summary)?.[1];
const failed = /\((\d+) ok, (\d+) failed\)/.exec(summary);
const threads = /^processed\s+\d+ \(([^;]+);/m.exec(summary)?.[1] ?? '';
const counted = /^quotes\s+\d+ \((.*)\)$/m.exec(summary)?.[1] ?? '';

const scorer = (...extra: string[]) => execFileSync(process.execPath, [tool, 'score', '--dir', splitDir, '--quotes', quotesPath, ...extra], { encoding: 'utf8' });
const r = JSON.parse(scorer('--json')) as ScoreJson;

// The scorer's pooled matching redone prediction by prediction (it reports only totals), for
// the pronoun sources and the error listing. Its named-source counts must equal the scorer's.
const pn = (await import(pathToFileURL(tool).href)) as PolnearScorer;
const rows = pn.parseCsv(fs.readFileSync(quotesPath, 'utf8'));
const matched = pn.loadSplit(splitDir).map((doc) => matchPooled(doc, rows.filter((x) => x.doc_id === doc.id), pn.locate));
const pronounFile = path.join(repoRoot, 'tests/fixtures/polnear-dev-pronoun-sources.json');
const pronounSources = onDev ? (JSON.parse(fs.readFileSync(pronounFile, 'utf8')) as { sources: PronounSource[] }).sources : ruleReferents(matched.map((m) => m.doc));

/** The train slice's pronoun sources (he, she, they, it) with the referent rule's referent. */
function ruleReferents(docs: PolnearDoc[]): PronounSource[] {
  return docs.flatMap((doc) => {
    const paragraphOf = paragraphIndex(doc.text);
    return doc.attributions.flatMap((a): PronounSource[] => {
      const word = lowerSource(doc, a);
      if (!RULE_PRONOUNS[word]) return [];
      const [start, end] = a.source[0];
      return [{ id: doc.id, start, end, text: doc.text.slice(start, end).trim(), referent: ruleReferent(doc, start, word, paragraphOf) }];
    });
  });
}
const sources = sourceAccuracy(matched, pronounSources, pn.speakerMatches);

const pct = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '    -' : (100 * x).toFixed(1).padStart(5));
const prf = (s: Prf | Slice | undefined) => {
  if (!s) return `${pct(null)} ${pct(null)} ${pct(null)}`;
  return 'gold' in s ? `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}` : `${pct(s.p)} ${pct(s.r)} ${pct(s.f)}`;
};

console.log(`PolNeAR ${onDev ? 'dev' : 'train slice'}: ${r.articles} articles, ${r.all.gold} gold attributions (${r.direct.gold} direct, ${r.indirect.gold} indirect)`);
console.log(`pipeline: ${r.rows} quotes (${counted}); ${r.byText} located by text, ${r.unverified} offsets not matching their text, ${r.unlocated} not located`);
console.log('');
const head = (name: string) => `${name.padEnd(17)}`.slice(0, 17);
console.log(`${'pooled matching'.padEnd(24)} ${head('all')} |    ${head('direct')} |    ${head('reported')} | speaker`);
console.log(`${''.padEnd(24)} ${'    P     R    F1'} |    ${'    P     R    F1'} |    ${'    P     R    F1'} |   all  named  pron.`);
const row = (name: string, all: Prf | Slice | undefined, direct: Prf | Slice | undefined, indirect: string, source: number | null | undefined, named: number | null | undefined, pronoun?: number | null) =>
  console.log(`${name.padEnd(24)} ${prf(all)} |    ${prf(direct)} |    ${indirect} | ${pct(source)}  ${pct(named)}  ${pct(pronoun)}`);
row('this pipeline', r.all, r.direct, prf(r.indirect), r.source.accuracy, r.source.namedAccuracy, sources.pronoun.accuracy);
const baselines = onDev ? BASELINES : [];
for (const b of baselines) row(b.name, b.all, b.direct, `${pct(null)} ${pct(b.indirectRecall)} ${pct(null)}`, b.source, b.named);
console.log(`(strict one-to-one: P ${pct(r.strict.precision)}  R ${pct(r.strict.recall)}  F1 ${pct(r.strict.f1)})`);
for (const b of baselines) console.log(`  ${b.name}: ${b.note}`);
console.log('');
console.log(`reported speech: precision counts every row labelled indirect; recall is over all ${r.indirect.gold} non-direct attributions, ` +
  'most of them beliefs, plans and positions (README: expect low recall from a speech-only extractor)');
const sayType = sayTypeReported(matched);
console.log(`reported speech with a say-type cue (a form of say, tell, add, state, ask, write, tweet, reply or respond, or "according to"): ` +
  `recall ${pct(sayType.gold ? sayType.found / sayType.gold : null)}% (${sayType.found} of ${sayType.gold})`);
console.log(`speaker accuracy: ${pct(r.source.accuracy)}% of ${r.source.pairs} correct quotes whose gold has a source; ` +
  `named (capitalised) sources ${pct(r.source.namedAccuracy)}% of ${r.source.namedPairs}`);
const mapped = pronounSources.filter((p) => p.referent).length;
console.log(`pronoun-source accuracy: ${pct(sources.pronoun.accuracy)}% of ${sources.pronoun.pairs} correct quotes whose gold source is a pronoun ` +
  `the article names the referent of (${mapped} of the ${pronounSources.length} pronoun sources ` +
  `${onDev ? `of ${path.relative(repoRoot, pronounFile)}` : 'he, she, they, it resolved by the referent rule'}); ` +
  `resolved-source accuracy (named + those pronouns) ${pct(sources.resolved.accuracy)}% of ${sources.resolved.pairs}`);
if (sources.named.pairs !== r.source.namedPairs || sources.named.correct !== r.source.namedCorrect) {
  console.log(`WARNING: the matching redone here gives ${sources.named.correct} of ${sources.named.pairs} named sources right, the scorer ` +
    `${r.source.namedCorrect} of ${r.source.namedPairs}: it no longer mirrors the scorer, so the pronoun figures are not comparable`);
}
console.log(`kind: ${pct(r.kind.accuracy)}% of ${r.kind.pairs} correct quotes labelled as the gold (direct / not direct)`);
console.log('');
const directF1 = r.direct.f1 ?? 0, named = r.source.namedAccuracy ?? 0;
const verdict = (ok: boolean) => (ok ? 'reached' : 'NOT reached');
console.log(`target direct F1 >= ${TARGETS.directF1.toFixed(2)}: ${directF1.toFixed(4)} ${verdict(directF1 >= TARGETS.directF1)}`);
console.log(`target named-source accuracy >= ${TARGETS.namedAccuracy.toFixed(2)}: ${named.toFixed(4)} ${verdict(named >= TARGETS.namedAccuracy)}`);
console.log('');
console.log(`speed: ${(documents / seconds).toFixed(1)} documents/s over the whole run (${documents} documents in ${seconds.toFixed(1)} s, ` +
  `process start-up included; ${threads}); the CLI's own figure ${cliRate ?? '?'}/s`);
if (failed && failed[2] !== '0') console.log(`pipeline failures: ${failed[2]} documents (see ${path.join(outDir, 'documents.csv')})`);

// ---------------------------------------------------------------------------
// Diagnostics: one line per missed gold, false positive and wrong speaker, with the
// sentence around it, from the same prediction-by-prediction matching.

function writeErrors(file: string): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const referentOf = pronounReferents(pronounSources);
  const lines = ['category\tdoc_id\tstart\tend\tgold_kind\tpred_kind\tgold_source\tpred_speaker\tgold_cue\tpred_cue\ttext\tcontext'];
  for (const { doc, predictions, received, found } of matched) {
    const context = (s: number, e: number) => {
      const from = Math.max(doc.text.lastIndexOf('\n', s - 1) + 1, s - 200), to = Math.min(doc.text.indexOf('\n', e) < 0 ? doc.text.length : doc.text.indexOf('\n', e), e + 200);
      return flat(doc.text.slice(from, to));
    };
    const spanText = (fr: Array<[number, number]>) => flat(fr.map(([s, e]) => doc.text.slice(s, e)).join(' … '));
    const correct = new Set<number>();
    doc.attributions.forEach((g, j) => {
      const s = g.content[0][0], e = g.content.at(-1)![1];
      const cue = spanText(g.cue);
      if (!found[j]) {
        const partial = received[j].length ? 'partial' : 'missed';
        lines.push([`${partial}-${g.direct ? 'direct' : 'indirect'}`, doc.id, s, e, g.direct ? 'direct' : 'indirect', '', g.sourceText, '', cue, '', spanText(g.content), context(s, e)].join('\t'));
        return;
      }
      for (const i of received[j]) {
        correct.add(i);
        const p = predictions[i].row;
        const pronoun = referentOf(doc.id, g);
        if (pronoun ? !namesReferent(p.speaker, pronoun, pn.speakerMatches) : g.sourceText && !pn.speakerMatches(p.speaker, g.sourceText)) {
          const category = pronoun ? 'pronoun' : isNamedSource(g.sourceText) ? 'named' : 'other';
          const source = pronoun ? `${g.sourceText} (${pronoun.referent})` : g.sourceText;
          lines.push([`speaker-${category}`, doc.id, p.raw_start ?? p.start, p.raw_end ?? p.end, g.direct ? 'direct' : 'indirect', p.kind, source, p.speaker, cue, p.cue, flat(p.text), context(s, e)].join('\t'));
        }
      }
    });
    predictions.forEach((p, i) => {
      if (correct.has(i)) return;
      const [[s, e]] = p.frags;
      lines.push([`false-${p.row.kind}`, doc.id, s, e, '', p.row.kind, '', p.row.speaker, '', p.row.cue, flat(p.row.text), context(s, e)].join('\t'));
    });
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

if (opts.errors) {
  const file = writeErrors(path.join(workDir, 'errors.tsv'));
  console.log(`errors: ${file}`);
}
if (opts.keep) console.log(`kept: ${workDir}`);
else if (!opts.errors) fs.rmSync(workDir, { recursive: true, force: true });
else console.log(`(temporary folder left for the errors file: ${workDir})`);

if (opts.check && (directF1 < TARGETS.directF1 || named < TARGETS.namedAccuracy)) process.exitCode = 1;
