// Quality on the modern check set: 20 news pages of 2019 from 20 outlets (the article-extraction
// benchmark's) annotated by hand (tests/check-gold-modern/) and kept for judging changes made
// from other text: no rule is written from its articles. Claims are not annotated in this set.
import path from 'node:path';
import { describeArticleExtractionGold } from './helpers/gold-sets.ts';

// Floors a little under what the pipeline reaches now on this set.
describeArticleExtractionGold('quality on the modern check set', path.resolve(import.meta.dirname, 'check-gold-modern'), {
  categories: { organisations: 0.7, places: 0.85, people: 0.87, quotes: 0.88, roles: 0.7 },
  rates: { quote_attribution: 0.86, direct_quote_recall: 0.9 },
});
