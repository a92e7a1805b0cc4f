// Turns the command line's inputs (files, folders, `-` for standard input) into
// documents. A problem with one input becomes a failed document, never a crash.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { DocInput, InputFormat } from '../model.ts';
import { decodeBytes } from './decode.ts';

/** Larger articles are refused: no news article is this long, and the NLP libraries' memory grows with it. */
const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

const TEXT_EXTENSIONS = ['.txt', '.text'];
const HTML_EXTENSIONS = ['.html', '.htm', '.html.gz', '.htm.gz'];
const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
/** Every extension read, compound ones (`.html.gz`) before the plain ones they end with. */
const ARTICLE_EXTENSIONS = [...HTML_EXTENSIONS, ...JSONL_EXTENSIONS, ...TEXT_EXTENSIONS];

/** Thrown for inputs that do not exist: a usage error, not a failed document. */
export class InputPathError extends Error {}

function extensionOf(file: string): string {
  const lower = file.toLowerCase();
  return ARTICLE_EXTENSIONS.find((ext) => lower.endsWith(ext)) ?? path.extname(lower);
}

const isArticleFile = (file: string) => ARTICLE_EXTENSIONS.includes(extensionOf(file));

/** Whether a file is read as JSON Lines (one document a line), by its extension. */
export const isJsonLinesFile = (file: string) => JSONL_EXTENSIONS.includes(extensionOf(file));

/** Every article file under a folder, sorted by path so runs are repeatable. */
function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full));
    else if (entry.isFile() && isArticleFile(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Check every input exists before any work starts, and expand folders. */
export function resolveInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputPathError(`input not found: ${input}`);
    }
    files.push(...(stat.isDirectory() ? walk(input) : [input]));
  }
  return files;
}

function docIdOf(file: string): string {
  const base = path.basename(file);
  return base.slice(0, base.length - extensionOf(base).length) || base;
}

function readArticleFile(file: string): DocInput {
  const docId = docIdOf(file);
  const format: InputFormat = HTML_EXTENSIONS.includes(extensionOf(file)) ? 'html' : 'text';
  const failed = (error: string): DocInput => ({ docId, source: file, raw: '', format, error });
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_ARTICLE_BYTES) return failed(`file too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    return failed(`unreadable file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    const { text } = decodeBytes(bytes, { fileName: file });
    return { docId, source: file, raw: text, format };
  } catch (err) {
    return failed((err as Error).message);
  }
}

const CARRIED_FIELDS = ['url', 'date', 'source', 'author', 'category'];

/** One JSON Lines record: {id, text | html, title?, url?, date?, source?, ...}. */
function recordToInput(line: string, lineNo: number, file: string): DocInput | null {
  if (!line.trim()) return null;
  const where = `${file}:${lineNo}`;
  const fallbackId = `${file === '-' ? 'stdin' : docIdOf(file)}-line${lineNo}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { docId: fallbackId, source: where, raw: '', error: `malformed JSON on line ${lineNo} (${(err as Error).message})` };
  }
  return recordInput(record, where, fallbackId, `line ${lineNo}`);
}

/**
 * A record already parsed ({id, text | html, title?, url?, date?, source?, ...}) as a
 * document read from `where`; `fallbackId` when it has no id. A record that cannot be
 * an article becomes a failed document, its reason starting with `what` ("line 3").
 */
export function recordInput(record: unknown, where: string, fallbackId: string, what: string): DocInput {
  const failed = (docId: string, error: string): DocInput => ({ docId, source: where, raw: '', error });
  if (!record || typeof record !== 'object' || Array.isArray(record)) return failed(fallbackId, `${what} is not a JSON object`);
  const r = record as Record<string, unknown>;
  const docId = r.id === undefined || r.id === null || r.id === '' ? fallbackId : String(r.id);
  const body = typeof r.text === 'string' ? r.text : typeof r.html === 'string' ? r.html : null;
  if (body === null) return failed(docId, `${what} has no "text" or "html" string field`);
  if (!body.trim()) return failed(docId, `${what}: empty article text`);
  if (Buffer.byteLength(body) > MAX_ARTICLE_BYTES) return failed(docId, `${what}: article too large (limit ${MAX_ARTICLE_BYTES / 1048576} MB)`);
  const meta: Record<string, string> = {};
  for (const key of CARRIED_FIELDS) if (r[key] !== undefined && r[key] !== null) meta[key] = String(r[key]);
  return {
    docId,
    source: where,
    raw: body,
    format: typeof r.text === 'string' ? 'text' : 'html',
    givenTitle: typeof r.title === 'string' ? r.title : null,
    meta,
  };
}

async function* readJsonLines(stream: Readable, file: string): AsyncGenerator<DocInput> {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    // A byte-order mark (files saved by Windows tools) is not part of the first record.
    const input = recordToInput(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line, lineNo, file);
    if (input) yield input;
  }
}

/** The documents of the given input files, in order, read lazily. */
export async function* readInputs(files: string[], stdin: Readable = process.stdin): AsyncGenerator<DocInput> {
  for (const file of files) {
    if (file === '-') yield* readJsonLines(stdin, '-');
    else if (isJsonLinesFile(file)) {
      let stream: fs.ReadStream;
      try {
        fs.accessSync(file, fs.constants.R_OK);
        stream = fs.createReadStream(file, { encoding: 'utf8' });
      } catch (err) {
        yield { docId: docIdOf(file), source: file, raw: '', error: `unreadable file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
        continue;
      }
      yield* readJsonLines(stream, file);
    } else yield readArticleFile(file);
  }
}
