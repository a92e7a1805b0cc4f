// Quality floors as tests: one test per category and rate, so a failure names what dropped.
import { expect, it } from 'vitest';
import type { RateName, ScoreReport, ScoredCategory } from '../../src/eval/score.ts';

export interface Floors {
  categories: Partial<Record<ScoredCategory, number>>;
  rates?: Partial<Record<RateName, number>>;
  /** Left out where a set does not annotate every category. */
  macro?: number;
}

export function itMeetsFloors(report: () => ScoreReport, floors: Floors): void {
  for (const [category, floor] of Object.entries(floors.categories) as Array<[ScoredCategory, number]>) {
    it(`${category} F1 is at least ${floor}`, () => {
      const score = report()[category];
      expect(score.f1, `${category}: P ${score.p.toFixed(3)} R ${score.r.toFixed(3)}`).toBeGreaterThanOrEqual(floor);
    });
  }
  for (const [rate, floor] of Object.entries(floors.rates ?? {}) as Array<[RateName, number]>) {
    it(`${rate} is at least ${floor}`, () => {
      expect(report()[rate] ?? 0).toBeGreaterThanOrEqual(floor);
    });
  }
  const macro = floors.macro;
  if (macro !== undefined) {
    it(`macro F1 is at least ${macro}`, () => {
      expect(report().macro_f1).toBeGreaterThanOrEqual(macro);
    });
  }
}
