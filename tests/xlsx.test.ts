// news.xlsx (--xlsx): the seeds and a few records made to trip a spreadsheet ("007",
// a claim dated "May 2004", a title that looks like a formula) are run, and the
// workbook is read back with exceljs and, where LibreOffice is installed, converted
// by it to CSV, sheet by sheet, and compared with the run's own CSV tables.
// Excel's limits are checked with small limits given to the writer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_TABLES } from '../src/aggregate.ts';
import { runBatch } from '../src/batch/run.ts';
import { resolveInputs } from '../src/readers/inputs.ts';
import { restoreFormulaText } from '../src/writers.ts';
import { CUT_MARK, NUMBER_COLUMNS } from '../src/xlsx.ts';
import { TABLES } from '../pipeline/05-export/index.ts';
import { parseCsvText, runCli, runPipeline, tempDir, type RunResult } from './helpers/run.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const NO_SOFFICE = 'skipped: LibreOffice (soffice) is not installed; Debian: apt-get install --no-install-recommends libreoffice-calc-nogui (.ci/run does)';
if (!SOFFICE) console.warn(`tests/xlsx.test.ts: LibreOffice test ${NO_SOFFICE}`);

const SHEETS = [...Object.keys(TABLES), ...Object.keys(RUN_TABLES)];
const columnsOf = (table: string): readonly string[] => ({ ...TABLES, ...RUN_TABLES })[table as keyof typeof TABLES];

const TRICKY = [
  { id: '007', title: '=HYPERLINK("http://example.org","click")', date: '2004-05-03', source: 'Example News', text: 'Plant to open\n\nThe company will open a new plant in May 2004, the chairman said.\n\nIt cost £2m, the firm said.' },
  { id: '-minus', title: '-5% for the year', date: 'May 2004', text: 'Sales fall\n\n"Sales fell by 5% this year," said John Smith, the chairman of Acme Widgets.' },
];

function inputs(): string {
  const dir = tempDir('news-extract-xlsx-in-');
  fs.cpSync(path.join(REPO, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tricky.jsonl'), TRICKY.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as arrays of values (index 0 is column A). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1));
  });
  return rows;
}

/** What a cell holds as text: rich text joined, dates as YYYY-MM-DD. */
function asText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

describe('news.xlsx', () => {
  let run: RunResult;
  let workbook: ExcelJS.Workbook;
  const csvRows = (table: string) => parseCsvText(run.read(`${table}.csv`)).rows;

  beforeAll(async () => {
    run = await runPipeline([inputs()], ['--xlsx']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/workbook\s+\S+news\.xlsx \(10 sheets\)/);
    workbook = await readWorkbook(path.join(run.outDir, 'news.xlsx'));
  }, 60_000);

  it('has a sheet per table, with a frozen, filtered, bold header and set widths', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
    for (const sheet of workbook.worksheets) {
      const columns = columnsOf(sheet.name);
      expect(sheetRows(sheet)[0].map(asText), sheet.name).toEqual([...columns]);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      columns.forEach((_, i) => expect(sheet.getColumn(i + 1).width, `${sheet.name} column ${i + 1}`).toBeGreaterThanOrEqual(8));
    }
    const quotes = workbook.getWorksheet('quotes')!;
    const text = TABLES.quotes.indexOf('text') + 1;
    expect(quotes.getColumn(text).width).toBeGreaterThanOrEqual(60);
    expect(quotes.getRow(2).getCell(text).alignment?.wrapText).toBe(true);
  });

  it('holds every row of every CSV table, cell for cell, without the CSV\'s protective apostrophe', () => {
    for (const sheet of workbook.worksheets) {
      const columns = columnsOf(sheet.name);
      const expected = csvRows(sheet.name).map((row) => columns.map((c) => restoreFormulaText(row[c])));
      const actual = sheetRows(sheet).slice(1).map((row) => columns.map((_, i) => asText(row[i])));
      expect(actual, sheet.name).toEqual(expected);
    }
  });

  it('stores numbers as numbers, ids and worded dates as text, an ISO date as a date, and never a formula', () => {
    const documents = workbook.getWorksheet('documents')!;
    const byId = new Map(sheetRows(documents).slice(1).map((row) => [asText(row[0]), row]));
    const col = (name: string) => TABLES.documents.indexOf(name as never);
    const oh07 = byId.get('007')!;
    expect(oh07, 'doc_id "007" kept as text').toBeDefined();
    expect(typeof oh07[col('chars')]).toBe('number');
    expect(oh07[col('date')]).toEqual(new Date(Date.UTC(2004, 4, 3)));
    expect(asText(oh07[col('title')])).toBe(TRICKY[0].title);
    expect(asText(byId.get('-minus')![col('title')])).toBe('-5% for the year');
    expect(asText(byId.get('-minus')![col('date')])).toBe('May 2004');

    const claims = sheetRows(workbook.getWorksheet('claims')!).slice(1);
    const dated = claims.find((row) => asText(row[TABLES.claims.indexOf('date')]) === 'May 2004');
    expect(dated, 'the claim dated "May 2004"').toBeDefined();
    expect(typeof dated![TABLES.claims.indexOf('date')]).not.toBe('number');
    const money = claims.find((row) => row[TABLES.claims.indexOf('kind')] && asText(row[TABLES.claims.indexOf('kind')]) === 'money')!;
    expect(money[TABLES.claims.indexOf('value')]).toBe(2_000_000);

    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
    }
  });

  it('is removed by a later run into the same folder without --xlsx (it would no longer match the tables)', async () => {
    const again = await runPipeline([path.join(REPO, 'seeds')]);
    expect(fs.existsSync(path.join(again.outDir, 'news.xlsx'))).toBe(false);
    fs.copyFileSync(path.join(run.outDir, 'news.xlsx'), path.join(again.outDir, 'news.xlsx'));
    expect((await runCli(['extract', path.join(REPO, 'seeds'), '--out', again.outDir, '--quiet'])).code).toBe(0);
    expect(fs.existsSync(path.join(again.outDir, 'news.xlsx'))).toBe(false);
  });

  describe.skipIf(!SOFFICE)(SOFFICE ? 'opened by LibreOffice' : `opened by LibreOffice (${NO_SOFFICE})`, () => {
    it('reads every cell as the CSV tables have it, numbers as numbers, the ISO date as a date, the rest as text, no formula', async () => {
      const dir = tempDir('news-extract-xlsx-lo-');
      const profile = tempDir('news-extract-lo-profile-');
      fs.copyFileSync(path.join(run.outDir, 'news.xlsx'), path.join(dir, 'news.xlsx'));
      // Flat OpenDocument: one XML file that says how LibreOffice took each cell.
      await new Promise<void>((resolve, reject) =>
        execFile(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'fods', '--outdir', dir, path.join(dir, 'news.xlsx')], { timeout: 120_000 }, (err, _out, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(),
        ),
      );
      fs.rmSync(profile, { recursive: true, force: true });
      const fods = fs.readFileSync(path.join(dir, 'news.fods'), 'utf8');
      expect(fods).not.toContain('table:formula');
      const sheets = readFlatOds(fods);
      expect([...sheets.keys()]).toEqual(SHEETS);
      for (const table of SHEETS) {
        const columns = columnsOf(table);
        const [header, ...rows] = sheets.get(table)!;
        expect(header.map((c) => c.text), table).toEqual([...columns]);
        const expected = csvRows(table).map((row) => columns.map((c) => restoreFormulaText(row[c])));
        expect(rows.map((row) => columns.map((_, i) => row[i]?.text ?? '')), table).toEqual(expected);
        for (const row of rows) {
          columns.forEach((column, i) => {
            const cell = row[i];
            if (!cell?.text) return;
            const type = NUMBER_COLUMNS.has(column) ? 'float' : column === 'date' && /^\d{4}-\d\d-\d\d$/.test(cell.text) ? 'date' : 'string';
            expect(cell.type, `${table} ${column} "${cell.text}"`).toBe(type);
          });
        }
      }
      const documents = sheets.get('documents')!;
      expect(documents.find((row) => row[0].text === '007')?.[TABLES.documents.indexOf('date')]).toEqual({ type: 'date', text: '2004-05-03' });
    }, 150_000);
  });
});

interface OdsCell {
  type: string;
  text: string;
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** The sheets of a flat OpenDocument spreadsheet: rows of cells (value type and text), empty trailing rows left out. */
function readFlatOds(xml: string): Map<string, OdsCell[][]> {
  const sheets = new Map<string, OdsCell[][]>();
  for (const [, name, body] of xml.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)) {
    const rows: OdsCell[][] = [];
    for (const [, rowBody] of body.matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const cells: OdsCell[] = [];
      for (const [, attrs, cellBody] of (rowBody ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
        const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
        const type = /office:value-type="([^"]*)"/.exec(attrs)?.[1] ?? '';
        const text = [...(cellBody ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
          .map(([, p]) => p.replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n) => ' '.repeat(Number(n ?? 1))).replace(/<text:tab\/>/g, '\t').replace(/<[^>]+>/g, ''))
          .join('\n')
          .replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => XML_ENTITIES[e]);
        if (type || repeat < 1000) for (let k = 0; k < repeat; k++) cells.push({ type, text });
      }
      if (cells.some((c) => c.text)) rows.push(cells);
    }
    sheets.set(name, rows);
  }
  return sheets;
}

describe('news.xlsx within Excel\'s limits (made small for the test)', () => {
  it('cuts a long cell with a mark and goes on in a second sheet past the row limit', async () => {
    const outDir = tempDir('news-extract-xlsx-limits-');
    const limits = { maxRows: 6, maxCellChars: 80 };
    const totals = await runBatch({ files: resolveInputs([path.join(REPO, 'seeds')]), outDir, jobs: 1, xlsx: { limits } });
    const workbook = await readWorkbook(path.join(outDir, 'news.xlsx'));
    const mentions = parseCsvText(fs.readFileSync(path.join(outDir, 'mentions.csv'), 'utf8')).rows;
    const parts = workbook.worksheets.filter((s) => s.name === 'mentions' || s.name.startsWith('mentions ('));
    expect(parts.map((s) => s.name).slice(0, 3)).toEqual(['mentions', 'mentions (2)', 'mentions (3)']);
    expect(parts.length).toBe(Math.ceil(mentions.length / (limits.maxRows - 1)));
    const rows = parts.flatMap((sheet) => {
      const all = sheetRows(sheet);
      expect(all[0].map(asText), sheet.name).toEqual([...TABLES.mentions]);
      expect(all.length, sheet.name).toBeLessThanOrEqual(limits.maxRows);
      return all.slice(1);
    });
    expect(rows.map((row) => asText(row[3]))).toEqual(mentions.map((row) => row.text));

    const quoteTexts = workbook.worksheets.filter((s) => s.name.startsWith('quotes')).flatMap((s) => sheetRows(s).slice(1).map((row) => asText(row[TABLES.quotes.indexOf('text')])));
    const csvTexts = parseCsvText(fs.readFileSync(path.join(outDir, 'quotes.csv'), 'utf8')).rows.map((row) => row.text);
    expect(quoteTexts.length).toBe(csvTexts.length);
    let cut = 0;
    quoteTexts.forEach((text, i) => {
      expect(text.length).toBeLessThanOrEqual(limits.maxCellChars);
      if (csvTexts[i].length > limits.maxCellChars) {
        cut++;
        expect(text).toBe(csvTexts[i].slice(0, limits.maxCellChars - CUT_MARK.length) + CUT_MARK);
      } else expect(text).toBe(csvTexts[i]);
    });
    expect(cut).toBeGreaterThan(5);
    expect(totals.workbook!.cutCells).toBeGreaterThanOrEqual(cut);
  }, 60_000);
});
