import { describe, expect, it } from 'vitest';
import { createSentenceTokens, tokenize, tokensUpTo } from './tokenize.js';

describe('tokensUpTo', () => {
  // Each row: a text and a cut; the tokens of the whole text, cut, must equal tokenising only up to the cut.
  it.each([
    ['a cut between words', 'Russian Foreign Minister Sergei Lavrov said talks went well.', 24],
    ['a cut inside a word', 'Russian Foreign Minister Sergei Lavrov said talks went well.', 27],
    ['a cut right after an abbreviation, before its full stop', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 10],
    ['a cut right after the full stop of an abbreviation', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 11],
    ['a cut inside an initialism', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 40],
    ['a cut inside a hyphenated word', 'A self-confident U.S.-backed plan.', 9],
    ['a cut at the end of the text', 'Talks went well, he said.', 25],
    ['a cut past the end of the text', 'Talks went well, he said.', 60],
    ['a cut on whitespace before punctuation', 'Mr . Smith said so .', 3],
  ])('gives what tokenize gives up to the cut: %s', (_behaviour, text, cut) => {
    const whole = tokenize(text);
    expect(tokensUpTo(text, whole, Math.min(cut, text.length))).toEqual(tokenize(text, 0, Math.min(cut, text.length)));
  });
});

describe('createSentenceTokens', () => {
  const text = 'Lavrov said talks went well. Mr. Blinken disagreed.';
  const sentences = [{ start: 0, end: 28 }, { start: 29, end: 51 }];

  it.each([
    ['the first sentence', 0],
    ['the second sentence, abbreviation included', 1],
  ])('tokenises %s as tokenize does', (_behaviour, index) => {
    const sentence = sentences[index]!;
    expect(createSentenceTokens(text)(sentence)).toEqual(tokenize(text, sentence.start, sentence.end));
  });

  it('hands every later request for a sentence the tokens read the first time', () => {
    const tokensOf = createSentenceTokens(text);
    expect(tokensOf(sentences[1]!)).toBe(tokensOf(sentences[1]!));
  });
});
