import { describe, expect, it } from 'vitest';
import { createLexicon } from '../internal/lexicon.js';
import { findBoilerplate } from './find-boilerplate.js';
import { findParagraphs } from './find-paragraphs.js';

const lexicon = createLexicon();
const boilerplate = (text: string) => findBoilerplate(text, findParagraphs(text), lexicon.boilerplate).map((span) => text.slice(span.start, span.end));

describe('findBoilerplate with the bundled patterns', () => {
  it.each([
    ['a follow line with a handle, quoted or not', 'He spoke.\n\n"Follow Pam Key on Twitter @pamkeyNEN.\n\nFollow Jane Doe on X.', ['"Follow Pam Key on Twitter @pamkeyNEN.', 'Follow Jane Doe on X.']],
    ['share lines, comment prompts and related links', 'He spoke.\n\nShare this page\n\nLeave a Comment\n\nRelated Topics', ['Share this page', 'Leave a Comment', 'Related Topics']],
    ['prose that opens with the same words, which stays', 'Follow the money, she said.\n\nFollowers of Pam Key on Twitter cheered.', []],
  ])('finds %s', (_, text, expected) => {
    expect(boilerplate(text)).toEqual(expected);
  });
});
