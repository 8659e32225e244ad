import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../quotes/find-quote-spans.js';
import { findParagraphs } from './find-paragraphs.js';
import { findSentences } from './find-sentences.js';

const sentences = (text: string) => {
  const paragraphs = findParagraphs(text);
  return findSentences(text, paragraphs, findQuoteSpans(text, paragraphs)).map((span) => text.slice(span.start, span.end));
};

describe('findSentences', () => {
  it.each([
    ['full stops before a capital', 'He left. She stayed.', ['He left.', 'She stayed.']],
    ['question and exclamation marks', 'Why? Because! Fine.', ['Why?', 'Because!', 'Fine.']],
    ['no boundary before a lower-case word', 'It cost 3.5 billion. then more.', ['It cost 3.5 billion. then more.']],
    ['two spaces after a stop', 'He left.  She stayed.', ['He left.', 'She stayed.']],
    ['a no-break space after a stop', 'He left.\u00a0She stayed.', ['He left.', 'She stayed.']],
    ['a stop before an opening mark or a digit', 'He left. “Go,” she said. 2024 was hard.', ['He left.', '“Go,” she said.', '2024 was hard.']],
    ['a stop before a capital outside ASCII', 'He left. Élodie stayed.', ['He left.', 'Élodie stayed.']],
    ['titles, which end no sentence', 'Mr. Smith and Dr. Jones met. They talked.', ['Mr. Smith and Dr. Jones met.', 'They talked.']],
    ['initials before a name', 'The U.S. State Department said so. It left.', ['The U.S. State Department said so.', 'It left.']],
    ['initials ending a sentence', 'He went to the U.S. Officials said so.', ['He went to the U.S.', 'Officials said so.']],
    ['initials inside a name', 'Senator J.D. Vance spoke. He left.', ['Senator J.D. Vance spoke.', 'He left.']],
    ['an acronym, which is no initial', 'They joined NATO. Others waited.', ['They joined NATO.', 'Others waited.']],
    ['a quote held whole', '“We left. They stayed,” he said. Then silence.', ['“We left. They stayed,” he said.', 'Then silence.']],
    ['a quote ending in a question before its attribution', '“Why?” Lavrov asked. No answer.', ['“Why?” Lavrov asked.', 'No answer.']],
    ['a quote ending in a full stop, then a new sentence', '“We are done.” The talks ended.', ['“We are done.”', 'The talks ended.']],
    ['paragraphs apart', 'First one\n\nSecond. Third.', ['First one', 'Second.', 'Third.']],
  ])('splits %s', (_, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('never splits inside a quotation given by its marks', () => {
    const text = 'He said “A. B. C.” Then left.';
    expect(findSentences(text, [{ start: 0, end: text.length }], [{ open: 8, end: 17, close: 17 }]).map((span) => text.slice(span.start, span.end)))
      .toEqual(['He said “A. B. C.”', 'Then left.']);
  });
});
