// The `eval` and `diff` commands. Each returns the process exit code instead of
// exiting, so tests and other entry points can run them in-process:
// 0 ok, 1 a quality floor not met / a change with --fail-on-change, 2 a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../writers.ts';
import { fileOperation } from '../exit.ts';
import { processIO, reportError, requireDir, UsageError, type CommandIO } from '../command-io.ts';
import { diffOutputs, formatDiffJson, formatDiffMarkdown, formatDiffText } from './diff.ts';
import { formatScore, RATE_NAMES, readNonEmptyGoldDir, SCORED_CATEGORIES, scoreGolds, type ScoreReport } from './score.ts';


// ---------------------------------------------------------------------------
// eval

const EVAL_USAGE = `usage: eval --gold <dir> --pred <dir> [--misses] [--json <report.json>] [--min name=floor,...] [--docs id,...]

  --gold <dir>     folder of gold files (*.json, see tests/gold/README.md)
  --pred <dir>     output folder to score (organisations.csv, ..., extraction.jsonl)
  --misses         list every miss after the table
  --json <file>    where to write the JSON report (default <pred>/eval.json)
  --min <floors>   exit 1 when a measure is below its floor, e.g. quotes=0.9,claims=70%
                   (a category's F1, or <category>.p / .r / .f1, or a rate; may be repeated)
  --docs <ids>     score only these documents`;

type Metric = (report: ScoreReport) => number | null;

/** Every name --min accepts, with the number it reads from the report. */
function floorMetrics(): Map<string, Metric> {
  const metrics = new Map<string, Metric>();
  for (const category of SCORED_CATEGORIES) {
    metrics.set(category, (r) => r[category].f1);
    metrics.set(`${category}.f1`, (r) => r[category].f1);
    metrics.set(`${category}.p`, (r) => r[category].p);
    metrics.set(`${category}.r`, (r) => r[category].r);
  }
  metrics.set('macro', (r) => r.macro_f1);
  metrics.set('macro_f1', (r) => r.macro_f1);
  for (const name of RATE_NAMES) metrics.set(name, (r) => r[name]);
  // Short names for the rates, as people say them.
  const shortNames: Record<string, (typeof RATE_NAMES)[number]> = {
    attribution: 'quote_attribution',
    direct_recall: 'direct_quote_recall',
    indirect_recall: 'indirect_quote_recall',
    claim_kind: 'claim_kind_accuracy',
    money_value: 'money_value_accuracy',
    role_text: 'role_text_accuracy',
  };
  for (const [short, name] of Object.entries(shortNames)) metrics.set(short, (r) => r[name]);
  return metrics;
}

export interface Floor {
  name: string;
  min: number;
  metric: Metric;
}

/** Parses `quotes=0.9,claims=70%` (from one or more --min options) into floors. */
function parseFloors(specs: string[]): Floor[] {
  const metrics = floorMetrics();
  const floors = new Map<string, Floor>();
  for (const item of specs.flatMap((spec) => spec.split(','))) {
    const trimmed = item.trim();
    if (!trimmed) continue;
    const match = /^([\w.]+)\s*=\s*(\S+)$/.exec(trimmed);
    if (!match) throw new UsageError(`--min: expected name=floor, got "${trimmed}"`);
    const [, rawName, rawValue] = match;
    const name = rawName.toLowerCase();
    const metric = metrics.get(name);
    if (!metric) {
      throw new UsageError(`--min: unknown measure "${rawName}"; known: ${[...metrics.keys()].join(', ')}`);
    }
    const isPercent = rawValue.endsWith('%');
    const value = Number(isPercent ? rawValue.slice(0, -1) : rawValue) / (isPercent ? 100 : 1);
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new UsageError(`--min: floor for ${rawName} must be a fraction from 0 to 1 or a percentage, got "${rawValue}"`);
    }
    if (floors.has(name)) throw new UsageError(`--min: ${rawName} is given twice`);
    floors.set(name, { name, min: value, metric });
  }
  return [...floors.values()];
}

/** `eval`: scores an output folder against gold files, writes the JSON report, checks floors. */
export async function runEval(argv: string[], io: CommandIO = processIO): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string' },
        pred: { type: 'string' },
        misses: { type: 'boolean', default: false },
        json: { type: 'string' },
        min: { type: 'string', multiple: true, default: [] },
        docs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(EVAL_USAGE);
      return 0;
    }
    const goldDir = requireDir('--gold', values.gold);
    const predDir = requireDir('--pred', values.pred);
    // Checked before scoring, so a typo in a CI command fails fast.
    const floors = parseFloors(values.min);

    const golds = readNonEmptyGoldDir(goldDir);
    const goldIds = golds.map((g) => g.doc_id);
    const docs = values.docs?.split(',').map((id) => id.trim()).filter(Boolean);
    const unknownDocs = (docs ?? []).filter((id) => !goldIds.includes(id));
    if (unknownDocs.length) throw new UsageError(`--docs: no gold file for ${unknownDocs.join(', ')}`);

    const report = scoreGolds(golds, predDir, { docs });
    io.out(formatScore(report, { misses: values.misses }));

    const reportFile = values.json ?? path.join(predDir, 'eval.json');
    fileOperation('create', path.dirname(reportFile), () => fs.mkdirSync(path.dirname(reportFile), { recursive: true }));
    writeFileAtomic(reportFile, `${JSON.stringify(report, null, 1)}\n`);
    io.out(`\nreport written to ${reportFile}`);

    return checkFloors(report, floors, io);
  } catch (error) {
    return reportError(error, EVAL_USAGE, io, 2);
  }
}

/** Exit code 1 when any floor is not met; a measure with nothing to measure does not meet its floor. */
function checkFloors(report: ScoreReport, floors: Floor[], io: CommandIO): number {
  if (!floors.length) return 0;
  const failures: string[] = [];
  for (const floor of floors) {
    const value = floor.metric(report);
    if (value == null) failures.push(`${floor.name}: not measured (nothing matched in gold), floor ${floor.min}`);
    else if (value < floor.min) failures.push(`${floor.name}: ${value.toFixed(3)} is below the floor ${floor.min}`);
  }
  if (!failures.length) {
    io.out(`all ${floors.length} floors met`);
    return 0;
  }
  io.err(`below the floor (${failures.length} of ${floors.length}):`);
  for (const failure of failures) io.err(`  ${failure}`);
  return 1;
}

// ---------------------------------------------------------------------------
// diff

const DIFF_USAGE = `usage: diff <baseline dir> <candidate dir> [--format text|markdown|json] [--fail-on-change] [--ignore col,...]

  --format <f>       text (default), markdown (for a pull request) or json
  --fail-on-change   exit 1 when anything differs
  --ignore <cols>    columns to leave out of the comparison`;

const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

/** `diff`: what changed between two output folders. */
export async function runDiff(argv: string[], io: CommandIO = processIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on-change': { type: 'boolean', default: false },
        ignore: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.out(DIFF_USAGE);
      return 0;
    }
    if (positionals.length !== 2) {
      throw new UsageError(`expected a baseline and a candidate folder, got ${positionals.length} argument(s)`);
    }
    const baselineDir = requireDir('baseline', positionals[0]);
    const candidateDir = requireDir('candidate', positionals[1]);
    const format = values.format as (typeof DIFF_FORMATS)[number];
    if (!DIFF_FORMATS.includes(format)) {
      throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}, got "${values.format}"`);
    }
    const ignoreColumns = values.ignore?.split(',').map((c) => c.trim()).filter(Boolean);

    const diff = diffOutputs(baselineDir, candidateDir, { ignoreColumns });
    const formatted = { text: formatDiffText, markdown: formatDiffMarkdown, json: formatDiffJson }[format](diff);
    io.out(formatted);
    return values['fail-on-change'] && diff.hasChanges ? 1 : 0;
  } catch (error) {
    return reportError(error, DIFF_USAGE, io, 2);
  }
}
