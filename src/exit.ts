// Exit codes and the one-line error report: the one place that decides what a
// failure of a command looks like to the person or script that ran it.

import { UsageError } from './command-io.ts';

/** What a script can rely on. */
export const EXIT = {
  /** Every document was processed and every output file written. */
  ok: 0,
  /** The output was written, but some documents failed (each is a row of documents.csv with its reason). */
  documentsFailed: 1,
  /** The command was called wrongly (a bad option, a missing input, an input that names no documents). */
  usage: 2,
  /** The run could not complete: an output file or folder could not be written, or an internal error. */
  failure: 3,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM; run again (or with --resume) to continue. */
  interrupted: 130,
  terminated: 143,
} as const;

/** Exit code of a run stopped by `signal`, as a shell reports a process killed by it. */
export const signalExitCode = (signal: NodeJS.Signals): number => (signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);

/**
 * The run could not go on because of its surroundings: a file or folder that could
 * not be created, written or read. The message says what, where and why.
 */
export class EnvironmentError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The system's reason for a failed file operation, in words: "no space left on device (ENOSPC)". */
export function systemReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  // Node's messages read "ENOSPC: no space left on device, write".
  const words = /^[A-Z]+: ([^,]+)/.exec(String(e?.message ?? ''))?.[1];
  if (words && code) return `${words} (${code})`;
  return code ?? String(e?.message ?? err);
}

/** An EnvironmentError for a failed file operation: "cannot write /out/x.csv: no space left on device (ENOSPC)". */
export function environmentError(action: string, file: string, err: unknown): EnvironmentError {
  if (err instanceof EnvironmentError) return err;
  return new EnvironmentError(`cannot ${action} ${file}: ${systemReason(err)}`, file, (err as NodeJS.ErrnoException)?.code);
}

/** Runs `op`; a failure becomes an EnvironmentError saying what was done to which file. */
export function fileOperation<T>(action: string, file: string, op: () => T): T {
  try {
    return op();
  } catch (err) {
    throw environmentError(action, file, err);
  }
}

/** A run stopped by a signal, leaving its journal for the next run to go on from. */
export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}; run the same command again (or with --resume) to go on where it stopped`);
  }
}

/** The exit code for an error that stopped a command. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof Interrupted) return signalExitCode(err.signal);
  return EXIT.failure;
}

/**
 * One line for an error that stopped a command: its message; with `debug`, the stack
 * too. An error that is neither a usage nor an environment error is a fault of the
 * program, and is named as such.
 */
export function describeFailure(err: unknown, debug: boolean): string {
  const e = err instanceof Error ? err : new Error(String(err));
  if (debug && e.stack) return e.stack;
  if (e instanceof UsageError || e instanceof EnvironmentError || e instanceof Interrupted) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `${systemReason(e)}${(e as NodeJS.ErrnoException).path ? `: ${(e as NodeJS.ErrnoException).path}` : ''}`;
  return `internal error: ${e.message.split('\n')[0]} (run with --debug for the details)`;
}

/** The exit code of a run that wrote all its output: 1 when any document failed. */
export const exitCodeOfRun = (failedDocuments: number): number => (failedDocuments > 0 ? EXIT.documentsFailed : EXIT.ok);

/**
 * Ends the process with the code `run` gives, once what was printed is out: at once,
 * so nothing left waiting (a FIFO no one writes to) can keep a stopped run alive.
 * A reader of standard output that goes away early (`| head`) is not an error.
 */
export function exitWhenDone(run: Promise<number>): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  void run.then((code) => {
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}
