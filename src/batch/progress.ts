// The progress bar on a terminal (cli-progress): documents done out of the total
// (counted up front when the inputs are files; JSON Lines files are counted by
// their non-blank lines, standard input is open-ended), documents per second,
// failures and time left. Lines logged while the bar is up print above it.

import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { isJsonLinesFile, isRegularFile } from '../readers/inputs.ts';

export interface Progress {
  /** The total number of documents, once known. */
  setTotal(total: number): void;
  /** One more document written. */
  tick(failed: boolean, skipped: boolean): void;
  /** A line to print without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

export const noProgress: Progress = {
  setTotal() {},
  tick() {},
  log(line) {
    console.error(line);
  },
  stop() {},
};

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let failed = 0;
  let skipped = 0;
  let known = false;
  // Documents per second over the last RATE_WINDOW_MS (worker start-up and skipped
  // documents would distort an average since the start).
  const samples: Array<[number, number]> = [[Date.now(), 0]];
  let done = 0;
  const rate = (): number => {
    const now = Date.now();
    const [t0, v0] = samples[0];
    return now > t0 ? ((done - v0) * 1000) / (now - t0) : 0;
  };
  const { Formatter, TimeFormat } = cliProgress.Format;
  const multibar = new cliProgress.MultiBar({
    stream,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
    barsize: 30,
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    format: (options, params, payload) => {
      const r = rate();
      const left = params.total - params.value;
      const eta = r > 0 ? TimeFormat(Math.round(left / r), options, left / r > 60 ? 5 : 1) : '?';
      const extra = { ...payload, rate: r >= 10 ? r.toFixed(0) : r.toFixed(1), failed, eta, skipped: skipped ? `, ${skipped} unchanged` : '' };
      const format = known
        ? '{bar} {value}/{total} documents{skipped} | {rate} docs/s | {failed} failed | {eta} left'
        : '{value} documents{skipped} | {rate} docs/s | {failed} failed | {duration_formatted}';
      return Formatter({ ...options, format }, params, extra);
    },
  });
  const bar = multibar.create(0, 0, {});
  return {
    setTotal(total) {
      known = true;
      bar.setTotal(total);
    },
    tick(isFailed, isSkipped) {
      if (isFailed) failed++;
      if (isSkipped) skipped++;
      done++;
      const now = Date.now();
      if (now - samples[samples.length - 1][0] >= 250) samples.push([now, done]);
      while (samples.length > 2 && now - samples[1][0] >= RATE_WINDOW_MS) samples.shift();
      bar.increment();
    },
    log(line) {
      multibar.log(`${line}\n`);
    },
    stop() {
      multibar.update(); // prints what is still in the log buffer
      multibar.stop();
    },
  };
}

const RATE_WINDOW_MS = 15_000;

/**
 * How many documents the inputs hold: one per article file, one per non-blank line
 * of a JSON Lines file; undefined when standard input or a FIFO (which counting
 * would consume) is among them. Stops counting once past `atMost`.
 */
export async function countDocuments(files: string[], atMost = Infinity): Promise<number | undefined> {
  let count = 0;
  for (const file of files) {
    if (file === '-' || (isJsonLinesFile(file) && !isRegularFile(file))) return undefined;
    if (!isJsonLinesFile(file)) count++;
    else count += await countLines(file, atMost - count);
    if (count > atMost) break;
  }
  return count;
}

async function countLines(file: string, atMost: number): Promise<number> {
  let count = 0;
  let blank = true;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let i = 0;
      while (i < chunk.length) {
        // Within a line that already has content, jump straight to its end.
        if (!blank) {
          const nl = chunk.indexOf(10, i);
          if (nl === -1) break;
          count++;
          blank = true;
          i = nl + 1;
          continue;
        }
        const c = chunk[i++];
        if (c !== 10 && c !== 32 && c !== 9 && c !== 13) blank = false;
      }
      if (count > atMost) return count;
    }
  } catch {
    return 1; // unreadable: the reader makes one failed document of it
  }
  return blank ? count : count + 1;
}
