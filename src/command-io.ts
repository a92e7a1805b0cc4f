// Where a command writes: the terminal by default, a buffer in tests. Commands
// return their exit code instead of exiting, so they can run in-process.

import fs from 'node:fs';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CommandIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The exit code of a command whose surroundings failed it (EXIT.failure in exit.ts). */
const ENVIRONMENT_FAILURE = 3;

/** A mistake in how a command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/** `dir`, when it is an existing folder; otherwise a usage error naming `option`. */
export function requireExistingDir(option: string, dir: string): string {
  if (!fs.existsSync(dir)) throw new UsageError(`${option}: no such folder: ${dir}`);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`${option}: not a folder: ${dir}`);
  return dir;
}

/** Like requireExistingDir, for a folder that may not have been given (missing or empty). */
export function requireDir(option: string, dir: string | undefined): string {
  if (!dir) throw new UsageError(`${option} <dir> is required`);
  return requireExistingDir(option, dir);
}

/**
 * Reports an error a command caught and returns its exit code: 2 for a usage error
 * (a UsageError, or parseArgs's unknown options and missing values), shown with the
 * usage; 3 for a file that could not be written (an error with a system error code);
 * `otherCode` for anything else.
 */
export function reportError(error: unknown, usage: string, io: CommandIO, otherCode: number): number {
  // parseArgs reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS code.
  const code = String((error as { code?: unknown })?.code);
  const isArgError = error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS');
  io.err(`error: ${(error as Error).message ?? String(error)}`);
  if (!isArgError) return /^E[A-Z]+$/.test(code) ? ENVIRONMENT_FAILURE : otherCode;
  io.err(usage);
  return 2;
}
