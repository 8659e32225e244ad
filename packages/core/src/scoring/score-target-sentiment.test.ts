import { describe, expect, it } from 'vitest';
import modelJson from '../../data/target-sentiment-model.json' with { type: 'json' };
import { classify, EVIDENCE_SIZE, parseTargetSentimentModel, scoreTargetSentiment, TARGET_CLASSES } from './score-target-sentiment.js';
import { extractTargetFeatures } from './target-features.js';
import { loadToneLexicon } from './tone-lexicon.js';

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
    for (const name of result.evidence) expect(features.has(name)).toBe(true);
    expect(result.evidence).toContain('L1:slammed');
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
  it('has one finite weight per class for every feature and stays under 5 MB', () => {
    const model = parseTargetSentimentModel(modelJson);
    expect(model.weights.size).toBeGreaterThan(1000);
    expect(JSON.stringify(modelJson).length).toBeLessThan(5_000_000);
  });

  it.each([
    [null, /with a "weights" object/],
    [{ weights: [] }, /with a "weights" object/],
    [{ weights: { bias: [1, 2] } }, /weights of feature "bias" to be 3 finite numbers/],
    [{ weights: { bias: [1, 2, Number.NaN] } }, /3 finite numbers/],
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
