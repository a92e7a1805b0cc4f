// `queue collect`: writes the tables of everything the queue has finished into an
// output folder, the same files `extract` writes, byte for byte.
//
// It works in two steps, so that a collector killed at any moment loses and
// doubles nothing:
//
// 1. Gather. The manifest's new entries are appended to the folder's copy of it
//    (manifest-copy.ts) and then deleted from Redis. Finished jobs, in the order
//    they finished, have their results appended to the folder's journal (the one
//    `extract` keeps, keyed by the same content hash; the worker wrote them as its
//    lines, so they are copied as bytes once decompressed), the journal is fdatasynced once a pass,
//    and only then are the jobs removed from Redis. A kill between the two steps
//    of either leaves the item in Redis and on disk: an entry is recognised by its
//    stream id, and a result kept twice in the journal is one result (the same
//    hash, the same rows). So Redis holds a result only from when a worker
//    finishes it until the collector's next pass, and the journal is the durable
//    record of the run, as it is for `extract`.
// 2. Write. The tables are written as `extract` writes them (output.ts), going
//    through the manifest copy in input order and taking each document's rows
//    from the journal (this pass's, from the bytes taken), as soon as they and those of every document before them
//    are there (after each pass), as `extract` writes from its reorder buffer;
//    at the end, documents not finished yet are left out this time and written
//    by a later collect. The tables are put in place only then.
//
// Results are taken from BullMQ's completed and failed sets, not from its event
// stream (QueueEvents): the sets keep a result until it is removed, however long
// the collector was away, while the event stream is cut to a fixed length and
// would lose what finished while no collector was listening. The event stream
// only tells a following collector when to look (FinishedJobs).

import path from 'node:path';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DocInput } from '../model.ts';
import { isAlive, prepareOutputFolder } from '../writers.ts';
import { failedFragment, withSource, type Fragment } from '../batch/fragment.ts';
import { entryFragment, Journal, type EntryLocation } from '../batch/journal.ts';
import { BatchOutput } from '../batch/output.ts';
import { updateWorkbook } from '../batch/run.ts';
import { newTotals, type BatchTotals, type Failure } from '../batch/totals.ts';
import { checkVersion, connect, DocumentQueue, holder, QueueError, QueueEvents, queueKeys, readSettings, unpackResults, type DocumentJob, type ManifestEntry, type QueueTarget } from './connection.ts';
import { ManifestCopy } from './manifest-copy.ts';

/** Manifest entries and results taken per pass. */
const MANIFEST_BATCH = 1000;
const RESULTS_BATCH = 100;
/**
 * A following collector's passes start at least this far apart while results keep
 * coming, so that each takes many: a pass costs some 7 ms of CPU whatever it takes
 * (round trips, writes to each table, an fdatasync), and passes 0.2 s apart cost a
 * following collector 1 s more CPU over the BBC corpus than passes 1 s apart. The
 * end of a run is not kept waiting by it (see FinishedJobs). With no news, a pass
 * every QUIET_PASS_MS.
 */
const PASS_GAP_MS = 1000;
const QUIET_PASS_MS = 2000;
/** The collector's lock lasts this long unless renewed (it is renewed every third of it). */
const LOCK_MS = 15_000;

export interface CollectOptions extends QueueTarget {
  outDir: string;
  /** Keep collecting until nothing is waiting, active or delayed, and everything finished is collected. */
  follow?: boolean;
  onFailure?: (failure: Failure) => void;
  /** A line of news now and then (follow mode). */
  onProgress?: (line: string) => void;
  /** Ends gathering early (a signal): the tables are written from what was gathered. */
  stop?: AbortSignal;
  /** Also write news.xlsx, as `extract --xlsx` does. */
  xlsx?: boolean;
}

export interface CollectTotals extends BatchTotals {
  /** Results taken from Redis by this collect. */
  collected: number;
  /** Documents added but not finished (or not collected) yet: not in the tables. */
  pending: number;
  /** Follow mode: the queue is empty but these documents never came back (their jobs are gone from Redis). */
  lost: number;
}

export async function collectResults(options: CollectOptions): Promise<CollectTotals> {
  const redis = await connect(options);
  const queue = new DocumentQueue(options);
  let lock: CollectorLock | undefined;
  let journal: Journal | undefined;
  let copy: ManifestCopy | undefined;
  let output: BatchOutput | undefined;
  try {
    const settings = await readSettings(redis, options.queue);
    if (!settings) throw new QueueError(`queue "${options.queue}" on ${options.redisUrl} has had no documents added (add some with \`queue add\`)`);
    checkVersion(settings, options.queue);
    lock = await CollectorLock.take(redis, options.queue, path.resolve(options.outDir));
    prepareOutputFolder(options.outDir);
    journal = new Journal(options.outDir);
    copy = await ManifestCopy.open(journal.dir, { queue: options.queue, id: settings.id });
    output = new BatchOutput(options.outDir, newTotals(journal, false), { onFailure: options.onFailure });
    const tables = new TablesInOrder(copy, journal, output);
    const gathered = await gather(redis, queue, options, journal, copy, tables);
    const pending = tables.write(true);
    // Released without compacting (abandon, not close): a result can arrive before its
    // manifest entry (see add.ts), and must stay in the journal until its entry comes.
    journal.abandon();
    journal = undefined;
    output.finish();
    const totals = output.totals;
    output = undefined;
    await updateWorkbook(options.outDir, options.xlsx, totals);
    // Following, the queue emptied, and still some documents never came back: they are not coming.
    const lost = gathered.drained ? pending : 0;
    return { ...totals, pending, collected: gathered.collected, lost };
  } finally {
    journal?.abandon();
    output?.abandon();
    copy?.close();
    await lock?.release();
    await queue.close();
    redis.disconnect();
  }
}

interface Gathered {
  collected: number;
  /** Follow mode ended because the queue was empty. */
  drained: boolean;
}

async function gather(redis: Redis, queue: DocumentQueue, options: CollectOptions, journal: Journal, copy: ManifestCopy, tables: TablesInOrder): Promise<Gathered> {
  const finished = options.follow ? new FinishedJobs(redis, options.queue) : undefined;
  try {
    return await gatherPasses(redis, queue, options, journal, copy, tables, finished);
  } finally {
    await finished?.close();
  }
}

async function gatherPasses(redis: Redis, queue: DocumentQueue, options: CollectOptions, journal: Journal, copy: ManifestCopy, tables: TablesInOrder, finished: FinishedJobs | undefined): Promise<Gathered> {
  const keys = queueKeys(options.queue);
  let collected = 0;
  let lastNews = Date.now();
  while (!options.stop?.aborted) {
    const passStarted = Date.now();
    const copied = await copyManifest(redis, keys.manifest, copy);
    const { taken, full } = await takeFinished(redis, queue, journal, tables);
    collected += taken;
    tables.write();
    if (finished && Date.now() - lastNews >= 5000) {
      lastNews = Date.now();
      options.onProgress?.(`collected ${collected} results so far (${copy.count} documents in the manifest)`);
    }
    if (copied === MANIFEST_BATCH || full) continue; // more is waiting
    if (!finished) return { collected, drained: false };
    if (await isDrained(redis, queue, keys.manifest)) return { collected, drained: true };
    await finished.next(passStarted, options.stop);
  }
  return { collected, drained: false };
}

/**
 * Tells a following collector when to look again, from BullMQ's event stream: when
 * a job has finished (but no sooner than PASS_GAP_MS after the last pass began, so
 * results are taken many to a pass), and at once when the last job in hand has
 * (BullMQ's "drained": nothing waiting or active), so the run's end is written
 * without a wait. The events only wake the collector: what it takes comes from the
 * completed and failed sets, so an event missed (the stream is cut short, the
 * connection drops) costs at most QUIET_PASS_MS.
 */
class FinishedJobs {
  private readonly events: QueueEvents;
  /** A job finished since the last pass began. */
  private finishedSince = false;
  private drainedSince = false;
  private wake?: () => void;

  /** `redis` is the collector's own connection: BullMQ listens on a copy of it (a blocking read needs its own). */
  constructor(redis: Redis, queue: string) {
    this.events = new QueueEvents(queue, { connection: redis, blockingTimeout: QUIET_PASS_MS });
    this.events.on('error', () => {}); // reconnects by itself; the passes go on meanwhile
    const ring = (drained: boolean) => {
      this.finishedSince = true;
      this.drainedSince ||= drained;
      this.wake?.();
    };
    this.events.on('completed', () => ring(false));
    this.events.on('failed', () => ring(false));
    this.events.on('drained', () => ring(true));
  }

  /** Resolves when the next pass should begin (the last one began at `passStarted`). */
  async next(passStarted: number, stop: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const until = this.drainedSince ? 0 : passStarted + (this.finishedSince ? PASS_GAP_MS : QUIET_PASS_MS);
      if (stop?.aborted || Date.now() >= until) break;
      await this.sleep(until - Date.now(), stop);
    }
    this.finishedSince = this.drainedSince = false;
  }

  /** Waits `ms`, or until a job finishes or `stop` is signalled. */
  private sleep(ms: number, stop: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop?.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      stop?.addEventListener('abort', done);
      this.wake = done;
    });
  }

  async close(): Promise<void> {
    await this.events.close().catch(() => {});
  }
}

/** Moves the manifest's entries from Redis to the folder's copy. */
async function copyManifest(redis: Redis, key: string, copy: ManifestCopy): Promise<number> {
  const rows = await redis.xrange(key, '-', '+', 'COUNT', MANIFEST_BATCH);
  if (!rows.length) return 0;
  const entries = rows.map(([streamId, fields]) => {
    const field = (name: string) => fields[fields.indexOf(name) + 1];
    return { streamId, hash: field('h'), input: JSON.parse(field('i')) as DocInput };
  });
  copy.append(entries);
  await redis.xdel(key, ...rows.map(([id]) => id));
  return rows.length;
}

/** Moves finished jobs' results from Redis to the journal: how many documents, and whether a whole batch of jobs came (more may be waiting). */
async function takeFinished(redis: Redis, queue: DocumentQueue, journal: Journal, tables: TablesInOrder): Promise<{ taken: number; full: boolean }> {
  const keys = queueKeys(queue.name);
  const [completed, failed] = await Promise.all([queue.getRanges(['completed'], 0, RESULTS_BATCH - 1, true), queue.getJobs(['failed'], 0, RESULTS_BATCH - 1, true)]);
  const full = completed.length === RESULTS_BATCH || failed.length === RESULTS_BATCH;
  const ids: string[] = [];
  let taken = 0;
  if (completed.length) {
    const results = await redis.hmgetBuffer(keys.results, ...completed);
    for (const [i, id] of completed.entries()) {
      if (!isContentHash(id)) continue; // not a job of `queue add`: left alone
      const lines = results[i] && unpackResults(results[i]!);
      if (lines) taken += tables.arrived(journal.addLines(lines), lines);
      else {
        // Completed, but its results are gone (deleted by hand?) or damaged: failed rows rather than a wait for ever.
        const job = await queue.getJob(id);
        if (!job) continue;
        taken += tables.arrived(addFailures(journal, job, `its result was ${results[i] ? 'damaged' : 'missing'} in Redis`));
      }
      ids.push(id);
    }
  }
  for (const job of failed) {
    if (!isContentHash(job.id) || !Array.isArray(job.data?.docs)) continue;
    taken += tables.arrived(addFailures(journal, job, job.failedReason || 'failed'));
    ids.push(job.id!);
  }
  if (!ids.length) return { taken: 0, full };
  journal.flush();
  await Promise.all([...ids.map((id) => queue.remove(id)), redis.hdel(keys.results, ...ids), redis.hincrby(keys.meta, 'collected', taken)]);
  return { taken, full };
}

const isContentHash = (id: string | undefined) => /^[0-9a-f]{64}$/.test(id ?? '');

/** Every document of a job that failed for good (a stalled job fails whole; a document that failed among others was tried again alone). */
function addFailures(journal: Journal, job: Job<DocumentJob>, reason: string): EntryLocation[] {
  const attempts = job.attemptsMade + (job.data.triedBefore ?? 0);
  return job.data.docs.map(({ hash, input }) => journal.add(hash, failedDocumentFragment(input, reason, attempts)));
}

/** A document whose every attempt failed (its worker thread crashed, it timed out, its worker process died). */
export function failedDocumentFragment(input: DocInput, reason: string, attempts: number): Fragment {
  return { ...failedFragment(input, `${reason}${attempts > 1 ? ` (${attempts} attempts)` : ''}`), crashed: true };
}

async function isDrained(redis: Redis, queue: DocumentQueue, manifestKey: string): Promise<boolean> {
  const [counts, manifest] = await Promise.all([
    queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'),
    redis.xlen(manifestKey),
  ]);
  return manifest === 0 && Object.values(counts).every((n) => n === 0);
}

/**
 * Writes the tables as `extract` does, going through the manifest copy in input
 * order: each document as soon as its result is in the journal and every document
 * before it is written, so that most of the writing is done while workers are
 * still at work. A result taken out of order waits in the journal (where it is,
 * not its rows, is kept here) until the documents before it come.
 */
class TablesInOrder {
  /** Results this collect put in the journal and not yet written, by content hash. */
  private readonly waiting = new Map<string, EntryLocation>();
  /** The lines of this pass's results, by content hash: read from here rather than back from the journal (until the pass's write). */
  private readonly justArrived = new Map<string, Buffer>();
  /** Manifest entries read from the copy and not yet written; `next` is the first. */
  private entries: ManifestEntry[] = [];
  private next = 0;
  private readFrom = 0;
  /** The entry at `next` has had its doc_id checked (once, in input order). */
  private headChecked = false;

  constructor(
    private readonly copy: ManifestCopy,
    private readonly journal: Journal,
    private readonly output: BatchOutput,
  ) {}

  /** Results just put in the journal (`lines`: the bytes they were appended from, as `addLines` was given them); returns how many. */
  arrived(locations: EntryLocation[], lines?: Buffer): number {
    for (const location of locations) {
      this.waiting.set(location.hash, location);
      if (lines) {
        const start = location.at - locations[0].at;
        this.justArrived.set(location.hash, lines.subarray(start, start + location.length));
      }
    }
    return locations.length;
  }

  /**
   * Writes documents in order for as long as the next one's result is there; `toEnd`, past the
   * missing ones too, leaving them out. Returns how many were left out.
   */
  write(toEnd = false): number {
    let pending = 0;
    for (let entry = this.head(); entry; entry = this.head()) {
      const fragment = this.fragmentOf(entry);
      if (fragment) this.output.write(fragment, false);
      else if (toEnd) pending++;
      else break;
      this.advance();
    }
    this.justArrived.clear();
    return pending;
  }

  private head(): ManifestEntry | undefined {
    if (this.next === this.entries.length) {
      const { entries, next } = this.copy.read(this.readFrom);
      this.entries = entries;
      this.next = 0;
      this.readFrom = next;
      if (!entries.length) return undefined;
    }
    const entry = this.entries[this.next];
    if (!this.headChecked) {
      this.output.checkDocId(entry.input);
      this.headChecked = true;
    }
    return entry;
  }

  private advance(): void {
    this.waiting.delete(this.entries[this.next].hash);
    this.next++;
    this.headChecked = false;
  }

  /** The document's rows: failed as read, or its result from the journal (this collect's, or an earlier one's); undefined if not there yet. */
  private fragmentOf({ hash, input }: ManifestEntry): Fragment | undefined {
    if (input.error) return failedFragment(input);
    const line = this.justArrived.get(hash);
    const location = this.waiting.get(hash);
    const kept = line ? entryFragment(line, hash) : location ? this.journal.getAt(location) : this.journal.get(hash);
    return typeof kept === 'object' ? withSource(kept, input.source) : undefined;
  }
}

/**
 * One collector per queue: two would each take part of the results into their
 * own folders. A lock in Redis that lapses LOCK_MS after its holder stops
 * renewing it; one left by a dead process of this machine is taken over at once.
 */
class CollectorLock {
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly value: string,
  ) {
    this.timer = setInterval(() => void redis.eval(RENEW, 1, key, value, String(LOCK_MS)).catch(() => {}), LOCK_MS / 3);
    this.timer.unref();
  }

  static async take(redis: Redis, queue: string, outDir: string): Promise<CollectorLock> {
    const key = queueKeys(queue).collector;
    const value = holder({ out: outDir });
    if (await redis.set(key, value, 'PX', LOCK_MS, 'NX')) return new CollectorLock(redis, key, value);
    const current = await redis.get(key);
    let other: { host?: string; pid?: number; out?: string; since?: string } = {};
    try {
      other = JSON.parse(current ?? '{}');
    } catch {
      /* not ours: reported below */
    }
    const mine = JSON.parse(value) as { host: string };
    if (other.host === mine.host && typeof other.pid === 'number' && !isAlive(other.pid)) {
      await redis.set(key, value, 'PX', LOCK_MS);
      return new CollectorLock(redis, key, value);
    }
    throw new QueueError(
      `queue "${queue}" is being collected by process ${other.pid ?? '?'} on ${other.host ?? '?'} into ${other.out ?? '?'} (since ${other.since ?? '?'}): ` +
        `one collector per queue (a stopped collector's lock lapses within ${LOCK_MS / 1000} s)`,
    );
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.eval(RELEASE, 1, this.key, this.value).catch(() => {});
  }
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
