import type { ToneSums, ToneSummary } from '../model/aggregate.js';
import { NewstoneError } from '../internal/errors.js';

/**
 * Below this many quotes a group's mean is flagged `tooFew`. With four quotes the 95% interval already uses a
 * t critical value of 3.18 (against 1.96 for large groups), and one quote more or less moves a mean of AFINN
 * scores by a whole label step; from five quotes on the interval is an honest, if wide, statement.
 */
export const MIN_QUOTES_TO_TRUST = 5;

/** Two-sided 95% critical values of Student's t for 1…30 degrees of freedom. */
const T_975: readonly number[] = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959964;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table up to 30, then the Cornish–Fisher
 * expansion around the normal quantile (error below 1e-4 from 30 degrees of freedom on).
 *
 * @example
 * tCritical95(4); // 2.776
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new NewstoneError('invalid-input', `expected a positive whole number of degrees of freedom, found ${df}`);
  const tabled = T_975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_975;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2)
    + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Turns running sums over a group of quote scores into the mean, its 95% confidence interval (Student's t with
 * n − 1 degrees of freedom, sample variance), the label shares and the `tooFew` flag. An empty group has mean 0,
 * a zero-width interval and zero shares; a single quote has a zero-width interval at its score (no spread can be
 * estimated from one value), and both are `tooFew`.
 *
 * @example
 * summarizeTone({ count: 2, sum: -4, sumOfSquares: 10, positive: 0, neutral: 0, negative: 2 });
 * // { count: 2, mean: -2, ciLow: -14.706, ciHigh: 10.706, share: { positive: 0, neutral: 0, negative: 1 }, tooFew: true }
 */
export function summarizeTone(sums: ToneSums, minQuotes: number = MIN_QUOTES_TO_TRUST): ToneSummary {
  checkSums(sums);
  const { count, sum, sumOfSquares } = sums;
  if (count === 0) {
    return { count, mean: 0, ciLow: 0, ciHigh: 0, share: { positive: 0, neutral: 0, negative: 0 }, tooFew: true };
  }
  const mean = sum / count;
  let halfWidth = 0;
  if (count > 1) {
    // Sums in SQL arrive rounded: clamp the tiny negative variances that cancellation can produce.
    const variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
    halfWidth = tCritical95(count - 1) * Math.sqrt(variance / count);
  }
  return {
    count,
    mean,
    ciLow: mean - halfWidth,
    ciHigh: mean + halfWidth,
    share: { positive: sums.positive / count, neutral: sums.neutral / count, negative: sums.negative / count },
    tooFew: count < minQuotes,
  };
}

/**
 * Adds one quote score to running sums (the in-memory twin of the store's SQL).
 *
 * @example
 * summarizeTone(addToSums(addToSums(EMPTY_SUMS, -2, 'negative'), 1, 'neutral')).mean; // -0.5
 */
export function addToSums(sums: ToneSums, score: number, label: 'positive' | 'neutral' | 'negative'): ToneSums {
  return {
    count: sums.count + 1,
    sum: sums.sum + score,
    sumOfSquares: sums.sumOfSquares + score * score,
    positive: sums.positive + (label === 'positive' ? 1 : 0),
    neutral: sums.neutral + (label === 'neutral' ? 1 : 0),
    negative: sums.negative + (label === 'negative' ? 1 : 0),
  };
}

/** Sums over no quotes. */
export const EMPTY_SUMS: ToneSums = { count: 0, sum: 0, sumOfSquares: 0, positive: 0, neutral: 0, negative: 0 };

function checkSums(sums: ToneSums): void {
  const { count, sum, sumOfSquares, positive, neutral, negative } = sums;
  if (!Number.isInteger(count) || count < 0) throw new NewstoneError('invalid-input', `expected ToneSums.count to be a whole number ≥ 0, found ${count}`);
  for (const [name, value] of [['sum', sum], ['sumOfSquares', sumOfSquares]] as const) {
    if (!Number.isFinite(value)) throw new NewstoneError('invalid-input', `expected ToneSums.${name} to be a finite number, found ${value}`);
  }
  for (const [name, value] of [['positive', positive], ['neutral', neutral], ['negative', negative]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new NewstoneError('invalid-input', `expected ToneSums.${name} to be a whole number ≥ 0, found ${value}`);
  }
  if (positive + neutral + negative !== count) {
    throw new NewstoneError('invalid-input', `expected positive + neutral + negative to equal count (${count}), found ${positive + neutral + negative}`);
  }
  if (sumOfSquares < 0) throw new NewstoneError('invalid-input', `expected ToneSums.sumOfSquares ≥ 0, found ${sumOfSquares}`);
}
