// Compares two output folders table by table and document by document, so a change
// to the pipeline can be reviewed by what it does to the extraction. Rows are matched
// by content (a key per table), not by row number: one new quote near the top of a
// document must not make every later row look changed.

import { groupByDocId, normaliseName, normaliseText, readCsvTable, type CsvRow, type CsvTable } from './score.ts';
import { collapseWhitespace } from '../text.ts';

export const DIFF_TABLES = [
  'documents',
  'organisations',
  'places',
  'people',
  'quotes',
  'claims',
  'relations',
  'mentions',
] as const;
export type DiffTableName = (typeof DIFF_TABLES)[number];

interface TableSpec {
  /** What identifies a row within its document: rows with equal keys are the same item. */
  key(row: CsvRow): string;
  /** How a row is shown to a person. */
  label(row: CsvRow): string;
}

const entityTable: TableSpec = {
  // The table gives the type; the name is compared as the scorer compares names.
  key: (row) => normaliseName(row.name),
  label: (row) => row.name ?? '',
};

const TABLE_SPECS: Record<DiffTableName, TableSpec> = {
  documents: { key: () => '', label: (row) => (row.title ? `${row.doc_id}: ${row.title}` : row.doc_id ?? '') },
  organisations: entityTable,
  places: entityTable,
  people: entityTable,
  quotes: { key: (row) => normaliseText(row.text), label: (row) => `${row.speaker || '?'}: "${row.text ?? ''}"` },
  claims: { key: (row) => normaliseText(row.text), label: (row) => `${row.kind || '?'}: "${row.text ?? ''}"` },
  relations: {
    key: (row) => [row.subject, row.predicate, row.object].map(normaliseText).join(' | '),
    label: (row) => `${row.subject ?? ''} -[${row.predicate ?? ''}]-> ${row.object ?? ''}`,
  },
  mentions: {
    key: (row) => `${row.start}:${row.end}`,
    label: (row) => `${row.start}-${row.end} ${row.type ?? ''} "${row.text ?? ''}"`,
  },
};

export interface DiffRow {
  key: string;
  label: string;
  row: CsvRow;
}

export interface CellChange {
  column: string;
  before: string;
  after: string;
}

export interface ChangedRow {
  key: string;
  label: string;
  before: CsvRow;
  after: CsvRow;
  cells: CellChange[];
}

export interface DocumentDiff {
  docId: string;
  added: DiffRow[];
  removed: DiffRow[];
  changed: ChangedRow[];
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface TableDiff {
  table: DiffTableName;
  file: string;
  baselineMissing: boolean;
  candidateMissing: boolean;
  /** Columns only one side has; cells are compared on the columns both have. */
  columnsAdded: string[];
  columnsRemoved: string[];
  counts: DiffCounts;
  /** Only the documents with a difference, in doc_id order. */
  documents: DocumentDiff[];
  hasChanges: boolean;
}

export interface OutputDiff {
  baseline: string;
  candidate: string;
  tables: TableDiff[];
  counts: DiffCounts;
  hasChanges: boolean;
}

export interface DiffOptions {
  /** Columns left out of the comparison. None are volatile by contract (ids derive from content). */
  ignoreColumns?: string[];
}

/** Rows of one document, grouped by key, in file order. */
function groupByKey(rows: CsvRow[], spec: TableSpec): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const key = spec.key(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function changedCells(before: CsvRow, after: CsvRow, columns: string[]): CellChange[] {
  return columns
    .filter((column) => (before[column] ?? '') !== (after[column] ?? ''))
    .map((column) => ({ column, before: before[column] ?? '', after: after[column] ?? '' }));
}

/**
 * Pairs the rows of one document. Rows with the same key are paired identical ones
 * first (so a repeated key does not turn into spurious changes), then in file order;
 * what is left over was added or removed.
 */
function diffDocument(
  docId: string,
  baselineRows: CsvRow[],
  candidateRows: CsvRow[],
  spec: TableSpec,
  columns: string[],
): { diff: DocumentDiff; unchanged: number } {
  const candidateGroups = groupByKey(candidateRows, spec);
  const pairedCandidates = new Set<CsvRow>();
  const pairedBaselines = new Set<CsvRow>();
  const changed: ChangedRow[] = [];
  let unchanged = 0;

  for (const [key, baselines] of groupByKey(baselineRows, spec)) {
    const candidates = [...(candidateGroups.get(key) ?? [])];
    const leftover: CsvRow[] = [];
    for (const before of baselines) {
      const same = candidates.findIndex((after) => changedCells(before, after, columns).length === 0);
      if (same >= 0) {
        pairedBaselines.add(before);
        pairedCandidates.add(candidates[same]);
        candidates.splice(same, 1);
        unchanged++;
      } else leftover.push(before);
    }
    leftover.forEach((before, i) => {
      const after = candidates[i];
      if (!after) return;
      pairedBaselines.add(before);
      pairedCandidates.add(after);
      changed.push({ key, label: spec.label(after), before, after, cells: changedCells(before, after, columns) });
    });
  }

  const asDiffRow = (row: CsvRow): DiffRow => ({ key: spec.key(row), label: spec.label(row), row });
  return {
    diff: {
      docId,
      added: candidateRows.filter((row) => !pairedCandidates.has(row)).map(asDiffRow),
      removed: baselineRows.filter((row) => !pairedBaselines.has(row)).map(asDiffRow),
      changed,
    },
    unchanged,
  };
}

function diffTable(table: DiffTableName, baseline: CsvTable, candidate: CsvTable, ignored: Set<string>): TableDiff {
  const spec = TABLE_SPECS[table];
  const candidateColumns = new Set(candidate.columns);
  const baselineColumns = new Set(baseline.columns);
  // A missing file has no columns: every row is added or removed, and no column change is reported.
  const bothPresent = !baseline.missing && !candidate.missing;
  const columnsAdded = bothPresent ? candidate.columns.filter((c) => !baselineColumns.has(c)) : [];
  const columnsRemoved = bothPresent ? baseline.columns.filter((c) => !candidateColumns.has(c)) : [];
  const compared = baseline.columns.filter((c) => candidateColumns.has(c) && c !== 'doc_id' && !ignored.has(c));

  const baselineDocs = groupByDocId(baseline.rows);
  const candidateDocs = groupByDocId(candidate.rows);
  const docIds = [...new Set([...baselineDocs.keys(), ...candidateDocs.keys()])].sort();

  const counts: DiffCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const documents: DocumentDiff[] = [];
  for (const docId of docIds) {
    const { diff, unchanged } = diffDocument(docId, baselineDocs.get(docId) ?? [], candidateDocs.get(docId) ?? [], spec, compared);
    counts.added += diff.added.length;
    counts.removed += diff.removed.length;
    counts.changed += diff.changed.length;
    counts.unchanged += unchanged;
    if (diff.added.length || diff.removed.length || diff.changed.length) documents.push(diff);
  }

  const hasChanges =
    counts.added + counts.removed + counts.changed > 0 ||
    baseline.missing !== candidate.missing ||
    columnsAdded.length > 0 ||
    columnsRemoved.length > 0;
  return {
    table,
    file: `${table}.csv`,
    baselineMissing: baseline.missing,
    candidateMissing: candidate.missing,
    columnsAdded,
    columnsRemoved,
    counts,
    documents,
    hasChanges,
  };
}

/** What changed from the output folder `baselineDir` to `candidateDir`, per table and document. */
export function diffOutputs(baselineDir: string, candidateDir: string, options: DiffOptions = {}): OutputDiff {
  const ignored = new Set(options.ignoreColumns ?? []);
  const tables = DIFF_TABLES.map((table) =>
    diffTable(table, readCsvTable(baselineDir, `${table}.csv`), readCsvTable(candidateDir, `${table}.csv`), ignored),
  );
  const counts: DiffCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const t of tables) {
    counts.added += t.counts.added;
    counts.removed += t.counts.removed;
    counts.changed += t.counts.changed;
    counts.unchanged += t.counts.unchanged;
  }
  return { baseline: baselineDir, candidate: candidateDir, tables, counts, hasChanges: tables.some((t) => t.hasChanges) };
}

// ---------------------------------------------------------------------------
// Formatters

function shorten(text: string, max: number): string {
  const flat = collapseWhitespace(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const countSummary = (c: DiffCounts): string => `+${c.added} -${c.removed} ~${c.changed}`;

function fileNote(t: TableDiff): string[] {
  const notes: string[] = [];
  if (t.baselineMissing && !t.candidateMissing) notes.push(`${t.file} is new`);
  if (!t.baselineMissing && t.candidateMissing) notes.push(`${t.file} is gone`);
  if (t.columnsAdded.length) notes.push(`columns added: ${t.columnsAdded.join(', ')}`);
  if (t.columnsRemoved.length) notes.push(`columns removed: ${t.columnsRemoved.join(', ')}`);
  return notes;
}

/** The diff for a terminal: one block per table, rows prefixed +, - or ~. */
export function formatDiffText(diff: OutputDiff): string {
  const lines = [`baseline:  ${diff.baseline}`, `candidate: ${diff.candidate}`, ''];
  const width = Math.max(...DIFF_TABLES.map((t) => t.length)) + 2;
  for (const t of diff.tables) {
    if (t.baselineMissing && t.candidateMissing) {
      lines.push(`${t.table.padEnd(width)}absent from both`);
      continue;
    }
    if (!t.hasChanges) {
      lines.push(`${t.table.padEnd(width)}unchanged (${t.counts.unchanged} rows)`);
      continue;
    }
    lines.push(`${t.table.padEnd(width)}${countSummary(t.counts)}  (${t.counts.unchanged} unchanged)`);
    for (const note of fileNote(t)) lines.push(`  ${note}`);
    for (const doc of t.documents) {
      lines.push(`  ${doc.docId}`);
      for (const r of doc.removed) lines.push(`    - ${shorten(r.label, 120)}`);
      for (const r of doc.added) lines.push(`    + ${shorten(r.label, 120)}`);
      for (const r of doc.changed) {
        lines.push(`    ~ ${shorten(r.label, 120)}`);
        for (const cell of r.cells) lines.push(`        ${cell.column}: ${shorten(cell.before, 60)} -> ${shorten(cell.after, 60)}`);
      }
    }
  }
  lines.push('');
  lines.push(diff.hasChanges ? `total ${countSummary(diff.counts)}` : 'no differences');
  return lines.join('\n');
}

/** A cell that cannot break a Markdown table. */
function markdownCell(text: string, max = 100): string {
  return shorten(text, max).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([`*_<>[\]])/g, '\\$1');
}

/** The diff for a pull request: a summary table, then one table of rows per changed table. */
export function formatDiffMarkdown(diff: OutputDiff, options: { maxRowsPerTable?: number } = {}): string {
  const maxRows = options.maxRowsPerTable ?? 50;
  const lines = ['### Extraction output diff', ''];
  lines.push('| table | added | removed | changed | unchanged |', '| --- | ---: | ---: | ---: | ---: |');
  for (const t of diff.tables) {
    const c = t.counts;
    lines.push(`| ${t.table} | ${c.added} | ${c.removed} | ${c.changed} | ${c.unchanged} |`);
  }
  const c = diff.counts;
  lines.push(`| **total** | ${c.added} | ${c.removed} | ${c.changed} | ${c.unchanged} |`);
  if (!diff.hasChanges) {
    lines.push('', 'No differences.');
    return lines.join('\n');
  }

  for (const t of diff.tables.filter((x) => x.hasChanges)) {
    lines.push('', `#### ${t.table} (${countSummary(t.counts)})`, '');
    for (const note of fileNote(t)) lines.push(`- ${markdownCell(note)}`);
    const rows: string[] = [];
    for (const doc of t.documents) {
      const docCell = markdownCell(doc.docId);
      for (const r of doc.removed) rows.push(`| ${docCell} | removed | ${markdownCell(r.label)} |  |`);
      for (const r of doc.added) rows.push(`| ${docCell} | added | ${markdownCell(r.label)} |  |`);
      for (const r of doc.changed) {
        const cells = r.cells.map((x) => `${markdownCell(x.column)}: ${markdownCell(x.before, 40)} → ${markdownCell(x.after, 40)}`);
        rows.push(`| ${docCell} | changed | ${markdownCell(r.label)} | ${cells.join('<br>')} |`);
      }
    }
    if (!rows.length) continue;
    if (fileNote(t).length) lines.push('');
    lines.push('| document | change | row | cells |', '| --- | --- | --- | --- |');
    lines.push(...rows.slice(0, maxRows));
    if (rows.length > maxRows) lines.push('', `…and ${rows.length - maxRows} more rows (see the JSON diff).`);
  }
  return lines.join('\n');
}

/** The diff as JSON: the object itself. */
export function formatDiffJson(diff: OutputDiff): string {
  return JSON.stringify(diff, null, 2);
}
