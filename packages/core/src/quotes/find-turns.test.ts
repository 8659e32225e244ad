import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../text/find-paragraphs.js';
import { findTurns } from './find-turns.js';

const turns = (text: string) =>
  findTurns(text, findParagraphs(text)).map((turn) => [turn.label ? text.slice(turn.label.start, turn.label.end) : 'Q', text.slice(turn.start, turn.end)]);

describe('findTurns', () => {
  it.each([
    ['press-secretary turns with a question between', 'MS. PSAKI:  Hi.\n\nQ  Why?\n\nMS. PSAKI:  Because.', [['MS. PSAKI', 'Hi.'], ['Q', 'Why?'], ['MS. PSAKI', 'Because.']]],
    ['titles of several words and turns over paragraphs', 'SECRETARY GENERAL STOLTENBERG:  Thanks.\n\nMore.\n\nPRESIDENT BIDEN:  Yes.', [['SECRETARY GENERAL STOLTENBERG', 'Thanks.'], ['SECRETARY GENERAL STOLTENBERG', 'More.'], ['PRESIDENT BIDEN', 'Yes.']]],
    ['a time stamp that ends the transcript', 'THE PRESIDENT:  Go.\n\nQ  Now?\n\n4:15 P.M. EST\n\nNarrative after.', [['THE PRESIDENT', 'Go.'], ['Q', 'Now?']]],
    ['a single label, which is no transcript', 'NOTE:  This is a note.\n\nText.', []],
    ['section labels, which are no speakers', 'FACT SHEET:  Details.\n\nUPDATE:  More.', []],
  ])('reads %s', (_, text, expected) => {
    expect(turns(text)).toEqual(expected);
  });
});
