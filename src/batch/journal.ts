// The journal of an output folder: `<out>/.news-extract/journal.jsonl`, one line
// per processed document, `{"h":"<content hash>","f":<fragment>}`, appended as
// each document finishes and fdatasynced in batches. A later run into the same folder takes
// a document whose content hash is in it from here instead of processing it again
// (that is both the unchanged-document skip and --resume after a kill: whatever
// reached the file before the kill counts). The file is only ever appended to
// during a run; a line torn by a kill is cut off when the journal is next opened,
// and a line that does not parse is simply processed again. At the end of a run
// the journal is rewritten (temp + rename) without the entries the run did not use
// once they make up more than half of it.
//
// `<out>/.news-extract/lock` holds the pid of the run writing to the folder, so two
// runs never append to one journal; a lock left by a dead process is taken over
// (and tells that the last run was interrupted).

import { isAlive, syncDir } from '../writers.ts';
import { environmentError, fileOperation } from '../exit.ts';
import { UsageError } from '../command-io.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Fragment } from './fragment.ts';

const JOURNAL_DIR = '.news-extract';
const JOURNAL_FILE = 'journal.jsonl';
const LOCK_FILE = 'lock';

/** Entries are written at once (a kill loses none); fdatasync after this many entries, bytes or milliseconds. */
const SYNC_ENTRIES = 32;
const SYNC_BYTES = 1 << 20;
const SYNC_MS = 1000;

const HEAD = Buffer.from('{"h":"');
const HASH_LENGTH = 64;
const AFTER_HASH = Buffer.from('","f":');
const HEAD_LENGTH = HEAD.length + HASH_LENGTH + AFTER_HASH.length;
/** Entries up to this size are written through one buffer kept for the run. */
const ENTRY_BUFFER_MAX = 1 << 20;

/** Thrown when another live process is writing to the same output folder (a usage error: wait, or choose another folder). */
export class JournalLockedError extends UsageError {}

/** Index keys are the first 16 hex digits of a hash (the whole hash is checked on reading). */
const KEY_LENGTH = 16;

/** Where an entry's line is in the file (without its newline). */
export interface EntryLocation {
  hash: string;
  at: number;
  length: number;
}

export interface JournalOptions {
  /** Start from an empty journal (the old entries are dropped). */
  fresh?: boolean;
}

export class Journal {
  readonly dir: string;
  readonly file: string;
  /** Entries read from the file when the run started (before any of this run's). */
  readonly entriesAtStart: number;
  /** A previous run into this folder left its lock behind: it was stopped before it finished. */
  readonly interruptedRun: { pid: number; started: string } | null;
  // The entries that were in the file when the run started, kept small (about 70
  // bytes each): key -> slot, and per slot its line's offset, length and whether
  // this run used it. This run's own entries are the tail of the file from
  // `startSize` on and need no index.
  private readonly index = new Map<string, number>();
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private used = new Uint8Array(1024);
  private slots = 0;
  private readonly fd: number;
  private readonly startSize: number;
  private size: number;
  private usedBytes = 0;
  private unsyncedEntries = 0;
  private unsyncedBytes = 0;
  private lastSync = Date.now();
  private closed = false;
  private entryBuffer = Buffer.allocUnsafe(1 << 16);

  /** Whether `outDir` holds a journal from an earlier run. */
  static exists(outDir: string): boolean {
    try {
      return fs.statSync(path.join(outDir, JOURNAL_DIR, JOURNAL_FILE)).size > 0;
    } catch {
      return false;
    }
  }

  constructor(outDir: string, options: JournalOptions = {}) {
    this.dir = path.join(outDir, JOURNAL_DIR);
    this.file = path.join(this.dir, JOURNAL_FILE);
    fileOperation('create', this.dir, () => fs.mkdirSync(this.dir, { recursive: true }));
    this.interruptedRun = takeLock(path.join(this.dir, LOCK_FILE));
    try {
      this.fd = fileOperation('open', this.file, () => fs.openSync(this.file, options.fresh ? 'w+' : fs.existsSync(this.file) ? 'r+' : 'w+'));
      this.size = options.fresh ? 0 : fileOperation('read', this.file, () => this.load());
      this.startSize = this.size;
      this.entriesAtStart = this.index.size;
    } catch (err) {
      releaseLock(path.join(this.dir, LOCK_FILE));
      throw err;
    }
  }

  /** The fragment kept for `hash` when the run started, or undefined (not there, or its line is damaged). */
  get(hash: string): Fragment | undefined {
    const key = hash.slice(0, KEY_LENGTH);
    const slot = this.index.get(key);
    if (slot === undefined) return undefined;
    const length = this.lengths[slot];
    const read = this.read({ hash, at: this.offsets[slot], length });
    if (read === 'damaged') this.index.delete(key); // the document is processed again
    if (typeof read !== 'object') return undefined; // damaged, or another document with the same key
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.usedBytes += length + 1;
    }
    return read;
  }

  /** The fragment of an entry this run added (`add` and `addLines` say where), or undefined if it is not that entry. */
  getAt(entry: EntryLocation): Fragment | undefined {
    const read = this.read(entry);
    return typeof read === 'object' ? read : undefined;
  }

  private read({ hash, at, length }: EntryLocation): Fragment | 'damaged' | 'another' {
    const buf = Buffer.allocUnsafe(length);
    fs.readSync(this.fd, buf, 0, length, at);
    return entryFragment(buf, hash);
  }

  /**
   * Records a processed document: written to the file at once (so it survives a
   * kill of the process), fdatasynced in batches (so a power cut loses at most
   * the last batch; a torn line is cut off on the next open).
   */
  add(hash: string, fragment: Fragment): EntryLocation {
    return this.addSerialised(hash, JSON.stringify(fragment));
  }

  /** `add` for a fragment already serialised (JSON.stringify of a Fragment). */
  addSerialised(hash: string, fragmentJson: string): EntryLocation {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`journal: bad hash ${hash}`);
    // Written part by part into one reused buffer (a larger entry gets its own): not a
    // joined copy of the entry and a new buffer for each document.
    const length = HEAD_LENGTH + Buffer.byteLength(fragmentJson) + 2;
    if (this.entryBuffer.length < length && length <= ENTRY_BUFFER_MAX) this.entryBuffer = Buffer.allocUnsafe(ENTRY_BUFFER_MAX);
    const buf = length <= this.entryBuffer.length ? this.entryBuffer.subarray(0, length) : Buffer.allocUnsafe(length);
    HEAD.copy(buf, 0);
    buf.write(hash, HEAD.length, 'latin1');
    AFTER_HASH.copy(buf, HEAD.length + HASH_LENGTH);
    buf.write(fragmentJson, HEAD_LENGTH, 'utf8');
    buf.write('}\n', length - 2, 'latin1');
    const location = { hash, at: this.size, length: length - 1 };
    this.append(buf, 1);
    if (this.unsyncedEntries >= SYNC_ENTRIES || this.unsyncedBytes >= SYNC_BYTES || Date.now() - this.lastSync >= SYNC_MS) this.flush();
    return location;
  }

  /**
   * Appends entries made elsewhere (journalLine's, as bytes) as they are; returns
   * where each is, for `getAt`. Made durable by the caller's `flush`.
   */
  addLines(lines: Buffer): EntryLocation[] {
    const entries: EntryLocation[] = [];
    for (let start = 0; start < lines.length; ) {
      const end = lines.indexOf(10, start);
      if (end === -1 || !isEntry(lines, start, end)) throw new Error(`journal: not an entry at byte ${start} of ${lines.length}`);
      entries.push({ hash: lines.toString('latin1', start + HEAD.length, start + HEAD.length + HASH_LENGTH), at: this.size + start, length: end - start });
      start = end + 1;
    }
    this.append(lines, entries.length);
    return entries;
  }

  private append(buf: Buffer, entries: number): void {
    if (this.closed) throw new Error('journal is closed');
    try {
      writeAllAt(this.fd, buf, this.size, this.file);
    } catch (err) {
      // No torn entry left behind where the next one would go.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        /* cut off when the journal is next opened */
      }
      throw err;
    }
    this.size += buf.length;
    this.usedBytes += buf.length;
    this.unsyncedEntries += entries;
    this.unsyncedBytes += buf.length;
  }

  /** fdatasyncs what was written since the last time. */
  flush(): void {
    this.lastSync = Date.now();
    if (!this.unsyncedEntries) return;
    this.unsyncedEntries = 0;
    this.unsyncedBytes = 0;
    fileOperation('write', this.file, () => fs.fdatasyncSync(this.fd));
  }

  /**
   * A finished run: flushes, drops the entries this run did not use if they are
   * more than half the file, and releases the folder.
   */
  close(): void {
    if (this.closed) return;
    this.flush();
    const wasted = this.size - this.usedBytes;
    try {
      if (wasted > this.usedBytes && wasted > 0) this.compact();
    } catch {
      /* a journal left uncompacted is still whole: the next run compacts it */
    }
    this.release();
  }

  /** A stopped run: keeps what was done (flushed) for the next one, and releases the folder. */
  abandon(): void {
    if (this.closed) return;
    try {
      this.flush();
    } finally {
      this.release();
    }
  }

  private release(): void {
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } finally {
      releaseLock(path.join(this.dir, LOCK_FILE));
    }
  }

  /** Rewrites the journal with only the entries used by this run. */
  private compact(): void {
    const tmp = `${this.file}.tmp-${process.pid}`;
    const out = fs.openSync(tmp, 'w');
    try {
      let position = 0;
      let buf = Buffer.alloc(1 << 16);
      const copy = (offset: number, length: number) => {
        if (buf.length < length) buf = Buffer.alloc(length);
        fs.readSync(this.fd, buf, 0, length, offset);
        writeAllAt(out, buf.subarray(0, length), position, tmp);
        position += length;
      };
      // Slots are in file order; the entries this run added are the tail.
      for (let slot = 0; slot < this.slots; slot++) if (this.used[slot]) copy(this.offsets[slot], this.lengths[slot] + 1);
      for (let offset = this.startSize; offset < this.size; offset += 1 << 20) copy(offset, Math.min(1 << 20, this.size - offset));
      fs.fdatasyncSync(out);
      fs.closeSync(out);
      fs.renameSync(tmp, this.file);
      syncDir(this.dir);
    } catch (err) {
      try {
        fs.closeSync(out);
      } catch {
        /* closed already */
      }
      fs.rmSync(tmp, { force: true });
      throw err;
    }
  }

  /** Builds the index from the file; cuts off a torn last line. Returns the size kept. */
  private load(): number {
    const total = fs.fstatSync(this.fd).size;
    const chunk = Buffer.allocUnsafe(1 << 20);
    const head = Buffer.alloc(HEAD_LENGTH);
    let headLength = 0;
    let lineStart = 0;
    let position = 0;
    while (position < total) {
      const n = fs.readSync(this.fd, chunk, 0, chunk.length, position);
      if (n <= 0) break;
      let from = 0;
      while (from < n) {
        const nl = chunk.indexOf(10, from);
        const end = nl === -1 || nl >= n ? n : nl;
        if (headLength < HEAD_LENGTH) {
          const take = Math.min(HEAD_LENGTH - headLength, end - from);
          chunk.copy(head, headLength, from, from + take);
          headLength += take;
        }
        if (end === n) break;
        const lineEnd = position + nl;
        this.indexLine(head, headLength, lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        headLength = 0;
        from = nl + 1;
      }
      position += n;
    }
    if (lineStart < total) fs.ftruncateSync(this.fd, lineStart);
    return lineStart;
  }

  private indexLine(head: Buffer, headLength: number, offset: number, length: number): void {
    if (headLength < HEAD_LENGTH || !hasEntryHead(head, 0)) return;
    if (this.slots === this.offsets.length) {
      const grow = <T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.offsets = grow(this.offsets, (n) => new Float64Array(n));
      this.lengths = grow(this.lengths, (n) => new Uint32Array(n));
      this.used = grow(this.used, (n) => new Uint8Array(n));
    }
    const slot = this.slots++;
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
    // A new string, not a slice of `hash` (V8 would keep all 64 characters alive).
    this.index.set(head.toString('latin1', HEAD.length, HEAD.length + KEY_LENGTH), slot);
  }
}

/** A journal entry: a fragment (JSON.stringify of a Fragment) under its document's content hash, a line. */
export function journalLine(hash: string, fragmentJson: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`journal: bad hash ${hash}`);
  return `{"h":"${hash}","f":${fragmentJson}}\n`;
}

/** The fragment of an entry's line (without its newline) if it is `hash`'s; 'another' if it is another document's. */
export function entryFragment(line: Buffer, hash: string): Fragment | 'damaged' | 'another' {
  let parsed: { h?: unknown; f?: Fragment };
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch {
    return 'damaged';
  }
  if (parsed.h !== hash) return 'another';
  if (!parsed.f || typeof parsed.f.json !== 'string') return 'damaged';
  return parsed.f;
}

/** Whether `bytes` at `at` begin as an entry does: `{"h":"<64 hex digits>","f":`. */
function hasEntryHead(bytes: Buffer, at: number): boolean {
  if (bytes.compare(HEAD, 0, HEAD.length, at, at + HEAD.length) !== 0) return false;
  if (bytes.compare(AFTER_HASH, 0, AFTER_HASH.length, at + HEAD.length + HASH_LENGTH, at + HEAD_LENGTH) !== 0) return false;
  return /^[0-9a-f]{64}$/.test(bytes.toString('latin1', at + HEAD.length, at + HEAD.length + HASH_LENGTH));
}

/** Whether bytes `start` to `end` (its newline) are an entry's line, by its head and its last character. */
function isEntry(bytes: Buffer, start: number, end: number): boolean {
  return end - start > HEAD_LENGTH && hasEntryHead(bytes, start) && bytes[end - 1] === 0x7d; // '}'
}

function takeLock(lockPath: string): { pid: number; started: string } | null {
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        fs.rmSync(lockPath, { force: true }); // created, but not written (a full disk)
        throw environmentError('write', lockPath, err);
      }
    }
    let holder: { pid?: number; host?: string; started?: string } = {};
    try {
      holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
    } catch {
      /* unreadable or half-written: treat as stale */
    }
    const pid = Number(holder.pid);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && (holder.host ?? os.hostname()) === os.hostname() && isAlive(pid)) {
      throw new JournalLockedError(
        `another run (pid ${pid}, started ${holder.started ?? '?'}) is writing to ${path.dirname(path.dirname(lockPath))}; ` +
          `wait for it, or delete ${lockPath} if that process is not news-extract`,
      );
    }
    // Stale: its process is gone. Take it over.
    try {
      fs.writeFileSync(lockPath, mine);
    } catch (err) {
      fs.rmSync(lockPath, { force: true });
      throw environmentError('write', lockPath, err);
    }
    return { pid: Number.isInteger(pid) ? pid : 0, started: holder.started ?? '' };
  }
  throw new JournalLockedError(`could not take ${lockPath}`);
}

function releaseLock(lockPath: string): void {
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: number };
    if (holder.pid === process.pid) fs.rmSync(lockPath, { force: true });
  } catch {
    /* gone already */
  }
}


/** Writes all of `bytes` at `position` (see writeAll). */
function writeAllAt(fd: number, bytes: Buffer, position: number, file: string): void {
  let done = 0;
  while (done < bytes.length) {
    const n = fileOperation('write', file, () => fs.writeSync(fd, bytes, done, bytes.length - done, position + done));
    if (!(n > 0)) throw environmentError('write', file, Object.assign(new Error('ENOSPC: the system accepted no more bytes'), { code: 'ENOSPC' }));
    done += n;
  }
}
