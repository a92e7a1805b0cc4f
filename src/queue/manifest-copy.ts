// The collector's copy of the queue's manifest: `<out>/.news-extract/manifest.jsonl`,
// every document added to the queue in input order, so that the tables can be
// written in that order again and again after the entries have left Redis.
// The first line names the queue it copies; each other line is
// `{"s":"<stream id>","h":"<hash>","i":<input without its text>}`. Entries are
// appended and fdatasynced before they are deleted from Redis; Redis stream ids
// only grow, so an entry copied by a collector killed before it could delete it
// is recognised by its id and not copied twice. A line torn by a kill is cut off
// when the file is next opened.

import fs from 'node:fs';
import path from 'node:path';
import { QueueError, type ManifestEntry } from './connection.ts';

const FILE = 'manifest.jsonl';

interface Header {
  queue: string;
  id: string;
}

/** Orders Redis stream ids ("<ms>-<seq>"). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}

export class ManifestCopy {
  /** Entries in the file. */
  count = 0;
  /** Stream id of the last entry copied ('0-0': none). */
  lastId = '0-0';
  private readonly fd: number;
  /** Where the entries begin, after the header line. */
  private headerSize = 0;

  private constructor(
    readonly file: string,
    header: Header,
    private size: number,
    headerSize: number,
  ) {
    this.fd = fs.openSync(file, size ? 'r+' : 'w+');
    if (!size) {
      this.write(`${JSON.stringify(header)}\n`);
      fs.fdatasyncSync(this.fd);
    }
    this.headerSize = headerSize || this.size;
  }

  /** Opens the copy in `journalDir`, checking that it copies this queue (the same name and the same life of it). */
  static async open(journalDir: string, header: Header): Promise<ManifestCopy> {
    const file = path.join(journalDir, FILE);
    let kept = 0;
    let count = 0;
    let lastId = '0-0';
    let headerSize = 0;
    if (fs.existsSync(file)) {
      let first = true;
      for await (const { line, end } of lines(file)) {
        if (first) {
          first = false;
          headerSize = end;
          const had = JSON.parse(line) as Header;
          if (had.queue !== header.queue || had.id !== header.id) {
            throw new QueueError(
              `${path.dirname(journalDir)} holds the output of another queue ("${had.queue}", id ${had.id}; this one is "${header.queue}", id ${header.id}): collect into another --out folder`,
            );
          }
        } else {
          const entry = JSON.parse(line) as { s: string };
          lastId = entry.s;
          count++;
        }
        kept = end;
      }
      fs.truncateSync(file, kept); // a torn last line
    }
    const copy = new ManifestCopy(file, header, kept, headerSize);
    copy.count = count;
    copy.lastId = lastId;
    return copy;
  }

  /** Appends the entries newer than the last one copied, and makes them durable; returns how many. */
  append(entries: Array<ManifestEntry & { streamId: string }>): number {
    const fresh = entries.filter((e) => compareStreamIds(e.streamId, this.lastId) > 0);
    if (!fresh.length) return 0;
    this.write(fresh.map((e) => `${JSON.stringify({ s: e.streamId, h: e.hash, i: e.input })}\n`).join(''));
    fs.fdatasyncSync(this.fd);
    this.lastId = fresh[fresh.length - 1].streamId;
    this.count += fresh.length;
    return fresh.length;
  }

  /**
   * Entries from byte `from` of the file on (0: the first), about `bytes` of them
   * (at least one if there is one), and the byte after the last: read as the
   * file grows, a little at a time.
   */
  read(from: number, bytes = 1 << 20): { entries: ManifestEntry[]; next: number } {
    let at = Math.max(from, this.headerSize);
    let buf = Buffer.allocUnsafe(Math.min(bytes, this.size - at));
    let filled = fs.readSync(this.fd, buf, 0, buf.length, at);
    let last = filled > 0 ? buf.lastIndexOf(10, filled - 1) : -1;
    while (last === -1 && at + filled < this.size) {
      // One entry longer than `bytes`: read it whole.
      const longer = Buffer.allocUnsafe(Math.min(buf.length * 2, this.size - at));
      buf.copy(longer, 0, 0, filled);
      filled += fs.readSync(this.fd, longer, filled, longer.length - filled, at + filled);
      buf = longer;
      last = buf.lastIndexOf(10, filled - 1);
    }
    const entries: ManifestEntry[] = [];
    for (let start = 0; start < last; ) {
      const end = buf.indexOf(10, start);
      const entry = JSON.parse(buf.toString('utf8', start, end)) as { h: string; i: ManifestEntry['input'] };
      entries.push({ hash: entry.h, input: entry.i });
      start = end + 1;
    }
    return { entries, next: at + last + 1 };
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private write(text: string): void {
    const buf = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buf.length) written += fs.writeSync(this.fd, buf, written, buf.length - written, this.size + written);
    this.size += buf.length;
  }
}

/** The complete lines of a file, with the offset just past each (a last line without its newline is left out). */
async function* lines(file: string): AsyncGenerator<{ line: string; end: number }> {
  let end = 0;
  let pending = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    const text = pending + chunk;
    let from = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', from)) !== -1) {
      const line = text.slice(from, nl);
      end += Buffer.byteLength(line, 'utf8') + 1;
      from = nl + 1;
      yield { line, end };
    }
    pending = text.slice(from);
  }
}
