// How much each thing known of a candidate counts when choosing whom a pronoun, a possessive
// or a quotation with no cue stands for (speakers.ts builds the candidates and their features).
// The weights are set by hand. `npm run train:speakers` fits weights over the same features on
// PolNeAR's training articles and compares them: so far the learned ones do no better (see there).

/** One entity a pronoun may stand for, with what is known of it where the pronoun stands. */
export interface Candidate {
  speaker: { speaker: string; entityId: string };
  /** Where it was last named or spoke before the pronoun (later wins a tie). */
  at: number;
  /** Feature name -> value: "subject@0" (the subject of a clause in the pronoun's sentence), "last", "named", ... */
  features: Map<string, number>;
}

/**
 * A candidate counts by its best mention (a subject outranks an object or a name in a
 * prepositional phrase, the first in its sentence a little more, every sentence back costs;
 * having spoken there counts as a subject), and the one who spoke last is likelier, less so
 * paragraphs later.
 */
const SALIENCE = {
  role: { subject: 2, other: 1, object: 0.5, oblique: 0, possessor: 0, spoke: 2 } as Record<string, number>,
  firstInSentence: 0.5,
  perSentenceBack: 1.25,
  lastSpeaker: 1,
  perParagraphSinceSpoke: 0.5,
};

/** A candidate's score; -Infinity for one that is no candidate after all. */
export function salienceOf(features: ReadonlyMap<string, number>): number {
  let best = -Infinity;
  let last = -Infinity;
  for (const f of features.keys()) {
    // "subject@0": what, then where (sentences or paragraphs back).
    const sep = f.search(/[@+]/);
    const what = sep < 0 ? f : f.slice(0, sep);
    const where = sep < 0 ? undefined : f.slice(sep + 1);
    if (f.startsWith('last+')) last = SALIENCE.lastSpeaker - SALIENCE.perParagraphSinceSpoke * Math.max(0, Number(where) - 1);
    const role = SALIENCE.role[what];
    if (role === undefined || !f.includes('@')) continue;
    const first = what !== 'spoke' && features.has(`first@${where}`) ? SALIENCE.firstInSentence : 0;
    best = Math.max(best, role + first - SALIENCE.perSentenceBack * Number(where));
  }
  // One who spoke last and is not named in these sentences is a candidate only while that still counts for something.
  if (best === -Infinity) return last > 0 ? last : -Infinity;
  return last === -Infinity ? best : best + last;
}
