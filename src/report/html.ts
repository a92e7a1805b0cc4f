// Builds report.html: one self-contained page (inline CSS, a few lines of inline JS,
// an inline SVG chart; nothing fetched) that shows a run's summary, its scores against
// gold when given, and every article with its mentions, quotes and claims highlighted.
// Article text is untrusted: every piece of it goes through escapeHtml, and a Content
// Security Policy lets only the page's own script run, by hash.

import { createHash } from 'node:crypto';
import { CLAIM_KINDS, type ClaimKind, type EntityType } from '../model.ts';
import type { ExtractedClaim, ExtractedEntity, ExtractedMention, ExtractedQuote } from '../../pipeline/05-export/extraction.ts';
import { RATE_LABELS as SCORE_RATE_LABELS, RATE_NAMES, SCORED_CATEGORIES, type RateName, type ScoreReport } from '../eval/score.ts';
import type { ExtractedDoc, FailedDoc, RunData, RunSummary } from './read.ts';
import { escapeHtml as esc, renderSpans, type MarkupSpan } from './spans.ts';

export interface ReportInput {
  /** What the run is called in the page (the output folder's name). */
  runName: string;
  run: RunData;
  /** The score against gold, when --gold was given, and the gold folder's name. */
  score?: ScoreReport;
  /** The doc_ids of the gold files (to say which of them the run does not have). */
  goldDocIds?: string[];
  goldName?: string;
  maxDocs: number;
}

const ENTITY_CLASS: Record<EntityType, string> = { organisation: 'm-org', place: 'm-place', person: 'm-person' };
const ENTITY_LABEL: Record<EntityType, string> = { organisation: 'Organisation', place: 'Place', person: 'Person' };

/** The claim kinds in contract order, then any other kind found, sorted. */
function claimKindsOf(summary: RunSummary): string[] {
  const others = [...summary.claimsByKind.keys()].filter((k) => !CLAIM_KINDS.includes(k as ClaimKind)).sort();
  return [...CLAIM_KINDS, ...others];
}

/** A class-name-safe form of a kind read from the file. */
function kindClass(kind: string): string {
  return String(kind).toLowerCase().replace(/[^a-z0-9-]/g, '_');
}

const LAYER = { heading: 4, claim: 3, quote: 2, mention: 1 } as const;

// ---------------------------------------------------------------------------
// Styles and script

const CLAIM_COLOURS: Record<string, string> = {
  money: '#0f766e',
  quantity: '#0369a1',
  primacy: '#7c3aed',
  comparative: '#c2410c',
  forecast: '#a16207',
  finding: '#be123c',
  effect: '#4d7c0f',
};
const OTHER_CLAIM_COLOUR = '#52525b';

function claimColourRules(kinds: string[]): string {
  return kinds
    .map((kind) => {
      const colour = CLAIM_COLOURS[kind] ?? OTHER_CLAIM_COLOUR;
      const k = kindClass(kind);
      return `.c-${k}{border-bottom-color:${colour}}.c-${k}>.ck,.kc-${k}{color:${colour}}.kc-${k}.sw{border-bottom-color:${colour}}`;
    })
    .join('\n');
}

const CSS = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0969da;
--org:#dbeafe;--org-b:#2563eb;--place:#d9f5dd;--place-b:#15803d;--person:#fde4ef;--person-b:#c026d3;
--qd:#fff1b8;--qd-b:#b45309;--qi:#e8edf5;--qi-b:#475569}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
header.top{background:var(--soft);border-bottom:1px solid var(--line);padding:24px 0 20px}
h1{font-size:24px;margin:0 0 2px}
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:14px;margin:18px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.sub{color:var(--muted);margin:0}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0 0}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .v{font-size:24px;font-weight:650;line-height:1.2}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .d{color:var(--muted);font-size:12px}
.card.bad .v{color:#cf222e}
.kinds{display:flex;flex-wrap:wrap;gap:6px 14px;margin:10px 0 0;font-size:13px;color:var(--muted)}
.kinds b{color:var(--ink);font-weight:600}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;margin:14px 0}
.legend{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.97);border-bottom:1px solid var(--line);padding:7px 0;font-size:12px}
.legend .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:5px 8px}
.legend .lg:not(:first-child){margin-left:8px}
.legend .lg{color:var(--muted);font-weight:600}
.legend .m,.legend .q{padding:1px 5px 0}
.arthead{display:flex;align-items:baseline;gap:12px}
.tools{display:flex;gap:6px}
.tools[hidden]{display:none}
button{font:inherit;font-size:12px;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--ink);cursor:pointer}
button:hover{background:var(--soft)}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{font-weight:600;color:var(--muted);background:var(--soft);white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.failed td{color:#cf222e}
.scores{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;align-items:start}
.scores table{background:#fff}
.chart{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px}
.chart svg{display:block;width:100%;height:auto}
.rates{margin-top:12px}
details.misses{margin:14px 0 0}
details.misses summary,details.dm summary{cursor:pointer;color:var(--accent)}
details.misses ul,details.dm ul{margin:6px 0 0;padding-left:20px;font-size:13px;max-height:420px;overflow:auto}
#toc td.t a{color:var(--accent);text-decoration:none}
#toc td.t a:hover{text-decoration:underline}
#toc .id{color:var(--muted);font-size:12px;white-space:nowrap}
#toc td{padding:3px 8px}
details.tocbox>summary{cursor:pointer}
details.tocbox>summary h2{display:inline-block;margin:28px 0 10px}
details.doc{border:1px solid var(--line);border-radius:8px;margin:10px 0;background:#fff;scroll-margin-top:56px}
.text [id]{scroll-margin-top:72px}
details.doc[open]{box-shadow:0 1px 3px rgba(31,35,40,.08)}
details.doc>summary{cursor:pointer;padding:10px 14px;display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;list-style:none}
details.doc>summary::-webkit-details-marker{display:none}
details.doc>summary::before{content:"\\25B8";color:var(--muted);width:10px}
details.doc[open]>summary::before{content:"\\25BE"}
details.doc>summary .t{font-weight:600;font-size:16px;flex:1 1 420px}
details.doc>summary .id,details.doc>summary .cn{color:var(--muted);font-size:12px}
details.doc.failed>summary .t{color:#cf222e}
.body{padding:0 18px 16px;border-top:1px solid var(--line)}
.meta{color:var(--muted);font-size:12px;margin:10px 0 0}
.err{color:#cf222e}
.text{white-space:pre-wrap;overflow-wrap:break-word;font-size:16px;line-height:2.15;margin:12px 0 0;max-width:78ch}
.text .hd{font-weight:700}
.pg{display:block;height:12px}
.m{border-radius:3px;padding:1px 1px 0;border-bottom:2px solid}
.m-org{background:var(--org);border-bottom-color:var(--org-b)}
.m-place{background:var(--place);border-bottom-color:var(--place-b)}
.m-person{background:var(--person);border-bottom-color:var(--person-b)}
.q{padding:2px 0 3px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.q-direct{background:var(--qd)}
.q-indirect{background:var(--qi)}
.who{display:inline-block;font-size:11px;line-height:1.5;font-weight:600;border-radius:9px;padding:0 7px;margin:0 4px 0 1px;vertical-align:1px;white-space:nowrap;-webkit-user-select:none;user-select:none}
.q-direct>.who{background:var(--qd-b);color:#fff}
.q-indirect>.who{background:#fff;color:var(--qi-b);border:1px dashed var(--qi-b);line-height:1.35}
.who.none{opacity:.7;font-style:italic}
.c{border-bottom:3px solid;padding-bottom:5px}
.ck{font-size:10px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;vertical-align:4px;margin-right:3px;-webkit-user-select:none;user-select:none}
.chip{display:inline-block;font-size:12px;line-height:1.6;border-radius:4px;padding:0 6px;white-space:nowrap}
.sw{border-bottom:3px solid;padding:0 2px 1px}
.grid{overflow-x:auto}
.grid table{margin:0 0 4px}
.grid td.txt{min-width:320px}
.grid td.txt a{color:inherit;text-decoration:none}
.grid td.txt a:hover{color:var(--accent);text-decoration:underline}
.q:target,.c:target{outline:2px solid var(--accent);outline-offset:2px}
.dm{margin:12px 0 0}
footer{color:var(--muted);font-size:12px;padding:24px 0 40px}
@media (max-width:800px){.scores{grid-template-columns:1fr}}
@media print{.legend{position:static}.tools{display:none}}
`;

// Opens an article when its link is followed (a closed <details> hides its content),
// and lets the reader open or close every article at once.
const SCRIPT = `(function(){
function openTarget(){var id=location.hash.slice(1);if(!id)return;try{id=decodeURIComponent(id)}catch(e){}
var el=document.getElementById(id);if(!el)return;for(var d=el;d;d=d.parentElement)if(d.tagName==="DETAILS")d.open=true;el.scrollIntoView()}
window.addEventListener("hashchange",openTarget);openTarget();
function all(open){var d=document.querySelectorAll("details.doc");for(var i=0;i<d.length;i++)d[i].open=open}
var tools=document.getElementById("tools");if(tools){tools.hidden=false;
document.getElementById("expand-all").addEventListener("click",function(){all(true)});
document.getElementById("collapse-all").addEventListener("click",function(){all(false)})}
})();`;

function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

// ---------------------------------------------------------------------------
// Formatting helpers

const pct = (x: number | null | undefined): string => (x == null ? '–' : (100 * x).toFixed(1));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A fragment id for an article; its quotes and claims add ":q1", ":c1" (":" never occurs here). */
function docAnchor(docId: string, used: Set<string>): string {
  const base = `doc-${docId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

function formatValue(value: number | undefined | null): string {
  if (value == null || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : String(value);
}

function claimTooltip(claim: ExtractedClaim): string {
  const parts = [`claim: ${claim.kind}`];
  if (claim.value != null) parts.push(`value: ${formatValue(claim.value)}`);
  if (claim.unit) parts.push(`unit: ${claim.unit}`);
  parts.push(`hedge: ${claim.hedge || 'none'}`);
  if (claim.source) parts.push(`source: ${claim.source}`);
  if (claim.qualifier) parts.push(`qualifier: ${claim.qualifier}`);
  if (claim.date) parts.push(`date: ${claim.date}`);
  if (claim.rule) parts.push(`rule: ${claim.rule}`);
  return parts.join('\n');
}

function quoteTooltip(quote: ExtractedQuote): string {
  const parts = [`${quote.kind} quote`, `speaker: ${quote.speaker || 'unattributed'}${quote.speaker_entity_id ? ` (${quote.speaker_entity_id})` : ''}`];
  if (quote.cue) parts.push(`cue: ${quote.cue}`);
  if (quote.rule) parts.push(`rule: ${quote.rule}`);
  return parts.join('\n');
}

function mentionTooltip(mention: ExtractedMention, entity: ExtractedEntity | undefined): string {
  const parts = [`${mention.type}: ${entity?.name ?? mention.text}`];
  if (entity?.role) parts.push(`role: ${entity.role}${entity.organisation ? `, ${entity.organisation}` : ''}`);
  if (mention.rule) parts.push(`rule: ${mention.rule}`);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------
// Sections

function summaryCards(s: RunSummary): string {
  const kinds = claimKindsOf(s)
    .map((kind) => `<span><span class="chip sw kc-${kindClass(kind)}">${esc(kind)}</span> <b>${s.claimsByKind.get(kind) ?? 0}</b></span>`)
    .join('');
  const card = (key: string, value: number, detail = '', cls = '') =>
    `<div class="card${cls ? ` ${cls}` : ''}"><div class="k">${key}</div><div class="v">${value}</div>${detail ? `<div class="d">${detail}</div>` : ''}</div>`;
  return `<div class="cards" id="summary">
${card('Documents', s.documents, `${s.ok} ok, ${s.failed} failed`, s.failed ? 'bad' : '')}
${card('Organisations', s.organisations)}
${card('Places', s.places)}
${card('People', s.people)}
${card('Quotes', s.quotesDirect + s.quotesIndirect, `${s.quotesDirect} direct, ${s.quotesIndirect} indirect`)}
${card('Claims', s.claims)}
</div>
<div class="kinds"><span>Claims by kind:</span>${kinds}</div>`;
}

/** The terminal table's rate labels (score.ts), with a capital first letter. */
const RATE_LABELS = Object.fromEntries(
  RATE_NAMES.map((name) => [name, SCORE_RATE_LABELS[name].charAt(0).toUpperCase() + SCORE_RATE_LABELS[name].slice(1)]),
) as Record<RateName, string>;

/** Horizontal bars of F1 per category, 0 to 100%. */
function f1Chart(score: ScoreReport): string {
  const rows = [...SCORED_CATEGORIES.map((c) => ({ label: c, f1: score[c].f1 })), { label: 'macro F1', f1: score.macro_f1 }];
  const left = 104, width = 300, rowHeight = 26, top = 8;
  const height = top + rows.length * rowHeight + 22;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = left + tick * width;
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rows.length * rowHeight}" stroke="#d1d9e0" stroke-width="1"${tick % 0.5 ? ' stroke-dasharray="3 3"' : ''}/>`);
    parts.push(`<text x="${x}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#59636e">${tick * 100}%</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(0, Math.min(1, row.f1)) * width;
    const macro = row.label === 'macro F1';
    parts.push(`<text x="${left - 8}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1f2328"${macro ? ' font-weight="600"' : ''}>${esc(row.label)}</text>`);
    parts.push(`<rect class="bar" data-category="${esc(row.label)}" x="${left}" y="${y + 5}" width="${w.toFixed(1)}" height="16" rx="3" fill="${macro ? '#1f2328' : '#0969da'}"><title>${esc(macro ? row.label : `${row.label} F1`)} ${pct(row.f1)}%</title></rect>`);
    parts.push(`<text x="${(left + w + 6).toFixed(1)}" y="${y + 17}" font-size="12" fill="#1f2328">${pct(row.f1)}</text>`);
  });
  return `<svg viewBox="0 0 ${left + width + 50} ${height}" role="img" aria-label="F1 per category"><title>F1 per category</title>${parts.join('')}</svg>`;
}

function scoreSection(score: ScoreReport, goldName: string, absent: string[]): string {
  const rows = SCORED_CATEGORIES.map((c) => {
    const s = score[c];
    return `<tr data-category="${c}"><td>${c}</td><td class="n">${pct(s.p)}</td><td class="n">${pct(s.r)}</td><td class="n f1">${pct(s.f1)}</td><td class="n">${s.tp}</td><td class="n">${s.fp}</td><td class="n">${s.fn}</td></tr>`;
  }).join('\n');
  const rates = RATE_NAMES.map((name) => `<tr><td>${RATE_LABELS[name]}</td><td class="n">${pct(score[name])}</td></tr>`).join('\n');
  const misses = score.misses.length
    ? `<details class="misses" id="misses"><summary>Misses (${score.misses.length})</summary><ul>${score.misses.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></details>`
    : '<p class="sub">No misses.</p>';
  let missing = score.missing_files.length ? `<p class="note">Missing from the output: ${esc(score.missing_files.join(', '))}</p>` : '';
  if (absent.length) {
    const listed = absent.slice(0, 8).join(', ') + (absent.length > 8 ? ', …' : '');
    missing += `<p class="note" id="gold-absent">${absent.length} of the ${score.docs} gold documents are not in this run (${esc(listed)}): everything in them counts as missed, as in <code>npm run eval</code>.</p>`;
  }
  return `<section id="scores">
<h2>Scores against gold</h2>
<p class="sub">${plural(score.docs, 'document')} scored against the gold files in <code>${esc(goldName)}</code>; precision, recall and F1 in percent.</p>
${missing}
<div class="scores">
<div>
<table id="f1-table">
<thead><tr><th>category</th><th class="n">P</th><th class="n">R</th><th class="n">F1</th><th class="n">tp</th><th class="n">fp</th><th class="n">fn</th></tr></thead>
<tbody>
${rows}
<tr data-category="macro"><td><b>macro F1</b></td><td></td><td></td><td class="n f1"><b>${pct(score.macro_f1)}</b></td><td></td><td></td><td></td></tr>
</tbody>
</table>
<table class="rates"><thead><tr><th>rate</th><th class="n">%</th></tr></thead><tbody>
${rates}
<tr><td>Duplicates</td><td class="n">${score.duplicates}</td></tr>
</tbody></table>
</div>
<div class="chart" id="f1-chart">${f1Chart(score)}</div>
</div>
${misses}
</section>`;
}

function legend(kinds: string[]): string {
  const entities = (Object.keys(ENTITY_CLASS) as EntityType[])
    .map((type) => `<span class="m ${ENTITY_CLASS[type]}">${ENTITY_LABEL[type]}</span>`)
    .join('');
  const claims = kinds.map((kind) => `<span class="chip sw kc-${kindClass(kind)}">${esc(kind)}</span>`).join('');
  return `<nav class="legend" aria-label="Legend"><div class="wrap">
<span class="lg">Entities</span>${entities}
<span class="lg">Quotes</span><span class="q q-direct"><span class="who">speaker</span>direct</span><span class="q q-indirect"><span class="who">speaker</span>indirect</span>
<span class="lg">Claims</span>${claims}
</div></nav>`;
}

interface DocCounts {
  organisations: number;
  places: number;
  people: number;
  quotes: number;
  claims: number;
}

function docCounts(doc: ExtractedDoc): DocCounts {
  const entities = doc.entities ?? [];
  return {
    organisations: entities.filter((e) => e.type === 'organisation').length,
    places: entities.filter((e) => e.type === 'place').length,
    people: entities.filter((e) => e.type === 'person').length,
    quotes: doc.quotes?.length ?? 0,
    claims: doc.claims?.length ?? 0,
  };
}

function titleOf(doc: ExtractedDoc): string {
  return doc.title?.trim() || '(no title)';
}

/** The contents table starts open for a short run; a long one would push the articles far down. */
const TOC_OPEN_UP_TO = 50;

function tableOfContents(docs: ExtractedDoc[], anchors: string[]): string {
  const rows = docs.map((doc, i) => {
    const failed = doc.status === 'failed';
    const c = docCounts(doc);
    const counts = failed
      ? `<td class="err" colspan="5">${esc(doc.error ?? 'failed')}</td>`
      : `<td class="n">${c.organisations}</td><td class="n">${c.places}</td><td class="n">${c.people}</td><td class="n">${c.quotes}</td><td class="n">${c.claims}</td>`;
    return `<tr${failed ? ' class="failed"' : ''}><td class="n">${i + 1}</td><td class="t"><a href="#${anchors[i]}">${esc(failed ? doc.doc_id : titleOf(doc))}</a></td><td class="id">${esc(doc.doc_id)}</td>${counts}</tr>`;
  });
  return `<section id="toc">
<details class="tocbox"${docs.length <= TOC_OPEN_UP_TO ? ' open' : ''}><summary><h2>Contents (${plural(docs.length, 'article')})</h2></summary>
<table>
<thead><tr><th class="n">#</th><th>title</th><th>doc_id</th><th class="n">organisations</th><th class="n">places</th><th class="n">people</th><th class="n">quotes</th><th class="n">claims</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</details>
</section>`;
}

function failedSection(failed: FailedDoc[]): string {
  if (!failed.length) return '';
  const items = failed.map((f) => `<li><code>${esc(f.docId)}</code>${f.source ? ` (${esc(f.source)})` : ''}: <span class="err">${esc(f.error || 'failed')}</span></li>`);
  return `<section id="failed"><h2>Failed documents (${failed.length})</h2><ul>${items.join('')}</ul></section>`;
}

/** The article text with headings, mentions, quotes and claims as nested spans. */
export function articleSpans(doc: ExtractedDoc, anchor = 'doc'): MarkupSpan[] {
  const entities = new Map((doc.entities ?? []).map((e) => [e.entity_id, e]));
  const spans: MarkupSpan[] = [];
  for (const p of doc.paragraphs ?? []) {
    if (p.heading) spans.push({ start: p.start, end: p.end, layer: LAYER.heading, className: 'hd' });
  }
  (doc.claims ?? []).forEach((claim, i) => {
    const k = kindClass(claim.kind);
    spans.push({
      start: claim.start, end: claim.end, layer: LAYER.claim, className: `c c-${k}`,
      title: claimTooltip(claim), attrs: { id: `${anchor}:c${i + 1}` },
      prefixHtml: `<span class="ck">${esc(claim.kind)}</span>`,
    });
  });
  (doc.quotes ?? []).forEach((quote, i) => {
    const speaker = quote.speaker?.trim();
    spans.push({
      start: quote.start, end: quote.end, layer: LAYER.quote, className: `q q-${quote.kind === 'direct' ? 'direct' : 'indirect'}`,
      title: quoteTooltip(quote), attrs: { id: `${anchor}:q${i + 1}` },
      prefixHtml: speaker ? `<span class="who">${esc(speaker)}</span>` : '<span class="who none">unattributed</span>',
    });
  });
  for (const mention of doc.mentions ?? []) {
    spans.push({
      start: mention.start, end: mention.end, layer: LAYER.mention, className: `m ${ENTITY_CLASS[mention.type] ?? 'm-other'}`,
      title: mentionTooltip(mention, entities.get(mention.entity_id)),
    });
  }
  return spans;
}

/** The start of a long text (the whole of it is highlighted above), linked to its highlight. */
function textLink(text: string, target: string): string {
  const words = String(text ?? '');
  const short = words.length > TABLE_TEXT_CHARS ? `${words.slice(0, TABLE_TEXT_CHARS).replace(/\s+\S*$/, '')} …` : words;
  return `<a href="#${target}">${esc(short)}</a>`;
}

const TABLE_TEXT_CHARS = 110;

function entityTable(entities: ExtractedEntity[]): string {
  if (!entities.length) return '';
  const order: EntityType[] = ['organisation', 'place', 'person'];
  const sorted = [...entities].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const rows = sorted.map(
    (e) => `<tr><td><span class="chip m ${ENTITY_CLASS[e.type] ?? ''}">${esc(e.type)}</span></td><td>${esc(e.name)}</td><td>${esc((e.aliases ?? []).join(' | '))}</td><td class="n">${e.mentions ?? ''}</td><td>${esc(e.role ?? '')}${e.organisation ? ` <span class="id">(${esc(e.organisation)})</span>` : ''}</td></tr>`,
  );
  return `<h3>Entities (${entities.length})</h3><div class="grid"><table class="entities"><thead><tr><th>type</th><th>name</th><th>aliases</th><th class="n">mentions</th><th>role</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function quoteTable(quotes: ExtractedQuote[], anchor: string): string {
  if (!quotes.length) return '';
  const rows = quotes.map(
    (q, i) => `<tr><td><span class="chip q q-${q.kind === 'direct' ? 'direct' : 'indirect'}">${esc(q.kind)}</span></td><td>${esc(q.speaker || '–')}</td><td>${esc(q.cue)}</td><td class="txt">${textLink(q.text, `${anchor}:q${i + 1}`)}</td></tr>`,
  );
  return `<h3>Quotes (${quotes.length})</h3><div class="grid"><table class="quotes"><thead><tr><th>kind</th><th>speaker</th><th>cue</th><th>text</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function claimTable(claims: ExtractedClaim[], anchor: string): string {
  if (!claims.length) return '';
  const rows = claims.map(
    (c, i) => `<tr><td><span class="chip sw kc-${kindClass(c.kind)}">${esc(c.kind)}</span></td><td class="txt">${textLink(c.text, `${anchor}:c${i + 1}`)}</td><td class="n">${esc(formatValue(c.value))}</td><td>${esc(c.unit ?? '')}</td><td>${esc(c.hedge)}</td><td>${esc(c.source)}</td></tr>`,
  );
  return `<h3>Claims (${claims.length})</h3><div class="grid"><table class="claims"><thead><tr><th>kind</th><th>text</th><th class="n">value</th><th>unit</th><th>hedge</th><th>source</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function articleSection(doc: ExtractedDoc, index: number, anchor: string, misses: string[] | undefined): string {
  const failed = doc.status === 'failed';
  const c = docCounts(doc);
  const counts = failed
    ? '<span class="cn err">failed</span>'
    : `<span class="cn">${plural(c.organisations, 'org')} · ${plural(c.places, 'place')} · ${plural(c.people, 'person', 'people')} · ${plural(c.quotes, 'quote')} · ${plural(c.claims, 'claim')}</span>`;
  const summary = `<summary><span class="t">${index + 1}. ${esc(failed ? doc.doc_id : titleOf(doc))}</span><span class="id">${esc(doc.doc_id)}</span>${counts}</summary>`;
  const fields = doc.input_fields;
  const metaParts = [doc.source ? `source ${esc(doc.source)}` : '', ...(['url', 'date', 'publisher'] as const).filter((k) => fields?.[k]).map((k) => `${k} ${esc(fields![k])}`)].filter(Boolean);
  const meta = metaParts.length ? `<p class="meta">${metaParts.join(' · ')}</p>` : '';
  if (failed) {
    return `<details class="doc failed" id="${anchor}" data-doc-id="${esc(doc.doc_id)}">${summary}<div class="body">${meta}<p class="err">${esc(doc.error || 'failed')}</p></div></details>`;
  }
  const text = doc.text ?? '';
  const rendered = renderSpans(text, articleSpans(doc, anchor), { paragraphBreak: '<span class="pg"></span>' });
  const skippedNote = rendered.skipped ? `<p class="note">${plural(rendered.skipped, 'span')} outside the text not shown.</p>` : '';
  const missList = misses?.length
    ? `<details class="dm"><summary>Misses against gold (${misses.length})</summary><ul>${misses.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></details>`
    : '';
  return `<details class="doc" id="${anchor}" data-doc-id="${esc(doc.doc_id)}">${summary}<div class="body">${meta}${skippedNote}
<div class="text">${rendered.html}</div>
${missList}${entityTable(doc.entities ?? [])}${quoteTable(doc.quotes ?? [], anchor)}${claimTable(doc.claims ?? [], anchor)}
</div></details>`;
}

/** Misses of the score report by document (each line starts with the doc_id). */
function missesByDoc(score: ScoreReport | undefined): Map<string, string[]> {
  const byDoc = new Map<string, string[]>();
  for (const miss of score?.misses ?? []) {
    const docId = miss.split(' ', 1)[0];
    const list = byDoc.get(docId);
    if (list) list.push(miss);
    else byDoc.set(docId, [miss]);
  }
  return byDoc;
}

// ---------------------------------------------------------------------------
// The page

export function buildReport(input: ReportInput): string {
  const { run, score, runName } = input;
  const s = run.summary;
  const kinds = claimKindsOf(s);
  const used = new Set<string>();
  const anchors = run.docs.map((doc) => docAnchor(doc.doc_id, used));
  const misses = missesByDoc(score);
  const truncated = s.documents > run.docs.length;
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      `Showing the first ${run.docs.length} of ${s.documents} documents (--max-docs ${input.maxDocs}); ${score ? 'the summary and the scores count' : 'the summary counts'} all of them.`,
    );
  }
  if (run.badLines.length) {
    notes.push(`${plural(run.badLines.length, 'line')} of extraction.jsonl could not be read (line ${run.badLines.slice(0, 10).join(', ')}${run.badLines.length > 10 ? ', …' : ''}).`);
  }

  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src '${scriptHash(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="news-extract report">
<title>Extraction report: ${esc(runName)}</title>
<style>${CSS}${claimColourRules(kinds)}
</style>
</head>
<body>
<header class="top"><div class="wrap">
<h1>Extraction report</h1>
<p class="sub">Output folder <code>${esc(runName)}</code> · ${plural(s.documents, 'document')} · ${plural(s.mentions, 'mention')}</p>
${summaryCards(s)}
${notes.map((n) => `<p class="note" id="${n.startsWith('Showing') ? 'truncated' : 'bad-lines'}">${esc(n)}</p>`).join('\n')}
</div></header>
${legend(kinds)}
<div class="wrap">
${score ? scoreSection(score, input.goldName ?? '', (input.goldDocIds ?? []).filter((id) => !run.docIds.has(id))) : ''}
${failedSection(run.failedDocs)}
${tableOfContents(run.docs, anchors)}
<main id="articles">
<div class="arthead"><h2>Article text</h2><span class="tools" id="tools" hidden><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></span></div>
<p class="sub">Hover a highlight for its details (entity, speaker and cue, claim kind, value, unit and hedge, and the rule that found it).</p>
${run.docs.map((doc, i) => articleSection(doc, i, anchors[i], misses.get(doc.doc_id))).join('\n')}
</main>
<footer>Written by <code>npm run report</code> from ${esc(runName)}/extraction.jsonl${score ? ` and the gold files in ${esc(input.goldName ?? '')}` : ''}.</footer>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
