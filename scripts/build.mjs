// `npm run build` (and `prepare`, so that `npm install <git url or folder>` builds it):
// the library's JavaScript and type declarations in dist/, compiled by tsc from src/
// and pipeline/ (tsconfig.build.json), with the data files the code reads beside
// itself (the tagger's weights). Plain JavaScript, so that it needs no loader.
// Last, the fingerprint of the sources it was built from, by which the command
// (bin/news-extract.mjs) knows it may run from dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FINGERPRINT_FILE, sourcesFingerprint } from '../bin/compiled.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = path.join(root, 'dist');
// Taken before compiling: a source saved while tsc runs must not count as compiled.
const fingerprint = sourcesFingerprint(root);
fs.rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

/** Files tsc does not carry over: anything but sources, JSON (tsc copies what is imported) and notes. */
const isData = (name) => !/\.(ts|mts|mjs|json|md)$/.test(name);
let copied = 0;
for (const dir of ['src', 'pipeline']) {
  for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !isData(entry.name)) continue;
    const from = path.join(entry.parentPath ?? entry.path, entry.name);
    const to = path.join(dist, path.relative(root, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied++;
  }
}
fs.writeFileSync(path.join(root, FINGERPRINT_FILE), fingerprint);
console.log(`build: dist/ compiled, ${copied} data file${copied === 1 ? '' : 's'} copied`);
