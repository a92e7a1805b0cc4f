// The tagger: feature hashes -> emission scores -> constrained Viterbi.

import { emissionScores, viterbi, WeightTable } from './decode.ts';
import { documentContext, FEATURE_VERSION, sentenceFeatures } from './features.ts';
import type { ModelData } from './format.ts';
import { Gazetteer } from './gazetteer.ts';
import { NUM_TAGS, TAGS, tagsToSpans, type NerSpan, type NerTag } from './tags.ts';

export class NerModel {
  private readonly table: WeightTable;
  private readonly gazetteer: Gazetteer;
  private readonly trans: Float32Array;
  private readonly end: Float32Array;
  private readonly rowOf: (h: number) => number;
  private scratch = new Float64Array(256 * NUM_TAGS);
  /** How the shipped model was trained (corpus, epochs, scores). */
  readonly meta: Readonly<Record<string, unknown>>;

  constructor(data: ModelData) {
    if (data.featureVersion !== FEATURE_VERSION) {
      throw new Error(`NER weights were trained with feature version ${data.featureVersion}, this code makes version ${FEATURE_VERSION}: run npm run train:ner`);
    }
    this.table = new WeightTable(data.hashes, data.weights);
    this.gazetteer = new Gazetteer(data.gazetteer);
    this.trans = data.trans;
    this.end = data.end;
    this.meta = data.meta;
    const table = this.table;
    this.rowOf = (h) => table.row(h);
  }

  private decode(words: readonly string[], context?: ReadonlyArray<number>): Uint8Array {
    if (words.length === 0) return new Uint8Array(0);
    const f = sentenceFeatures(words, this.gazetteer, context);
    if (this.scratch.length < words.length * NUM_TAGS) this.scratch = new Float64Array(words.length * NUM_TAGS * 2);
    const scores = emissionScores(f, this.rowOf, this.table.weights, this.scratch);
    return viterbi(words.length, scores, this.trans, this.end);
  }

  /** BIO tags for one sentence's tokens. */
  tag(words: readonly string[]): NerTag[] {
    return Array.from(this.decode(words), (t) => TAGS[t]);
  }

  /** Entities in one sentence, as token ranges [start, end). */
  spans(words: readonly string[]): NerSpan[] {
    return tagsToSpans(this.tag(words));
  }

  /**
   * Tags for every sentence of one document. Better than tagging sentence by
   * sentence: how a word is written elsewhere in the article helps with
   * headlines in capitals and with the first word of a sentence.
   */
  tagDocument(sentences: ReadonlyArray<readonly string[]>): NerTag[][] {
    const context = documentContext(sentences);
    return sentences.map((words, s) => Array.from(this.decode(words, context[s]), (t) => TAGS[t]));
  }

  /** Entities in every sentence of one document (token ranges within each sentence). */
  spansDocument(sentences: ReadonlyArray<readonly string[]>): NerSpan[][] {
    return this.tagDocument(sentences).map(tagsToSpans);
  }
}
