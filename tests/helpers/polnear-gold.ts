// Scores the pipeline on a hand-annotated gold set of PolNeAR articles. The texts are not
// shipped (PolNeAR's are research material only): they are read from ../shared/corpora/polnear
// at run time, and the set's tests are skipped, saying why, where that split is absent.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe } from 'vitest';
import { scoreOutput, type ScoreReport } from '../../src/eval/score.ts';
import { itMeetsFloors, type Floors } from './floors.ts';
import { runPipeline, SHARED, tempDir } from './run.ts';

export function describePolnearGold(title: string, goldDir: string, split: 'train' | 'dev', floors: Floors): void {
  const texts = path.join(SHARED, 'corpora/polnear', split);
  const have = fs.existsSync(texts);
  describe.skipIf(!have)(`${title}${have ? '' : ` (skipped: ../shared/corpora/polnear/${split} is absent)`}`, () => {
    let report: ScoreReport;
    beforeAll(async () => {
      const dir = tempDir('news-extract-polnear-gold-');
      for (const file of fs.readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
        const id = file.slice(0, -5);
        fs.copyFileSync(path.join(texts, `${id}.txt`), path.join(dir, `${id}.txt`));
      }
      const run = await runPipeline([dir]);
      report = scoreOutput(goldDir, run.outDir);
    });

    itMeetsFloors(() => report, floors);
  });
}
