// The tagger: feature hashes -> emission scores -> constrained Viterbi.

import { emissionScores, viterbi, WeightTable } from './decode.ts';
import { documentContext, FEATURE_VERSION, sentenceFeatures } from './features.ts';
import type { ModelData } from './format.ts';
import { Gazetteer } from './gazetteer.ts';
import { NUM_TAGS, TAG_INDEX, TAGS, tagsToSpans, type NerSpan, type NerTag } from './tags.ts';

const ALNUM = /[\p{L}\p{N}]/u;
const O = TAG_INDEX.get('O')!, B_PER = TAG_INDEX.get('B-PER')!;

/**
 * Edits decoded tags in place so that an entity neither starts with a personal
 * title (CoNLL's convention: "Mr Smith" -> Smith, "President Clinton" -> Clinton)
 * nor starts or ends with punctuation ("David -" -> David), keeping a closing
 * bracket whose opening one is inside the entity ("Mladost ( BJ )").
 */
export function tidy(words: readonly string[], tags: Uint8Array, isTitle: (word: string) => boolean): void {
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === O || !TAGS[tags[i]].startsWith('B-')) continue;
    const inside = tags[i] + 1;
    while (i + 1 < tags.length && tags[i + 1] === inside && (!ALNUM.test(words[i]) || (tags[i] === B_PER && isTitle(words[i])))) {
      tags[i] = O;
      tags[++i] = inside - 1;
    }
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === inside) j++;
    for (let k = j; k > i && !ALNUM.test(words[k]) && !(words[k] === ')' && words.slice(i, k).includes('(')); k--) tags[k] = O;
    if (!ALNUM.test(words[i])) for (let k = i; k <= j; k++) tags[k] = O;
    i = j;
  }
}

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

  private decode(words: readonly string[], context?: ReadonlyArray<number>, glued?: ArrayLike<boolean>): Uint8Array {
    if (words.length === 0) return new Uint8Array(0);
    const f = sentenceFeatures(words, this.gazetteer, context, glued);
    if (this.scratch.length < words.length * NUM_TAGS) this.scratch = new Float64Array(words.length * NUM_TAGS * 2);
    const scores = emissionScores(f, this.rowOf, this.table.weights, this.scratch);
    const tags = viterbi(words.length, scores, this.trans, this.end);
    tidy(words, tags, (w) => this.gazetteer.has('title', w));
    return tags;
  }

  /**
   * BIO tags for one sentence's tokens. `glued[i]` (optional, recommended when
   * the text is at hand) says there is no space between token i - 1 and token i:
   * it tells "Bre-X" from "Kennedy - Liberal".
   */
  tag(words: readonly string[], glued?: ArrayLike<boolean>): NerTag[] {
    return Array.from(this.decode(words, undefined, glued), (t) => TAGS[t]);
  }

  /** Entities in one sentence, as token ranges [start, end). */
  spans(words: readonly string[], glued?: ArrayLike<boolean>): NerSpan[] {
    return tagsToSpans(this.tag(words, glued));
  }

  /**
   * Tags for every sentence of one document. Better than tagging sentence by
   * sentence: how a word is written elsewhere in the article helps with
   * headlines in capitals and with the first word of a sentence.
   */
  tagDocument(sentences: ReadonlyArray<readonly string[]>, glued?: ReadonlyArray<ArrayLike<boolean>>): NerTag[][] {
    const context = documentContext(sentences);
    return sentences.map((words, s) => Array.from(this.decode(words, context[s], glued?.[s]), (t) => TAGS[t]));
  }

  /** Entities in every sentence of one document (token ranges within each sentence). */
  spansDocument(sentences: ReadonlyArray<readonly string[]>, glued?: ReadonlyArray<ArrayLike<boolean>>): NerSpan[][] {
    return this.tagDocument(sentences, glued).map(tagsToSpans);
  }
}
