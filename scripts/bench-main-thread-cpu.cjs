// Preloaded by bench:queue (node --require) into each command it times: at exit,
// prints the CPU time of the process's main thread alone (Linux's per-thread
// counters, in clock ticks), so that what a process does beside its worker threads
// (extract's reorder buffer, journal and tables; a queue worker's BullMQ calls and
// serialising) can be told apart from the pipeline itself.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.on('exit', () => {
    try {
      const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
      // After the command name in parentheses: state is field 3, utime field 14, stime field 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      process.stderr.write(`news-extract-bench-main-thread ${fields[11]} ${fields[12]}\n`);
    } catch {
      /* not Linux: no figure */
    }
  });
}
