// Whole-corpus check that wink output does not depend on document order, and a
// cost measurement of the isolation (see src/nlp/wink.ts).
//
//   npx tsx scripts/check-wink-isolation.ts                 # order check, 200 docs vs fresh instances
//   npx tsx scripts/check-wink-isolation.ts --fresh all     # compare every doc with a fresh instance (~5 min)
//   npx tsx scripts/check-wink-isolation.ts --bench [--rounds 3]
//   options: --corpus <articles.jsonl> (default ../shared/corpora/bbc/articles.jsonl from the repo root)
//
// The order check reads the corpus through readDocIsolated forwards, backwards and
// shuffled, and through one plain (leaking) instance forwards, and compares a
// signature of each document (tokens with type, POS, normal, lemma, shape, case,
// spaces, flags, prefix/suffix; sentences; entities; sentiment) with the one a
// brand-new instance gives for that document alone. Exit code 1 if the isolated
// reads differ anywhere.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, ItsFunction, ItsHelpers, WinkMethods } from 'wink-nlp';
import { getWink, newPlainWinkInstance, readDocIsolated, winkIsolationStats, winkLexemeHashExtra } from '../src/nlp/wink.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Article {
  id: string;
  text: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function loadCorpus(file: string): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Article);
}

function signature(doc: Document, its: ItsHelpers): string {
  const t = doc.tokens();
  return JSON.stringify([
    t.out(its.value),
    t.out(its.type),
    t.out(its.pos),
    t.out(its.normal),
    t.out(its.lemma as unknown as ItsFunction<string>) /* wink's d.ts types its.lemma wrongly */,
    t.out(its.shape),
    t.out(its.case),
    t.out(its.precedingSpaces),
    t.out(its.stopWordFlag),
    t.out(its.negationFlag),
    t.out(its.abbrevFlag),
    t.out(its.prefix),
    t.out(its.suffix),
    doc.sentences().out(),
    doc.sentences().out(its.sentiment),
    doc.entities().out(its.detail),
    doc.out(its.sentiment),
  ]);
}

/** Deterministic shuffle (mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function check(articles: Article[], freshArg: string): number {
  const { its } = getWink();
  const ids = articles.map((a) => a.id);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const readAll = (order: string[], read: (text: string) => Document): Map<string, string> => {
    const sigs = new Map<string, string>();
    for (const id of order) sigs.set(id, signature(read(byId.get(id)!.text), its));
    return sigs;
  };

  let t0 = performance.now();
  const forward = readAll(ids, readDocIsolated);
  const backward = readAll(ids.slice().reverse(), readDocIsolated);
  const mixed = readAll(shuffled(ids, 20240601), readDocIsolated);
  console.log(`isolated: 3 passes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const plain = newPlainWinkInstance();
  const plainForward = readAll(ids, (text) => plain.readDoc(text));

  const sample =
    freshArg === 'all'
      ? ids
      : ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / Number(freshArg))) === 0);
  t0 = performance.now();
  const fresh = new Map<string, string>();
  for (const id of sample) fresh.set(id, signature(newPlainWinkInstance().readDoc(byId.get(id)!.text), its));
  console.log(`fresh instance per doc: ${sample.length} docs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const count = (a: Map<string, string>, b: Map<string, string>, within: string[]): string[] =>
    within.filter((id) => a.get(id) !== b.get(id));
  const isoOrder = [...new Set([...count(forward, backward, ids), ...count(forward, mixed, ids)])];
  const isoFresh = count(forward, fresh, sample);
  const plainFresh = count(plainForward, fresh, sample);
  const plainIso = count(plainForward, forward, ids);

  console.log(`documents: ${ids.length}`);
  console.log(`isolated, forward vs backward/shuffled: ${isoOrder.length} documents differ`);
  console.log(`isolated vs fresh instance:             ${isoFresh.length} of ${sample.length} differ`);
  console.log(`plain shared instance vs fresh:         ${plainFresh.length} of ${sample.length} differ`);
  console.log(`plain shared instance vs isolated:      ${plainIso.length} of ${ids.length} differ`);
  if (plainIso.length > 0) console.log(`  e.g. ${plainIso.slice(0, 8).join(', ')}`);
  console.log('stats:', winkIsolationStats(), 'hash extra between docs:', winkLexemeHashExtra());
  const bad = [...isoOrder, ...isoFresh];
  if (bad.length > 0) console.log(`FAIL: ${[...new Set(bad)].slice(0, 20).join(', ')}`);
  return bad.length === 0 ? 0 : 1;
}

function bench(articles: Article[], rounds: number): void {
  const texts = articles.map((a) => a.text);
  const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  getWink();
  // Warm up the JIT on both paths.
  const warmup = newPlainWinkInstance();
  for (const text of texts.slice(0, 300)) {
    warmup.readDoc(text);
    readDocIsolated(text);
  }

  // Paired timing, document by document, so that load from other processes and
  // GC hit all three alike. plainCold: a new instance per round (what a process
  // reading this corpus once gets); plainWarm: an instance that has already read
  // the whole corpus (every unknown word is a cache hit: the fastest wink can
  // be, and exactly the behaviour that leaks); isolated: readDocIsolated.
  const names = ['plainCold', 'plainWarm', 'isolated'] as const;
  const results: Record<(typeof names)[number], number[]> = { plainCold: [], plainWarm: [], isolated: [] };
  const cpuResults: Record<(typeof names)[number], number[]> = { plainCold: [], plainWarm: [], isolated: [] };
  for (let r = 0; r < rounds; r += 1) {
    const cold: WinkMethods = newPlainWinkInstance();
    const warm: WinkMethods = newPlainWinkInstance();
    for (const text of texts) warm.readDoc(text);
    const readers: Record<(typeof names)[number], (text: string) => unknown> = {
      plainCold: (t) => cold.readDoc(t),
      plainWarm: (t) => warm.readDoc(t),
      isolated: readDocIsolated,
    };
    const seconds = { plainCold: 0, plainWarm: 0, isolated: 0 };
    const cpuSeconds = { plainCold: 0, plainWarm: 0, isolated: 0 };
    texts.forEach((text, i) => {
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(i + k + r) % names.length];
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        readers[name](text);
        seconds[name] += (performance.now() - t0) / 1000;
        const c = process.cpuUsage(c0);
        cpuSeconds[name] += (c.user + c.system) / 1e6;
      }
    });
    for (const name of names) {
      results[name].push(megabytes / seconds[name]);
      cpuResults[name].push(megabytes / cpuSeconds[name]);
    }
  }
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`corpus: ${texts.length} texts, ${megabytes.toFixed(2)} MB (UTF-8), default pipe, ${rounds} rounds`);
  for (const [label, table] of [['wall clock', results], ['CPU time', cpuResults]] as const) {
    console.log(`-- ${label}`);
    for (const name of names) {
      const xs = table[name];
      console.log(`${name.padEnd(10)} median ${median(xs).toFixed(3)} MB/s  [${xs.map((x) => x.toFixed(3)).join(', ')}]`);
    }
    const ratio = (name: 'plainCold' | 'plainWarm'): string => {
      const perRound = table.isolated.map((x, i) => 1 - x / table[name][i]);
      return `median ${(median(perRound) * 100).toFixed(1)}% slower (per round: ${perRound.map((x) => (x * 100).toFixed(1)).join(', ')})`;
    };
    console.log(`isolated vs plainCold: ${ratio('plainCold')}`);
    console.log(`isolated vs plainWarm: ${ratio('plainWarm')}`);
  }
  console.log('stats:', winkIsolationStats());
}

const corpus = arg('--corpus') ?? path.resolve(repoRoot, '../shared/corpora/bbc/articles.jsonl');
const articles = loadCorpus(corpus);
if (process.argv.includes('--bench')) {
  bench(articles, Number(arg('--rounds') ?? 3));
} else {
  process.exitCode = check(articles, arg('--fresh') ?? '200');
}
