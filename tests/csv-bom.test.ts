// --csv-bom: each CSV starts with a UTF-8 byte-order mark (for Excel's double-click)
// and is otherwise the plain CSV, byte for byte; the project's own readers and the
// reference scorer read both alike.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreOutput } from '../src/eval/score.ts';
import { diffOutputs } from '../src/eval/diff.ts';
import { runPipeline, SHARED, type RunResult } from './helpers/run.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const GOLDEN = path.join(REPO, 'tests/golden');
const CSVS = fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.csv')).sort();
const SCORER = path.join(SHARED, 'tools/score.mjs');

describe('--csv-bom', () => {
  let run: RunResult;
  beforeAll(async () => {
    // As tests/golden was made: the same relative input path, so documents.csv's source matches.
    run = await runPipeline(['seeds'], ['--csv-bom']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('starts every CSV with EF BB BF, followed by exactly the plain CSV', () => {
    expect(CSVS.length).toBe(10);
    for (const file of CSVS) {
      const bytes = fs.readFileSync(path.join(run.outDir, file));
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8'), file).toBe(fs.readFileSync(path.join(GOLDEN, file), 'utf8'));
    }
    expect(fs.readFileSync(path.join(run.outDir, 'extraction.jsonl'))[0]).toBe('{'.charCodeAt(0));
  });

  it('scores and diffs the same as the plain CSV', () => {
    const gold = path.join(REPO, 'tests/gold');
    const withBom = scoreOutput(gold, run.outDir);
    expect(withBom.macro_f1).toBeGreaterThan(0.9);
    expect(withBom).toEqual(scoreOutput(gold, GOLDEN));
    const diff = diffOutputs(GOLDEN, run.outDir);
    expect(diff.counts.unchanged).toBeGreaterThan(100);
    expect(diff.hasChanges).toBe(false);
  });

  it.skipIf(!fs.existsSync(SCORER))(`is read by the reference scorer${fs.existsSync(SCORER) ? '' : ' (skipped: ../shared/tools/score.mjs is absent)'}`, () => {
    const score = (pred: string) => JSON.parse(execFileSync(process.execPath, [SCORER, '--gold', path.join(REPO, 'tests/gold'), '--pred', pred, '--json'], { encoding: 'utf8' }));
    expect(score(run.outDir)).toEqual(score(GOLDEN));
  });
});
