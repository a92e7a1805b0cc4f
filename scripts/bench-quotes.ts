// Quotes on PolNeAR dev (attribution relations in 2016 US political news), scored by
// ../shared/tools/polnear.mjs:
//
//   npm run bench:quotes [-- --keep <dir>] [--jobs N] [--errors] [--check]
//
//  - builds the dev documents with `polnear.mjs docs` (into a temporary folder),
//  - runs the whole pipeline over them (`tsx src/cli.ts extract ... --quiet --fresh`),
//  - scores its quotes.csv with `polnear.mjs score` (pooled matching, the strict figure
//    beside it) and prints precision / recall / F1 for direct and reported quotes and the
//    speaker accuracy, next to the baselines and the targets; documents per second.
//
// --keep <dir>  keep the documents, the pipeline output and errors.tsv there
// --jobs N      worker threads for the pipeline (default: the CLI's own default)
// --errors      also write errors.tsv (missed golds, false positives, wrong speakers, each
//               with its sentence), for error analysis; diagnostic only: it re-does the
//               scorer's pooled matching, the figures printed are the scorer's own
// --check       exit 1 when a target is not reached
//
// Only the dev split is used. PolNeAR's test split is held out: do not run this on it and
// do not tune rules on what its errors show (../shared/corpora/polnear/README.md).
// Skips, exit 0, when ../shared or the corpus is absent.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = path.resolve(repoRoot, '../shared');
const splitDir = path.join(sharedDir, 'corpora/polnear/dev');
const tool = path.join(sharedDir, 'tools/polnear.mjs');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

const { values: opts } = parseArgs({
  options: {
    keep: { type: 'string' },
    jobs: { type: 'string' },
    errors: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

for (const [what, where] of [['the PolNeAR dev split', splitDir], ['the PolNeAR scorer', tool]]) {
  if (!fs.existsSync(where)) {
    console.log(`bench-quotes: skipped, ${what} is not at ${where} (it lives in ../shared beside the repository)`);
    process.exit(0);
  }
}

/** Figures as the README and the issue give them (dev split only; fractions). */
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
const docsPath = path.join(workDir, 'dev.jsonl');
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

const pct = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '    -' : (100 * x).toFixed(1).padStart(5));
const prf = (s: Prf | Slice | undefined) => {
  if (!s) return `${pct(null)} ${pct(null)} ${pct(null)}`;
  return 'gold' in s ? `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}` : `${pct(s.p)} ${pct(s.r)} ${pct(s.f)}`;
};

console.log(`PolNeAR dev: ${r.articles} articles, ${r.all.gold} gold attributions (${r.direct.gold} direct, ${r.indirect.gold} indirect)`);
console.log(`pipeline: ${r.rows} quotes (${counted}); ${r.byText} located by text, ${r.unverified} offsets not matching their text, ${r.unlocated} not located`);
console.log('');
const head = (name: string) => `${name.padEnd(17)}`.slice(0, 17);
console.log(`${'pooled matching'.padEnd(24)} ${head('all')} |    ${head('direct')} |    ${head('reported')} | speaker`);
console.log(`${''.padEnd(24)} ${'    P     R    F1'} |    ${'    P     R    F1'} |    ${'    P     R    F1'} |   all  named`);
const row = (name: string, all: Prf | Slice | undefined, direct: Prf | Slice | undefined, indirect: string, source: number | null | undefined, named: number | null | undefined) =>
  console.log(`${name.padEnd(24)} ${prf(all)} |    ${prf(direct)} |    ${indirect} | ${pct(source)}  ${pct(named)}`);
row('this pipeline', r.all, r.direct, prf(r.indirect), r.source.accuracy, r.source.namedAccuracy);
for (const b of BASELINES) row(b.name, b.all, b.direct, `${pct(null)} ${pct(b.indirectRecall)} ${pct(null)}`, b.source, b.named);
console.log(`(strict one-to-one: P ${pct(r.strict.precision)}  R ${pct(r.strict.recall)}  F1 ${pct(r.strict.f1)})`);
for (const b of BASELINES) console.log(`  ${b.name}: ${b.note}`);
console.log('');
console.log(`reported speech: precision counts every row labelled indirect; recall is over all ${r.indirect.gold} non-direct attributions, ` +
  'most of them beliefs, plans and positions (README: expect low recall from a speech-only extractor)');
console.log(`speaker accuracy: ${pct(r.source.accuracy)}% of ${r.source.pairs} correct quotes whose gold has a source; ` +
  `named (capitalised) sources ${pct(r.source.namedAccuracy)}% of ${r.source.namedPairs}`);
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
// sentence around it. The matching mirrors the scorer's pooled mode.

interface Gold {
  id: string;
  content: Array<[number, number]>;
  cue: Array<[number, number]>;
  source: Array<[number, number]>;
  direct: boolean;
  sourceText: string;
}
interface PolnearModule {
  loadSplit(dir: string): Array<{ id: string; text: string; attributions: Gold[] }>;
  parseCsv(src: string): Array<Record<string, string>>;
  locate(doc: { text: string }, row: Record<string, string>, taken: Set<number>): { s: number; e: number } | null;
  speakerMatches(speaker: string, source: string): boolean;
}

const merge = (frags: Array<[number, number]>) => {
  const out: Array<[number, number]> = [];
  for (const [s, e] of [...frags].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
};
// As the scorer reads a "capitalised" source: a capitalised word that is not a pronoun or determiner.
const NOT_NAMES = new Set(('i me we us you he him she her they them it who whom which that this these those one someone some others many most ' +
  'both all each either neither several few his hers its their our my your the a an another such any no every but and so').split(' '));
const isNamed = (source: string) => (source.match(/[\p{L}'’.-]+/gu) ?? []).some((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()));

async function writeErrors(file: string): Promise<string> {
  const pn = (await import(pathToFileURL(tool).href)) as PolnearModule;
  const docs = pn.loadSplit(splitDir);
  const rows = pn.parseCsv(fs.readFileSync(quotesPath, 'utf8'));
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const lines = ['category\tdoc_id\tstart\tend\tgold_kind\tpred_kind\tgold_source\tpred_speaker\tgold_cue\tpred_cue\ttext\tcontext'];
  for (const doc of docs) {
    const ns = new Int32Array(doc.text.length + 1);
    for (let i = 0; i < doc.text.length; i++) ns[i + 1] = ns[i] + (/\s/.test(doc.text[i]) ? 0 : 1);
    const size = (fr: Array<[number, number]>) => fr.reduce((n, [s, e]) => n + ns[e] - ns[s], 0);
    const over = (a: Array<[number, number]>, b: Array<[number, number]>) => {
      let n = 0;
      for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.min(e1, e2) > Math.max(s1, s2)) n += ns[Math.min(e1, e2)] - ns[Math.max(s1, s2)];
      return n;
    };
    const taken = new Set<number>();
    const preds = rows.filter((x) => x.doc_id === doc.id).flatMap((x) => {
      const at = pn.locate(doc, x, taken);
      if (!at) return [];
      taken.add(at.s);
      return [{ row: x, frags: [[at.s, at.e]] as Array<[number, number]> }];
    });
    const got = doc.attributions.map(() => [] as number[]);
    preds.forEach((p, i) => {
      let best = -1, bestOv = 0;
      doc.attributions.forEach((g, j) => {
        const o = over(p.frags, g.content);
        if (o > 0 && 2 * o >= size(p.frags) && (o > bestOv || (o === bestOv && size(g.content) < size(doc.attributions[best].content)))) (best = j), (bestOv = o);
      });
      if (best >= 0) got[best].push(i);
    });
    const context = (s: number, e: number) => {
      const from = Math.max(doc.text.lastIndexOf('\n', s - 1) + 1, s - 200), to = Math.min(doc.text.indexOf('\n', e) < 0 ? doc.text.length : doc.text.indexOf('\n', e), e + 200);
      return flat(doc.text.slice(from, to));
    };
    const spanText = (fr: Array<[number, number]>) => flat(fr.map(([s, e]) => doc.text.slice(s, e)).join(' … '));
    const correct = new Set<number>();
    doc.attributions.forEach((g, j) => {
      const covered = merge(got[j].flatMap((i) => preds[i].frags));
      const found = got[j].length > 0 && 2 * over(covered, g.content) >= size(g.content);
      const s = g.content[0][0], e = g.content.at(-1)![1];
      const cue = spanText(g.cue);
      if (!found) {
        const partial = got[j].length ? 'partial' : 'missed';
        lines.push([`${partial}-${g.direct ? 'direct' : 'indirect'}`, doc.id, s, e, g.direct ? 'direct' : 'indirect', '', g.sourceText, '', cue, '', spanText(g.content), context(s, e)].join('\t'));
        return;
      }
      for (const i of got[j]) {
        correct.add(i);
        const p = preds[i].row;
        if (g.sourceText && !pn.speakerMatches(p.speaker, g.sourceText)) {
          lines.push([`speaker-${isNamed(g.sourceText) ? 'named' : 'other'}`, doc.id, p.raw_start ?? p.start, p.raw_end ?? p.end, g.direct ? 'direct' : 'indirect', p.kind, g.sourceText, p.speaker, cue, p.cue, flat(p.text), context(s, e)].join('\t'));
        }
      }
    });
    preds.forEach((p, i) => {
      if (correct.has(i)) return;
      const [[s, e]] = p.frags;
      lines.push([`false-${p.row.kind}`, doc.id, s, e, '', p.row.kind, '', p.row.speaker, '', p.row.cue, flat(p.row.text), context(s, e)].join('\t'));
    });
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

if (opts.errors) {
  const file = await writeErrors(path.join(workDir, 'errors.tsv'));
  console.log(`errors: ${file}`);
}
if (opts.keep) console.log(`kept: ${workDir}`);
else if (!opts.errors) fs.rmSync(workDir, { recursive: true, force: true });
else console.log(`(temporary folder left for the errors file: ${workDir})`);

if (opts.check && (directF1 < TARGETS.directF1 || named < TARGETS.namedAccuracy)) process.exitCode = 1;
