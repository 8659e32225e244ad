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
    ['labels with capitals beyond A–Z', 'PRESIDENT LEVITS:  Thanks.\n\nPRESIDENT NAUSĖDA:  Thank you.\n\nÖZDEMIR:  Yes.', [['PRESIDENT LEVITS', 'Thanks.'], ['PRESIDENT NAUSĖDA', 'Thank you.'], ['ÖZDEMIR', 'Yes.']]],
    ['a single label, which is no transcript', 'NOTE:  This is a note.\n\nText.', []],
    ['section labels, which are no speakers', 'FACT SHEET:  Details.\n\nUPDATE:  More.', []],
    ['remarks by one speaker between a time stamp and END', 'East Room\n\n3:29 P.M. EST\n\nTHE PRESIDENT:  Good afternoon.\n\nWe are ready.\n\nEND  3:50 P.M. EST', [['THE PRESIDENT', 'Good afternoon.'], ['THE PRESIDENT', 'We are ready.']]],
    ['remarks by one speaker closed by a time stamp only', 'THE PRESIDENT:  Hello.\n\nThank you.\n\n2:32 P.M. EST', [['THE PRESIDENT', 'Hello.'], ['THE PRESIDENT', 'Thank you.']]],
    ['one label in news with no transcript mark, which is no transcript', 'HUFFPOLLSTER:  A seismic shift.\n\nThe polls moved.', []],
    ['one label before a paragraph that only starts with a time, which is no transcript', 'BOOM:  Trump fired.\n\n9:00 AM Monday, he spoke.', []],
    ['stage directions, which are no speech', 'THE PRESIDENT:  Make up your mind, huh?  (Laughter.)\n\n(Applause.)\n\nWell, good afternoon.\n\nEND', [['THE PRESIDENT', 'Make up your mind, huh?'], ['THE PRESIDENT', 'Well, good afternoon.']]],
    ['a bracket that is part of the sentence, which stays', 'MS. PSAKI:  Ask him (he knows).\n\nQ  Why?', [['MS. PSAKI', 'Ask him (he knows).'], ['Q', 'Why?']]],
    ['a questioner\'s label ("QUESTION:", "REPORTER:") as a question', 'MR LEE: Hi.\n\nQUESTION: Why now?\n\nMR LEE: Because.\n\nREPORTER: Thanks.', [['MR LEE', 'Hi.'], ['Q', 'Why now?'], ['MR LEE', 'Because.'], ['Q', 'Thanks.']]],
    ['a question opened by "Q:" and one space, as transcripts from other sources print it, but not "Q." and one space (an initial)', 'MS. LEE: Hi.\n\nQ: Why now?\n\nMS. LEE: Because.\n\nQ. Smith will travel.', [['MS. LEE', 'Hi.'], ['Q', 'Why now?'], ['MS. LEE', 'Because.'], ['MS. LEE', 'Q. Smith will travel.']]],
  ])('reads %s', (_, text, expected) => {
    expect(turns(text)).toEqual(expected);
  });
});
