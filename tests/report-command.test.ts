// The `report` command without a browser: what report.html holds for small hand-made
// output folders (summary, failed documents, --max-docs, --gold), that it is
// self-contained and stable, and its usage errors.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../src/report/command.ts';
import type { Extraction } from '../pipeline/05-export/extraction.ts';

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'report-command-test-'));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

let folders = 0;

/** An output folder holding only extraction.jsonl with these lines (objects or raw text). */
function outputFolder(lines: (object | string)[], name = `out${++folders}`): string {
  const dir = path.join(tempRoot, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'extraction.jsonl'), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return dir;
}

async function report(args: string[]): Promise<{ code: number; out: string; err: string; html: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReport(args, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  const file = args[0] && !args[0].startsWith('-') ? path.join(args[0], 'report.html') : '';
  const html = code === 0 && file ? fs.readFileSync(file, 'utf8') : '';
  return { code, out: out.join('\n'), err: err.join('\n'), html };
}

const NO_FIELDS = { url: null, date: null, publisher: null, author: null, category: null };
const at = (start: number, end: number) => ({ start, end, raw_start: start, raw_end: end });

function article(id: string, extra: Partial<Extraction> = {}): Extraction {
  const text = 'Acme Ltd said profits rose 5% in Leeds.';
  return {
    schema_version: 1,
    doc_id: id,
    source: `${id}.txt`,
    status: 'ok',
    error: null,
    format: 'text',
    encoding: 'utf-8',
    title: `Title of ${id}`,
    input_fields: NO_FIELDS,
    text,
    paragraphs: [{ start: 0, end: text.length, heading: false }],
    sentences: [[0, text.length]],
    entities: [
      { entity_id: 'org-acme-ltd', type: 'organisation', name: 'Acme Ltd', aliases: [], mentions: 1, kind: null, role: null, organisation: null, organisation_id: null },
      { entity_id: 'place-leeds', type: 'place', name: 'Leeds', aliases: [], mentions: 1, kind: null, role: null, organisation: null, organisation_id: null },
    ],
    mentions: [
      { ...at(0, 8), type: 'organisation', text: 'Acme Ltd', title: null, entity_id: 'org-acme-ltd', sentence: 0, rule: 'org:suffix' },
      { ...at(33, 38), type: 'place', text: 'Leeds', title: null, entity_id: 'place-leeds', sentence: 0, rule: 'place:gazetteer' },
    ],
    values: [],
    quotes: [{ quote_id: 'Q-1', kind: 'indirect', ...at(14, 38), text: 'profits rose 5% in Leeds', speaker: 'Acme Ltd', speaker_entity_id: 'org-acme-ltd', cue: 'said', sentence: 0, rule: 'quote:reported' }],
    claims: [{ claim_id: 'C-1', kind: 'quantity', ...at(0, 38), text: 'Acme Ltd said profits rose 5% in Leeds', value: 5, unit: 'percent', source: 'Acme Ltd', hedge: null, qualifier: null, date: null, sentence: 0, rule: 'claim:quantity' }],
    relations: [],
    messages: [],
    ...extra,
  };
}

const failed = (id: string, error: string): Extraction => ({
  ...article(id),
  source: `${id}.html`, status: 'failed', error, title: null, text: null, paragraphs: [], sentences: [], entities: [], mentions: [], quotes: [], claims: [],
  messages: [{ severity: 'fatal', stage: 'read', reason: error }],
});

describe('report command', () => {
  it('writes report.html with the run summary, the articles and their rows', async () => {
    const dir = outputFolder([article('a1'), failed('bad1', 'binary file <not text>'), article('a2')]);
    const r = await report([dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`report written to ${path.join(dir, 'report.html')}`);
    expect(r.html).toMatch(/<div class="k">Documents<\/div><div class="v">3<\/div><div class="d">2 ok, 1 failed<\/div>/);
    expect(r.html).toMatch(/<div class="k">Organisations<\/div><div class="v">2<\/div>/);
    expect(r.html).toMatch(/<div class="k">Quotes<\/div><div class="v">2<\/div><div class="d">0 direct, 2 indirect<\/div>/);
    // At a glance, without gold: claims by kind, the most-reported organisations and the mentions by type.
    expect(r.html).toContain('<section id="overview">');
    expect(r.html).toMatch(/<figure class="bc" id="chart-claims">.*?<li><span class="bl" title="quantity">quantity<\/span><span class="bt"><span class="b bar-claim kc-quantity" style="width:100.00%" title="claims: 2"><\/span><\/span><span class="bv">2<\/span><\/li><\/ol>/);
    expect(r.html).toMatch(/<figure class="bc" id="chart-organisations">.*?<span class="bl" title="Acme Ltd">Acme Ltd<\/span>.*?<span class="bv">2<\/span>/);
    expect(r.html).toMatch(/<figure class="bc" id="chart-speakers">.*?None in this run/);
    // Every document has a closed section; the failed one says why, escaped.
    expect(r.html.match(/<details class="doc[ "]/g)).toHaveLength(3);
    expect(r.html).toContain('<section id="failed"><h2>Failed documents (1)</h2>');
    expect(r.html).toContain('binary file &lt;not text&gt;');
    // The highlights nest: claim > quote > mention, with the speaker badge and tooltips.
    expect(r.html).toContain(
      '<span class="c c-quantity" data-d="Claim: quantity\nvalue: 5\nunit: percent\nhedge: none\nsource: Acme Ltd\nrule: claim:quantity" id="doc-a1:c1" tabindex="0" data-claims="C-1"><span class="ck">quantity</span>' +
        '<span class="m m-org" data-d="Organisation: Acme Ltd\nrule: org:suffix" tabindex="0">Acme Ltd</span> said ' +
        '<span class="q q-indirect" data-d="Quote: indirect\nspeaker: Acme Ltd (org-acme-ltd)\ncue: said\nrule: quote:reported" id="doc-a1:q1" tabindex="0" data-quotes="Q-1"><span class="who">Acme Ltd</span>profits rose 5% in ' +
        '<span class="m m-place" data-d="Place: Leeds\nrule: place:gazetteer" tabindex="0">Leeds</span></span></span>.',
    );
    expect(r.html).toContain('<h3>Entities (2)</h3>');
    expect(r.html).toContain('<h3>Quotes (1)</h3>');
    expect(r.html).toContain('<h3>Claims (1)</h3>');
    // No gold: no scores.
    expect(r.html).not.toContain('id="scores"');
    expect(r.html).not.toContain('id="truncated"');
  });

  it('gives claims on the same span one highlight with one label, and details for each', async () => {
    const base = article('a1').claims[0];
    const claims = [base, { ...base, claim_id: 'C-1-2' }, { ...base, claim_id: 'C-2', kind: 'forecast' as const, value: null, unit: null, date: 'next year' }];
    const { html } = await report([outputFolder([article('a1', { claims })])]);
    expect(html.match(/<span class="ck">/g)).toHaveLength(1);
    expect(html).toContain('id="doc-a1:c1" tabindex="0" data-claims="C-1 C-1-2 C-2"><span class="ck">quantity · forecast</span>');
    expect(html).toMatch(/data-d="Claim: quantity\n[^"]*\n\nClaim: quantity\n[^"]*\n\nClaim: forecast\nhedge: none\nsource: Acme Ltd\ndate: next year\nrule: claim:quantity"/);
    // Every row of the article's claims table links to that one highlight.
    expect(html.match(/<a href="#doc-a1:c1">/g)).toHaveLength(3);
  });

  it('is self-contained: nothing fetched, links only within the page, scripts limited by a Content Security Policy', async () => {
    const { html } = await report([outputFolder([article('a1'), article('a2')])]);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html).not.toMatch(/\bsrc=/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href.startsWith('#')).toBe(true);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('gives byte-identical output for the same run (no timestamps)', async () => {
    const lines = [article('a1'), failed('f', 'empty'), article('a2')];
    const first = await report([outputFolder(lines, 'same-a')]);
    const firstHtml = first.html;
    const second = await report([outputFolder(lines, 'same-b')]);
    expect(second.html.replaceAll('same-b', 'same-a')).toBe(firstHtml);
    expect(firstHtml).not.toMatch(/\b20\d\d-\d\d-\d\d/);
  });

  it('shows at most --max-docs articles, with a note, while the summary counts them all', async () => {
    const dir = outputFolder(Array.from({ length: 7 }, (_, i) => article(`doc${i}`)));
    const r = await report([dir, '--max-docs', '3']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('(3 of 7 documents shown)');
    expect(r.html.match(/<details class="doc[ "]/g)).toHaveLength(3);
    expect(r.html).toContain('<p class="note" id="truncated">Showing the first 3 of 7 documents (--max-docs 3); the summary counts all of them.</p>');
    expect(r.html).toMatch(/<div class="k">Documents<\/div><div class="v">7<\/div>/);
    expect(r.html).toContain('id="doc-doc2"');
    expect(r.html).not.toContain('id="doc-doc3"');
    // Default: 500.
    const all = await report([dir]);
    expect(all.html.match(/<details class="doc[ "]/g)).toHaveLength(7);
  });

  it('stays small per article on a large run', async () => {
    const dir = outputFolder(Array.from({ length: 600 }, (_, i) => article(`doc${i}`)));
    const r = await report([dir]);
    expect(r.html.match(/<details class="doc[ "]/g)).toHaveLength(500);
    expect(r.html).toContain('Showing the first 500 of 600 documents');
    expect(r.html.length / 500).toBeLessThan(6000);
    // Long runs start with the contents closed.
    expect(r.html).toContain('<details class="tocbox"><summary><h2>Contents (500 articles)</h2>');
  });

  it('scores against --gold and shows the F1 table, the chart and the misses', async () => {
    const dir = outputFolder([article('a1')]);
    const r = await report([dir, '--gold', path.join(REPO, 'tests/gold')]);
    expect(r.code, r.err).toBe(0);
    expect(r.html).toContain('<table id="f1-table">');
    expect(r.html.match(/<rect class="bar"/g)).toHaveLength(7);
    expect(r.html).toMatch(/<details class="misses" id="misses"><summary>Misses \(\d+\)<\/summary>/);
    // None of the gold documents is in this run: the page says so.
    expect(r.html).toContain('5 of the 5 gold documents are not in this run');
  });

  it('reports spans outside the text and unreadable lines instead of failing', async () => {
    const broken = article('a1', {
      mentions: [{ ...at(30, 999), type: 'place', text: 'x', title: null, entity_id: 'place-x', sentence: 0, rule: 'r' }],
      quotes: [],
      claims: [],
    });
    const r = await report([outputFolder([broken, '{not json', '{"no_id": 1}'])]);
    expect(r.code, r.err).toBe(0);
    expect(r.html).toContain('1 span outside the text not shown.');
    expect(r.html).toContain('2 lines of extraction.jsonl could not be read (line 2, 3).');
  });

  it('exits 2 with the usage on a usage error', async () => {
    const dir = outputFolder([article('a1')]);
    const empty = path.join(tempRoot, 'empty-gold');
    fs.mkdirSync(empty, { recursive: true });
    for (const args of [[], [dir, dir], [path.join(tempRoot, 'nope')], [empty], [dir, '--max-docs', 'ten'], [dir, '--gold', empty], [dir, '--colour']]) {
      const r = await report(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('usage: report <output dir>');
    }
    const help = await report(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--max-docs <N>');
  });
});
