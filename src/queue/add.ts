// `queue add`: reads the inputs exactly as `extract` does and enqueues each document
// once, known by its content hash (version.ts), in jobs of up to 8 documents (one
// document's job id is its hash; several documents' a hash of theirs). An input that cannot be
// used (empty, binary, a malformed line, a repeated doc_id) is not enqueued: it goes
// to the manifest as it is, and becomes the same failed row of documents.csv that
// `extract` writes.
//
// Every document added also gets an entry in the queue's manifest, a Redis stream
// in input order, from which the collector learns the order to write the rows in
// (workers finish in any order). And its hash goes into the queue's "seen" set, so
// adding the same article again, tomorrow or after it was collected, enqueues
// nothing. The set costs about 25-60 bytes of Redis memory per document (its
// hashes are split over 65,536 small Redis hashes by their first two bytes, which
// Redis stores packed); it is the only thing in Redis that grows with the run.
//
// Per batch read: the hashes not seen yet get their jobs, then one script marks them seen and appends their manifest entries,
// only for those it is first to mark. A kill between the two leaves jobs without
// entries: adding the same inputs again gives them their entries.

import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Customisation } from '../config.ts';
import type { DocInput } from '../model.ts';
import { readInputs } from '../readers/inputs.ts';
import { DocIds } from '../batch/output.ts';
import { FAILURES_KEPT, type Failure } from '../batch/totals.ts';
import { contentHash } from '../batch/version.ts';
import { connect, DocumentQueue, queueKeys, settleSettings, type ManifestEntry, type QueueTarget } from './connection.ts';

/** Documents and text per round trip to Redis. */
const BATCH_DOCUMENTS = 200;
const BATCH_CHARS = 4 << 20;
/**
 * Documents per job, and their text at most: each job costs BullMQ some steps in
 * Redis and in the worker whatever its size, so jobs of several documents cut the
 * queue's cost per document (see README, "Many machines"). A document that fails
 * among others is tried again alone (worker.ts).
 */
const DOCUMENTS_PER_JOB = 8;
const JOB_CHARS = 256 << 10;
/** The first retry of a document waits this long, the next twice as long, and so on. */
const FIRST_RETRY_DELAY_MS = 1000;
export const DEFAULT_ATTEMPTS = 3;

export interface AddOptions extends QueueTarget {
  files: string[];
  /** Times a document is tried before it fails (a crash, a timeout). */
  attempts?: number;
  customisation?: Customisation;
  /** Called for each input that cannot be used. */
  onFailure?: (failure: Failure) => void;
}

export interface AddTotals {
  /** Documents read from the inputs. */
  read: number;
  /** New to the queue: enqueued (or, for a failed input, put in the manifest as failed). */
  added: number;
  /** Added before (the same content hash): nothing enqueued. */
  known: number;
  failedCount: number;
  failures: Failure[];
}

/** Marks the batch's hashes seen and appends the manifest entries of those not seen before; returns how many. */
const MARK_ADDED = `
local added = 0
for i = 2, #ARGV, 4 do
  if redis.call('HSETNX', ARGV[1] .. ARGV[i], ARGV[i + 1], '') == 1 then
    redis.call('XADD', KEYS[1], '*', 'h', ARGV[i + 2], 'i', ARGV[i + 3])
    added = added + 1
  end
end
if added > 0 then redis.call('HINCRBY', KEYS[2], 'added', added) end
return added`;

/** Where a hash is kept in the seen set: the Redis hash named by its first 2 bytes, the field its next 14. */
function seenSlot(hash: string): [string, Buffer] {
  return [hash.slice(0, 4), Buffer.from(hash.slice(4, 32), 'hex')];
}

/** The key of an input that failed as it was read: it has no content to hash, so what failed, where and why. */
function failedInputKey(input: DocInput): string {
  return createHash('sha256').update(JSON.stringify(['failed input', input.docId, input.source, input.error])).digest('hex');
}

export async function addDocuments(options: AddOptions): Promise<AddTotals> {
  const redis = await connect(options);
  const queue = new DocumentQueue(options);
  const totals: AddTotals = { read: 0, added: 0, known: 0, failedCount: 0, failures: [] };
  try {
    const { version } = await settleSettings(redis, options.queue, options.customisation);
    const docIds = new DocIds();
    let batch: ManifestEntry[] = [];
    let chars = 0;
    for await (const input of readInputs(options.files)) {
      totals.read++;
      docIds.check(input);
      if (input.error) {
        totals.failedCount++;
        const failure = { docId: input.docId, source: input.source, error: input.error };
        if (totals.failures.length < FAILURES_KEPT) totals.failures.push(failure);
        options.onFailure?.(failure);
      }
      batch.push({ hash: input.error ? failedInputKey(input) : contentHash(input, version), input });
      chars += input.raw.length;
      if (batch.length >= BATCH_DOCUMENTS || chars >= BATCH_CHARS) {
        await addBatch(redis, queue, options, batch, totals);
        batch = [];
        chars = 0;
      }
    }
    await addBatch(redis, queue, options, batch, totals);
    return totals;
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function addBatch(redis: Redis, queue: DocumentQueue, options: AddOptions, batch: ManifestEntry[], totals: AddTotals): Promise<void> {
  if (!batch.length) return;
  const keys = queueKeys(options.queue);
  const seen = redis.pipeline();
  for (const { hash } of batch) {
    const [shard, field] = seenSlot(hash);
    seen.hexists(keys.seenPrefix + shard, field);
  }
  const known = (await seen.exec())!.map(([err, value]) => {
    if (err) throw err;
    return value === 1;
  });
  const fresh = batch.filter((_, i) => !known[i]);
  const jobs = groupIntoJobs(fresh.filter((e) => !e.input.error));
  if (jobs.length) await queue.addBulk(jobs.map((docs) => ({ name: 'documents', data: { docs }, opts: jobOptions(jobIdOf(docs), options.attempts ?? DEFAULT_ATTEMPTS) })));
  let added = 0;
  if (fresh.length) {
    const args: (string | Buffer)[] = [keys.seenPrefix];
    for (const { hash, input } of fresh) args.push(...seenSlot(hash), hash, JSON.stringify({ ...input, raw: '' }));
    added = Number(await redis.eval(MARK_ADDED, 2, keys.manifest, keys.meta, ...args));
  }
  totals.added += added;
  totals.known += batch.length - added;
}

function groupIntoJobs(entries: ManifestEntry[]): ManifestEntry[][] {
  const jobs: ManifestEntry[][] = [];
  let chars = Infinity;
  for (const entry of entries) {
    if (chars + entry.input.raw.length > JOB_CHARS || jobs[jobs.length - 1].length >= DOCUMENTS_PER_JOB) {
      jobs.push([]);
      chars = 0;
    }
    jobs[jobs.length - 1].push(entry);
    chars += entry.input.raw.length;
  }
  return jobs;
}

/** A job's id: its document's content hash, or for several documents a hash of theirs (BullMQ ignores a job id it holds). */
export function jobIdOf(docs: ManifestEntry[]): string {
  return docs.length === 1 ? docs[0].hash : createHash('sha256').update(docs.map((d) => d.hash).join(',')).digest('hex');
}

export function jobOptions(jobId: string, attempts: number) {
  return {
    jobId,
    attempts,
    backoff: { type: 'exponential', delay: FIRST_RETRY_DELAY_MS },
    // The collector removes each job once its results are in the output folder's journal.
    removeOnComplete: false,
    removeOnFail: false,
  };
}
