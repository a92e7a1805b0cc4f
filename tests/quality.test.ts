// Extraction quality on the seed articles, scored against the hand-made gold in
// tests/gold with the same rules as ../shared/tools/score.mjs. Each floor is set
// a little under what the pipeline reaches now, so a change that loses quotes
// or invents organisations fails here.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreOutput, type ScoreReport } from '../src/eval/score.ts';
import { runPipeline } from './helpers/run.ts';

const FLOORS = {
  organisations: 0.95,
  places: 0.95,
  people: 0.95,
  quotes: 0.95,
  claims: 0.9,
  roles: 0.9,
} as const;
const MACRO_FLOOR = 0.95;
// One seed check cannot pass by a general rule: its gold ends the body before a
// last paragraph of real prose ("Draft guidance on governance ...").
const CLEANING_FLOOR = 0.98;

describe('quality on the seed articles', () => {
  let report: ScoreReport;
  beforeAll(async () => {
    const run = await runPipeline(['seeds']);
    report = scoreOutput(path.resolve(import.meta.dirname, 'gold'), run.outDir);
  });

  for (const [category, floor] of Object.entries(FLOORS)) {
    it(`${category} F1 is at least ${floor}`, () => {
      const score = report[category as keyof typeof FLOORS];
      expect(score.f1, `${category}: P ${score.p.toFixed(3)} R ${score.r.toFixed(3)}`).toBeGreaterThanOrEqual(floor);
    });
  }

  it(`macro F1 is at least ${MACRO_FLOOR}`, () => {
    expect(report.macro_f1).toBeGreaterThanOrEqual(MACRO_FLOOR);
  });

  it(`cleaning checks pass (at least ${CLEANING_FLOOR}) and no entity is listed twice`, () => {
    expect(report.cleaning).toBeGreaterThanOrEqual(CLEANING_FLOOR);
    expect(report.duplicates).toBe(0);
  });
});
