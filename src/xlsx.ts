// news.xlsx: every table of an output folder as a sheet of one workbook, for the
// people who open the output in Excel or LibreOffice. Written after the CSV tables
// are complete, from them, one sheet after another with exceljs's streaming writer,
// so memory stays flat however large the run.
//
// What a spreadsheet would do to a CSV is undone here: numbers are numbers, while
// ids ("007") and dates as the article words them ("May 2004") stay text; a full
// ISO date given by the input (documents' `date`, "2024-05-01") becomes a real
// date. Text is stored as text, so nothing can run as a formula and the CSV's
// protective apostrophe is not needed. Excel's limits hold: a cell longer than
// 32,767 characters is cut and ends in CUT_MARK, and a table longer than a sheet
// goes on in "<table> (2)", with the header again.

import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { RUN_TABLES } from './aggregate.ts';
import { environmentError } from './exit.ts';
import { restoreFormulaText, WORKBOOK_FILE } from './writers.ts';
import { TABLES } from '../pipeline/05-export/index.ts';

export interface SheetLimits {
  /** Rows a sheet holds, its header row included. */
  maxRows: number;
  /** Characters a cell holds. */
  maxCellChars: number;
}

/** Excel's own limits (LibreOffice's are the same or larger). */
export const EXCEL_LIMITS: SheetLimits = { maxRows: 1_048_576, maxCellChars: 32_767 };

/** How a cut cell ends (the CSV and extraction.jsonl have it whole). */
export const CUT_MARK = '…[cut]';

/** Columns that hold numbers; every other column is text. */
export const NUMBER_COLUMNS = new Set([
  'chars', 'sentences', 'mentions', 'start', 'end', 'raw_start', 'raw_end', 'sentence', 'value',
  'articles', 'quotes', 'direct', 'indirect', 'words_quoted',
]);

/** Columns of long text: wide, and wrapped. */
const WRAPPED_COLUMNS: Record<string, number> = { text: 70, evidence: 60, title: 50, error: 40, notes: 40, aliases: 40, doc_ids: 40 };
const COLUMN_WIDTHS: Record<string, number> = {
  doc_id: 24, source: 28, name: 30, speaker: 26, role: 26, organisation: 30, subject: 26, object: 26, url: 40, cue: 12, hedge: 14,
  qualifier: 12, unit: 18, date: 14, rule: 24, entity_id: 30, speaker_entity_id: 30, organisation_id: 30, entity_key: 34,
  quote_id: 14, claim_id: 16, predicate: 18, publisher: 20, author: 20, category: 14, encoding: 13, kind: 12, type: 13, status: 8, format: 8,
};

/** The workbook's sheets in order: the per-document tables, then the run tables. */
const SHEETS: Array<[string, readonly string[]]> = [...Object.entries(TABLES), ...Object.entries(RUN_TABLES)];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A full date written as YYYY-MM-DD, as a Date at midnight UTC (how exceljs stores a day); undefined for anything else. */
function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? date : undefined;
}

/** Characters XML cannot hold (lone surrogates, U+FFFE, U+FFFF); exceljs drops the control characters itself. */
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** Text as a cell holds it: at most `max` characters (never half a surrogate pair), literal "_xHHHH_" escaped as OOXML requires. */
export function cellText(text: string, max: number): string {
  let value = text.replace(NOT_XML, '\uFFFD').replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  if (value.length > max) {
    let keep = max - CUT_MARK.length;
    if (/[\uD800-\uDBFF]/.test(value[keep - 1])) keep--;
    value = value.slice(0, keep) + CUT_MARK;
  }
  return value;
}

type CellValue = string | number | Date | { richText: Array<{ text: string }> } | null;

/** The cell for a CSV cell of `column`; `onCut` is called when the text is too long for a cell. */
function cellValue(column: string, csvCell: string, limits: SheetLimits, onCut: () => void): CellValue {
  if (csvCell === '') return null;
  if (NUMBER_COLUMNS.has(column)) {
    const n = Number(csvCell);
    if (Number.isFinite(n)) return n;
  }
  const text = restoreFormulaText(csvCell);
  if (column === 'date') {
    const date = isoDate(text);
    if (date) return date;
  }
  if (text.length > limits.maxCellChars) onCut();
  // An inline string: a plain JS string would be written as a formula's cached result (t="str").
  return { richText: [{ text: cellText(text, limits.maxCellChars) }] };
}

export interface WorkbookOptions {
  /** Smaller limits, for tests. */
  limits?: SheetLimits;
}

export interface WorkbookSummary {
  file: string;
  /** Sheet names in order, continuation sheets included. */
  sheets: string[];
  /** Cells cut at the character limit. */
  cutCells: number;
}

/**
 * Writes `<outDir>/news.xlsx` from the CSV tables in `outDir` (under a temporary name,
 * renamed when complete). A table whose CSV is missing is left out.
 */
export async function writeWorkbook(outDir: string, options: WorkbookOptions = {}): Promise<WorkbookSummary> {
  const limits = options.limits ?? EXCEL_LIMITS;
  const file = path.join(outDir, WORKBOOK_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  const summary: WorkbookSummary = { file, sheets: [], cutCells: 0 };
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    workbook.creator = 'news-extract';
    for (const [table, columns] of SHEETS) {
      const csv = path.join(outDir, `${table}.csv`);
      if (fs.existsSync(csv)) await writeTable(workbook, table, columns, csv, limits, summary);
    }
    await workbook.commit();
    fs.renameSync(tmp, file);
    return summary;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    // A file the system would not write (a full disk, no permission) is the surroundings' fault, said as such.
    throw typeof (err as NodeJS.ErrnoException)?.code === 'string' ? environmentError('write', file, err) : err;
  }
}

type Sheet = ExcelJS.Worksheet;

/** Rows written between two looks at the compressor's queue. */
const ROWS_BETWEEN_CHECKS = 500;
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * exceljs's streaming writer has no back-pressure: it makes XML faster than zlib
 * compresses it, and the XML waits in memory (BBC's 57,000 mentions four times
 * over: peak RSS 238 MB, against 158 MB for them once). So every few hundred rows
 * this waits until the queue in front of the compressor (the sheet stream's pipe,
 * an internal of exceljs 4) is under 1 MB (then 157 and 155 MB); where that queue
 * is not found it does not wait.
 */
async function compressorCaughtUp(sheet: Sheet): Promise<void> {
  const queue = (sheet as unknown as { stream?: { pipes?: Array<NodeJS.EventEmitter & { _writableState?: { length: number } }> } }).stream?.pipes?.[0];
  while (queue && (queue._writableState?.length ?? 0) > MAX_QUEUED_BYTES) await once(queue, 'drain');
}

async function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: string, columns: readonly string[], csv: string, limits: SheetLimits, summary: WorkbookSummary): Promise<void> {
  let part = 0;
  let rows = 0;
  const open = (): Sheet => {
    part++;
    const name = part === 1 ? table : `${table} (${part})`;
    summary.sheets.push(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    sheet.columns = columns.map((column) => ({ key: column, width: WRAPPED_COLUMNS[column] ?? COLUMN_WIDTHS[column] ?? Math.max(10, column.length + 3) }));
    const header = sheet.addRow(columns.map((column) => ({ richText: [{ text: column }] })));
    header.font = { bold: true };
    header.commit();
    rows = 1;
    return sheet;
  };
  const close = (sheet: Sheet) => {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: columns.length } };
    sheet.commit();
  };
  const onCut = () => void summary.cutCells++;
  const styles: Partial<ExcelJS.Style>[] = columns.map((column) => ({
    alignment: { vertical: 'top', wrapText: column in WRAPPED_COLUMNS },
    ...(column === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}),
  }));

  let sheet = open();
  const records = fs.createReadStream(csv).pipe(parse({ bom: true, from_line: 2, relax_column_count: true }));
  for await (const record of records as AsyncIterable<string[]>) {
    if (rows >= limits.maxRows) {
      close(sheet);
      sheet = open();
    }
    const row = sheet.addRow(columns.map((column, i) => cellValue(column, record[i] ?? '', limits, onCut)));
    // One style object per column, given to each of its cells: exceljs knows an object it has seen, where it would work out a copy's style cell by cell.
    row.eachCell((cell, i) => void (cell.style = styles[i - 1]));
    row.commit();
    if (++rows % ROWS_BETWEEN_CHECKS === 0) await compressorCaughtUp(sheet);
  }
  close(sheet);
}
