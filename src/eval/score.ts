// Scores an output folder (the CSV tables and extraction.jsonl) against a folder of
// hand-made gold files. The measures, matching rules and miss messages are those of
// the reference scorer, shared/tools/score.mjs, so both give the same numbers on the
// same input; the JSON report has the same shape as `score.mjs --json`, which is why
// its keys are snake_case. The gold format is described in tests/gold/README.md.
//
// This file is also the one place for the normalisation helpers and the CSV reader
// that the diff tool (diff.ts) uses.

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../command-io.ts';
import { collapseWhitespace } from '../text.ts';

// ---------------------------------------------------------------------------
// Normalisation helpers

const PERSONAL_TITLES = /^(cllr|councillor|sir|dame|dr|mr|mrs|ms|miss|lord|lady|baroness|baron|professor|prof|rev|the rt hon|rt hon)\.?\s+/;

/**
 * The form in which names are compared: lower case, curly apostrophes folded, no
 * leading "the", trailing "'s", personal titles or trailing "MP", no punctuation at
 * either end ("Cllr Michael Lee," and "michael lee" are the same name).
 */
export function normaliseName(value: unknown): string {
  if (value == null) return '';
  let text = String(value).normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  text = collapseWhitespace(text).replace(/^[^\p{L}\p{N}£$€]+|[^\p{L}\p{N}]+$/gu, '');
  text = text.replace(/'s$/, '').replace(/^the /, '');
  // Up to three stacked titles: "the Rt Hon Sir ...".
  for (let k = 0; k < 3; k++) text = text.replace(PERSONAL_TITLES, '');
  text = text.replace(/ mp$/, '');
  return text.trim();
}

/** The words of a text as quote and claim matching counts them (numbers, £, % kept). */
export function wordTokens(value: unknown): string[] {
  return String(value ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}£$€'%.]+/u)
    .map((word) => word.replace(/^'+|'+$|\.+$/g, ''))
    .filter(Boolean);
}

/** How many words two token lists share, counting repeated words as often as both have them. */
export function countSharedWords(a: readonly string[], b: readonly string[]): number {
  const remaining = new Map<string, number>();
  for (const word of a) remaining.set(word, (remaining.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const count = remaining.get(word);
    if (count) {
      shared++;
      remaining.set(word, count - 1);
    }
  }
  return shared;
}

/**
 * A key for comparing free text (quote and claim text) between two outputs: case,
 * Unicode forms, curly quotes and whitespace do not make two texts different.
 */
export function normaliseText(value: unknown): string {
  return collapseWhitespace(
    String(value ?? '').normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"'),
  );
}

/** The last word of a normalised name ("Sir Bill Taylor" -> "taylor"). */
export function surname(name: unknown): string {
  const words = normaliseName(name).split(' ');
  return words[words.length - 1];
}

/** All normalised forms an entity goes by: its name and its aliases. */
export function nameForms(entity: { name: string; aliases?: string[] | null }): Set<string> {
  return new Set([entity.name, ...(entity.aliases ?? [])].map(normaliseName).filter(Boolean));
}

// ---------------------------------------------------------------------------
// Reading output tables

export type CsvRow = Record<string, string>;

export interface CsvTable {
  /** True when the file does not exist (its rows are then empty). */
  missing: boolean;
  columns: string[];
  rows: CsvRow[];
}

const FORMULA_ESCAPED = /^'[=+\-@\t\r]/;

/**
 * The writer puts a single quote before a cell a spreadsheet would run as a formula;
 * a reader takes it off again so it compares what the pipeline extracted.
 */
export function unescapeFormulaCell(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/** Parses CSV text with a header row into rows keyed by (trimmed) column name. */
export function parseCsvText(text: string): { columns: string[]; rows: CsvRow[] } {
  const records: string[][] = parse(text, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  // A line holding one empty quoted cell is as empty as a blank line.
  const [header, ...body] = records.filter((record) => record.length > 1 || record[0] !== '');
  if (!header) return { columns: [], rows: [] };
  const columns = header.map((name) => name.trim());
  const rows = body.map((record) => {
    const row: CsvRow = {};
    columns.forEach((column, i) => {
      row[column] = unescapeFormulaCell(record[i] ?? '');
    });
    return row;
  });
  return { columns, rows };
}

/** Reads `<dir>/<fileName>`; a file that does not exist reads as a missing, empty table. */
export function readCsvTable(dir: string, fileName: string): CsvTable {
  const file = path.join(dir, fileName);
  if (!fs.existsSync(file)) return { missing: true, columns: [], rows: [] };
  try {
    return { missing: false, ...parseCsvText(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Rows grouped by their doc_id (a row without one under ''), in file order. */
export function groupByDocId(rows: CsvRow[]): Map<string, CsvRow[]> {
  const byDoc = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const docId = row.doc_id ?? '';
    const list = byDoc.get(docId);
    if (list) list.push(row);
    else byDoc.set(docId, [row]);
  }
  return byDoc;
}

// ---------------------------------------------------------------------------
// Gold files

export interface GoldEntity {
  name: string;
  aliases?: string[];
}

export interface GoldQuote {
  speaker: string;
  speaker_aliases?: string[];
  kind: 'direct' | 'indirect';
  text: string;
}

export interface GoldClaim {
  kind: string;
  key: string;
  text: string;
  source?: string | null;
  value?: number | null;
  unit?: string | null;
}

export interface GoldRole {
  person: string;
  role: string;
  organisation: string | null;
}

export interface GoldDoc {
  doc_id: string;
  title: string | null;
  body_first_words: string;
  body_last_words: string;
  boilerplate?: string[];
  organisations?: GoldEntity[];
  places?: GoldEntity[];
  people?: GoldEntity[];
  optional_organisations?: string[];
  optional_places?: string[];
  optional_people?: string[];
  quotes?: GoldQuote[];
  optional_quotes?: string[];
  claims?: GoldClaim[];
  optional_claims?: string[];
  roles?: GoldRole[];
  optional_roles?: { person: string; organisation?: string | null }[];
}

/** The gold files of a folder (`*.json`, in file-name order). */
export function readGoldDir(goldDir: string): GoldDoc[] {
  const files = fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const full = path.join(goldDir, file);
    try {
      return JSON.parse(fs.readFileSync(full, 'utf8')) as GoldDoc;
    } catch (error) {
      throw new Error(`cannot read gold file ${full}: ${(error as Error).message}`);
    }
  });
}

/** The gold files of the folder given as --gold; a usage error when it has none. */
export function readNonEmptyGoldDir(goldDir: string): GoldDoc[] {
  const golds = readGoldDir(goldDir);
  if (!golds.length) throw new UsageError(`--gold: no gold files (*.json) in ${goldDir}`);
  return golds;
}

// ---------------------------------------------------------------------------
// The report

export const SCORED_CATEGORIES = ['organisations', 'places', 'people', 'quotes', 'claims', 'roles'] as const;
export type ScoredCategory = (typeof SCORED_CATEGORIES)[number];

/** The rates of the report: each is null when there was nothing to measure. */
export const RATE_NAMES = [
  'quote_attribution',
  'direct_quote_recall',
  'indirect_quote_recall',
  'claim_kind_accuracy',
  'money_value_accuracy',
  'role_text_accuracy',
  'cleaning',
] as const;
export type RateName = (typeof RATE_NAMES)[number];

export interface CategoryScore {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export type ScoreReport = {
  docs: number;
  /** Prediction tables that were not there (`quotes.csv`, ...). */
  missing_files: string[];
} & Record<ScoredCategory, CategoryScore> &
  Record<RateName, number | null> & {
    /** Second rows for an entity already matched in the same document. */
    duplicates: number;
    /** Mean F1 of the six categories. */
    macro_f1: number;
    /** One line per error: spurious, duplicate, missed, wrong speaker, kind or value, cleaning. */
    misses: string[];
  };

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface RateCount {
  ok: number;
  n: number;
}

function categoryScore({ tp, fp, fn }: Counts): CategoryScore {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
}

const rate = ({ ok, n }: RateCount): number | null => (n ? ok / n : null);

// ---------------------------------------------------------------------------
// Matching rules

/** At least 70% of the gold quote's words are in the prediction and 30% of its words in the gold. */
function quoteMatches(predicted: string[], gold: string[]): boolean {
  if (!gold.length || !predicted.length) return false;
  const shared = countSharedWords(predicted, gold);
  return shared / gold.length >= 0.7 && shared / predicted.length >= 0.3;
}

/** The gold speaker, one of its aliases, or (for a person) its surname. */
function speakerMatches(predictedSpeaker: string, quote: GoldQuote, gold: GoldDoc): boolean {
  const candidates = new Set([quote.speaker, ...(quote.speaker_aliases ?? [])].map(normaliseName));
  const predicted = normaliseName(predictedSpeaker);
  if (!predicted) return false;
  if (candidates.has(predicted)) return true;
  const goldSpeaker = normaliseName(quote.speaker);
  const person = (gold.people ?? []).find((x) => normaliseName(x.name) === goldSpeaker);
  if (person && (nameForms(person).has(predicted) || surname(predicted) === surname(quote.speaker))) return true;
  const organisation = (gold.organisations ?? []).find((x) => normaliseName(x.name) === goldSpeaker);
  return Boolean(organisation && nameForms(organisation).has(predicted));
}

/** The claim text contains the gold key, or shares 60% of the gold claim's words (and 30% of its own). */
function claimMatches(predictedText: string, predictedWords: string[], claim: GoldClaim): boolean {
  if (predictedText.includes(normaliseName(claim.key))) return true;
  const goldWords = wordTokens(claim.text);
  const shared = countSharedWords(predictedWords, goldWords);
  return shared / goldWords.length >= 0.6 && shared / predictedWords.length >= 0.3;
}

/** "£2,000,000" and "2000000" are the same value. */
function claimValue(cell: string): number {
  return Number(String(cell).replace(/[,£$€\s]/g, ''));
}

// ---------------------------------------------------------------------------
// Scoring

type EntityCategory = 'organisations' | 'places' | 'people';

const OPTIONAL_FIELD = {
  organisations: 'optional_organisations',
  places: 'optional_places',
  people: 'optional_people',
} as const satisfies Record<EntityCategory, keyof GoldDoc>;

interface PredictedRows {
  organisations: Map<string, CsvRow[]>;
  places: Map<string, CsvRow[]>;
  people: Map<string, CsvRow[]>;
  quotes: Map<string, CsvRow[]>;
  claims: Map<string, CsvRow[]>;
}

/** Accumulates counts over documents, in the order score.mjs visits them (misses keep that order). */
class Scorer {
  readonly counts: Record<ScoredCategory, Counts> = {
    organisations: { tp: 0, fp: 0, fn: 0 },
    places: { tp: 0, fp: 0, fn: 0 },
    people: { tp: 0, fp: 0, fn: 0 },
    quotes: { tp: 0, fp: 0, fn: 0 },
    claims: { tp: 0, fp: 0, fn: 0 },
    roles: { tp: 0, fp: 0, fn: 0 },
  };
  readonly attribution: RateCount = { ok: 0, n: 0 };
  readonly directRecall: RateCount = { ok: 0, n: 0 };
  readonly indirectRecall: RateCount = { ok: 0, n: 0 };
  readonly claimKind: RateCount = { ok: 0, n: 0 };
  readonly moneyValue: RateCount = { ok: 0, n: 0 };
  readonly roleText: RateCount = { ok: 0, n: 0 };
  readonly cleaning: RateCount = { ok: 0, n: 0 };
  duplicates = 0;
  readonly misses: string[] = [];

  private add(category: ScoredCategory, tp: number, fp: number, fn: number): void {
    const c = this.counts[category];
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
  }

  /** One row per entity per document: a second row for a matched entity is a false positive. */
  scoreEntities(category: EntityCategory, gold: GoldDoc, rows: CsvRow[]): void {
    const goldEntities = gold[category] ?? [];
    const forms = goldEntities.map(nameForms);
    const optional = new Set((gold[OPTIONAL_FIELD[category]] ?? []).map(normaliseName));
    const hit: boolean[] = goldEntities.map(() => false);
    let tp = 0;
    let fp = 0;
    for (const row of rows) {
      const name = normaliseName(row.name);
      const j = forms.findIndex((set) => set.has(name));
      if (j >= 0) {
        if (hit[j]) {
          fp++;
          this.duplicates++;
          this.misses.push(`${gold.doc_id} ${category} duplicate: ${row.name}`);
        } else {
          hit[j] = true;
          tp++;
        }
      } else if (!optional.has(name)) {
        fp++;
        this.misses.push(`${gold.doc_id} ${category} spurious: ${row.name}`);
      }
    }
    hit.forEach((h, j) => {
      if (!h) this.misses.push(`${gold.doc_id} ${category} missed: ${goldEntities[j].name}`);
    });
    this.add(category, tp, fp, hit.filter((h) => !h).length);
  }

  /** Every predicted quote that matches a gold quote is a true positive; attribution is judged on the first. */
  scoreQuotes(gold: GoldDoc, rows: CsvRow[]): void {
    const goldQuotes = gold.quotes ?? [];
    const goldWords = goldQuotes.map((q) => wordTokens(q.text));
    const optionalWords = (gold.optional_quotes ?? []).map(wordTokens);
    const hit: boolean[] = goldQuotes.map(() => false);
    let tp = 0;
    let fp = 0;
    for (const row of rows) {
      const words = wordTokens(row.text);
      let matchedAny = false;
      goldQuotes.forEach((quote, j) => {
        if (!quoteMatches(words, goldWords[j])) return;
        matchedAny = true;
        if (hit[j]) return;
        hit[j] = true;
        this.attribution.n++;
        if (speakerMatches(row.speaker, quote, gold)) this.attribution.ok++;
        else
          this.misses.push(
            `${gold.doc_id} quote speaker wrong: "${row.speaker}" for "${quote.text.slice(0, 50)}" (gold ${quote.speaker})`,
          );
      });
      if (matchedAny) tp++;
      else if (!optionalWords.some((o) => quoteMatches(words, o) || quoteMatches(o, words))) {
        fp++;
        this.misses.push(`${gold.doc_id} quote spurious: "${String(row.text).slice(0, 70)}"`);
      }
    }
    goldQuotes.forEach((quote, j) => {
      const recall = quote.kind === 'indirect' ? this.indirectRecall : this.directRecall;
      recall.n++;
      if (hit[j]) recall.ok++;
      else this.misses.push(`${gold.doc_id} quote missed (${quote.kind}): "${quote.text.slice(0, 70)}"`);
    });
    this.add('quotes', tp, fp, hit.filter((h) => !h).length);
  }

  /** Kind and value are right when any of the predicted claims matching a gold claim has them right. */
  scoreClaims(gold: GoldDoc, rows: CsvRow[]): void {
    const goldClaims = gold.claims ?? [];
    const optional = (gold.optional_claims ?? []).map(normaliseName);
    const matchedRows: CsvRow[][] = goldClaims.map(() => []);
    let tp = 0;
    let fp = 0;
    for (const row of rows) {
      const text = normaliseName(row.text);
      const words = wordTokens(row.text);
      let matchedAny = false;
      goldClaims.forEach((claim, j) => {
        if (claimMatches(text, words, claim)) {
          matchedAny = true;
          matchedRows[j].push(row);
        }
      });
      if (matchedAny) tp++;
      else if (!optional.some((o) => o && text.includes(o))) {
        fp++;
        this.misses.push(`${gold.doc_id} claim spurious: "${String(row.text).slice(0, 70)}"`);
      }
    }
    goldClaims.forEach((claim, j) => {
      const matches = matchedRows[j];
      if (!matches.length) return;
      this.claimKind.n++;
      if (matches.some((r) => normaliseName(r.kind) === claim.kind)) this.claimKind.ok++;
      else this.misses.push(`${gold.doc_id} claim kind wrong: ${matches[0].kind} for ${claim.key} (gold ${claim.kind})`);
      if (claim.value != null) {
        this.moneyValue.n++;
        if (matches.some((r) => claimValue(r.value) === claim.value)) this.moneyValue.ok++;
        else
          this.misses.push(`${gold.doc_id} claim value wrong: ${matches[0].value} for ${claim.key} (gold ${claim.value})`);
      }
    });
    matchedRows.forEach((matches, j) => {
      if (!matches.length) this.misses.push(`${gold.doc_id} claim missed (${goldClaims[j].kind}): "${goldClaims[j].key}"`);
    });
    this.add('claims', tp, fp, matchedRows.filter((m) => !m.length).length);
  }

  /** Roles come from people rows that name a role or an organisation. */
  scoreRoles(gold: GoldDoc, peopleRows: CsvRow[]): void {
    const goldRoles = gold.roles ?? [];
    const organisations = (gold.organisations ?? []).map((o) => ({ name: normaliseName(o.name), forms: nameForms(o) }));
    const optionalRoles = gold.optional_roles ?? [];
    const hit: boolean[] = goldRoles.map(() => false);
    let tp = 0;
    let fp = 0;
    for (const row of peopleRows) {
      if (!row.organisation && !row.role) continue;
      let matchedAny = false;
      goldRoles.forEach((role, j) => {
        const personOk = normaliseName(row.name) === normaliseName(role.person) || surname(row.name) === surname(role.person);
        if (!personOk) return;
        const goldOrganisation = organisations.find((o) => o.name === normaliseName(role.organisation));
        const organisationOk =
          role.organisation == null
            ? true
            : goldOrganisation
              ? goldOrganisation.forms.has(normaliseName(row.organisation))
              : normaliseName(row.organisation) === normaliseName(role.organisation);
        if (!organisationOk) return;
        matchedAny = true;
        if (hit[j]) return;
        hit[j] = true;
        this.roleText.n++;
        const goldRoleWords = wordTokens(role.role);
        if (countSharedWords(wordTokens(row.role), goldRoleWords) / Math.max(1, goldRoleWords.length) >= 0.5) {
          this.roleText.ok++;
        }
      });
      if (matchedAny) tp++;
      else if (optionalRoles.some((x) => surname(x.person) === surname(row.name))) {
        // a borderline role: neither rewarded nor penalised
      } else if (row.organisation) {
        fp++;
        this.misses.push(`${gold.doc_id} role spurious: ${row.name} / ${row.role} / ${row.organisation}`);
      }
    }
    hit.forEach((h, j) => {
      if (!h) this.misses.push(`${gold.doc_id} role missed: ${goldRoles[j].person} @ ${goldRoles[j].organisation}`);
    });
    this.add('roles', tp, fp, hit.filter((h) => !h).length);
  }

  /** Title, where the body starts and ends, and no page furniture left in it. */
  scoreCleaning(gold: GoldDoc, extracted: { title?: unknown; text?: unknown } | undefined): void {
    const text = collapseWhitespace(extracted?.text);
    const checks: [string, boolean][] = [];
    if (gold.title != null) checks.push(['title', collapseWhitespace(extracted?.title) === collapseWhitespace(gold.title)]);
    checks.push(['body start', text.includes(collapseWhitespace(gold.body_first_words))]);
    checks.push(['body end', text.endsWith(collapseWhitespace(gold.body_last_words))]);
    for (const furniture of gold.boilerplate ?? []) {
      checks.push([`boilerplate "${furniture}"`, !text.includes(collapseWhitespace(furniture))]);
    }
    for (const [what, ok] of checks) {
      this.cleaning.n++;
      if (ok) this.cleaning.ok++;
      else this.misses.push(`${gold.doc_id} cleaning failed: ${what}`);
    }
  }
}

/** Documents of extraction.jsonl by doc_id; lines that are not JSON are skipped, a later line wins. */
function readExtraction(file: string): Map<string, { title?: unknown; text?: unknown }> {
  const docs = new Map<string, { title?: unknown; text?: unknown }>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const doc = JSON.parse(line);
      docs.set(doc.doc_id, doc);
    } catch {
      // a broken line shows up as failed cleaning checks for its document
    }
  }
  return docs;
}

const PREDICTION_FILES = ['organisations', 'places', 'people', 'quotes', 'claims'] as const;

/**
 * Scores the output folder `predDir` against the gold files of `goldDir`
 * (only the documents in `opts.docs`, when given).
 */
export function scoreOutput(goldDir: string, predDir: string, opts: { docs?: string[] } = {}): ScoreReport {
  return scoreGolds(readGoldDir(goldDir), predDir, opts);
}

/**
 * Scores the output folder `predDir` against gold documents already read
 * (only the documents in `opts.docs`, when given).
 */
export function scoreGolds(allGolds: readonly GoldDoc[], predDir: string, opts: { docs?: string[] } = {}): ScoreReport {
  const only = opts.docs?.length ? new Set(opts.docs) : null;
  const golds = allGolds.filter((g) => !only || only.has(g.doc_id));

  const tables = Object.fromEntries(PREDICTION_FILES.map((name) => [name, readCsvTable(predDir, `${name}.csv`)])) as Record<
    (typeof PREDICTION_FILES)[number],
    CsvTable
  >;
  const predicted = Object.fromEntries(
    PREDICTION_FILES.map((name) => [name, groupByDocId(tables[name].rows)]),
  ) as unknown as PredictedRows;
  const rowsOf = (name: keyof PredictedRows, docId: string): CsvRow[] => predicted[name].get(docId) ?? [];

  const scorer = new Scorer();
  for (const gold of golds) {
    scorer.scoreEntities('organisations', gold, rowsOf('organisations', gold.doc_id));
    scorer.scoreEntities('places', gold, rowsOf('places', gold.doc_id));
    scorer.scoreEntities('people', gold, rowsOf('people', gold.doc_id));
    scorer.scoreQuotes(gold, rowsOf('quotes', gold.doc_id));
    scorer.scoreClaims(gold, rowsOf('claims', gold.doc_id));
    scorer.scoreRoles(gold, rowsOf('people', gold.doc_id));
  }

  const extractionFile = path.join(predDir, 'extraction.jsonl');
  if (fs.existsSync(extractionFile)) {
    const extracted = readExtraction(extractionFile);
    for (const gold of golds) scorer.scoreCleaning(gold, extracted.get(gold.doc_id));
  } else {
    scorer.misses.push('extraction.jsonl missing');
  }

  const categories = Object.fromEntries(
    SCORED_CATEGORIES.map((c) => [c, categoryScore(scorer.counts[c])]),
  ) as Record<ScoredCategory, CategoryScore>;
  // Key order follows score.mjs so the two JSON reports read the same.
  return {
    docs: golds.length,
    missing_files: PREDICTION_FILES.filter((name) => tables[name].missing).map((name) => `${name}.csv`),
    ...categories,
    quote_attribution: rate(scorer.attribution),
    direct_quote_recall: rate(scorer.directRecall),
    indirect_quote_recall: rate(scorer.indirectRecall),
    claim_kind_accuracy: rate(scorer.claimKind),
    money_value_accuracy: rate(scorer.moneyValue),
    role_text_accuracy: rate(scorer.roleText),
    cleaning: rate(scorer.cleaning),
    duplicates: scorer.duplicates,
    macro_f1: SCORED_CATEGORIES.reduce((sum, c) => sum + categories[c].f1, 0) / SCORED_CATEGORIES.length,
    misses: scorer.misses,
  };
}

// ---------------------------------------------------------------------------
// Terminal output

const percent = (x: number | null): string => (x == null ? '-' : (100 * x).toFixed(1)).padStart(6);

/** What each rate is called in the terminal table (the HTML report capitalises them). */
export const RATE_LABELS: Record<RateName, string> = {
  quote_attribution: 'quote attribution',
  direct_quote_recall: 'direct quote recall',
  indirect_quote_recall: 'indirect quote recall',
  claim_kind_accuracy: 'claim kind accuracy',
  money_value_accuracy: 'money value accuracy',
  role_text_accuracy: 'role text accuracy',
  cleaning: 'cleaning',
};

/** The report as a table for a terminal, with the list of misses when asked. */
export function formatScore(report: ScoreReport, options: { misses: boolean } = { misses: false }): string {
  const lines: string[] = [];
  lines.push(`documents scored: ${report.docs}`);
  if (report.missing_files.length) lines.push(`missing files: ${report.missing_files.join(', ')}`);
  lines.push('');
  lines.push(`${'category'.padEnd(14)}${'P'.padStart(6)}${'R'.padStart(7)}${'F1'.padStart(7)}${'tp'.padStart(6)}${'fp'.padStart(5)}${'fn'.padStart(5)}`);
  for (const category of SCORED_CATEGORIES) {
    const s = report[category];
    lines.push(
      `${category.padEnd(14)}${percent(s.p)} ${percent(s.r)} ${percent(s.f1)}${String(s.tp).padStart(6)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}`,
    );
  }
  lines.push(`${'macro F1'.padEnd(14)}${''.padStart(14)} ${percent(report.macro_f1)}`);
  lines.push('');
  for (const name of RATE_NAMES) lines.push(`${RATE_LABELS[name].padEnd(22)}${percent(report[name])}`);
  lines.push(`${'duplicates'.padEnd(22)}${String(report.duplicates).padStart(6)}`);
  if (options.misses) {
    lines.push('');
    lines.push(report.misses.length ? `misses (${report.misses.length}):` : 'misses: none');
    for (const miss of report.misses) lines.push(`  ${miss}`);
  }
  return lines.join('\n');
}
