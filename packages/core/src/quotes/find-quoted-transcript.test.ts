import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../text/find-paragraphs.js';
import { findQuoteSpans } from './find-quote-spans.js';
import { findQuotedTranscript } from './find-quoted-transcript.js';

/** Each decided quotation as [its first words, the label's text or "goes on <first words of the labelled one>"]. */
const read = (text: string) => {
  const paragraphs = findParagraphs(text);
  const quotes = findQuoteSpans(text, paragraphs).map((span) => ({ ...span, kind: 'direct' }));
  const first = (index: number) => text.slice(quotes[index]!.start, quotes[index]!.start + 12);
  return findQuotedTranscript(text, quotes, paragraphs).map((turn) =>
    'label' in turn ? [first(turn.quote), text.slice(turn.label.start, turn.label.end)] : [first(turn.quote), `goes on ${first(turn.continues)}`]);
};

describe('findQuotedTranscript', () => {
  it.each([
    ['labelled quoted paragraphs, and one with no label going on the turn before',
      'Partial transcript as follows:\n\n"WALLACE: Why would he?\n\n"PENCE: Well, look.\n\n"But the truth is plain.\n\nHe then left.',
      [['WALLACE: Why', 'WALLACE'], ['PENCE: Well,', 'PENCE'], ['But the trut', 'goes on PENCE: Well,']]],
    ['curly marks and titled labels', '“MR. SMITH: Yes.”\n\n“SEN. JONES: No.”', [['MR. SMITH: Y', 'MR. SMITH'], ['SEN. JONES: ', 'SEN. JONES']]],
    ['a single labelled quotation, which is no transcript', '"NOTE: This matters," she said.\n\n"It does," he said.', []],
    ['a quoted paragraph after prose, which goes on no turn', '"WALLACE: Why?\n\n"PENCE: Look.\n\nHe paused.\n\n"Then more."', [['WALLACE: Why', 'WALLACE'], ['PENCE: Look.', 'PENCE']]],
    ['section labels, which are no speakers', '"UPDATE: Later.\n\n"NOTE: Again.', []],
  ])('reads %s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
