import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { labelScore, scoreSentiment, scoreTokens } from './score-sentiment.js';
import { createToneLexicon, loadToneLexicon } from './tone-lexicon.js';
import { tokenizeTone } from './tone-tokens.js';

const lexicon = loadToneLexicon();

/** Σ|score| of the listed positive words − Σ|score| of the listed negative words, from the lexicon itself. */
function scoreFromWords(positive: readonly string[], negative: readonly string[]): number {
  const magnitude = (word: string) => Math.abs(lexicon.scores.get(word) ?? Number.NaN);
  return positive.reduce((sum, word) => sum + magnitude(word), 0) - negative.reduce((sum, word) => sum + magnitude(word), 0);
}

describe('scoreSentiment', () => {
  it.each([
    ['reads words inside curly quotes', 'It was “terrible”.', -3, [], ['terrible']],
    ['negates through a curly apostrophe', 'It isn’t good.', -3, [], ['good']],
    ['negation reaches past an adverb ("not really helpful")', 'That is not really helpful.', -2, [], ['helpful']],
    ['negation covers "weren\'t willing"', 'They weren’t willing to talk.', -1, [], ['willing']],
    ['negation reaches the object ("never had a real desire")', 'They never had a real desire to talk.', -1, [], ['desire']],
    ['negation ends at a comma', 'Not today, good news will come.', 3, ['good'], []],
    ['negation ends at a clause word', 'It did not fail but it was good.', 5, ['fail', 'good'], []],
    ['an AFINN phrase beats its negator ("not good")', 'It is not good.', -2, [], ['not good']],
    ['scores domain words', 'This escalation is a non-starter; dialogue would help.', 0, ['dialogue', 'help'], ['escalation', 'non-starter']],
    ['domain zeroes silence misleading AFINN words', 'Tensions have clearly increased.', -2, [], ['tensions']],
    ['counts a repeated word each time', 'Bad, bad, bad.', -9, [], ['bad', 'bad', 'bad']],
    ['gives neutral text a zero score', 'The talks were held in Geneva on Monday.', 0, [], []],
  ] as const)('%s', (_behaviour, text, score, positive, negative) => {
    const result = scoreSentiment(text, lexicon);
    expect(result.score).toBe(score);
    expect(result.positive).toEqual(positive);
    expect(result.negative).toEqual(negative);
    expect(scoreFromWords(result.positive, result.negative)).toBe(result.score);
  });

  it('divides the score by the number of word tokens for the comparative', () => {
    expect(scoreSentiment('It isn’t good.', lexicon).comparative).toBeCloseTo(-3 / 3, 10);
    expect(scoreSentiment('…', lexicon).comparative).toBe(0);
  });

  it('keeps extra words in the lexicon value: nothing leaks into later calls or into the sentiment package', () => {
    const custom = createToneLexicon({ words: { zorgle: 5 }, negators: ['not'], clauseBreaks: [] }, { positive: 1, negative: -1 });
    expect(scoreSentiment('zorgle', custom).score).toBe(5);
    expect(scoreSentiment('zorgle', lexicon).score).toBe(0);
    expect(new Sentiment().analyze('zorgle escalation').score).toBe(0);
    expect(scoreSentiment('zorgle', custom).score).toBe(5);
  });

  it('passes a three-word lexicon through unchanged (a stage is handed its data)', () => {
    const tiny = createToneLexicon({ words: { calm: 1, war: -3 }, negators: ['no'], clauseBreaks: [] }, { positive: 1, negative: -1 }, {});
    expect(scoreSentiment('No calm, only war', tiny)).toEqual({ score: -4, comparative: -1, label: 'negative', positive: [], negative: ['calm', 'war'] });
  });

  it('records where each scored word stands and whether it was negated', () => {
    const text = 'They weren’t willing.';
    expect(scoreTokens(tokenizeTone(text), lexicon)).toEqual([{ word: 'willing', score: -1, negated: true, start: 13, end: 20 }]);
  });
});

describe('labelScore', () => {
  it.each([
    [2, 'positive'], [5, 'positive'], [1, 'neutral'], [0, 'neutral'], [-1, 'negative'], [-4, 'negative'],
  ] as const)('labels score %i as %s under the fitted thresholds (≤ −1, ≥ 2)', (score, label) => {
    expect(labelScore(score, { negative: -1, positive: 2 })).toBe(label);
  });

  it('uses the thresholds fitted on NewsMTSC train', () => {
    expect(lexicon.thresholds).toEqual({ negative: -1, positive: 2 });
  });
});

describe('createToneLexicon', () => {
  it.each([
    [[], {}, /expected the tone lexicon to be an object, found a list/],
    [{ words: { bad: 9 }, negators: [], clauseBreaks: [] }, {}, /score of tone word "bad" to be a whole number in −5…5, found 9/],
    [{ words: { Bad: -2 }, negators: [], clauseBreaks: [] }, {}, /tone word "Bad" to be lower case/],
    [{ words: {}, negators: 'not', clauseBreaks: [] }, {}, /"negators" to be a list of lower-case words, found string/],
    [{ words: {}, negators: [], clauseBreaks: [] }, { positive: -1, negative: 1 }, /negative < positive/],
  ])('rejects a malformed lexicon %j', (data, thresholds, message) => {
    expect(() => createToneLexicon(data as never, thresholds as never)).toThrow(message);
  });
});
