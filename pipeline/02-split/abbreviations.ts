// Words that end in a full stop without ending the sentence (lower-cased, without the stop).
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'cllr', 'prof', 'rev', 'revd', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt',
  'maj', 'cmdr', 'hon', 'rt', 'st', 'mt', 'no', 'nos', 'vol', 'fig', 'inc', 'ltd', 'co', 'corp', 'plc', 'bros',
  'vs', 'v', 'approx', 'est', 'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'jr', 'sr', 'snr', 'jnr', 'op', 'cit', 'al', 'ca',
]);
