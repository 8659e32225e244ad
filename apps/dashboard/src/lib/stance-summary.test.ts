import { describe, expect, it } from 'vitest';
import type { Stance } from '../api/types.js';
import { summarizeStances } from './stance-summary.js';

const stance = (target: string, targetCountry: string | null, polarity: Stance['polarity'], score: number): Stance => ({
  target,
  targetCountry,
  polarity,
  score,
  evidence: [],
  rule: 'explicit',
  inferred: false,
});

describe('summarizeStances', () => {
  it('counts each polarity per target and averages the scores, busiest target first', () => {
    const quotes = [
      { stance: [stance('Moscow', 'RU', 'against', -0.6), stance('NATO', 'NATO', 'favor', 0.5)] },
      { stance: [stance('Russia', 'RU', 'against', -0.4)] },
      { stance: [stance('the Kremlin', 'RU', 'favor', 0.2)] },
      { stance: [] },
    ];
    expect(summarizeStances(quotes)).toEqual([
      { target: 'RU', isCode: true, favor: 1, against: 2, neutral: 0, count: 3, mean: expect.closeTo(-0.2667, 3) },
      { target: 'NATO', isCode: true, favor: 1, against: 0, neutral: 0, count: 1, mean: 0.5 },
    ]);
  });

  it.each([
    ['keeps a target without a code by its words', [{ stance: [stance('the protesters', null, 'neutral', 0)] }], [{ target: 'the protesters', isCode: false }]],
    ['gives nothing for quotes without stance', [{ stance: [] }], []],
  ])('%s', (_name, quotes, expected) => {
    expect(summarizeStances(quotes).map(({ target, isCode }) => ({ target, isCode }))).toEqual(expected);
  });
});
