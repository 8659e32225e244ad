import { describe, expect, it } from 'vitest';
import { findParagraphs } from './find-paragraphs.js';

const paragraphs = (text: string) => findParagraphs(text).map((span) => text.slice(span.start, span.end));

describe('findParagraphs', () => {
  it.each([
    ['blank lines between paragraphs', 'Title\n\nFirst.\nStill first.', ['Title', 'First.\nStill first.']],
    ['blank lines holding spaces and tabs', 'One\n \t\nTwo', ['One', 'Two']],
    ['Windows line ends', 'One\r\n\r\nTwo\r\nstill two', ['One', 'Two\r\nstill two']],
    ['one paragraph per line without blank lines', 'One\nTwo\n  Three  ', ['One', 'Two', 'Three']],
    ['surrounding white space trimmed', '  \n\n  One  \n\n\n  Two \u00a0', ['One', 'Two']],
    ['a block between blank lines with a line too long for a hard wrap as one paragraph a line',
      `Intro.\n\n“${'a'.repeat(130)}” ― Sonya Herridge\n“Short.” ― Pamela Padilla`, ['Intro.', `“${'a'.repeat(130)}” ― Sonya Herridge`, '“Short.” ― Pamela Padilla']],
    ['a hard-wrapped block (every line 120 characters or shorter) as one paragraph',
      `Intro.\n\n${'b'.repeat(80)}\n${'c'.repeat(120)}`, ['Intro.', `${'b'.repeat(80)}\n${'c'.repeat(120)}`]],
    ['a text with no line break', 'Just one.', ['Just one.']],
    ['a text of white space only', ' \n \n ', []],
  ])('reads %s', (_, text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});
