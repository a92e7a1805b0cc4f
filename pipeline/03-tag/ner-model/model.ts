// The tagger: words -> emission scores (scorer.ts, the sums of the weights of
// features.ts's features) -> constrained Viterbi -> tidied tags.

import { WordClusters, type WordClustersData } from './clusters.ts';
import { LatticeWeights, SentenceMarginals, viterbi, WeightTable, type WeightTableData } from './decode.ts';
import { FEATURE_VERSION } from './features.ts';
import type { ModelData } from './format.ts';
import { Gazetteer } from './gazetteer.ts';
import { EmissionScorer } from './scorer.ts';
import { indexSpans, NUM_TAGS, TAG_INDEX, TAGS, type NerSpan, type NerTag } from './tags.ts';

const ALNUM = /[\p{L}\p{N}]/u;
const O = TAG_INDEX.get('O')!, B_PER = TAG_INDEX.get('B-PER')!;

/**
 * Edits decoded tags in place so that an entity neither starts with a personal
 * title (CoNLL's convention: "Mr Smith" -> Smith, "President Clinton" -> Clinton)
 * nor starts or ends with punctuation ("David -" -> David), keeping a closing
 * bracket whose opening one is inside the entity ("Mladost ( BJ )").
 */
function tidy(words: readonly string[], tags: Uint8Array, isTitle: (word: string) => boolean): void {
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

const tagNames = (tags: Uint8Array): NerTag[] => Array.from(tags, (t) => TAGS[t]);

/**
 * The model's largest tables (the weights, the word clusters), which tagging only reads:
 * made once in memory that threads share (sharedTables) and given to the model of each
 * thread, which then holds no copy of its own. `file` names the weights file they were
 * made from, so that a model never takes another file's tables.
 */
export interface NerTables {
  file: string;
  weights: WeightTableData;
  clusters: WordClustersData;
}

/** data's tables in shared memory (data read from the weights file named `file`). */
export function sharedTables(data: ModelData, file: string): NerTables {
  return { file, weights: new WeightTable(data.hashes, data.weights, true).tables(), clusters: new WordClusters(data.clusters, true).tables() };
}

export class NerModel {
  private readonly gazetteer: Gazetteer;
  private readonly scorer: EmissionScorer;
  // As float64 (exactly the same numbers): Viterbi adds them to float64 scores.
  private readonly trans: Float64Array;
  private readonly end: Float64Array;
  private scratch = new Float64Array(256 * NUM_TAGS);
  private tags = new Uint8Array(256);
  /** How the shipped model was trained (corpus, epochs, scores). */
  readonly meta: Readonly<Record<string, unknown>>;

  /** `tables`: data's tables made already (sharedTables), used instead of making them again. */
  constructor(data: ModelData, tables?: NerTables) {
    if (data.featureVersion !== FEATURE_VERSION) {
      throw new Error(`NER weights were trained with feature version ${data.featureVersion}, this code makes version ${FEATURE_VERSION}: run npm run train:ner`);
    }
    this.gazetteer = new Gazetteer(data.gazetteer);
    const weights = tables ? WeightTable.of(tables.weights) : new WeightTable(data.hashes, data.weights);
    const clusters = tables ? WordClusters.of(tables.clusters) : new WordClusters(data.clusters);
    this.scorer = new EmissionScorer(weights, this.gazetteer, clusters);
    this.trans = Float64Array.from(data.trans);
    this.end = Float64Array.from(data.end);
    this.meta = data.meta;
  }

  private readonly isTitle = (w: string) => this.gazetteer.has('title', w);

  /** Whether one word is in a list of the gazetteer the model was trained with ("c_common": a word of compromise's ordinary vocabulary). */
  inGazetteer(kind: string, word: string): boolean {
    return this.gazetteer.has(kind, word);
  }

  /**
   * Tag indices of sentence s of the scorer's document, in a buffer that the next call reuses;
   * `onScores` gets the sentence's scores (in the reused buffer) before the tags are tidied.
   */
  private decode(words: readonly string[], s: number, doc: boolean, glued?: ArrayLike<boolean>, onScores?: (scores: Float64Array) => void): Uint8Array {
    const n = words.length;
    if (n === 0) return this.tags.subarray(0, 0);
    if (this.scratch.length < n * NUM_TAGS) {
      this.scratch = new Float64Array(n * NUM_TAGS * 2);
      this.tags = new Uint8Array(n * 2);
    }
    this.scorer.scores(s, doc, glued, this.scratch);
    onScores?.(this.scratch);
    const tags = viterbi(n, this.scratch, this.trans, this.end, this.tags).subarray(0, n);
    tidy(words, tags, this.isTitle);
    // Later sentences of the document see how this one's words were tagged.
    if (doc) this.scorer.record(s, tags);
    return tags;
  }

  /**
   * BIO tags for one sentence's tokens. `glued[i]` (optional, recommended when
   * the text is at hand) says there is no space between token i - 1 and token i:
   * it tells "Bre-X" from "Kennedy - Liberal".
   */
  tag(words: readonly string[], glued?: ArrayLike<boolean>): NerTag[] {
    this.scorer.setDocument([words]);
    return tagNames(this.decode(words, 0, false, glued));
  }

  /** Entities in one sentence, as token ranges [start, end). */
  spans(words: readonly string[], glued?: ArrayLike<boolean>): NerSpan[] {
    this.scorer.setDocument([words]);
    return indexSpans(this.decode(words, 0, false, glued));
  }

  /**
   * Tags for every sentence of one document, in order. Better than tagging
   * sentence by sentence: how a word is written elsewhere in the article helps
   * with headlines in capitals and with the first word of a sentence, and how
   * a name was tagged in earlier sentences helps with its later mentions.
   */
  tagDocument(sentences: ReadonlyArray<readonly string[]>, glued?: ReadonlyArray<ArrayLike<boolean>>): NerTag[][] {
    this.scorer.setDocument(sentences);
    this.scorer.documentContext(sentences.length);
    return sentences.map((words, s) => tagNames(this.decode(words, s, true, glued?.[s])));
  }

  /** Entities in every sentence of one document (token ranges within each sentence). */
  spansDocument(sentences: ReadonlyArray<readonly string[]>, glued?: ReadonlyArray<ArrayLike<boolean>>): NerSpan[][] {
    this.scorer.setDocument(sentences);
    this.scorer.documentContext(sentences.length);
    return sentences.map((words, s) => indexSpans(this.decode(words, s, true, glued?.[s])));
  }

  /**
   * spansDocument, and how sure the tagger is of any reading of each sentence: the marginal
   * probability of a span being one name of a type (SentenceMarginals), its scores divided
   * by `temperature` (larger: less sure).
   */
  readDocument(sentences: ReadonlyArray<readonly string[]>, glued: ReadonlyArray<ArrayLike<boolean>> | undefined, temperature: number): { spans: NerSpan[][]; marginals: Array<SentenceMarginals | undefined> } {
    this.scorer.setDocument(sentences);
    this.scorer.documentContext(sentences.length);
    if (this.lattice?.temperature !== temperature) this.lattice = new LatticeWeights(this.trans, this.end, temperature);
    const marginals: Array<SentenceMarginals | undefined> = sentences.map(() => undefined);
    // The scores of every sentence in one buffer, kept for the marginals (an array per sentence cost more to make than to use).
    const at = new Int32Array(sentences.length + 1);
    sentences.forEach((words, s) => (at[s + 1] = at[s] + words.length * NUM_TAGS));
    const scores = new Float64Array(at[sentences.length]);
    const lattice = this.lattice;
    const spans = sentences.map((words, s) =>
      indexSpans(
        this.decode(words, s, true, glued?.[s], (sentenceScores) => {
          scores.set(sentenceScores.subarray(0, at[s + 1] - at[s]), at[s]);
          marginals[s] = new SentenceMarginals(words.length, scores, at[s], lattice);
        }),
      ),
    );
    return { spans, marginals };
  }
  private lattice?: LatticeWeights;
}
