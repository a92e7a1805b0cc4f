// Workers run from an esbuild bundle of the sources, cached by pipeline version.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerBundle } from '../src/batch/bundle.ts';
import { pipelineVersion } from '../src/batch/version.ts';

describe('worker bundle', () => {
  it('is built once per pipeline version and then reused', async () => {
    const url = await workerBundle((reason) => {
      throw new Error(`bundle failed: ${reason}`);
    });
    expect(url).toBeDefined();
    const file = fileURLToPath(url!);
    expect(file).toContain(pipelineVersion().replace(/[^\w.-]/g, '_'));
    const built = fs.statSync(file).mtimeMs;
    const again = await workerBundle();
    expect(again?.href).toBe(url!.href);
    expect(fs.statSync(file).mtimeMs).toBe(built);
  });

  it('keeps each module finding its data next to its own source file', async () => {
    const code = fs.readFileSync(fileURLToPath((await workerBundle())!), 'utf8');
    const modelIndex = pathToFileURL(fileURLToPath(new URL('../pipeline/03-tag/ner-model/index.ts', import.meta.url))).href;
    expect(code).toContain(JSON.stringify(modelIndex));
    expect(code).not.toContain('import.meta.url');
  });
});
