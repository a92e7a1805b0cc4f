// The input side of the clean stage: bytes → text (decodeBytes) and HTML → article
// blocks with source offsets (extractHtml).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/readers/decode.ts';
import { blockText, extractHtml, type HtmlArticle } from '../src/readers/html.ts';

const ARTICLE = 'The council said the \u201cnew\u201d scheme would cost \u00a32m \u2013 up from \u00a31.5m last year.\nIt\u2019s due to open in May.';

/** Windows-1252 bytes for text using Latin-1 letters plus the curly quotes and dashes of 0x80–0x9F. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2014': 0x97, '\u20ac': 0x80 };
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    if (high[c] === undefined) throw new Error(`no windows-1252 byte for ${c}`);
    return high[c];
  }));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

const texts = (article: HtmlArticle): string[] => article.blocks.map(blockText);

describe('decodeBytes', () => {
  const encodings: [string, Uint8Array, string][] = [
    ['UTF-8', Buffer.from(ARTICLE, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)]), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(ARTICLE, 'utf16le'), 'utf-16le'],
    ['Windows-1252', windows1252(ARTICLE), 'windows-1252'],
  ];
  for (const [name, bytes, encoding] of encodings) {
    it(`decodes ${name} to the same text, BOM removed`, () => {
      expect(decodeBytes(bytes)).toEqual({ text: ARTICLE, encoding });
    });
  }

  it('maps Windows-1252 0x93/0x94 to curly quotes and 0xA3 to £', () => {
    expect(decodeBytes(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0xa3, 0x35])).text).toBe('\u201cA\u201d \u00a35');
  });

  it('follows an HTML meta charset for Windows-1252 pages', () => {
    const paragraph = ARTICLE.replace('\n', ' ');
    const page = (charsetMeta: string) => `<!doctype html><html><head>${charsetMeta}<title>Scheme</title></head><body><article><p>${paragraph}</p></article></body></html>`;
    for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">']) {
      const decoded = decodeBytes(windows1252(page(meta)), { fileName: 'story.html' });
      expect(decoded.encoding).toBe('windows-1252');
      expect(texts(extractHtml(decoded.text))).toEqual([paragraph]);
    }
  });

  it('uses a declared charset other than Windows-1252 when the bytes are not UTF-8', () => {
    // 0xA4 is € in ISO-8859-15 but ¤ in Windows-1252.
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-15"></head><body><p>Price: 5'), Buffer.from([0xa4]), Buffer.from('</p></body></html>')]);
    const decoded = decodeBytes(page, { fileName: 'price.html' });
    expect(decoded.encoding).toBe('iso-8859-15');
    expect(decoded.text).toContain('Price: 5\u20ac');
  });

  it('keeps UTF-8 with a stray bad byte as UTF-8, the byte replaced', () => {
    const damaged = Buffer.concat([Buffer.from(ARTICLE, 'utf8'), Buffer.from([0xe2, 0x80])]); // cut mid-character
    expect(decodeBytes(damaged)).toEqual({ text: `${ARTICLE}\ufffd`, encoding: 'utf-8', notes: ['1 invalid UTF-8 byte sequence replaced by U+FFFD'] });
  });

  it('gunzips gzip data first', () => {
    expect(decodeBytes(gzipSync(Buffer.from(ARTICLE, 'utf8')), { fileName: 'story.txt.gz' })).toEqual({ text: ARTICLE, encoding: 'utf-8' });
    expect(decodeBytes(gzipSync(windows1252(ARTICLE))).text).toBe(ARTICLE);
  });

  it('rejects binary and empty input with the reason', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(() => decodeBytes(png)).toThrow('binary file (NUL bytes)');
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)));
    expect(() => decodeBytes(controls)).toThrow('binary file (control characters)');
    expect(() => decodeBytes(new Uint8Array(0))).toThrow('empty file');
    expect(() => decodeBytes(Buffer.from(' \n\t\n'))).toThrow('empty file');
    expect(() => decodeBytes(gzipSync(Buffer.alloc(0)))).toThrow('empty file');
    expect(() => decodeBytes(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x01]))).toThrow(/corrupt gzip/);
  });

  it('rejects bytes that contradict their byte-order mark', () => {
    // A UTF-16LE BOM followed by a lone high surrogate.
    expect(() => decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]))).toThrow(/cannot decode as UTF-16LE/);
  });
});

// ---------------------------------------------------------------------------

const LONG_1 = 'The council approved the new bus depot on Tuesday, after a debate that lasted more than four hours and drew a crowd of residents.';
const LONG_2 = 'Opponents said the site, next to a primary school, was the wrong place for a depot that will run day and night, seven days a week.';
const LONG_3 = 'The leader of the council, Jane Smith, said the depot would bring 200 jobs and cut journey times across the borough by a fifth.';

function page(body: string, head = ''): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

const FURNITURE = `
<div class="cookie-banner"><p>We use cookies to improve your experience, as explained in our policy. By continuing, you agree to this.</p><button>Accept</button></div>
<header class="site-header"><a href="/">The Gazette</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
`;
const AFTER = `
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <span>Share this story with friends, family and colleagues.</span></div>
<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Bus fares to rise again in the spring, council says</a></li>
<li><a href="/b">New cycle lanes planned for the town centre next year</a></li></ul></section>
<div id="comments"><h3>Comments</h3><p>What a waste of money, they should have fixed the roads first, honestly, it is a disgrace.</p><p>Great news for the area, about time something was done about the buses here, well done.</p></div>
<footer><p>Copyright The Gazette 2024, all rights reserved. Registered in England, company number 12345.</p></footer>
`;

describe('extractHtml', () => {
  it('keeps the article paragraphs and drops navigation, cookie banner, share bar, related list, comments and footer', () => {
    const html = page(`${FURNITURE}<main><article><h1>Depot approved</h1><p>${LONG_1}</p><p>${LONG_2}</p><p>${LONG_3}</p></article>${AFTER}</main>`);
    const article = extractHtml(html);
    expect(texts(article)).toEqual([LONG_1, LONG_2, LONG_3]);
    expect(article.blocks.every((b) => !b.heading)).toBe(true);
  });

  it('keeps sub-headings and list items inside the article', () => {
    const html = page(`${FURNITURE}<article><h1>Depot approved</h1><p>${LONG_1}</p><h2>What happens next</h2><p>${LONG_2}</p>
      <ul><li>Building starts in March, once the contract is signed.</li><li>The first buses run from the depot in 2026.</li></ul><p>${LONG_3}</p></article>${AFTER}`);
    const article = extractHtml(html);
    expect(texts(article)).toEqual([
      LONG_1,
      'What happens next',
      LONG_2,
      'Building starts in March, once the contract is signed.',
      'The first buses run from the depot in 2026.',
      LONG_3,
    ]);
    expect(article.blocks.map((b) => b.heading)).toEqual([false, true, false, false, false, false]);
  });

  it('splits text in a bare <div> at double line breaks', () => {
    const html = page(`<div class="story">${LONG_1}<br><br>${LONG_2}<br>${LONG_3}</div><div class="sidebar"><a href="/x">Most read</a></div>`);
    expect(texts(extractHtml(html))).toEqual([LONG_1, `${LONG_2} ${LONG_3}`]);
  });

  describe('title', () => {
    const body = `<article><h1>Depot approved after four-hour debate</h1><p>${LONG_1}</p><p>${LONG_2}</p></article>`;
    it('prefers the article h1 when og:title and <title> only add the site name', () => {
      const head = '<title>Depot approved after four-hour debate | The Gazette</title><meta property="og:title" content="Depot approved after four-hour debate - The Gazette">';
      expect(extractHtml(page(body, head)).title).toBe('Depot approved after four-hour debate');
    });
    it('uses og:title when the h1 is something else', () => {
      const head = '<meta property="og:title" content="Council approves bus depot"><meta property="og:site_name" content="The Gazette">';
      const html = page(`<h1>The Gazette</h1><article><p>${LONG_1}</p><p>${LONG_2}</p></article>`, head);
      expect(extractHtml(html).title).toBe('Council approves bus depot');
    });
    it('falls back to the h1, then to <title> without its site suffix', () => {
      expect(extractHtml(page(body)).title).toBe('Depot approved after four-hour debate');
      const html = page(`<article><p>${LONG_1}</p><p>${LONG_2}</p></article>`, '<title>Council approves new bus depot | The Gazette</title>');
      expect(extractHtml(html).title).toBe('Council approves new bus depot');
    });
    it('leaves the headline out of the body blocks', () => {
      expect(texts(extractHtml(page(body)))).toEqual([LONG_1, LONG_2]);
    });
  });

  it('gives every piece its source range, and marks as exact the pieces that equal html.slice(rawStart, rawEnd)', () => {
    const html = page(`<article>\n<p>Fish &amp; chips cost &pound;5&nbsp;now,\n   said  the <a href="/o">owner</a>, &#8220;and that&#x2019;s fair&#8221;.</p>\r\n<p>${LONG_1}\n${LONG_2}</p>\n<p>${LONG_3}</p></article>`);
    const article = extractHtml(html);
    expect(texts(article)[0]).toBe('Fish & chips cost \u00a35 now, said the owner, \u201cand that\u2019s fair\u201d.');
    expect(texts(article)[1]).toBe(`${LONG_1} ${LONG_2}`);
    let verbatim = 0;
    for (const block of article.blocks) {
      for (const piece of block.pieces) {
        expect(piece.rawStart).toBeLessThanOrEqual(piece.rawEnd);
        if (piece.exact) {
          expect(html.slice(piece.rawStart, piece.rawEnd)).toBe(piece.text);
          verbatim++;
        } else expect(html.slice(piece.rawStart, piece.rawEnd)).not.toBe(piece.text);
      }
    }
    expect(verbatim).toBeGreaterThan(3);
    // An entity becomes a non-verbatim piece that covers exactly its reference.
    const amp = article.blocks[0].pieces.find((p) => p.text === '&');
    expect(amp && html.slice(amp.rawStart, amp.rawEnd)).toBe('&amp;');
    const pound = article.blocks[0].pieces.find((p) => p.text === '\u00a3');
    expect(pound && html.slice(pound.rawStart, pound.rawEnd)).toBe('&pound;');
    // Collapsed whitespace (a newline and spaces, one newline) is one space standing for its whole range.
    const collapsed = article.blocks[0].pieces.filter((p) => p.text === ' ' && !p.exact).map((p) => html.slice(p.rawStart, p.rawEnd));
    expect(collapsed).toEqual(expect.arrayContaining(['\n   ', '  ']));
    expect(article.blocks[1].pieces.some((p) => p.text === ' ' && !p.exact && html.slice(p.rawStart, p.rawEnd) === '\n')).toBe(true);
  });

  it('survives markup nested far deeper than any real page, keeping its text', () => {
    const depth = 20000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${LONG_1}</p>${'</div>'.repeat(depth)}<p>${'<b>'.repeat(depth)}${LONG_2}</p></body></html>`;
    expect(texts(extractHtml(html)).join(' ')).toContain(LONG_1);
  });

  it('returns no blocks for a page without text rather than throwing', () => {
    expect(extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>')).toEqual({ title: null, titleBlock: null, blocks: [] });
    expect(extractHtml('')).toEqual({ title: null, titleBlock: null, blocks: [] });
  });
});
