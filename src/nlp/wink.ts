// One shared wink-nlp instance for the process, and document reading that does
// not depend on what that instance read before.
//
// WHY THIS EXISTS (wink-nlp 2.4.0 with wink-eng-lite-web-model 1.8.1)
//
// Every instance has a lexeme cache (src/cache.js, `cache()`). Its `add(text,
// category)` is what `_addToken` in src/dd-wrapper.js calls for every token that
// is not in the model's lexicon. Through `getFeaturesIndex('lexeme', …)` it writes
// `text` and `text.toLowerCase()` into `model.features.lexeme.hash` (text -> index),
// appends them to `model.features.lexeme.list`, and pushes a packed feature record
// onto the cache's private `extrinsicLexicon` array. Nothing ever removes them.
//
// The tokenizer consults that same hash before it does any splitting: for each
// space-delimited chunk `tokenize()` in src/tokenizer.js first calls
// `doc._addTokenIfInCache(chunk)` (-> `cache.lookup()` -> `lexemesHash[chunk]`), and
// `processUnk()` and the recursive tokenizer (`isLexeme`, `addTokenIfInCache`) do
// the same on fragments. A hit is emitted as it is, so a string that an earlier
// document added goes through as ONE token. Example: in "John Smith's," the chunk
// "Smith's," reaches the recursive tokenizer, where the possessive rule `['’]s$`
// does not match (the comma follows it), so the word rule matches all of
// "Smith's". That is added as a single lexeme (also "smith's"), and from then on
// "Smith's" in any document read by that instance is looked up as a whole instead
// of being split into "Smith" + "'s". The same goes for any fragment a context-
// dependent path adds: the word before trailing punctuation, pieces that the
// recursive rules cut out, and so on. A second, quieter leak: the record stores
// features computed from the category of the FIRST add (`tokenType`, and the
// default `pos`, which depends on it), so the type and POS of an unknown word also
// depend on which document added it first (possible, not seen in the BBC corpus,
// where all 74 affected documents differ in tokens).
//
// A fresh `winkNLP(model)` per document would isolate documents, but each load
// costs a model parse, and wink-eng-lite-web-model's `metaCER()`
// (dist/load-cer-meta-model.js) re-`JSON.stringify`s a module-level variable on
// every call, so about the 21st load in a process throws `RangeError: Invalid
// string length`.
//
// THE FIX: one instance whose lexeme hash holds only the model's lexicon at the
// start of every document. We take hold of the instance's cache object (it is
// passed as the third argument to the model's feature functions, which we wrap)
// and wrap its `add`:
//  * Every key that an add puts into the hash during a document is recorded and
//    deleted when the document has been read. So each document is tokenised and
//    annotated against exactly what a brand-new instance would see: the built-in
//    lexicon plus whatever this document has itself added so far.
//  * The entries themselves (list + extrinsicLexicon) are append-only and are
//    never reused under another meaning, so documents read earlier stay valid.
//  * So that memory does not grow with every document, an entry is reused when it
//    would be identical to the one a fresh instance would create: the record is a
//    pure function of (text, category, index of its lower-case normal) for a
//    mixed-case text and of (text, category) for one that is its own normal. We
//    keep a map from those keys to the entry created first, and put the entry
//    into the hash before calling the real `add`, which then creates nothing.
// Lexeme indices of unknown words (`its.uniqueId`) are therefore not the same as
// in a fresh instance; they must not be compared across documents anyway.
// `doc.isLexeme()` answers for the built-in lexicon only once the doc is read.
// Checked on the BBC corpus: all 2,225 documents give the same tokens, types, POS,
// lemmas, sentences and entities as a brand-new instance per document, in any
// order (scripts/check-wink-isolation.ts --fresh all).
//
// Lexeme indices must stay below 1,080,000: wink's automata use 1,080,000 + hint
// and 2,070,000+ as special symbols. Before a document we replace the instance by
// a new one once the lexicon has grown to DEFAULT_REBUILD_AT_LEXEMES, well below
// that, which also bounds its memory (behind the same `nlp` facade; `metaCER()`
// is memoised so reloading is safe).

import winkNLP from 'wink-nlp';
import type { Document, ItsHelpers, AsHelpers, WinkMethods, Model } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The private cache object of a wink instance (src/cache.js), as far as we use it. */
interface WinkCache {
  add(text: string, category: number): number;
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}

interface LexemeFeature {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize: number;
}

interface CoreModel {
  features: { lexeme: LexemeFeature };
}

type FeatureFns = Record<string, unknown>;

interface RawModel {
  core(): CoreModel;
  featureFn(config: unknown, ...rest: unknown[]): FeatureFns;
  metaCER(): { machines: unknown; transformers: unknown };
  [key: string]: unknown;
}

/**
 * The annotations the pipeline reads: tokens and their POS (which wink tags
 * sentence by sentence). Its entities, negation, sentiment and custom entities
 * are left out of the pipe (about 40% of readDoc's time; dates come from
 * pipeline/03-tag/dates.ts); tokens and POS are the same as with the default
 * pipe (checked on the BBC corpus, all 2,225 articles).
 */
const WINK_PIPE = ['sbd', 'pos'];

/**
 * Rebuild the instance before a document once the lexicon is this large. Each
 * unknown word kept costs ~150 bytes (the BBC corpus adds 26,600 to the 87,600
 * built in, +4 MB), so memory stays bounded over an endless stream of new
 * words; a rebuild (~0.2 s) then comes every few hundred thousand articles.
 */
const DEFAULT_REBUILD_AT_LEXEMES = 300_000;
/** wink's automata use 1,080,000 + hint as symbols: lexeme indices must stay below. */
const MAX_LEXEMES = 1_070_000;
/** Packs (normal index, index) into one number; both are below MAX_LEXEMES < PACK. */
const PACK = 2 ** 21;
let rebuildAtLexemes = DEFAULT_REBUILD_AT_LEXEMES;

interface Engine {
  nlp: WinkMethods;
  lexeme: LexemeFeature;
  intrinsicSize: number;
  /** By token category: text -> index, for texts that are their own normal. */
  selfEntries: Array<Map<string, number>>;
  /**
   * By token category: mixed-case text -> normalIndex * PACK + index. (One per
   * text; in the rare case that its normal differs, a new entry is made.)
   */
  pairEntries: Array<Map<string, number>>;
  /** Keys put into the lexeme hash since the current document began. */
  added: string[];
}

export interface WinkIsolationStats {
  /** Lexemes of the current instance: built-in + every distinct unknown-word entry. */
  lexemes: number;
  intrinsic: number;
  /** Unknown-word entries reused rather than recreated. */
  reused: number;
  /** Times the instance was rebuilt because the lexicon grew too large. */
  rebuilds: number;
  documents: number;
}

const rawModel = model as unknown as RawModel;

let cerMeta: { machines: unknown; transformers: unknown } | undefined;

/** `metaCER()` of the model, loaded once: every call re-stringifies module state. */
function metaCEROnce(): { machines: unknown; transformers: unknown } {
  if (cerMeta === undefined) {
    const loaded = rawModel.metaCER();
    let machines = loaded.machines;
    // If something else in the process already loaded the model, the module
    // variable is stringified more than once; peel off the extra layers.
    while (typeof machines === 'string') {
      const inner: unknown = JSON.parse(machines);
      if (typeof inner !== 'string') break;
      machines = inner;
    }
    cerMeta = { machines, transformers: loaded.transformers };
  }
  return cerMeta;
}

/**
 * The model's `isAbbrev` feature, `/[a-z].*\.$/i.test(word) ? 1 : 0`, without the
 * regular expression: V8 backtracks it from every letter, so a 200,000-letter word
 * took 20 s (quadratic). Here one pass back from the final full stop: a letter
 * before it with no line break in between.
 */
function isAbbrev(word: string): number {
  if (word.charCodeAt(word.length - 1) !== 0x2e) return 0;
  for (let i = word.length - 2; i >= 0; i--) {
    const c = word.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return 1;
    if (LINE_BREAK.has(word.charCodeAt(i))) return 0;
  }
  return 0;
}
/** What `.` in a regular expression does not match. */
const LINE_BREAK = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

let engine: Engine | undefined;
let facade: { nlp: WinkMethods; its: ItsHelpers; as: AsHelpers } | undefined;
let reused = 0;
let rebuilds = 0;
let documents = 0;

function createEngine(): Engine {
  let core: CoreModel | undefined;
  let captured: WinkCache | undefined;

  const wrappedModel = {
    ...rawModel,
    core(): CoreModel {
      core = rawModel.core();
      return core;
    },
    featureFn(config: unknown, ...rest: unknown[]): FeatureFns {
      const features = rawModel.featureFn(config, ...rest);
      if (typeof features.isAbbrev === 'function') features.isAbbrev = isAbbrev;
      const originals: FeatureFns = {};
      for (const name of Object.keys(features)) {
        const fn = features[name];
        if (typeof fn !== 'function') continue;
        originals[name] = fn;
        // The cache calls `feature[f](text, category, cache)`; grab the cache on
        // the first call, then put the original functions back.
        features[name] = function (this: unknown, ...args: unknown[]): unknown {
          if (captured === undefined) captured = args[2] as WinkCache;
          Object.assign(features, originals);
          return (fn as (...a: unknown[]) => unknown).apply(this, args);
        };
      }
      return features;
    },
    metaCER: metaCEROnce,
  };

  const nlp = winkNLP(wrappedModel as unknown as Model, WINK_PIPE);
  if (core === undefined) throw new Error('wink isolation: model core was not loaded through the wrapper');
  const lexeme = core.features.lexeme;
  const hash = lexeme.hash;
  const intrinsicSize = lexeme.intrinsicSize;

  // Make the instance add one unknown word so that the cache shows itself.
  let probe = 'qzxvjkw';
  while (hash[probe] !== undefined || hash[probe.toLowerCase()] !== undefined) probe += 'q';
  nlp.readDoc(probe);
  if (captured === undefined || typeof captured.add !== 'function' || captured.intrinsicSize() !== intrinsicSize) {
    throw new Error('wink isolation: could not reach the lexeme cache (wink-nlp internals changed?)');
  }
  const probeFound = captured.lookup(probe) !== null;
  for (const key of lexeme.list.slice(intrinsicSize)) delete hash[key];
  if (!probeFound || captured.lookup(probe) !== null) {
    throw new Error('wink isolation: the lexeme hash is not the one the tokenizer reads (wink-nlp internals changed?)');
  }

  const cache = captured;
  const originalAdd = cache.add;
  const eng: Engine = { nlp, lexeme, intrinsicSize, selfEntries: [], pairEntries: [], added: [] };
  const { selfEntries, pairEntries, added } = eng;

  cache.add = function isolatedAdd(text: string, category: number): number {
    const normText = text.toLowerCase();
    let t: number | undefined = hash[text];
    if (normText === text) {
      if (t !== undefined) return t;
      const selves = selfEntries[category] ?? (selfEntries[category] = new Map());
      t = selves.get(text);
      if (t !== undefined) {
        hash[text] = t;
        added.push(text);
        reused += 1;
        return t;
      }
      t = originalAdd(text, category); // creates exactly this one entry
      added.push(text);
      selves.set(text, t);
      return t;
    }

    let n: number | undefined = hash[normText];
    if (t !== undefined && n !== undefined) return t;
    const selves = selfEntries[category] ?? (selfEntries[category] = new Map());
    if (n === undefined) {
      n = selves.get(normText);
      if (n !== undefined) {
        hash[normText] = n;
        added.push(normText);
        reused += 1;
      }
    }
    if (t === undefined && n !== undefined) {
      const packed = pairEntries[category]?.get(text);
      if (packed !== undefined && Math.floor(packed / PACK) === n) {
        t = packed % PACK;
        hash[text] = t;
        added.push(text);
        reused += 1;
      }
    }
    if (t !== undefined && n !== undefined) return t;

    // Something is new: let wink create it (text first, then its normal), then
    // remember what was created.
    const textWasNew = t === undefined;
    const normWasNew = n === undefined;
    t = originalAdd(text, category);
    n = hash[normText];
    if (normWasNew) {
      added.push(normText);
      selves.set(normText, n);
    }
    if (textWasNew) {
      added.push(text);
      (pairEntries[category] ?? (pairEntries[category] = new Map())).set(text, n * PACK + t);
    }
    return t;
  };

  return eng;
}

function currentEngine(): Engine {
  if (engine === undefined) engine = createEngine();
  return engine;
}

/** Removes from the lexeme hash everything added since the document began. */
function forget(eng: Engine): void {
  const hash = eng.lexeme.hash;
  for (const key of eng.added) delete hash[key];
  eng.added.length = 0;
}

function inDocumentScope<T>(run: (eng: Engine) => T): T {
  const eng = currentEngine();
  forget(eng);
  try {
    return run(eng);
  } finally {
    forget(eng);
  }
}

function rebuildIfLarge(textLength: number): void {
  const eng = currentEngine();
  const size = eng.lexeme.list.length;
  // A document adds at most two entries (text and its lower case) per character.
  if (size > eng.intrinsicSize && size + 2 * textLength > rebuildAtLexemes) {
    engine = createEngine();
    rebuilds += 1;
  }
}

/**
 * Reads `text` with the shared instance (WINK_PIPE). Tokens, their types, POS,
 * entities, sentences etc. are exactly what a brand-new instance would give for
 * this text alone, whatever was read before. The returned document stays valid
 * after later reads.
 */
export function readDocIsolated(text: string): Document {
  if (typeof text !== 'string') {
    throw new TypeError(`readDocIsolated: expected a string, got ${typeof text}`);
  }
  rebuildIfLarge(text.length);
  documents += 1;
  return inDocumentScope((eng) => eng.nlp.readDoc(text));
}

/**
 * The process-wide wink instance, created on first use. `nlp.readDoc` IS
 * `readDocIsolated`: there is no way to read through it with the leaking
 * behaviour. `its` and `as` are wink's static helpers.
 */
export function getWink(): { nlp: WinkMethods; its: ItsHelpers; as: AsHelpers } {
  if (facade === undefined) {
    const eng = currentEngine();
    const nlp: WinkMethods = {
      readDoc: readDocIsolated,
      learnCustomEntities(): number {
        throw new Error("wink's custom entities are not in the pipeline's pipe (WINK_PIPE)");
      },
      vectorOf(word: string): number[] {
        return currentEngine().nlp.vectorOf(word);
      },
      its: eng.nlp.its,
      as: eng.nlp.as,
    };
    facade = { nlp, its: eng.nlp.its, as: eng.nlp.as };
  }
  return facade;
}

/**
 * A new, plain wink instance (WINK_PIPE) that behaves like `winkNLP(model, WINK_PIPE)`,
 * i.e. it DOES leak between documents. For tests and checks only: a fresh one
 * per document is the reference for "read alone". Unlike `winkNLP(model)` it
 * can be created any number of times in one process (`metaCER()` is memoised).
 * About 140 ms per instance.
 */
export function newPlainWinkInstance(): WinkMethods {
  return winkNLP({ ...rawModel, metaCER: metaCEROnce } as unknown as Model, WINK_PIPE);
}

/**
 * Lexicon size (built-in + unknown-word entries) at which the instance is
 * rebuilt before the next document; default 300,000, at most 1,070,000.
 * For tests.
 */
export function setWinkRebuildThreshold(lexemes: number = DEFAULT_REBUILD_AT_LEXEMES): void {
  if (!(lexemes > 0 && lexemes <= MAX_LEXEMES)) throw new RangeError(`rebuild threshold must be in (0, ${MAX_LEXEMES}]`);
  rebuildAtLexemes = lexemes;
}

/** Counters for tests and the check script. */
export function winkIsolationStats(): WinkIsolationStats {
  const eng = currentEngine();
  return {
    lexemes: eng.lexeme.list.length,
    intrinsic: eng.intrinsicSize,
    reused,
    rebuilds,
    documents,
  };
}

/** Number of keys in the lexeme hash beyond the built-in lexicon (0 between documents). */
export function winkLexemeHashExtra(): number {
  const eng = currentEngine();
  let count = 0;
  for (const key in eng.lexeme.hash) if (eng.lexeme.hash[key] >= eng.intrinsicSize) count += 1;
  return count;
}
