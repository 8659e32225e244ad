import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../text/find-paragraphs.js';
import { findQuoteSpans } from './find-quote-spans.js';

const quotes = (text: string) => findQuoteSpans(text, findParagraphs(text)).map((span) => [text.slice(span.start, span.end), span.closedBy]);

describe('findQuoteSpans', () => {
  it.each([
    ['curly double marks', '“Yes,” he said.', [['Yes,', 'mark']]],
    ['straight double marks', 'He said "no way" twice.', [['no way', 'mark']]],
    ['single marks nested in double ones', '“She said ‘never’ to me,” he said.', [['She said ‘never’ to me,', 'mark']]],
    ['single marks on their own, apostrophes left alone', 'Moscow’s view: ‘We wait’ and that’s all.', [['We wait', 'mark']]],
    ['guillemets', '«Nous attendons», dit-il.', [['Nous attendons', 'mark']]],
    ['German low-high marks', '„Wir warten“, sagte er.', [['Wir warten', 'mark']]],
    ['a quote running over a paragraph break', '“First part.\n\n“Second part,” he said.', [['First part.', 'paragraph-continues'], ['Second part,', 'mark']]],
    ['an unclosed mark, recovered at the paragraph end', '“Never closed here.\n\nNext paragraph “quoted” fine.', [['Never closed here.', 'paragraph-end'], ['quoted', 'mark']]],
    ['straight single marks before a small letter in copy that quotes with single marks', "The plan would 'take back control', he said. 'It is fair.'", [['take back control', 'mark'], ['It is fair.', 'mark']]],
    ['straight single marks before a small letter left alone where the copy quotes with double marks', "He said \"yes\" to the 'big one' then.", [['yes', 'mark']]],
    ['inches and feet, which are no quotes', 'A 12" pipe and a 6" one.', []],
    ['straight marks opening every paragraph and closing none', '"WALLACE: Why?\n\n"PENCE: Well, look.', [['WALLACE: Why?', 'paragraph-continues'], ['PENCE: Well, look.', 'paragraph-end']]],
    ['a straight mark closed by a curly one (a typing slip), with no curly quotation opening between', 'The mayor said it would take "more hours” before details emerge.', [['more hours', 'mark']]],
    ['an unclosed straight mark running to the quotation inside it, not over it', '"PENCE: It is an episode of “Shark Tank.” It is not.', [['PENCE: It is an episode of', 'paragraph-end'], ['Shark Tank.', 'mark']]],
    ['an unclosed straight mark inside a paragraph, left alone', 'He is 6\'2" tall and "never closed.', []],
    ['a straight mark closing a space after the single mark it closes over', '"I hate the term \'outreach,\' " he said.', [["I hate the term 'outreach,'", 'mark']]],
    ['empty marks', 'He said “” and left.', []],
  ])('finds %s', (_, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it('leaves skipped paragraphs (transcript turns) alone', () => {
    const text = 'MS. PSAKI:  “Quoted” in a turn.\n\n“Outside,” he said.';
    const paragraphs = findParagraphs(text);
    expect(findQuoteSpans(text, paragraphs, [paragraphs[0]!]).map((span) => text.slice(span.start, span.end))).toEqual(['Outside,']);
  });
});
