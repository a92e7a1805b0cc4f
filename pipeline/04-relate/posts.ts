// Words of posts for the role grammar (roles.ts), the noun-phrase chunker and speakers,
// beside the tagger's role words (03-tag/lexicons/people.ts).

import { ROLE_WORDS } from '../03-tag/lexicons/people.ts';

/** Posts the tagger's list lacks, common in political, sports and business news. */
export const MORE_POST_WORDS: ReadonlySet<string> = new Set([
  'nominee', 'candidate', 'hopeful', 'contender', 'challenger', 'incumbent', 'front-runner', 'frontrunner', 'delegate',
  'chairperson', 'quarterback', 'linebacker', 'pitcher', 'catcher', 'shortstop', 'centre-back', 'full-back',
  'manager', 'anchorman', 'anchorwoman', 'pundit', 'strategist', 'pollster', 'fundraiser', 'operative', 'surrogate',
  'attorney-general', 'secretary-general', 'commentator', 'chief-of-staff', 'undersecretary', 'lieutenant-governor',
  'consul', 'student', 'assemblyman', 'assemblywoman', 'businessman', 'businesswoman', 'mogul', 'titan', 'supermodel',
  'model', 'economist', 'lecturer', 'dean', 'sheriff', 'prosecutor', 'neurosurgeon', 'physicist', 'epidemiologist', 'scholar',
  'astronaut', 'organizer', 'organiser', 'councilman', 'councilwoman', 'alderman', 'justice', 'staffer',
  // sport: positions and posts of North American and European teams
  'defenseman', 'defenceman', 'goalie', 'goaltender', 'netminder', 'receiver', 'cornerback', 'lineman', 'kicker', 'punter',
  'outfielder', 'infielder', 'reliever', 'right-hander', 'left-hander', 'playmaker', 'caddie',
  // occupations of modern news
  'chef', 'entertainer', 'rusher', 'trooper', 'firefighter', 'investigator', 'regulator', 'supervisor', 'comptroller', 'councilmember',
  'showrunner', 'screenwriter', 'director-general', 'frontman', 'drummer', 'bassist', 'keyboardist', 'vocalist', 'pianist', 'violinist',
  'conductor', 'choreographer', 'dancer', 'illustrator', 'cartoonist', 'curator', 'librarian', 'blogger', 'podcaster',
  'influencer', 'astronomer', 'chemist', 'geneticist', 'veterinarian', 'financier', 'underwriter', 'realtor', 'mechanic',
  'farmer', 'rancher', 'editor-in-chief', 'commander-in-chief', 'co-author', 'co-chair', 'cofounder', 'co-owner',
]);

/** A team's positions and posts: written with a city ("Pittsburgh center"), held in the team the city names. */
export const SPORTS_POSTS: ReadonlySet<string> = new Set([
  'quarterback', 'linebacker', 'pitcher', 'catcher', 'shortstop', 'defenseman', 'defenceman', 'goalie', 'goaltender',
  'netminder', 'receiver', 'cornerback', 'lineman', 'kicker', 'punter', 'outfielder', 'infielder', 'reliever', 'center',
  'guard', 'rusher', 'striker', 'midfielder', 'defender', 'forward', 'winger', 'goalkeeper', 'fly-half', 'scrum-half',
  'flanker', 'coach', 'skipper',
]);

/** Posts only when written in lower case: "Sabres center Casey Mittelstadt", "FBI agent Jane Roe", not "KeyBank Center". */
const LOWER_CASE_POSTS: ReadonlySet<string> = new Set(['center', 'guard', 'agent', 'scout', 'closer']);

/** Occupations named by their field: "meteorologist", "epidemiologist", "statistician", "pediatrician". */
const OCCUPATION_ENDING = /^\p{Ll}[\p{Ll}-]{3,}(?:ologist|ician)$/u;

/**
 * Titles written before a name that are posts, abbreviated or in full, with the post they
 * name: "Sen. Ted Cruz" is a senator, "Gov. Jon Husted" a governor.
 */
export const TITLE_POSTS: ReadonlyMap<string, string> = new Map([
  ['Sen', 'Senator'], ['Senator', 'Senator'], ['Rep', 'Representative'], ['Representative', 'Representative'],
  ['Gov', 'Governor'], ['Governor', 'Governor'], ['Congressman', 'Congressman'], ['Congresswoman', 'Congresswoman'],
  ['Ambassador', 'Ambassador'], ['Mayor', 'Mayor'], ['Cllr', 'Councillor'], ['Councillor', 'Councillor'],
  ['Alderman', 'Alderman'], ['Judge', 'Judge'], ['Justice', 'Justice'],
  ...['Alderwoman', 'Assemblyman', 'Assemblywoman', 'Assemblymember', 'Councilman', 'Councilwoman', 'Councilmember'].map((t) => [t, t] as [string, string]),
]);

/**
 * Posts held in a body ("chief executive", "spokesman"), as opposed to posts that stand on
 * their own ("prime minister", "judge", "actress"): written without the body, they are held
 * at the organisation the passage is about.
 */
export const ORGANISATION_POSTS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'executive', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director',
  'manager', 'founder', 'co-founder', 'head', 'controller', 'commissioner', 'co-ordinator', 'coordinator', 'treasurer',
  'vice-president', 'CEO', 'CFO', 'COO', 'CTO', 'MD', 'VP',
]);

/** Of those, the ones that also name a post of its own in sport and film ("director Martin Scorsese"): held in the story's body only with a word more ("finance director"). */
export const AMBIGUOUS_ORGANISATION_POSTS: ReadonlySet<string> = new Set(['director', 'manager', 'head']);

/**
 * A word of the tagger's list of posts, as written or in lower case: what the noun-phrase
 * chunker and the speakers take for a post. They do not take isPostWord's compounds and
 * added posts: "the Tory co-chairman said" would then be read as a description of the
 * person the article has made known (on the BBC corpus, more often wrong than right).
 */
export const isListedPost = (word: string) => ROLE_WORDS.has(word) || ROLE_WORDS.has(word.toLowerCase());

/** For the role grammar: "chairman", "MP", "nominee", and compounds of them ("co-chairman", "vice-president", "Secretary-General"). */
export function isPostWord(word: string): boolean {
  const w = word.replace(/[.,;:]+$/, '');
  const lower = w.toLowerCase();
  if (ROLE_WORDS.has(w) || ROLE_WORDS.has(lower) || MORE_POST_WORDS.has(lower) || LOWER_CASE_POSTS.has(w) || OCCUPATION_ENDING.test(lower)) return true;
  if (!w.includes('-')) return false;
  // "co-CEO" as "co-chairman": the last part as written or in lower case.
  const parts = w.split('-');
  return isListedPost(parts[parts.length - 1]) || ROLE_WORDS.has(parts[0].toLowerCase());
}
