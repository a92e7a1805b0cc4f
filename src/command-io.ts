// Where a command writes: the terminal by default, a buffer in tests. Commands
// return their exit code instead of exiting, so they can run in-process.

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CommandIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
