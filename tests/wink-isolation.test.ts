// wink-nlp's readDoc leaks between documents through the instance's lexeme cache
// (see src/nlp/wink.ts). These tests pin the leak in plain wink (so they fail
// without the fix) and check that readDocIsolated reads every document as a
// brand-new instance would. Whole-corpus order check: scripts/check-wink-isolation.ts.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import type { Document, ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  getWink,
  newPlainWinkInstance,
  readDocIsolated,
  setWinkRebuildThreshold,
  winkIsolationStats,
  winkLexemeHashExtra,
} from '../src/nlp/wink.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = path.resolve(repoRoot, '../shared/corpora/bbc/articles.jsonl');
const haveCorpus = existsSync(corpusPath);

const { its } = getWink();

const tokens = (doc: Document): string[] => doc.tokens().out();

/** Everything per token plus sentences and entities: what "reads the same" means. */
function signature(doc: Document): unknown {
  const t = doc.tokens();
  return {
    value: t.out(its.value),
    type: t.out(its.type),
    pos: t.out(its.pos),
    normal: t.out(its.normal),
    lemma: t.out(its.lemma as unknown as ItsFunction<string>) /* wink's d.ts types its.lemma wrongly */,
    shape: t.out(its.shape),
    spaces: t.out(its.precedingSpaces),
    stop: t.out(its.stopWordFlag),
    sentences: doc.sentences().out(),
    entities: doc.entities().out(its.detail),
  };
}

/** The reference: a new instance that has read nothing else. */
const readAlone = (text: string): Document => newPlainWinkInstance().readDoc(text);

// [poisoning document, victim document, token the victim must NOT contain]
const triggers: Array<[string, string, string]> = [
  ["The bar sells John Smith's, Foster's and cider.", "Mike Smith's appointment was announced.", "Smith's"],
  ["The brand is Zorblax's. Sales rose.", "Zorblax's plan failed.", "Zorblax's"],
  ['It bought Quorvant’s, then sold.', 'Quorvant’s shares fell.', 'Quorvant’s'],
  ["ACME ZENTRIX'S, unit", "We met zentrix's staff.", "zentrix's"],
];

describe('plain wink-nlp leaks between documents (control: shows what the fix is for)', () => {
  it('a possessive before a comma is cached unsplit and stays one token in later documents', () => {
    const plain = winkNLP(model);
    const [poison, victim, glued] = triggers[0];
    const alone = tokens(readAlone(victim));
    expect(alone).toContain('Smith');
    expect(alone).toContain("'s");
    plain.readDoc(poison);
    const after = tokens(plain.readDoc(victim));
    expect(after).toContain(glued);
    expect(after).not.toEqual(alone);
  });

  it.each(triggers)('leaks for %j -> %j', (poison, victim, glued) => {
    const plain = newPlainWinkInstance();
    expect(tokens(readAlone(victim))).not.toContain(glued);
    plain.readDoc(poison);
    expect(tokens(plain.readDoc(victim))).toContain(glued);
  });
});

describe('readDocIsolated', () => {
  it.each(triggers)('reads %j then %j: the second reads exactly as when alone', (poison, victim, glued) => {
    const alone = readAlone(victim);
    readDocIsolated(poison);
    const after = readDocIsolated(victim);
    expect(tokens(after)).not.toContain(glued);
    expect(signature(after)).toEqual(signature(alone));
  });

  it('the poisoning document itself still reads as when alone, before and after the victim', () => {
    const [poison, victim] = triggers[0];
    const alone = signature(readAlone(poison));
    expect(signature(readDocIsolated(poison))).toEqual(alone);
    readDocIsolated(victim);
    expect(signature(readDocIsolated(poison))).toEqual(alone);
  });

  it('getWink().nlp.readDoc is the isolated reader', () => {
    const { nlp } = getWink();
    expect(nlp.readDoc).toBe(readDocIsolated);
    const [poison, victim] = triggers[1];
    nlp.readDoc(poison);
    expect(signature(nlp.readDoc(victim))).toEqual(signature(readAlone(victim)));
  });

  it('leaves nothing in the lexeme hash between documents', () => {
    for (const [poison, victim] of triggers) {
      readDocIsolated(poison);
      readDocIsolated(victim);
    }
    expect(winkLexemeHashExtra()).toBe(0);
  });

  it('documents read earlier stay valid after later reads', () => {
    const [poison, victim] = triggers[0];
    const first = readDocIsolated(poison);
    const before = signature(first);
    for (const [p, v] of triggers) {
      readDocIsolated(p);
      readDocIsolated(v);
    }
    readDocIsolated('Entirely novel words: Xyloquent, Brevanthia, Smith’s, Zorblax.');
    expect(signature(first)).toEqual(before);
  });

  it('reuses unknown-word entries instead of creating them again for every document', () => {
    const text = "Vantrolix's chief, Dr Quenby Marsh-Ottley, said Vantrolix's costs fell.";
    readDocIsolated(text);
    const { lexemes } = winkIsolationStats();
    for (let i = 0; i < 5; i += 1) readDocIsolated(text);
    expect(winkIsolationStats().lexemes).toBe(lexemes);
  });

  describe('when the instance is rebuilt because the lexicon grew', () => {
    afterAll(() => setWinkRebuildThreshold());

    it('reads the same as a fresh instance across rebuilds', () => {
      const { rebuilds, intrinsic } = winkIsolationStats();
      setWinkRebuildThreshold(intrinsic + 40);
      const [poison, victim] = triggers[0];
      const longText = Array.from({ length: 30 }, (_, i) => `Plorvex${i}tan's, `).join('') + poison;
      readDocIsolated(longText);
      const after = readDocIsolated(victim);
      expect(winkIsolationStats().rebuilds).toBeGreaterThan(rebuilds);
      expect(signature(after)).toEqual(signature(readAlone(victim)));
    });
  });
});

describe('BBC corpus: the measured case', () => {
  const name = haveCorpus
    ? 'bbc-business-021 after bbc-business-315 tokenises as when read alone ("Mike Smith\'s")'
    : `bbc-business-021 after bbc-business-315 — SKIPPED: corpus not found at ${corpusPath}`;

  it.skipIf(!haveCorpus)(name, () => {
    const byId = new Map<string, string>();
    for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const article = JSON.parse(line) as { id: string; text: string };
      if (article.id === 'bbc-business-315' || article.id === 'bbc-business-021') byId.set(article.id, article.text);
    }
    const text315 = byId.get('bbc-business-315');
    const text021 = byId.get('bbc-business-021');
    expect(text315).toContain("John Smith's,");
    expect(text021).toContain("Mike Smith's");
    if (text315 === undefined || text021 === undefined) return;

    const alone = readAlone(text021);
    expect(tokens(alone)).not.toContain("Smith's");

    // Control: plain wink glues it.
    const plain = newPlainWinkInstance();
    plain.readDoc(text315);
    expect(tokens(plain.readDoc(text021))).toContain("Smith's");

    readDocIsolated(text315);
    const after = readDocIsolated(text021);
    expect(tokens(after)).toEqual(tokens(alone));
    expect(signature(after)).toEqual(signature(alone));
  });
});
