// A pool of worker threads, each holding one set of stage functions and working on
// one document at a time. Workers start as work arrives (at most `size`). A worker
// that dies with a document (uncaught exception, out of memory, exit) fails only
// that document, with the reason, and is replaced; a worker that cannot even start
// (the processor module does not load) stops the run with that error.

import type { Customisation } from '../config.ts';
import { Worker } from 'node:worker_threads';
import type { DocInput } from '../model.ts';
import { failedFragment, type Fragment } from './fragment.ts';
import type { FromWorker, ToWorker, WorkerData } from './worker.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
export const DEFAULT_PROCESSOR_MODULE = new URL('./process.ts', import.meta.url).href;

/**
 * Old-generation heap limit of a worker. A worker holds about 50 MB of live data
 * (wink's model, compromise, lexicons); without a limit V8 lets each worker's heap
 * float up to ~250 MB between collections (a BBC run with 2 workers peaked at
 * ~600 MB RSS; with this limit ~420 MB). A 200 KB article needs less than 128 MB.
 */
export const DEFAULT_MAX_HEAP_MB = 192;
const YOUNG_GENERATION_MB = 16;

export interface PoolOptions {
  size: number;
  /** URL of the processor module (default: src/batch/process.ts, the pipeline). */
  module?: string;
  /** A bundled worker with the pipeline built in (bundle.ts); used when `module` is the default. */
  bundle?: URL;
  /** Old-generation heap limit of each worker (MB): a worker over it dies alone, with its document. */
  maxHeapMb?: number;
  /** A document that takes longer than this (ms) fails, and its worker is replaced; 0 or undefined: no limit. */
  timeoutMs?: number;
  /** The user's customisation, applied in every worker before its first document. */
  customisation?: Customisation;
}

interface Task {
  input: DocInput;
  resolve: (fragment: Fragment) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
  taskId: number;
  timer?: NodeJS.Timeout;
  /** When the worker last became free (ready, or done with a document). */
  idleSince: number;
  error?: Error;
  fatal?: string;
  timedOut?: boolean;
}

export class WorkerPool {
  private readonly queue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 0;
  private failure?: Error;
  private closing = false;
  /** Workers that died holding a document. */
  crashes = 0;
  /** Workers started, replacements included. */
  started = 0;
  /** Milliseconds workers spent ready but without a document (summed over workers): a measure of how well they are fed. */
  idleMs = 0;

  constructor(private readonly options: PoolOptions) {
    if (!(options.size >= 1)) throw new RangeError(`pool size must be at least 1, got ${options.size}`);
  }

  /** Processes one document. Resolves with a failed fragment if its worker dies; rejects only if the pool cannot work at all. */
  run(input: DocInput): Promise<Fragment> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Fragment>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (!this.closing) for (const slot of this.slots) if (slot.ready && !slot.task) this.idleMs += performance.now() - slot.idleSince;
    this.closing = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    const workers = [...this.slots].map((s) => s.worker);
    this.slots.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    if (this.failure || this.closing) return;
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.ready && !slot.task) this.assign(slot, this.queue.shift()!);
    }
    const starting = [...this.slots].filter((s) => !s.ready).length;
    let wanted = this.queue.length - starting;
    while (wanted-- > 0 && this.slots.size < this.options.size) this.spawn();
  }

  private assign(slot: Slot, task: Task): void {
    this.idleMs += performance.now() - slot.idleSince;
    slot.task = task;
    slot.taskId = this.nextId++;
    const timeout = this.options.timeoutMs;
    if (timeout && timeout > 0) {
      slot.timer = setTimeout(() => {
        slot.timedOut = true;
        void slot.worker.terminate();
      }, timeout);
    }
    slot.worker.postMessage({ id: slot.taskId, input: task.input } satisfies ToWorker);
  }

  private spawn(): void {
    const module = this.options.module ?? DEFAULT_PROCESSOR_MODULE;
    const entry = this.options.bundle && module === DEFAULT_PROCESSOR_MODULE ? this.options.bundle : ENTRY;
    const worker = new Worker(entry, {
      workerData: { module, customisation: this.options.customisation } satisfies WorkerData,
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    this.started++;
    const slot: Slot = { worker, ready: false, taskId: -1, idleSince: 0 };
    this.slots.add(slot);
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        slot.idleSince = performance.now();
        this.dispatch();
      } else if (msg.type === 'done') {
        const task = slot.task;
        if (!task || msg.id !== slot.taskId || slot.timedOut) return;
        clearTimeout(slot.timer);
        slot.task = undefined;
        slot.idleSince = performance.now();
        task.resolve(msg.fragment);
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
      if (slot.timedOut && slot.task) {
        const seconds = (this.options.timeoutMs ?? 0) / 1000;
        this.crashes++;
        slot.task.resolve({ ...failedFragment(slot.task.input, `timed out after ${seconds} s (--doc-timeout)`), crashed: true });
        this.dispatch();
        return;
      }
      const reason = slot.fatal ?? (slot.error ? describe(slot.error) : `exited with code ${code}`);
      if (!slot.ready) {
        this.fail(new Error(`a worker could not start: ${reason}`));
        return;
      }
      const task = slot.task;
      if (task) {
        this.crashes++;
        task.resolve({ ...failedFragment(task.input, `worker crashed: ${reason}`), crashed: true });
      }
      this.dispatch();
    });
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const task of this.queue.splice(0)) task.reject(err);
    for (const slot of this.slots) slot.task?.reject(err);
    void this.close();
  }
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err.message.split('\n')[0];
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
