// Every line of extraction.jsonl follows schema/extraction.schema.json, checked with
// Ajv: the seed run kept in tests/golden, a run with failed documents and input
// fields, and a few hundred BBC articles (from ../shared, when present).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../pipeline/05-export/extraction.ts';
import { TABLES } from '../pipeline/05-export/index.ts';
import { parseCsvText, runPipeline, SHARED, tempDir } from './helpers/run.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schema/extraction.schema.json'), 'utf8'));
const BBC = path.join(SHARED, 'corpora/bbc/articles.jsonl');
const haveCorpus = fs.existsSync(BBC);
/** Every this many BBC articles one is taken: 223 across the five sections. */
const BBC_EVERY = 10;

let validate: ValidateFunction;
beforeAll(() => {
  // strict: a mistake in the schema itself (an unknown keyword) fails here too.
  validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
});

/** Each line that does not follow the schema, with Ajv's reasons. */
function invalidLines(jsonl: string): string[] {
  const bad: string[] = [];
  jsonl.trimEnd().split('\n').forEach((line, i) => {
    const doc = JSON.parse(line);
    if (!validate(doc)) bad.push(`line ${i + 1} (${doc.doc_id}): ${validate.errors!.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  });
  return bad;
}

const lines = (jsonl: string) => jsonl.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('the JSON Schema of extraction.jsonl', () => {
  it('is what the seed run (tests/golden/extraction.jsonl) follows', () => {
    const golden = fs.readFileSync(path.join(REPO, 'tests/golden/extraction.jsonl'), 'utf8');
    expect(lines(golden).length).toBe(5);
    expect(invalidLines(golden)).toEqual([]);
  });

  it('rejects a line with a field missing, an empty string, a camelCase name or an unknown field', () => {
    const doc = lines(fs.readFileSync(path.join(REPO, 'tests/golden/extraction.jsonl'), 'utf8'))[0];
    expect(validate(doc)).toBe(true);
    const without = structuredClone(doc);
    delete without.quotes[0].speaker_entity_id;
    expect(validate(without)).toBe(false);
    const empty = structuredClone(doc);
    empty.claims[0].hedge = '';
    expect(validate(empty)).toBe(false);
    const camel = structuredClone(doc);
    camel.mentions[0].entityId = camel.mentions[0].entity_id;
    expect(validate(camel)).toBe(false);
    expect(validate({ ...doc, meta: {} })).toBe(false);
    expect(validate({ ...doc, schema_version: SCHEMA_VERSION + 1 })).toBe(false);
  });

  it('holds for failed documents and carries input fields under input_fields and in documents.csv', async () => {
    const dir = tempDir('news-extract-schema-');
    const good = fs.readFileSync(path.join(REPO, 'seeds', fs.readdirSync(path.join(REPO, 'seeds')).sort()[0]), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'records.jsonl'),
      [
        JSON.stringify({ id: 'with-fields', text: good, url: 'https://example.org/a', date: '2024-05-01', source: 'Example News', author: 'A Writer', category: 'politics' }),
        JSON.stringify({ id: 'no-text', title: 'Nothing here' }),
        '{ not json',
      ].join('\n') + '\n',
    );
    const run = await runPipeline([dir]);
    expect(run.code).toBe(1); // two inputs failed
    const jsonl = run.read('extraction.jsonl');
    expect(invalidLines(jsonl)).toEqual([]);
    const [withFields, noText, notJson] = lines(jsonl);
    expect(withFields.input_fields).toEqual({ url: 'https://example.org/a', date: '2024-05-01', publisher: 'Example News', author: 'A Writer', category: 'politics' });
    expect(withFields.schema_version).toBe(SCHEMA_VERSION);
    expect(noText).toMatchObject({ status: 'failed', text: null, entities: [], input_fields: { url: null, publisher: null } });
    expect(noText.error).toMatch(/no "text" or "html"/);
    expect(notJson.messages[0]).toMatchObject({ severity: 'fatal', stage: 'read' });

    const documents = parseCsvText(run.read('documents.csv'));
    expect(documents.columns).toEqual([...TABLES.documents]);
    expect(documents.rows[0]).toMatchObject({ url: 'https://example.org/a', publisher: 'Example News', author: 'A Writer', category: 'politics' });
  });

  it('names the fields of each JSON object as the columns of its CSV table, with the same values', () => {
    const golden = lines(fs.readFileSync(path.join(REPO, 'tests/golden/extraction.jsonl'), 'utf8'));
    for (const table of ['quotes', 'claims', 'mentions'] as const) {
      const rows = parseCsvText(fs.readFileSync(path.join(REPO, 'tests/golden', `${table}.csv`), 'utf8')).rows;
      const objects = golden.flatMap((doc) => doc[table].map((o: Record<string, unknown>) => ({ doc_id: doc.doc_id, ...o })));
      expect(objects.length, table).toBe(rows.length);
      rows.forEach((row, i) => {
        for (const column of TABLES[table]) {
          const value = objects[i][column];
          expect(value === null ? '' : String(value), `${table} row ${i + 1} ${column}`).toBe(row[column]);
        }
      });
    }
  });
});

describe.skipIf(!haveCorpus)(`the JSON Schema over BBC articles${haveCorpus ? '' : ' (skipped: ../shared/corpora/bbc/articles.jsonl is absent)'}`, () => {
  it(`holds for every line of a run over every ${BBC_EVERY}th BBC article`, async () => {
    const sample = fs.readFileSync(BBC, 'utf8').split('\n').filter((line, i) => line && i % BBC_EVERY === 0);
    const input = path.join(tempDir('news-extract-schema-bbc-'), 'bbc-sample.jsonl');
    fs.writeFileSync(input, sample.join('\n') + '\n');
    const run = await runPipeline([input]);
    expect(run.code, run.stderr).toBe(0);
    const jsonl = run.read('extraction.jsonl');
    expect(lines(jsonl).length).toBe(sample.length);
    expect(invalidLines(jsonl)).toEqual([]);
  }, 120_000);
});
