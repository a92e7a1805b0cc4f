// What the head word of a noun phrase says about who or what it is, for speakers:
// someone who speaks for a body, a document that carries someone's words, a person
// described, or something that cannot speak at all.

/** Who speaks for a body rather than as a person ("a spokesman for X said", "the BPI spokesman said"). */
export const SPOKESPERSON_WORDS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'spokeswomen', 'spokespersons',
  'representative', 'representatives', 'source', 'sources', 'official', 'officials', 'lawyer', 'lawyers',
]);

/** Of those, the ones that speak for the body the passage is about when none is named ("a spokesman said"). */
export const SPEAKS_FOR_ONE_BODY: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokesmen', 'spokeswomen', 'spokespersons', 'representative']);

/**
 * Documents that carry someone's words: the author speaks ("the council's letter said", "a
 * statement from the club"); found nowhere, the document itself is the source.
 */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set([
  'letter', 'letters', 'statement', 'statements', 'email', 'emails', 'memo', 'memos', 'note', 'notes', 'tweet', 'tweets',
  'post', 'posting', 'release', 'filing', 'filings', 'submission', 'message', 'messages', 'website', 'blog', 'document',
  'documents', 'paper', 'papers', 'leaflet', 'advert', 'advertisement', 'ad', 'notice', 'announcement', 'manifesto',
]);

/** People described, not named, with the gender the word gives ("the woman", "his wife"). */
export const GENDERED_PERSON_WORDS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...['man', 'boy', 'father', 'son', 'husband', 'brother', 'uncle', 'grandfather', 'spokesman', 'chairman', 'businessman', 'king', 'prince', 'actor', 'congressman']
    .map((w) => [w, 'male'] as const),
  ...['woman', 'girl', 'mother', 'daughter', 'wife', 'sister', 'aunt', 'grandmother', 'spokeswoman', 'chairwoman', 'businesswoman', 'queen', 'princess', 'actress', 'congresswoman']
    .map((w) => [w, 'female'] as const),
]);

/** People described by what they are rather than by a post: "the 64-year-old", "a local resident". */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  ...GENDERED_PERSON_WORDS.keys(), 'person', 'resident', 'voter', 'fan', 'victim', 'witness', 'patient', 'customer',
  'shopper', 'parent', 'neighbour', 'neighbor', 'friend', 'relative', 'colleague', 'child', 'pensioner', 'student',
  'candidate', 'nominee', 'veteran', 'survivor', 'owner', 'billionaire', 'mogul', 'tycoon', 'star', 'singer',
]);

/**
 * Things that cannot say anything, whatever the sentence makes them the subject of: times
 * ("Monday said" is a misreading of "said Monday"), events and gatherings, places as places.
 */
export const NON_SPEAKER_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight',
  'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'month', 'year', 'decade', 'time',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'summit', 'meeting', 'conference', 'convention', 'rally', 'event', 'ceremony', 'debate', 'hearing', 'session',
  'election', 'vote', 'referendum', 'match', 'game', 'race', 'tournament', 'season', 'visit', 'trip', 'talks',
  'favour', 'favor', 'behalf', 'view', 'light', 'wake', 'response', 'reply', 'addition', 'order', 'spite', 'terms',
  'city', 'town', 'country', 'village', 'region', 'area', 'street', 'road', 'building', 'room', 'stage', 'scene',
]);
