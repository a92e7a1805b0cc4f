// Entry of a worker thread under tsx (when the bundle of bundle.ts is not used:
// another processor module, or esbuild unavailable). Plain JavaScript, so that it
// starts under a bare `node` as well as under `tsx`: it registers tsx's loader for
// this thread, then serves documents with the processor module named in workerData.
import { register } from 'tsx/esm/api';

register();
const { serveDocuments, importProcessor } = await import('./worker.ts');
await serveDocuments(importProcessor);
