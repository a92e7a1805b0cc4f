// The shipped NER model: it loads, it tags clear sentences right, it is deterministic.
// (Accuracy on CoNLL-2003 and speed are measured by `npm run bench:ner`, not here.)
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emissionScores, WeightTable } from '../pipeline/03-tag/ner-model/decode.ts';
import { WordClusters } from '../pipeline/03-tag/ner-model/clusters.ts';
import { documentContext, DocumentHistory, sentenceFeatures } from '../pipeline/03-tag/ner-model/features.ts';
import { decodeModel } from '../pipeline/03-tag/ner-model/format.ts';
import { Gazetteer } from '../pipeline/03-tag/ner-model/gazetteer.ts';
import { loadNerModel, NerModel, tagsToSpans, TAGS, WEIGHTS_FILE } from '../pipeline/03-tag/ner-model/index.ts';
import { sharedTables } from '../pipeline/03-tag/ner-model/model.ts';
import { EmissionScorer } from '../pipeline/03-tag/ner-model/scorer.ts';

const words = (s: string) => s.split(' ');
const entities = (sentence: string) => {
  const w = words(sentence);
  return loadNerModel()
    .spans(w)
    .map((s) => `${s.type}:${w.slice(s.start, s.end).join(' ')}`);
};

describe('NER model', () => {
  it('loads the shipped weights once', () => {
    const model = loadNerModel();
    expect(model).toBe(loadNerModel());
    expect(model.meta.algorithm).toMatch(/perceptron/);
  });

  it('tags people, organisations and places', () => {
    expect(loadNerModel().tag(words('Gordon Brown met officials from the Treasury in London .'))).toEqual([
      'B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O',
    ]);
    expect(entities('Angela Merkel flew to Washington on Tuesday .')).toEqual(['PER:Angela Merkel', 'LOC:Washington']);
    expect(entities('The European Commission fined Microsoft on Wednesday .')).toEqual(['ORG:European Commission', 'ORG:Microsoft']);
    expect(entities('Shares in Barclays fell 3 % in New York on Monday .')).toEqual(['ORG:Barclays', 'LOC:New York']);
  });

  it('works on wink-style tokens: possessives, hyphenated names, no full stop', () => {
    expect(entities("Gordon Brown 's speech in Manchester was praised by the BBC")).toEqual(['PER:Gordon Brown', 'LOC:Manchester', 'ORG:BBC']);
    expect(entities('The U.S embassy in Guinea - Bissau was closed .')).toContain('LOC:U.S');
  });

  it('leaves personal titles and edge punctuation out of names', () => {
    expect(entities('Mr Kennedy spoke to reporters .')).toEqual(['PER:Kennedy']);
    const glued = [false, false, false, false, false, false];
    const w = words('He met David - a builder');
    expect(loadNerModel().spans(w, glued).map((s) => w.slice(s.start, s.end).join(' '))).toEqual(['David']);
  });

  it('returns only known tags, one per token, and spans that match the tags', () => {
    const w = words('Reuters reported that Bre - X Minerals Ltd shares rose in Toronto after talks with Indonesia .');
    const tags = loadNerModel().tag(w);
    expect(tags).toHaveLength(w.length);
    for (const t of tags) expect(TAGS).toContain(t);
    expect(loadNerModel().spans(w)).toEqual(tagsToSpans(tags));
    expect(loadNerModel().tag([])).toEqual([]);
  });

  it('tags a document sentence by sentence, with the same tokens', () => {
    const doc = [words('SOCCER - JAPAN BEAT SYRIA .'), words('Japan beat Syria 2-1 in Al Ain on Friday .')];
    const tagged = loadNerModel().tagDocument(doc);
    expect(tagged.map((t) => t.length)).toEqual(doc.map((s) => s.length));
    expect(loadNerModel().spansDocument(doc)[1].map((s) => s.type)).toEqual(['LOC', 'LOC', 'LOC']);
  });

  it('is deterministic', () => {
    const w = words('Tony Blair told the Labour Party conference in Brighton that Britain would stand by the United States .');
    const first = loadNerModel().tag(w);
    for (let i = 0; i < 5; i++) expect(loadNerModel().tag(w)).toEqual(first);
    const doc = [w, words('Blair said the Conservatives had no answer .')];
    expect(loadNerModel().tagDocument(doc)).toEqual(loadNerModel().tagDocument(doc));
  });
});

// The tagger's fast path (scorer.ts) must give exactly what the feature lists of
// features.ts give: the tags of the committed model, pinned here, and the same
// emission scores to the last bit. Any drift in either fails.

/** The sentences of a text as tokens (words, numbers, single marks), with `glued` from their offsets. */
function tokenised(text: string): { words: string[][]; glued: boolean[][] } {
  const out: { words: string[][]; glued: boolean[][] } = { words: [], glued: [] };
  for (const paragraph of text.split(/\n\s*\n/)) {
    let w: string[] = [], g: boolean[] = [], end = -1;
    const flush = () => {
      if (w.length) {
        out.words.push(w);
        out.glued.push(g);
      }
      w = [];
      g = [];
    };
    for (const m of paragraph.matchAll(/[\p{L}\p{N}]+(?:['\u2019.][\p{L}\p{N}]+)*|\S/gu)) {
      g.push(w.length > 0 && m.index === end);
      w.push(m[0]);
      end = m.index + m[0].length;
      if (/^[.?!]$/.test(m[0])) flush();
    }
    flush();
  }
  return out;
}
const seedsDir = new URL('../seeds/', import.meta.url);
const seedDocs = fs.readdirSync(seedsDir).sort().map((f) => tokenised(fs.readFileSync(new URL(f, seedsDir), 'utf8')));

describe('NER model output is pinned', () => {
  const tagString = (tags: string[]) => tags.join(' ');

  it('gives the same tags for varied sentences, one at a time', () => {
    const pinned: Array<[string, string]> = [
      ['Gordon Brown met officials from the Treasury in London .', 'B-PER I-PER O O O O B-ORG O B-LOC O'],
      [
        "Macrovision's chief executive , John Ryan , said the deal with Bre - X Minerals Ltd was \u201cgood\u201d .",
        'O O O O B-PER I-PER O O O O O B-ORG I-ORG I-ORG I-ORG I-ORG O O O',
      ],
      [
        'The U.S. ambassador to Guinea - Bissau met Prime Minister Tony Blair in Stoke - on - Trent on 12 March 2005 .',
        'O B-LOC O O B-LOC I-LOC I-LOC O O O B-PER I-PER O B-LOC I-LOC I-LOC I-LOC I-LOC O O O O O',
      ],
      ['Shares in Marks & Spencer rose 3 % on the London Stock Exchange , Reuters reported .', 'O O B-ORG I-ORG I-ORG O O O O O B-ORG I-ORG I-ORG O B-ORG O O'],
      ['Manchester United beat Arsenal 2-1 at Old Trafford on Sunday , Sir Alex Ferguson said', 'B-ORG I-ORG O B-ORG O O B-LOC I-LOC O O O O B-PER I-PER O'],
      ['it was a quiet day in the city .', 'O O O O O O O O O'],
    ];
    for (const [sentence, tags] of pinned) expect(tagString(loadNerModel().tag(words(sentence))), sentence).toBe(tags);
    const w = words("Macrovision's chief executive , John Ryan , said the deal with Bre - X Minerals Ltd was good");
    const glued = w.map((_, i) => i === 12 || i === 13);
    expect(tagString(loadNerModel().tag(w, glued))).toBe('O O O O B-PER I-PER O O O O O B-ORG I-ORG I-ORG I-ORG I-ORG O O');
  });

  it('gives the same tags and spans for a document with a headline', () => {
    const doc = [
      'BRITAIN TOLD TO BACK BLAIR ON IRAQ',
      'By Nick Assinder , BBC News Online political correspondent',
      'Brown said the Chancellor , Gordon Brown , would meet Angela Merkel in Berlin .',
      'Assinder added that Labour had no plans to change .',
    ].map(words);
    const pinned = [
      'B-LOC O O O O O B-LOC',
      'O B-PER I-PER O B-ORG I-ORG I-ORG O O',
      'B-PER O O B-LOC O B-PER I-PER O O O B-PER I-PER O B-LOC O',
      'B-PER O O B-ORG O O O O O O',
    ];
    const glued = doc.map((s) => s.map((w, i) => i > 0 && /^[.,]$/.test(w)));
    expect(loadNerModel().tagDocument(doc).map(tagString)).toEqual(pinned);
    // With glued, "Chancellor" (capitalised after "the") is no place.
    expect(loadNerModel().tagDocument(doc, glued).map(tagString)).toEqual(pinned.map((t, s) => (s === 2 ? 'B-PER O O O O B-PER I-PER O O O B-PER I-PER O B-LOC O' : t)));
    expect(loadNerModel().spansDocument(doc, glued)).toEqual(loadNerModel().tagDocument(doc, glued).map(tagsToSpans));
    expect(loadNerModel().spansDocument(doc)[2]).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 5, end: 7, type: 'PER' },
      { start: 10, end: 12, type: 'PER' },
      { start: 13, end: 14, type: 'LOC' },
    ]);
  });

  it('gives the same tags over the seed articles (a digest of them all)', () => {
    const model = loadNerModel();
    const all = seedDocs.flatMap((d) => model.tagDocument(d.words, d.glued).map(tagString));
    expect(all.length).toBe(99);
    // FNV-1a of all the tags; a retrained model changes it (update it then, after checking the tags).
    let h = 0x811c9dc5;
    for (const c of all.join('\n')) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    expect((h >>> 0).toString(16)).toBe('45af1a95');
  });

  it('matches the gazetteer snapshot as a Map of its keys and a Set of their token prefixes would', () => {
    const data = decodeModel(fs.readFileSync(WEIGHTS_FILE)).gazetteer;
    const gazetteer = new Gazetteer(data);
    const keys = data.keys.split('\n');
    const bits = new Map(keys.map((key, e) => [key, data.bits[e]]));
    const prefixes = new Set<string>();
    for (const key of keys) {
      for (let i = 1; i < key.length; i++) {
        if (key[i] === ' ') prefixes.add(key.slice(0, i));
        else if (key[i] === '-') prefixes.add(key.slice(0, i)).add(key.slice(0, i + 1));
      }
    }
    expect(prefixes.size).toBeGreaterThan(1000);
    // Every key and prefix, and near misses of each.
    const probes = new Set([...keys, ...prefixes, ...keys.flatMap((k) => [`${k}x`, k.slice(1), k.slice(0, -1), k.toUpperCase()])]);
    let wrong = 0;
    for (const word of probes) {
      const token = gazetteer.token(word);
      if (token.piece !== word) continue; // a near miss that gazetteerKey changes ("x.y"): asked for as its key anyway
      if (token.bits !== (bits.get(word) ?? 0) || token.prefix !== prefixes.has(word)) wrong++;
    }
    expect(wrong).toBe(0);
    const kinds = data.kinds;
    for (const [key, b] of [...bits].slice(0, 2000)) for (let k = 0; k < kinds.length; k++) expect(gazetteer.has(kinds[k], key)).toBe((b & (1 << k)) !== 0);
  });

  it('tags with its tables made in shared memory as with tables of its own', () => {
    const data = decodeModel(fs.readFileSync(WEIGHTS_FILE));
    const tables = sharedTables(data, 'the shipped file');
    expect(tables.weights.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(tables.clusters.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The tables as made in one thread are the tables made in another, byte for byte.
    const own = { weights: new WeightTable(data.hashes, data.weights).tables(), clusters: new WordClusters(data.clusters).tables() };
    expect(own.weights.magnitude).toEqual(tables.weights.magnitude);
    expect(Buffer.from(own.weights.buffer).equals(Buffer.from(tables.weights.buffer))).toBe(true);
    expect(Buffer.from(own.clusters.buffer).equals(Buffer.from(tables.clusters.buffer))).toBe(true);
    expect(WordClusters.of(tables.clusters).size).toBe(new WordClusters(data.clusters).size);
    const shared = new NerModel(data, tables), alone = new NerModel(data);
    const docs = seedDocs.map((d) => d.words);
    expect(docs.length).toBeGreaterThan(2);
    for (const doc of docs) expect(shared.spansDocument(doc)).toEqual(alone.spansDocument(doc));
    expect(WordClusters.of(tables.clusters).code('london')).toBe(new WordClusters(data.clusters).code('london'));
  });

  it('scores exactly as the feature lists do, with and without document, history and glue, whatever the word cache holds', () => {
    const data = decodeModel(fs.readFileSync(WEIGHTS_FILE));
    const table = new WeightTable(data.hashes, data.weights);
    const gazetteer = new Gazetteer(data.gazetteer);
    const clusters = new WordClusters(data.clusters);
    expect(clusters.size).toBeGreaterThan(10_000);
    const made = [
      [
        'SOCCER - JAPAN BEAT SYRIA .',
        'Japan beat Syria 2-1 in Al Ain on Friday , the Asian Football Confederation said .',
        "Macrovision's chief executive , John Ryan , met Bre - X Minerals Ltd in Stoke - on - Trent .",
      ],
      ['Shares in Marks & Spencer rose 3 % in New York .', 'the U.S. and Guinea - Bissau , Prime Minister Tony Blair said', 'a deal with Procter & Gamble', '...', '"'],
    ].map((d) => ({ words: d.map(words), glued: d.map((s) => s.split(' ').map((w, i, ws) => i > 0 && (w === '-' || ws[i - 1] === '-' || /^[.,%]$/.test(w)))) }));
    const docs = [...made, ...seedDocs];
    // A cache of 40 words starts again before every document (never within one), which must not matter.
    for (const scorer of [new EmissionScorer(table, gazetteer, clusters), new EmissionScorer(table, gazetteer, clusters, 40)]) {
      for (const doc of [...docs, ...docs]) {
        const context = documentContext(doc.words, gazetteer);
        for (const withDoc of [false, true]) {
          scorer.setDocument(doc.words);
          if (withDoc) scorer.documentContext(doc.words.length);
          const history = new DocumentHistory();
          doc.words.forEach((w, s) => {
            const counts = withDoc ? history.lookup(w) : undefined;
            for (const g of [undefined, doc.glued[s]]) {
              const expected = emissionScores(sentenceFeatures(w, gazetteer, clusters, withDoc ? context[s] : undefined, g, counts), table);
              const got = new Float64Array(w.length * TAGS.length);
              scorer.scores(s, withDoc, g, got);
              expect(got).toEqual(expected);
            }
            // Varied tags, so that the history holds every type, mixed.
            const tags = w.map((_, i) => (i * 7 + s * 3) % TAGS.length);
            if (withDoc) {
              history.record(w, tags);
              scorer.record(s, tags);
            }
          });
        }
      }
    }
  }, 60_000);
});
