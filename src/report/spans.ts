// Turns a text and a set of possibly overlapping stand-off spans into properly nested
// HTML. Spans come from independent extractors (mentions, quotes, claims), so they can
// nest (a mention inside a quote inside a claim) or cross (a claim that ends in the
// middle of a quote). HTML elements can only nest, so a span that crosses the end of an
// enclosing one is split: the inner element is closed with the outer one and reopened
// right after it, and the second piece carries the class `cont` so that counting the
// elements without `cont` counts each span once.

/** Escapes text for element content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export interface MarkupSpan {
  start: number;
  end: number;
  /** Which span wraps which when two cover the same range: the higher layer is outside. */
  layer: number;
  className: string;
  /** Tooltip, repeated on every piece of a split span. */
  title?: string;
  /** What the page shows when the span is clicked or tapped (`data-d`), repeated on every piece. */
  details?: string;
  /** Attributes of the first piece only (an id, data-* fields); values are escaped here. */
  attrs?: Record<string, string>;
  /** HTML put just inside the first piece (a speaker badge); the caller escapes it. */
  prefixHtml?: string;
}

export interface RenderedText {
  html: string;
  /** Spans left out because they were empty or outside the text. */
  skipped: number;
  /** Spans that had to be split because they crossed another. */
  split: number;
}

export interface RenderOptions {
  /** HTML that replaces each run of blank lines (two or more newlines), e.g. a spacer element. */
  paragraphBreak?: string;
}

interface OpenSpan {
  span: MarkupSpan;
  /** Position in the sorted order: breaks every remaining tie, so output is stable. */
  rank: number;
  pieces: number;
}

/** Outer first: earlier start, then later end, then higher layer. */
function compareOuterFirst(a: MarkupSpan, b: MarkupSpan): number {
  return a.start - b.start || b.end - a.end || b.layer - a.layer;
}

function openTag(open: OpenSpan): string {
  const { span } = open;
  const continued = open.pieces > 0;
  let tag = `<span class="${escapeHtml(continued ? `${span.className} cont` : span.className)}"`;
  if (span.title) tag += ` title="${escapeHtml(span.title)}"`;
  if (span.details) tag += ` data-d="${escapeHtml(span.details)}"`;
  if (!continued && span.attrs) {
    for (const [name, value] of Object.entries(span.attrs)) {
      if (/^[a-z][a-z0-9-]*$/.test(name)) tag += ` ${name}="${escapeHtml(value)}"`;
    }
  }
  tag += '>';
  if (!continued && span.prefixHtml) tag += span.prefixHtml;
  open.pieces++;
  return tag;
}

/**
 * The text as HTML with every span an element around its characters. Text is escaped;
 * spans are nested by a sweep over the boundaries: at each boundary the spans that end
 * there are closed (with any opened inside them, which are reopened as continuations),
 * then the continuing and starting spans are opened, the one that ends last outermost.
 */
export function renderSpans(text: string, spans: readonly MarkupSpan[], options: RenderOptions = {}): RenderedText {
  const { paragraphBreak } = options;
  const escapeText = paragraphBreak === undefined ? escapeHtml : (piece: string) => escapeHtml(piece).replace(/\n{2,}/g, paragraphBreak);
  const valid: MarkupSpan[] = [];
  let skipped = 0;
  for (const span of spans) {
    const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end;
    if (ok) valid.push(span);
    else skipped++;
  }
  const sorted = valid.map((span, i) => ({ span, i })).sort((a, b) => compareOuterFirst(a.span, b.span) || a.i - b.i);
  const ranked: OpenSpan[] = sorted.map(({ span }, rank) => ({ span, rank, pieces: 0 }));

  const boundaries = [...new Set(valid.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const parts: string[] = [];
  const stack: OpenSpan[] = [];
  let next = 0; // next span of `ranked` to open
  let position = 0;
  let split = 0;

  for (const boundary of boundaries) {
    parts.push(escapeText(text.slice(position, boundary)));
    position = boundary;

    const lowestEnding = stack.findIndex((open) => open.span.end === boundary);
    const toOpen: OpenSpan[] = [];
    if (lowestEnding >= 0) {
      for (let k = stack.length - 1; k >= lowestEnding; k--) {
        parts.push('</span>');
        if (stack[k].span.end !== boundary) toOpen.push(stack[k]);
      }
      stack.length = lowestEnding;
      for (const open of toOpen) if (open.pieces === 1) split++;
    }
    while (next < ranked.length && ranked[next].span.start === boundary) toOpen.push(ranked[next++]);
    // The span that ends last goes outside, so it is not the one split later.
    toOpen.sort((a, b) => b.span.end - a.span.end || b.span.layer - a.span.layer || a.rank - b.rank);
    for (const open of toOpen) {
      parts.push(openTag(open));
      stack.push(open);
    }
  }
  parts.push(escapeText(text.slice(position)));
  return { html: parts.join(''), skipped, split };
}
