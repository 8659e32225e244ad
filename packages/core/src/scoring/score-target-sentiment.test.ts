import { describe, expect, it } from 'vitest';
import modelJson from '../../data/target-sentiment-model.json' with { type: 'json' };
import { classify, EVIDENCE_SIZE, parseTargetSentimentModel, scoreTargetSentiment, TARGET_CLASSES } from './score-target-sentiment.js';
import { extractTargetFeatures, locateTarget } from './target-features.js';
import { projectTokens, readWindows, VECTOR_GROUPS, vectorKey, windowRange } from './target-vectors.js';
import { loadToneLexicon } from './tone-lexicon.js';
import { tokenizeTone } from './tone-tokens.js';

function spanOf(sentence: string, target: string) {
  const start = sentence.indexOf(target);
  return { start, end: start + target.length };
}

describe('scoreTargetSentiment', () => {
  it.each([
    ['praise for the target', 'Voters praised Smith for her courage and honesty.', 'Smith', 'positive'],
    ['an attack on the target', 'Critics slammed Smith for the failed and corrupt deal.', 'Smith', 'negative'],
    ['a plain report about the target', 'Smith will travel to Geneva on Monday.', 'Smith', 'neutral'],
  ] as const)('reads %s', (_behaviour, sentence, target, polarity) => {
    const result = scoreTargetSentiment(sentence, spanOf(sentence, target));
    expect(result.polarity).toBe(polarity);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('lists as evidence the features that pushed toward its class, strongest first, at most EVIDENCE_SIZE', () => {
    const sentence = 'Critics slammed Smith for the failed and corrupt deal.';
    const result = scoreTargetSentiment(sentence, spanOf(sentence, 'Smith'));
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(result.evidence.length).toBeLessThanOrEqual(EVIDENCE_SIZE);
    const features = extractTargetFeatures(sentence, spanOf(sentence, 'Smith'), loadToneLexicon());
    const words = new Set(sentence.toLowerCase().split(/\W+/));
    for (const name of result.evidence) {
      // A feature of the sentence, or a word-vector window named by one of its words.
      const window = /^vec:(?:left|right|clause|sentence):(.+)$/.exec(name);
      if (window === null) expect(features.has(name)).toBe(true);
      else expect(words.has(window[1]!)).toBe(true);
    }
    expect(result.evidence.some((name) => /^(?:L1|vec:left):slammed$/.test(name))).toBe(true);
  });

  it('tells two targets of one sentence apart when the sentence takes sides', () => {
    const sentence = 'The brave rescuers saved the victims, while the reckless driver caused the deadly crash.';
    const rescuers = scoreTargetSentiment(sentence, spanOf(sentence, 'rescuers')).score;
    const driver = scoreTargetSentiment(sentence, spanOf(sentence, 'driver')).score;
    expect(rescuers).toBeGreaterThan(driver);
  });

  it.each([
    [{ start: -1, end: 3 }], [{ start: 3, end: 3 }], [{ start: 0, end: 99 }], [{ start: 0.5, end: 2 }],
  ])('rejects the target %j in a 12-character sentence', (target) => {
    expect(() => scoreTargetSentiment('Hello world.', target)).toThrow(/expected a target 0 ≤ start < end ≤ 12/);
    expect(() => scoreTargetSentiment('Hello world.', target)).toThrow(expect.objectContaining({ name: 'NewstoneError', code: 'invalid-input' }));
  });

  it('gives class probabilities that sum to one', () => {
    const model = parseTargetSentimentModel(modelJson);
    const features = extractTargetFeatures('Smith lost.', { start: 0, end: 5 }, loadToneLexicon());
    const probabilities = classify(features, model);
    expect(probabilities).toHaveLength(TARGET_CLASSES.length);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe('the committed model file', () => {
  it('has one finite weight per class for every feature, a row of window logits per word, and stays under 5 MB', () => {
    const model = parseTargetSentimentModel(modelJson);
    expect(model.weights.size).toBeGreaterThan(1000);
    expect(model.projections.rows.size).toBeGreaterThan(20_000);
    expect(model.projections.values.length).toBe(model.projections.rows.size * VECTOR_GROUPS.length * TARGET_CLASSES.length);
    expect(model.projections.rows.has('war')).toBe(true);
    expect(JSON.stringify(modelJson).length).toBeLessThan(5_000_000);
  });

  it('reads praise before the target, through the word vectors alone, as more positive than blame', () => {
    const { projections } = parseTargetSentimentModel(modelJson);
    const leftLogits = (sentence: string) => {
      const tokens = tokenizeTone(sentence);
      const place = locateTarget(tokens, spanOf(sentence, 'Smith'), loadToneLexicon());
      const { logits } = readWindows(projectTokens(tokens, projections), place, projections);
      return logits[0]! - logits[2]!; // the left window's positive minus negative logit
    };
    expect(leftLogits('Voters admired and thanked Smith')).toBeGreaterThan(leftLogits('Voters blamed and attacked Smith'));
  });

  it.each([
    [null, /with a "weights" object/],
    [{ weights: [] }, /with a "weights" object/],
    [{ weights: { bias: [1, 2] } }, /weights of feature "bias" to be 3 finite numbers/],
    [{ weights: { bias: [1, 2, Number.NaN] } }, /3 finite numbers/],
    [{ weights: {}, projections: [] }, /"projections" to be an object/],
    [{ weights: {}, projections: { groups: ['left'], window: 5, words: {} } }, /groups left, right, clause, sentence and window 5/],
    [{ weights: {}, projections: { groups: [...VECTOR_GROUPS], window: 5, words: { war: [1, 2] } } }, /projection of "war" to be 12 finite numbers/],
  ])('rejects a malformed model %j', (value, message) => {
    expect(() => parseTargetSentimentModel(value)).toThrow(message);
    expect(() => parseTargetSentimentModel(value)).toThrow(expect.objectContaining({ code: 'invalid-lexicon' }));
  });
});

describe('extractTargetFeatures', () => {
  it('marks the words beside the target by side and distance, and leaves the target out of the word features', () => {
    const features = extractTargetFeatures('Critics slammed Smith yesterday.', { start: 16, end: 21 }, loadToneLexicon());
    expect(features.get('L1:slammed')).toBe(1);
    expect(features.get('L2:critics')).toBe(1);
    expect(features.get('R1:yesterday')).toBe(1);
    expect(features.has('w:smith')).toBe(false);
    expect(features.get('w:slammed')).toBe(1);
  });
});

describe('the word-vector windows', () => {
  const place = { firstIndex: 7, lastIndex: 8, clause: { first: 3, last: 10 } };
  it.each([
    ['left', [2, 6]], ['right', [9, 13]], ['clause', [3, 10]], ['sentence', [0, 19]],
  ] as const)('reads the %s window of a target at tokens 7–8 of 20 as tokens %j', (group, range) => {
    expect(windowRange(group, place, 20)).toEqual(range);
  });

  it('clips the side windows at the sentence edges', () => {
    expect(windowRange('left', { firstIndex: 1, lastIndex: 1, clause: { first: 0, last: 3 } }, 4)).toEqual([0, 0]);
    expect(windowRange('right', { firstIndex: 1, lastIndex: 1, clause: { first: 0, last: 3 } }, 4)).toEqual([2, 3]);
  });

  it.each([
    ['russia', 'russia'], ["russia's", 'russia'], ["kremlin's", undefined], ['moscow', undefined],
  ])('looks %s up as %s', (text, key) => {
    expect(vectorKey(text, (word) => word === 'russia')).toBe(key);
  });

  it('averages only the words outside the target that have a row', () => {
    // Words a, c, t, e with rows of 1s, 3s, 100s, 5s; b has none; t is the target.
    const projections = { rows: new Map([['a', 0], ['c', 12], ['t', 24], ['e', 36]]), values: Float32Array.from({ length: 48 }, (_, i) => [1, 3, 100, 5][Math.floor(i / 12)]!) };
    const rows = projectTokens(tokenizeTone('a b c t e'), projections);
    expect([...rows]).toEqual([0, -1, 12, 24, 36]);
    const { logits, counts } = readWindows(rows, { firstIndex: 3, lastIndex: 3, clause: { first: 2, last: 4 } }, projections);
    expect([...counts]).toEqual([2, 1, 2, 3]);
    expect([logits[0], logits[3], logits[6], logits[9]]).toEqual([2, 5, 4, 3]);
  });
});
