// Text normalisation shared by the features and the gazetteer.

/** Typographic forms -> the ASCII that CoNLL-2003 (Reuters) writes: ’s -> 's, “ -> ", – -> -. */
const TYPOGRAPHIC = /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u2010\u2011\u2012\u2013\u2014\u2212\u00a0]/g;
const ASCII: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00a0': ' ',
};
export const asciiForm = (w: string): string => w.replace(TYPOGRAPHIC, (c) => ASCII[c]);
