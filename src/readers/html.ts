// Finds the article in an HTML page: its headline and the paragraphs, headings and
// list items of its body, each piece of text carrying its offsets in the HTML source.
//
// Library: parse5 builds the tree exactly as a browser's parser would (the WHATWG
// algorithm, so broken markup ends up where a reader sees it), never runs scripts or
// fetches anything, and records source offsets for every node. Entities are decoded
// piecewise with `entities` (the decoder parse5 itself uses) so that each decoded
// reference keeps its own source range.
//
// Content is found with general rules only: page furniture is dropped by tag, ARIA
// role and class/id words; a Readability-style score (text length, commas, link
// density) picks the article container; its blocks are then filtered one by one.

import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { decodeHTML } from 'entities';
import { collapseWhitespace } from '../text.ts';

/** `text` stands for html.slice(rawStart, rawEnd). */
export interface HtmlPiece {
  text: string;
  rawStart: number;
  rawEnd: number;
  /** `text` is a verbatim copy of html.slice(rawStart, rawEnd), so offsets inside it map one to one. */
  exact: boolean;
}

/** One paragraph, heading, or list item of the article body. */
export interface HtmlBlock {
  pieces: HtmlPiece[];
  heading: boolean;
}

export interface HtmlArticle {
  title: string | null;
  /** The headline's own element on the page (an h1), when there is one; it is not among `blocks`. */
  titleBlock: HtmlBlock | null;
  blocks: HtmlBlock[];
}

type Element = T.Element;
type ChildNode = T.ChildNode;
type TextNode = T.TextNode;

/** The text of a block: its pieces joined. */
export function blockText(block: HtmlBlock): string {
  return block.pieces.map((piece) => piece.text).join('');
}

export function extractHtml(html: string): HtmlArticle {
  const document = parse(html, { sourceCodeLocationInfo: true });
  flattenDeepNesting(document);
  const page = new Page(html, document);
  const blocks = page.articleBlocks();
  const title = page.headline(blocks);
  const body = withoutTitleHeading(blocks, title);
  const titleBlock = title ? blocks.find((b) => b.heading && sameText(b.text, title)) : undefined;
  return { title, titleBlock: titleBlock ? { pieces: titleBlock.pieces, heading: true } : null, blocks: body.map(({ pieces, heading }) => ({ pieces, heading })) };
}

// ---------------------------------------------------------------------------
// Element classes

/** Elements that never hold article text. */
const NEVER_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'map', 'select', 'option', 'input', 'button', 'textarea', 'head', 'title', 'meta', 'link', 'dialog',
  'nav', 'aside', 'footer', 'menu', 'figure', 'figcaption', 'picture', 'img', 'source', 'track',
]);

/** ARIA roles of page furniture. */
const FURNITURE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'menu', 'menubar',
  'search', 'toolbar', 'tablist', 'tooltip',
]);

/** Phrasing elements: text inside them flows into the surrounding block. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'br', 'img',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Words in class and id attributes. A class token is split into words ("related-stories"
// → related, stories); a furniture word anywhere in a token marks the element.
const FURNITURE_WORDS = new Set([
  'comment', 'comments', 'commentary', 'disqus', 'share', 'sharing', 'sharebar', 'social', 'related', 'footer',
  'nav', 'navbar', 'navigation', 'menu', 'promo', 'promos', 'newsletter', 'newsletters', 'cookie', 'cookies',
  'consent', 'gdpr', 'subscribe', 'subscription', 'signup', 'sidebar', 'widget', 'widgets', 'ad', 'ads',
  'advert', 'adverts', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'breadcrumb', 'breadcrumbs',
  'pagination', 'pager', 'popup', 'modal', 'masthead', 'toolbar', 'recommended', 'recommendations',
  'outbrain', 'taboola', 'login', 'banner', 'skip', 'hidden', 'sr', 'tags', 'byline', 'dateline', 'author',
  'caption', 'credit', 'credits', 'disclaimer', 'rss', 'trending', 'popular', 'most', 'print', 'tools',
]);
const CONTENT_WORDS = new Set([
  'article', 'articles', 'body', 'content', 'main', 'entry', 'post', 'story', 'text', 'blog', 'column', 'page',
]);

/** The words of each class and id token: "related-stories sidebarWidget" → [related, stories], [sidebar, widget]. */
function classTokenWords(el: Element): string[][] {
  const value = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  if (!value.trim()) return [];
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => token.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
}

/** Posts quoted in the article (a tweet, an Instagram post) are named "social-embed" and the like: "social" is then no furniture. */
const EMBED_WORDS = new Set(['embed', 'embedded', 'embeds']);

/**
 * -1 for a furniture word in class/id, else +1 for a content word, else 0. Furniture
 * wins: "article-share", "post-comments" and "content-footer" are furniture.
 */
function classHint(el: Element): number {
  let content = false, furniture = false;
  for (const words of classTokenWords(el)) {
    const embed = words.some((word) => EMBED_WORDS.has(word));
    for (const word of words) {
      if (CONTENT_WORDS.has(word)) content = true;
      if (FURNITURE_WORDS.has(word) && !(embed && word === 'social')) furniture = true;
    }
  }
  return furniture ? -1 : content ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Tree helpers

function isElement(node: ChildNode | T.ParentNode): node is Element {
  return 'tagName' in node;
}

function isText(node: ChildNode): node is TextNode {
  return node.nodeName === '#text';
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

/** The elements below `root` in document order (iterative: pages can nest deeply). */
function elements(root: T.ParentNode): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...root.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return out;
}

/** Deeper than this, an element's subtree is flattened to its text and line breaks. */
const MAX_DEPTH = 200;

/**
 * Broken markup (thousands of unclosed <font> or <div> tags) can nest deeper than the
 * recursive walks below can go. Real structure never does, so past MAX_DEPTH keep only
 * the text nodes (with their source offsets) and <br>s, directly under one element.
 */
function flattenDeepNesting(document: T.Document): void {
  const stack: { node: T.ParentNode; depth: number }[] = [{ node: document, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      if (depth + 1 < MAX_DEPTH) stack.push({ node: child, depth: depth + 1 });
      else child.childNodes = flattenedContent(child);
    }
  }
}

function flattenedContent(el: Element): ChildNode[] {
  const kept: ChildNode[] = [];
  const stack: ChildNode[] = [...el.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (isText(node) || (isElement(node) && node.tagName === 'br')) {
      node.parentNode = el;
      kept.push(node);
    } else if (isElement(node) && !NEVER_CONTENT.has(node.tagName)) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
    }
  }
  return kept;
}

function findFirst(root: T.ParentNode, tag: string): Element | null {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) return child;
    const found = findFirst(child, tag);
    if (found) return found;
  }
  return null;
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function collapsedLength(text: string): number {
  let length = 0, inSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (space) {
      if (!inSpace) length++;
      inSpace = true;
    } else {
      length++;
      inSpace = false;
    }
  }
  return length;
}

function countCommas(text: string): number {
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
  }
  return commas;
}

// ---------------------------------------------------------------------------
// The page

interface TextStats {
  /** Characters of text (whitespace collapsed) under the element. */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  /** Characters of the element's own inline text (not inside block children). */
  ownChars: number;
  ownLinkChars: number;
  ownCommas: number;
  /** Holds a block-level element somewhere below (an inline element that does acts as a block). */
  hasBlock: boolean;
  /** Characters in paragraphs (own text of at least MIN_PARAGRAPH_CHARS, few links) under the element. */
  paragraphChars: number;
}

interface CollectedBlock extends HtmlBlock {
  owner: Element;
  chars: number;
  linkChars: number;
  text: string;
}

const MIN_PARAGRAPH_CHARS = 25;
/** A furniture-looking element holding more than this share of the page's paragraph text is a wrapper. */
const WRAPPER_SHARE = 0.4;
/** A sibling joins the article only when at least this share of its text is in paragraphs. */
const SIBLING_PARAGRAPH_SHARE = 0.7;
/** ... or, without a score of its own, when it holds this much text relative to the best container. */
const SIBLING_TEXT_SHARE = 0.2;
/** How far up from the best candidate a second strong candidate is looked for. */
const MAX_SPLIT_ARTICLE_DEPTH = 3;

class Page {
  private readonly dropped = new Set<Element>();
  private readonly stats = new Map<Element, TextStats>();
  private readonly body: Element | null;
  private readonly head: Element | null;

  constructor(private readonly html: string, private readonly document: T.Document) {
    const root = document.childNodes.find(isElement) ?? null;
    this.body = root ? findFirst(root, 'body') : null;
    this.head = root ? findFirst(root, 'head') : null;
    if (this.body) {
      this.dropFurniture(this.body);
      this.measure(this.body, false); // again, now without the furniture
    }
  }

  // --- furniture -----------------------------------------------------------

  /**
   * Elements that never hold article text go first. Elements that only look like
   * furniture (a class word, a role, a form) go next, unless they hold much of the
   * page's paragraph text: then the hint describes a wrapper ("page-with-sidebar").
   */
  private dropFurniture(body: Element): void {
    this.dropWhere(body, (el) => NEVER_CONTENT.has(el.tagName) || isHidden(el));
    this.measure(body, false);
    const pageText = this.statsOf(body).paragraphChars;
    this.dropWhere(body, (el) => this.looksLikeFurniture(el) && this.statsOf(el).paragraphChars <= WRAPPER_SHARE * pageText);
  }

  private dropWhere(el: Element, furniture: (el: Element) => boolean): void {
    for (const child of el.childNodes) {
      if (!isElement(child) || this.dropped.has(child)) continue;
      if (furniture(child)) this.dropped.add(child);
      else this.dropWhere(child, furniture);
    }
  }

  private looksLikeFurniture(el: Element): boolean {
    if (el.tagName === 'form') return true;
    const role = attr(el, 'role');
    if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
    return classHint(el) < 0;
  }

  // --- measuring -----------------------------------------------------------

  private measure(el: Element, inLink: boolean): TextStats {
    const stats: TextStats = { chars: 0, linkChars: 0, ownChars: 0, ownLinkChars: 0, ownCommas: 0, hasBlock: false, paragraphChars: 0 };
    const linked = inLink || el.tagName === 'a';
    for (const child of el.childNodes) {
      if (isText(child)) {
        const chars = collapsedLength(child.value);
        stats.chars += chars;
        stats.ownChars += chars;
        stats.ownCommas += countCommas(child.value);
        if (linked) {
          stats.linkChars += chars;
          stats.ownLinkChars += chars;
        }
      } else if (isElement(child) && !this.dropped.has(child)) {
        const sub = this.measure(child, linked);
        stats.chars += sub.chars;
        stats.linkChars += sub.linkChars;
        stats.paragraphChars += sub.paragraphChars;
        const childIsBlock = !INLINE.has(child.tagName) || sub.hasBlock;
        if (childIsBlock) {
          stats.hasBlock = true;
        } else {
          stats.ownChars += sub.ownChars;
          stats.ownLinkChars += sub.ownLinkChars;
          stats.ownCommas += sub.ownCommas;
        }
      }
    }
    if (stats.ownChars >= MIN_PARAGRAPH_CHARS && stats.ownLinkChars < 0.3 * stats.ownChars && !(INLINE.has(el.tagName) && !stats.hasBlock)) {
      stats.paragraphChars += stats.ownChars;
    }
    this.stats.set(el, stats);
    return stats;
  }

  private statsOf(el: Element): TextStats {
    return this.stats.get(el) ?? { chars: 0, linkChars: 0, ownChars: 0, ownLinkChars: 0, ownCommas: 0, hasBlock: false, paragraphChars: 0 };
  }

  private linkDensity(el: Element): number {
    const s = this.statsOf(el);
    return s.chars ? s.linkChars / s.chars : 0;
  }

  // --- choosing the article container -----------------------------------------

  /** Readability's scoring: each paragraph gives points to its parent and, less, to further ancestors. */
  private scoreCandidates(): Map<Element, number> {
    const scores = new Map<Element, number>();
    if (!this.body) return scores;
    const walk = (el: Element): void => {
      for (const child of el.childNodes) {
        if (!isElement(child) || this.dropped.has(child)) continue;
        this.scoreParagraph(child, scores);
        walk(child);
      }
    };
    walk(this.body);
    for (const [el, score] of scores) scores.set(el, score * (1 - this.linkDensity(el)));
    return scores;
  }

  private scoreParagraph(el: Element, scores: Map<Element, number>): void {
    const s = this.statsOf(el);
    if (s.ownChars < MIN_PARAGRAPH_CHARS || HEADINGS.has(el.tagName)) return;
    if (INLINE.has(el.tagName) && !s.hasBlock) return; // counted with its block
    const ownLinkDensity = s.ownLinkChars / s.ownChars;
    const points = (1 + s.ownCommas + Math.min(3, Math.floor(s.ownChars / 100))) * (1 - ownLinkDensity);
    // Text loose in a container beside block children is a paragraph of that container
    // (Readability wraps it in a <p>), so the container itself is its parent.
    let ancestor: T.ParentNode | null = s.hasBlock ? el : el.parentNode;
    for (let level = 0; level < 5 && ancestor && isElement(ancestor); level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, this.initialScore(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + points / divider);
      if (ancestor === this.body) break;
      ancestor = ancestor.parentNode;
    }
  }

  private initialScore(el: Element): number {
    let score = 25 * classHint(el);
    switch (el.tagName) {
      case 'div': case 'article': case 'main': case 'section': score += 5; break;
      case 'pre': case 'td': case 'blockquote': score += 3; break;
      case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': score -= 3; break;
      case 'th': score -= 5; break;
    }
    if (el.tagName === 'article' || attr(el, 'itemprop') === 'articleBody') score += 10;
    return score;
  }

  /** The elements whose blocks make up the article: the best container and its good siblings. */
  private articleElements(): Element[] {
    const scores = this.scoreCandidates();
    let top: Element | null = null;
    let topScore = -Infinity;
    for (const [el, score] of scores) {
      if (score > topScore) {
        top = el;
        topScore = score;
      }
    }
    if (!top || !this.body) return this.body ? [this.body] : [];

    // An article split into several blocks (around adverts, say) shows as several strong
    // candidates close together in the tree: take their nearest common ancestor.
    const originalTop = top;
    const strong = [...scores].filter(([el, score]) => el !== top && score >= 0.75 * topScore && !contains(el, originalTop)).map(([el]) => el);
    let ancestor = top.parentNode;
    for (let level = 0; level < MAX_SPLIT_ARTICLE_DEPTH && ancestor && isElement(ancestor) && ancestor !== this.body; level++, ancestor = ancestor.parentNode) {
      if (strong.some((el) => contains(ancestor as Element, el))) {
        top = ancestor;
        break;
      }
    }
    // A lone child adds nothing: its parent is the same container with more context.
    while (top.parentNode && isElement(top.parentNode) && top.parentNode !== this.body && elementChildren(top.parentNode, this.dropped).length === 1) {
      top = top.parentNode;
    }
    topScore = scores.get(top) ?? topScore;

    const parent = top.parentNode;
    if (top === this.body || !parent || !isElement(parent)) return [top];
    const threshold = Math.max(10, topScore * 0.2);
    const topParagraphChars = this.statsOf(top).paragraphChars;
    const shapes = this.paragraphShapes(top);
    const chosen: Element[] = [];
    for (const sibling of elementChildren(parent, this.dropped)) {
      if (sibling === top || this.isStandaloneParagraph(sibling, shapes) || this.isArticleSibling(sibling, scores.get(sibling) ?? 0, threshold, topParagraphChars)) {
        chosen.push(sibling);
      }
    }
    return chosen;
  }

  /**
   * A sibling of the best container that continues the article: mostly paragraph text,
   * and either a good score of its own or a good share of the article's text (a later
   * chunk nested too deep for paragraph points to reach it).
   */
  private isArticleSibling(el: Element, score: number, threshold: number, topParagraphChars: number): boolean {
    const s = this.statsOf(el);
    if (s.paragraphChars < SIBLING_PARAGRAPH_SHARE * s.chars) return false;
    if (score >= threshold) return true;
    return s.paragraphChars >= SIBLING_TEXT_SHARE * topParagraphChars && s.linkChars < 0.2 * s.chars;
  }

  /**
   * A paragraph beside the article container: a <p>, or an element shaped like the
   * container's own paragraphs (same tag and first class, as in `<div class="body-paragraph">`).
   */
  private isStandaloneParagraph(el: Element, paragraphShapes: Set<string>): boolean {
    const s = this.statsOf(el);
    if (el.tagName !== 'p' && (s.hasBlock || !paragraphShapes.has(shapeOf(el)))) return false;
    const density = s.chars ? s.linkChars / s.chars : 0;
    return (s.chars > 80 && density < 0.25) || (s.chars > 0 && density === 0 && /[.!?]["”’]?\s*$/.test(this.textOf(el)));
  }

  /** The shapes (tag and first class) of the paragraphs inside a container. */
  private paragraphShapes(container: Element): Set<string> {
    const shapes = new Set<string>();
    for (const el of elements(container)) {
      if (this.dropped.has(el)) continue;
      const s = this.stats.get(el);
      if (s && !s.hasBlock && s.ownChars >= MIN_PARAGRAPH_CHARS && attr(el, 'class')) shapes.add(shapeOf(el));
    }
    return shapes;
  }

  private textOf(el: Element): string {
    const out: string[] = [];
    const walk = (node: T.ParentNode): void => {
      for (const child of node.childNodes) {
        if (isText(child)) out.push(child.value);
        else if (isElement(child) && !this.dropped.has(child)) walk(child);
      }
    };
    walk(el);
    return collapseWhitespace(out.join(''));
  }

  // --- blocks ------------------------------------------------------------------

  articleBlocks(): CollectedBlock[] {
    const blocks: CollectedBlock[] = [];
    for (const el of this.articleElements()) {
      const minStoryChars = 0.5 * this.statsOf(el).paragraphChars;
      this.collectBlocks(el, blocks, isInsideLink(el), minStoryChars);
    }
    return filterBlocks(blocks);
  }

  /**
   * Splits the element into blocks: inline content between block children forms one block.
   * An <article> nested in the container and holding little of its text is another
   * story (a teaser in a "more stories" list) and is skipped.
   */
  private collectBlocks(el: Element, out: CollectedBlock[], inLink: boolean, minStoryChars: number): void {
    const linked = inLink || el.tagName === 'a';
    let writer = new BlockWriter(this.html, el);
    const flush = (): void => {
      const block = writer.finish();
      if (block) out.push(block);
      writer = new BlockWriter(this.html, el);
    };
    let breaks = 0;
    for (const child of el.childNodes) {
      if (isText(child)) {
        if (child.value.trim()) breaks = 0;
        writer.addText(child, linked);
      } else if (isElement(child) && !this.dropped.has(child)) {
        if (child.tagName === 'br') {
          // Two line breaks in a row separate paragraphs in pages without <p>.
          if (++breaks >= 2) flush();
          else writer.addBreak(child);
        } else if (INLINE.has(child.tagName) && !this.statsOf(child).hasBlock) {
          breaks = 0;
          this.addInline(child, writer, linked);
        } else {
          breaks = 0;
          flush();
          if (child.tagName === 'article' && this.statsOf(child).paragraphChars < minStoryChars) continue;
          this.collectBlocks(child, out, linked, minStoryChars);
        }
      }
    }
    flush();
  }

  private addInline(el: Element, writer: BlockWriter, inLink: boolean): void {
    const linked = inLink || el.tagName === 'a';
    if (el.tagName === 'br') return writer.addBreak(el);
    for (const child of el.childNodes) {
      if (isText(child)) writer.addText(child, linked);
      else if (isElement(child) && !this.dropped.has(child)) this.addInline(child, writer, linked);
    }
  }

  // --- headline ----------------------------------------------------------------

  /**
   * The h1 is the headline as printed; og:title and <title> tell which h1 that is (a
   * page may open with its logo in an h1) and often carry the site name as well.
   */
  headline(blocks: CollectedBlock[]): string | null {
    const og = this.metaContent('og:title') ?? this.metaContent('twitter:title');
    const titleElement = this.head ? findFirst(this.head, 'title') : null;
    const documentTitle = titleElement ? collapseWhitespace(this.textOf(titleElement)) : '';
    const siteName = this.metaContent('og:site_name');
    const h1s = this.h1Texts(blocks).filter((h1) => !(siteName && sameText(h1, siteName)));
    const declared = [og, documentTitle].filter((t): t is string => !!t).map((t) => normalized(withoutSiteName(t, siteName)));
    const titled = [og, documentTitle].filter((t): t is string => !!t);
    const confirmed = h1s.find((h1) => {
      const text = normalized(h1);
      return declared.some((t) => t.includes(text) && text.length >= 0.5 * t.length) || titled.some((t) => isTitlePart(h1, t));
    });
    if (confirmed) return confirmed;
    if (og) return withoutSiteName(og, siteName);
    if (documentTitle) return withoutSiteName(documentTitle, siteName);
    return h1s[0] ?? null;
  }

  private metaContent(property: string): string | null {
    const root = this.document.childNodes.find(isElement);
    if (!root) return null;
    for (const el of elements(root)) {
      if (el.tagName !== 'meta') continue;
      if (attr(el, 'property') === property || attr(el, 'name') === property) {
        const content = collapseWhitespace(attr(el, 'content'));
        if (content) return content;
      }
    }
    return null;
  }

  /** The texts of the h1s in the article blocks, then of the other h1s of the page. */
  private h1Texts(blocks: CollectedBlock[]): string[] {
    const texts = blocks.filter((b) => b.heading && b.owner.tagName === 'h1').map((b) => collapseWhitespace(b.text));
    if (this.body) {
      for (const el of elements(this.body)) {
        if (el.tagName === 'h1' && !this.isInsideDropped(el)) texts.push(collapseWhitespace(this.textOf(el)));
      }
    }
    return [...new Set(texts.filter(Boolean))];
  }

  private isInsideDropped(el: Element): boolean {
    for (let node: T.ParentNode | null = el; node && isElement(node); node = node.parentNode) {
      if (this.dropped.has(node)) return true;
    }
    return false;
  }
}

function shapeOf(el: Element): string {
  return `${el.tagName}.${(attr(el, 'class') ?? '').trim().split(/\s+/)[0]}`;
}

function isInsideLink(el: Element): boolean {
  for (let node: T.ParentNode | null = el; node && isElement(node); node = node.parentNode) {
    if (node.tagName === 'a') return true;
  }
  return false;
}

function elementChildren(el: Element, dropped: Set<Element>): Element[] {
  return el.childNodes.filter((c): c is Element => isElement(c) && !dropped.has(c));
}

function contains(ancestor: Element, el: Element): boolean {
  for (let node: T.ParentNode | null = el; node; node = isElement(node) ? node.parentNode : null) {
    if (node === ancestor) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Block filtering

/** Short lines that are furniture on any site (English only, for now). */
const FURNITURE_LINE = /^(advert|advertisement|advertisements|ad|ads|sponsored( content)?|continue reading( below)?|read more|story continues below( advertisement)?|scroll to continue( with content)?|related( articles| stories)?|share( this( article| story)?)?|comments?)$/i;
/** Fallback text of widgets that need scripts. */
const NEEDS_SCRIPT_LINE = /\b(requires|enable|enabled|turn on)\b.{0,20}\bjavascript\b/i;

function filterBlocks(blocks: CollectedBlock[]): CollectedBlock[] {
  const kept = blocks.filter((block) => {
    const density = block.chars ? block.linkChars / block.chars : 0;
    // A long paragraph may link its whole first sentence and still be text ("10 things" lists).
    if (density > (block.chars >= 150 ? 0.7 : 0.5)) return false;
    if (block.chars < 40 && FURNITURE_LINE.test(block.text.replace(/[:.!»›>]+$/, '').trim())) return false;
    if (block.chars < 120 && NEEDS_SCRIPT_LINE.test(block.text)) return false;
    return true;
  });
  dropTrailingLinkList(kept);
  // A heading with no text after it belongs to whatever was cut away.
  while (kept.length && kept[kept.length - 1].heading) kept.pop();
  return kept;
}

/**
 * A list whose every item holds a link, at the very end of the article, is a "more
 * stories" list even when each item is only partly linked; so is the short line that
 * introduces it.
 */
function dropTrailingLinkList(blocks: CollectedBlock[]): void {
  let start = blocks.length;
  while (start > 0) {
    const item = blocks[start - 1];
    if (item.owner.tagName !== 'li' || item.linkChars < 0.3 * item.chars) break;
    start--;
  }
  if (blocks.length - start < 2) return;
  const intro = blocks[start - 1];
  if (intro && (intro.heading || (intro.chars < 60 && !/[.!?]["”’)]?$/.test(intro.text)))) start--;
  blocks.length = start;
}

/** The headline is the title, not part of the body: drop it, and any h1 that opens the body. */
function withoutTitleHeading(blocks: CollectedBlock[], title: string | null): CollectedBlock[] {
  const firstText = blocks.findIndex((b) => !b.heading);
  return blocks.filter((b, i) => !(b.heading && ((title && sameText(b.text, title)) || (b.owner.tagName === 'h1' && (firstText < 0 || i < firstText)))));
}

// ---------------------------------------------------------------------------
// Text of one block, piece by piece with source offsets

const WHITESPACE = /\s/;

class BlockWriter {
  private pieces: HtmlPiece[] = [];
  /** Raw range of whitespace seen since the last text; written as one space before the next text. */
  private pendingSpace: { start: number; end: number; single: boolean } | null = null;
  private chars = 0;
  private linkChars = 0;

  constructor(private readonly html: string, private readonly owner: Element) {}

  addText(node: TextNode, inLink: boolean): void {
    for (const run of this.textRuns(node)) {
      if (run.space) this.addSpace(run.rawStart, run.rawEnd, run.exact && run.text === ' ');
      else {
        this.flushSpace();
        this.push(run.text, run.rawStart, run.rawEnd, run.exact);
        this.chars += run.text.length;
        if (inLink) this.linkChars += run.text.length;
      }
    }
  }

  /** A single <br> is a space inside the paragraph. */
  addBreak(br: Element): void {
    const loc = br.sourceCodeLocation;
    if (loc) this.addSpace(loc.startOffset, loc.endOffset, false);
  }

  finish(): CollectedBlock | null {
    if (!this.pieces.length) return null;
    const text = this.pieces.map((p) => p.text).join('');
    return {
      pieces: this.pieces,
      heading: HEADINGS.has(this.owner.tagName),
      owner: this.owner,
      chars: this.chars,
      linkChars: this.linkChars,
      text,
    };
  }

  private addSpace(start: number, end: number, single: boolean): void {
    if (!this.pieces.length) return; // leading whitespace is trimmed
    if (this.pendingSpace) {
      this.pendingSpace.end = end;
      this.pendingSpace.single = false;
    } else {
      this.pendingSpace = { start, end, single };
    }
  }

  private flushSpace(): void {
    const space = this.pendingSpace;
    if (!space) return;
    this.pendingSpace = null;
    // One source space is copied; any other whitespace (a newline, a run, a <br>) stands as one space.
    this.push(' ', space.start, space.end, space.single);
  }

  /** Adds a piece, joined to the one before when both are verbatim and adjacent in the source. */
  private push(text: string, rawStart: number, rawEnd: number, exact: boolean): void {
    const last = this.pieces[this.pieces.length - 1];
    if (exact && last?.exact && last.rawEnd === rawStart) {
      last.text += text;
      last.rawEnd = rawEnd;
    } else {
      this.pieces.push({ text, rawStart, rawEnd, exact });
    }
  }

  /** The node's text as runs of whitespace and of non-whitespace, each with its raw range. */
  private textRuns(node: TextNode): TextRun[] {
    const loc = node.sourceCodeLocation;
    if (!loc) return [];
    const runs = sourceRuns(this.html, loc.startOffset, loc.endOffset);
    if (runs.map((r) => r.text).join('') === normalizeNewlines(node.value)) return runs;
    // The source does not spell the node's text (foster-parented or repaired markup):
    // keep the text, mapped as a whole to the node's range.
    return wholeNodeRuns(node.value, loc.startOffset, loc.endOffset, this.html);
  }
}

interface TextRun {
  text: string;
  rawStart: number;
  rawEnd: number;
  space: boolean;
  /** A verbatim copy of the source range (not a decoded character reference, not repaired text). */
  exact: boolean;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/g;

/** Splits html[start, end) into whitespace and text runs, decoding character references one by one. */
function sourceRuns(html: string, start: number, end: number): TextRun[] {
  const runs: TextRun[] = [];
  const source = html.slice(start, end);
  let at = 0;
  for (const match of source.matchAll(ENTITY)) {
    const decoded = decodeHTML(match[0]);
    if (decoded === match[0]) continue; // not a reference: stays part of the verbatim text
    splitVerbatim(source, at, match.index, start, runs);
    const space = /^\s+$/.test(decoded);
    runs.push({ text: decoded, rawStart: start + match.index, rawEnd: start + match.index + match[0].length, space, exact: false });
    at = match.index + match[0].length;
  }
  splitVerbatim(source, at, source.length, start, runs);
  return runs;
}

function splitVerbatim(source: string, from: number, to: number, base: number, runs: TextRun[]): void {
  let i = from;
  while (i < to) {
    const space = WHITESPACE.test(source[i]);
    let j = i + 1;
    while (j < to && WHITESPACE.test(source[j]) === space) j++;
    runs.push({ text: source.slice(i, j), rawStart: base + i, rawEnd: base + j, space, exact: true });
    i = j;
  }
}

function wholeNodeRuns(value: string, start: number, end: number, html: string): TextRun[] {
  const text = collapseWhitespace(value);
  if (!text) return [{ text: ' ', rawStart: start, rawEnd: end, space: true, exact: false }];
  return [{ text, rawStart: start, rawEnd: end, space: false, exact: html.slice(start, end) === text }];
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}


// ---------------------------------------------------------------------------
// Titles

function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function sameText(a: string, b: string): boolean {
  return normalized(a) === normalized(b);
}

const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+|\s+::\s+/;

/** "Headline | Site" → "Headline", when the last part is the site name or short enough to be one. */
function withoutSiteName(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  const first = parts[0];
  if (siteName && sameText(last, siteName)) return title.slice(0, title.lastIndexOf(last)).replace(TITLE_SEPARATOR_END, '').trim();
  if (siteName && sameText(first, siteName)) return title.slice(first.length).replace(/^\s*[|\-–—:·•»]+\s*/, '').trim();
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  if (words(last) <= 4 && words(title) - words(last) >= 4) return title.slice(0, title.lastIndexOf(last)).replace(TITLE_SEPARATOR_END, '').trim();
  return title;
}
/** "Headline – Site" or "Site | Headline": the h1 is one whole part of the title. */
function isTitlePart(h1: string, title: string): boolean {
  const parts = title.split(TITLE_SEPARATOR);
  return parts.length > 1 && (sameText(parts[0], h1) || sameText(parts[parts.length - 1], h1));
}

const TITLE_SEPARATOR_END = /\s*(?:[|\-–—:·•»]|::)\s*$/;
