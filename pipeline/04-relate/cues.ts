// Words that introduce speech and hedges. Users can extend these lists.

export const REPORTING_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'warned', 'warns', 'claimed', 'claims', 'argued', 'argues',
  'insisted', 'insists', 'admitted', 'admits', 'denied', 'denies', 'explained', 'explains', 'stressed', 'stresses',
  'noted', 'notes', 'believes', 'suggested', 'suggests', 'acknowledged', 'acknowledges', 'announced', 'announces',
  'confirmed', 'confirms', 'revealed', 'reveals', 'stated', 'declared', 'commented', 'remarked', 'replied',
  'urged', 'predicted', 'predicts', 'maintained', 'maintains', 'conceded', 'concedes', 'agreed', 'estimated', 'estimates',
  'reckons', 'recalled', 'wrote', 'writes', 'continued', 'found', 'finds', 'concluded', 'concludes',
  'complained', 'complains', 'described', 'pointed out', 'points out', 'went on', 'responded', 'responds', 'answered',
  'tweeted', 'quipped', 'joked', 'countered', 'retorted', 'observed', 'contended', 'asserted', 'asserts', 'cautioned',
  'predicts', 'recalls', 'believed', 'thinks', 'feels', 'demanded', 'demands', 'asks', 'vowed', 'vows', 'chanted', 'wrote',
  'testified', 'acknowledged', 'emphasised', 'emphasized', 'stressed', 'argues', 'concluded', 'reported', 'reports',
];

/** The one-word reporting verbs as a set: what the quote rules consult, and what users extend. */
export const REPORTING_WORDS: Set<string> = new Set(REPORTING_VERBS.filter((v) => !v.includes(' ')));

/** Verbs by which a report, study or inspection states a finding. */
export const FINDING_VERBS = ['found', 'finds', 'find', 'showed', 'shows', 'show', 'suggest', 'indicate', 'indicates', 'indicated', 'revealed', 'reveals', 'concluded', 'concludes', 'suggests', 'suggested', 'highlighted', 'highlights', 'warned', 'warns', 'said', 'says', 'added', 'criticised'];
export const FINDING_SOURCES = ['report', 'study', 'inspection', 'survey', 'review', 'research', 'audit', 'investigation', 'analysis', 'inquiry', 'poll', 'figures', 'data', 'evaluation', 'assessment', 'watchdog', 'inspectors', 'researchers'];
/** A word naming where a finding comes from ("report", "studies"), anywhere in a text. */
export const FINDING_SOURCE_WORD = new RegExp(`\\b(?:${FINDING_SOURCES.join('|')})s?\\b`, 'i');

/** Words that soften a claim, reported as written ("expected", "would", "it is believed"). */
export const HEDGES = [
  'it is believed', 'it is thought', 'expected', 'predicted', 'likely', 'would', 'could', 'may', 'might', 'believed', 'claimed',
  'estimated', 'reportedly', 'allegedly', 'possibly', 'probably', 'appears', 'thought',
];

export const QUALIFIERS = ['some', 'around', 'about', 'almost', 'nearly', 'more than', 'over', 'up to', 'at least', 'less than', 'fewer than', 'only', 'just', 'roughly', 'approximately', 'under', 'as many as', 'as much as'];

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
