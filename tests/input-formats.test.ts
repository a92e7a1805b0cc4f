// One article in every input format and encoding gives the same output; raw offsets
// point into each format's own raw input; JSON Lines come from standard input; inputs
// that cannot be decoded fail alone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText, runPipeline, tempDir, type RunResult } from './helpers/run.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED = fs.readFileSync(path.join(ROOT, 'seeds/001_bd929f26a5ba1773.txt'), 'utf8');
const [TITLE, ...PARAGRAPHS] = SEED.trim().split(/\n\n+/);
const ENTITY_HTML_FILE = path.join(ROOT, 'tests/fixtures/html/entities-in-paragraphs.html');
const ENTITY_HTML = fs.readFileSync(ENTITY_HTML_FILE, 'utf8');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed as a news page: headline, paragraphs, and the furniture around them. */
function articlePage(charset: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head>\n<meta charset="${charset}">\n<title>${escapeHtml(TITLE)} | Local Government Chronicle</title>\n</head>`,
    '<body>',
    '<header><a href="/">Local Government Chronicle</a><nav><ul><li><a href="/news">News</a></li><li><a href="/jobs">Jobs</a></li><li><a href="/events">Events</a></li></ul></nav></header>',
    '<div class="cookie-banner"><p>We use cookies to give you the best experience on our website. By continuing, you agree to our cookie policy.</p><button>Accept</button></div>',
    '<main><article>',
    `<h1>${escapeHtml(TITLE)}</h1>`,
    ...PARAGRAPHS.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article></main>',
    '<footer><p>\u00a9 2009 Local Government Chronicle. All rights reserved.</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const CP1252_PAGE = articlePage('windows-1252');
const UTF8_PAGE = articlePage('utf-8');

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM_UTF16LE = Buffer.from([0xff, 0xfe]);
const BOM_UTF16BE = Buffer.from([0xfe, 0xff]);

interface Variant {
  docId: string;
  file: string;
  bytes: Buffer;
  /** What raw_start/raw_end index: the decoded text, or the page source. */
  raw: string;
  html: boolean;
}

const VARIANTS: Variant[] = [
  { docId: 'utf8', file: 'utf8.txt', bytes: Buffer.from(SEED, 'utf8'), raw: SEED, html: false },
  { docId: 'utf8-bom', file: 'utf8-bom.txt', bytes: Buffer.concat([BOM_UTF8, Buffer.from(SEED, 'utf8')]), raw: SEED, html: false },
  { docId: 'utf16le-bom', file: 'utf16le-bom.txt', bytes: Buffer.concat([BOM_UTF16LE, iconv.encode(SEED, 'utf16le')]), raw: SEED, html: false },
  { docId: 'utf16be-bom', file: 'utf16be-bom.txt', bytes: Buffer.concat([BOM_UTF16BE, iconv.encode(SEED, 'utf16be')]), raw: SEED, html: false },
  { docId: 'windows-1252', file: 'windows-1252.txt', bytes: iconv.encode(SEED, 'windows-1252'), raw: SEED, html: false },
  { docId: 'crlf', file: 'crlf.txt', bytes: Buffer.from(SEED.replace(/\n/g, '\r\n'), 'utf8'), raw: SEED.replace(/\n/g, '\r\n'), html: false },
  { docId: 'page-1252', file: 'page-1252.html', bytes: iconv.encode(CP1252_PAGE, 'windows-1252'), raw: CP1252_PAGE, html: true },
  { docId: 'page-gz', file: 'page-gz.html.gz', bytes: gzipSync(Buffer.from(UTF8_PAGE, 'utf8')), raw: UTF8_PAGE, html: true },
];
/** JSON Lines records of the same article, one as text and one as a page. */
const RECORDS: Array<Variant & { record: object }> = [
  { docId: 'jsonl-text', file: 'records.jsonl', bytes: Buffer.alloc(0), raw: SEED, html: false, record: { id: 'jsonl-text', text: SEED } },
  { docId: 'jsonl-html', file: 'records.jsonl', bytes: Buffer.alloc(0), raw: UTF8_PAGE, html: true, record: { id: 'jsonl-html', html: UTF8_PAGE } },
];
const ALL = [...VARIANTS, ...RECORDS];

const ENTITY_TABLES = ['organisations', 'places', 'people'] as const;
const SPAN_TABLES = ['mentions', 'quotes', 'claims'] as const;
const COMPARED_TABLES = [...ENTITY_TABLES, 'quotes', 'claims'] as const;

type Row = Record<string, string>;

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('news-extract-formats-');
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const rowsOf = (run: RunResult, table: string): Row[] => parseCsvText(run.read(`${table}.csv`)).rows as Row[];
const extractionOf = (run: RunResult): Map<string, { title: string | null; text: string; status: string }> =>
  new Map(run.read('extraction.jsonl').trim().split('\n').map((line) => JSON.parse(line)).map((d) => [d.doc_id, d]));

/** A table's rows for one document, without what legitimately differs between formats. */
function comparable(rows: Row[], docId: string): Row[] {
  return rows.filter((r) => r.doc_id === docId).map(({ doc_id: _d, raw_start: _s, raw_end: _e, ...rest }) => rest);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What a reader sees of raw[start, end): for HTML, tags removed and entities decoded. */
function rawView(raw: string, start: number, end: number, html: boolean): string {
  const slice = raw.slice(start, end);
  return html ? decodeHTML(slice.replace(/<[^>]*>/g, '')) : slice;
}

/** Every mention, quote and claim row of the document points at its own text in the raw input. */
function expectRawOffsetsMatch(run: RunResult, docId: string, raw: string, html: boolean): number {
  let checked = 0;
  for (const table of SPAN_TABLES) {
    for (const row of rowsOf(run, table).filter((r) => r.doc_id === docId)) {
      const start = Number(row.raw_start), end = Number(row.raw_end);
      const where = `${docId} ${table} "${row.text}" raw ${start}-${end}`;
      expect(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= raw.length, where).toBe(true);
      const seen = rawView(raw, start, end, html);
      if (table === 'mentions') expect(html ? collapse(seen) : seen, where).toBe(row.text);
      else expect(collapse(seen), where).toBe(collapse(row.text));
      checked++;
    }
  }
  return checked;
}

// ---------------------------------------------------------------------------

describe('the same article in every encoding and format', () => {
  let run: RunResult;
  beforeAll(async () => {
    const files: Record<string, string | Buffer> = Object.fromEntries(VARIANTS.map((v) => [v.file, v.bytes]));
    files['records.jsonl'] = RECORDS.map((r) => JSON.stringify(r.record)).join('\n') + '\n';
    run = await runPipeline([folderWith(files)]);
  }, 30_000);

  it('really holds the bytes of each encoding', () => {
    const bytesOf = (id: string) => VARIANTS.find((v) => v.docId === id)!.bytes;
    // £, ’, “ and ” are single bytes in Windows-1252, which makes the file invalid UTF-8.
    for (const id of ['windows-1252', 'page-1252']) {
      for (const byte of [0xa3, 0x92, 0x93, 0x94]) expect(bytesOf(id).includes(byte), `${id} ${byte.toString(16)}`).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(id)), id).toThrow();
    }
    expect([...bytesOf('utf16be-bom').subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x42]);
    expect([...bytesOf('utf16le-bom').subarray(0, 4)]).toEqual([0xff, 0xfe, 0x42, 0x00]);
    expect(bytesOf('crlf').toString('utf8').split('\r\n').length).toBe(SEED.split('\n').length);
  });

  it('reads every version without failure', () => {
    const docs = rowsOf(run, 'documents');
    expect(docs.map((d) => [d.doc_id, d.status, d.error]).sort()).toEqual(ALL.map((v) => [v.docId, 'ok', '']).sort());
    expect(run.code).toBe(0);
    const format = Object.fromEntries(docs.map((d) => [d.doc_id, d.format]));
    for (const v of ALL) expect(format[v.docId], v.docId).toBe(v.html ? 'html' : 'text');
  });

  it('gives every version the same title and the same cleaned text', () => {
    const docs = extractionOf(run);
    const reference = docs.get('utf8')!;
    expect(reference.title).toBe(TITLE);
    expect(reference.text).toContain('some \u00a32m in savings');
    expect(reference.text).toContain('\u201croot and branch\u201d');
    expect(reference.text).toContain('local authority\u2019s');
    for (const v of ALL) {
      const doc = docs.get(v.docId)!;
      expect(doc.title, v.docId).toBe(reference.title);
      expect(doc.text, v.docId).toBe(reference.text);
    }
  });

  it('drops the page furniture of the HTML versions', () => {
    const docs = extractionOf(run);
    for (const v of ALL.filter((x) => x.html)) {
      expect(docs.get(v.docId)!.text, v.docId).not.toMatch(/cookie|Local Government Chronicle|All rights reserved|Events/);
    }
  });

  it('gives every version the same organisations, places, people, quotes and claims', () => {
    for (const table of COMPARED_TABLES) {
      const rows = rowsOf(run, table);
      const reference = comparable(rows, 'utf8');
      if (table !== 'places') expect(reference.length, table).toBeGreaterThan(0);
      for (const v of ALL) expect(comparable(rows, v.docId), `${table} of ${v.docId}`).toEqual(reference);
    }
    // The £ survived every decoding as a normalised value.
    const money = rowsOf(run, 'claims').filter((c) => c.kind === 'money');
    expect(money.length).toBe(ALL.length);
    for (const claim of money) expect([claim.value, claim.unit]).toEqual(['2000000', 'GBP']);
  });

  it('maps mention, quote and claim offsets into the decoded text of every version', () => {
    for (const v of ALL) expect(expectRawOffsetsMatch(run, v.docId, v.raw, v.html), v.docId).toBeGreaterThan(10);
  });

  it('indexes the CRLF text itself, not a newline-normalised copy', () => {
    const crlf = VARIANTS.find((v) => v.docId === 'crlf')!;
    const lee = rowsOf(run, 'mentions').find((m) => m.doc_id === 'crlf' && m.text.endsWith('Michael Lee'))!;
    const plain = rowsOf(run, 'mentions').find((m) => m.doc_id === 'utf8' && m.text === lee.text)!;
    // Every line before it ends in one more character.
    const linesBefore = SEED.slice(0, Number(plain.raw_start)).split('\n').length - 1;
    expect(Number(lee.raw_start)).toBe(Number(plain.raw_start) + linesBefore);
    expect(crlf.raw.slice(Number(lee.raw_start), Number(lee.raw_end))).toBe(lee.text);
  });
});

describe('raw offsets through HTML markup', () => {
  let run: RunResult;
  beforeAll(async () => {
    const dir = folderWith({
      'entities.html': fs.readFileSync(ENTITY_HTML_FILE),
      'entities-record.jsonl': JSON.stringify({ id: 'entities-record', html: ENTITY_HTML, url: 'https://example.org/m-and-s' }) + '\n',
    });
    run = await runPipeline([dir]);
  }, 30_000);
  const IDS = ['entities', 'entities-record'];

  it('reads the page and the JSON Lines record alike, the title from the page', () => {
    expect(run.code).toBe(0);
    const docs = extractionOf(run);
    for (const id of IDS) {
      expect(docs.get(id)!.status, id).toBe('ok');
      expect(docs.get(id)!.title, id).toBe('Council backs Marks & Spencer store plan');
    }
    const text = docs.get('entities')!.text;
    expect(docs.get('entities-record')!.text).toBe(text);
    // The page's headline opens the text as a heading, then the article.
    expect(text).toMatch(/^Council backs Marks & Spencer store plan\n\nBlackburn with Darwen Borough Council has approved plans by Marks & Spencer to open a store/);
    expect(text).not.toMatch(/cookie|Copyright|Sport|&amp;|&rsquo;|<b>/);
    expect(rowsOf(run, 'documents').find((d) => d.doc_id === 'entities-record')!.url).toBe('https://example.org/m-and-s');
  });

  it('maps every mention exactly onto the page source, across &amp; and <b> tags', () => {
    const slice = (m: Row) => ENTITY_HTML.slice(Number(m.raw_start), Number(m.raw_end));
    for (const id of IDS) {
      const mentions = rowsOf(run, 'mentions').filter((m) => m.doc_id === id);
      expect(mentions.length, id).toBeGreaterThan(5);
      for (const m of mentions) expect(collapse(rawView(ENTITY_HTML, Number(m.raw_start), Number(m.raw_end), true)), `${id} ${m.text}`).toBe(m.text);
      const council = mentions.find((m) => m.text === 'Blackburn with Darwen Borough Council')!;
      expect(slice(council)).toBe('Blackburn with Darwen Borough Council');
      expect(ENTITY_HTML.slice(Number(council.raw_start) - 3, Number(council.raw_start))).toBe('<b>');
      expect(slice(mentions.find((m) => m.text === 'Marks & Spencer')!)).toBe('Marks &amp; Spencer');
      expect(slice(mentions.find((m) => m.text === 'Lancashire Enterprise Partnership')!)).toBe('Lancashire\nEnterprise Partnership');
    }
  });

  it('keeps a word whole when an entity or a tag falls inside or right after it', () => {
    const text = extractionOf(run).get('entities')!.text;
    expect(text).toContain('the council\u2019s planning committee');
    expect(text).toContain('some \u00a32m of investment to Blackburn.\u201d');
    expect(text).toContain('by the Lancashire Enterprise Partnership, which said the town\u2019s footfall');
    expect(text).toContain('\u201ca welcome boost for the high street & its workers\u201d.');
  });

  it('maps every mention, quote and claim back to the page source', () => {
    for (const id of IDS) expect(expectRawOffsetsMatch(run, id, ENTITY_HTML, true), id).toBeGreaterThan(8);
  });
});

describe('JSON Lines from standard input', () => {
  it('reads records from "-", reports a malformed line with its number, and carries url, date and source', async () => {
    const outDir = tempDir('news-extract-stdin-');
    const input = [
      JSON.stringify({ id: 'from-stdin', text: SEED, url: 'https://example.org/blackburn', date: '2009-06-25', source: 'Local Government Chronicle' }),
      '{"id": "broken", "text": "Blackburn with Darwen',
      '',
      JSON.stringify({ id: 'page-from-stdin', html: UTF8_PAGE, source: 'LGC' }),
      '[1, 2, 3]',
    ].join('\n') + '\n';
    const child = await runChild([path.join(ROOT, 'src/cli.ts'), 'extract', '-', '--out', outDir, '--quiet'], input);
    expect(child.code, child.stderr).toBe(1);
    expect(child.stdout).toMatch(/documents\s+4 \(2 ok, 2 failed\)/);
    expect(child.stdout).toContain('-:2: malformed JSON on line 2');

    const docs = parseCsvText(fs.readFileSync(path.join(outDir, 'documents.csv'), 'utf8')).rows as Row[];
    expect(docs.map((d) => [d.doc_id, d.source, d.status])).toEqual([
      ['from-stdin', '-:1', 'ok'],
      ['stdin-line2', '-:2', 'failed'],
      ['page-from-stdin', '-:4', 'ok'],
      ['stdin-line5', '-:5', 'failed'],
    ]);
    expect(docs[1].error).toMatch(/^malformed JSON on line 2 \(/);
    expect(docs[3].error).toBe('line 5 is not a JSON object');
    expect([docs[0].url, docs[0].date, docs[0].publisher]).toEqual(['https://example.org/blackburn', '2009-06-25', 'Local Government Chronicle']);
    expect([docs[2].url, docs[2].date, docs[2].publisher]).toEqual(['', '', 'LGC']);
    expect([docs[0].title, docs[2].title]).toEqual([TITLE, TITLE]);
    expect([docs[0].format, docs[2].format]).toEqual(['text', 'html']);
    const people = parseCsvText(fs.readFileSync(path.join(outDir, 'people.csv'), 'utf8')).rows as Row[];
    expect(people.filter((p) => p.doc_id === 'from-stdin').map((p) => p.name)).toEqual(['Michael Lee', 'Bill Taylor']);
  }, 30_000);
});

describe('JSON Lines files', () => {
  it('reads a .jsonl file that starts with a UTF-8 byte-order mark', async () => {
    const bom = '\ufeff' + [JSON.stringify({ id: 'first', text: SEED }), JSON.stringify({ id: 'second', html: UTF8_PAGE })].join('\n') + '\n';
    const run = await runPipeline([folderWith({ 'bom.jsonl': bom })]);
    expect(rowsOf(run, 'documents').map((d) => [d.doc_id, d.status, d.error, d.title])).toEqual([
      ['first', 'ok', '', TITLE],
      ['second', 'ok', '', TITLE],
    ]);
    expect(run.code).toBe(0);
  }, 30_000);
});

/** Runs a TypeScript entry point in a child Node (with tsx, as `npx tsx` would) with `input` on its standard input. */
function runChild(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('inputs that cannot be decoded', () => {
  it('fail with their reason while the rest of the batch succeeds', async () => {
    const dir = folderWith({
      'a-good.txt': SEED,
      // A UTF-16LE byte-order mark, then a lone high surrogate: not UTF-16 at all.
      'b-bad-utf16le.txt': Buffer.concat([BOM_UTF16LE, iconv.encode('Council news', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]),
      // A UTF-16BE byte-order mark, then an odd number of bytes.
      'c-bad-utf16be.txt': Buffer.concat([BOM_UTF16BE, iconv.encode('Council news', 'utf16be'), Buffer.from([0x00])]),
      'd-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'e-bad-gzip.html.gz': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]),
      'f-good.html': iconv.encode(CP1252_PAGE, 'windows-1252'),
    });
    const run = await runPipeline([dir]);
    expect(run.code).toBe(1);
    const status = Object.fromEntries(rowsOf(run, 'documents').map((d) => [d.doc_id, `${d.status}: ${d.error}`]));
    expect(status).toEqual({
      'a-good': 'ok: ',
      'b-bad-utf16le': 'failed: cannot decode as UTF-16LE (declared by its byte-order mark)',
      'c-bad-utf16be': 'failed: cannot decode as UTF-16BE (declared by its byte-order mark)',
      'd-binary': 'failed: binary file (NUL bytes)',
      'e-bad-gzip': expect.stringMatching(/^failed: corrupt gzip data/),
      'f-good': 'ok: ',
    });
    expect(run.stdout).toMatch(/documents\s+6 \(2 ok, 4 failed\)/);
    const orgs = rowsOf(run, 'organisations');
    expect(new Set(orgs.map((o) => o.doc_id))).toEqual(new Set(['a-good', 'f-good']));
  }, 30_000);
});
