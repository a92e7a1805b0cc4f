// Writes the output tables as the run goes: CSV (csv-stringify) and JSON Lines
// (xlsx.ts makes the workbook from the finished CSVs).
// Each file is written under a temporary name and renamed when complete, so a
// stopped run never leaves a half-written table behind under the real name.

import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { RUN_TABLES, type RunAggregates } from './aggregate.ts';
import { TABLES, type Cell, type Row, type TableName } from '../pipeline/05-export/index.ts';
import { EnvironmentError, fileOperation } from './exit.ts';

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

/**
 * Writes all of `bytes` at the file's current position. A write may take fewer
 * bytes than it was given (a full disk can do that before it fails outright): the
 * rest is written again until all is, or the system gives its reason.
 */
export function writeAll(fd: number, bytes: Uint8Array, file: string): void {
  let done = 0;
  while (done < bytes.length) {
    const n = fileOperation('write', file, () => fs.writeSync(fd, bytes, done, bytes.length - done));
    if (!(n > 0)) throw new EnvironmentError(`cannot write ${file}: the system accepted no more bytes (${done} of ${bytes.length} written)`, file);
    done += n;
  }
}

/** Makes a rename or a new file in `dir` durable (where the platform allows it). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* not supported on every platform */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A file written under a temporary name: `finish` writes the rest, fsyncs and
 * closes it, `publish` renames it into place. A failure says which file and why,
 * and `abandon` leaves nothing behind.
 */
class AtomicFile {
  private readonly tmpPath: string;
  private fd: number | undefined;
  private buffered: string[] = [];
  private bufferedLength = 0;

  constructor(readonly finalPath: string) {
    this.tmpPath = `${finalPath}.tmp-${process.pid}`;
    this.fd = fileOperation('create', this.tmpPath, () => fs.openSync(this.tmpPath, 'w'));
  }

  write(text: string): void {
    if (!text) return;
    this.buffered.push(text);
    this.bufferedLength += text.length;
    if (this.bufferedLength >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (!this.buffered.length || this.fd === undefined) return;
    const bytes = Buffer.from(this.buffered.join(''), 'utf8');
    this.buffered = [];
    this.bufferedLength = 0;
    writeAll(this.fd, bytes, this.tmpPath);
  }

  /** Everything written and on disk under the temporary name. */
  finish(): void {
    this.flush();
    const fd = this.fd;
    if (fd === undefined) return;
    fileOperation('write', this.tmpPath, () => fs.fsyncSync(fd));
    this.fd = undefined;
    fileOperation('write', this.tmpPath, () => fs.closeSync(fd));
  }

  publish(): void {
    fileOperation('rename', this.tmpPath, () => fs.renameSync(this.tmpPath, this.finalPath));
  }

  abandon(): void {
    this.buffered = [];
    try {
      if (this.fd !== undefined) fs.closeSync(this.fd);
    } catch {
      /* closed already */
    }
    this.fd = undefined;
    fs.rmSync(this.tmpPath, { force: true });
  }
}

/**
 * The output folder, created if need be. One that is a file, or cannot be created
 * or written to, is an EnvironmentError saying so.
 */
export function prepareOutputFolder(outDir: string): void {
  const stat = fs.statSync(outDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new EnvironmentError(`cannot write to ${outDir}: it is a file, not a folder`, outDir, 'ENOTDIR');
  // Where the parent exists, a plain mkdir gives the true reason (a recursive one says ENOENT on a read-only disk).
  const parentExists = fs.existsSync(path.dirname(path.resolve(outDir)));
  if (!stat) fileOperation('create the output folder', outDir, () => fs.mkdirSync(outDir, { recursive: !parentExists }));
  fileOperation('write to the output folder', outDir, () => fs.accessSync(outDir, fs.constants.W_OK));
}

/** Writes a whole file under a temporary name and renames it into place: it is there complete, or not at all. */
export function writeFileAtomic(file: string, text: string): void {
  const out = new AtomicFile(file);
  try {
    out.write(text);
    out.finish();
    out.publish();
  } catch (err) {
    out.abandon();
    throw err;
  }
}

export class OutputWriter {
  private readonly tables = new Map<TableName, AtomicFile>();
  private jsonl: AtomicFile | undefined;
  private readonly runTables: AtomicFile[] = [];

  constructor(
    readonly outDir: string,
    private readonly options: OutputOptions = {},
  ) {
    OutputWriter.removeStaleTemps(outDir);
    try {
      for (const [name, columns] of Object.entries(TABLES) as [TableName, readonly string[]][]) {
        const file = new AtomicFile(path.join(outDir, `${name}.csv`));
        this.tables.set(name, file);
        file.write(this.header(columns));
      }
      this.jsonl = new AtomicFile(path.join(outDir, 'extraction.jsonl'));
    } catch (err) {
      this.abandon();
      throw err;
    }
  }

  /** Appends a document already serialised: CSV rows (no header) by table, and its extraction.jsonl line. */
  writeSerialised(csv: Partial<Record<TableName, string>>, jsonLine: string): void {
    for (const [name, file] of this.tables) {
      const text = csv[name];
      if (text) file.write(text);
    }
    this.jsonl!.write(jsonLine + '\n');
  }

  /** The run-level tables, written whole when the run is complete (renamed into place by `close`). */
  writeRunTables(aggregates: RunAggregates): void {
    this.writeWhole('entities', RUN_TABLES.entities, aggregates.entityRows());
    this.writeWhole('speakers', RUN_TABLES.speakers, aggregates.speakerRows());
  }

  private header(columns: readonly string[]): string {
    return (this.options.csvBom ? BOM : '') + headerLine(columns);
  }

  private writeWhole(name: string, columns: readonly string[], rows: Row[]): void {
    const file = new AtomicFile(path.join(this.outDir, `${name}.csv`));
    this.runTables.push(file);
    file.write(this.header(columns));
    file.write(csvLines(columns, rows));
  }

  private files(): AtomicFile[] {
    return [...this.tables.values(), ...(this.jsonl ? [this.jsonl] : []), ...this.runTables];
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

  /**
   * Every file written out and fsynced under its temporary name first (where a full
   * disk shows), then all renamed into place: a failure before the renames leaves
   * the folder's tables as they were.
   */
  close(): void {
    const files = this.files();
    try {
      for (const file of files) file.finish();
      for (const file of files) file.publish();
    } catch (err) {
      this.abandon();
      throw err;
    }
    syncDir(this.outDir);
  }

  /** Removes every temporary file (the tables already renamed into place stay). */
  abandon(): void {
    for (const file of this.files()) {
      try {
        file.abandon();
      } catch {
        /* gone already, or its folder is: nothing left behind */
      }
    }
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
