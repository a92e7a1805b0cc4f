// Benchmarks batch runs over the BBC corpus in ../shared (2,225 articles, 5 MB):
// the whole pipeline with 1 worker and with all workers, the BBC corpus repeated
// (distinct ids) for memory flatness, and on the same texts wink-nlp's readDoc
// alone (a plain instance, default pipe) and compromise's nlp() alone (on a
// subset, extrapolated: it is slow). Each configuration runs in its own child
// process, which reports its wall time and peak RSS (process.resourceUsage().maxRSS,
// all threads). Prints a table, the ratios and a verdict per target.
//
// The speed-up of all workers over one is also measured on BBC x3 (--scaling 3; 0 to
// skip): on the corpus once, each worker's start and JIT warm-up (V8 compiles the hot
// code again in every thread) are a large part of the run.
//
// usage: npm run bench [-- --repeat 10] [--jobs N] [--compromise-docs 150] [--skip-repeat] [--scaling 3] [--best-of N]

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
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-bench-'));
    try {
      const started = performance.now();
      const cpu0 = cpuSeconds();
      // The CLI's code path, counting worker start-up; smallBatch 0 so that workers are used.
      const totals = await runBatch({ files: [input], outDir, jobs, journal: 'fresh', smallBatch: 0 });
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
    const { Worker } = await import('node:worker_threads');
    const { workerResourceLimits } = await import('../src/batch/pool.ts');
    const texts = await readTexts(corpus);
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      for (const t of workerData.slice(0, 20)) nlp.readDoc(t);
      parentPort.postMessage('ready');
      parentPort.once('message', () => { for (const t of workerData) nlp.readDoc(t); parentPort.postMessage('done'); });`;
    const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: texts, resourceLimits: workerResourceLimits() }));
    await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
    const started = performance.now();
    const cpu0 = cpuSeconds();
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('message', r), w.postMessage('go')))));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds() - cpu0;
    await Promise.all(workers.map((w) => w.terminate()));
    return { seconds, cpuSeconds: cpu, maxRssMb: maxRssMb(), documents: texts.length * threads, bytes: bytesOf(texts) * threads };
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

function runChild(label: string, childArgs: string[]): Measure {
  process.stderr.write(`bench: ${label} ...\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', ...childArgs], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) throw new Error(`bench: ${label} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
  const m = JSON.parse(line.slice('RESULT '.length)) as Measure;
  const load = os.loadavg()[0];
  if (load > cores + 0.5) m.note = [m.note, `load average ${load.toFixed(1)} after it: other work shared the cores`].filter(Boolean).join('; ');
  return m;
}

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const allJobs = Number(option('--jobs') ?? cores);
const repeat = Number(option('--repeat') ?? 10);
const compromiseDocs = Number(option('--compromise-docs') ?? 150);
const skipRepeat = args.includes('--skip-repeat');
const scaling = Number(option('--scaling') ?? 3);
const bestOf = Number(option('--best-of') ?? 1);

const { pipelineVersion } = await import('../src/batch/version.ts');
console.log(`news-extract bench: ${corpus}`);
console.log(`node ${process.version}, ${cores} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, pipeline ${pipelineVersion()}`);

const rows: Array<{ name: string; m: Measure; extrapolated?: number }> = [];
// Text bytes are counted here, so that the pipeline children hold nothing but the run.
const corpusBytes = String(bytesOf(await readTexts(corpus)));
// On a machine shared with other work, the fastest of several alternating runs is the
// least disturbed one (--best-of N); its memory is reported with it.
const fastest = (a: Measure | undefined, b: Measure) => (a === undefined || b.seconds < a.seconds ? b : a);
let pipeline1: Measure | undefined;
let pipelineAll: Measure | undefined;
for (let run = 1; run <= bestOf; run++) {
  const of = bestOf > 1 ? ` (run ${run} of ${bestOf})` : '';
  pipeline1 = fastest(pipeline1, runChild(`pipeline, 1 worker${of}`, ['pipeline', '--input', corpus, '--jobs', '1', '--bytes', corpusBytes]));
  pipelineAll = fastest(pipelineAll, runChild(`pipeline, ${allJobs} workers${of}`, ['pipeline', '--input', corpus, '--jobs', String(allJobs), '--bytes', corpusBytes]));
}
if (!pipeline1 || !pipelineAll) throw new Error('bench: --best-of must be at least 1');
rows.push({ name: `pipeline, 1 worker${bestOf > 1 ? ` (fastest of ${bestOf})` : ''}`, m: pipeline1 });
rows.push({ name: `pipeline, ${allJobs} workers${bestOf > 1 ? ` (fastest of ${bestOf})` : ''}`, m: pipelineAll });

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

let repeated: Measure | undefined;
if (!skipRepeat) {
  repeated = withRepeatedCorpus(repeat, (input, bytes) => runChild(`pipeline, ${allJobs} workers, BBC x${repeat}`, ['pipeline', '--input', input, '--jobs', String(allJobs), '--bytes', bytes]));
  rows.push({ name: `pipeline, ${allJobs} workers, BBC x${repeat}`, m: repeated });
}

let scaled: { one: Measure; all: Measure } | undefined;
if (scaling > 0 && allJobs >= 2) {
  scaled = withRepeatedCorpus(scaling, (input, bytes) => ({
    one: runChild(`pipeline, 1 worker, BBC x${scaling}`, ['pipeline', '--input', input, '--jobs', '1', '--bytes', bytes]),
    all: runChild(`pipeline, ${allJobs} workers, BBC x${scaling}`, ['pipeline', '--input', input, '--jobs', String(allJobs), '--bytes', bytes]),
  }));
  rows.push({ name: `pipeline, 1 worker, BBC x${scaling}`, m: scaled.one }, { name: `pipeline, ${allJobs} workers, BBC x${scaling}`, m: scaled.all });
}

const wink = runChild('wink-nlp readDoc alone', ['wink']);
rows.push({ name: 'wink-nlp readDoc alone', m: wink });
let control: { one: Measure; all: Measure } | undefined;
if (allJobs >= 2) {
  const one = runChild('control: wink readDoc in 1 worker thread', ['wink-threads', '--threads', '1']);
  const all = runChild(`control: wink readDoc in ${allJobs} worker threads at once`, ['wink-threads', '--threads', String(allJobs)]);
  rows.push({ name: 'control: wink readDoc, 1 thread', m: one }, { name: `control: wink readDoc, ${allJobs} threads at once (${allJobs}x the text)`, m: all });
  control = { one, all };
}
const compromise = runChild(`compromise nlp() alone, first ${compromiseDocs} articles`, ['compromise', '--limit', String(compromiseDocs)]);
const compromiseRate = compromise.bytes / compromise.seconds;
rows.push({ name: `compromise nlp() alone (${compromise.documents} docs)`, m: compromise, extrapolated: wink.bytes / compromiseRate });

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log('');
console.log('| configuration | documents | MB | seconds | CPU s | documents/s | MB/s | peak RSS MB | notes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const { name, m, extrapolated } of rows) {
  const secs = extrapolated === undefined ? fmt(m.seconds) : `${fmt(m.seconds)} (whole corpus: ~${fmt(extrapolated, 0)})`;
  console.log(`| ${name} | ${m.documents} | ${fmt(m.bytes / 1e6, 2)} | ${secs} | ${fmt(m.cpuSeconds)} | ${fmt(m.documents / m.seconds)} | ${fmt(m.bytes / 1e6 / m.seconds, 3)} | ${fmt(m.maxRssMb, 0)} | ${m.note ?? ''} |`);
}
console.log('');

const verdicts: Array<[string, boolean, string]> = [];
const ratioWink = pipeline1.seconds / wink.seconds;
verdicts.push(['pipeline (1 worker) time / wink readDoc time <= 2x', ratioWink <= 2, `${fmt(ratioWink, 2)}x (${fmt(pipeline1.seconds)} s / ${fmt(wink.seconds)} s)`]);
const speedup = pipeline1.seconds / pipelineAll.seconds;
if (allJobs >= 2) {
  verdicts.push([
    `speed-up of ${allJobs} workers over 1 >= 1.7x`,
    speedup >= 1.7,
    `${fmt(speedup, 2)}x (CPU busy on average: ${fmt(pipeline1.cpuSeconds / pipeline1.seconds, 2)} cores with 1 worker, ${fmt(pipelineAll.cpuSeconds / pipelineAll.seconds, 2)} with ${allJobs})`,
  ]);
  if (scaled) {
    const speedupScaled = scaled.one.seconds / scaled.all.seconds;
    verdicts.push([`(info) the same speed-up on BBC x${scaling}, where start-up and warm-up weigh less`, true, `${fmt(speedupScaled, 2)}x (${fmt(scaled.one.seconds)} s / ${fmt(scaled.all.seconds)} s)`]);
  }
  if (control) {
    const machine = control.all.bytes / control.all.seconds / (control.one.bytes / control.one.seconds);
    verdicts.push([`(info) what this machine gives ${allJobs} threads of plain wink readDoc over 1`, true, `${fmt(machine, 2)}x: a speed-up below this is the pool's, above it the machine's`]);
  }
}
verdicts.push([`peak memory of a full BBC run (${allJobs} workers) < 300 MB`, pipelineAll.maxRssMb < 300, `${fmt(pipelineAll.maxRssMb, 0)} MB (1 worker: ${fmt(pipeline1.maxRssMb, 0)} MB)`]);
if (repeated) {
  const growth = repeated.maxRssMb / pipelineAll.maxRssMb;
  verdicts.push([`peak memory of BBC x${repeat} within 20% of BBC x1`, growth <= 1.2, `${fmt(repeated.maxRssMb, 0)} MB vs ${fmt(pipelineAll.maxRssMb, 0)} MB (${growth >= 1 ? '+' : ''}${fmt((growth - 1) * 100, 0)}%)`]);
}
verdicts.push(['(info) compromise nlp() vs wink readDoc, MB/s', true, `${fmt(compromiseRate / 1e6, 3)} vs ${fmt(wink.bytes / 1e6 / wink.seconds, 3)}`]);
for (const [target, ok, value] of verdicts) console.log(`${target.startsWith('(info)') ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${target}: ${value}`);
