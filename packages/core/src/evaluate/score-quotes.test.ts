import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoldArticle, parsePredictedArticle } from './parse-gold.js';
import { isSpeakerCorrect, scoreQuotes, trimQuoteSpan, type GoldArticle, type ScoreQuotesOptions } from './score-quotes.js';

const readJsonl = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** Four short articles written for this test, and hand-made predictions with one of each kind of miss. */
const gold = readJsonl('eval-quotes.gold.jsonl').map((line) => parseGoldArticle(line));
const predictions = readJsonl('eval-quotes.predictions.jsonl').map((line) => parsePredictedArticle(line));

describe('scoreQuotes on the small gold file', () => {
  // Counted by hand from the predictions: 12 gold quotes (4 + 3 + 4 + 1, the last article has no prediction
  // line), 12 predictions; 10 overlap matches of which 9 exact (one is cut short); 8 right speakers (a speaker
  // where the gold has none, a missing speaker; without coreference also the "She" resolved only by coref).
  it.each<[string, ScoreQuotesOptions, Record<string, number>]>([
    ['by default', {}, {
      predicted: 12, exactTp: 9, exactP: 9 / 12, overlapTp: 10, overlapP: 10 / 12, overlapR: 10 / 12, e2eTp: 8, e2eP: 8 / 12, e2eR: 8 / 12,
      e2eF1: 8 / 12, speaker: 0.8, name: 4 / 5, pronoun: 1, nominal: 1, none: 0, full: 8 / 9, partial: 2 / 3, unattributed: 1, ignored: 0,
    }],
    ['without coreference names', { coref: false }, {
      predicted: 12, exactTp: 9, exactP: 9 / 12, overlapTp: 10, overlapP: 10 / 12, overlapR: 10 / 12, e2eTp: 7, e2eP: 7 / 12, e2eR: 7 / 12,
      e2eF1: 7 / 12, speaker: 0.7, name: 4 / 5, pronoun: 2 / 3, nominal: 1, none: 0, full: 8 / 9, partial: 2 / 3, unattributed: 1, ignored: 0,
    }],
    ['ignoring predictions on unattributed marks', { ignoreUnattributed: true }, {
      predicted: 11, exactTp: 9, exactP: 9 / 11, overlapTp: 10, overlapP: 10 / 11, overlapR: 10 / 12, e2eTp: 8, e2eP: 8 / 11, e2eR: 8 / 12,
      e2eF1: (2 * (8 / 11) * (8 / 12)) / (8 / 11 + 8 / 12), speaker: 0.8, name: 4 / 5, pronoun: 1, nominal: 1, none: 0, full: 8 / 9,
      partial: 2 / 3, unattributed: 1, ignored: 1,
    }],
  ])('gives the hand-counted figures %s', (_, options, want) => {
    const scores = scoreQuotes(gold, predictions, options);
    const byType = scores.speaker.byType;
    const got = {
      predicted: scores.predictedQuotes, exactTp: scores.spanExact.truePositives, exactP: scores.spanExact.precision,
      overlapTp: scores.spanOverlap.truePositives, overlapP: scores.spanOverlap.precision, overlapR: scores.spanOverlap.recall,
      e2eTp: scores.quoteSpeaker.truePositives, e2eP: scores.quoteSpeaker.precision, e2eR: scores.quoteSpeaker.recall,
      e2eF1: scores.quoteSpeaker.f1, speaker: scores.speaker.accuracy, name: byType.name?.accuracy, pronoun: byType.pronoun?.accuracy,
      nominal: byType.nominal?.accuracy, none: byType.none?.accuracy, full: scores.recallFull.recall, partial: scores.recallPartial.recall,
      unattributed: scores.unattributed.predictions, ignored: scores.unattributed.ignored,
    };
    expect(Object.keys(got)).toEqual(Object.keys(want));
    for (const [key, value] of Object.entries(want)) expect([key, got[key as keyof typeof got]]).toEqual([key, expect.closeTo(value, 12)]);
    expect([scores.goldQuotes, scores.articlesWithoutPredictions, scores.unlocatedPredictions]).toEqual([12, 1, 0]);
  });

  it('lists each miss with its kind, the words around it and both speakers, in text order', () => {
    const { errors } = scoreQuotes(gold, predictions);
    expect(errors.map((error) => [error.kind, error.articleId, error.text, error.gold?.speaker ?? null, error.predicted?.speaker ?? null, error.onUnattributed])).toEqual([
      ['not-found', 'harbour', 'a disaster for the winter season,', 'Local fishermen', null, false],
      ['false-positive', 'harbour', 'the ferry company said it would run a reduced timetable', null, 'ferry company', false],
      ['false-positive', 'ministry', 'transition fund', null, null, true],
      ['wrong-speaker', 'council', 'Open as usual.', null, 'Tom Okafor', false],
      ['no-speaker', 'council', 'cannot afford good intentions.', 'Councillor Ruth Banks', null, false],
      ['not-found', 'rain', 'We will try again tomorrow,', 'the umpire', null, false],
    ]);
    expect(errors.map((error) => error.context)).toEqual([
      'Local fishermen called the plan “a disaster for the winter season,” and the ferry company said it would run a reduced timetable.',
      'Local fishermen called the plan “a disaster for the winter season,” and the ferry company said it would run a reduced timetable.',
      'A so-called “transition fund” will replace it.',
      'A sign outside the library read “Open as usual.”',
      'Councillor Ruth Banks, who voted against, said the town “cannot afford good intentions.”',
      '“We will try again tomorrow,” the umpire said as rain fell on the ground.',
    ]);
  });
});

describe('scoreQuotes matching', () => {
  const text = 'Intro. “Alpha beta gamma delta,” said Jane Doe. “Epsilon zeta eta theta,” he added.';
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const article = (quotes: GoldArticle['quotes'], unattributed: GoldArticle['unattributed'] = []): GoldArticle[] => [{ id: 'd', text, quotes, unattributed }];
  const jane = { ...at('Alpha beta gamma delta,'), speaker: 'Jane Doe', speakerType: 'name' };

  it.each<[string, GoldArticle[], { start?: number; end?: number; text?: string; speaker: string | null }[], [number, number, number, number]]>([
    ['matches one prediction to one gold quote only', article([jane]), [{ ...at('Alpha beta gamma delta'), speaker: 'Doe' }, { ...at('Alpha beta gamma'), speaker: 'Doe' }], [2, 1, 1, 1]],
    ['gives the gold quote to the larger overlap, whatever the order', article([jane]), [{ ...at('Alpha beta gamma'), speaker: 'X' }, { ...at('Alpha beta gamma delta'), speaker: 'Doe' }], [2, 1, 1, 1]],
    ['does not match an overlap under half of the longer span', article([jane]), [{ ...at('Alpha beta'), speaker: 'Doe' }], [1, 0, 0, 0]],
    ['finds a prediction by its text when it has no offsets', article([jane]), [{ text: 'Alpha beta gamma delta', speaker: 'Jane Doe' }], [1, 1, 1, 1]],
    ['drops a prediction whose text is not in the article', article([jane]), [{ text: 'Omega', speaker: 'Jane Doe' }], [0, 0, 0, 0]],
    ['scores only direct gold quotes', article([jane, { ...at('Epsilon zeta eta theta,'), kind: 'indirect', speaker: 'he' }]), [], [0, 0, 0, 0]],
  ])('%s', (_, goldArticles, quotes, [predicted, overlap, exact, right]) => {
    const scores = scoreQuotes(goldArticles, [{ id: 'd', quotes }]);
    expect([scores.predictedQuotes, scores.spanOverlap.truePositives, scores.spanExact.truePositives, scores.quoteSpeaker.truePositives]).toEqual([predicted, overlap, exact, right]);
  });

  it('counts an unmatched prediction on an unattributed segment, and drops it only when asked', () => {
    const goldArticles = article([jane], [at('Epsilon zeta eta theta,')]);
    const quotes = [{ ...at('Epsilon zeta eta theta'), speaker: 'he' }];
    const strict = scoreQuotes(goldArticles, [{ id: 'd', quotes }]);
    const lenient = scoreQuotes(goldArticles, [{ id: 'd', quotes }], { ignoreUnattributed: true });
    expect([strict.predictedQuotes, strict.unattributed, strict.errors.map((error) => error.kind)]).toEqual([1, { predictions: 1, ignored: 0 }, ['not-found', 'false-positive']]);
    expect([lenient.predictedQuotes, lenient.unattributed, lenient.errors.map((error) => error.kind)]).toEqual([0, { predictions: 1, ignored: 1 }, ['not-found']]);
  });

  it('gives zeros, not NaN, with nothing to score', () => {
    const scores = scoreQuotes([], []);
    expect([scores.spanOverlap.f1, scores.quoteSpeaker.precision, scores.speaker.accuracy, scores.recallPartial.recall]).toEqual([0, 0, 0, 0]);
  });
});

describe('isSpeakerCorrect', () => {
  it.each<[string, string | null, Parameters<typeof isSpeakerCorrect>[1], boolean, ScoreQuotesOptions?]>([
    ['the same name in another case', 'bob roe', { speaker: 'Bob Roe', speakerType: 'name' }, true],
    ['a surname shared with the gold phrase', 'Ms. Doe', { speaker: 'Jane Doe', speakerType: 'name' }, true],
    ['the last name of a long title', 'Jennifer Palmieri', { speaker: 'Clinton communication director Jennifer Palmieri', speakerType: 'name' }, true],
    ['not the name the title begins with', 'Clinton', { speaker: 'Clinton communication director Jennifer Palmieri', speakerType: 'name' }, false],
    ['a run ended by a comma', 'Butterfield', { speaker: 'Rep. G.K. Butterfield (D-N.C.), head of the caucus', speakerType: 'name' }, true],
    ['a mention of a pronoun speaker', 'Carla Meier', { speaker: 'she', speakerType: 'pronoun', speakerMentions: ['Carla Meier'] }, true],
    ['a coreference name of a pronoun speaker', 'Jane Doe', { speaker: 'he', speakerType: 'pronoun', speakerCoref: ['Jane Doe'] }, true],
    ['no coreference names when turned off', 'Jane Doe', { speaker: 'he', speakerType: 'pronoun', speakerCoref: ['Jane Doe'] }, false, { coref: false }],
    ['no coreference names for a named speaker', 'Jane Doe', { speaker: 'Bob Roe', speakerType: 'name', speakerCoref: ['Jane Doe'] }, false],
    ['a description that equals the gold one', 'The ministry', { speaker: 'the ministry', speakerType: 'nominal' }, true],
    ['a possessive and curly apostrophe aside', 'O’Neill’s', { speaker: "O'Neill", speakerType: 'name' }, true],
    ['no speaker where the gold has none', null, { speaker: null }, true],
    ['a speaker where the gold has none', 'Tom Okafor', { speaker: null }, false],
    ['no speaker where the gold has one', null, { speaker: 'Jane Doe', speakerType: 'name' }, false],
    ['a capitalised pronoun is no surname', 'He', { speaker: 'He', speakerType: 'pronoun' }, true],
    ['another pronoun is not the speaker', 'She', { speaker: 'He', speakerType: 'pronoun' }, false],
  ])('%s', (_, predicted, goldQuote, want, options) => {
    expect(isSpeakerCorrect(predicted, goldQuote, options)).toBe(want);
  });
});

describe('trimQuoteSpan', () => {
  it.each<[string, { start: number; end: number }, { start: number; end: number }]>([
    ['“Yes,” he said.', { start: 0, end: 6 }, { start: 1, end: 4 }],
    ['(“No — never!”)', { start: 0, end: 15 }, { start: 2, end: 12 }],
    ['…', { start: 0, end: 1 }, { start: 1, end: 1 }],
  ])('trims %j', (text, span, want) => {
    expect(trimQuoteSpan(text, span)).toEqual(want);
  });
});

describe('parseGoldArticle and parsePredictedArticle', () => {
  it.each<[string, unknown, RegExp]>([
    ['not an object', [1], /expected a gold article to be an object, found an array/],
    ['no text', { id: 'a', quotes: [] }, /expected "text" to be a string, found undefined/],
    ['no id', { text: 'x', quotes: [] }, /expected "id" to be a string or a number/],
    ['quotes not a list', { id: 'a', text: 'x', quotes: {} }, /expected "quotes" to be an array, found an object/],
    ['an offset past the text', { id: 'a', text: 'short', quotes: [{ start: 0, end: 9, speaker: null }] }, /quote 1 offsets within the text \(0 ≤ start ≤ end ≤ 5\), found start 0 and end 9/],
    ['offsets that are not integers', { id: 'a', text: 'short', quotes: [{ start: '0', end: 2, speaker: null }] }, /quote 1 "start" and "end" to be integers, found a string and a number/],
    ['a quote text other than the text at its offsets', { id: 'a', text: 'short', quotes: [{ start: 0, end: 2, text: 'xx', speaker: null }] }, /quote 1 "text" to equal the article text/],
    ['a speaker that is not a string', { id: 'a', text: 'short', quotes: [{ start: 0, end: 2, speaker: 7 }] }, /quote 1 "speaker" to be a string or null, found a number/],
    ['mentions that are not strings', { id: 'a', text: 'short', quotes: [{ start: 0, end: 2, speaker: 'x', speakerMentions: [1] }] }, /quote 1 "speakerMentions" to be an array of strings/],
    ['an unattributed segment past the text', { id: 'a', text: 'short', quotes: [], unattributed: [{ start: 4, end: 6 }] }, /unattributed segment 1 offsets within the text/],
  ])('rejects a gold article with %s', (_, value, message) => {
    expect(() => parseGoldArticle(value)).toThrow(message);
  });

  it('keeps the fields the scorer reads and leaves the others out', () => {
    const line = { id: 7, text: '“Yes,” she said.', title: 'T', quotes: [{ start: 1, end: 5, text: 'Yes,', speaker: 'she', speakerType: 'pronoun', cue: 'said', mixed: true }] };
    expect(parseGoldArticle(line)).toEqual({
      id: 7, text: '“Yes,” she said.', unattributed: [],
      quotes: [{ start: 1, end: 5, text: 'Yes,', kind: undefined, speaker: 'she', speakerType: 'pronoun', speakerMentions: undefined, speakerCoref: undefined, mixed: true }],
    });
  });

  it.each<[string, unknown, string | undefined, RegExp]>([
    ['neither offsets nor text', { id: 'a', quotes: [{ speaker: 'x' }] }, undefined, /quote 1 to have "start" and "end", or a "text", found neither/],
    ['an offset past the article text', { id: 'a', quotes: [{ start: 2, end: 40, speaker: 'x' }] }, 'short text', /offsets within the text \(0 ≤ start ≤ end ≤ 10\)/],
    ['a negative offset', { id: 'a', quotes: [{ start: -1, end: 4, speaker: 'x' }] }, undefined, /found start -1 and end 4/],
  ])('rejects a prediction with %s', (_, value, text, message) => {
    expect(() => parsePredictedArticle(value, text)).toThrow(message);
  });
});
