// Switching off `ner` (`disableRules: ["ner"]`) switches the statistical tagger off: it is not run at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAGES } from '../pipeline/index.ts';
import { NerModel } from '../pipeline/03-tag/ner-model/index.ts';
import { newDoc, type Doc, type PipelineOptions } from '../src/model.ts';

function run(options: PipelineOptions): Doc {
  const doc = newDoc({ docId: 'test', source: 'test', raw: 'JAPAN WIN\n\nLiverpool captain Steven Gerrard scored twice on Saturday, and Benitez said he would stay.' });
  for (const stage of STAGES) stage.create(options)(doc);
  return doc;
}

describe('the statistical tagger switched off', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the tagger by default, and not at all when "ner" is disabled', () => {
    const spy = vi.spyOn(NerModel.prototype, 'readDocument');
    const withTagger = run({ disabledRules: [] });
    expect(spy).toHaveBeenCalledTimes(1);
    const without = run({ disabledRules: ['ner'] });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(withTagger.mentions.some((m) => m.rule.startsWith('ner:'))).toBe(true);
    expect(without.mentions.filter((m) => m.rule.startsWith('ner:'))).toEqual([]);
    // The rules still find what they find alone.
    expect(without.entities.map((e) => e.name)).toContain('Steven Gerrard');
  });
});
