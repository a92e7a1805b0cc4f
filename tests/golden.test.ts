// Golden files: the pipeline's real output over seeds/, checked in under
// tests/golden/ and compared as text. Rewrite them with `npm run golden:update`
// and review the diff like code.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type RunResult } from './helpers/run.ts';

const GOLDEN_DIR = path.resolve(import.meta.dirname, 'golden');
const FILES = ['documents.csv', 'organisations.csv', 'places.csv', 'people.csv', 'mentions.csv', 'quotes.csv', 'claims.csv', 'relations.csv', 'entities.csv', 'speakers.csv', 'extraction.jsonl'];
const updating = process.env.UPDATE_GOLDEN === '1';

describe('golden output over seeds/', () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runPipeline(['seeds']);
    if (updating) {
      fs.mkdirSync(GOLDEN_DIR, { recursive: true });
      for (const f of FILES) fs.writeFileSync(path.join(GOLDEN_DIR, f), run.read(f));
    }
  });

  it('processes every seed article', () => {
    expect(run.code).toBe(0);
  });

  for (const file of FILES) {
    it(`${file} matches tests/golden/${file}`, () => {
      const golden = path.join(GOLDEN_DIR, file);
      expect(fs.existsSync(golden), `${golden} is missing: run npm run golden:update`).toBe(true);
      // Line by line, so a failure shows which rows changed.
      expect(run.read(file).split('\n')).toEqual(fs.readFileSync(golden, 'utf8').split('\n'));
    });
  }
});
