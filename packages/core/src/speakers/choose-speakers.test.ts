import { describe, expect, it } from 'vitest';
import modelFile from '../../data/attribution-model.json' with { type: 'json' };
import { analyzeArticle, draftArticle } from '../analyze.js';
import { chooseSpeakers, loadAttributionModel, parseAttributionModel, type AttributionStep } from './choose-speakers.js';

describe('the shipped attribution model', () => {
  it('loads, says what it was trained on and by which script, and stays small', () => {
    const model = loadAttributionModel();
    expect(model.weights.size).toBeGreaterThan(100);
    expect(modelFile.about.trainedOn).toMatch(/PolNeAR/);
    expect(modelFile.about.script).toMatch(/train:attribution/);
    expect(JSON.stringify(modelFile).length).toBeLessThan(5_000_000);
  });

  it.each([
    ['the cue right after the quotation', '“We will not wait forever,” Russian Foreign Minister Sergei Lavrov said on Friday.', 'Sergei Lavrov', 'model:cue-right-after'],
    ['the subject of the reporting clause of a partial quotation', 'Governor Amy Palmer told reporters on Monday that the plan was “dead on arrival.”', 'Amy Palmer', 'model:'],
    ['the previous quotation’s speaker for a paragraph with no cue', '“We are ready,” said Mayor Tom Berg.\n\n“The city will not wait for the state.”', 'Tom Berg', 'model:'],
  ])('chooses %s', (_, text, speaker, rule) => {
    const quote = analyzeArticle(text).quotes.at(-1)!;
    expect(quote.speaker?.name).toBe(speaker);
    expect(quote.evidence.rule.startsWith(rule)).toBe(true);
    expect(quote.evidence.confidence).toBeGreaterThan(0.3); // the softmax share of the best of several candidates
    expect(quote.evidence.features?.length ?? 0).toBeGreaterThan(0);
  });

  it('shows the trainer every candidate with its features, nearest first', () => {
    const draft = draftArticle('“It is over,” said Ana Ruiz, the coach. Her rival Ben Ode disagreed.');
    const steps: AttributionStep[] = [];
    chooseSpeakers(draft, loadAttributionModel(), (step) => steps.push(step));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.candidates[0]!.facts.relation).toBe('cue-right-after');
    expect(steps[0]!.features[0]).toContain('rel=cue-right-after');
  });

  it.each([
    ['no weights object', { about: {} }, /"weights"/],
    ['a weight that is not a number', { weights: { 'rel=cue-right-after': 'high' } }, /finite number/],
  ])('refuses a model file with %s', (_, data, message) => {
    expect(() => parseAttributionModel(data)).toThrow(message);
  });
});
