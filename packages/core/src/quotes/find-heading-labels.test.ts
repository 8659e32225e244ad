import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../text/find-paragraphs.js';
import { findQuoteSpans } from './find-quote-spans.js';
import { createLexicon } from '../internal/lexicon.js';
import { findHeadingLabels } from './find-heading-labels.js';

const lexicon = createLexicon();

/** Each labelled quotation as [its first words, the label's text]. */
const read = (text: string) => {
  const paragraphs = findParagraphs(text);
  const quotes = findQuoteSpans(text, paragraphs).map((span) => ({ ...span, kind: 'direct' }));
  return findHeadingLabels(text, quotes, paragraphs, lexicon).map(({ quote, label }) => [text.slice(quotes[quote]!.start, quotes[quote]!.start + 8), text.slice(label.start, label.end)]);
};

describe('findHeadingLabels', () => {
  it.each([
    ['a name, a colon and a quotation, the name repeated in the article',
      'Okafor: ‘We Will Rebuild The Port.’\n\nMayor Ada Okafor spoke on Monday.', [['We Will ', 'Okafor']]],
    ['a few words between the colon and the quotation, and a topic after "on"',
      'Lena Park on the Budget: Council ‘Has Lost Its Way.’\n\nCouncillor Lena Park voted no.', [['Has Lost', 'Lena Park']]],
    ['a headline verb after the name: the run the article repeats',
      'Brandt Rejects Harbour Plan: ‘This Cannot Stand.’\n\nJonas Brandt said no.', [['This Can', 'Brandt']]],
    ['a label the article never repeats, which names no one it reports',
      'Okafor: ‘We Will Rebuild.’\n\nThe port reopened.', []],
    ['a section marker, a sentence with a colon, and a quotation that does not end the line',
      'UPDATE: ‘Talks Resumed.’\n\nHe continued with an appeal to Okafor: ‘Stay.’\n\nOkafor: ‘We Will,’ she said.\n\nUpdate and Okafor again.', []],
  ])('reads %s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
