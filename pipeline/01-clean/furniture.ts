// Page furniture: lines that belong to the website, not to the article.
// Kept apart from the cleaning logic so users can read and extend the lists.

/** A line matching one of these is dropped wherever it stands. */
export const FURNITURE_LINES: RegExp[] = [
  /^your browser (is no longer supported|appears to have cookies disabled|is out of date)/i,
  /^for the best (possible )?experience\b/i,
  /^(we|this (web)?site) (use|uses) cookies\b/i,
  /^we('|’)ll assume we have your consent to use cookies/i,
  /\bcookies?\b.{0,80}\b(consent|enable|disabled|accept|settings|policy)\b/i,
  /^(learn|read|find out|see) more\.?$/i,
  /^(\d+\s+)?comments?\.?$/i,
  /^(add|post|leave|view|show) (a |your )?comments?\b/i,
  /^have your say\b/i,
  /^you must (sign|log) in\b/i,
  /^(sign|log) in( or register)?( to)?\b/i,
  /^(register|subscribe)( now| today)?( to)?\b.{0,60}$/i,
  /^please remember that the submission of any material/i,
  /^links may be included in your comments/i,
  /^comments are closed\.?$/i,
  /^contact the author\.?$/i,
  /^(share|tweet|email|print)( this)?( article| story| page)?( on \w+)?:?$/i,
  /^(follow|like) us on\b/i,
  /^advertisement$/i,
  /^skip to (main )?content$/i,
  /^(all rights reserved|copyright)\b/i,
  /^©/,
  /^(back to top|top of page)$/i,
  /^sign up (for|to) (our|the) newsletter/i,
];

/** A line matching one of these opens a block of furniture (related links, job adverts, ...). */
export const FURNITURE_BLOCK_STARTS: RegExp[] = [
  /^related (articles?|stories|content|links|topics|news)\b:?/i,
  /^(latest|top|more|other) (stories|news|headlines)\b:?/i,
  /^more (from|on|about|in)\b/i,
  /^(featured|latest|top) jobs\b/i,
  /^jobs? of the week\b/i,
  /^employer zone\b/i,
  /^most (read|popular|viewed|shared)\b/i,
  /^(you may|you might) also (like|be interested)/i,
  /^(read|recommended|what to read) next\b/i,
  /^(comments are closed|have your say|contact the author)\b/i,
  /^(about the author|share this article)\b/i,
];

/** Inside a furniture block, a line this long with closing punctuation is article prose again. */
export const PROSE_MIN_WORDS = 25;
