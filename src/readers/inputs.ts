// Turns the command line's inputs (files, folders, `-` for standard input) into
// documents. A problem with one input becomes a failed document, never a crash:
// every read is bounded in size before anything is held in memory, and nothing
// blocks the main thread (a FIFO is read like a pipe, so a signal still stops the run).

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import type { DocInput, InputFormat } from '../model.ts';
import { UsageError } from '../command-io.ts';
import { cleanField, replaceControlCharacters } from '../text.ts';
import { decodeBytes, invalidUtf8Note, looksBinary, MAX_ARTICLE_BYTES, megabytes } from './decode.ts';

/**
 * A JSON Lines record may be this long: its text (at most MAX_ARTICLE_BYTES) as
 * JSON, where escapes can double it. A longer line is skipped unread, and fails.
 */
const MAX_RECORD_BYTES = 2 * MAX_ARTICLE_BYTES + 65536;

const TEXT_EXTENSIONS = ['.txt', '.text'];
const HTML_EXTENSIONS = ['.html', '.htm', '.html.gz', '.htm.gz'];
const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
/** Every extension read, compound ones (`.html.gz`) before the plain ones they end with. */
const ARTICLE_EXTENSIONS = [...HTML_EXTENSIONS, ...JSONL_EXTENSIONS, ...TEXT_EXTENSIONS];

/** Thrown for inputs that cannot be used at all (missing, naming no documents, inside the output folder): a usage error. */
export class InputPathError extends UsageError {}

function extensionOf(file: string): string {
  const lower = file.toLowerCase();
  return ARTICLE_EXTENSIONS.find((ext) => lower.endsWith(ext)) ?? path.extname(lower);
}

const isArticleFile = (file: string) => ARTICLE_EXTENSIONS.includes(extensionOf(file));

/** Whether a file is read as JSON Lines (one document a line), by its extension. */
export const isJsonLinesFile = (file: string) => JSONL_EXTENSIONS.includes(extensionOf(file));

/** A folder that is never read as input (the output folder), by every name it has. */
interface Excluded {
  paths: Set<string>;
}

function excludedFolder(outDir: string | undefined): Excluded {
  const paths = new Set<string>();
  if (outDir !== undefined) {
    paths.add(path.resolve(outDir));
    try {
      paths.add(fs.realpathSync(outDir));
    } catch {
      /* not there yet */
    }
  }
  return { paths };
}

function isExcluded(dir: string, excluded: Excluded): boolean {
  if (excluded.paths.has(path.resolve(dir))) return true;
  try {
    return excluded.paths.has(fs.realpathSync(dir));
  } catch {
    return false;
  }
}

/** Whether `inner` is `outer` or inside it (both absolute). */
const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * Every article file under a folder, sorted by path so runs are repeatable. Links
 * are followed; a link that leads nowhere or back into a folder being walked, and
 * a folder that cannot be read, are kept as paths too, and fail when read, with
 * the reason (see articleProblem). The excluded folder is left out.
 */
function walk(dir: string, excluded: Excluded, ancestors: Set<string>): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [dir]; // fails when read: "unreadable folder (EACCES)"
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isExcluded(full, excluded)) found.push(...walk(full, excluded, ancestors));
      continue;
    }
    if (entry.isSymbolicLink()) {
      let target: fs.Stats | undefined;
      try {
        target = fs.statSync(full);
      } catch {
        /* dangling or a loop of links: reported when read, if it names an article */
      }
      if (target?.isDirectory()) {
        const real = realPath(full);
        if (isExcluded(full, excluded)) continue;
        if (ancestors.has(real)) found.push(full); // leads back into itself: reported when read
        else found.push(...walk(full, excluded, new Set([...ancestors, real])));
        continue;
      }
    }
    if (isArticleFile(entry.name)) found.push(full);
  }
  return found.sort();
}

const realPath = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/**
 * Checks every input before any work starts and expands folders. A missing input,
 * a folder with no articles, and an input that is the output folder or inside it
 * are usage errors; an output folder inside an input folder is left out of it.
 */
export function resolveInputs(inputs: string[], outDir?: string): string[] {
  const excluded = excludedFolder(outDir);
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new InputPathError(`input is a loop of symbolic links: ${input}`);
      if (code === 'ENOENT' && fs.lstatSync(input, { throwIfNoEntry: false })?.isSymbolicLink()) throw new InputPathError(`input is a symbolic link to nothing: ${input}`);
      throw new InputPathError(`input not found: ${input}`);
    }
    const real = realPath(input);
    for (const out of excluded.paths) {
      if (isWithin(real, out) || isWithin(path.resolve(input), out)) throw new InputPathError(`input ${input} is inside the output folder ${outDir}; it would read its own output`);
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const found = walk(input, excluded, new Set([real]));
    if (!found.length) throw new InputPathError(`no articles in ${input} (looked for ${ARTICLE_EXTENSIONS.join(', ')} files${outDir !== undefined ? `, leaving out the output folder` : ''})`);
    files.push(...found);
  }
  return files;
}

function docIdOf(file: string): string {
  const base = path.basename(file);
  return base.slice(0, base.length - extensionOf(base).length) || base;
}

/** Why a path found by `walk` or named on the command line cannot be read as one article, or null when it can be tried. */
function articleProblem(file: string): string | null {
  let link: fs.Stats;
  try {
    link = fs.lstatSync(file);
  } catch (err) {
    return `unreadable file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  let target: fs.Stats;
  try {
    target = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (link.isSymbolicLink() && code === 'ELOOP') return 'symbolic link loop (ELOOP)';
    if (link.isSymbolicLink() && code === 'ENOENT') return `dangling symbolic link (to ${safeReadlink(file)}, which does not exist)`;
    return `unreadable file (${code ?? (err as Error).message})`;
  }
  if (!target.isDirectory()) return null;
  if (link.isSymbolicLink()) return `symbolic link loop (leads back to the folder ${realPath(file)})`;
  try {
    fs.readdirSync(file);
    return 'a folder, not a file';
  } catch (err) {
    return `unreadable folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
}

function safeReadlink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return '?';
  }
}

const openFile = promisify(fs.open);
const fstat = promisify(fs.fstat);
const readFd = promisify(fs.read);
const closeFd = promisify(fs.close);

class TooLarge extends Error {}

/**
 * A file's bytes, at most `limit` of them (more throws TooLarge before they are
 * held). Opened without blocking, so a FIFO that no one writes to reads as empty,
 * and one that is written slowly is waited for without holding up the main thread.
 */
async function readBounded(file: string, limit: number): Promise<Buffer> {
  const fd = await openFile(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  let handedOver = false;
  try {
    const stat = await fstat(fd);
    if (stat.isFIFO() || stat.isSocket()) {
      const first = readNow(fd);
      if (first !== null && first.length === 0) return first; // no writer: empty
      handedOver = true;
      return await readAll(pipeStream(fd, first), limit);
    }
    if (stat.size > limit) throw new TooLarge(megabytes(stat.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total) || 1);
      const { bytesRead } = await readFd(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new TooLarge(`over ${megabytes(limit)}`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (!handedOver) await closeFd(fd).catch(() => {});
  }
}

/**
 * What a non-blocking FIFO has now: bytes, an empty buffer at its end (no writer:
 * Linux would never wake a poll for a FIFO that no writer has opened yet), or null
 * when a writer has it open but has not written yet.
 */
function readNow(fd: number): Buffer | null {
  const buf = Buffer.allocUnsafe(1 << 16);
  try {
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, null));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return null;
    throw err;
  }
}

/** A FIFO or socket as a stream that does not block the main thread, starting with what was read already. */
async function* pipeStream(fd: number, first: Buffer | null): AsyncGenerator<Buffer> {
  if (first) yield first;
  const socket = new net.Socket({ fd, readable: true, writable: false });
  try {
    yield* socket as AsyncIterable<Buffer>;
  } finally {
    socket.destroy();
  }
}

/** Everything a stream gives, at most `limit` bytes (more throws TooLarge and stops reading). */
async function readAll(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limit) throw new TooLarge(`over ${megabytes(limit)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The input with control characters replaced in its text and fields, and a note when any were. */
function controlled(input: DocInput): DocInput {
  const body = replaceControlCharacters(input.raw);
  const notes = [...(input.notes ?? [])];
  if (body.replaced) notes.push(`${body.replaced} control character${body.replaced === 1 ? '' : 's'} replaced`);
  const meta = input.meta && Object.fromEntries(Object.entries(input.meta).map(([k, v]) => [k, cleanField(v)]));
  return {
    ...input,
    docId: cleanField(input.docId),
    source: cleanField(input.source),
    raw: body.text,
    ...(input.givenTitle ? { givenTitle: cleanField(input.givenTitle) } : {}),
    ...(meta ? { meta } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

async function readArticleFile(file: string): Promise<DocInput> {
  const docId = docIdOf(file);
  const format: InputFormat = HTML_EXTENSIONS.includes(extensionOf(file)) ? 'html' : 'text';
  const failed = (error: string): DocInput => controlled({ docId, source: file, raw: '', format, error });
  const problem = articleProblem(file);
  if (problem) return failed(problem);
  let bytes: Buffer;
  try {
    bytes = await readBounded(file, MAX_ARTICLE_BYTES);
  } catch (err) {
    if (err instanceof TooLarge) return failed(`file too large (${err.message}; the limit is ${megabytes(MAX_ARTICLE_BYTES)})`);
    return failed(`unreadable file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    const { text, encoding, notes } = decodeBytes(bytes, { fileName: file, maxBytes: MAX_ARTICLE_BYTES });
    return controlled({ docId, source: file, raw: text, format, encoding, ...(notes ? { notes } : {}) });
  } catch (err) {
    return failed((err as Error).message);
  }
}

const CARRIED_FIELDS = ['url', 'date', 'source', 'author', 'category'];

/** One JSON Lines record: {id, text | html, title?, url?, date?, source?, ...}. */
function recordToInput(line: string, lineNo: number, file: string, notes: string[]): DocInput | null {
  if (!line.trim()) return null;
  const where = `${file}:${lineNo}`;
  const fallbackId = `${file === '-' ? 'stdin' : docIdOf(file)}-line${lineNo}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    return { docId: fallbackId, source: where, raw: '', error: `malformed JSON on line ${lineNo} (${(err as Error).message})` };
  }
  return recordInput(record, where, fallbackId, `line ${lineNo}`, notes);
}

/**
 * A record already parsed ({id, text | html, title?, url?, date?, source?, ...}) as a
 * document read from `where`; `fallbackId` when it has no id. A record that cannot be
 * an article becomes a failed document, its reason starting with `what` ("line 3").
 * `notes`: what reading the record had to mend.
 */
export function recordInput(record: unknown, where: string, fallbackId: string, what: string, notes: string[] = []): DocInput {
  const failed = (docId: string, error: string): DocInput => ({ docId, source: where, raw: '', error });
  if (!record || typeof record !== 'object' || Array.isArray(record)) return failed(fallbackId, `${what} is not a JSON object`);
  const r = record as Record<string, unknown>;
  const docId = r.id === undefined || r.id === null || r.id === '' ? fallbackId : String(r.id);
  const body = typeof r.text === 'string' ? r.text : typeof r.html === 'string' ? r.html : null;
  if (body === null) return failed(docId, `${what} has no "text" or "html" string field`);
  if (!body.trim()) return failed(docId, `${what}: empty article text`);
  if (Buffer.byteLength(body) > MAX_ARTICLE_BYTES) return failed(docId, `${what}: article too large (limit ${megabytes(MAX_ARTICLE_BYTES)})`);
  if (looksBinary(body)) return failed(docId, `${what}: binary content (control characters)`);
  const meta: Record<string, string> = {};
  for (const key of CARRIED_FIELDS) if (r[key] !== undefined && r[key] !== null) meta[key] = String(r[key]);
  return {
    docId,
    source: where,
    raw: body,
    format: typeof r.text === 'string' ? 'text' : 'html',
    givenTitle: typeof r.title === 'string' ? r.title : null,
    meta,
    encoding: 'utf-8',
    ...(notes.length ? { notes } : {}),
  };
}

interface RawLine {
  /** The line's bytes without its line break; null when it was longer than the limit (skipped unread). */
  bytes: Buffer | null;
  lineNo: number;
}

/** The lines of a byte stream; a line longer than `limit` bytes is given as null, without holding it. */
async function* linesOf(stream: AsyncIterable<Buffer>, limit: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let lineNo = 0;
  const take = (): RawLine => {
    lineNo++;
    let bytes = tooLong ? null : Buffer.concat(parts, length);
    if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    parts = [];
    length = 0;
    tooLong = false;
    return { bytes, lineNo };
  };
  for await (const chunk of stream) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      if (!tooLong && length + nl - from > limit) tooLong = true;
      if (!tooLong) {
        parts.push(chunk.subarray(from, nl));
        length += nl - from;
      }
      yield take();
      from = nl + 1;
    }
    if (!tooLong && length + chunk.length - from > limit) {
      tooLong = true;
      parts = [];
    }
    if (!tooLong && from < chunk.length) {
      parts.push(chunk.subarray(from));
      length += chunk.length - from;
    }
  }
  if (length > 0 || tooLong) yield take();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A line as UTF-8 text; invalid bytes become U+FFFD, counted in a note. */
function decodeLine(bytes: Buffer): { text: string; notes: string[] } {
  try {
    return { text: strictUtf8.decode(bytes), notes: [] };
  } catch {
    const text = lenientUtf8.decode(bytes);
    let invalid = 0;
    for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) invalid++;
    return { text, notes: [invalidUtf8Note(invalid)] };
  }
}

async function* readJsonLines(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<DocInput> {
  let last = 0;
  try {
    for await (const { bytes, lineNo } of linesOf(stream, MAX_RECORD_BYTES)) {
      last = lineNo;
      if (bytes === null) {
        yield controlled({ docId: `${file === '-' ? 'stdin' : docIdOf(file)}-line${lineNo}`, source: `${file}:${lineNo}`, raw: '', error: `line ${lineNo} is too long (over ${megabytes(MAX_RECORD_BYTES)}; an article's text may have ${megabytes(MAX_ARTICLE_BYTES)})` });
        continue;
      }
      const { text, notes } = decodeLine(bytes);
      // A byte-order mark (files saved by Windows tools) is not part of the first record.
      const input = recordToInput(lineNo === 1 ? text.replace(/^\uFEFF/, '') : text, lineNo, file, notes);
      if (input) yield controlled(input);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    yield controlled({ docId: `${file === '-' ? 'stdin' : docIdOf(file)}-line${last + 1}`, source: `${file}:${last + 1}`, raw: '', error: `unreadable file after line ${last} (${code})` });
  }
}

/** A JSON Lines file as a byte stream: read like a pipe when it is a FIFO. */
async function jsonLinesStream(file: string): Promise<AsyncIterable<Buffer>> {
  const fd = await openFile(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = await fstat(fd);
    if (stat.isFIFO() || stat.isSocket()) return pipeStream(fd, readNow(fd));
    if (stat.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  } catch (err) {
    await closeFd(fd).catch(() => {});
    throw err;
  }
  return fs.createReadStream('', { fd, highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>;
}

/** The documents of the given input files, in order, read lazily. */
export async function* readInputs(files: string[], stdin: Readable = process.stdin): AsyncGenerator<DocInput> {
  for (const file of files) {
    if (file === '-') yield* readJsonLines(stdin as AsyncIterable<Buffer>, '-');
    else if (isJsonLinesFile(file)) {
      const problem = articleProblem(file);
      let stream: AsyncIterable<Buffer>;
      try {
        if (problem) throw new Error(problem);
        stream = await jsonLinesStream(file);
      } catch (err) {
        const reason = problem ?? `unreadable file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
        yield controlled({ docId: docIdOf(file), source: file, raw: '', error: reason });
        continue;
      }
      yield* readJsonLines(stream, file);
    } else yield await readArticleFile(file);
  }
}

/** Whether a path is a regular file (or a link to one): only those can be counted ahead without being consumed. */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return true; // fails when read, as one document
  }
}
