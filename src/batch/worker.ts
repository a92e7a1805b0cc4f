// A worker thread's side of the pool: creates the processor once (the stages are
// created once per worker), then processes one document per message. Started
// either from the bundle (worker-bundled.ts, the pipeline built in) or under tsx
// (worker-entry.mjs, the processor module named in workerData).
// Protocol: main -> {id, input, hash?}; worker -> {type: 'ready'} once, then
// {type: 'done', id, fragment} per document (with a hash: {type: 'done', id, line},
// the document's journal line as UTF-8 bytes), or {type: 'fatal', message} if the
// processor could not be created.

import { parentPort, workerData } from 'node:worker_threads';
import type { DocInput } from '../model.ts';
import type { Customisation } from '../config.ts';
import type { DocProcessor } from './process.ts';
import type { NerTables } from '../../pipeline/03-tag/ner-model/index.ts';
import { journalLine } from './journal.ts';

export interface WorkerData {
  /** URL of a module exporting `createDocProcessor(customisation): DocProcessor`. */
  module: string;
  /** The user's lexicon changes and switched-off rules (plain data). */
  customisation?: Customisation;
  /** The tagger's tables, made once by the main thread and shared by its workers. */
  nerTables?: NerTables;
}

/** With `hash` (the document's content hash), the result comes back as its journal line, serialised here. */
export type ToWorker = { id: number; input: DocInput; hash?: string };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; fragment: ReturnType<DocProcessor> }
  | { type: 'done'; id: number; line: Uint8Array }
  | { type: 'fatal'; message: string };

/**
 * Serves documents on this worker thread: creates the processor once, then
 * processes one document per message.
 */
export async function serveDocuments(create: (data: WorkerData) => DocProcessor | Promise<DocProcessor>): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveDocuments runs in a worker thread');
  let processDoc: DocProcessor;
  try {
    processDoc = await create(workerData as WorkerData);
  } catch (err) {
    port.postMessage({ type: 'fatal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies FromWorker);
    process.exit(1);
  }
  warmUp(processDoc);
  const utf8 = new TextEncoder();
  port.on('message', (msg: ToWorker) => {
    const fragment = processDoc(msg.input);
    if (msg.hash === undefined) {
      port.postMessage({ type: 'done', id: msg.id, fragment } satisfies FromWorker);
      return;
    }
    // Serialised here rather than cloned to the main thread and serialised there: the
    // main thread only passes the bytes on (its own buffer, so it is moved, not copied).
    const line = utf8.encode(journalLine(msg.hash, JSON.stringify(fragment)));
    port.postMessage({ type: 'done', id: msg.id, line } satisfies FromWorker, [line.buffer]);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

/**
 * One short article before the first real one: what the stages load on first use
 * (wink's model, the tagger's weights) and V8's first compilations are then paid
 * before the worker says it is ready, so they do not count against the first
 * document's --doc-timeout. Documents do not depend on what was read before.
 */
function warmUp(processDoc: DocProcessor): void {
  try {
    processDoc({ docId: 'warm-up', source: 'warm-up', raw: 'Council approves plan\n\nThe council said on Monday that John Smith, its chief executive, would spend £2m in Leeds.\n' });
  } catch {
    /* the first real document will meet the same problem, and report it */
  }
}

/** The processor module named in workerData (any module exporting createDocProcessor). */
export async function importProcessor(data: WorkerData): Promise<DocProcessor> {
  const mod = (await import(data.module)) as { createDocProcessor: (customisation?: Customisation, nerTables?: NerTables) => DocProcessor };
  return mod.createDocProcessor(data.customisation, data.nerTables);
}
