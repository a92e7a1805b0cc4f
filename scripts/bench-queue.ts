// Benchmarks the job queue against `extract` over the BBC corpus in ../shared, in
// the same run: `extract --jobs 1` and `--jobs 2` beside 1 and 2 worker processes
// (one thread each) with a collector, each through the command line as a user
// runs it (bin/news-extract.mjs: from dist/ when it is built from the sources).
// A queue run starts its own redis-server (Debian's) on a free port, adds the
// corpus (timed apart: adding can be done ahead, on another machine),
// then starts the workers (--until-empty) and a collector (--follow) together
// and times until the collector has written the tables. The collected tables are compared with
// extract's, byte for byte. Configurations alternate over the rounds and the
// fastest of each is kept (the machine is shared).
//
// Reports documents/s, the queue's overhead per document against extract with
// as many threads (target: under 10% of the local run) in wall time and, where GNU
// time is installed, in CPU time of all the processes (less disturbed by other work
// on a shared machine), Redis's CPU time and its peak memory (what bounded memory
// means: results leave Redis as they are collected).
//
// usage: npm run bench:queue [-- --rounds 2]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { noRedisReason, startRedis } from '../tests/helpers/redis.ts';
import { distIsCurrent } from '../bin/compiled.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpora/bbc/articles.jsonl');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 2) || 2;
const TABLES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'entities.csv', 'speakers.csv', 'extraction.jsonl'];

/** GNU time, when installed: it gives each command's CPU time (all threads), which a shared machine disturbs less than wall time. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CPU_MARK = 'news-extract-bench-cpu';

interface Timed {
  seconds: number;
  /** User + system CPU seconds of the command (NaN without GNU time). */
  cpuSeconds: number;
}

/** Runs a command of the program. */
function cli(cliArgs: string[]): Promise<Timed> {
  const started = performance.now();
  const command = [process.execPath, 'bin/news-extract.mjs', ...cliArgs];
  const [file, ...rest] = GNU_TIME ? [GNU_TIME, '-f', `${CPU_MARK} %U %S`, ...command] : command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`news-extract ${cliArgs.join(' ')} exited ${code}: ${stderr}`));
      const cpu = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(stderr);
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN });
    });
  });
}

const tempOut = () => fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-bench-queue-'));

interface Run {
  seconds: number;
  /** CPU seconds of every process of the run (for the queue: workers, collector and Redis; not the add). */
  cpuSeconds: number;
  /** queue runs: the add, timed apart */
  addSeconds?: number;
  redisCpuSeconds?: number;
  redisPeakMb?: number;
  out: string;
}

async function extract(jobs: number): Promise<Run> {
  const out = tempOut();
  const { seconds, cpuSeconds } = await cli(['extract', corpus, '--out', out, '--jobs', String(jobs), '--fresh', '--quiet']);
  return { seconds, cpuSeconds, out };
}

async function throughQueue(workers: number): Promise<Run> {
  const redis = await startRedis();
  const client = new Redis(redis.url);
  try {
    const on = ['--redis', redis.url, '--queue', 'bench'];
    const added = await cli(['queue', 'add', corpus, ...on, '--quiet']);
    const out = tempOut();
    const cpuBefore = await redisCpu(client);
    const started = performance.now();
    const running = Array.from({ length: workers }, () => cli(['worker', ...on, '--jobs', '1', '--until-empty', '--quiet']));
    const collector = await cli(['queue', 'collect', ...on, '--out', out, '--follow', '--quiet']);
    // Done when the tables are written: the workers may take a moment more to notice there is nothing left.
    const seconds = (performance.now() - started) / 1000;
    const processes = [collector, ...(await Promise.all(running))];
    const memory = await client.info('memory');
    const redisCpuSeconds = (await redisCpu(client)) - cpuBefore;
    const cpuSeconds = processes.reduce((sum, p) => sum + p.cpuSeconds, redisCpuSeconds);
    return { seconds, cpuSeconds, addSeconds: added.seconds, out, redisCpuSeconds, redisPeakMb: Number(/used_memory_peak:(\d+)/.exec(memory)?.[1]) / 1048576 };
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

function sameBytes(a: string, b: string): string[] {
  return TABLES.filter((file) => !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) {
    console.log(`bench:queue skipped: the BBC corpus is not at ${corpus}`);
    return;
  }
  if (noRedisReason) {
    console.log(`bench:queue skipped: ${noRedisReason}`);
    return;
  }
  const documents = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).length;
  const configs: Array<{ label: string; threads: number; run: () => Promise<Run> }> = [
    { label: 'extract --jobs 1', threads: 1, run: () => extract(1) },
    { label: 'queue, 1 worker process', threads: 1, run: () => throughQueue(1) },
    { label: 'extract --jobs 2', threads: 2, run: () => extract(2) },
    { label: 'queue, 2 worker processes', threads: 2, run: () => throughQueue(2) },
  ];
  const best = new Map<string, Run>();
  /** The least CPU time of each configuration over the rounds. */
  const bestCpu = new Map<string, number>();
  const outs: string[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so that neither side always runs on a warmer or busier machine.
    const order = round % 2 ? [...configs].reverse() : configs;
    for (const config of order) {
      const run = await config.run();
      outs.push(run.out);
      console.error(`round ${round + 1}: ${config.label}: ${run.seconds.toFixed(1)} s`);
      const kept = best.get(config.label);
      if (!kept || run.seconds < kept.seconds) best.set(config.label, run);
      const cpu = bestCpu.get(config.label);
      if (cpu === undefined || run.cpuSeconds < cpu) bestCpu.set(config.label, run.cpuSeconds);
    }
  }
  const local1 = best.get('extract --jobs 1')!;
  const differing = [1, 2].flatMap((n) => sameBytes(local1.out, best.get(`queue, ${n} worker process${n > 1 ? 'es' : ''}`)!.out));
  const load = os.loadavg()[0];

  const from = distIsCurrent(repoRoot) ? 'dist/ (compiled)' : 'the sources under tsx (dist/ is not built from them: npm run build)';
  console.log(`\nBBC corpus, ${documents} articles; fastest of ${rounds} alternated rounds; load average ${load.toFixed(1)} at the end on ${os.availableParallelism()} cores; every command run from ${from}\n`);
  console.log('| configuration | seconds | documents/s | CPU s (all processes) | queue add, s | Redis CPU s | Redis peak MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const cell = (v: number | undefined, digits = 1) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits));
  for (const { label } of configs) {
    const r = best.get(label)!;
    console.log(`| ${label} | ${r.seconds.toFixed(1)} | ${(documents / r.seconds).toFixed(0)} | ${cell(bestCpu.get(label))} | ${cell(r.addSeconds)} | ${cell(r.redisCpuSeconds)} | ${cell(r.redisPeakMb, 0)} |`);
  }
  console.log('');
  const verdict = (extra: number, local: number) => {
    const ms = (extra / documents) * 1000;
    const perDoc = (local / documents) * 1000;
    return `${((ms / perDoc) * 100).toFixed(1)}% (${ms.toFixed(2)} ms of ${perDoc.toFixed(2)} ms a document; ${ms / perDoc < 0.1 ? 'met' : 'NOT met'})`;
  };
  for (const threads of [1, 2]) {
    const localLabel = `extract --jobs ${threads}`;
    const queuedLabel = `queue, ${threads} worker process${threads > 1 ? 'es' : ''}`;
    const local = best.get(localLabel)!;
    const queued = best.get(queuedLabel)!;
    console.log(`${threads} thread${threads > 1 ? 's' : ''}, queue overhead per document (target under 10%):`);
    console.log(`  wall time: ${verdict(queued.seconds - local.seconds, local.seconds)}; counting the add as well ${verdict(queued.seconds + queued.addSeconds! - local.seconds, local.seconds)}`);
    const localCpu = bestCpu.get(localLabel)!;
    const queuedCpu = bestCpu.get(queuedLabel)!;
    if (!Number.isNaN(localCpu)) console.log(`  CPU time:  ${verdict(queuedCpu - localCpu, localCpu)}`);
  }
  console.log(differing.length ? `collected output DIFFERS from extract's in ${differing.join(', ')}` : "collected output: the same bytes as extract's in every file");
  for (const out of outs) fs.rmSync(out, { recursive: true, force: true });
  if (differing.length) process.exitCode = 1;
}

await main();
