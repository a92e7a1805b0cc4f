// Scores the pipeline on a hand-annotated gold set whose article texts are not shipped (they
// are research or evaluation material only): they are read from ../shared/corpora at run time,
// and the set's tests are skipped, saying why, where that corpus is absent.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe } from 'vitest';
import { scoreOutput, type ScoreReport } from '../../src/eval/score.ts';
import { ARTICLE_EXTRACTION, articleExtractionText } from './article-extraction.ts';
import { itMeetsFloors, type Floors } from './floors.ts';
import { runPipeline, SHARED, tempDir } from './run.ts';

/** Where a gold set's texts come from: a corpus folder, and how one article's text is made from it. */
interface TextSource {
  corpus: string;
  text: (docId: string) => string;
}

function describeGoldSet(title: string, goldDir: string, source: TextSource, floors: Floors): void {
  const have = fs.existsSync(source.corpus);
  const absent = ` (skipped: ../${path.relative(path.dirname(SHARED), source.corpus)} is absent)`;
  describe.skipIf(!have)(`${title}${have ? '' : absent}`, () => {
    let report: ScoreReport;
    beforeAll(async () => {
      const dir = tempDir('news-extract-gold-set-');
      for (const file of fs.readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
        const id = file.slice(0, -5);
        fs.writeFileSync(path.join(dir, `${id}.txt`), source.text(id));
      }
      const run = await runPipeline([dir]);
      report = scoreOutput(goldDir, run.outDir);
    });

    itMeetsFloors(() => report, floors);
  });
}

/** A set of PolNeAR articles: each gold file is named by the article's file name in the split. */
export function describePolnearGold(title: string, goldDir: string, split: 'train' | 'dev', floors: Floors): void {
  const corpus = path.join(SHARED, 'corpora/polnear', split);
  describeGoldSet(title, goldDir, { corpus, text: (id) => fs.readFileSync(path.join(corpus, `${id}.txt`), 'utf8') }, floors);
}

/** A set of pages of the article-extraction benchmark (see `articleExtractionText`). */
export function describeArticleExtractionGold(title: string, goldDir: string, floors: Floors): void {
  describeGoldSet(title, goldDir, { corpus: ARTICLE_EXTRACTION, text: articleExtractionText }, floors);
}
