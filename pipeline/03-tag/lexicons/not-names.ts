// Capitalised words that are never a name on their own, capitalised
// abbreviations that are not organisations, awards, and the words that
// introduce the title of a work.

/** Months, days and seasons: no name alone, but part of some ("Sunday Times", "Mail on Sunday"). */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Christmas', 'Easter', 'Spring', 'Summer', 'Autumn', 'Winter',
]);

export const NOT_NAMES: ReadonlySet<string> = new Set([
  ...CALENDAR_WORDS,
  // pronouns and function words that start sentences or headlines
  'I', 'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We', 'You', 'Our', 'Their', 'His', 'Her', 'Its',
  'But', 'And', 'Or', 'If', 'When', 'While', 'Although', 'However', 'Since', 'As', 'In', 'On', 'At', 'For', 'With', 'By', 'From', 'To', 'Of',
  'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which',
]);

export const NOT_ACRONYMS: ReadonlySet<string> = new Set([
  'I', 'A', 'OK', 'TV', 'PM', 'AM', 'MP', 'MPs', 'MEP', 'MEPs', 'CEO', 'CEOs', 'CFO', 'GMT', 'BST', 'UTC', 'PC', 'PCs', 'CD', 'CDs', 'DVD', 'DVDs',
  'GDP', 'VAT', 'IT', 'AI', 'ID', 'IDs', 'PR', 'HQ', 'QC', 'BC', 'AD', 'MSP', 'MSPs', 'UK', 'US', 'USA', 'EU', 'FAQ', 'PDF', 'SMS', 'HIV', 'AIDS',
  'IVF', 'MRI', 'DNA', 'GCSE', 'GCSEs', 'PhD', 'MBA', 'CV', 'RIP', 'VIP', 'UFO', 'ATM', 'PIN', 'GPS', 'LCD', 'HD', 'MP3', 'OBE', 'MBE', 'CBE',
  'KBE', 'AWOL', 'DJ', 'DJs', 'MC', 'NB', 'PS', 'AGM', 'IPO', 'CCTV', 'GP', 'GPs', 'A&E', 'ASBO', 'ASBOs',
  // technology and media
  'ADSL', 'CPU', 'DAB', 'DRM', 'DSL', 'DTT', 'DVR', 'GB', 'GPRS', 'GSM', 'HDTV', 'HSDPA', 'HTML', 'ICT', 'IP', 'IPTV', 'ISP',
  'LAN', 'LED', 'MB', 'MMORPG', 'MMS', 'OS', 'PDA', 'PVR', 'RAM', 'RFID', 'RSS', 'SSL', 'UMD', 'URL', 'USB', 'UWB', 'VCR',
  'VHS', 'WWW',
  // other common nouns
  'MW', 'R&B', 'SUV', 'TB',
  // time zones as US news writes them ("9 p.m. EST"), and US public-life abbreviations that name no one body
  'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'ET', 'PT', 'CET', 'FOIA', 'IG', 'PAC', 'PACs', 'LGBT', 'LGBTQ',
]);

/**
 * Faiths and their followers ("Muslim leaders", "British Muslims"): like a nationality,
 * not an organisation, a place or a person. "Christian" alone is left out: it is also a
 * given name.
 */
export const FAITH_WORDS: ReadonlySet<string> = new Set([
  'Anglican', 'Anglicans', 'Buddhist', 'Buddhists', 'Catholic', 'Catholics', 'Christians', 'Hindu', 'Hindus', 'Islamic',
  'Jew', 'Jews', 'Jewish', 'Muslim', 'Muslims', 'Protestant', 'Protestants', 'Sikh', 'Sikhs',
]);

/**
 * Awards and prizes, which news names like bodies or people ("won an Oscar", "the
 * Golden Globes"): not entities. The bodies that give them (Bafta, the Academy) are.
 */
export const AWARD_NAMES: ReadonlySet<string> = new Set([
  'Academy Award', 'Academy Awards', 'Booker Prize', 'Brit Award', 'Brit Awards', 'Emmy', 'Emmys', 'Golden Globe',
  'Golden Globes', 'Grammy', 'Grammys', 'Man Booker Prize', 'Mercury Prize', 'Nobel Prize', 'Olivier Award',
  'Olivier Awards', 'Oscar', 'Oscars', 'Pulitzer Prize', 'Tony Award', 'Tony Awards', 'Turner Prize',
]);

/**
 * Words for a work, written right before its title: "the comedy Meet The Fockers",
 * "the song Jailhouse Rock", "the film Ray". The title is not an entity (the word must be
 * used as a noun: not "figures show France ahead").
 */
export const WORK_WORDS: ReadonlySet<string> = new Set([
  'album', 'ballet', 'biopic', 'book', 'comedy', 'documentary', 'drama', 'film', 'game', 'movie', 'musical', 'novel',
  'opera', 'programme', 'series', 'show', 'single', 'sitcom', 'song', 'thriller', 'track',
]);
