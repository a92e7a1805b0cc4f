// Writes the output tables as the run goes: CSV (csv-stringify) and JSON Lines
// (xlsx.ts makes the workbook from the finished CSVs).
// Each file is written under a temporary name and renamed when complete, so a
// stopped run never leaves a half-written table behind under the real name.

import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { RUN_TABLES, type RunAggregates } from './aggregate.ts';
import { TABLES, type Cell, type Row, type TableName } from '../pipeline/05-export/index.ts';

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe. So that
 * restoreFormulaText can undo it, a cell that already starts with apostrophes
 * before such a character gets one more.
 */
function neutraliseFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The cell text before neutraliseFormula. */
export function restoreFormulaText(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutraliseFormula(value);
}

const headerLine = (columns: readonly string[]) => stringify([columns as string[]], { record_delimiter: '\n' });

/** The workbook's name in an output folder (see xlsx.ts). */
export const WORKBOOK_FILE = 'news.xlsx';

/** A UTF-8 byte-order mark: what Excel needs to read a double-clicked CSV as UTF-8 rather than the machine's legacy code page. */
const BOM = '\uFEFF';

export interface OutputOptions {
  /** Start each CSV with a byte-order mark (--csv-bom). */
  csvBom?: boolean;
}

export function csvLines(columns: readonly string[], rows: Row[]): string {
  if (!rows.length) return '';
  return stringify(rows.map((r) => columns.map((c) => cellText(r[c]))), { record_delimiter: '\n' });
}

/** Temp-file names of a writer: `<final name>.tmp-<pid>`. */
const TEMP_SUFFIX = /\.tmp-(\d+)$/;

class AtomicFile {
  private readonly tmpPath: string;
  private readonly fd: number;
  private buffered: string[] = [];
  private bufferedLength = 0;

  constructor(readonly finalPath: string) {
    this.tmpPath = `${finalPath}.tmp-${process.pid}`;
    this.fd = fs.openSync(this.tmpPath, 'w');
  }

  write(text: string): void {
    if (!text) return;
    this.buffered.push(text);
    this.bufferedLength += text.length;
    if (this.bufferedLength >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (!this.buffered.length) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.bufferedLength = 0;
    fs.writeSync(this.fd, text);
  }

  commit(): void {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmpPath, this.finalPath);
  }

  abandon(): void {
    this.buffered = [];
    try {
      fs.closeSync(this.fd);
      fs.rmSync(this.tmpPath, { force: true });
    } catch {
      /* already gone */
    }
  }
}

export class OutputWriter {
  private readonly tables = new Map<TableName, AtomicFile>();
  private readonly jsonl: AtomicFile;

  constructor(
    readonly outDir: string,
    private readonly options: OutputOptions = {},
  ) {
    fs.mkdirSync(outDir, { recursive: true });
    OutputWriter.removeStaleTemps(outDir);
    for (const [name, columns] of Object.entries(TABLES) as [TableName, readonly string[]][]) {
      const file = new AtomicFile(path.join(outDir, `${name}.csv`));
      file.write(this.header(columns));
      this.tables.set(name, file);
    }
    this.jsonl = new AtomicFile(path.join(outDir, 'extraction.jsonl'));
  }

  /** Appends a document already serialised: CSV rows (no header) by table, and its extraction.jsonl line. */
  writeSerialised(csv: Partial<Record<TableName, string>>, jsonLine: string): void {
    for (const [name, file] of this.tables) {
      const text = csv[name];
      if (text) file.write(text);
    }
    this.jsonl.write(jsonLine + '\n');
  }

  /** The run-level tables, written whole when the run is complete. */
  writeRunTables(aggregates: RunAggregates): void {
    this.writeWhole('entities', RUN_TABLES.entities, aggregates.entityRows());
    this.writeWhole('speakers', RUN_TABLES.speakers, aggregates.speakerRows());
  }

  private header(columns: readonly string[]): string {
    return (this.options.csvBom ? BOM : '') + headerLine(columns);
  }

  private writeWhole(name: string, columns: readonly string[], rows: Row[]): void {
    const file = new AtomicFile(path.join(this.outDir, `${name}.csv`));
    file.write(this.header(columns));
    file.write(csvLines(columns, rows));
    file.commit();
  }

  /** Output names of the tables, extraction.jsonl and the workbook. */
  static fileNames(): string[] {
    return [...Object.keys(TABLES).map((name) => `${name}.csv`), ...Object.keys(RUN_TABLES).map((name) => `${name}.csv`), 'extraction.jsonl', WORKBOOK_FILE];
  }

  /** Removes temp files that a run stopped by a kill left behind (never those of a live process). */
  static removeStaleTemps(outDir: string): void {
    const names = new Set(OutputWriter.fileNames());
    let entries: string[];
    try {
      entries = fs.readdirSync(outDir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const m = TEMP_SUFFIX.exec(entry);
      if (!m || !names.has(entry.slice(0, m.index))) continue;
      const pid = Number(m[1]);
      if (pid !== process.pid && isAlive(pid)) continue;
      fs.rmSync(path.join(outDir, entry), { force: true });
    }
  }

  close(): void {
    for (const file of this.tables.values()) file.commit();
    this.jsonl.commit();
  }

  abandon(): void {
    for (const file of this.tables.values()) file.abandon();
    this.jsonl.abandon();
  }
}

/** Whether a process with this id is running (one we may not signal counts as running). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
