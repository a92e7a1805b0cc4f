// Workers run the pipeline from one JavaScript file that esbuild bundles from the
// TypeScript sources, rather than under tsx: a worker then starts in about half the
// time and holds ~40 MB less (no loader thread, no per-module transpiling).
//
// The bundle is cached under node_modules/.cache/news-extract/, named by the
// pipeline version (a hash of every source file under pipeline/ and src/ and of
// the lock file, see version.ts), so an edited source is never run from a stale
// bundle: it gets a new name and is built on first use (~0.3 s). If it cannot be
// built, workers fall back to tsx (slower, same output).

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { Plugin } from 'esbuild';
import { COMPILED, pipelineVersion, ROOT } from './version.ts';

const ENTRY = fileURLToPath(new URL('./worker-bundled.ts', import.meta.url));
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'news-extract');
/** Old bundles kept besides the current one (other checkouts of the same folder may still use them). */
const KEEP_OLD = 4;

/**
 * The URL of the bundled worker for the current sources, built if missing;
 * undefined (with the reason in `onFallback`) if esbuild is unavailable or fails.
 */
export async function workerBundle(onFallback?: (reason: string) => void): Promise<URL | undefined> {
  // Compiled (`npm run build`, the library in dist/): that entry is JavaScript already.
  if (COMPILED) return new URL('./worker-bundled.js', import.meta.url);
  const file = path.join(CACHE_DIR, `worker-${pipelineVersion().replace(/[^\w.-]/g, '_')}.mjs`);
  if (fs.existsSync(file)) return pathToFileURL(file);
  try {
    const { build } = await import('esbuild');
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Unique per build: runs (and test files) may build the same bundle at once.
    const temp = `${file}.tmp-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
    await build({
      entryPoints: [ENTRY],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      plugins: [ownImportMetaUrl],
    });
    fs.renameSync(temp, file); // atomic: a concurrent run sees the whole file or none
    pruneOldBundles(file);
    return pathToFileURL(file);
  } catch (err) {
    onFallback?.(err instanceof Error ? err.message.split('\n')[0] : String(err));
    return undefined;
  }
}

/**
 * Modules find their data next to themselves (`new URL('./weights.bin',
 * import.meta.url)`): in the bundle each keeps its own file's URL.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

function pruneOldBundles(current: string): void {
  try {
    const old = fs
      .readdirSync(CACHE_DIR)
      .filter((f) => /^worker-.*\.mjs$/.test(f) && path.join(CACHE_DIR, f) !== current)
      .map((f) => ({ f, t: fs.statSync(path.join(CACHE_DIR, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of old.slice(KEEP_OLD)) fs.rmSync(path.join(CACHE_DIR, f), { force: true });
  } catch {
    /* pruning is housekeeping only */
  }
}
