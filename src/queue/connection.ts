// What every queue command shares: the Redis connection, the names of the keys this
// program keeps beside BullMQ's own, and the queue's settings (which pipeline
// version and customisation its documents are processed with).
//
// Keys, for a queue named Q (BullMQ's own are `bull:Q:*`):
//   news-extract:Q:meta       hash: version, customisation, id, attempts, added, collected
//   news-extract:Q:manifest   stream: one entry per document added, in input order, until a collector takes it
//   news-extract:Q:results    hash: job id -> its documents' journal lines, compressed (packResults), from its worker until the collector takes them
//   news-extract:Q:seen:XXXX  hashes: every content hash ever added, split by its first 2 bytes (see add.ts)
//   news-extract:Q:collector  the collector's lock

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type * as BullMQ from 'bullmq';
import type * as IORedis from 'ioredis';
import { UsageError } from '../command-io.ts';
import type { Customisation } from '../config.ts';
import type { DocInput } from '../model.ts';
import { customisationHash, pipelineVersion } from '../batch/version.ts';

// BullMQ and ioredis are CommonJS packages: required rather than imported, because an
// import makes Node read through every module of theirs for the names they export
// (loading both took 0.45-0.53 s of CPU imported, 0.26-0.28 s required; each queue process pays it).
const requireCommonJs = createRequire(import.meta.url);
export const { Queue, QueueEvents, Worker } = requireCommonJs('bullmq') as typeof BullMQ;
export type QueueEvents = BullMQ.QueueEvents;
const { Redis } = requireCommonJs('ioredis') as typeof IORedis;
type Redis = IORedis.Redis;

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'news-extract';

/** BullMQ's event stream (10,000 events by default): nothing here reads it, so it is kept short. */
const EVENTS_KEPT = 200;

/** A problem with Redis or the queue (unreachable, another pipeline version, another collector): the command stops and says why. */
export class QueueError extends Error {}

export interface QueueTarget {
  redisUrl: string;
  queue: string;
}

export function queueKeys(queue: string) {
  const base = `news-extract:${queue}:`;
  return { meta: `${base}meta`, manifest: `${base}manifest`, results: `${base}results`, seenPrefix: `${base}seen:`, collector: `${base}collector`, base };
}

/** A Redis connection as BullMQ wants it (commands wait through a reconnect rather than fail). */
export function redisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * Connects, or says plainly why not: a command run against a Redis that is not
 * there should stop at once, not retry for ever.
 */
export async function connect(target: QueueTarget): Promise<Redis> {
  validateQueueName(target.queue);
  const probe = new Redis(target.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new QueueError(`cannot reach Redis at ${target.redisUrl}: ${(err as Error).message}`);
  } finally {
    probe.disconnect();
  }
  const client = redisClient(target.redisUrl);
  client.on('error', () => {}); // reconnects by itself; commands wait
  return client;
}

export function validateQueueName(queue: string): void {
  if (!/^[\w.-]{1,100}$/.test(queue)) throw new UsageError(`a queue name is letters, digits, '_', '-' and '.', at most 100 of them; got "${queue}"`);
}

/** A document of the queue: its key (content hash, or for a failed input a hash of what failed) and its input. */
export interface ManifestEntry {
  hash: string;
  input: DocInput;
}

/** What a job carries: a few documents (see add.ts), or one, tried again alone after it failed among others. */
export interface DocumentJob {
  docs: ManifestEntry[];
  /** Attempts the documents had before this job (in the job of several they failed in). */
  triedBefore?: number;
}

/** The BullMQ queue of documents (a job's results are kept apart, see worker.ts). */
export class DocumentQueue extends Queue<DocumentJob, null> {
  private readonly ownConnection: Redis;

  constructor(target: QueueTarget) {
    const connection = redisClient(target.redisUrl);
    connection.on('error', () => {});
    super(target.queue, { connection, streams: { events: { maxLen: EVENTS_KEPT } } });
    this.ownConnection = connection;
  }

  /** Closes the queue and its connection (BullMQ leaves a connection it was given open). */
  override async close(): Promise<void> {
    await super.close();
    this.ownConnection.disconnect();
  }
}

const compress = promisify(brotliCompress);

/**
 * A job's results as they travel through Redis: its journal lines compressed
 * with Brotli at its fastest useful quality (1). The BBC corpus's 73 MB of lines
 * become 13 MB for about 0.2 s of CPU (off the worker's main thread) and 0.2 s
 * to decompress, less than what Redis, the sockets and the garbage collector
 * spent on the difference.
 */
export function packResults(lines: Uint8Array[]): Promise<Buffer> {
  const raw = lines.length === 1 ? lines[0] : Buffer.concat(lines);
  return compress(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
}

/** The journal lines of `packResults`, or undefined if these bytes are not such. */
export function unpackResults(packed: Buffer): Buffer | undefined {
  try {
    return brotliDecompressSync(packed);
  } catch {
    return undefined;
  }
}

/** The queue's settings, fixed by the first `queue add`. */
export interface QueueSettings {
  /** Pipeline version (plus the customisation's fingerprint): every process working on the queue must run the same. */
  version: string;
  customisation?: Customisation;
  /** Identifies this queue's life: a cleared and re-created queue gets a new one. */
  id: string;
}

/** The version string of this program with a customisation. */
export function versionWith(customisation: Customisation | undefined): string {
  return customisation ? `${pipelineVersion()}+${customisationHash(customisation)}` : pipelineVersion();
}

export async function readSettings(redis: Redis, queue: string): Promise<QueueSettings | undefined> {
  const meta = await redis.hgetall(queueKeys(queue).meta);
  if (!meta.version) return undefined;
  return {
    version: meta.version,
    customisation: meta.customisation ? (JSON.parse(meta.customisation) as Customisation) : undefined,
    id: meta.id,
  };
}

/** Sets the settings in one step unless they are there already: the first adder's win. */
const SET_SETTINGS_ONCE = `if redis.call('HEXISTS', KEYS[1], 'version') == 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end return 1`;

/**
 * The queue's settings: set by this call if the queue has none yet, otherwise
 * checked against what this process would use.
 */
export async function settleSettings(redis: Redis, queue: string, customisation: Customisation | undefined): Promise<QueueSettings> {
  const version = versionWith(customisation);
  const fields = ['version', version, 'customisation', customisation ? JSON.stringify(customisation) : '', 'id', randomBytes(8).toString('hex'), 'created', new Date().toISOString()];
  await redis.eval(SET_SETTINGS_ONCE, 1, queueKeys(queue).meta, ...fields);
  const settings = (await readSettings(redis, queue))!;
  checkVersion(settings, queue, version);
  return settings;
}

/** Refuses to work on a queue whose documents were added by another pipeline version or customisation: the output would not be what `extract` writes. */
export function checkVersion(settings: QueueSettings, queue: string, mine = versionWith(settings.customisation)): void {
  if (settings.version === mine) return;
  throw new QueueError(
    `queue "${queue}" holds documents for news-extract ${settings.version}, and this is ${mine} ` +
      `(another version of the code, or another --custom file): run the same version everywhere, or use another --queue name (or \`queue clear\` this one)`,
  );
}

/** Who holds a lock: enough to tell whether it is this machine's dead process. */
export function holder(extra: Record<string, string> = {}): string {
  return JSON.stringify({ host: os.hostname(), pid: process.pid, since: new Date().toISOString(), ...extra });
}

/** Removes the queue and everything kept for it (jobs, results not yet collected, the manifest, the seen set); returns the number of keys of ours removed. */
export async function clearQueue(target: QueueTarget): Promise<number> {
  const redis = await connect(target);
  const queue = new DocumentQueue(target);
  try {
    await queue.obliterate({ force: true });
    let removed = 0;
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${queueKeys(target.queue).base}*`, 'COUNT', 1000);
      cursor = next;
      if (found.length) removed += await redis.del(...found);
    } while (cursor !== '0');
    return removed;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
