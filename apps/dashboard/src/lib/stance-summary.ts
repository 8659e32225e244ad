import type { Quote, Stance } from '../api/types.js';

type StancePolarity = Stance['polarity'];

/** One target's stance rows among a set of quotes. */
export interface TargetStance {
  /** The target's country or organisation code, or its words as written when it has none. */
  readonly target: string;
  /** True when `target` is a country or organisation code. */
  readonly isCode: boolean;
  readonly favor: number;
  readonly against: number;
  readonly neutral: number;
  readonly count: number;
  /** Mean stance score, −1…1. */
  readonly mean: number;
}

/**
 * Stance rows per target, busiest first: how often the quotes stand for, against or neutral toward each one.
 *
 * @example summarizeStances(quotes)[0] // { target: 'RU', isCode: true, favor: 1, against: 4, neutral: 0, count: 5, mean: -0.4 }
 */
export function summarizeStances(quotes: readonly Pick<Quote, 'stance'>[]): TargetStance[] {
  const byTarget = new Map<string, { isCode: boolean; counts: Record<StancePolarity, number>; sum: number }>();
  for (const quote of quotes) {
    for (const stance of quote.stance) {
      const target = stance.targetCountry ?? stance.target;
      const entry = byTarget.get(target) ?? { isCode: stance.targetCountry !== null, counts: { favor: 0, against: 0, neutral: 0 }, sum: 0 };
      entry.counts[stance.polarity] += 1;
      entry.sum += stance.score;
      byTarget.set(target, entry);
    }
  }
  return [...byTarget.entries()]
    .map(([target, { isCode, counts, sum }]) => {
      const count = counts.favor + counts.against + counts.neutral;
      return { target, isCode, favor: counts.favor, against: counts.against, neutral: counts.neutral, count, mean: sum / count };
    })
    .sort((a, b) => b.count - a.count || a.target.localeCompare(b.target));
}

/** What the stance polarities mean, said once for every stance chart's legend and description. */
export const STANCE_MEANING =
  'Favour: the speaker speaks well of or sides with the target. Against: the speaker criticises, accuses or opposes it. Neutral: the target is named without either.';
