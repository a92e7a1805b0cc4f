// Dates and times of the year as news writes them: "4 August", "April 2010",
// "last year", "next week", "the 1990s", "by 2008", "two years ago",
// "the end of the year", "Tuesday", "Christmas". A written grammar rather than
// wink-nlp's entity pass, which took a quarter of wink's time and gave the
// pipeline nothing else it used.

export interface FoundDate {
  start: number;
  end: number;
  text: string;
}

/** Alternatives of `words`, each also with a capital first letter (a sentence may open with it). */
const either = (...words: string[]) => `(?:${words.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b`;
/** Month names that are not also ordinary words or names ("May", "Jan"): enough on their own. */
const MONTH_ALONE = String.raw`(?:January|February|March|April|June|July|August|September|October|November|December)\b`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`;
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)`;
const DECADE = String.raw`(?:(?:1[5-9]|20)\d0s|['’]?\d0s)\b`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const COUNT = String.raw`(?:${either('a couple of', 'a few', 'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'several', 'many')}|\d+)`;
const UNIT = String.raw`(?:years?|months?|weeks?|days?|decades?|centuries|century)`;
const SEASON = either('summer', 'winter', 'autumn', 'spring');
const RELATIVE_WORD = either('last', 'this', 'next', 'coming', 'previous', 'past', 'following', 'same', 'that');
const RELATIVE_UNIT = String.raw`(?:year|weekend|week|month|quarter|decade|century|season|day|${SEASON}|Christmas|${WEEKDAY}|${MONTH})\b`;
const PART = String.raw`(?:end|start|beginning|middle|rest|turn|first half|second half|(?:first|second|third|fourth|final|last) quarter)`;
const PART_OF = String.raw`(?:the (?:year|decade|century|month|week|day)|${RELATIVE_WORD} ${RELATIVE_UNIT}|${MONTH}(?: ${YEAR})?|${YEAR}|${DECADE})`;

/**
 * Alternatives, most specific first: at a position the first that matches is taken.
 * Every one starts at a word boundary (after the lookbehinds' space too), tested
 * once for all of them: most positions are inside words, and failing there once
 * rather than once per alternative makes the search about twice as fast.
 */
const DATE = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`${DAY} ${MONTH}(?:,? ${YEAR})?`, // 4 August, 4 August 2004
      String.raw`${MONTH} ${DAY}(?:,? ${YEAR})?(?![\d%])`, // August 4, August 4, 2004
      String.raw`${MONTH} ${YEAR}`, // April 2010
      String.raw`${SEASON}(?: of)? ${YEAR}`, // summer 2005, spring of 2006
      String.raw`${PART} of ${PART_OF}`, // end of the year, first half of 2005
      String.raw`${either('early', 'late', 'mid')}[- ](?:${DECADE}|${YEAR}|${MONTH}|${SEASON})`, // early 1990s, mid-2004, late summer
      String.raw`${RELATIVE_WORD} ${RELATIVE_UNIT}`, // last year, next week, this summer, last Tuesday
      String.raw`${COUNT} ${UNIT} ago\b`, // two years ago
      String.raw`[Bb]y (?:${MONTH}(?: ${YEAR})?|${SEASON}(?: ${YEAR})?|${YEAR})`, // by 2008, by March 2005
      String.raw`\d{1,2}(?:st|nd|rd|th) [Cc]entury\b`, // 21st Century
      String.raw`(?<![\d£$€¥.,])${DECADE}`, // 1990s, the 90s
      String.raw`(?<![\d£$€¥.,-])${YEAR}\b(?!\s?%)`, // 2004
      WEEKDAY,
      String.raw`(?<!-)${MONTH_ALONE}(?!-)`, // not "the June-July tour"
      String.raw`(?<=\b(?:[Ii]n|by|until|since|from|of|before|after|during) )May\b`, // "in May", not "may"
      String.raw`${either('today', 'tomorrow', 'yesterday', 'tonight')}\b`,
      String.raw`(?:Christmas|Easter|New Year)\b`,
      String.raw`${either('summer', 'winter', 'autumn')}\b`,
    ].join('|') +
    ')',
  'g',
);

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DATE)) found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return found;
}
