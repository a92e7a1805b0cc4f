// What was learned from PolNeAR's training articles (scripts/train-cues.ts).

/** Whether a common noun heading a subject phrase cannot be a source of speech. */
export function cannotSpeak(_head: string): boolean {
  return false;
}
