// The library (src/index.ts): extract and createPipeline give what the command writes
// to extraction.jsonl, in input order, from any iterable, with the command's options;
// and the package, built as `prepare` builds it and packed, works in an empty project:
// the README's examples run with plain node, and the TypeScript one compiles under
// strict tsc.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, CustomisationError, extract, tableRows, type ArticleInput, type Extraction } from '../src/index.ts';
import { parseCsvText, tempDir } from './helpers/run.ts';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..');
const GOLDEN = path.join(REPO, 'tests/golden');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The seed articles as records: their file name as id, as the command reads them. */
const SEEDS = fs.readdirSync(path.join(REPO, 'seeds')).sort().map((f) => ({ id: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(REPO, 'seeds', f), 'utf8') }));
const golden = () => fs.readFileSync(path.join(GOLDEN, 'extraction.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Extraction);

async function collect(results: AsyncIterable<Extraction>): Promise<Extraction[]> {
  const all: Extraction[] = [];
  for await (const doc of results) all.push(doc);
  return all;
}

/** What a document is, whatever it was read from. */
const content = ({ source: _source, ...rest }: Extraction) => rest;

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield item;
  }
}

describe('the library', () => {
  it('gives what the command writes to extraction.jsonl, in the calling thread and with workers, from an array or a stream', async () => {
    const expected = golden().map(content);
    const inThread = await collect(extract(SEEDS, { jobs: 0 }));
    expect(inThread.map(content)).toEqual(expected);
    expect(inThread.map((doc) => doc.source)).toEqual(SEEDS.map((_, i) => `input:${i + 1}`));
    const workers = await collect(extract(slowly(SEEDS), { jobs: 2 }));
    expect(workers.map(content)).toEqual(expected);
  });

  it('returns a failed extraction, in its place, for a document that cannot be processed', async () => {
    const inputs: ArticleInput[] = ['Plain text: "It works," said John Smith.', { id: 'no-text', title: 'Nothing' }, '   ', { html: '<p>A page.</p>' }];
    const docs = await collect(extract(inputs, { jobs: 0 }));
    expect(docs.map((d) => [d.doc_id, d.status])).toEqual([['doc-1', 'ok'], ['no-text', 'failed'], ['doc-3', 'failed'], ['doc-4', 'ok']]);
    expect(docs[1].error).toBe('document 2 has no "text" or "html" string field');
    expect(docs[2].error).toBe('document 3: empty article text');
    expect(docs[0].quotes.map((q) => q.speaker)).toEqual(['John Smith']);
    expect(docs[3].format).toBe('html');
  });

  it('takes a customisation as an object or a file, and checks it', async () => {
    const text = 'Reading Borough Council said the bridge in Reading would close. "It is a sad day," said Jane Doe of Opera North.';
    const found = async (custom?: object | string) => {
      const [doc] = await collect(extract([text], { jobs: 0, custom: custom as never }));
      return { entities: doc.entities.map((e) => `${e.type}:${e.name}`).sort(), quotes: doc.quotes.length };
    };
    const plain = await found();
    expect(plain.entities).toEqual(['organisation:Reading Borough Council', 'person:Jane Doe', 'place:Opera North', 'place:Reading']);
    expect(plain.quotes).toBeGreaterThan(0);
    const custom = { add: { organisations: ['Opera North'] }, remove: { places: ['Reading'] } };
    expect((await found(custom)).entities).toEqual(['organisation:Opera North', 'organisation:Reading Borough Council', 'person:Jane Doe']);
    const file = path.join(tempDir('news-extract-custom-'), 'custom.json');
    fs.writeFileSync(file, JSON.stringify({ disableRules: ['quote'] }));
    expect((await found(file)).quotes).toBe(0);
    // The lexicons are put back when a pipeline closes.
    expect(await found()).toEqual(plain);
    await expect(createPipeline({ custom: { add: { companies: ['x'] } } as never })).rejects.toThrow(CustomisationError);
  });

  it('keeps one pipeline for many batches, stops early without hanging, and gives the CSV rows of a result', async () => {
    const pipeline = await createPipeline({ jobs: 1 });
    try {
      const first = await collect(pipeline.extract(SEEDS.slice(0, 2)));
      const second = await collect(pipeline.extract(SEEDS.slice(2)));
      expect([...first, ...second].map(content)).toEqual(golden().map(content));
      for await (const doc of pipeline.extract(SEEDS)) {
        expect(doc.doc_id).toBe(SEEDS[0].id);
        break;
      }
    } finally {
      await pipeline.close();
    }
    const rows = tableRows(golden()[1]);
    const csv = parseCsvText(fs.readFileSync(path.join(GOLDEN, 'quotes.csv'), 'utf8')).rows.filter((r) => r.doc_id === golden()[1].doc_id);
    expect(rows.quotes.map((r) => r.text)).toEqual(csv.map((r) => r.text));
  });
});

/** The README's examples: fenced code whose info string names a file ("js example.mjs"). */
function readmeExamples(): Map<string, string> {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  return new Map([...readme.matchAll(/```\w+ (example\.\w+)\n([\s\S]*?)```/g)].map(([, name, code]) => [name, code]));
}

/** Whether dist/ was built after the last change to anything it is built from. */
function distIsFresh(): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(REPO, 'dist/src/index.js')).mtimeMs;
  } catch {
    return false;
  }
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'].map((f) => fs.statSync(path.join(REPO, f)).mtimeMs);
  return Math.max(newest(path.join(REPO, 'src')), newest(path.join(REPO, 'pipeline')), ...inputs) < built;
}

describe('the package, installed into an empty project', () => {
  let project: string;
  let installed: string;

  beforeAll(async () => {
    // dist/ as `prepare` builds it (npm ci has, unless a source changed since).
    if (!distIsFresh()) await run(NPM, ['run', 'build'], { cwd: REPO, maxBuffer: 64 << 20 });
    const packs = tempDir('news-extract-pack-');
    const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--pack-destination', packs, '--json'], { cwd: REPO, maxBuffer: 64 << 20 });
    const [{ filename, files }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const packed = files.map((f) => f.path);
    expect(packed).toContain('dist/src/index.js');
    expect(packed).toContain('dist/src/index.d.ts');
    expect(packed).toContain('dist/pipeline/03-tag/ner-model/weights.bin');
    expect(packed).toContain('schema/extraction.schema.json');
    expect(packed.some((f) => f.startsWith('tests/'))).toBe(false);

    // What npm install puts in node_modules: the package unpacked, and only the dependencies
    // it declares (linked from this checkout's node_modules, where npm ci put them), so a
    // module the library needs but does not declare is not found.
    project = tempDir('news-extract-consumer-');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    installed = path.join(project, 'node_modules', 'news-extract');
    fs.mkdirSync(installed, { recursive: true });
    await run('tar', ['-xzf', path.join(packs, filename), '-C', installed, '--strip-components=1']);
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(dependencies)) {
      const link = path.join(project, 'node_modules', name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.join(REPO, 'node_modules', name), link, 'dir');
    }
    for (const [name, code] of readmeExamples()) fs.writeFileSync(path.join(project, name), code);
  }, 300_000);

  it('runs the README\'s JavaScript example with plain node', async () => {
    const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: project });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('leeds-libraries ok Yorkshire Evening Post');
    expect(stdout).toContain('quote (direct) Judith Blake: We have no choice');
    expect(stdout).toContain('claim (money) 2000000 GBP');
    expect(stdout).toMatch(/^doc-2 ok null$/m);
    expect(stdout).toContain('quote (direct) John Smith: It is a sad day');
  });

  it('compiles the README\'s TypeScript example under strict tsc, with the package\'s own types, and runs it', async () => {
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, outDir: 'out', types: ['node'], typeRoots: [path.join(REPO, 'node_modules/@types')] },
        files: ['example.ts', 'types-check.ts'],
      }),
    );
    // The types are the package's own, not `any`: a wrong field name does not compile.
    fs.writeFileSync(
      path.join(project, 'types-check.ts'),
      [
        "import { createPipeline, type Extraction } from 'news-extract';",
        'declare const doc: Extraction;',
        'export const start: number = doc.quotes[0].raw_start;',
        '// @ts-expect-error: the JSON names are snake_case',
        'export const id = doc.quotes[0].speakerEntityId;',
        '// @ts-expect-error: jobs is a number',
        "export const bad = createPipeline({ jobs: 'two' });",
      ].join('\n'),
    );
    await run(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project }).catch((err) => {
      throw new Error(`tsc failed:\n${err.stdout}${err.stderr}`);
    });
    const { stdout } = await run(process.execPath, ['out/example.js'], { cwd: project });
    expect(stdout).toBe('organisations: Opera North\nquotes.csv rows: 1\n');
  });

  it('imports the JSON Schema and runs the command from the package', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "import s from 'news-extract/schema/extraction.schema.json' with { type: 'json' }; console.log(s.title)"], { cwd: project });
    expect(stdout.trim()).toBe('news-extract extraction.jsonl line');
    const help = await run(process.execPath, [path.join(installed, 'bin/news-extract.mjs'), '--help'], { cwd: project });
    expect(help.stdout).toContain('--xlsx');
  });
});
