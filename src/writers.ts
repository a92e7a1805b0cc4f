// Writes the output tables as the run goes: CSV (csv-stringify) and JSON Lines.
// Each file is written under a temporary name and renamed when complete, so a
// stopped run never leaves a half-written table behind under the real name.

import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, type Cell, type DocRows, type Row, type TableName } from '../pipeline/05-export/index.ts';

/** Cells a spreadsheet would run as a formula get a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return neutraliseFormula(value);
}

export function csvLines(columns: readonly string[], rows: Row[]): string {
  if (!rows.length) return '';
  return stringify(rows.map((r) => columns.map((c) => cellText(r[c]))), { record_delimiter: '\n' });
}

class AtomicFile {
  private readonly tmpPath: string;
  private readonly fd: number;

  constructor(readonly finalPath: string) {
    this.tmpPath = `${finalPath}.tmp-${process.pid}`;
    this.fd = fs.openSync(this.tmpPath, 'w');
  }

  write(text: string): void {
    if (text) fs.writeSync(this.fd, text);
  }

  commit(): void {
    fs.closeSync(this.fd);
    fs.renameSync(this.tmpPath, this.finalPath);
  }

  abandon(): void {
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

  constructor(readonly outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    for (const [name, columns] of Object.entries(TABLES) as [TableName, readonly string[]][]) {
      const file = new AtomicFile(path.join(outDir, `${name}.csv`));
      file.write(stringify([columns as string[]], { record_delimiter: '\n' }));
      this.tables.set(name, file);
    }
    this.jsonl = new AtomicFile(path.join(outDir, 'extraction.jsonl'));
  }

  writeDocument(rows: DocRows, json: object): void {
    for (const [name, file] of this.tables) file.write(csvLines(TABLES[name], rows[name]));
    this.jsonl.write(JSON.stringify(json) + '\n');
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
