// Benchmarks the job queue against `extract` over the BBC corpus in ../shared, in
// the same run: `extract --jobs 1` and `--jobs 2` beside 1 and 2 worker processes
// (one thread each) with a collector, each through the command line as a user
// runs it (bin/news-extract.mjs: from dist/ when it is built from the sources).
// A queue run starts its own redis-server (Debian's) on a free port, adds the
// corpus (timed apart: adding can be done ahead, on another machine),
// then starts the workers (--until-empty) and a collector (--follow) together
// and times until the collector has written the tables. Every run's tables are
// compared with the first extract's, byte for byte.
//
// The machine is shared, so one run says little. Each round runs, for 1 and then
// 2 threads, extract and the queue back to back (the order alternates between
// rounds), and the overhead is read two ways: from the fastest run of each
// configuration over the rounds (what the machine gives when least disturbed),
// and as the median over the rounds of each queue run against the extract run
// beside it (so a round on a busier machine slows both sides). The load average
// is printed before every run, and its range and median with the figures.
//
// Reports documents/s, the queue's overhead per document against extract with
// as many threads (target: under 10% of the local run) in wall time and, where GNU
// time is installed, in CPU time of all the processes (less disturbed by other work
// on a shared machine), and Redis's peak memory (what bounded memory means: results
// leave Redis as they are collected). On Linux the CPU time is split per document
// into what runs the pipeline (the worker threads, in either) and what surrounds it:
// extract's main thread against the queue's own processes (the worker processes'
// main threads, the collector, Redis, the add), with what one queue process costs
// to start (`queue status`, timed in every queue run).
//
// --control <dir>: another checkout of this repository (built: npm ci && npm run
// build), whose queue runs in every round beside this one's, so that two versions
// of the queue are compared in the same conditions.
// --articles N: only the corpus's first N articles (a quicker look).
// --workers 1: only the configurations of 1 thread (or 2).
//
// usage: npm run bench:queue [-- --rounds 5] [-- --control ../other-checkout] [-- --articles 600] [-- --workers 1]

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { noRedisReason, startRedis } from '../tests/helpers/redis.ts';
import { distIsCurrent } from '../bin/compiled.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bbcCorpus = path.resolve(repoRoot, '../shared/corpora/bbc/articles.jsonl');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds') ?? 5) || 5;
const controlRoot = option('--control') ? path.resolve(option('--control')!) : undefined;
const articles = Number(option('--articles')) || undefined;
const threadCounts = option('--workers') ? [Number(option('--workers'))] : [1, 2];
const TABLES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'entities.csv', 'speakers.csv', 'extraction.jsonl'];

/** GNU time, when installed: it gives each command's CPU time (all threads), which a shared machine disturbs less than wall time. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CPU_MARK = 'news-extract-bench-cpu';
/** Prints the main thread's CPU time at exit (Linux); see the file. */
const MAIN_THREAD_CPU = path.join(repoRoot, 'scripts/bench-main-thread-cpu.cjs');
const MAIN_THREAD_MARK = 'news-extract-bench-main-thread';
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

interface Timed {
  seconds: number;
  /** User + system CPU seconds of the command (NaN without GNU time). */
  cpuSeconds: number;
  /** The same, of its main thread alone (NaN where not measured). */
  mainCpuSeconds: number;
}

/** Runs a command of the program of the checkout at `root`. */
function cli(root: string, cliArgs: string[]): Promise<Timed> {
  const started = performance.now();
  const command = [process.execPath, '--require', MAIN_THREAD_CPU, 'bin/news-extract.mjs', ...cliArgs];
  const [file, ...rest] = GNU_TIME ? [GNU_TIME, '-f', `${CPU_MARK} %U %S`, ...command] : command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`news-extract ${cliArgs.join(' ')} exited ${code}: ${stderr}`));
      const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(stderr);
      const main = new RegExp(`${MAIN_THREAD_MARK} (\\d+) (\\d+)`).exec(stderr);
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
        mainCpuSeconds: main ? (Number(main[1]) + Number(main[2])) / CLOCK_TICKS : NaN,
      });
    });
  });
}

const tempOut = () => fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-bench-queue-'));

interface Run {
  seconds: number;
  /** CPU seconds of every process of the run (for the queue: workers, collector and Redis; not the add). */
  cpuSeconds: number;
  /**
   * CPU seconds of what surrounds the pipeline's worker threads: extract's main thread;
   * for the queue, the worker processes' main threads, the collector, Redis and the add.
   */
  aroundCpuSeconds: number;
  /** queue runs: the add, timed apart */
  addSeconds?: number;
  addCpuSeconds?: number;
  workersCpuSeconds?: number;
  workersMainCpuSeconds?: number;
  collectorCpuSeconds?: number;
  redisCpuSeconds?: number;
  /** CPU seconds of a queue process that starts, asks Redis one thing and exits (`queue status`). */
  startCpuSeconds?: number;
  redisPeakMb?: number;
  out: string;
}

async function extract(jobs: number): Promise<Run> {
  const out = tempOut();
  const { seconds, cpuSeconds, mainCpuSeconds } = await cli(repoRoot, ['extract', corpus, '--out', out, '--jobs', String(jobs), '--fresh', '--quiet']);
  return { seconds, cpuSeconds, aroundCpuSeconds: mainCpuSeconds, out };
}

async function throughQueue(root: string, workers: number): Promise<Run> {
  const redis = await startRedis();
  const client = new Redis(redis.url);
  try {
    const on = ['--redis', redis.url, '--queue', 'bench'];
    const added = await cli(root, ['queue', 'add', corpus, ...on, '--quiet']);
    const out = tempOut();
    const cpuBefore = await redisCpu(client);
    const started = performance.now();
    const running = Array.from({ length: workers }, () => cli(root, ['worker', ...on, '--jobs', '1', '--until-empty', '--quiet']));
    const collector = await cli(root, ['queue', 'collect', ...on, '--out', out, '--follow', '--quiet']);
    // Done when the tables are written: the workers may take a moment more to notice there is nothing left.
    const seconds = (performance.now() - started) / 1000;
    const workerRuns = await Promise.all(running);
    const workersCpuSeconds = workerRuns.reduce((sum, p) => sum + p.cpuSeconds, 0);
    const workersMainCpuSeconds = workerRuns.reduce((sum, p) => sum + p.mainCpuSeconds, 0);
    const memory = await client.info('memory');
    const redisCpuSeconds = (await redisCpu(client)) - cpuBefore;
    const start = await cli(root, ['queue', 'status', '--json', ...on]);
    return {
      seconds,
      cpuSeconds: workersCpuSeconds + collector.cpuSeconds + redisCpuSeconds,
      aroundCpuSeconds: workersMainCpuSeconds + collector.cpuSeconds + redisCpuSeconds + added.cpuSeconds,
      addSeconds: added.seconds,
      addCpuSeconds: added.cpuSeconds,
      workersCpuSeconds,
      workersMainCpuSeconds,
      collectorCpuSeconds: collector.cpuSeconds,
      redisCpuSeconds,
      startCpuSeconds: start.cpuSeconds,
      redisPeakMb: Number(/used_memory_peak:(\d+)/.exec(memory)?.[1]) / 1048576,
      out,
    };
  } finally {
    client.disconnect();
    await redis.stop();
  }
}

async function redisCpu(client: Redis): Promise<number> {
  const info = await client.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_sys') + field('used_cpu_user');
}

function differingFiles(a: string, b: string): string[] {
  return TABLES.filter((file) => !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const least = (values: number[]) => {
  const measured = values.filter((v) => !Number.isNaN(v));
  return measured.length ? Math.min(...measured) : NaN;
};

interface Config {
  label: string;
  /** The extract configuration this one is measured against (queue configurations only). */
  against?: string;
  /** Worker processes (queue configurations only). */
  workers?: number;
  run: () => Promise<Run>;
}

let corpus = bbcCorpus;

async function main(): Promise<void> {
  if (!fs.existsSync(bbcCorpus)) {
    console.log(`bench:queue skipped: the BBC corpus is not at ${bbcCorpus}`);
    return;
  }
  if (noRedisReason) {
    console.log(`bench:queue skipped: ${noRedisReason}`);
    return;
  }
  if (controlRoot && !fs.existsSync(path.join(controlRoot, 'bin/news-extract.mjs'))) throw new Error(`--control ${controlRoot}: not a checkout of news-extract`);
  let lines = fs.readFileSync(bbcCorpus, 'utf8').split('\n').filter((l) => l.trim());
  if (articles) {
    lines = lines.slice(0, articles);
    corpus = path.join(tempOut(), 'articles.jsonl');
    fs.writeFileSync(corpus, lines.join('\n') + '\n');
  }
  const documents = lines.length;
  const processes = (n: number) => `${n} worker process${n > 1 ? 'es' : ''}`;
  const groups: Config[][] = threadCounts.map((threads) => {
    const local = `extract --jobs ${threads}`;
    const group: Config[] = [
      { label: local, run: () => extract(threads) },
      { label: `queue, ${processes(threads)}`, against: local, workers: threads, run: () => throughQueue(repoRoot, threads) },
    ];
    if (controlRoot) group.push({ label: `control queue, ${processes(threads)}`, against: local, workers: threads, run: () => throughQueue(controlRoot, threads) });
    return group;
  });
  const configs = groups.flat();
  const runs = new Map<string, Run[]>(configs.map((c) => [c.label, []]));
  const loads: number[] = [];
  let reference: string | undefined;
  const differing = new Map<string, Set<string>>();
  for (let round = 0; round < rounds; round++) {
    for (const group of groups) {
      // Alternate the order, so that neither side always runs on a warmer or busier machine.
      for (const config of round % 2 ? [...group].reverse() : group) {
        const load = os.loadavg()[0];
        loads.push(load);
        const run = await config.run();
        console.error(
          `round ${round + 1}: ${config.label}: ${run.seconds.toFixed(1)} s, ${run.cpuSeconds.toFixed(1)} s CPU, ${run.aroundCpuSeconds.toFixed(1)} s of it ${config.against ? "the queue's own processes (and the add)" : 'the main thread'} (load average ${load.toFixed(1)} before)`,
        );
        runs.get(config.label)!.push(run);
        if (!reference) reference = run.out;
        else {
          for (const file of differingFiles(reference, run.out)) differing.set(config.label, (differing.get(config.label) ?? new Set()).add(file));
          fs.rmSync(run.out, { recursive: true, force: true });
        }
      }
    }
  }
  loads.push(os.loadavg()[0]);
  if (reference) fs.rmSync(reference, { recursive: true, force: true });
  if (articles) fs.rmSync(path.dirname(corpus), { recursive: true, force: true });

  const from = (root: string) => (distIsCurrent(root) ? 'dist/ (compiled)' : 'the sources under tsx (dist/ is not built from them: npm run build)');
  console.log(
    `\nBBC corpus, ${documents} articles; ${rounds} rounds, alternated; load average ${least(loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}, median ${median(loads).toFixed(1)} (before each run) on ${os.availableParallelism()} cores`,
  );
  console.log(`every command run from ${from(repoRoot)}${controlRoot ? `; control: ${controlRoot}, from ${from(controlRoot)}` : ''}\n`);
  console.log('| configuration | seconds, fastest (median) | documents/s | CPU s, all processes, least (median) | workers, collector, Redis CPU s (medians) | queue add, s | Redis peak MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cell = (v: number | undefined, digits = 1) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits));
  const medianOf = (rs: Run[], pick: (r: Run) => number | undefined) => median(rs.map((r) => pick(r) ?? NaN));
  for (const { label, against } of configs) {
    const rs = runs.get(label)!;
    const of = (pick: (r: Run) => number | undefined) => rs.map((r) => pick(r) ?? NaN);
    const wall = of((r) => r.seconds);
    const cpu = of((r) => r.cpuSeconds);
    const split = against ? [(r: Run) => r.workersCpuSeconds, (r: Run) => r.collectorCpuSeconds, (r: Run) => r.redisCpuSeconds].map((pick) => cell(medianOf(rs, pick))).join(', ') : '';
    console.log(
      `| ${label} | ${cell(least(wall))} (${cell(median(wall))}) | ${(documents / least(wall)).toFixed(0)} | ${cell(least(cpu))} (${cell(median(cpu))}) | ${split} | ${against ? cell(medianOf(rs, (r) => r.addSeconds)) : ''} | ${against ? cell(Math.max(...of((r) => r.redisPeakMb)), 0) : ''} |`,
    );
  }

  // Per document: the pipeline's threads against what surrounds them (medians over the rounds).
  const ms = (seconds: number) => `${cell((seconds * 1000) / documents, 2)} ms`;
  console.log('\nCPU per document (medians over the rounds): the worker threads (with Node\'s own threads), and what surrounds them');
  for (const { label, against, workers } of configs) {
    const rs = runs.get(label)!;
    const around = medianOf(rs, (r) => r.aroundCpuSeconds);
    const threads = medianOf(rs, (r) => r.cpuSeconds + (r.addCpuSeconds ?? 0) - r.aroundCpuSeconds);
    if (!against) {
      console.log(`  ${label}: threads ${ms(threads)}; main thread ${ms(around)}`);
      continue;
    }
    const parts = [
      ['worker processes\' main threads', medianOf(rs, (r) => r.workersMainCpuSeconds)],
      ['collector', medianOf(rs, (r) => r.collectorCpuSeconds)],
      ['Redis', medianOf(rs, (r) => r.redisCpuSeconds)],
      ['add', medianOf(rs, (r) => r.addCpuSeconds)],
    ] as const;
    const start = medianOf(rs, (r) => r.startCpuSeconds);
    const local = medianOf(runs.get(against)!, (r) => r.aroundCpuSeconds);
    console.log(
      `  ${label}: threads ${ms(threads)}; the queue's own processes ${ms(around)} (${parts.map(([what, s]) => `${what} ${ms(s)}`).join(', ')}), ` +
        `against extract's main thread ${ms(local)}: ${ms(around - local)} more a document; each queue process takes ${cell(start, 2)} s to start, ` +
        `and without the starts of the ${workers! + 1} processes the queue has beyond extract's one, ${ms(around - local - (workers! + 1) * start)} more a document`,
    );
  }
  console.log('');
  const percent = (queued: number, local: number) => ((queued - local) / local) * 100;
  const verdict = (p: number, local: number) =>
    `${p.toFixed(1)}% (${(((p / 100) * local * 1000) / documents).toFixed(2)} ms of ${((local * 1000) / documents).toFixed(2)} ms a document; ${p < 10 ? 'met' : 'NOT met'})`;
  for (const { label, against } of configs) {
    if (!against) continue;
    const local = runs.get(against)!;
    const queued = runs.get(label)!;
    console.log(`${label} against ${against}, overhead per document (target under 10%):`);
    for (const [what, pick] of [
      ['wall time', (r: Run) => r.seconds],
      ['CPU time', (r: Run) => r.cpuSeconds],
      ['CPU time, with the add', (r: Run) => r.cpuSeconds + (r.addCpuSeconds ?? 0)],
    ] as const) {
      const localBest = least(local.map(pick));
      if (Number.isNaN(localBest)) continue;
      const paired = median(queued.map((r, i) => percent(pick(r), pick(local[i]))));
      console.log(`  ${what.padEnd(22)}: fastest against fastest ${verdict(percent(least(queued.map(pick)), localBest), localBest)}; median of the rounds' pairs ${paired.toFixed(1)}%`);
    }
    const addedWall = least(queued.map((r) => r.seconds + r.addSeconds!));
    console.log(`  counting the add as well, wall time: ${percent(addedWall, least(local.map((r) => r.seconds))).toFixed(1)}% (fastest against fastest)`);
  }
  if (differing.size) for (const [label, files] of differing) console.log(`${label}: output DIFFERS from extract's in ${[...files].join(', ')}`);
  else console.log("every run's output: the same bytes as extract's in every file");
  if ([...differing.keys()].some((label) => !label.startsWith('control'))) process.exitCode = 1;
}

await main();
