// Runs the pipeline in-process over some inputs into a fresh temporary folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli.ts';

export interface RunResult {
  code: number;
  outDir: string;
  stdout: string;
  stderr: string;
  read: (file: string) => string;
}

export function tempDir(prefix = 'news-extract-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function runCli(args: string[]): Promise<Omit<RunResult, 'outDir' | 'read'>> {
  const out: string[] = [], err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  // The eval, diff and report commands write to the streams themselves.
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (out.push(String(chunk)), true));
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (err.push(String(chunk)), true));
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    writeErr.mockRestore();
  }
}

/**
 * A run of the extract command into a fresh folder. Unless `extra` sets a time limit,
 * a small run works in the main thread (`--doc-timeout 0`): these are tests of what
 * the pipeline finds, and a worker started for each of some forty small runs cost
 * about a minute of CPU. The default path (a worker, with the time limit) gives the
 * same bytes, and is what the batch, robustness and fuzz tests run.
 */
export async function runPipeline(inputs: string[], extra: string[] = []): Promise<RunResult> {
  const outDir = tempDir();
  const limit = extra.includes('--doc-timeout') ? [] : ['--doc-timeout', '0'];
  const r = await runCli(['extract', ...inputs, '--out', outDir, '--quiet', ...limit, ...extra]);
  return { ...r, outDir, read: (file) => fs.readFileSync(path.join(outDir, file), 'utf8') };
}

/** Parse a CSV written by the pipeline into objects (enough for tests; the eval module has the full reader). */
export { parseCsvText } from '../../src/eval/score.ts';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');
export const hasShared = fs.existsSync(SHARED);
