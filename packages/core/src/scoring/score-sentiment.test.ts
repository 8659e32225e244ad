import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { labelScore, readTone, scoreSentiment, scoreTokens } from './score-sentiment.js';
import { createToneLexicon, loadToneLexicon, mayHaveRole } from './tone-lexicon.js';
import { tokenizeTone } from './tone-tokens.js';

const lexicon = loadToneLexicon();

/** A listed word's score from the lexicon alone: `negator … word` is the word's score shifted (or flipped). */
function valueOf(entry: string): number {
  const [negator, word] = entry.split(' … ');
  const base = lexicon.scores.get(word ?? negator!) ?? Number.NaN;
  if (word === undefined) return base;
  return lexicon.negationShift === null ? -base : base - Math.sign(base) * lexicon.negationShift;
}

describe('scoreSentiment', () => {
  it.each([
    ['reads words inside curly quotes', 'It was “terrible”.', -3, [], ['terrible']],
    ['negates through a curly apostrophe', 'They aren’t willing.', -1, [], ["aren't … willing"]],
    ['negation reaches past an adverb ("not really ready")', 'We are not really ready.', -1, [], ['not … ready']],
    ['negation covers "weren\'t willing"', 'They weren’t willing to talk.', -1, [], ["weren't … willing"]],
    ['negation reaches the object ("never had a real desire")', 'They never had a real desire to talk.', -1, [], ['never … desire']],
    ['negation weakens a strong word rather than reversing it ("not excellent")', 'It was not excellent.', 1, ['not … excellent'], []],
    ['a word negation cancels is not listed', 'It did not fail.', 0, [], []],
    ['negation ends at a comma', 'Not today, good news will come.', 3, ['good'], []],
    ['negation ends at a clause word', 'It was not late but it was good.', 3, ['good'], []],
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
    // The lists explain the score: recount it from the lexicon alone.
    expect(result.positive.every((entry) => valueOf(entry) > 0)).toBe(true);
    expect(result.negative.every((entry) => valueOf(entry) < 0)).toBe(true);
    expect([...result.positive, ...result.negative].reduce((sum, entry) => sum + valueOf(entry), 0)).toBe(result.score);
  });

  it('divides the score by the number of word tokens for the comparative', () => {
    expect(scoreSentiment('They aren’t willing.', lexicon).comparative).toBeCloseTo(-1 / 3, 10);
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
    expect(scoreSentiment('No calm, only war', tiny)).toEqual({ score: -4, comparative: -1, label: 'negative', positive: [], negative: ['no … calm', 'war'] });
  });

  it('records where each scored word stands and whether it was negated', () => {
    const text = 'They weren’t willing.';
    expect(scoreTokens(tokenizeTone(text), lexicon)).toEqual([{ word: 'willing', score: -1, negated: true, negator: "weren't", start: 13, end: 20 }]);
  });
});

describe('labelScore', () => {
  it.each([
    [2, 'positive'], [5, 'positive'], [1, 'neutral'], [0, 'neutral'], [-1, 'negative'], [-4, 'negative'],
  ] as const)('labels score %i as %s under the fitted thresholds (≤ −1, ≥ 2)', (score, label) => {
    expect(labelScore(score, { negative: -1, positive: 2 })).toBe(label);
  });

  it('uses the thresholds and negation fitted on NewsMTSC train', () => {
    expect(lexicon.thresholds).toEqual({ negative: -1, positive: 2, negationScope: null, negationShift: 2 });
  });

  it('flips the sign when a lexicon asks for flips, and stops at the negation scope', () => {
    const flip = createToneLexicon({ words: {}, negators: ['not'], clauseBreaks: [] }, { positive: 1, negative: -1, negationScope: 2 });
    expect(scoreSentiment('not good', flip).score).toBe(-2); // AFINN's "not good" phrase
    expect(scoreSentiment('not so very good', flip).score).toBe(3); // "good" is the third word after "not"
    expect(scoreSentiment('not very good', flip).negative).toEqual(['not … good']);
  });
});

describe('readTone', () => {
  it.each([
    ['Not good.', ['not good'], 1],
    ['They weren’t willing to talk, a terrible failure.', ["weren't … willing", 'terrible', 'failure'], 3],
    ['No words of tone here', [], 0],
  ])('scores %j once for sentiment and stance to share', (text, evidence, words) => {
    const reading = readTone(text, lexicon);
    expect(reading.scored.map((word) => (word.negator === null ? word.word : `${word.negator} … ${word.word}`))).toEqual(evidence);
    expect(reading.scored).toHaveLength(words);
    expect(scoreSentiment(text, lexicon, reading)).toEqual(scoreSentiment(text, lexicon));
  });
});

describe('createToneLexicon', () => {
  it('lets every word with a role through its role filter, and keeps most other words out', () => {
    expect([...lexicon.roles.keys()].filter((word) => !mayHaveRole(word, lexicon))).toEqual([]);
    expect(['the', 'and', 'to', 'of', 'they'].map((word) => mayHaveRole(word, lexicon))).toEqual([false, false, false, false, false]);
  });


  it.each([
    [[], {}, /expected the tone lexicon to be an object, found a list/],
    [{ words: { bad: 9 }, negators: [], clauseBreaks: [] }, {}, /score of tone word "bad" to be a whole number in −5…5, found 9/],
    [{ words: { Bad: -2 }, negators: [], clauseBreaks: [] }, {}, /tone word "Bad" to be lower case/],
    [{ words: {}, negators: 'not', clauseBreaks: [] }, {}, /"negators" to be a list of lower-case words, found string/],
    [{ words: {}, negators: [], clauseBreaks: [] }, { positive: -1, negative: 1 }, /negative < positive/],
    [{ words: {}, negators: [], clauseBreaks: [] }, { positive: 1, negative: -1, negationScope: 0 }, /negationScope to be a whole number ≥ 1 or null, found 0/],
    [{ words: {}, negators: [], clauseBreaks: [] }, { positive: 1, negative: -1, negationShift: -2 }, /negationShift to be a positive number or null, found -2/],
  ])('rejects a malformed lexicon %j', (data, thresholds, message) => {
    expect(() => createToneLexicon(data as never, thresholds as never)).toThrow(message);
  });
});
