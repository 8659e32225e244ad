/**
 * The shape of tone aggregates. Stores compute `ToneSums` (in SQL or in memory); `summarizeTone` in
 * `aggregate/` turns sums into a `ToneSummary` with its confidence interval, so every consumer agrees.
 */

/** Running sums over a group of quotes' sentiment scores. */
export interface ToneSums {
  readonly count: number;
  /** Sum of the per-quote scores. */
  readonly sum: number;
  /** Sum of the squared per-quote scores. */
  readonly sumOfSquares: number;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
}

export interface ToneSummary {
  readonly count: number;
  readonly mean: number;
  /** 95% confidence interval of the mean. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Shares of positive / neutral / negative quotes, each 0…1. */
  readonly share: { readonly positive: number; readonly neutral: number; readonly negative: number };
  /** True when the group has too few quotes for its mean to be trusted. */
  readonly tooFew: boolean;
}

/** One row of a grouped aggregate (by speaker, country, target or day). */
export interface ToneRow extends ToneSummary {
  /** The group key: speaker id, country code, target code or ISO day. */
  readonly key: string;
  /** A human label for the key (speaker name, country name), when one exists. */
  readonly label: string;
  /** Speaker rows only: the speaker's country (ISO 3166-1 alpha-2 or organisation code such as `NATO`), or null. */
  readonly country?: string | null;
  /** Speaker rows only: the speaker's role ("Russian Foreign Minister"), or null. */
  readonly role?: string | null;
}

/** One cell of the speaker-country × target-country stance matrix. */
export interface StanceCell extends ToneSummary {
  readonly speakerCountry: string;
  readonly targetCountry: string;
  /** Counts of favor / against / neutral stance rows. */
  readonly favor: number;
  readonly against: number;
  readonly neutralStance: number;
}
