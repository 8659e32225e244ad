import { describe, expect, it } from 'vitest';
import { NewstoneError } from '../internal/errors.js';
import type { ToneSums } from '../model/aggregate.js';
import { addToSums, EMPTY_SUMS, summarizeTone, tCritical95 } from './summarize-tone.js';

function sumsOf(scores: readonly number[], labels: readonly ('positive' | 'neutral' | 'negative')[]): ToneSums {
  return scores.reduce((sums, score, i) => addToSums(sums, score, labels[i] ?? 'neutral'), EMPTY_SUMS);
}

describe('summarizeTone', () => {
  // Hand-computed: mean = Σx/n, s² = (Σx² − n·mean²)/(n − 1), CI = mean ± t(0.975, n − 1)·s/√n.
  it.each([
    // scores                 labels (p/n/-)   mean   ciLow     ciHigh    shares (p, n, -)      tooFew
    [[1, 2, 3, 4, 5], 'ppppp', 3, 1.0371, 4.9629, [1, 0, 0], false], // s = 1.5811, t4 = 2.776
    [[-3, -1], '--', -2, -14.706, 10.706, [0, 0, 1], true], // s = 1.4142, t1 = 12.706
    [[-2, -2, -2, -2, -2, -2], '------', -2, -2, -2, [0, 0, 1], false], // no spread: zero width
    [[4], 'p', 4, 4, 4, [1, 0, 0], true], // one quote: no spread can be estimated
    [[2, 0, -2, 0], 'p0-0', 0, -2.5981, 2.5981, [0.25, 0.5, 0.25], true], // s = 1.6330, t3 = 3.182
  ] as const)('summarises scores %j', (scores, labelCodes, mean, ciLow, ciHigh, [p, n, neg], tooFew) => {
    const labels = [...labelCodes].map((c) => (c === 'p' ? 'positive' : c === '-' ? 'negative' : 'neutral'));
    const summary = summarizeTone(sumsOf(scores, labels));
    expect(summary.count).toBe(scores.length);
    expect(summary.mean).toBeCloseTo(mean, 4);
    expect(summary.ciLow).toBeCloseTo(ciLow, 3);
    expect(summary.ciHigh).toBeCloseTo(ciHigh, 3);
    expect(summary.share).toEqual({ positive: p, neutral: n, negative: neg });
    expect(summary.tooFew).toBe(tooFew);
  });

  it('uses the large-sample t quantile for 100 quotes (50 × +1, 50 × −1)', () => {
    const summary = summarizeTone({ count: 100, sum: 0, sumOfSquares: 100, positive: 50, neutral: 0, negative: 50 });
    // s² = 100/99, se = 0.100504, t99 = 1.984217 → half-width 0.199424
    expect(summary.ciHigh).toBeCloseTo(0.199424, 4);
    expect(summary.ciLow).toBeCloseTo(-0.199424, 4);
  });

  it('gives an empty group a zero mean, zero shares and the tooFew flag', () => {
    expect(summarizeTone(EMPTY_SUMS)).toEqual({
      count: 0, mean: 0, ciLow: 0, ciHigh: 0, share: { positive: 0, neutral: 0, negative: 0 }, tooFew: true,
    });
  });

  it('clamps the slightly negative variance that rounded SQL sums produce', () => {
    const summary = summarizeTone({ count: 3, sum: 0.3, sumOfSquares: 0.03 - 1e-15, positive: 3, neutral: 0, negative: 0 });
    expect(summary.ciLow).toBeCloseTo(0.1, 10);
    expect(summary.ciHigh).toBeCloseTo(0.1, 10);
  });

  it('takes the tooFew threshold as an option', () => {
    expect(summarizeTone(sumsOf([1, 1, 1], ['positive', 'positive', 'positive']), 3).tooFew).toBe(false);
  });

  it.each([
    [{ ...EMPTY_SUMS, count: -1 }, /count to be a whole number ≥ 0, found -1/],
    [{ ...EMPTY_SUMS, count: 1.5 }, /count to be a whole number/],
    [{ ...EMPTY_SUMS, count: 2, positive: 1 }, /positive \+ neutral \+ negative to equal count \(2\), found 1/],
    [{ ...EMPTY_SUMS, sum: Number.NaN }, /sum to be a finite number/],
    [{ ...EMPTY_SUMS, count: 1, neutral: 1, sumOfSquares: -1 }, /sumOfSquares ≥ 0/],
  ] as const)('rejects inconsistent sums %j', (sums, message) => {
    expect(() => summarizeTone(sums)).toThrow(message);
    expect(() => summarizeTone(sums)).toThrow(NewstoneError);
  });
});

describe('tCritical95', () => {
  // Reference values from R: qt(0.975, df).
  it.each([
    [1, 12.706], [4, 2.776], [30, 2.042], [31, 2.039513], [40, 2.021075], [60, 2.000298], [120, 1.97993], [10000, 1.960201],
  ])('at %i degrees of freedom is %f', (df, expected) => {
    expect(tCritical95(df)).toBeCloseTo(expected, 3);
  });

  it.each([0, -1, 2.5])('rejects %f degrees of freedom', (df) => {
    expect(() => tCritical95(df)).toThrow(/positive whole number of degrees of freedom/);
  });
});
