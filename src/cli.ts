#!/usr/bin/env node
// The command line: `news-extract [extract] <inputs...> --out <dir>`, `eval`, `diff`, `report`, `queue`, `worker`.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractToFolder } from './index.ts';
import { UsageError } from './command-io.ts';
import { runDiff, runEval } from './eval/commands.ts';
import { runReport } from './report/command.ts';
import { CustomisationError, loadCustomisation, type Customisation } from './config.ts';
import { DEFAULT_DOC_TIMEOUT_MS, type JournalMode } from './batch/run.ts';
import { FAILURES_KEPT, type BatchTotals } from './batch/totals.ts';
import { DEFAULT_MAX_HEAP_MB, defaultWorkers, LARGE_DOCUMENT_HEAP_MB } from './batch/pool.ts';
import { tableSummary } from './batch/output.ts';
import { noProgress, terminalProgress } from './batch/progress.ts';
import { describeFailure, EXIT, exitCodeOf, exitCodeOfRun, exitWhenDone } from './exit.ts';

const HELP = `news-extract: organisations, places, people, quotes and claims from news articles

Usage:
  news-extract [extract] <inputs...> [--out <dir>] [--xlsx] [--csv-bom] [--jobs N] [--resume | --fresh] [--custom <file>] [--quiet] [--debug]
  news-extract eval --gold <dir> --pred <dir> [--misses] [--min quotes=0.9,...]
  news-extract diff <baseline dir> <candidate dir> [--format text|markdown|json] [--fail-on-change]
  news-extract report <output dir> [--gold <dir>] [--max-docs N]
  news-extract queue add|collect|status|clear ..., news-extract worker ...
                    many machines through a job queue (news-extract queue --help)

Inputs are files or folders (searched recursively): .txt articles, .html/.htm/.html.gz
pages, and .jsonl files of {"id", "text" | "html", "title"?, "url"?, "date"?, "source"?}
records. "-" reads JSON Lines from standard input. Links are followed; the output
folder is never read as input; an input that holds no documents is a usage error.

Options (extract):
  -o, --out <dir>   where the tables are written (default: output)
      --xlsx        also write news.xlsx: every table a sheet, numbers as numbers, ids
                    and dates as text, for Excel and LibreOffice (see README, "Which
                    file to open")
      --csv-bom     start each CSV with a UTF-8 byte-order mark, so that Excel opens a
                    double-clicked CSV as UTF-8 ("£2m", not "Â£2m"); leave it off for
                    pandas, csvkit, cut and the like
  -j, --jobs <n>    worker threads (default: the number of cores, here ${defaultWorkers()}); a run of
                    at most 50 documents (counted up front) uses one
      --resume      continue a run that was stopped (killed, Ctrl-C, crash) into the
                    same --out folder (a plain rerun does the same; this says so)
      --fresh       ignore the folder's journal: process every document again
      --doc-timeout <s>
                    fail a document that takes longer than this many seconds, and
                    replace its worker (default ${DEFAULT_DOC_TIMEOUT_MS / 1000}); 0: no limit (a small
                    run then works in the main thread)
      --worker-heap <MB>
                    heap limit of each worker (default ${DEFAULT_MAX_HEAP_MB}); a document that
                    needs more is tried again alone with ${LARGE_DOCUMENT_HEAP_MB} MB (when that is more),
                    and fails alone if that is not enough ("worker crashed: ... out of memory")
      --custom <file>
                    a JSON file of lexicon additions and removals and rules to switch
                    off (see README, "Customising")
  -q, --quiet       no progress bar and no line per failure; only the final summary
      --debug       on an error, print its stack trace too
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
Ctrl-C or SIGTERM stops a run within a second or two; run it again to go on.

Exit codes:
  0    every document ok, every output file written
  1    some documents failed (each is a row of documents.csv with its reason)
  2    usage error (a bad option, a missing input, an input with no documents)
  3    the run could not complete: an output file or folder could not be
       written (full disk, no permission, a read-only disk, a file where the
       folder should be), or an internal error; one line says what, where and
       why, and the tables are as they were before the run
  130  stopped by Ctrl-C (SIGINT)
  143  stopped by SIGTERM`;

interface ExtractCommand {
  inputs: string[];
  outDir: string;
  jobs: number;
  mode: JournalMode;
  docTimeoutMs: number;
  workerHeapMb?: number;
  customisation?: Customisation;
  quiet: boolean;
  xlsx: boolean;
  csvBom: boolean;
}

/** The extract command's options, checked; a mistake is a UsageError. Undefined for --help. */
function parseExtractOptions(argv: string[]): ExtractCommand | undefined {
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
  if (opts.help) return undefined;
  if (!parsed.positionals.length) throw new UsageError('no inputs given (a file, a folder, or - for JSON Lines on standard input)');
  let jobs = defaultWorkers();
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!/^\d+$/.test(opts.jobs) || !Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, got "${opts.jobs}"`);
  }
  const docTimeout = opts['doc-timeout'] === undefined ? DEFAULT_DOC_TIMEOUT_MS / 1000 : Number(opts['doc-timeout']);
  if (!(docTimeout >= 0) || !Number.isFinite(docTimeout)) throw new UsageError(`--doc-timeout takes a number of seconds, got "${opts['doc-timeout']}"`);
  const workerHeap = opts['worker-heap'] === undefined ? undefined : Number(opts['worker-heap']);
  if (workerHeap !== undefined && !(Number.isInteger(workerHeap) && workerHeap >= 64)) throw new UsageError(`--worker-heap takes a whole number of MB, at least 64, got "${opts['worker-heap']}"`);
  if (opts.resume && opts.fresh) throw new UsageError('--resume and --fresh contradict each other');
  let customisation: Customisation | undefined;
  try {
    customisation = opts.custom === undefined ? undefined : loadCustomisation(opts.custom);
  } catch (err) {
    if (err instanceof CustomisationError) throw new UsageError(err.message);
    throw err;
  }
  return {
    inputs: parsed.positionals,
    outDir: opts.out!,
    jobs,
    mode: opts.resume ? 'resume' : opts.fresh ? 'fresh' : 'incremental',
    docTimeoutMs: docTimeout * 1000,
    workerHeapMb: workerHeap,
    customisation,
    quiet: opts.quiet!,
    xlsx: opts.xlsx!,
    csvBom: opts['csv-bom']!,
  };
}

async function runExtract(argv: string[]): Promise<number> {
  const options = parseExtractOptions(argv);
  if (!options) {
    console.log(HELP);
    return EXIT.ok;
  }
  const started = process.hrtime.bigint();
  const progress = !options.quiet && process.stderr.isTTY ? terminalProgress(process.stderr) : noProgress;
  const totals = await extractToFolder(options.inputs, {
    out: options.outDir,
    jobs: options.jobs,
    journal: options.mode,
    docTimeout: options.docTimeoutMs / 1000,
    custom: options.customisation,
    workerHeap: options.workerHeapMb,
    xlsx: options.xlsx,
    csvBom: options.csvBom,
    progress,
    onFailure: options.quiet ? undefined : (f) => progress.log(`failed: ${f.source} (${f.docId}): ${f.error}`),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  printSummary(totals, options.outDir, seconds);
  return exitCodeOfRun(totals.failedCount);
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
    ...(t.nothingToResume ? ['nothing to resume: started from the beginning'] : []),
  ];
  const lines = [
    `documents      ${t.documents} (${ok} ok, ${t.failedCount} failed) in ${seconds.toFixed(1)} s, ${rate.toFixed(rate >= 10 ? 0 : 1)}/s`,
    `processed      ${processed} (${how.join('; ')})`,
    ...tableSummary(t, outDir),
  ];
  if (t.workbook) lines.push(`workbook       ${path.resolve(t.workbook.file)} (${t.workbook.sheets.length} sheets${t.workbook.cutCells ? `; ${t.workbook.cutCells} cells cut at the cell limit` : ''})`);
  if (t.failedCount) {
    lines.push(`failures:`);
    for (const f of t.failures.slice(0, FAILURES_KEPT)) lines.push(`  ${f.source}: ${f.error}`);
    if (t.failedCount > t.failures.length) lines.push(`  ... and ${t.failedCount - t.failures.length} more (see documents.csv)`);
  }
  console.log(lines.join('\n'));
}

/** Runs a command; every error that stops it is one line on stderr (with --debug, its stack) and an exit code (see exit.ts). */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [command, ...rest] = argv.filter((a) => a !== '--debug');
  try {
    if (command === 'eval') return await runEval(rest);
    if (command === 'diff') return await runDiff(rest);
    if (command === 'report') return await runReport(rest);
    if (command === 'extract') return await runExtract(rest);
    if (command === 'queue') return await (await import('./queue/command.ts')).runQueueCommand(rest);
    if (command === 'worker') return await (await import('./queue/command.ts')).runWorkerCommand(rest);
    if (command === '--help' || command === '-h' || command === undefined) {
      console.log(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    return await runExtract([command, ...rest]);
  } catch (err) {
    const code = exitCodeOf(err);
    console.error(`news-extract: ${describeFailure(err, debug)}${code === EXIT.usage ? '\nRun news-extract --help for usage.' : ''}`);
    return code;
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === new URL(import.meta.url).pathname.replace(/\.ts$/, '');
if (invokedDirectly) exitWhenDone(main(process.argv.slice(2)));
