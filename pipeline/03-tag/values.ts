// Money, percentages and plain numbers, with their values normalised:
// "£2m" → 2000000 GBP, "$1.13bn" → 1130000000 USD, "300p" → 3 GBP, "5%" → 5 percent.

export interface FoundValue {
  start: number;
  end: number;
  text: string;
  kind: 'money' | 'percent' | 'number';
  value: number;
  unit: string;
  rule: string;
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12,
};

const CURRENCY_SYMBOLS: Record<string, string> = {
  '£': 'GBP', $: 'USD', 'us$': 'USD', '€': 'EUR', '¥': 'JPY', gbp: 'GBP', usd: 'USD', eur: 'EUR',
};

const CURRENCY_WORDS: Record<string, string> = {
  pound: 'GBP', pounds: 'GBP', sterling: 'GBP', dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR',
  yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', rupee: 'INR', rupees: 'INR', francs: 'CHF', roubles: 'RUB', rubles: 'RUB',
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULT = String.raw`(?:\s?(?:bn|mn|m|k|tn)\b|\s(?:thousand|million|billion|trillion)\b)`;
const CURWORD = Object.keys(CURRENCY_WORDS).join('|');

// £2m, $1.13bn, €5 million, US$3, GBP 27 million
const SYMBOL_MONEY = new RegExp(String.raw`(US\$|[£$€¥]|\b(?:GBP|USD|EUR)\s?)(${NUMBER})(${MULT})?`, 'gi');
// 210bn yuan, 5 million pounds
const WORD_MONEY = new RegExp(String.raw`\b(${NUMBER})(${MULT})?\s(${CURWORD})\b`, 'gi');
// 300p
const PENCE = new RegExp(String.raw`\b(${NUMBER})p\b`, 'g');
const PERCENT = new RegExp(String.raw`\b(${NUMBER})\s?(%|per ?cent\b|percent\b)`, 'gi');
const PLAIN_NUMBER = new RegExp(String.raw`\b(${NUMBER})(${MULT})?(?![\d%])`, 'g');

const parseNumber = (digits: string) => Number(digits.replace(/,/g, ''));
const multiplier = (m: string | undefined) => (m ? MULTIPLIERS[m.trim().toLowerCase()] ?? 1 : 1);
/** Round away binary noise: 1.13 * 1e9 is 1129999999.9999998. */
const exact = (n: number) => Number(n.toPrecision(12));

const overlaps = (found: FoundValue[], start: number, end: number) => found.some((f) => start < f.end && end > f.start);

export function findValues(text: string): FoundValue[] {
  const found: FoundValue[] = [];
  const add = (v: FoundValue) => {
    if (!overlaps(found, v.start, v.end)) found.push(v);
  };
  for (const m of text.matchAll(SYMBOL_MONEY)) {
    const unit = CURRENCY_SYMBOLS[m[1].trim().toLowerCase()];
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'money', value: exact(parseNumber(m[2]) * multiplier(m[3])), unit, rule: 'money:symbol' });
  }
  for (const m of text.matchAll(WORD_MONEY)) {
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'money', value: exact(parseNumber(m[1]) * multiplier(m[2])), unit: CURRENCY_WORDS[m[3].toLowerCase()], rule: 'money:word' });
  }
  for (const m of text.matchAll(PENCE)) {
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'money', value: exact(parseNumber(m[1]) / 100), unit: 'GBP', rule: 'money:pence' });
  }
  for (const m of text.matchAll(PERCENT)) {
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'percent', value: parseNumber(m[1]), unit: 'percent', rule: 'percent' });
  }
  for (const m of text.matchAll(PLAIN_NUMBER)) {
    add({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'number', value: exact(parseNumber(m[1]) * multiplier(m[2])), unit: '', rule: 'number' });
  }
  return found.sort((a, b) => a.start - b.start);
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
  half: 0.5, third: 1 / 3, quarter: 0.25, 'two thirds': 2 / 3, 'three quarters': 0.75,
};

/** "half", "two thirds", "one in five", "ten" as a number, or undefined. */
export function numberWordValue(phrase: string): number | undefined {
  const p = phrase.toLowerCase().trim();
  const oneIn = /^(\w+) in (\w+)$/.exec(p);
  if (oneIn && NUMBER_WORDS[oneIn[1]] && NUMBER_WORDS[oneIn[2]]) return exact(NUMBER_WORDS[oneIn[1]] / NUMBER_WORDS[oneIn[2]]);
  const v = NUMBER_WORDS[p];
  return v === undefined ? undefined : exact(v);
}
