// Unit tests of the report's span nesting (src/report/spans.ts): nested spans, crossing
// spans split into properly nested pieces, ties, invalid spans, and escaping.

import { describe, expect, it } from 'vitest';
import { escapeHtml, renderSpans, type MarkupSpan } from '../src/report/spans.ts';

const span = (start: number, end: number, className: string, layer = 1, extra: Partial<MarkupSpan> = {}): MarkupSpan => ({
  start, end, className, layer, ...extra,
});

/** Every opening tag is closed in order: the HTML nests properly. */
function assertWellNested(html: string): void {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)span\b[^>]*>/g)) {
    if (match[1]) expect(stack.pop()).toBe('span');
    else stack.push('span');
  }
  expect(stack).toEqual([]);
}

/** The text with the tags taken out and entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('renderSpans', () => {
  it('returns the escaped text when there are no spans', () => {
    expect(renderSpans('a < b & c', []).html).toBe('a &lt; b &amp; c');
  });

  it('nests a span inside another', () => {
    const text = 'The council said it would save money.';
    const { html, split } = renderSpans(text, [span(17, 36, 'q', 2), span(4, 11, 'm', 1), span(0, 37, 'c', 3)]);
    expect(html).toBe('<span class="c">The <span class="m">council</span> said <span class="q">it would save money</span>.</span>');
    expect(split).toBe(0);
  });

  it('puts the higher layer outside when two spans cover the same range, whatever the input order', () => {
    const a = renderSpans('abc', [span(0, 3, 'm', 1), span(0, 3, 'c', 3), span(0, 3, 'q', 2)]).html;
    const b = renderSpans('abc', [span(0, 3, 'q', 2), span(0, 3, 'm', 1), span(0, 3, 'c', 3)]).html;
    expect(a).toBe('<span class="c"><span class="q"><span class="m">abc</span></span></span>');
    expect(b).toBe(a);
  });

  it('puts the longer span outside when two start together, and closes both at a shared end', () => {
    expect(renderSpans('abcdef', [span(0, 3, 'x'), span(0, 6, 'y')]).html).toBe('<span class="y"><span class="x">abc</span>def</span>');
    expect(renderSpans('abcdef', [span(3, 6, 'x'), span(0, 6, 'y')]).html).toBe('<span class="y">abc<span class="x">def</span></span>');
  });

  it('splits the inner span when two spans cross, marking the second piece `cont`', () => {
    // claim [0, 10) and quote [5, 15): the quote opens inside the claim and goes on past its end.
    const text = '0123456789abcde';
    const { html, split } = renderSpans(text, [
      span(5, 15, 'q', 2, { title: 'quote', attrs: { id: 'q1' }, prefixHtml: '<b>who</b>' }),
      span(0, 10, 'c', 3, { title: 'claim' }),
    ]);
    expect(html).toBe(
      '<span class="c" title="claim">01234<span class="q" title="quote" id="q1"><b>who</b>56789</span></span>' +
        '<span class="q cont" title="quote">abcde</span>',
    );
    expect(split).toBe(1);
    assertWellNested(html);
  });

  it('splits a span crossing several others and counts each split span once', () => {
    // a [0, 6), b [2, 8), c [4, 10): three spans, each crossing the next.
    const text = 'abcdefghij';
    const { html, split } = renderSpans(text, [span(0, 6, 'a'), span(2, 8, 'b'), span(4, 10, 'c')]);
    assertWellNested(html);
    expect(visibleText(html)).toBe(text);
    expect(html.match(/class="[abc]"/g)).toHaveLength(3); // one first piece per span
    expect(split).toBe(2);
    expect(html).toBe(
      '<span class="a">ab<span class="b">cd<span class="c">ef</span></span></span>' +
        '<span class="c cont"><span class="b cont">gh</span>ij</span>',
    );
  });

  it('keeps adjacent spans side by side', () => {
    expect(renderSpans('abcd', [span(2, 4, 'y'), span(0, 2, 'x')]).html).toBe('<span class="x">ab</span><span class="y">cd</span>');
  });

  it('skips empty spans, reversed spans and spans outside the text', () => {
    const { html, skipped } = renderSpans('abc', [span(1, 1, 'e'), span(2, 1, 'r'), span(-1, 2, 'n'), span(1, 9, 'o'), span(0.5, 2, 'f'), span(0, 3, 'ok')]);
    expect(html).toBe('<span class="ok">abc</span>');
    expect(skipped).toBe(5);
  });

  it('escapes the text inside and outside spans, so markup in an article is shown, not run', () => {
    const text = 'Hi <script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const img = text.indexOf('<img');
    const { html } = renderSpans(text, [span(3, text.indexOf(' &'), 'q'), span(img, text.length, 'm')]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toBe(
      'Hi <span class="q">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span> &amp; <span class="m">&lt;img src=x onerror=alert(1)&gt;</span>',
    );
    expect(visibleText(html)).toBe(text);
  });

  it('escapes titles, attribute values and class names, and drops attribute names that are not plain', () => {
    const { html } = renderSpans('abc', [
      span(0, 3, 'q" onmouseover="alert(1)', 1, {
        title: `"><script>alert('t')</script>`,
        attrs: { 'data-speaker': `O'Neil "the <b>boss</b>"`, 'onclick': 'alert(2)', 'x y': 'z', 'data-ok': '&' },
      }),
    ]);
    expect(html).toBe(
      '<span class="q&quot; onmouseover=&quot;alert(1)" title="&quot;&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"' +
        ' data-speaker="O&#39;Neil &quot;the &lt;b&gt;boss&lt;/b&gt;&quot;" onclick="alert(2)" data-ok="&amp;">abc</span>',
    );
  });

  it('replaces blank lines with the paragraph break, inside and outside spans', () => {
    const text = 'One.\n\nTwo "and\n\n\nthree".\nFour.';
    const { html } = renderSpans(text, [span(text.indexOf('and'), text.indexOf('three') + 5, 'q')], { paragraphBreak: '<br class="p">' });
    expect(html).toBe('One.<br class="p">Two &quot;<span class="q">and<br class="p">three</span>&quot;.\nFour.');
  });

  it('gives the same output for the same input (stable order for identical spans)', () => {
    const spans = [span(0, 4, 'a', 1, { title: '1' }), span(0, 4, 'b', 1, { title: '2' }), span(1, 3, 'c')];
    expect(renderSpans('abcd', spans).html).toBe(renderSpans('abcd', spans).html);
    expect(renderSpans('abcd', spans).html).toBe('<span class="a" title="1"><span class="b" title="2">a<span class="c">bc</span>d</span></span>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});
