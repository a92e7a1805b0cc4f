// Benchmarks batch runs over the BBC corpus in ../shared (2,225 articles, 5 MB)
// against controls measured in the same run, so that a busy machine slows both:
//  - the whole pipeline with 1 worker, against wink-nlp's readDoc alone (a plain
//    instance, default pipe) on the same texts; and the pipeline with the
//    statistical tagger switched off (`disableRules: ["ner"]`), to show its cost;
//  - the speed-up of all workers over 1 on the BBC corpus repeated (--scaling 3),
//    where start-up and warm-up weigh less, against the speed-up of as many plain
//    wink threads over 1 (the machine's own parallel headroom);
//  - peak memory of all workers against as many plain wink threads with the same
//    heap limits, and on the corpus repeated (--repeat 10) against once;
//  - compromise's nlp() alone (on a subset, extrapolated: it is slow).
// Each configuration runs in its own child process, which reports its wall time,
// CPU time and peak RSS (process.resourceUsage().maxRSS, all threads). Prints a
// table, the machine's load average around each run, and each target as met or not
// with its ratio.
//
// usage: npm run bench [-- --repeat 10] [--jobs N] [--compromise-docs 150] [--skip-repeat] [--scaling 3] [--best-of N]
//   --best-of N: the first rows (wink alone, the pipeline with 1 worker, without the
//   tagger, with all workers) run N times in turn; the fastest of each is kept.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/bbc/articles.jsonl');
const self = fileURLToPath(import.meta.url);

interface Measure {
  seconds: number;
  /** CPU time of the child, all threads (user + system). */
  cpuSeconds: number;
  maxRssMb: number;
  documents: number;
  bytes: number;
  note?: string;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Text bytes of the first `limit` records of a JSON Lines corpus. */
async function readTexts(file: string, limit = Infinity): Promise<string[]> {
  const texts: string[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    texts.push(String(JSON.parse(line).text ?? ''));
    if (texts.length >= limit) break;
  }
  lines.close();
  return texts;
}

const bytesOf = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// ---------------------------------------------------------------- child modes

async function child(kind: string): Promise<Measure> {
  if (kind === 'pipeline') {
    const input = option('--input')!;
    const jobs = Number(option('--jobs'));
    const bytes = Number(option('--bytes'));
    const { runBatch } = await import('../src/batch/run.ts');
    // The tagger switched off: the rules alone (the model is then never loaded).
    const customisation = args.includes('--no-tagger') ? { add: {}, remove: {}, disableRules: ['ner'] } : undefined;
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-bench-'));
    try {
      const started = performance.now();
      const cpu0 = cpuSeconds();
      // The CLI's code path, counting worker start-up; smallBatch 0 so that workers are used.
      const totals = await runBatch({ files: [input], outDir, jobs, journal: 'fresh', smallBatch: 0, customisation });
      const seconds = (performance.now() - started) / 1000;
      const notes = [`workers idle ${totals.workerIdleSeconds.toFixed(1)} s in all`, ...(totals.failedCount ? [`${totals.failedCount} failed`] : [])];
      return { seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: maxRssMb(), documents: totals.documents, bytes, note: notes.join('; ') };
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }
  if (kind === 'wink') {
    const texts = await readTexts(corpus);
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const nlp = winkNLP(model);
    for (const t of texts.slice(0, 20)) nlp.readDoc(t); // warm-up
    const started = performance.now();
    const cpu0 = cpuSeconds();
    let tokens = 0;
    for (const t of texts) tokens += nlp.readDoc(t).tokens().length();
    const seconds = (performance.now() - started) / 1000;
    return { seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: maxRssMb(), documents: texts.length, bytes: bytesOf(texts), note: `${tokens} tokens` };
  }
  if (kind === 'wink-threads') {
    // The machine's own parallel headroom: wink readDoc over the corpus in N threads at once,
    // with the heap limits of the pipeline's workers (so that their memory compares too).
    const threads = Number(option('--threads'));
    const times = Number(option('--times') ?? 1);
    const { Worker } = await import('node:worker_threads');
    const { workerResourceLimits } = await import('../src/batch/pool.ts');
    const texts = await readTexts(corpus);
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const { texts, times } = workerData;
      for (const t of texts.slice(0, 20)) nlp.readDoc(t);
      parentPort.postMessage('ready');
      parentPort.once('message', () => {
        for (let k = 0; k < times; k++) for (const t of texts) nlp.readDoc(t);
        parentPort.postMessage('done');
      });`;
    const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: { texts, times }, resourceLimits: workerResourceLimits() }));
    await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
    const started = performance.now();
    const cpu0 = cpuSeconds();
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('message', r), w.postMessage('go')))));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds() - cpu0;
    await Promise.all(workers.map((w) => w.terminate()));
    return { seconds, cpuSeconds: cpu, maxRssMb: maxRssMb(), documents: texts.length * threads * times, bytes: bytesOf(texts) * threads * times };
  }
  if (kind === 'compromise') {
    const limit = Number(option('--limit'));
    const texts = await readTexts(corpus, limit);
    const nlp = (await import('compromise')).default;
    nlp('Warm up the lexicon, Mr Smith said.').json();
    const started = performance.now();
    const cpu0 = cpuSeconds();
    for (const t of texts) nlp(t);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: maxRssMb(), documents: texts.length, bytes: bytesOf(texts) };
  }
  throw new Error(`unknown child kind ${kind}`);
}

if (args[0] === '--child') {
  const result = await child(args[1]);
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------- parent

if (!fs.existsSync(corpus)) {
  console.log(`bench: skipped, no BBC corpus at ${corpus} (it lives in ../shared beside the repository)`);
  process.exit(0);
}

/** The 1-minute load average, sampled before and after every child. */
const loads: number[] = [];
const sampleLoad = () => {
  const load = os.loadavg()[0];
  loads.push(load);
  return load;
};

interface Row {
  name: string;
  m: Measure;
  /** Load average before and after the run. */
  load: [number, number];
  extrapolated?: number;
}

function runChild(label: string, childArgs: string[]): Row {
  process.stderr.write(`bench: ${label} ...\n`);
  const before = sampleLoad();
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', ...childArgs], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`bench: ${label} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
  return { name: label, m: JSON.parse(line.slice('RESULT '.length)) as Measure, load: [before, sampleLoad()] };
}

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const allJobs = Number(option('--jobs') ?? cores);
const repeat = Number(option('--repeat') ?? 10);
const compromiseDocs = Number(option('--compromise-docs') ?? 150);
const skipRepeat = args.includes('--skip-repeat');
const scaling = Number(option('--scaling') ?? 3);
const bestOf = Number(option('--best-of') ?? 1);
if (!(bestOf >= 1)) throw new Error('bench: --best-of must be at least 1');

const { pipelineVersion } = await import('../src/batch/version.ts');
console.log(`news-extract bench: ${corpus}`);
console.log(`node ${process.version}, ${cores} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the start, pipeline ${pipelineVersion()}`);

const rows: Row[] = [];
// Text bytes are counted here, so that the pipeline children hold nothing but the run.
const corpusBytes = String(bytesOf(await readTexts(corpus)));
const pipelineArgs = (input: string, jobs: number, bytes: string, ...more: string[]) => ['pipeline', '--input', input, '--jobs', String(jobs), '--bytes', bytes, ...more];

// On a machine shared with other work, the fastest of several runs taken in turn is
// the least disturbed one (--best-of N); its memory is reported with it.
const fastest = (a: Row | undefined, b: Row) => (a === undefined || b.m.seconds < a.m.seconds ? b : a);
const first: Array<{ label: string; args: string[]; best?: Row }> = [
  { label: 'wink-nlp readDoc alone (plain instance, default pipe)', args: ['wink'] },
  { label: 'pipeline, 1 worker', args: pipelineArgs(corpus, 1, corpusBytes) },
  { label: 'pipeline, 1 worker, statistical tagger off', args: pipelineArgs(corpus, 1, corpusBytes, '--no-tagger') },
  { label: `pipeline, ${allJobs} workers`, args: pipelineArgs(corpus, allJobs, corpusBytes) },
];
for (let run = 1; run <= bestOf; run++) {
  for (const config of first) config.best = fastest(config.best, runChild(`${config.label}${bestOf > 1 ? ` (run ${run} of ${bestOf})` : ''}`, config.args));
}
for (const config of first) rows.push({ ...config.best!, name: `${config.label}${bestOf > 1 ? ` (fastest of ${bestOf})` : ''}` });
const [wink, pipeline1, noTagger, pipelineAll] = first.map((c) => c.best!.m);

/** Runs `run` on the BBC corpus repeated `times` times (distinct ids), written to a temporary file. */
function withRepeatedCorpus<T>(times: number, run: (input: string, bytes: string) => T): T {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-bench-in-'));
  const input = path.join(tmp, `bbc-x${times}.jsonl`);
  const records = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((line) => JSON.parse(line));
  const out = fs.openSync(input, 'w');
  for (let k = 0; k < times; k++) {
    for (const record of records) {
      fs.writeSync(out, JSON.stringify({ ...record, id: `${record.id}-r${k}` }) + '\n');
    }
  }
  fs.closeSync(out);
  try {
    return run(input, String(Number(corpusBytes) * times));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The speed-up of all workers over one, beside the controls' (the same texts, taken right after).
let scaled: { one: Measure; all: Measure; winkOne: Measure; winkAll: Measure } | undefined;
if (scaling > 0 && allJobs >= 2) {
  const [one, all] = withRepeatedCorpus(scaling, (input, bytes) => [
    runChild(`pipeline, 1 worker, BBC x${scaling}`, pipelineArgs(input, 1, bytes)),
    runChild(`pipeline, ${allJobs} workers, BBC x${scaling}`, pipelineArgs(input, allJobs, bytes)),
  ]);
  const winkOne = runChild(`control: wink readDoc, 1 thread, BBC x${scaling}`, ['wink-threads', '--threads', '1', '--times', String(scaling)]);
  const winkAll = runChild(`control: wink readDoc, ${allJobs} threads at once, BBC x${scaling} each`, ['wink-threads', '--threads', String(allJobs), '--times', String(scaling)]);
  rows.push(one, all, winkOne, winkAll);
  scaled = { one: one.m, all: all.m, winkOne: winkOne.m, winkAll: winkAll.m };
}

let repeated: Measure | undefined;
if (!skipRepeat) {
  const row = withRepeatedCorpus(repeat, (input, bytes) => runChild(`pipeline, ${allJobs} workers, BBC x${repeat}`, pipelineArgs(input, allJobs, bytes)));
  rows.push(row);
  repeated = row.m;
}

const compromise = runChild(`compromise nlp() alone, first ${compromiseDocs} articles`, ['compromise', '--limit', String(compromiseDocs)]);
const compromiseRate = compromise.m.bytes / compromise.m.seconds;
rows.push({ ...compromise, extrapolated: wink.bytes / compromiseRate });

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log('');
console.log('| configuration | documents | MB | seconds | CPU s | documents/s | MB/s | peak RSS MB | load average before, after | notes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { name, m, load, extrapolated } of rows) {
  const secs = extrapolated === undefined ? fmt(m.seconds) : `${fmt(m.seconds)} (whole corpus: ~${fmt(extrapolated, 0)})`;
  console.log(`| ${name} | ${m.documents} | ${fmt(m.bytes / 1e6, 2)} | ${secs} | ${fmt(m.cpuSeconds)} | ${fmt(m.documents / m.seconds)} | ${fmt(m.bytes / 1e6 / m.seconds, 3)} | ${fmt(m.maxRssMb, 0)} | ${fmt(load[0])}, ${fmt(load[1])} | ${m.note ?? ''} |`);
}
console.log('');
const meanLoad = loads.reduce((a, b) => a + b, 0) / loads.length;
console.log(`load average (1 minute) during the run: ${fmt(Math.min(...loads))} to ${fmt(Math.max(...loads))}, mean ${fmt(meanLoad)}, on ${cores} cores${meanLoad > cores ? ': other work shared the cores, so wall times are long; the ratios to the controls are what to read' : ''}`);
console.log('');

const verdicts: Array<[string, boolean, string]> = [];
const rate = (m: Measure) => m.bytes / m.seconds;
const ratioWink = pipeline1.seconds / wink.seconds;
verdicts.push(['1. pipeline (1 worker) time / wink readDoc alone <= 3x', ratioWink <= 3, `${fmt(ratioWink, 2)}x (${fmt(pipeline1.seconds)} s / ${fmt(wink.seconds)} s)`]);
// CPU time is disturbed less than wall time by other work on the machine (but it counts the pipeline's JIT and GC threads).
verdicts.push(['(info) 1. the same in CPU time', true, `${fmt(pipeline1.cpuSeconds / wink.cpuSeconds, 2)}x (${fmt(pipeline1.cpuSeconds)} s / ${fmt(wink.cpuSeconds)} s)`]);
if (scaled) {
  const speedup = scaled.one.seconds / scaled.all.seconds;
  const control = rate(scaled.winkAll) / rate(scaled.winkOne);
  verdicts.push([
    `2. speed-up of ${allJobs} workers over 1 (BBC x${scaling}) >= 90% of ${allJobs} plain wink threads' over 1`,
    speedup >= 0.9 * control,
    `${fmt(speedup, 2)}x against ${fmt(control, 2)}x: ${fmt((speedup / control) * 100, 0)}% (CPU busy on average: ${fmt(scaled.one.cpuSeconds / scaled.one.seconds, 2)} cores with 1 worker, ${fmt(scaled.all.cpuSeconds / scaled.all.seconds, 2)} with ${allJobs})`,
  ]);
  const memory = pipelineAll.maxRssMb - scaled.winkAll.maxRssMb;
  verdicts.push([`3. peak memory of ${allJobs} workers (BBC) - ${allJobs} plain wink threads with the same heap limits <= 100 MB`, memory <= 100, `+${fmt(memory, 0)} MB (${fmt(pipelineAll.maxRssMb, 0)} MB against ${fmt(scaled.winkAll.maxRssMb, 0)} MB; 1 worker: ${fmt(pipeline1.maxRssMb, 0)} MB)`]);
}
if (repeated) {
  const growth = repeated.maxRssMb / pipelineAll.maxRssMb;
  verdicts.push([`3. peak memory of BBC x${repeat} within 15% of BBC x1 (${allJobs} workers)`, growth <= 1.15, `${fmt(repeated.maxRssMb, 0)} MB against ${fmt(pipelineAll.maxRssMb, 0)} MB (${growth >= 1 ? '+' : ''}${fmt((growth - 1) * 100, 0)}%)`]);
}
verdicts.push(['(info) 4. what the statistical tagger costs: pipeline (1 worker) with it / without it', true, `${fmt(pipeline1.seconds / noTagger.seconds, 2)}x (${fmt(pipeline1.seconds)} s / ${fmt(noTagger.seconds)} s; without it ${fmt(noTagger.seconds / wink.seconds, 2)}x wink alone; peak RSS ${fmt(pipeline1.maxRssMb, 0)} / ${fmt(noTagger.maxRssMb, 0)} MB)`]);
if (allJobs >= 2) verdicts.push([`(info) speed-up of ${allJobs} workers over 1 on the corpus once (start-up weighs more)`, true, `${fmt(pipeline1.seconds / pipelineAll.seconds, 2)}x`]);
verdicts.push(['(info) MB/s: pipeline 1 worker, tagger off, wink readDoc, compromise nlp()', true, [pipeline1, noTagger, wink, compromise.m].map((m) => fmt(rate(m) / 1e6, 3)).join(', ')]);
if (meanLoad > cores) console.log(`(the load average was above the ${cores} cores: the children got a share of them that varied from run to run, so the speed verdicts are uncertain)`);
for (const [target, ok, value] of verdicts) console.log(`${target.startsWith('(info)') ? 'INFO   ' : ok ? 'MET    ' : 'NOT MET'}  ${target}: ${value}`);
