// Quality on the web check set: 20 articles of seven US outlets (PolNeAR dev, 2016)
// annotated by hand (tests/check-gold-web/) and kept for judging changes made from other
// text: no rule is written from its articles. Claims are not annotated in this set.
import path from 'node:path';
import { describePolnearGold } from './helpers/gold-sets.ts';

// Floors a little under what the pipeline reaches now on this set.
describePolnearGold('quality on the web check set', path.resolve(import.meta.dirname, 'check-gold-web'), 'dev', {
  categories: { organisations: 0.72, places: 0.88, people: 0.95, quotes: 0.88, roles: 0.7 },
  rates: { quote_attribution: 0.83, direct_quote_recall: 0.88 },
});
