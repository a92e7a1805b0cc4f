// Entry of a worker thread. Plain JavaScript, so that it starts under a bare
// `node` (bin/news-extract.mjs) as well as under `tsx`: it registers tsx's loader
// for this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
