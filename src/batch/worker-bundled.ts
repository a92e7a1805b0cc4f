// Entry of the bundled worker (bundle.ts): the pipeline's processor, built in.
import { createDocProcessor } from './process.ts';
import { serveDocuments } from './worker.ts';

serveDocuments((data) => createDocProcessor(data.customisation, data.nerTables));
