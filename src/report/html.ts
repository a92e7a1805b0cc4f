// Builds report.html: one self-contained page (inline CSS, a few lines of inline JS,
// charts of HTML bars and one inline SVG; nothing fetched) that shows a run's summary
// with a chart per table, its scores against gold when given, and every article with
// its mentions, quotes and claims highlighted (their details on a click or a tap).
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
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(320px,100%),1fr));gap:12px}
.bc{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.bc figcaption{font-weight:600;font-size:14px;margin:0 0 6px}
.bk{font-weight:400;font-size:12px;color:var(--muted);white-space:nowrap}
.sq{display:inline-block;width:10px;height:10px;border-radius:2px;vertical-align:-1px;margin:0 3px 0 6px}
.bars{list-style:none;margin:0;padding:0}
.bars li{display:grid;grid-template-columns:minmax(0,42%) minmax(0,1fr) auto;gap:8px;align-items:center;font-size:13px;line-height:1.35;padding:2px 0}
.bl{overflow-wrap:anywhere}
.bt{display:flex;height:12px;background:var(--soft);border-radius:3px;overflow:hidden}
.b{display:block;height:100%;min-width:2px}
.bv{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.bs{color:var(--muted);font-size:11px}
.bar-organisation{background:var(--org-b)}.bar-place{background:var(--place-b)}.bar-person{background:var(--person-b)}
.bar-direct{background:var(--qd-b)}.bar-indirect{background:#94a3b8}.bar-relation{background:#6e7781}.bar-claim{background:currentColor}
.text [data-d]{cursor:pointer}
.text .sel{outline:2px solid var(--accent);outline-offset:1px}
.details{position:absolute;z-index:20;top:0;left:0;width:max-content;max-width:min(24rem,calc(100vw - 16px));background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 6px 24px rgba(31,35,40,.18);padding:6px 34px 8px 12px;font-size:13px;line-height:1.45}
.details[hidden]{display:none}
.details h4{margin:4px 0 2px;font-size:13px}
.details section+section{border-top:1px solid var(--line);margin-top:6px;padding-top:2px}
.details p{margin:0;overflow-wrap:anywhere}
#details-close{position:absolute;top:2px;right:2px;border:0;background:none;font-size:20px;line-height:1;padding:4px 8px}
.nl{display:none;color:var(--muted);font-size:12px}
@media (max-width:800px){.scores{grid-template-columns:1fr}}
@media (max-width:640px){.wrap{padding:0 14px}#toc .w{display:none}.nl{display:block}.legend{position:static}
.grid td.txt{min-width:200px}details.doc>summary .t{flex-basis:100%}.body{padding:0 12px 14px}.text{font-size:15px}}
@media print{.legend{position:static}.tools{display:none}.details{display:none}}
`;

// Opens an article when its link is followed (a closed <details> hides its content),
// lets the reader open or close every article at once, and shows the details of a
// highlight when it is clicked or tapped (or given Enter), with those of the
// highlights around it: a touch screen has no hover.
const SCRIPT = `(function(){
function openTarget(){var id=location.hash.slice(1);if(!id)return;try{id=decodeURIComponent(id)}catch(e){}
var el=document.getElementById(id);if(!el)return;for(var d=el;d;d=d.parentElement)if(d.tagName==="DETAILS")d.open=true;el.scrollIntoView()}
window.addEventListener("hashchange",openTarget);openTarget();
function all(open){var d=document.querySelectorAll("details.doc");for(var i=0;i<d.length;i++)d[i].open=open}
var tools=document.getElementById("tools");if(tools){tools.hidden=false;
document.getElementById("expand-all").addEventListener("click",function(){all(true)});
document.getElementById("collapse-all").addEventListener("click",function(){all(false)})}
var panel=document.getElementById("details"),body=document.getElementById("details-body"),current=null;
function hide(){panel.hidden=true;if(current){current.classList.remove("sel");current=null}}
function block(text){var lines=text.split("\\n"),sec=document.createElement("section"),h=document.createElement("h4");h.textContent=lines[0];sec.appendChild(h);
for(var i=1;i<lines.length;i++){var k=lines[i].indexOf(": "),p=document.createElement("p"),b=document.createElement("b");b.textContent=lines[i].slice(0,k);p.appendChild(b);p.appendChild(document.createTextNode(" "+lines[i].slice(k+2)));sec.appendChild(p)}
return sec}
function show(el){hide();body.textContent="";
for(var n=el;n&&!n.classList.contains("text");n=n.parentElement){var d=n.getAttribute("data-d");if(d)d.split("\\n\\n").forEach(function(t){body.appendChild(block(t))})}
current=el;el.classList.add("sel");panel.hidden=false;
var r=el.getBoundingClientRect(),vw=document.documentElement.clientWidth,w=panel.offsetWidth,h=panel.offsetHeight;
var left=Math.max(8,Math.min(r.left,vw-w-8)),top=r.bottom+6;if(top+h>innerHeight&&r.top-h-6>0)top=r.top-h-6;
panel.style.left=(left+scrollX)+"px";panel.style.top=(top+scrollY)+"px"}
document.addEventListener("click",function(e){var t=e.target;if(panel.contains(t)){if(t.id==="details-close")hide();return}
var el=t.closest&&t.closest(".text [data-d]");if(el)show(el);else hide()});
document.addEventListener("keydown",function(e){if(e.key==="Escape")hide();
else if((e.key==="Enter"||e.key===" ")&&e.target.matches&&e.target.matches(".text [data-d]")){e.preventDefault();show(e.target)}});
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

// What a click or tap on a highlight shows: a heading line, then "key: value" lines.

function claimDetails(claim: ExtractedClaim): string {
  const parts = [`Claim: ${claim.kind}`];
  if (claim.value != null) parts.push(`value: ${formatValue(claim.value)}`);
  if (claim.unit) parts.push(`unit: ${claim.unit}`);
  parts.push(`hedge: ${claim.hedge || 'none'}`);
  if (claim.source) parts.push(`source: ${claim.source}`);
  if (claim.qualifier) parts.push(`qualifier: ${claim.qualifier}`);
  if (claim.date) parts.push(`date: ${claim.date}`);
  if (claim.rule) parts.push(`rule: ${claim.rule}`);
  return parts.join('\n');
}

function quoteDetails(quote: ExtractedQuote): string {
  const parts = [`Quote: ${quote.kind}`, `speaker: ${quote.speaker || 'unattributed'}${quote.speaker_entity_id ? ` (${quote.speaker_entity_id})` : ''}`];
  if (quote.cue) parts.push(`cue: ${quote.cue}`);
  if (quote.rule) parts.push(`rule: ${quote.rule}`);
  return parts.join('\n');
}

function mentionDetails(mention: ExtractedMention, entity: ExtractedEntity | undefined): string {
  const parts = [`${ENTITY_LABEL[mention.type] ?? mention.type}: ${entity?.name ?? mention.text}`];
  if (entity?.role) parts.push(`role: ${entity.role}${entity.organisation ? `, ${entity.organisation}` : ''}`);
  if (mention.rule) parts.push(`rule: ${mention.rule}`);
  return parts.join('\n');
}

/** Details of several items on one span, one block each (the page splits them at blank lines). */
const joinDetails = (blocks: string[]) => blocks.join('\n\n');

/** Items with the same start and end, in the order of their first one: such items are one highlight with one label. */
function sameSpanGroups<T extends { start: number; end: number }>(items: readonly T[]): Array<{ items: T[]; indexes: number[] }> {
  const groups = new Map<string, { items: T[]; indexes: number[] }>();
  items.forEach((item, i) => {
    const key = `${item.start}:${item.end}`;
    const group = groups.get(key);
    if (group) {
      group.items.push(item);
      group.indexes.push(i);
    } else groups.set(key, { items: [item], indexes: [i] });
  });
  return [...groups.values()];
}

const distinct = (values: string[]) => [...new Set(values)];

// ---------------------------------------------------------------------------
// Sections

function summaryCards(s: RunSummary): string {
  const card = (key: string, value: number, detail = '', cls = '') =>
    `<div class="card${cls ? ` ${cls}` : ''}"><div class="k">${key}</div><div class="v">${value}</div>${detail ? `<div class="d">${detail}</div>` : ''}</div>`;
  return `<div class="cards" id="summary">
${card('Documents', s.documents, `${s.ok} ok, ${s.failed} failed`, s.failed ? 'bad' : '')}
${card('Organisations', s.organisations)}
${card('Places', s.places)}
${card('People', s.people)}
${card('Quotes', s.quotesDirect + s.quotesIndirect, `${s.quotesDirect} direct, ${s.quotesIndirect} indirect`)}
${card('Claims', s.claims)}
</div>`;
}

interface Bar {
  label: string;
  /** The bar in pieces (a stacked bar), each with its class and what it counts. */
  parts: Array<{ value: number; className: string; name: string }>;
}

/** How many bars a "most ..." chart shows. */
const TOP = 10;

/**
 * A chart of horizontal bars, made of HTML (not SVG) so that its labels keep their
 * size and the chart its width on a narrow screen; each row also says its numbers.
 */
function barChart(id: string, caption: string, bars: Bar[], key = ''): string {
  const total = (b: Bar) => b.parts.reduce((sum, p) => sum + p.value, 0);
  const max = Math.max(1, ...bars.map(total));
  const rows = bars.map((bar) => {
    const pieces = bar.parts.filter((p) => p.value > 0).map((p) => `<span class="b ${p.className}" style="width:${((100 * p.value) / max).toFixed(2)}%" title="${esc(`${p.name}: ${p.value}`)}"></span>`);
    const value = bar.parts.length > 1 ? `${total(bar)} <span class="bs">(${bar.parts.map((p) => p.value).join(' + ')})</span>` : String(total(bar));
    return `<li><span class="bl" title="${esc(bar.label)}">${esc(bar.label)}</span><span class="bt">${pieces.join('')}</span><span class="bv">${value}</span></li>`;
  });
  const body = rows.length ? `<ol class="bars">${rows.join('')}</ol>` : '<p class="sub">None in this run.</p>';
  return `<figure class="bc" id="chart-${id}"><figcaption>${esc(caption)}${key ? ` <span class="bk">${key}</span>` : ''}</figcaption>${body}</figure>`;
}

const single = (label: string, value: number, className: string, name: string): Bar => ({ label, parts: [{ value, className, name }] });

/** The run at a glance: a chart for each table. */
function overview(s: RunSummary, kinds: string[]): string {
  const topEntities = (type: EntityType) =>
    s.entities.filter((e) => e.type === type).slice(0, TOP).map((e) => single(e.name, e.articles, `bar-${type}`, 'articles'));
  const people = s.speakers.filter((sp) => sp.type === 'person').slice(0, TOP);
  const speakerBars = people.map((sp) => ({
    label: sp.speaker,
    parts: [
      { value: sp.direct, className: 'bar-direct', name: 'direct quotes' },
      { value: sp.indirect, className: 'bar-indirect', name: 'reported speech' },
    ],
  }));
  const claimBars = kinds.filter((k) => s.claimsByKind.get(k)).map((k) => single(k, s.claimsByKind.get(k)!, `bar-claim kc-${kindClass(k)}`, 'claims'));
  const mentionBars = (Object.keys(ENTITY_CLASS) as EntityType[]).map((type) => single(ENTITY_LABEL[type], s.mentionsByType.get(type) ?? 0, `bar-${type}`, 'mentions'));
  const relationBars = [...s.relationsByPredicate].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP).map(([p, n]) => single(p, n, 'bar-relation', 'relations'));
  const quoteKey = '<span class="sq bar-direct"></span>direct <span class="sq bar-indirect"></span>reported';
  return `<section id="overview">
<h2>At a glance</h2>
<div class="charts">
${barChart('speakers', 'Most-quoted people (quotes)', speakerBars, quoteKey)}
${barChart('claims', 'Claims by kind', claimBars)}
${barChart('organisations', 'Most-reported organisations (articles)', topEntities('organisation'))}
${barChart('people', 'Most-reported people (articles)', topEntities('person'))}
${barChart('places', 'Most-reported places (articles)', topEntities('place'))}
${barChart('mentions', 'Mentions by type', mentionBars)}
${barChart('relations', 'Relations by predicate', relationBars)}
</div>
</section>`;
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

const countLine = (c: DocCounts) =>
  `${plural(c.organisations, 'org')} · ${plural(c.places, 'place')} · ${plural(c.people, 'person', 'people')} · ${plural(c.quotes, 'quote')} · ${plural(c.claims, 'claim')}`;

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
      ? `<td class="err w" colspan="5">${esc(doc.error ?? 'failed')}</td>`
      : `<td class="n w">${c.organisations}</td><td class="n w">${c.places}</td><td class="n w">${c.people}</td><td class="n w">${c.quotes}</td><td class="n w">${c.claims}</td>`;
    // On a narrow screen the id and count columns give way to one line under the title.
    const narrow = failed ? `<span class="nl err">${esc(doc.error ?? 'failed')}</span>` : `<span class="nl">${countLine(c)}</span>`;
    return `<tr${failed ? ' class="failed"' : ''}><td class="n">${i + 1}</td><td class="t"><a href="#${anchors[i]}">${esc(failed ? doc.doc_id : titleOf(doc))}</a>${narrow}</td><td class="id w">${esc(doc.doc_id)}</td>${counts}</tr>`;
  });
  return `<section id="toc">
<details class="tocbox"${docs.length <= TOC_OPEN_UP_TO ? ' open' : ''}><summary><h2>Contents (${plural(docs.length, 'article')})</h2></summary>
<table>
<thead><tr><th class="n">#</th><th>title</th><th class="w">doc_id</th><th class="n w">organisations</th><th class="n w">places</th><th class="n w">people</th><th class="n w">quotes</th><th class="n w">claims</th></tr></thead>
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

/** The highlight ids of an article's claims and quotes, by index: items on one span share their group's id. */
export interface SpanTargets {
  claims: string[];
  quotes: string[];
}

/**
 * The article text with headings, mentions, quotes and claims as nested spans. Claims
 * (or quotes) with the same start and end are one highlight with one label ("money ·
 * forecast"), and their details say each.
 */
export function articleSpans(doc: ExtractedDoc, anchor = 'doc'): { spans: MarkupSpan[]; targets: SpanTargets } {
  const entities = new Map((doc.entities ?? []).map((e) => [e.entity_id, e]));
  const spans: MarkupSpan[] = [];
  const targets: SpanTargets = { claims: [], quotes: [] };
  for (const p of doc.paragraphs ?? []) {
    if (p.heading) spans.push({ start: p.start, end: p.end, layer: LAYER.heading, className: 'hd' });
  }
  for (const { items, indexes } of sameSpanGroups(doc.claims ?? [])) {
    const id = `${anchor}:c${indexes[0] + 1}`;
    for (const i of indexes) targets.claims[i] = id;
    const kinds = distinct(items.map((c) => c.kind));
    spans.push({
      start: items[0].start, end: items[0].end, layer: LAYER.claim, className: `c c-${kindClass(kinds[0])}`,
      details: joinDetails(items.map(claimDetails)), attrs: { id, tabindex: '0', 'data-claims': items.map((c) => c.claim_id).join(' ') },
      prefixHtml: `<span class="ck">${esc(kinds.join(' · '))}</span>`,
    });
  }
  for (const { items, indexes } of sameSpanGroups(doc.quotes ?? [])) {
    const id = `${anchor}:q${indexes[0] + 1}`;
    for (const i of indexes) targets.quotes[i] = id;
    const speakers = distinct(items.map((q) => q.speaker?.trim() ?? '').filter(Boolean));
    spans.push({
      start: items[0].start, end: items[0].end, layer: LAYER.quote, className: `q q-${items[0].kind === 'direct' ? 'direct' : 'indirect'}`,
      details: joinDetails(items.map(quoteDetails)), attrs: { id, tabindex: '0', 'data-quotes': items.map((q) => q.quote_id).join(' ') },
      prefixHtml: speakers.length ? `<span class="who">${esc(speakers.join(' / '))}</span>` : '<span class="who none">unattributed</span>',
    });
  }
  for (const mention of doc.mentions ?? []) {
    spans.push({
      start: mention.start, end: mention.end, layer: LAYER.mention, className: `m ${ENTITY_CLASS[mention.type] ?? 'm-other'}`,
      details: mentionDetails(mention, entities.get(mention.entity_id)), attrs: { tabindex: '0' },
    });
  }
  return { spans, targets };
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

function quoteTable(quotes: ExtractedQuote[], targets: string[]): string {
  if (!quotes.length) return '';
  const rows = quotes.map(
    (q, i) => `<tr><td><span class="chip q q-${q.kind === 'direct' ? 'direct' : 'indirect'}">${esc(q.kind)}</span></td><td>${esc(q.speaker || '–')}</td><td>${esc(q.cue ?? '')}</td><td class="txt">${textLink(q.text, targets[i])}</td></tr>`,
  );
  return `<h3>Quotes (${quotes.length})</h3><div class="grid"><table class="quotes"><thead><tr><th>kind</th><th>speaker</th><th>cue</th><th>text</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function claimTable(claims: ExtractedClaim[], targets: string[]): string {
  if (!claims.length) return '';
  const rows = claims.map(
    (c, i) => `<tr><td><span class="chip sw kc-${kindClass(c.kind)}">${esc(c.kind)}</span></td><td class="txt">${textLink(c.text, targets[i])}</td><td class="n">${esc(formatValue(c.value))}</td><td>${esc(c.unit ?? '')}</td><td>${esc(c.hedge ?? '')}</td><td>${esc(c.source ?? '')}</td></tr>`,
  );
  return `<h3>Claims (${claims.length})</h3><div class="grid"><table class="claims"><thead><tr><th>kind</th><th>text</th><th class="n">value</th><th>unit</th><th>hedge</th><th>source</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function articleSection(doc: ExtractedDoc, index: number, anchor: string, misses: string[] | undefined): string {
  const failed = doc.status === 'failed';
  const c = docCounts(doc);
  const counts = failed
    ? '<span class="cn err">failed</span>'
    : `<span class="cn">${countLine(c)}</span>`;
  const summary = `<summary><span class="t">${index + 1}. ${esc(failed ? doc.doc_id : titleOf(doc))}</span><span class="id">${esc(doc.doc_id)}</span>${counts}</summary>`;
  const fields = doc.input_fields;
  const metaParts = [doc.source ? `source ${esc(doc.source)}` : '', ...(['url', 'date', 'publisher'] as const).filter((k) => fields?.[k]).map((k) => `${k} ${esc(fields![k])}`)].filter(Boolean);
  const meta = metaParts.length ? `<p class="meta">${metaParts.join(' · ')}</p>` : '';
  if (failed) {
    return `<details class="doc failed" id="${anchor}" data-doc-id="${esc(doc.doc_id)}">${summary}<div class="body">${meta}<p class="err">${esc(doc.error || 'failed')}</p></div></details>`;
  }
  const text = doc.text ?? '';
  const { spans, targets } = articleSpans(doc, anchor);
  const rendered = renderSpans(text, spans, { paragraphBreak: '<span class="pg"></span>' });
  const skippedNote = rendered.skipped ? `<p class="note">${plural(rendered.skipped, 'span')} outside the text not shown.</p>` : '';
  const missList = misses?.length
    ? `<details class="dm"><summary>Misses against gold (${misses.length})</summary><ul>${misses.map((m) => `<li>${esc(m)}</li>`).join('')}</ul></details>`
    : '';
  return `<details class="doc" id="${anchor}" data-doc-id="${esc(doc.doc_id)}">${summary}<div class="body">${meta}${skippedNote}
<div class="text">${rendered.html}</div>
${missList}${entityTable(doc.entities ?? [])}${quoteTable(doc.quotes ?? [], targets.quotes)}${claimTable(doc.claims ?? [], targets.claims)}
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
${overview(s, kinds)}
${score ? scoreSection(score, input.goldName ?? '', (input.goldDocIds ?? []).filter((id) => !run.docIds.has(id))) : ''}
${failedSection(run.failedDocs)}
${tableOfContents(run.docs, anchors)}
<main id="articles">
<div class="arthead"><h2>Article text</h2><span class="tools" id="tools" hidden><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></span></div>
<p class="sub">Click or tap a highlight for its details (entity, speaker and cue, claim kind, value, unit and hedge, and the rule that found it).</p>
${run.docs.map((doc, i) => articleSection(doc, i, anchors[i], misses.get(doc.doc_id))).join('\n')}
</main>
<footer>Written by <code>npm run report</code> from ${esc(runName)}/extraction.jsonl${score ? ` and the gold files in ${esc(input.goldName ?? '')}` : ''}.</footer>
</div>
<aside id="details" class="details" role="dialog" aria-label="Details of the highlight" hidden><button type="button" id="details-close" aria-label="Close">×</button><div id="details-body"></div></aside>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
