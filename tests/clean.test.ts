import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../pipeline/01-clean/index.ts';
import { newDoc, type Doc } from '../src/model.ts';
import { isWhitespaceCode } from '../src/text.ts';

function clean(raw: string, givenTitle: string | null = null): Doc {
  const doc = newDoc({ docId: 't', source: 't', raw, givenTitle });
  cleanDocument(doc);
  return doc;
}

describe('clean stage', () => {
  it.each([
    ['browser and cookie notices', 'Your browser is no longer supported\n\nWe use cookies to improve your experience.\n\nHeadline here\n\nBody text of the article goes on here.', 'Headline here', 'Body text of the article goes on here.'],
    ['comment prompts and sign-in', 'Headline here\n\n  • Comment\nBody text.\n\nHave your say\n\nYou must sign in to make a comment', 'Headline here', 'Body text.'],
    ['related articles block to the end', 'Headline here\n\nBody text.\n\nRelated articles\n\nAnother story about something\n\nMore from Community Care\n\nComments are closed.', 'Headline here', 'Body text.'],
    ['contact the author and a byline', 'Headline here\n\nBody text.\n\nContact the author\n Jane Writer', 'Headline here', 'Body text.'],
    ['a teaser repeating the first paragraph', 'Headline here\n\nSocial workers have mixed views on the plan....\nSocial workers have mixed views on the plan. More follows.', 'Headline here', 'Social workers have mixed views on the plan. More follows.'],
    ['a paragraph broken mid-sentence', 'Headline here\n\nIt will lie closer to the health service or local\n\ngovernment.', 'Headline here', 'It will lie closer to the health service or local government.'],
    ['a short first line set apart by a blank line, closed by a full stop', 'Clinton says she will not rule out a running mate.\n\nHillary Clinton said on Thursday that she was surprised.', 'Clinton says she will not rule out a running mate.', 'Hillary Clinton said on Thursday that she was surprised.'],
    ['no headline when a short first sentence runs on without a blank line', 'The minister has resigned.\nShe said on Thursday that she was surprised.', null, 'The minister has resigned.\n\nShe said on Thursday that she was surprised.'],
    ['no headline when the first line is prose', 'Like him or loathe him, he was the only visionary to have been health secretary in recent times.\nSecond paragraph.', null, 'Like him or loathe him, he was the only visionary to have been health secretary in recent times.\n\nSecond paragraph.'],
  ])('%s', (_what, raw, title, body) => {
    const doc = clean(raw);
    expect(doc.title).toBe(title);
    // The headline opens the text as a heading paragraph.
    expect(doc.text).toBe(title ? `${title}\n\n${body}` : body);
    if (title) expect(doc.paragraphs[0]).toMatchObject({ start: 0, end: title.length, heading: true });
  });

  it('normalises whitespace and Unicode, and keeps curly quotes', () => {
    const doc = clean('Title line\n\nThe\u00a0council’s  plan\u200b is “new”.\r\n');
    expect(doc.text).toBe('Title line\n\nThe council’s plan is “new”.');
  });

  it('takes a given title out of the body', () => {
    const doc = clean('Ad sales boost profit\n\nQuarterly profits jumped.', 'Ad sales boost profit');
    expect(doc.title).toBe('Ad sales boost profit');
    expect(doc.text).toBe('Ad sales boost profit\n\nQuarterly profits jumped.');
  });

  it('maps every word of the cleaned text back to the same word in the raw text', () => {
    const raw = 'Title line\r\n\r\n  The\u00a0council’s   plan is “new”.\r\nIt will cost £2m.\n\nComments are closed.';
    const doc = clean(raw);
    for (const m of doc.text.matchAll(/\S+/g)) {
      const start = doc.offsets.toRawStart(m.index!);
      const end = doc.offsets.toRawEnd(m.index! + m[0].length);
      expect(raw.slice(start, end)).toBe(m[0]);
    }
  });

  it('fails a document with nothing left', () => {
    expect(() => clean('Comments are closed.')).toThrow(/no article text/);
  });
});

describe('isWhitespaceCode', () => {
  it('agrees with \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
