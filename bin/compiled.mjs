// Whether dist/ holds the JavaScript compiled from the sources as they are now.
// `npm run build` (which `npm ci` runs) records a fingerprint of everything it
// compiles from: each file's path, size and modification time (reading them all
// would cost more than the start-up dist/ saves); the command runs from dist/
// while the sources still give that fingerprint, and from the sources under tsx
// once one has been written to since, so an edited source is never run from
// stale JavaScript.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run build` keeps the fingerprint of what it compiled. */
export const FINGERPRINT_FILE = path.join('dist', 'sources.sha256');
const INPUTS = ['src', 'pipeline', 'tsconfig.json', 'tsconfig.build.json'];

/** sha256 of the path, size and modification time of every file dist/ is built from. */
export function sourcesFingerprint(root) {
  const hash = createHash('sha256');
  const add = (rel) => {
    const full = path.join(root, rel);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of fs.readdirSync(full).sort()) add(`${rel}/${name}`);
    else hash.update(`${rel} ${stat.size} ${stat.mtimeMs}\n`);
  };
  for (const input of INPUTS) add(input);
  return hash.digest('hex');
}

/** Whether dist/ was built from the sources as they are. */
export function distIsCurrent(root) {
  try {
    return fs.readFileSync(path.join(root, FINGERPRINT_FILE), 'utf8') === sourcesFingerprint(root);
  } catch {
    return false;
  }
}
