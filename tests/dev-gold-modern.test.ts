// Quality on the modern development set: 24 pages of 2019 from 24 outlets (the article-extraction
// benchmark's) annotated by hand (tests/dev-gold-modern/), in many house styles and topics.
// Claims are not annotated in this set.
import path from 'node:path';
import { describeArticleExtractionGold } from './helpers/gold-sets.ts';

// Floors a little under what the pipeline reaches now on this set.
describeArticleExtractionGold('quality on the modern development set', path.resolve(import.meta.dirname, 'dev-gold-modern'), {
  categories: { organisations: 0.68, places: 0.9, people: 0.9, quotes: 0.88, roles: 0.6 },
  rates: { quote_attribution: 0.83, direct_quote_recall: 0.92 },
});
