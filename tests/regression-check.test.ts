// A deliberate regression (a lexicon entry removed, a quote rule switched off) is
// caught both by `eval --min` and by `diff --fail-on-change`, as a user's CI would run them.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.ts';
import { loadCustomisation } from '../src/config.ts';
import { runCli, runPipeline, tempDir, type RunResult } from './helpers/run.ts';

function customisation(json: object): string {
  const file = path.join(tempDir('news-extract-custom-'), 'custom.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('catching a regression', () => {
  let baseline: RunResult, lostPlaces: RunResult, lostReported: RunResult;
  beforeAll(async () => {
    baseline = await runPipeline(['seeds']);
    lostPlaces = await runPipeline(['seeds'], ['--custom', customisation({ remove: { places: ['Torbay', 'Solihull', 'Sandwell'] } })]);
    lostReported = await runPipeline(['seeds'], ['--custom', customisation({ disableRules: ['quote:reported'] })]);
  });

  it('the baseline meets its floors', async () => {
    const r = await runCli(['eval', '--gold', 'tests/gold', '--pred', baseline.outDir, '--min', 'places=0.95,quotes=0.95']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('eval --min fails when a lexicon entry is removed', async () => {
    const r = await runCli(['eval', '--gold', 'tests/gold', '--pred', lostPlaces.outDir, '--min', 'places=0.95']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/places/);
  });

  it('eval --min fails when a quote rule is switched off', async () => {
    const r = await runCli(['eval', '--gold', 'tests/gold', '--pred', lostReported.outDir, '--min', 'quotes=0.95']);
    expect(r.code).toBe(1);
  });

  it('diff --fail-on-change fails on both, and names the rows that went', async () => {
    const places = await runCli(['diff', baseline.outDir, lostPlaces.outDir, '--fail-on-change']);
    expect(places.code).toBe(1);
    expect(places.stdout).toMatch(/Solihull/);
    const quotes = await runCli(['diff', baseline.outDir, lostReported.outDir, '--fail-on-change', '--format', 'markdown']);
    expect(quotes.code).toBe(1);
    expect(quotes.stdout).toMatch(/quotes/);
  });

  it('diff passes when nothing changed', async () => {
    const again = await runPipeline(['seeds']);
    const r = await runCli(['diff', baseline.outDir, again.outDir, '--fail-on-change']);
    expect(r.code, r.stdout).toBe(0);
  });

  it('a customisation leaves the lexicons as they were for the next run in the same process', async () => {
    const after = await runPipeline(['seeds']);
    expect(after.read('places.csv')).toBe(baseline.read('places.csv'));
    expect(after.read('quotes.csv')).toBe(baseline.read('quotes.csv'));
  });

  it('applies a customisation in worker threads as in the main thread', async () => {
    const outDir = tempDir();
    const custom = loadCustomisation(customisation({ remove: { places: ['Torbay', 'Solihull', 'Sandwell'] } }));
    const files = fs.readdirSync('seeds').sort().map((f) => path.join('seeds', f));
    const totals = await runBatch({ files, outDir, jobs: 2, journal: 'fresh', smallBatch: 0, customisation: custom });
    expect(totals.workers).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(outDir, 'places.csv'), 'utf8')).toBe(lostPlaces.read('places.csv'));
    expect(lostPlaces.read('places.csv')).not.toBe(baseline.read('places.csv'));
  }, 60_000);

  it('reports a mistaken customisation file as a usage error', async () => {
    const r = await runCli(['extract', 'seeds', '--out', tempDir(), '--custom', customisation({ remove: { towns: ['Bath'] } })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/remove\.towns is not a lexicon/);
  });
});
