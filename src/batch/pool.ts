// A pool of worker threads, each holding one set of stage functions and working on
// one document at a time. Workers start as work arrives (at most `size`). Each
// worker is sent its next document before it finishes the current one, so that it
// never waits for the main thread between documents. A worker that dies with a
// document (uncaught exception, out of memory, exit) fails only that document,
// with the reason, and is replaced (the documents queued behind it go to another
// worker); a document whose worker ran out of memory is first tried once more,
// alone, in a worker with a larger heap. A worker that cannot even start (the
// processor module does not load) stops the run with that error.

import type { Customisation } from '../config.ts';
import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { DocInput } from '../model.ts';
import { failedFragment, type Fragment } from './fragment.ts';
import type { FromWorker, ToWorker, WorkerData } from './worker.ts';
import type { NerTables } from '../../pipeline/03-tag/ner-model/index.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const DEFAULT_PROCESSOR_MODULE = new URL('./process.ts', import.meta.url).href;

/**
 * Old-generation heap limit of a worker. A worker holds about 50 MB of live data
 * (wink's model, the tagger's weights, lexicons); without a limit V8 lets each
 * worker's heap float up to ~250 MB between collections (a BBC run with 2 workers
 * peaked at ~600 MB RSS; with this limit ~420 MB). A 200 KB article needs less
 * than 128 MB.
 */
export const DEFAULT_MAX_HEAP_MB = 192;
/**
 * Heap limit of the one extra worker that tries again, one at a time, a document
 * whose worker ran out of memory. Memory grows with a document's words, not its
 * bytes: a 5 MB line of short words (a million of them) needs about 1 GB, which
 * one oversized document may take without every worker being given it.
 */
export const LARGE_DOCUMENT_HEAP_MB = 2048;
/**
 * Young-generation size of a worker. A document's garbage is short-lived and
 * small, so 4 MB collects it as well as 16 MB did (the same time on BBC, three
 * alternated runs each) for ~30 MB less peak RSS per run.
 */
const YOUNG_GENERATION_MB = 4;

/**
 * How much bytecode a function runs before V8 optimises it: twice V8's default
 * (144 KB). Every worker compiles the same hot code again, on background threads
 * that compete with the workers for the cores; this halves that work on BBC
 * (5.9 -> 2.7 s of optimising compilation per thread, `--trace-opt`) at the same
 * speed once warm: a run with 2 workers took ~7% less time and ~9% less CPU (three
 * alternated runs). A V8 flag is the whole process's, so it is set once, before the
 * first worker starts.
 */
const INTERRUPT_BUDGET = 300_000;
let jitTuned = false;
function tuneJit(): void {
  if (jitTuned) return;
  jitTuned = true;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  keepHeapsSmall();
}

/**
 * How far (in percent) V8 lets a heap's old generation grow past what its last full
 * collection left alive, before it collects again. V8 chooses the factor by the heap's
 * limit: up to 4x for the main thread's (its default limit is GBs), 1.3x for a worker's
 * (DEFAULT_MAX_HEAP_MB). So the main thread's old generation, live 15-30 MB over a run
 * (the run's aggregates, documents waiting to be written), floated up to 50-90 MB, and
 * further over longer runs as the live part grows. A factor of 1.2 for every heap of
 * the process holds the main thread's heap at 25-40 MB and the workers' a little
 * below where they were: peak RSS of a BBC run with 2 workers 318 MB (3 runs) against
 * 340 MB (4 runs), taken in turn at a load of 13-24, with no difference in CPU time
 * beyond the runs' spread. V8 reads it at each full collection, so it can be set from
 * inside the process.
 */
const OLD_GENERATION_GROWTH_PERCENT = 20;

/**
 * The main thread's young generation is kept at the size it has (a few MB) instead of
 * doubling up to V8's largest (34 MB): V8 grows it as the bytes that survive its
 * collections add up, and over a long run the documents waiting to be written and the
 * run's aggregates always add up to that, while its garbage (each document's result
 * passing through) is collected as well in a few MB. On BBC with 2 workers it stays at
 * 8 MB instead of 34 MB; part of the difference goes to its old
 * generation instead. Only a flag of the process sets the largest size, so growth is
 * stopped (a factor of 1). V8 puts the factor back to 2 whenever it makes a worker's
 * heap, so it is set again once each worker is ready. Workers' young generations stop
 * growing too: at 2 MB rather than their limit of YOUNG_GENERATION_MB (no CPU cost
 * measurable at a load of 13-16). The old generation's growth is set beside it
 * (OLD_GENERATION_GROWTH_PERCENT), again as each worker becomes ready.
 */
function keepHeapsSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}

/** Worker threads when none are asked for: one per core. */
export function defaultWorkers(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** The heap limits of a worker thread (the benchmark's wink control threads get the same). */
export function workerResourceLimits(maxHeapMb = DEFAULT_MAX_HEAP_MB): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
}

/**
 * Documents sent to a worker at once: the one it works on and the next. With one,
 * a worker idled ~20% of the time waiting for the main thread (measured on BBC).
 */
const IN_FLIGHT_PER_WORKER = 2;

export interface PoolOptions {
  size: number;
  /** URL of the processor module (default: src/batch/process.ts, the pipeline). */
  module?: string;
  /** A bundled worker with the pipeline built in (bundle.ts); used when `module` is the default. */
  bundle?: URL;
  /** Old-generation heap limit of each worker (MB): a worker over it dies alone, with its document. */
  maxHeapMb?: number;
  /**
   * Heap limit (MB) of the worker that tries again a document that ran out of memory (default
   * LARGE_DOCUMENT_HEAP_MB); no second try unless it is larger than maxHeapMb. The second try has
   * the time limit afresh.
   */
  largeHeapMb?: number;
  /** A document that takes longer than this (ms) fails, and its worker is replaced; 0 or undefined: no limit. */
  timeoutMs?: number;
  /** The user's customisation, applied in every worker before its first document. */
  customisation?: Customisation;
  /** The tagger's tables in shared memory (nerTablesFor), given to every worker: one copy for all. */
  nerTables?: NerTables;
}

interface Task {
  input: DocInput;
  /** Set for `runToLine`: the content hash its journal line is keyed by. */
  hash?: string;
  resolve: (result: Fragment | Uint8Array) => void;
  reject: (err: Error) => void;
  /** Message id, set when sent to a worker. */
  id?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Documents sent to the worker, in order: the first is the one it works on. */
  tasks: Task[];
  /** --doc-timeout of the first task. */
  timer?: NodeJS.Timeout;
  /** When the worker last became free (ready, or done with its last document). */
  idleSince: number;
  error?: Error;
  fatal?: string;
  timedOut?: boolean;
  /** The worker with the larger heap: it takes only documents that ran out of memory, one at a time. */
  large?: boolean;
}

export class WorkerPool {
  private readonly queue: Task[] = [];
  /** Documents that ran out of memory, waiting for the worker with the larger heap. */
  private readonly largeQueue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 0;
  private failure?: Error;
  private closing = false;
  /** Workers that died holding a document. */
  crashes = 0;
  /** Workers started, replacements and the larger-heap worker included. */
  started = 0;
  /** Milliseconds workers spent ready but without a document (summed over workers): a measure of how well they are fed. */
  idleMs = 0;

  constructor(private readonly options: PoolOptions) {
    if (!(options.size >= 1)) throw new RangeError(`pool size must be at least 1, got ${options.size}`);
    tuneJit();
  }

  /** Processes one document. Resolves with a failed fragment if its worker dies; rejects only if the pool cannot work at all. */
  run(input: DocInput): Promise<Fragment> {
    return this.enqueue(input) as Promise<Fragment>;
  }

  /**
   * Processes one document into its journal line (`journalLine(hash, ...)`, UTF-8),
   * serialised by the worker thread that made it; a failed fragment (`crashed`) if
   * its worker dies. For a process that only passes results on (a queue worker).
   */
  runToLine(input: DocInput, hash: string): Promise<Uint8Array | Fragment> {
    return this.enqueue(input, hash);
  }

  private enqueue(input: DocInput, hash?: string): Promise<Fragment | Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ input, hash, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers alive now (the larger-heap worker included). */
  get alive(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    if (!this.closing) for (const slot of this.slots) if (slot.ready && !slot.tasks.length) this.idleMs += performance.now() - slot.idleSince;
    this.closing = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    const workers = [...this.slots].map((s) => s.worker);
    this.slots.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    if (this.failure || this.closing) return;
    this.dispatchLarge();
    const workers = [...this.slots].filter((s) => !s.large);
    for (let round = 0; round < IN_FLIGHT_PER_WORKER; round++) {
      for (const slot of workers) {
        if (!this.queue.length) return;
        if (slot.ready && slot.tasks.length === round) this.assign(slot, this.queue.shift()!);
      }
    }
    const starting = workers.filter((s) => !s.ready).length;
    let wanted = this.queue.length - starting;
    for (let count = workers.length; wanted-- > 0 && count < this.options.size; count++) this.spawn();
  }

  /** The worker with the larger heap starts when a document needs it and ends when none waits, so its memory is held no longer. */
  private dispatchLarge(): void {
    const large = [...this.slots].find((s) => s.large);
    if (!large) {
      if (this.largeQueue.length) this.spawn(true);
    } else if (large.ready && !large.tasks.length) {
      if (this.largeQueue.length) this.assign(large, this.largeQueue.shift()!);
      else {
        this.slots.delete(large);
        void large.worker.terminate();
      }
    }
  }

  private assign(slot: Slot, task: Task): void {
    if (!slot.tasks.length) {
      this.idleMs += performance.now() - slot.idleSince;
      this.startTimer(slot);
    }
    task.id = this.nextId++;
    slot.tasks.push(task);
    slot.worker.postMessage({ id: task.id, input: task.input, hash: task.hash } satisfies ToWorker);
  }

  /** The worker has begun its first task: it has --doc-timeout to finish it. */
  private startTimer(slot: Slot): void {
    const timeout = this.options.timeoutMs;
    if (!(timeout && timeout > 0)) return;
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, timeout);
  }

  private largeHeapMb(): number {
    return this.options.largeHeapMb ?? LARGE_DOCUMENT_HEAP_MB;
  }

  private spawn(large = false): void {
    const module = this.options.module ?? DEFAULT_PROCESSOR_MODULE;
    const entry = this.options.bundle && module === DEFAULT_PROCESSOR_MODULE ? this.options.bundle : ENTRY;
    const worker = new Worker(entry, {
      workerData: { module, customisation: this.options.customisation, nerTables: this.options.nerTables } satisfies WorkerData,
      resourceLimits: workerResourceLimits(large ? this.largeHeapMb() : this.options.maxHeapMb),
    });
    this.started++;
    const slot: Slot = { worker, ready: false, tasks: [], idleSince: 0, large };
    this.slots.add(slot);
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        keepHeapsSmall();
        slot.ready = true;
        slot.idleSince = performance.now();
        this.dispatch();
      } else if (msg.type === 'done') {
        const task = slot.tasks[0];
        if (!task || msg.id !== task.id || slot.timedOut) return;
        clearTimeout(slot.timer);
        slot.tasks.shift();
        if (slot.tasks.length) this.startTimer(slot);
        else slot.idleSince = performance.now();
        task.resolve('line' in msg ? msg.line : msg.fragment);
        this.dispatch();
      } else if (msg.type === 'fatal') {
        slot.fatal = msg.message;
      }
    });
    worker.on('error', (err) => {
      slot.error = err;
    });
    worker.on('exit', (code) => {
      clearTimeout(slot.timer);
      if (!this.slots.delete(slot) || this.closing) return;
      const cause = slot.fatal ?? (slot.error ? describe(slot.error) : `exited with code ${code}`);
      if (!slot.ready) {
        this.fail(new Error(`a worker could not start: ${cause}`));
        return;
      }
      const reason = slot.timedOut
        ? `timed out after ${(this.options.timeoutMs ?? 0) / 1000} s (--doc-timeout)${slot.large ? ` (tried again with a ${this.largeHeapMb()} MB heap after running out of memory)` : ''}`
        : `worker crashed: ${cause}${slot.large ? ` (also with a ${this.largeHeapMb()} MB heap)` : ''}`;
      // The first document is the one the worker died with; those behind it were not begun.
      const [current, ...waiting] = slot.tasks;
      this.queue.unshift(...waiting);
      if (current) {
        this.crashes++;
        const tryAgain = !slot.large && !slot.timedOut && outOfMemory(slot.error) && this.largeHeapMb() > (this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB);
        if (tryAgain) this.largeQueue.push(current);
        else current.resolve({ ...failedFragment(current.input, reason), crashed: true });
      }
      this.dispatch();
    });
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const task of [...this.queue.splice(0), ...this.largeQueue.splice(0)]) task.reject(err);
    for (const slot of this.slots) for (const task of slot.tasks) task.reject(err);
    void this.close();
  }
}

function outOfMemory(err: Error | undefined): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err.message.split('\n')[0];
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
