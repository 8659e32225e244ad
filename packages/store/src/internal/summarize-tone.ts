import type { ToneSummary, ToneSums } from '@newstone/core';

/** Groups with fewer quotes than this get `tooFew`. */
const minimumCount = 5;

/**
 * Turns running sums into a mean with a 95% confidence interval (normal approximation) and label shares.
 * Stand-in with the signature of core's `summarizeTone` until core exports it.
 */
export function summarizeTone(sums: ToneSums): ToneSummary {
  const { count } = sums;
  if (count === 0) {
    return { count, mean: 0, ciLow: 0, ciHigh: 0, share: { positive: 0, neutral: 0, negative: 0 }, tooFew: true };
  }
  const mean = sums.sum / count;
  const variance = count > 1 ? Math.max(0, (sums.sumOfSquares - count * mean * mean) / (count - 1)) : 0;
  const half = count > 1 ? (1.96 * Math.sqrt(variance)) / Math.sqrt(count) : 0;
  return {
    count,
    mean,
    ciLow: mean - half,
    ciHigh: mean + half,
    share: { positive: sums.positive / count, neutral: sums.neutral / count, negative: sums.negative / count },
    tooFew: count < minimumCount,
  };
}
