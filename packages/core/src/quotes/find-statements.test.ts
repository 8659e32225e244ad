import { describe, expect, it } from 'vitest';
import { findHeadline } from '../text/find-headline.js';
import { findParagraphs } from '../text/find-paragraphs.js';
import { findStatements } from './find-statements.js';

/** [author as written, rule, each statement paragraph] for a text whose first paragraph is its headline. */
const statements = (text: string) => {
  const paragraphs = findParagraphs(text);
  const found = findStatements(text, paragraphs, findHeadline(text, paragraphs, null));
  return found.length === 0 ? [] : [text.slice(found[0]!.author.start, found[0]!.author.end), found[0]!.rule, found.map((unit) => text.slice(unit.start, unit.end))];
};

describe('findStatements', () => {
  it.each([
    ['a title "Statement by" a titled name "on" a subject', 'Statement by Press Secretary Jen Psaki on Ukraine\n\nWe are ready.\n\nWe will act.',
      ['Press Secretary Jen Psaki', 'statement-title', ['We are ready.', 'We will act.']]],
    ['a title "Statement from the" office, with no subject', 'Statement from the Press Secretary\n\nWe are ready.', ['Press Secretary', 'statement-title', ['We are ready.']]],
    ['a title in capitals', 'STATEMENT BY SENATOR JANE DOE ON THE VOTE\n\nWe lost today.', ['SENATOR JANE DOE', 'statement-title', ['We lost today.']]],
    ['a joint statement, which is no one’s alone', 'Joint Statement by President Biden and President von der Leyen\n\nWe agree.', []],
    ['a statement by two authors', 'Statement by Senator Jane Doe and Senator John Roe on the Vote\n\nWe agree.', []],
    ['a readout, which reports in the third person', 'Readout of President Biden’s Call with President Putin\n\nPresident Biden was clear.', []],
    ['a press release opening after a dateline, without the party tag, up to "###"',
      'WASHINGTON — Senator Jane Doe (D-Wis.) issued the following statement today:\n\nThis is a dark day.\n\n###\n\nMore at our site.',
      ['Senator Jane Doe', 'statement-opening', ['This is a dark day.']]],
    ['a press release opening without the name’s apposition', 'Jane Doe, the committee’s chair, released the following statement:\n\nWe will vote no.',
      ['Jane Doe', 'statement-opening', ['We will vote no.']]],
    ['an op-ed byline after an opinion mark, lines that end no sentence left out', 'Opinion | Why we must act\n\nBy Jane Doe\n\nI have seen war.\n\nJane Doe is a writer in Kyiv\n\nIt must end.',
      ['Jane Doe', 'op-ed-byline', ['I have seen war.', 'It must end.']]],
    ['a news report’s byline, which is no statement', 'Talks ended without a deal\n\nBy Jane Doe\n\nThe talks ended on Friday.', []],
    ['a headline that only mentions a statement', 'Senators react to the statement\n\nThe senators said little.', []],
  ])('reads %s', (_, text, expected) => {
    expect(statements(text)).toEqual(expected);
  });
});
