// The `report` command: writes report.html into an output folder. Returns the exit
// code instead of exiting (0 ok, 2 a usage error), like the eval and diff commands.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../writers.ts';
import { processIO, reportError, requireExistingDir, UsageError, type CommandIO } from '../command-io.ts';
import { readNonEmptyGoldDir, scoreGolds, type ScoreReport } from '../eval/score.ts';
import { buildReport } from './html.ts';
import { readRun } from './read.ts';


const REPORT_USAGE = `usage: report <output dir> [--gold <dir>] [--max-docs N]

Writes <output dir>/report.html: one self-contained page with the run's summary and a
chart for each table, each article's text with organisations, places, people, quotes
and claims highlighted (click or tap one for its details), and the rows of each article.

  --gold <dir>     also score the run against these gold files (as eval does) and show
                   precision, recall and F1 per category and the misses
  --max-docs <N>   show at most N articles (default 500); the summary counts them all`;

const DEFAULT_MAX_DOCS = 500;

export async function runReport(argv: string[], io: CommandIO = processIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string' },
        'max-docs': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.out(REPORT_USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one output folder, got ${positionals.length} argument(s)`);
    const outDir = requireExistingDir('output folder', positionals[0]);
    if (!fs.existsSync(path.join(outDir, 'extraction.jsonl'))) {
      throw new UsageError(`${outDir} has no extraction.jsonl (is it a news-extract output folder?)`);
    }
    let maxDocs = DEFAULT_MAX_DOCS;
    if (values['max-docs'] !== undefined) {
      maxDocs = Number(values['max-docs']);
      if (!/^\d+$/.test(values['max-docs']) || !Number.isSafeInteger(maxDocs)) {
        throw new UsageError(`--max-docs must be a whole number, got "${values['max-docs']}"`);
      }
    }
    let score: ScoreReport | undefined;
    let goldDocIds: string[] | undefined;
    if (values.gold !== undefined) {
      const goldDir = requireExistingDir('--gold', values.gold);
      const golds = readNonEmptyGoldDir(goldDir);
      goldDocIds = golds.map((gold) => gold.doc_id);
      score = scoreGolds(golds, outDir);
    }

    const run = await readRun(outDir, maxDocs);
    const runName = path.basename(path.resolve(outDir));
    const html = buildReport({ runName, run, score, goldDocIds, goldName: values.gold && path.basename(path.resolve(values.gold)), maxDocs });

    const file = path.join(outDir, 'report.html');
    writeFileAtomic(file, html);
    const shown = run.docs.length < run.summary.documents ? ` (${run.docs.length} of ${run.summary.documents} documents shown)` : '';
    io.out(`report written to ${file}${shown}`);
    return 0;
  } catch (error) {
    return reportError(error, REPORT_USAGE, io, 1);
  }
}
