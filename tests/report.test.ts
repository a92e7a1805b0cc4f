// The report in a real browser: the seeds (plus one article full of markup) are run
// through the pipeline, `report --gold tests/gold` writes report.html, and headless
// Chromium loads it. The DOM it dumps after the page's scripts ran is checked against
// the run's CSV tables; a screenshot is kept in the test's temp dir for a person to look at.
//
// Needs /usr/bin/chromium (Debian's `chromium` package; .ci/run installs it). Without it
// the browser tests are skipped, with the reason in their name.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText, scoreOutput, SCORED_CATEGORIES, type ScoreReport } from '../src/eval/score.ts';
import { runReport } from '../src/report/command.ts';
import { runCli } from './helpers/run.ts';

const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SEEDS = path.join(REPO, 'seeds');
const GOLD = path.join(REPO, 'tests/gold');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const SKIP_REASON = `skipped: ${CHROMIUM} not found (install Debian's chromium package; .ci/run does)`;
if (!hasChromium) console.warn(`tests/report.test.ts: browser tests ${SKIP_REASON}`);

/** An article whose text, title, quote and claim carry markup that must be shown, not run. */
const INJECTION_ID = '900_injection';
const INJECTION = `Council <script>document.title="INJECTED"</script> warns of cuts

Blackburn with Darwen Council leader Cllr Jane Smith said: "The budget is tight <script>document.title='INJECTED'</script> and we will save £2m this year."

Manchester City Council said <img src=x onerror="document.title='INJECTED'"> that it would be the first council in England to close every library by 2030.
`;

// ---------------------------------------------------------------------------
// Chromium

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars',
];

/** Runs headless Chromium with a fresh profile; resolves with what it printed on stdout. */
function chromium(args: string[]): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-chromium-'));
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], { timeout: 30_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      fs.rmSync(profile, { recursive: true, force: true });
      if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

// ---------------------------------------------------------------------------
// Reading the dumped DOM (parse5)

type Element = T.Element;

function* elements(node: T.ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elements(child);
    }
  }
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const classes = (el: Element): string[] => (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
const hasClass = (el: Element, name: string): boolean => classes(el).includes(name);

/** The text of a node, leaving out the elements with one of the `skip` classes (badges, kind labels). */
function textOf(node: T.Node, skip: string[] = []): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if ('tagName' in node && skip.some((c) => hasClass(node, c))) return '';
  return 'childNodes' in node ? node.childNodes.map((child) => textOf(child, skip)).join('') : '';
}

/** Highlights in article text with this class, counting a span split in pieces once (its first piece). */
function firstPieces(within: Element[], className: string): Element[] {
  const texts = within.filter((el) => el.tagName === 'div' && hasClass(el, 'text'));
  return texts.flatMap((text) => [...elements(text)]).filter((el) => el.tagName === 'span' && hasClass(el, className) && !hasClass(el, 'cont'));
}

// ---------------------------------------------------------------------------

describe.skipIf(!hasChromium)(hasChromium ? 'report in Chromium' : `report in Chromium (${SKIP_REASON})`, () => {
  let tempDir: string;
  let outDir: string;
  let screenshot: string;
  let articleScreenshot: string;
  let dom: T.Document;
  let all: Element[];
  let score: ScoreReport;
  const csv = (name: string) => parseCsvText(fs.readFileSync(path.join(outDir, name), 'utf8')).rows;

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-extract-report-test-'));
    outDir = path.join(tempDir, 'output');
    const injection = path.join(tempDir, 'input', `${INJECTION_ID}.txt`);
    fs.mkdirSync(path.dirname(injection));
    fs.writeFileSync(injection, INJECTION);
    const run = await runCli(['extract', SEEDS, injection, '--out', outDir, '--quiet']);
    expect(run.code, run.stderr).toBe(0);

    const messages: string[] = [];
    const io = { out: (t: string) => void messages.push(t), err: (t: string) => void messages.push(t) };
    expect(await runReport([outDir, '--gold', GOLD], io), messages.join('\n')).toBe(0);
    score = scoreOutput(GOLD, outDir);

    const report = path.join(outDir, 'report.html');
    // A copy with seed 001 open and the rest hidden, to see an article in the screenshot
    // (the report itself opens with every article closed).
    const articleCopy = path.join(tempDir, 'report-article.html');
    fs.writeFileSync(
      articleCopy,
      fs.readFileSync(report, 'utf8')
        .replace('<details class="doc" id="doc-001_bd929f26a5ba1773"', '<details open class="doc" id="doc-001_bd929f26a5ba1773"')
        .replace('</head>', '<style>header.top,#scores,#toc,details.doc:not([open]){display:none}</style></head>'),
    );
    screenshot = path.join(tempDir, 'report.png');
    articleScreenshot = path.join(tempDir, 'report-article.png');
    const [html] = await Promise.all([
      chromium(['--dump-dom', pathToFileURL(report).href]),
      chromium([`--screenshot=${screenshot}`, '--window-size=1280,2000', pathToFileURL(report).href]),
      chromium([`--screenshot=${articleScreenshot}`, '--window-size=1280,2000', pathToFileURL(articleCopy).href]),
    ]);
    dom = parse(html);
    all = [...elements(dom)];
    console.log(`report test: screenshots ${screenshot} and ${articleScreenshot}`);
  }, 60_000);

  it('highlights one span per row of mentions.csv, quotes.csv and claims.csv, by type and kind', () => {
    const mentions = csv('mentions.csv');
    const quotes = csv('quotes.csv');
    const claims = csv('claims.csv');
    expect(mentions.length).toBeGreaterThan(40);
    const entityClass = { organisation: 'm-org', place: 'm-place', person: 'm-person' } as const;
    for (const [type, className] of Object.entries(entityClass)) {
      const rows = mentions.filter((row) => row.type === type).length;
      expect(rows, type).toBeGreaterThan(0);
      expect(firstPieces(all, className), type).toHaveLength(rows);
    }
    for (const kind of ['direct', 'indirect']) {
      expect(firstPieces(all, `q-${kind}`), kind).toHaveLength(quotes.filter((row) => row.kind === kind).length);
    }
    for (const kind of new Set(claims.map((row) => row.kind))) {
      expect(firstPieces(all, `c-${kind}`), kind).toHaveLength(claims.filter((row) => row.kind === kind).length);
    }
    // Totals, so no highlight of an unexpected type slips through.
    expect(firstPieces(all, 'm')).toHaveLength(mentions.length);
    expect(firstPieces(all, 'q')).toHaveLength(quotes.length);
    expect(firstPieces(all, 'c')).toHaveLength(claims.length);
  });

  it('shows the summary counts of the run', () => {
    const summary = all.find((el) => attr(el, 'id') === 'summary')!;
    const cards = Object.fromEntries(
      [...elements(summary)].filter((el) => hasClass(el, 'card')).map((card) => {
        const [key, value] = [...elements(card)].filter((el) => hasClass(el, 'k') || hasClass(el, 'v')).map((el) => textOf(el));
        return [key, Number(value)];
      }),
    );
    expect(cards).toEqual({
      Documents: csv('documents.csv').length,
      Organisations: csv('organisations.csv').length,
      Places: csv('places.csv').length,
      People: csv('people.csv').length,
      Quotes: csv('quotes.csv').length,
      Claims: csv('claims.csv').length,
    });
  });

  it('shows seed 001\'s quote "Our partnership with the NHS…" attributed to Michael Lee', () => {
    const article = all.find((el) => attr(el, 'data-doc-id') === '001_bd929f26a5ba1773')!;
    expect(article.tagName).toBe('details');
    const quote = firstPieces([article, ...elements(article)], 'q').find((el) => textOf(el, ['who', 'ck']).startsWith('Our partnership with the NHS'));
    expect(quote, 'the quote is highlighted').toBeDefined();
    expect(hasClass(quote!, 'q-direct')).toBe(true);
    const badge = quote!.childNodes[0] as Element;
    expect(hasClass(badge, 'who')).toBe(true);
    expect(textOf(badge)).toBe('Michael Lee');
    expect(attr(quote!, 'title')).toContain('speaker: Michael Lee');
    // The quote crosses a claim that ends inside it, so it continues in a second piece.
    const pieces = all.filter((el) => hasClass(el, 'q') && attr(el, 'title') === attr(quote!, 'title'));
    const whole = pieces.map((el) => textOf(el, ['who', 'ck'])).join('');
    expect(whole).toBe(csv('quotes.csv').find((row) => row.text.startsWith('Our partnership with the NHS'))!.text);
  });

  it('shows the precision/recall/F1 table and chart of --gold tests/gold', () => {
    const table = all.find((el) => attr(el, 'id') === 'f1-table');
    expect(table, 'F1 table').toBeDefined();
    const rows = [...elements(table!)].filter((el) => el.tagName === 'tr' && attr(el, 'data-category'));
    expect(rows.map((row) => attr(row, 'data-category'))).toEqual([...SCORED_CATEGORIES, 'macro']);
    for (const row of rows) {
      const category = attr(row, 'data-category')!;
      const f1 = textOf([...elements(row)].find((el) => hasClass(el, 'f1'))!);
      const expected = category === 'macro' ? score.macro_f1 : score[category as (typeof SCORED_CATEGORIES)[number]].f1;
      expect(f1, category).toBe((100 * expected).toFixed(1));
    }
    expect(all.filter((el) => el.tagName === 'rect' && hasClass(el, 'bar'))).toHaveLength(SCORED_CATEGORIES.length + 1);
    const misses = all.find((el) => attr(el, 'id') === 'misses');
    if (score.misses.length) expect(misses?.tagName).toBe('details');
  });

  it('shows markup in an article as text and never runs it', () => {
    // The page's own script ran (it shows the expand/collapse buttons), so scripts do run here...
    const tools = all.find((el) => attr(el, 'id') === 'tools')!;
    expect(attr(tools, 'hidden')).toBeUndefined();
    // ...but the article's did not: the title is the report's, and there is one script and no image.
    const title = all.find((el) => el.tagName === 'title')!;
    expect(textOf(title)).toBe('Extraction report: output');
    expect(all.filter((el) => el.tagName === 'script')).toHaveLength(1);
    expect(all.filter((el) => el.tagName === 'img')).toHaveLength(0);
    const article = all.find((el) => attr(el, 'data-doc-id') === INJECTION_ID)!;
    const text = textOf([...elements(article)].find((el) => hasClass(el, 'text'))!, ['who', 'ck']);
    expect(text).toContain(`"The budget is tight <script>document.title='INJECTED'</script> and we will save £2m this year."`);
    expect(text).toContain(`<img src=x onerror="document.title='INJECTED'">`);
    const heading = [...elements(article)].find((el) => hasClass(el, 't'))!;
    expect(textOf(heading)).toContain('Council <script>document.title="INJECTED"</script> warns of cuts');
  });

  it('keeps the articles closed and linked from the contents', () => {
    const articles = all.filter((el) => el.tagName === 'details' && hasClass(el, 'doc'));
    expect(articles).toHaveLength(csv('documents.csv').length);
    expect(articles.every((el) => attr(el, 'open') === undefined)).toBe(true);
    const links = [...elements(all.find((el) => attr(el, 'id') === 'toc')!)].filter((el) => el.tagName === 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(articles.map((el) => `#${attr(el, 'id')}`));
  });

  it('saves screenshots', () => {
    for (const file of [screenshot, articleScreenshot]) {
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
    }
  });
});
