// Source accuracy on PolNeAR as `npm run bench:quotes` reports it: named sources, pronoun
// sources resolved to the entity they refer to, and both together. First on a small made-up
// article; then the pronoun fixture itself against the dev split of the corpus (skipped,
// saying why, where ../shared is absent).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  INDEFINITE_PRONOUNS, isSayTypeCue, matchPooled, REFERRING_PRONOUNS, sayTypeReported, sourceAccuracy,
  type PolnearAttribution, type PolnearDoc, type PolnearScorer, type PronounSource, type QuoteRow, type Span,
} from '../src/eval/polnear.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/polnear-dev-pronoun-sources.json');

describe('pronoun-source accuracy on a made-up article', () => {
  const text = 'Smith said the plan works. “It is fine,” he said, “and cheap.” The International Monetary Fund met. ' +
    'Higher rates loom, it said. Jones, who left, said nothing doing. She said never again. ' +
    'Brown said the vote was lost for good this time. Green said yes indeed. He laughed.';
  const at = (phrase: string): Span => {
    const s = text.indexOf(phrase);
    if (s < 0) throw new Error(`not in the text: ${phrase}`);
    return [s, s + phrase.length];
  };
  // sourceAt: a phrase the source opens, where the source word alone occurs earlier too.
  const gold = (id: string, content: string[], source: string, sourceAt = source): PolnearAttribution => ({
    id, content: content.map(at), cue: [], source: [[at(sourceAt)[0], at(sourceAt)[0] + source.length]], direct: false, sourceText: source,
  });
  const doc: PolnearDoc = {
    id: 'made-up',
    text,
    attributions: [
      gold('named-right', ['the plan works'], 'Smith'),
      gold('pronoun-split', ['“It is fine,”', '“and cheap.”'], 'he', 'he said'),
      gold('pronoun-acronym', ['Higher rates loom'], 'it', 'it said'),
      gold('pronoun-unnamed', ['nothing doing'], 'who'),
      gold('pronoun-unlisted', ['never again'], 'She'),
      gold('named-not-found', ['the vote was lost for good this time'], 'Brown'),
      gold('named-wrong', ['yes indeed'], 'Green'),
    ],
  };
  const row = (phrase: string, speaker: string): QuoteRow => {
    const [s, e] = at(phrase);
    return { doc_id: doc.id, kind: 'indirect', speaker, text: phrase, raw_start: String(s), raw_end: String(e) };
  };
  const rows = [
    row('the plan works', 'Smith'),
    row('“It is fine,”', 'Mr Smith'), // resolved: the referent's surname
    row('“and cheap.”', 'he'), // the same gold, pooled, left unresolved: wrong
    row('Higher rates loom', 'IMF'), // right by the short form
    row('nothing doing', 'Jones'), // a pronoun whose referent the article does not name: not counted
    row('never again', 'Jones'), // a pronoun the fixture does not list: not counted
    row('the vote', 'Brown'), // under half of its gold: that gold is not found
    row('yes indeed', 'Smith'),
    row('He laughed', 'he'), // no gold: a false positive
  ];
  const sourceOf = (id: string) => {
    const [[start, end]] = doc.attributions.find((g) => g.id === id)!.source;
    return { id: doc.id, start, end };
  };
  const pronouns: PronounSource[] = [
    { ...sourceOf('pronoun-split'), text: 'he', referent: 'John Smith', short: 'Smith' },
    { ...sourceOf('pronoun-acronym'), text: 'it', referent: 'International Monetary Fund', short: 'IMF' },
    { ...sourceOf('pronoun-unnamed'), text: 'who', referent: null, reason: 'unnamed' },
  ];
  // The scorer's helpers, reduced to what this article needs: offsets as given; the last-word rule.
  const locate: PolnearScorer['locate'] = (_doc, r) => ({ s: Number(r.raw_start), e: Number(r.raw_end) });
  const words = (s: string): string[] => s.toLowerCase().match(/\p{L}+/gu) ?? [];
  const speakerMatches: PolnearScorer['speakerMatches'] = (speaker, source) => {
    const sw = words(speaker), gw = words(source);
    return sw.length > 0 && gw.length > 0 && (gw.includes(sw.at(-1)!) || sw.includes(gw.at(-1)!));
  };
  const matched = matchPooled(doc, rows, locate);

  it('matches as the scorer pools: both halves of a split quote go to its gold; a gold under half covered is not found', () => {
    const byId = Object.fromEntries(doc.attributions.map((g, j) => [g.id, { received: matched.received[j].length, found: matched.found[j] }]));
    expect(byId['pronoun-split']).toEqual({ received: 2, found: true });
    expect(byId['named-not-found']).toEqual({ received: 1, found: false });
    expect(matched.received.flat()).not.toContain(rows.length - 1);
  });

  it('counts named and resolved pronoun sources apart and together', () => {
    const r = sourceAccuracy([matched], pronouns, speakerMatches);
    expect(r.named).toEqual({ pairs: 2, correct: 1, accuracy: 0.5 });
    expect(r.pronoun).toEqual({ pairs: 3, correct: 2, accuracy: 2 / 3 });
    expect(r.resolved).toEqual({ pairs: 5, correct: 3, accuracy: 3 / 5 });
  });

  it('has no figure when nothing is counted', () => {
    const r = sourceAccuracy([matchPooled(doc, [], locate)], pronouns, speakerMatches);
    expect(r.pronoun).toEqual({ pairs: 0, correct: 0, accuracy: null });
  });
});

const DEV = path.resolve(import.meta.dirname, '../../shared/corpora/polnear/dev');
const TOOL = path.resolve(import.meta.dirname, '../../shared/tools/polnear.mjs');
const haveCorpus = fs.existsSync(DEV) && fs.existsSync(TOOL);

describe.skipIf(!haveCorpus)(`the pronoun sources of PolNeAR dev${haveCorpus ? '' : ' (skipped: ../shared/corpora/polnear/dev or ../shared/tools/polnear.mjs is absent)'}`, () => {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { sources: PronounSource[]; excluded: PronounSource[] };
  const all = [...fixture.sources, ...fixture.excluded];
  let docs: Map<string, PolnearDoc>;
  beforeAll(async () => {
    const scorer = (await import(pathToFileURL(TOOL).href)) as PolnearScorer;
    docs = new Map(scorer.loadSplit(DEV).map((d) => [d.id, d]));
  });
  const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'");
  const sourceSpans = (doc: PolnearDoc) => new Set(doc.attributions.filter((a) => a.source.length).map((a) => `${a.source[0][0]}-${a.source.at(-1)![1]}`));

  it('holds every entry once, each a Source span of its article whose text is the pronoun', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const e of all) {
      const doc = docs.get(e.id);
      const where = `${e.id} ${e.start}-${e.end} "${e.text}"`;
      if (seen.has(`${e.id} ${e.start}`)) problems.push(`${where}: listed twice`);
      seen.add(`${e.id} ${e.start}`);
      if (!doc) problems.push(`${where}: no such dev article`);
      else if (!sourceSpans(doc).has(`${e.start}-${e.end}`)) problems.push(`${where}: not a Source span of the article`);
      else if (doc.text.slice(e.start, e.end) !== e.text) problems.push(`${where}: the span reads "${doc.text.slice(e.start, e.end)}"`);
    }
    for (const e of fixture.sources) if (!REFERRING_PRONOUNS.has(e.text.toLowerCase())) problems.push(`${e.id} ${e.start}: "${e.text}" is not a referring pronoun`);
    for (const e of fixture.excluded) if (!INDEFINITE_PRONOUNS.has(e.text.toLowerCase()) || !e.reason) problems.push(`${e.id} ${e.start}: "${e.text}" excluded without cause`);
    expect(problems).toEqual([]);
  });

  it('gives a referent the article names, with a short form, or none with a reason; and no other text', () => {
    const problems: string[] = [];
    const FIELDS = new Set(['id', 'start', 'end', 'text', 'referent', 'short', 'from', 'reason']);
    for (const e of fixture.sources) {
      const where = `${e.id} ${e.start} "${e.text}"`;
      const text = flat(docs.get(e.id)?.text ?? '');
      for (const key of Object.keys(e)) if (!FIELDS.has(key)) problems.push(`${where}: field ${key}`);
      if (e.referent === null) {
        if (!e.reason) problems.push(`${where}: no referent and no reason`);
        continue;
      }
      const written = e.from ?? e.referent;
      if (!text.includes(flat(written))) problems.push(`${where}: "${written}" is not in the article`);
      if (e.from && !e.referent.split(' ').every((w) => e.from!.split(/[ ,]+/).includes(w))) problems.push(`${where}: "${e.referent}" is not made of words of "${e.from}"`);
      if (!e.short || !text.includes(flat(e.short))) problems.push(`${where}: short form "${e.short}" is not in the article`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves out no pronoun source of the dev split', () => {
    const listed = new Set(all.map((e) => `${e.id} ${e.start}-${e.end}`));
    const missing: string[] = [];
    for (const doc of docs.values()) {
      for (const a of doc.attributions) {
        const word = a.sourceText.trim().toLowerCase();
        if (!REFERRING_PRONOUNS.has(word) && !INDEFINITE_PRONOUNS.has(word)) continue;
        const key = `${doc.id} ${a.source[0][0]}-${a.source.at(-1)![1]}`;
        if (!listed.has(key)) missing.push(`${key} "${a.sourceText}"`);
      }
    }
    expect(missing).toEqual([]);
    expect(fixture.sources.filter((e) => e.referent).length).toBeGreaterThan(300);
  });
});

describe('reported speech with a say-type cue', () => {
  it('counts the attributions that are not direct and whose cue is a form of say, tell, add, ... or "according to", and those found', () => {
    const text = 'Smith said the plan works. Jones believes it fails. “Fine,” Brown added. It is cheap, according to Green.';
    const at = (phrase: string): Span => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length];
    const gold = (id: string, content: string, cue: string, direct = false): PolnearAttribution => ({ id, content: [at(content)], cue: [at(cue)], source: [], direct, sourceText: '' });
    const doc: PolnearDoc = { id: 'made-up', text, attributions: [gold('said', 'the plan works', 'said'), gold('believes', 'it fails', 'believes'), gold('added', '“Fine,”', 'added', true), gold('according', 'It is cheap', 'according to')] };
    expect(isSayTypeCue('went on to say')).toBe(true);
    expect(isSayTypeCue('believes')).toBe(false);
    const located = (_doc: unknown, row: QuoteRow) => ({ s: Number(row.start), e: Number(row.end) });
    const m = matchPooled(doc, [{ doc_id: 'made-up', kind: 'indirect', speaker: 'Smith', text: 'the plan works', start: String(at('the plan works')[0]), end: String(at('the plan works')[1]) }], located);
    expect(sayTypeReported([m])).toEqual({ gold: 2, found: 1 });
  });
});
