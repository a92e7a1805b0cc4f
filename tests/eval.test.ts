// Tests of the evaluation and diff tools (src/eval). Prediction folders are built in a
// temp dir with csv-stringify, the way the pipeline's writer writes them, and scored
// against the gold files the project keeps in tests/gold.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiff, runEval } from '../src/eval/commands.ts';
import type { CommandIO } from '../src/command-io.ts';
import { diffOutputs, formatDiffMarkdown, formatDiffText } from '../src/eval/diff.ts';
import { randomFrom } from './helpers/random.ts';
import {
  formatScore,
  normaliseName,
  parseCsvText,
  readGoldDir,
  scoreOutput,
  wordTokens,
  type GoldDoc,
  type ScoreReport,
} from '../src/eval/score.ts';

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const GOLD_DIR = fs.existsSync(path.join(REPO, 'tests/gold'))
  ? path.join(REPO, 'tests/gold')
  : path.resolve(REPO, '../shared/gold');
const SHARED_SCORER = path.resolve(REPO, '../shared/tools/score.mjs');
const GOLDS = readGoldDir(GOLD_DIR);
const DOC_001 = '001_bd929f26a5ba1773';
const gold001 = GOLDS.find((g) => g.doc_id === DOC_001)!;

// ---------------------------------------------------------------------------
// Writing prediction folders

const COLUMNS = {
  documents: ['doc_id', 'source', 'title', 'status', 'error', 'chars', 'sentences'],
  organisations: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions'],
  places: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions'],
  people: ['doc_id', 'entity_id', 'name', 'aliases', 'mentions', 'role', 'organisation'],
  mentions: ['doc_id', 'entity_id', 'type', 'text', 'start', 'end', 'raw_start', 'raw_end', 'sentence'],
  quotes: ['doc_id', 'quote_id', 'kind', 'speaker', 'speaker_entity_id', 'cue', 'text', 'start', 'end', 'sentence'],
  claims: ['doc_id', 'claim_id', 'kind', 'text', 'value', 'unit', 'source', 'hedge', 'start', 'end', 'sentence'],
  relations: ['doc_id', 'subject', 'predicate', 'object', 'evidence', 'start', 'end'],
} as const;
type Table = keyof typeof COLUMNS;
type Row = Record<string, string | number | null | undefined>;

interface Prediction {
  tables: Partial<Record<Table, Row[]>>;
  /** Lines of extraction.jsonl (objects, or raw strings for broken lines); no file when absent. */
  extraction?: (object | string)[];
}

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-test-'));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));
let folderCount = 0;

/** Writes a prediction folder like the pipeline's writer (formula cells escaped). */
function writePrediction(prediction: Prediction, options: { bom?: boolean; crlf?: boolean } = {}): string {
  const dir = path.join(tempRoot, `pred-${++folderCount}`);
  fs.mkdirSync(dir);
  for (const [table, rows] of Object.entries(prediction.tables) as [Table, Row[]][]) {
    const columns = COLUMNS[table];
    const records = rows.map((row) =>
      columns.map((column) => {
        const cell = row[column] == null ? '' : String(row[column]);
        return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      }),
    );
    const csv = stringify([[...columns], ...records], { record_delimiter: options.crlf ? '\r\n' : '\n' });
    fs.writeFileSync(path.join(dir, `${table}.csv`), (options.bom ? '\ufeff' : '') + csv);
  }
  if (prediction.extraction) {
    const lines = prediction.extraction.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    fs.writeFileSync(path.join(dir, 'extraction.jsonl'), lines.map((l) => `${l}\n`).join(''));
  }
  return dir;
}

/** A command's output, captured instead of printed. */
function capturingIO(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

// ---------------------------------------------------------------------------
// A tiny prediction for one document, worked out by hand below

const quote001 = (i: number) => gold001.quotes![i].text;

const tinyPrediction: Prediction = {
  tables: {
    organisations: [
      { doc_id: DOC_001, name: 'Blackburn with Darwen Council' }, // alias of the borough council: tp
      { doc_id: DOC_001, name: 'the council' }, // same entity again: fp, duplicate
      { doc_id: DOC_001, name: 'National Health Service' }, // alias of NHS: tp
      { doc_id: DOC_001, name: 'SIMT' }, // optional: not counted
      { doc_id: DOC_001, name: 'Acme Ltd' }, // spurious: fp
    ], // the care trust plus is missed: fn
    places: [
      { doc_id: DOC_001, name: 'Blackburn with Darwen' }, // tp
      { doc_id: DOC_001, name: 'Blackburn' }, // optional
    ],
    people: [
      { doc_id: DOC_001, name: 'Cllr Michael Lee', role: 'Leader of the council', organisation: 'Blackburn with Darwen Council' },
      { doc_id: DOC_001, name: 'Sir Bill Taylor', role: 'chair', organisation: 'Care Trust Plus' }, // role text too short
      { doc_id: DOC_001, name: 'Mithran Samuel', role: 'reporter', organisation: 'Community Care' }, // spurious person and role
    ],
    quotes: [
      { doc_id: DOC_001, kind: 'direct', speaker: 'Lee', text: quote001(0) }, // an alias
      { doc_id: DOC_001, kind: 'direct', speaker: 'Dr William Taylor', text: quote001(1) }, // surname only
      { doc_id: DOC_001, kind: 'direct', speaker: 'Michael Lee', text: quote001(2) }, // wrong speaker
      { doc_id: DOC_001, kind: 'direct', speaker: 'documents', text: quote001(3) }, // a speaker alias
      { doc_id: DOC_001, kind: 'direct', speaker: 'Michael Lee', text: 'root and branch' }, // optional
      { doc_id: DOC_001, kind: 'direct', speaker: 'Bill Taylor', text: 'The weather was lovely today' }, // spurious
    ],
    claims: [
      { doc_id: DOC_001, kind: 'primacy', text: 'The SIMT would be the first of its kind in the country' },
      { doc_id: DOC_001, kind: 'money', text: 'expected to deliver some £2m in savings', value: '£2,000,000', unit: 'GBP' },
      { doc_id: DOC_001, kind: 'quantity', text: 'far more advanced than in other parts of the country' }, // wrong kind
      { doc_id: DOC_001, kind: 'effect', text: 'real and immediate savings' }, // optional
      { doc_id: DOC_001, kind: 'forecast', text: 'The council meets on Tuesdays' }, // spurious
    ],
  },
  extraction: [
    {
      doc_id: DOC_001,
      title: gold001.title,
      // The body ends with page furniture, so "body end" fails.
      text: `${gold001.body_first_words} with its care trust.\n\n${gold001.body_last_words}\n\nComments are closed.`,
    },
  ],
};

describe('scoreOutput on a tiny case worked out by hand', () => {
  const report = scoreOutput(GOLD_DIR, writePrediction(tinyPrediction), { docs: [DOC_001] });

  it('counts entities once per document, ignores optional names, counts duplicates', () => {
    expect(report.docs).toBe(1);
    expect(report.organisations).toMatchObject({ tp: 2, fp: 2, fn: 1, p: 0.5 });
    expect(report.organisations.r).toBeCloseTo(2 / 3, 12);
    expect(report.organisations.f1).toBeCloseTo(4 / 7, 12);
    expect(report.places).toEqual({ p: 1, r: 1, f1: 1, tp: 1, fp: 0, fn: 0 });
    expect(report.people).toMatchObject({ tp: 2, fp: 1, fn: 0, r: 1 });
    expect(report.people.f1).toBeCloseTo(0.8, 12);
    expect(report.duplicates).toBe(1);
  });

  it('matches quotes by word overlap and attributes by alias and surname', () => {
    expect(report.quotes).toMatchObject({ tp: 4, fp: 1, fn: 0, p: 0.8, r: 1 });
    expect(report.quotes.f1).toBeCloseTo(8 / 9, 12);
    expect(report.quote_attribution).toBe(0.75);
    expect(report.direct_quote_recall).toBe(1);
    expect(report.indirect_quote_recall).toBeNull(); // no indirect quote in this gold
  });

  it('matches claims by key, scores kind and value separately', () => {
    expect(report.claims).toMatchObject({ tp: 3, fp: 1, fn: 0, p: 0.75, r: 1 });
    expect(report.claims.f1).toBeCloseTo(6 / 7, 12);
    expect(report.claim_kind_accuracy).toBeCloseTo(2 / 3, 12);
    expect(report.money_value_accuracy).toBe(1); // "£2,000,000" reads as 2000000
  });

  it('scores roles from people rows and role text by word overlap', () => {
    expect(report.roles).toMatchObject({ tp: 2, fp: 1, fn: 0, r: 1 });
    expect(report.roles.f1).toBeCloseTo(0.8, 12);
    expect(report.role_text_accuracy).toBe(0.5);
  });

  it('checks cleaning from extraction.jsonl and averages the F1s', () => {
    expect(report.cleaning).toBeCloseTo(2 / 3, 12);
    expect(report.macro_f1).toBeCloseTo((4 / 7 + 1 + 0.8 + 8 / 9 + 6 / 7 + 0.8) / 6, 12);
    expect(report.missing_files).toEqual([]);
  });

  it('lists every miss', () => {
    expect(report.misses).toEqual([
      `${DOC_001} organisations duplicate: the council`,
      `${DOC_001} organisations spurious: Acme Ltd`,
      `${DOC_001} organisations missed: Blackburn with Darwen Teaching Care Trust Plus`,
      `${DOC_001} people spurious: Mithran Samuel`,
      `${DOC_001} quote speaker wrong: "Michael Lee" for "${quote001(2).slice(0, 50)}" (gold Bill Taylor)`,
      `${DOC_001} quote spurious: "The weather was lovely today"`,
      `${DOC_001} claim spurious: "The council meets on Tuesdays"`,
      `${DOC_001} claim kind wrong: quantity for far more advanced (gold comparative)`,
      `${DOC_001} role spurious: Mithran Samuel / reporter / Community Care`,
      `${DOC_001} cleaning failed: body end`,
    ]);
  });

  it('formats a table for a terminal, with misses on request', () => {
    const text = formatScore(report, { misses: true });
    expect(text).toMatch(/^organisations\s+50\.0\s+66\.7\s+57\.1\s+2\s+2\s+1$/m);
    expect(text).toMatch(/^quote attribution\s+75\.0$/m);
    expect(text).toMatch(/^indirect quote recall\s+-$/m);
    expect(text).toContain('misses (10):');
    expect(formatScore(report, { misses: false })).not.toContain('misses');
  });
});

describe('normalisation and CSV reading', () => {
  it('normalises names as the gold README says', () => {
    expect(normaliseName('Cllr Michael Lee,')).toBe('michael lee');
    expect(normaliseName('The Council’s')).toBe('council');
    expect(normaliseName('the Rt Hon Sir Alan Milburn MP')).toBe('alan milburn');
    expect(normaliseName(null)).toBe('');
    expect(wordTokens('“£2m in savings”, he said.')).toEqual(['£2m', 'in', 'savings', 'he', 'said']);
  });

  it('takes the formula escape off, and reads a BOM, CRLF and short rows', () => {
    const csv = "\ufeffdoc_id , name,value\r\nd1,'=SUM(A1),'-5\r\n\r\nd1,'plain\r\nd2\r\n";
    expect(parseCsvText(csv)).toEqual({
      columns: ['doc_id', 'name', 'value'],
      rows: [
        { doc_id: 'd1', name: '=SUM(A1)', value: '-5' },
        { doc_id: 'd1', name: "'plain", value: '' },
        { doc_id: 'd2', name: '', value: '' },
      ],
    });
  });

  it('reads a negative claim value that the writer escaped', () => {
    const dir = writePrediction({
      tables: { claims: [{ doc_id: DOC_001, kind: 'money', text: 'deliver some £2m in savings', value: '-2000000' }] },
    });
    expect(fs.readFileSync(path.join(dir, 'claims.csv'), 'utf8')).toContain("'-2000000");
    const report = scoreOutput(GOLD_DIR, dir, { docs: [DOC_001] });
    expect(report.misses).toContain(`${DOC_001} claim value wrong: -2000000 for £2m (gold 2000000)`);
  });
});

// ---------------------------------------------------------------------------
// Prediction sets for comparing with the reference scorer

/** What a perfect pipeline would write, built from the gold itself. */
function perfectPrediction(golds: GoldDoc[]): Prediction {
  const tables: Record<Table, Row[]> = {
    documents: [], organisations: [], places: [], people: [], mentions: [], quotes: [], claims: [], relations: [],
  };
  for (const g of golds) {
    const doc_id = g.doc_id;
    const text = `${g.body_first_words} ... ${g.body_last_words}`;
    tables.documents.push({ doc_id, source: `${doc_id}.txt`, title: g.title ?? '', status: 'ok', error: '', chars: text.length, sentences: 2 });
    for (const kind of ['organisations', 'places', 'people'] as const) {
      (g[kind] ?? []).forEach((e, i) => {
        const role = kind === 'people' ? (g.roles ?? []).find((r) => r.person === e.name) : undefined;
        tables[kind].push({
          doc_id,
          entity_id: `${kind[0]}${i}`,
          name: e.name,
          aliases: (e.aliases ?? []).join('|'),
          mentions: 1 + (e.aliases?.length ?? 0),
          ...(kind === 'people' ? { role: role?.role ?? '', organisation: role?.organisation ?? '' } : {}),
        });
        tables.mentions.push({ doc_id, entity_id: `${kind[0]}${i}`, type: kind, text: e.name, start: i * 10, end: i * 10 + 5, raw_start: i * 10, raw_end: i * 10 + 5, sentence: 0 });
      });
    }
    (g.quotes ?? []).forEach((q, i) => tables.quotes.push({ doc_id, quote_id: `q${i}`, kind: q.kind, speaker: q.speaker, cue: 'said', text: q.text, start: i, end: i + 1, sentence: i }));
    (g.claims ?? []).forEach((c, i) => tables.claims.push({ doc_id, claim_id: `c${i}`, kind: c.kind, text: c.text, value: c.value ?? '', unit: c.unit ?? '', source: c.source ?? '', start: i, end: i + 1, sentence: i }));
    (g.roles ?? []).forEach((r, i) => tables.relations.push({ doc_id, subject: r.person, predicate: 'role_at', object: r.organisation ?? '', evidence: r.role, start: i, end: i + 1 }));
  }
  const extraction = golds.map((g) => ({ doc_id: g.doc_id, title: g.title, text: `${g.body_first_words} ... ${g.body_last_words}` }));
  return { tables, extraction };
}

/**
 * A prediction in which each gold item may be kept, renamed to an alias or surname,
 * duplicated, dropped, cut short, given the wrong speaker, kind or value, or joined by
 * spurious rows: the mix of mistakes a real pipeline makes.
 */
function noisyPrediction(golds: GoldDoc[], seed: number): Prediction {
  const random = randomFrom(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const words = (text: string, share: number) => text.split(/\s+/).slice(0, Math.max(1, Math.round(text.split(/\s+/).length * share))).join(' ');
  const allNames = golds.flatMap((g) => [...(g.organisations ?? []), ...(g.places ?? []), ...(g.people ?? [])].map((e) => e.name));
  const base = perfectPrediction(golds);
  const tables: Partial<Record<Table, Row[]>> = {};

  for (const kind of ['organisations', 'places', 'people'] as const) {
    const rows: Row[] = [];
    for (const row of base.tables[kind]!) {
      const g = golds.find((x) => x.doc_id === row.doc_id)!;
      const entity = g[kind]!.find((e) => e.name === row.name)!;
      if (chance(0.15)) continue; // missed
      const aliases = entity.aliases ?? [];
      const name = chance(0.3) && aliases.length ? pick(aliases) : chance(0.1) ? `The ${entity.name}'s` : entity.name;
      const out: Row = { ...row, name };
      if (kind === 'people') {
        if (chance(0.2)) out.role = words(String(row.role ?? ''), 0.4);
        if (chance(0.15)) out.organisation = pick(allNames);
        if (chance(0.1)) Object.assign(out, { role: '', organisation: '' });
      }
      rows.push(out);
      if (chance(0.15)) rows.push({ ...out, name: aliases.length ? pick(aliases) : entity.name }); // duplicate
    }
    for (const g of golds) {
      if (chance(0.5)) rows.push({ doc_id: g.doc_id, name: pick(allNames), role: chance(0.5) ? 'spokesman' : '', organisation: chance(0.5) ? pick(allNames) : '' });
      const optional = g[`optional_${kind}` as 'optional_people'] ?? [];
      if (optional.length && chance(0.5)) rows.push({ doc_id: g.doc_id, name: pick(optional) });
    }
    tables[kind] = rows;
  }

  tables.quotes = [];
  for (const row of base.tables.quotes!) {
    if (chance(0.15)) continue;
    const g = golds.find((x) => x.doc_id === row.doc_id)!;
    const people = (g.people ?? []).map((p) => p.name);
    const text = chance(0.3) ? words(String(row.text), pick([0.5, 0.7, 0.8, 1.5])) : String(row.text);
    const speaker = chance(0.2) ? String(row.speaker).split(' ').pop() : chance(0.2) ? (people.length ? pick(people) : 'he') : chance(0.1) ? '' : row.speaker;
    tables.quotes.push({ ...row, text, speaker });
    if (chance(0.1)) tables.quotes.push({ ...row, text: `${text} ${text}` });
  }
  for (const g of golds) {
    if (chance(0.6)) tables.quotes.push({ doc_id: g.doc_id, kind: 'direct', speaker: 'Someone', text: words(g.body_first_words, 1) + ' and more words here' });
    if (g.optional_quotes?.length && chance(0.5)) tables.quotes.push({ doc_id: g.doc_id, kind: 'direct', speaker: 'x', text: pick(g.optional_quotes) });
  }

  tables.claims = [];
  const kinds = ['money', 'quantity', 'primacy', 'comparative', 'forecast', 'finding', 'effect'];
  for (const row of base.tables.claims!) {
    if (chance(0.15)) continue;
    const g = golds.find((x) => x.doc_id === row.doc_id)!;
    const claim = g.claims!.find((c) => c.text === row.text)!;
    const text = chance(0.3) ? claim.key : chance(0.3) ? words(claim.text, pick([0.5, 0.65, 0.9])) : claim.text;
    const kind = chance(0.25) ? pick(kinds) : chance(0.1) ? claim.kind.toUpperCase() : claim.kind;
    const value = claim.value == null ? '' : chance(0.3) ? pick(['2', '£2m', `£${claim.value.toLocaleString('en-GB')}`, '']) : String(claim.value);
    tables.claims.push({ ...row, text, kind, value });
  }
  for (const g of golds) {
    if (chance(0.6)) tables.claims.push({ doc_id: g.doc_id, kind: pick(kinds), text: `The article says ${pick(allNames)} exists` });
    if (g.optional_claims?.length && chance(0.5)) tables.claims.push({ doc_id: g.doc_id, kind: 'finding', text: `it is said that ${pick(g.optional_claims)}` });
  }

  const extraction = golds.map((g) => {
    const title = chance(0.7) ? g.title : `Home | ${g.title}`;
    const start = chance(0.8) ? g.body_first_words : 'Cookie notice. Accept all.';
    const end = chance(0.8) ? g.body_last_words : `${g.body_last_words} Comments are closed.`;
    const furniture = chance(0.3) && g.boilerplate?.length ? ` ${pick(g.boilerplate)} ` : ' ';
    return { doc_id: g.doc_id, title, text: `${start}${furniture}... ${end}` };
  });
  return { tables, extraction };
}

/** Everything a pipeline can get wrong at once. */
const badPrediction: Prediction = {
  tables: {
    organisations: [
      { doc_id: DOC_001, name: 'Acme' },
      { doc_id: DOC_001, name: '' },
      { doc_id: 'not_a_gold_doc', name: 'NHS' },
      { doc_id: DOC_001, name: 'NHS' },
      { doc_id: DOC_001, name: 'the NHS' },
      { doc_id: DOC_001, name: "NHS's" },
    ],
    people: [
      { doc_id: DOC_001, name: 'Taylor', role: '', organisation: '' },
      { doc_id: DOC_001, name: 'Taylor', role: 'chair', organisation: 'Acme' },
      { doc_id: '004_aae0a8079c1c7a04', name: 'Alan Milburn MP', role: 'health secretary', organisation: '' },
    ],
    quotes: [
      { doc_id: DOC_001, kind: 'direct', speaker: 'he', text: quote001(1) },
      { doc_id: DOC_001, kind: 'direct', speaker: '', text: '' },
      { doc_id: DOC_001, kind: 'direct', speaker: 'Bill Taylor', text: 'a' },
    ],
    claims: [
      { doc_id: DOC_001, kind: '', text: '', value: '' },
      { doc_id: DOC_001, kind: 'money', text: 'some £2m in savings', value: 'two million' },
      { doc_id: '004_aae0a8079c1c7a04', kind: 'quantity', text: 'Only 10 exist', value: '' },
    ],
  },
  extraction: ['{ this is not json', { doc_id: DOC_001, title: 'wrong', text: '' }],
};

const SCORER_MISSING = !fs.existsSync(SHARED_SCORER);

describe.skipIf(SCORER_MISSING)(
  `agrees with the reference scorer${SCORER_MISSING ? ` (skipped: ${SHARED_SCORER} not found)` : ''}`,
  () => {
    function referenceReport(predDir: string, docs?: string[]): ScoreReport {
      const args = [SHARED_SCORER, '--gold', GOLD_DIR, '--pred', predDir, '--json'];
      if (docs) args.push('--docs', docs.join(','));
      return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
    }
    function expectSameAsReference(predDir: string, docs?: string[]): ScoreReport {
      const ours = JSON.parse(JSON.stringify(scoreOutput(GOLD_DIR, predDir, { docs })));
      expect(ours).toEqual(referenceReport(predDir, docs));
      return ours;
    }

    it('on the tiny case, for one document and for all', () => {
      const dir = writePrediction(tinyPrediction);
      expectSameAsReference(dir, [DOC_001]);
      expectSameAsReference(dir);
    });

    it('on a perfect prediction', () => {
      const report = expectSameAsReference(writePrediction(perfectPrediction(GOLDS)));
      expect(report.macro_f1).toBeGreaterThan(0.9);
    });

    it('on a deliberately bad prediction, and on an empty folder', () => {
      const report = expectSameAsReference(writePrediction(badPrediction));
      expect(report.macro_f1).toBeLessThan(0.2);
      expect(report.missing_files).toEqual(['places.csv']);
      const empty = expectSameAsReference(writePrediction({ tables: {} }));
      expect(empty.misses.at(-1)).toBe('extraction.jsonl missing');
    });

    const noisyMisses: string[] = [];
    it.each([1, 2, 3, 4, 5, 6])('on noisy prediction %i (BOM and CRLF on even seeds)', (seed) => {
      const dir = writePrediction(noisyPrediction(GOLDS, seed), { bom: seed % 2 === 0, crlf: seed % 2 === 0 });
      noisyMisses.push(...expectSameAsReference(dir).misses);
    });

    it('with the noisy predictions covering every kind of miss', () => {
      const kinds = ['duplicate', 'spurious', 'missed', 'speaker wrong', 'kind wrong', 'value wrong', 'role spurious', 'role missed', 'cleaning failed'];
      for (const kind of kinds) expect(noisyMisses.some((m) => m.includes(kind)), kind).toBe(true);
    });
  },
);

// ---------------------------------------------------------------------------
// The eval command

describe('runEval', () => {
  const predDir = writePrediction(tinyPrediction);
  const evalArgs = ['--gold', GOLD_DIR, '--pred', predDir, '--docs', DOC_001];

  it('prints the table, writes the JSON report and exits 0 above the floors', async () => {
    const io = capturingIO();
    const reportFile = path.join(tempRoot, 'reports', 'tiny.json');
    const code = await runEval([...evalArgs, '--misses', '--json', reportFile, '--min', 'quotes=0.85,places=100%,attribution=0.75'], io);
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('quote attribution');
    expect(io.stdout.join('\n')).toContain('organisations spurious: Acme Ltd');
    expect(JSON.parse(fs.readFileSync(reportFile, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(scoreOutput(GOLD_DIR, predDir, { docs: [DOC_001] }))),
    );
  });

  it('writes <pred>/eval.json by default', async () => {
    expect(await runEval(evalArgs, capturingIO())).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(predDir, 'eval.json'), 'utf8')).docs).toBe(1);
  });

  it('exits 1 below a floor and says which', async () => {
    const io = capturingIO();
    expect(await runEval([...evalArgs, '--min', 'quotes=0.9,claims.p=0.7', '--min', 'organisations=0.5'], io)).toBe(1);
    const errors = io.stderr.join('\n');
    expect(errors).toContain('quotes: 0.889 is below the floor 0.9');
    expect(errors).not.toContain('claims.p');
    expect(errors).not.toContain('organisations');
  });

  it('counts a measure with nothing to measure as below its floor', async () => {
    const io = capturingIO();
    expect(await runEval([...evalArgs, '--min', 'indirect_recall=0.1'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('indirect_recall: not measured');
  });

  it.each([
    [['--pred', predDir], '--gold <dir> is required'],
    [['--gold', GOLD_DIR, '--pred', path.join(tempRoot, 'no-such-dir')], 'no such folder'],
    [[...evalArgs, '--min', 'quotes'], 'expected name=floor'],
    [[...evalArgs, '--min', 'quotes=high'], 'must be a fraction'],
    [[...evalArgs, '--min', 'quotes=1.5'], 'must be a fraction'],
    [[...evalArgs, '--min', 'speed=0.5'], 'unknown measure "speed"'],
    [[...evalArgs, '--docs', 'nope'], 'no gold file for nope'],
    [[...evalArgs, '--verbose'], "Unknown option '--verbose'"],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const io = capturingIO();
    expect(await runEval(args, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });
});

// ---------------------------------------------------------------------------
// The diff tool

describe('diffOutputs and runDiff', () => {
  const baseline = perfectPrediction(GOLDS);
  const baselineDir = writePrediction(baseline);

  // One quote removed, one organisation added, one claim's value changed.
  const candidateTables = structuredClone(baseline.tables);
  const removedQuote = candidateTables.quotes!.splice(1, 1)[0];
  candidateTables.organisations!.push({ doc_id: DOC_001, entity_id: 'o9', name: 'Acme Ltd', aliases: '', mentions: 1 });
  const moneyClaim = candidateTables.claims!.find((c) => c.doc_id === DOC_001 && c.kind === 'money')!;
  moneyClaim.value = 3000000;
  const candidateDir = writePrediction({ tables: candidateTables, extraction: baseline.extraction });

  const diff = diffOutputs(baselineDir, candidateDir);
  const table = (name: string) => diff.tables.find((t) => t.table === name)!;

  it('lists added, removed and changed rows per table and document', () => {
    expect(diff.counts).toMatchObject({ added: 1, removed: 1, changed: 1 });
    expect(diff.hasChanges).toBe(true);

    expect(table('quotes').counts).toMatchObject({ added: 0, removed: 1, changed: 0 });
    expect(table('quotes').documents).toHaveLength(1);
    expect(table('quotes').documents[0].docId).toBe(removedQuote.doc_id);
    expect(table('quotes').documents[0].removed[0].row.text).toBe(removedQuote.text);

    expect(table('organisations').counts).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect(table('organisations').documents[0]).toMatchObject({ docId: DOC_001, added: [{ label: 'Acme Ltd' }] });

    expect(table('claims').counts).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(table('claims').documents[0].changed[0].cells).toEqual([{ column: 'value', before: '2000000', after: '3000000' }]);

    for (const name of ['documents', 'places', 'people', 'relations', 'mentions']) {
      expect(table(name).hasChanges, name).toBe(false);
      expect(table(name).counts.unchanged, name).toBeGreaterThan(0);
    }
  });

  it('matches rows by content, not by row number', () => {
    const shuffled = structuredClone(baseline.tables);
    for (const rows of Object.values(shuffled)) rows.reverse();
    expect(diffOutputs(baselineDir, writePrediction({ tables: shuffled })).hasChanges).toBe(false);
  });

  it('pairs rows with a repeated key before calling them added or removed', () => {
    const quote = { doc_id: DOC_001, kind: 'direct', speaker: 'Lee', text: 'Same words twice' };
    const before = writePrediction({ tables: { quotes: [quote, { ...quote, speaker: 'Taylor' }] } });
    const after = writePrediction({ tables: { quotes: [quote, { ...quote, speaker: 'Bill Taylor' }] } });
    const quotes = diffOutputs(before, after).tables.find((t) => t.table === 'quotes')!;
    expect(quotes.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
    expect(quotes.documents[0].changed[0].cells).toEqual([{ column: 'speaker', before: 'Taylor', after: 'Bill Taylor' }]);
  });

  it('formats text and markdown', () => {
    const text = formatDiffText(diff);
    expect(text).toMatch(/^quotes\s+\+0 -1 ~0/m);
    expect(text).toContain('+ Acme Ltd');
    expect(text).toContain('value: 2000000 -> 3000000');
    expect(text).toContain('total +1 -1 ~1');

    const markdown = formatDiffMarkdown(diff);
    expect(markdown).toContain('| table | added | removed | changed | unchanged |');
    expect(markdown).toContain('| --- | ---: | ---: | ---: | ---: |');
    expect(markdown).toMatch(/^\| organisations \| 1 \| 0 \| 0 \| \d+ \|$/m);
    expect(markdown).toContain('| document | change | row | cells |');
    expect(markdown).toContain('value: 2000000 → 3000000');
  });

  it('exits 1 with --fail-on-change only when something changed', async () => {
    expect(await runDiff([baselineDir, candidateDir], capturingIO())).toBe(0);
    expect(await runDiff([baselineDir, candidateDir, '--fail-on-change'], capturingIO())).toBe(1);
    expect(await runDiff([baselineDir, baselineDir, '--fail-on-change'], capturingIO())).toBe(0);
  });

  it('prints JSON that is the diff object itself', async () => {
    const io = capturingIO();
    expect(await runDiff(['--format', 'json', baselineDir, candidateDir], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it.each([
    [[baselineDir], 'expected a baseline and a candidate folder'],
    [[baselineDir, path.join(tempRoot, 'no-such-dir')], 'no such folder'],
    [[baselineDir, candidateDir, '--format', 'html'], '--format must be one of'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const io = capturingIO();
    expect(await runDiff(args, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('sets the exit code from the entry script', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/eval/diff-main.ts', baselineDir, candidateDir, '--fail-on-change'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('total +1 -1 ~1');
    expect(run.status).toBe(1);
  });
});
