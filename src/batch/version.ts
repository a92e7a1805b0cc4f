// What a journal entry is valid for. A document is taken from the journal only if
// its content hash matches, and the hash covers the pipeline version: the package
// version, the locked dependencies and the source of everything that shapes the
// output (every file under pipeline/ and src/ but the evaluation and report tools:
// code, lexicons, model data), so any change to them or to a dependency
// reprocesses every document.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocInput } from '../model.ts';

/** Bump when the journal's fragment format changes. */
const JOURNAL_FORMAT = 2;

/** Whether this is the compiled JavaScript of dist/ (`npm run build`, the library) rather than the TypeScript sources. */
export const COMPILED = import.meta.url.endsWith('.js');
/** The package's folder (dist/ is one level further down). */
export const ROOT = path.resolve(fileURLToPath(new URL(COMPILED ? '../../..' : '../..', import.meta.url)));
const SOURCE_DIRS = ['pipeline', 'src'];
const NOT_OUTPUT_SHAPING = ['src/eval', 'src/report'];

let cached: string | undefined;

/** A short fingerprint of a customisation (its canonical JSON). */
export function customisationHash(customisation: object): string {
  return createHash('sha256').update(JSON.stringify(customisation)).digest('hex').slice(0, 12);
}

/** A short fingerprint of the code and data that produce the output. */
export function pipelineVersion(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  hash.update(`journal-format ${JOURNAL_FORMAT}\n`);
  let version = '0';
  try {
    version = String(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  } catch {
    /* leave it at 0: the sources below still count */
  }
  hash.update(`version ${version}\n`);
  for (const lock of ['package-lock.json', 'package.json']) {
    const file = path.join(ROOT, lock);
    if (fs.existsSync(file)) {
      hash.update(`${lock}\n`).update(fs.readFileSync(file));
      break;
    }
  }
  for (const file of sourceFiles()) hash.update(`\n${file}\n`).update(fs.readFileSync(path.join(ROOT, file)));
  cached = `${version}+${hash.digest('hex').slice(0, 16)}`;
  return cached;
}

function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    if (NOT_OUTPUT_SHAPING.includes(rel)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) found.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return found.sort();
}

/**
 * The content hash of a document: sha256 of the pipeline version, its doc_id, format,
 * given title, carried fields and text. Not its source (file path or line number):
 * a record that moves to another line is the same document.
 */
export function contentHash(input: DocInput, version = pipelineVersion()): string {
  return createHash('sha256')
    .update(version)
    .update('\0')
    .update(JSON.stringify([input.docId, input.format ?? 'text', input.givenTitle ?? null, input.meta ?? {}]))
    .update('\0')
    .update(input.raw)
    .digest('hex');
}
