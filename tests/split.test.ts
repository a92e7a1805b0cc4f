import { describe, expect, it } from 'vitest';
import { splitSentences } from '../pipeline/02-split/index.ts';

const split = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('sentence splitting', () => {
  it.each([
    ['titles', 'Cllr Michael Lee met Mr. Smith and Dr. Jones. Sir Bill Taylor said so.', ['Cllr Michael Lee met Mr. Smith and Dr. Jones.', 'Sir Bill Taylor said so.']],
    ['initials', 'J. K. Rowling wrote it. Then she left.', ['J. K. Rowling wrote it.', 'Then she left.']],
    ['money and abbreviations', 'Darlington BC saved £2.5m. The U.S. did not.', ['Darlington BC saved £2.5m.', 'The U.S. did not.']],
    ['a quote closed after the full stop', 'He said: “It is a chance. We all want it.” Sir Bill agreed.', ['He said: “It is a chance.', 'We all want it.”', 'Sir Bill agreed.']],
    ['a new quote after a full stop', '"First sentence. "Second sentence," he said.', ['"First sentence.', '"Second sentence," he said.']],
    ['no split before a lower-case word', 'Prices rose 2.5 per cent. in May, it said.', ['Prices rose 2.5 per cent. in May, it said.']],
    ['question and exclamation marks', 'Why? Because! Done.', ['Why?', 'Because!', 'Done.']],
  ])('%s', (_what, text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});
