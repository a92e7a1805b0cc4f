// `queue status`: where the documents of a queue are, and how fast they go.

import { checkVersion, connect, DocumentQueue, queueKeys, readSettings, type QueueTarget } from './connection.ts';

/** The counts of jobs (waiting ... failed) are of jobs, each of up to 8 documents (one, for a document tried again alone); added and collected count documents. */
export interface QueueStatus {
  queue: string;
  /** Waiting for a worker (waiting and prioritized). */
  waiting: number;
  /** Being processed now. */
  active: number;
  /** Failed an attempt and waiting out the back-off before the next. */
  delayed: number;
  /** Finished, and not collected yet. */
  completed: number;
  /** Failed for good (after all attempts), and not collected yet. */
  failed: number;
  /** Documents ever added (a document added twice counts once). */
  added: number;
  /** Documents whose results the collector has taken into its output folder. */
  collected: number;
  /** Manifest entries not yet taken by a collector. */
  manifest: number;
  /** Worker processes connected now. */
  workers: number;
  /** Jobs finished per second over about the last minute or two (0 when none). */
  rate: number;
  /** The pipeline version the queue's documents are processed with (null: nothing added yet). */
  version: string | null;
  /** Whether this program runs that version (a worker of another version refuses to start). */
  sameVersion: boolean;
}

export async function queueStatus(target: QueueTarget): Promise<QueueStatus> {
  const redis = await connect(target);
  const queue = new DocumentQueue(target);
  try {
    const keys = queueKeys(target.queue);
    const [settings, counts, meta, manifest, workers, completedMetrics, failedMetrics] = await Promise.all([
      readSettings(redis, target.queue),
      queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'),
      redis.hmget(keys.meta, 'added', 'collected'),
      redis.xlen(keys.manifest),
      queue.getWorkersCount(),
      queue.getMetrics('completed', 0, 0),
      queue.getMetrics('failed', 0, 0),
    ]);
    let sameVersion = false;
    if (settings) {
      try {
        checkVersion(settings, target.queue);
        sameVersion = true;
      } catch {
        /* reported as sameVersion: false */
      }
    }
    return {
      queue: target.queue,
      waiting: counts.waiting + counts.prioritized,
      active: counts.active,
      delayed: counts.delayed,
      completed: counts.completed,
      failed: counts.failed,
      added: Number(meta[0] ?? 0),
      collected: Number(meta[1] ?? 0),
      manifest,
      workers,
      rate: recentRate(completedMetrics) + recentRate(failedMetrics),
      version: settings?.version ?? null,
      sameVersion,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

interface Metrics {
  meta: { count: number; prevTS: number; prevCount: number };
  data: number[];
}

/**
 * Finished documents per second from BullMQ's per-minute metrics: those of the
 * minute under way (counted since `prevTS`) and of the last whole minute before it.
 */
function recentRate(metrics: Metrics, now = Date.now()): number {
  const { count, prevTS, prevCount } = metrics.meta;
  if (!prevTS) return 0;
  const sinceMinute = Math.max(0, Number(count) - Number(prevCount));
  const lastMinute = Number(metrics.data[0] ?? 0);
  const seconds = Math.max(1, (now - Number(prevTS)) / 1000) + (metrics.data.length ? 60 : 0);
  return (sinceMinute + lastMinute) / seconds;
}

/** The status for people. */
export function describeStatus(s: QueueStatus, redisUrl: string): string {
  const n = (v: number) => v.toLocaleString('en-GB').padStart(10);
  const lines = [
    `queue "${s.queue}" on ${redisUrl}${s.version ? `, news-extract ${s.version}${s.sameVersion ? '' : ' (not this version: its workers must run that one)'}` : ', nothing added yet'}`,
    `jobs (of up to 8 documents):`,
    `waiting    ${n(s.waiting)}`,
    `active     ${n(s.active)}`,
    `delayed    ${n(s.delayed)}   failed an attempt, to be tried again`,
    `completed  ${n(s.completed)}   finished, not collected yet`,
    `failed     ${n(s.failed)}   failed for good, not collected yet`,
    `documents:`,
    `added      ${n(s.added)}   in all (${s.manifest.toLocaleString('en-GB')} not yet seen by a collector)`,
    `collected  ${n(s.collected)}   written to the collector's journal`,
    `workers    ${n(s.workers)}`,
    `rate       ${s.rate.toFixed(s.rate >= 10 ? 0 : 1).padStart(10)}   jobs/s, over the last minute or two`,
  ];
  return lines.join('\n');
}
