#!/usr/bin/env node
// The command line: `news-extract [extract] <inputs...> --out <dir>`, `eval`, `diff`, `report`.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractToFolder } from './index.ts';
import { InputPathError } from './readers/inputs.ts';
import { UsageError } from './command-io.ts';
import { runDiff, runEval } from './eval/commands.ts';
import { runReport } from './report/command.ts';
import { CustomisationError } from './config.ts';
import { FAILURES_KEPT, ResumeError, type BatchTotals, type JournalMode } from './batch/run.ts';
import { JournalLockedError } from './batch/journal.ts';
import { DEFAULT_MAX_HEAP_MB, defaultWorkers } from './batch/pool.ts';
import { noProgress, terminalProgress } from './batch/progress.ts';

const HELP = `news-extract: organisations, places, people, quotes and claims from news articles

Usage:
  news-extract [extract] <inputs...> [--out <dir>] [--xlsx] [--csv-bom] [--jobs N] [--resume | --fresh] [--custom <file>] [--quiet]
  news-extract eval --gold <dir> --pred <dir> [--misses] [--min quotes=0.9,...]
  news-extract diff <baseline dir> <candidate dir> [--format text|markdown|json] [--fail-on-change]
  news-extract report <output dir> [--gold <dir>] [--max-docs N]

Inputs are files or folders (searched recursively): .txt articles, .html/.htm/.html.gz
pages, and .jsonl files of {"id", "text" | "html", "title"?, "url"?, "date"?, "source"?}
records. "-" reads JSON Lines from standard input.

Options (extract):
  -o, --out <dir>   where the tables are written (default: output)
      --xlsx        also write news.xlsx: every table a sheet, numbers as numbers, ids
                    and dates as text, for Excel and LibreOffice (see README, "Which
                    file to open")
      --csv-bom     start each CSV with a UTF-8 byte-order mark, so that Excel opens a
                    double-clicked CSV as UTF-8 ("£2m", not "Â£2m"); leave it off for
                    pandas, csvkit, cut and the like
  -j, --jobs <n>    worker threads (default: the number of cores, here ${defaultWorkers()}); a run of
                    at most 50 documents (counted up front) works in the main thread
      --resume      continue a run that was stopped (killed, Ctrl-C, crash) into the
                    same --out folder; refuses to start if the folder has no journal
      --fresh       ignore the folder's journal: process every document again
      --doc-timeout <s>
                    fail a document that takes longer than this many seconds, and
                    replace its worker (default: no limit)
      --worker-heap <MB>
                    heap limit of each worker (default ${DEFAULT_MAX_HEAP_MB}); a document that
                    needs more fails alone ("worker crashed: ... out of memory")
      --custom <file>
                    a JSON file of lexicon additions and removals and rules to switch
                    off (see README, "Customising")
  -q, --quiet       no progress bar and no line per failure; only the final summary
  -h, --help        this help

Writes documents.csv, organisations.csv, places.csv, people.csv, mentions.csv,
quotes.csv, claims.csv, relations.csv, extraction.jsonl, and over the whole run
entities.csv (one row per entity across articles) and speakers.csv (who is quoted,
how much, where), and with --xlsx news.xlsx, each complete or not at all
(written under a temporary name, renamed at the end), rows in input order whatever
--jobs is. Every processed document is also kept in <out>/.news-extract/journal.jsonl:
a document whose content (id, text, format, title, fields) and pipeline version are
unchanged since the last run into the same folder is not processed again; its rows are
taken from the journal ("skipped N unchanged" in the summary). So a stopped run goes on
where it stopped when run again, with or without --resume. On a terminal a progress bar
shows documents done, documents per second, failures and time left.
Exits 1 when any input failed (each failure is a row of documents.csv with its reason),
2 on a usage error.`;

async function runExtract(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: 'output' },
        jobs: { type: 'string', short: 'j' },
        'doc-timeout': { type: 'string' },
        'worker-heap': { type: 'string' },
        resume: { type: 'boolean', default: false },
        fresh: { type: 'boolean', default: false },
        custom: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        xlsx: { type: 'boolean', default: false },
        'csv-bom': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const opts = parsed.values;
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  if (!parsed.positionals.length) throw new UsageError('no inputs given (a file, a folder, or - for JSON Lines on standard input)');
  let jobs = defaultWorkers();
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!/^\d+$/.test(opts.jobs) || !Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, got "${opts.jobs}"`);
  }
  const docTimeout = opts['doc-timeout'] === undefined ? 0 : Number(opts['doc-timeout']);
  if (!(docTimeout >= 0) || !Number.isFinite(docTimeout)) throw new UsageError(`--doc-timeout takes a number of seconds, got "${opts['doc-timeout']}"`);
  const workerHeap = opts['worker-heap'] === undefined ? undefined : Number(opts['worker-heap']);
  if (workerHeap !== undefined && !(Number.isInteger(workerHeap) && workerHeap >= 64)) throw new UsageError(`--worker-heap takes a whole number of MB, at least 64, got "${opts['worker-heap']}"`);
  if (opts.resume && opts.fresh) throw new UsageError('--resume and --fresh contradict each other');
  const mode: JournalMode = opts.resume ? 'resume' : opts.fresh ? 'fresh' : 'incremental';
  const outDir = opts.out!;
  const started = process.hrtime.bigint();
  const progress = !opts.quiet && process.stderr.isTTY ? terminalProgress(process.stderr) : noProgress;
  let totals: BatchTotals;
  try {
    totals = await extractToFolder(parsed.positionals, {
      out: outDir,
      jobs,
      journal: mode,
      docTimeout,
      custom: opts.custom,
      workerHeap,
      progress,
      csvBom: opts['csv-bom'],
      xlsx: opts.xlsx,
      onFailure: opts.quiet ? undefined : (f) => progress.log(`failed: ${f.source} (${f.docId}): ${f.error}`),
    });
  } catch (err) {
    if (err instanceof InputPathError || err instanceof CustomisationError || err instanceof ResumeError || err instanceof JournalLockedError) throw new UsageError(err.message);
    throw err;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  printSummary(totals, outDir, seconds);
  return totals.failedCount ? 1 : 0;
}

function printSummary(t: BatchTotals, outDir: string, seconds: number): void {
  const ok = t.documents - t.failedCount;
  const processed = t.documents - t.skipped;
  const rate = seconds > 0 ? t.documents / seconds : 0;
  const how = [
    t.workers ? `${t.workers} worker thread${t.workers === 1 ? '' : 's'}` : 'in the main thread',
    `skipped ${t.skipped} unchanged`,
    ...(t.crashed ? [`${t.crashed} lost with a crashed worker`] : []),
    ...(t.continuedInterruptedRun ? ['continued an interrupted run'] : []),
  ];
  const lines = [
    `documents      ${t.documents} (${ok} ok, ${t.failedCount} failed) in ${seconds.toFixed(1)} s, ${rate.toFixed(rate >= 10 ? 0 : 1)}/s`,
    `processed      ${processed} (${how.join('; ')})`,
    `organisations  ${t.organisations}`,
    `places         ${t.places}`,
    `people         ${t.people}`,
    `quotes         ${t.quotesDirect + t.quotesIndirect} (${t.quotesDirect} direct, ${t.quotesIndirect} reported)`,
    `claims         ${t.claims}`,
    `output         ${path.resolve(outDir)}`,
  ];
  if (t.workbook) lines.push(`workbook       ${path.resolve(t.workbook.file)} (${t.workbook.sheets.length} sheets${t.workbook.cutCells ? `; ${t.workbook.cutCells} cells cut at the cell limit` : ''})`);
  if (t.failedCount) {
    lines.push(`failures:`);
    for (const f of t.failures.slice(0, FAILURES_KEPT)) lines.push(`  ${f.source}: ${f.error}`);
    if (t.failedCount > t.failures.length) lines.push(`  ... and ${t.failedCount - t.failures.length} more (see documents.csv)`);
  }
  console.log(lines.join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'eval') return await runEval(rest);
    if (command === 'diff') return await runDiff(rest);
    if (command === 'report') return await runReport(rest);
    if (command === 'extract') return await runExtract(rest);
    if (command === '--help' || command === '-h' || command === undefined) {
      console.log(HELP);
      return command === undefined ? 2 : 0;
    }
    return await runExtract(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`news-extract: ${err.message}\nRun news-extract --help for usage.`);
      return 2;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === new URL(import.meta.url).pathname.replace(/\.ts$/, '');
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
