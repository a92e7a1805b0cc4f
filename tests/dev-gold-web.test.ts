// Quality on the web development gold set: 21 articles of seven US outlets (PolNeAR
// train, 2016) annotated by hand (tests/dev-gold-web/), in other house styles than the
// BBC's. Claims are not annotated in this set, so not scored here.
import path from 'node:path';
import { describePolnearGold } from './helpers/gold-sets.ts';

// Floors a little under what the pipeline reaches now on this set.
describePolnearGold('quality on the web development set', path.resolve(import.meta.dirname, 'dev-gold-web'), 'train', {
  categories: { organisations: 0.84, places: 0.9, people: 0.9, quotes: 0.9, roles: 0.78 },
  rates: { quote_attribution: 0.85, direct_quote_recall: 0.93 },
});
