#!/usr/bin/env node
// The command line: `news-extract [extract] <inputs...> --out <dir>`, `eval`, `diff`.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { STAGES } from '../pipeline/index.ts';
import { readInputs, resolveInputs, InputPathError } from './readers/inputs.ts';
import { createProcessor } from './runner.ts';
import { OutputWriter } from './writers.ts';
import { runDiff, runEval } from './eval/commands.ts';

const HELP = `news-extract: organisations, places, people, quotes and claims from news articles

Usage:
  news-extract [extract] <inputs...> [--out <dir>] [--quiet]
  news-extract eval --gold <dir> --pred <dir> [--misses] [--min quotes=0.9,...]
  news-extract diff <baseline dir> <candidate dir> [--format text|markdown|json] [--fail-on-change]

Inputs are files or folders (searched recursively): .txt articles, .html/.htm/.html.gz
pages, and .jsonl files of {"id", "text" | "html", "title"?, "url"?, "date"?, "source"?}
records. "-" reads JSON Lines from standard input.

Options (extract):
  -o, --out <dir>   where the tables are written (default: output)
  -q, --quiet       print only the final summary
  -h, --help        this help

Writes documents.csv, organisations.csv, places.csv, people.csv, mentions.csv,
quotes.csv, claims.csv, relations.csv and extraction.jsonl. Exits 1 when any input
failed (each failure is a row of documents.csv with its reason), 2 on a usage error.`;

class UsageError extends Error {}

interface Totals {
  documents: number;
  failed: Array<{ docId: string; source: string; error: string }>;
  organisations: number;
  places: number;
  people: number;
  quotesDirect: number;
  quotesIndirect: number;
  claims: number;
}

export async function runExtract(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o', default: 'output' }, quiet: { type: 'boolean', short: 'q', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  if (!parsed.positionals.length) throw new UsageError('no inputs given (a file, a folder, or - for JSON Lines on standard input)');
  let files: string[];
  try {
    files = resolveInputs(parsed.positionals);
  } catch (err) {
    if (err instanceof InputPathError) throw new UsageError(err.message);
    throw err;
  }
  const outDir = parsed.values.out!;
  const started = process.hrtime.bigint();
  const process1 = createProcessor(STAGES);
  const writer = new OutputWriter(outDir);
  const totals: Totals = { documents: 0, failed: [], organisations: 0, places: 0, people: 0, quotesDirect: 0, quotesIndirect: 0, claims: 0 };
  const seenIds = new Map<string, string>();
  try {
    for await (const input of readInputs(files)) {
      const firstSource = seenIds.get(input.docId);
      if (firstSource !== undefined && !input.error) input.error = `duplicate doc_id (first read from ${firstSource})`;
      else if (firstSource === undefined) seenIds.set(input.docId, input.source);
      const result = process1(input);
      writer.writeDocument(result.rows, result.json);
      totals.documents++;
      if (result.status === 'failed') {
        totals.failed.push({ docId: result.docId, source: input.source, error: result.error });
        if (!parsed.values.quiet) console.error(`failed: ${input.source} (${result.docId}): ${result.error}`);
      }
      totals.organisations += result.rows.organisations.length;
      totals.places += result.rows.places.length;
      totals.people += result.rows.people.length;
      totals.claims += result.rows.claims.length;
      for (const q of result.rows.quotes) q.kind === 'direct' ? totals.quotesDirect++ : totals.quotesIndirect++;
    }
    writer.close();
  } catch (err) {
    writer.abandon();
    throw err;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  printSummary(totals, outDir, seconds);
  return totals.failed.length ? 1 : 0;
}

function printSummary(t: Totals, outDir: string, seconds: number): void {
  const ok = t.documents - t.failed.length;
  const lines = [
    `documents      ${t.documents} (${ok} ok, ${t.failed.length} failed) in ${seconds.toFixed(1)} s`,
    `organisations  ${t.organisations}`,
    `places         ${t.places}`,
    `people         ${t.people}`,
    `quotes         ${t.quotesDirect + t.quotesIndirect} (${t.quotesDirect} direct, ${t.quotesIndirect} reported)`,
    `claims         ${t.claims}`,
    `output         ${path.resolve(outDir)}`,
  ];
  if (t.failed.length) {
    lines.push(`failures:`);
    for (const f of t.failed.slice(0, 20)) lines.push(`  ${f.source}: ${f.error}`);
    if (t.failed.length > 20) lines.push(`  ... and ${t.failed.length - 20} more (see documents.csv)`);
  }
  console.log(lines.join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'eval') return await runEval(rest);
    if (command === 'diff') return await runDiff(rest);
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
