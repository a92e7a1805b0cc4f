// The report in a real browser: the seeds (plus one article full of markup) are run
// through the pipeline, and report.html is loaded in headless Chromium, driven with
// puppeteer-core: with --gold tests/gold, its DOM after the page's script ran is
// checked against the run's CSV tables; without gold, at 1280 and at 400 px wide (a
// phone, touch), its charts, that nothing scrolls sideways and that a tap on a
// highlight shows its details. Screenshots are kept in the test's temp dir for a
// person to look at.
//
// Needs /usr/bin/chromium (Debian's `chromium` package; .ci/run installs it). Without it
// the browser tests are skipped, with the reason in their name.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let browser: Browser | undefined;

async function openPage(file: string, width: number): Promise<Page> {
  browser ??= await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--hide-scrollbars'] });
  const page = await browser.newPage();
  const phone = width <= 480;
  await page.setViewport({ width, height: phone ? 860 : 1400, isMobile: phone, hasTouch: phone });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

afterAll(async () => {
  await browser?.close();
});

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
    const page = await openPage(report, 1280);
    const html = await page.content();
    await page.screenshot({ path: screenshot });
    await page.close();
    const article = await openPage(articleCopy, 1280);
    await article.screenshot({ path: articleScreenshot });
    await article.close();
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
    // Quotes and claims on the same span are one highlight, with one label, that lists them all.
    const ids = (className: string, attribute: string) => firstPieces(all, className).flatMap((el) => (attr(el, attribute) ?? '').split(' '));
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(ids('q', 'data-quotes'))).toEqual(sorted(quotes.map((row) => row.quote_id)));
    expect(sorted(ids('c', 'data-claims'))).toEqual(sorted(claims.map((row) => row.claim_id)));
    const spanKeys = (rows: Record<string, string>[]) => new Set(rows.map((row) => `${row.doc_id}:${row.start}:${row.end}`)).size;
    expect(firstPieces(all, 'q')).toHaveLength(spanKeys(quotes));
    expect(firstPieces(all, 'c')).toHaveLength(spanKeys(claims));
    for (const claim of firstPieces(all, 'c')) {
      const labels = claim.childNodes.filter((child) => 'tagName' in child && hasClass(child, 'ck'));
      expect(labels, attr(claim, 'data-claims')).toHaveLength(1);
      const kinds = (attr(claim, 'data-claims') ?? '').split(' ').map((id) => claims.find((row) => row.claim_id === id)!.kind);
      expect(textOf(labels[0] as Element)).toBe([...new Set(kinds)].join(' · '));
      expect(hasClass(claim, `c-${kinds[0]}`)).toBe(true);
    }
    expect(claims.length, 'the seeds have two claims on one span').toBeGreaterThan(spanKeys(claims));
    for (const quote of firstPieces(all, 'q')) {
      const kind = quotes.find((row) => row.quote_id === (attr(quote, 'data-quotes') ?? '').split(' ')[0])!.kind;
      expect(hasClass(quote, `q-${kind}`)).toBe(true);
    }
    expect(firstPieces(all, 'm')).toHaveLength(mentions.length);
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
    expect(attr(quote!, 'data-d')).toContain('speaker: Michael Lee');
    // The quote crosses a claim that ends inside it, so it continues in a second piece.
    const pieces = all.filter((el) => hasClass(el, 'q') && attr(el, 'data-d') === attr(quote!, 'data-d'));
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

  describe.each([1280, 400])('without --gold, %i px wide', (width) => {
    const phone = width <= 480;
    let page: Page;
    let report: string;

    beforeAll(async () => {
      // Only extraction.jsonl is read: a folder holding just that is enough.
      const noGold = path.join(tempDir, `no-gold-${width}`);
      fs.mkdirSync(noGold, { recursive: true });
      fs.copyFileSync(path.join(outDir, 'extraction.jsonl'), path.join(noGold, 'extraction.jsonl'));
      const io = { out: () => {}, err: (t: string) => console.error(t) };
      expect(await runReport([noGold], io)).toBe(0);
      report = path.join(noGold, 'report.html');
      page = await openPage(report, width);
    }, 60_000);

    /** The page's width and how far it scrolls sideways. */
    const widths = () => page.evaluate(() => ({ viewport: innerWidth, scroll: document.documentElement.scrollWidth }));

    it('has no scores, and a chart for each table that says what the CSV tables say', async () => {
      expect(await page.$('#scores')).toBeNull();
      const charts = await page.$$eval('#overview figure.bc', (figures) =>
        figures.map((f) => ({
          id: f.id,
          rows: [...f.querySelectorAll('li')].map((li) => [li.querySelector('.bl')!.textContent, Number.parseInt(li.querySelector('.bv')!.textContent!, 10)]),
        })),
      );
      const byId = Object.fromEntries(charts.map((c) => [c.id.replace('chart-', ''), c.rows]));
      expect(Object.keys(byId)).toEqual(['speakers', 'claims', 'organisations', 'people', 'places', 'mentions', 'relations']);
      const speakers = csv('speakers.csv').filter((row) => row.type === 'person').slice(0, 10);
      expect(speakers.length).toBeGreaterThan(3);
      expect(byId.speakers).toEqual(speakers.map((row) => [row.speaker, Number(row.quotes)]));
      const entities = csv('entities.csv');
      for (const [chart, type] of [['organisations', 'organisation'], ['people', 'person'], ['places', 'place']]) {
        expect(byId[chart], chart).toEqual(entities.filter((row) => row.type === type).slice(0, 10).map((row) => [row.name, Number(row.articles)]));
      }
      const claims = csv('claims.csv');
      for (const [kind, count] of byId.claims) expect(count, String(kind)).toBe(claims.filter((row) => row.kind === kind).length);
      expect(byId.claims.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(claims.length);
      expect(Object.fromEntries(byId.mentions)).toEqual({
        Organisation: csv('mentions.csv').filter((row) => row.type === 'organisation').length,
        Place: csv('mentions.csv').filter((row) => row.type === 'place').length,
        Person: csv('mentions.csv').filter((row) => row.type === 'person').length,
      });
    });

    it('does not scroll sideways, with the contents open and every article open', async () => {
      expect(await widths()).toEqual({ viewport: width, scroll: width });
      const right = (selector: string) => page.$$eval(selector, (els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
      expect(await right('#toc table')).toBeLessThanOrEqual(width);
      expect(await right('#overview figure.bc')).toBeLessThanOrEqual(width);
      await (phone ? page.tap('#expand-all') : page.click('#expand-all'));
      expect(await widths()).toEqual({ viewport: width, scroll: width });
      await page.screenshot({ path: path.join(tempDir, `report-no-gold-${width}.png`) });
    }, 30_000);

    it(`shows a highlight's details, and those around it, on ${phone ? 'a tap' : 'a click'}; Escape or a ${phone ? 'tap' : 'click'} elsewhere hides them`, async () => {
      await page.evaluate(() => document.querySelectorAll('details.doc').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // Seed 001's quote attributed to Michael Lee: a direct quote, crossed by a claim.
      const quote = await page.evaluateHandle(() =>
        [...document.querySelectorAll('[data-doc-id="001_bd929f26a5ba1773"] .text .q:not(.cont)')].find((el) => el.getAttribute('data-d')!.includes('speaker: Michael Lee')),
      );
      const element = quote.asElement() as Awaited<ReturnType<Page['$']>>;
      expect(element, 'the quote is on the page').toBeTruthy();
      await element!.scrollIntoView();
      await (phone ? element!.tap() : element!.click());
      const shown = await page.evaluate(() => {
        const panel = document.getElementById('details')!;
        const box = panel.getBoundingClientRect();
        return { hidden: panel.hidden, headings: [...panel.querySelectorAll('h4')].map((h) => h.textContent), text: panel.innerText, left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      });
      expect(shown.hidden).toBe(false);
      expect(shown.headings[0]).toBe('Quote: direct');
      expect(shown.text).toContain('speaker Michael Lee');
      expect(shown.left).toBeGreaterThanOrEqual(0);
      expect(shown.right).toBeLessThanOrEqual(width);
      expect(shown.top).toBeGreaterThanOrEqual(0);
      expect(shown.bottom).toBeLessThanOrEqual(phone ? 860 : 1400);
      await page.screenshot({ path: path.join(tempDir, `report-details-${width}.png`) });
      expect(await widths()).toEqual({ viewport: width, scroll: width });

      await page.keyboard.press('Escape');
      expect(await page.$eval('#details', (el) => (el as HTMLElement).hidden)).toBe(true);
      // A claim inside the quote's sentence: the panel lists the claim, and the quote around it when there is one.
      const claim = await page.$('[data-doc-id="001_bd929f26a5ba1773"] .text .c');
      await claim!.scrollIntoView();
      await (phone ? claim!.tap() : claim!.click());
      expect(await page.$eval('#details h4', (h) => h.textContent)).toMatch(/^(Claim|Quote|Organisation|Place|Person): /);
      await (phone ? page.tap('h1') : page.click('h1'));
      expect(await page.$eval('#details', (el) => (el as HTMLElement).hidden)).toBe(true);
    }, 30_000);
  });
});
