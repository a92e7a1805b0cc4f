// PER / LOC / ORG on CoNLL-2003 test (eng.testb), exact spans, scored by
// ../shared/tools/conll.mjs:
//
//   npm run bench:ner [-- --model-only] [--split valid] [--keep <dir>]
//
//  - pipeline:    the whole pipeline (`tsx src/cli.ts extract`) over the test
//                 documents, its mentions.csv scored; documents per second;
//                 and the same output with a person's title left out of the
//                 mention (CoNLL's convention; the project's gold keeps it);
//  - model only:  the pipeline's clean and split stages and its wink tokens,
//                 then the NER model's spans written straight to a mentions.csv
//                 (what the tag stage gives once candidates.ts uses the model);
//  - compromise:  people() / places() / organizations() on each sentence;
//  - model alone: the model on the CoNLL sentences of valid.txt and test.txt
//                 (CoNLL's own tokens, and wink's), no pipeline around it,
//                 so the pipeline's integration loss is visible; tokens per second;
//                 and on Title Case copies of valid sentences put as headings;
//  - the anchor:  Illinois NER's published test figure (Ratinov & Roth 2009).
//
// --model-only skips the (slow) full pipeline run. --split valid scores the
// pipeline and "model only" on valid.txt (eng.testa) instead of test.txt, for
// work on the tagger (test.txt is for final figures). --keep <dir> keeps the
// documents and every mentions.csv there. Skips, exit 0, when ../shared is absent.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { newDoc } from '../src/model.ts';
import { readInputs, resolveInputs } from '../src/readers/inputs.ts';
import { cleanStage } from '../pipeline/01-clean/index.ts';
import { splitStage } from '../pipeline/02-split/index.ts';
import { modelInput, tokenise, tokensBySentence } from '../pipeline/03-tag/tokens.ts';
import { loadNerModel, tagsToSpans, type NerModel, type NerTag } from '../pipeline/03-tag/ner-model/index.ts';
import { gluedOf, readConll, scoreHeadings, scoreTags, titleCaseHeadings, winkTokenised, type ConllDoc, type Scores } from '../pipeline/03-tag/ner-model/conll.ts';
import { rng } from '../pipeline/03-tag/ner-model/perceptron.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const corpus = path.join(shared, 'corpora/conll2003');
const tool = path.join(shared, 'tools/conll.mjs');
const { values: opt } = parseArgs({ options: { 'model-only': { type: 'boolean', default: false }, split: { type: 'string', default: 'test' }, keep: { type: 'string' } } });
if (opt.split !== 'test' && opt.split !== 'valid') {
  console.error('--split is test or valid');
  process.exit(2);
}

if (!fs.existsSync(tool) || !fs.existsSync(path.join(corpus, 'test.txt'))) {
  console.log(`bench:ner skipped: ${shared} is absent (needs tools/conll.mjs and corpora/conll2003/{valid,test}.txt)`);
  process.exit(0);
}

const work = opt.keep ? path.resolve(opt.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ner-'));
fs.mkdirSync(work, { recursive: true });
const testFile = path.join(corpus, `${opt.split}.txt`);
const docsFile = path.join(work, `conll-${opt.split}.jsonl`);
execFileSync(process.execPath, [tool, 'docs', '--conll', testFile, '--out', docsFile], { stdio: 'ignore' });
const docCount = fs.readFileSync(docsFile, 'utf8').split('\n').filter(Boolean).length;

const score = (mentions: string): Scores => JSON.parse(execFileSync(process.execPath, [tool, 'score', '--conll', testFile, '--mentions', mentions, '--json'], { encoding: 'utf8' })) as Scores;

const csvCell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const TYPE_NAME = { PER: 'person', LOC: 'place', ORG: 'organisation' } as const;
interface Row {
  docId: string;
  type: 'person' | 'place' | 'organisation';
  text: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  sentence: number;
  rule: string;
}
/** mentions.csv with the pipeline's columns; one entity per (type, text) within a document. */
function writeMentions(file: string, rows: Row[]): void {
  const lines = ['doc_id,entity_id,type,text,start,end,raw_start,raw_end,sentence,rule'];
  const slug = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  for (const r of rows) {
    const entity = `${r.type === 'organisation' ? 'org' : r.type}-${slug(r.text)}`;
    lines.push([r.docId, entity, r.type, r.text, r.start, r.end, r.rawStart, r.rawEnd, r.sentence, r.rule].map(csvCell).join(','));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

const results: Array<{ name: string; scores: Scores; note: string }> = [];

// --- the whole pipeline ---------------------------------------------------------
if (!opt['model-only']) {
  const out = path.join(work, 'pipeline');
  const t = performance.now();
  const log = execFileSync('npx', ['tsx', 'src/cli.ts', 'extract', docsFile, '--out', out, '--quiet'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wall = (performance.now() - t) / 1000;
  const inner = Number(/documents\s+\d+ .* in ([\d.]+) s/.exec(log)?.[1] ?? NaN);
  results.push({ name: 'pipeline (news-extract)', scores: score(path.join(out, 'mentions.csv')), note: `${(docCount / inner).toFixed(1)} docs/s (${inner.toFixed(1)} s in the run, ${wall.toFixed(1)} s with start-up)` });
  // The same output under CoNLL's convention for people: a person's mention keeps the title or post written before
  // the name ("President Boris Yeltsin", as this project's gold names people), which CoNLL leaves out of the name.
  const titlesOut = path.join(work, 'pipeline-titles-out-mentions.csv');
  writeMentions(titlesOut, mentionsWithoutTitles(path.join(out, 'extraction.jsonl')));
  results.push({ name: 'pipeline, titles left out (CoNLL way)', scores: score(titlesOut), note: 'the row above, a title before a person\'s name left out of the mention' });
}

/** The pipeline's mentions from extraction.jsonl, a person's title left out of the mention (the name is the mention's end). */
function mentionsWithoutTitles(file: string): Row[] {
  type Mention = { type: Row['type']; text: string; title: string | null; start: number; end: number; raw_start: number; raw_end: number; sentence: number; rule: string };
  const rows: Row[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { doc_id: docId, mentions } = JSON.parse(line) as { doc_id: string; mentions: Mention[] };
    for (const m of mentions) {
      const cut = m.type === 'person' && m.title && m.text.startsWith(m.title) ? m.text.length - m.text.slice(m.title.length).trimStart().length : 0;
      rows.push({ docId, type: m.type, text: m.text.slice(cut), start: m.start + cut, end: m.end, rawStart: m.raw_start + cut, rawEnd: m.raw_end, sentence: m.sentence, rule: m.rule });
    }
  }
  return rows;
}

// --- the model over the pipeline's own sentences and tokens ---------------------------
const model: NerModel = loadNerModel();
{
  const clean = cleanStage.create(), split = splitStage.create();
  const rows: Row[] = [];
  const headingRows = new Set<Row>();
  let tokenCount = 0, tagTime = 0;
  const t = performance.now();
  for await (const input of readInputs(resolveInputs([docsFile]))) {
    const doc = newDoc(input);
    clean(doc);
    split(doc);
    const layer = tokenise(doc);
    const bySentence = tokensBySentence(layer);
    tokenCount += layer.tokens.length;
    const t0 = performance.now();
    const { words, glued } = modelInput(bySentence);
    const spans = model.spansDocument(words, glued);
    tagTime += performance.now() - t0;
    spans.forEach((ss, s) => {
      for (const sp of ss) {
        if (sp.type === 'MISC') continue;
        const start = bySentence[s][sp.start].start, end = bySentence[s][sp.end - 1].end;
        const row: Row = { docId: doc.docId, type: TYPE_NAME[sp.type], text: doc.text.slice(start, end), start, end, rawStart: doc.offsets.toRawStart(start), rawEnd: doc.offsets.toRawEnd(end), sentence: s, rule: `ner:${sp.type}` };
        rows.push(row);
        if (doc.paragraphs[doc.sentences[s].paragraph]?.heading) headingRows.add(row);
      }
    });
  }
  const all = (performance.now() - t) / 1000;
  const file = path.join(work, 'model-only-mentions.csv');
  writeMentions(file, rows);
  results.push({ name: 'model only (pipeline tokens)', scores: score(file), note: `clean+split+tokens+model ${(docCount / all).toFixed(1)} docs/s; the model alone ${Math.round(tokenCount / (tagTime / 1000)).toLocaleString('en')} tokens/s` });
  // What skipping heading sentences (as candidates.ts does today) would cost on CoNLL, where
  // bylines, datelines and sports tables are short lines without a full stop.
  const noHeadings = path.join(work, 'model-only-no-headings-mentions.csv');
  writeMentions(noHeadings, rows.filter((r) => !headingRows.has(r)));
  results.push({ name: 'model only, headings skipped', scores: score(noHeadings), note: `${headingRows.size} of ${rows.length} mentions are in heading sentences` });
}

// --- compromise on each sentence ---------------------------------------------------
if (opt.split === 'test') {
  type Term = { text: string; offset: { start: number; length: number } };
  type Match = { terms: Term[] };
  const rows: Row[] = [];
  const t = performance.now();
  for (const line of fs.readFileSync(docsFile, 'utf8').split('\n').filter(Boolean)) {
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    let at = 0;
    text.split('\n').forEach((sentence, s) => {
      const parsed = nlp(sentence);
      const found: Array<[Match[], Row['type']]> = [
        [parsed.people().out('offset') as Match[], 'person'],
        [parsed.places().out('offset') as Match[], 'place'],
        [parsed.organizations().out('offset') as Match[], 'organisation'],
      ];
      for (const [matches, type] of found) {
        for (const m of matches) {
          // Leave out terms that are only punctuation (CoNLL puts spaces around it).
          const terms = m.terms.filter((x) => /[\p{L}\p{N}]/u.test(x.text));
          if (!terms.length) continue;
          const start = at + terms[0].offset.start, end = at + terms[terms.length - 1].offset.start + terms[terms.length - 1].offset.length;
          rows.push({ docId: id, type, text: text.slice(start, end), start, end, rawStart: start, rawEnd: end, sentence: s, rule: `compromise:${type}` });
        }
      }
      at += sentence.length + 1;
    });
  }
  const file = path.join(work, 'compromise-mentions.csv');
  writeMentions(file, rows);
  results.push({ name: 'compromise (per sentence)', scores: score(file), note: `${(docCount / ((performance.now() - t) / 1000)).toFixed(1)} docs/s` });
}

// --- the model alone on CoNLL sentences ---------------------------------------------
function alone(name: string, docs: ConllDoc[], note = '') {
  const byDoc = docs.map((d) => model.tagDocument(d.sentences.map((s) => s.words), d.sentences.map(gluedOf)));
  results.push({ name: `${name}, tagDocument`, scores: scoreTags(docs, byDoc), note });
  const bySentence: NerTag[][][] = docs.map((d) => d.sentences.map((s) => model.tag(s.words, gluedOf(s))));
  results.push({ name: `${name}, tag`, scores: scoreTags(docs, bySentence), note: '' });
}
const validDocs = readConll(path.join(corpus, 'valid.txt'));
alone('alone: valid, CoNLL tokens', validDocs);
alone('alone: valid, wink tokens', winkTokenised(validDocs));
// Web pages' Title Case headings: each valid document headed by a Title Case copy of one of its
// sentences (as train:ner makes them, with its seed), the headings alone scored.
{
  const titled = titleCaseHeadings(winkTokenised(validDocs), 1, rng(2003 ^ 0x7171e));
  const pred = titled.map((d) => model.tagDocument(d.sentences.map((s) => s.words), d.sentences.map(gluedOf)));
  const spans = pred.reduce((n, p) => n + tagsToSpans(p[0]).length, 0);
  results.push({ name: 'alone: valid Title Case headings', scores: scoreHeadings(titled, pred), note: `${spans} spans in ${titled.length} headings` });
}
if (opt.split === 'test') {
  const testDocs = readConll(testFile);
  alone('alone: test, CoNLL tokens', testDocs);
  const testWink = winkTokenised(testDocs);
  // Speed: tag() sentence by sentence over test (wink tokens), after a warm-up pass.
  const sentences = testWink.flatMap((d) => d.sentences);
  const tokens = sentences.reduce((n, s) => n + s.words.length, 0);
  const glue = sentences.map(gluedOf);
  for (const [i, s] of sentences.entries()) model.tag(s.words, glue[i]);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    for (const [i, s] of sentences.entries()) model.tag(s.words, glue[i]);
    best = Math.min(best, performance.now() - t);
  }
  alone('alone: test, wink tokens', testWink, `tag(): ${Math.round(tokens / (best / 1000)).toLocaleString('en')} tokens/s`);
}

// --- report ----------------------------------------------------------------
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const cell = (s: Scores[keyof Scores]) => `${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`;
console.log(`CoNLL-2003 ${opt.split} (pipeline and model only): ${docCount} documents; PER / LOC / ORG exact spans (MISC not scored); P R F1 in %\n`);
console.log(`${''.padEnd(38)}${'PER'.padEnd(19)}${'LOC'.padEnd(19)}${'ORG'.padEnd(19)}${'all'.padEnd(19)}`);
for (const r of results) console.log(`${r.name.padEnd(38)}${cell(r.scores.PER)}  ${cell(r.scores.LOC)}  ${cell(r.scores.ORG)}  ${cell(r.scores.all)}  ${r.note}`);
// The anchor: an averaged perceptron with word clusters, non-local features and gazetteers
// (Ratinov & Roth 2009, "Design challenges and misconceptions in named entity recognition"),
// on CoNLL tokens; the paper gives the overall test figure only.
if (opt.split === 'test') console.log(`${'Illinois NER (published, CoNLL tokens)'.padEnd(38)}${'-'.padStart(17)}  ${'-'.padStart(17)}  ${'-'.padStart(17)}  ${'-'.padStart(5)} ${'-'.padStart(5)} ${pct(0.908)}  Ratinov & Roth 2009, test F1 90.8 (per type not published)`);
console.log(`\nmodel: ${JSON.stringify(model.meta)}`);
console.log(opt.keep ? `files kept in ${work}` : '');
if (!opt.keep) fs.rmSync(work, { recursive: true, force: true });
