import type { StanceCell, ToneRow, ToneSums } from '../model/aggregate.js';
import type { QuoteSpeaker, Sentiment, SentimentLabel, Stance, StancePolarity } from '../model/analysis.js';
import { addToSums, EMPTY_SUMS, MIN_QUOTES_TO_TRUST, summarizeTone } from './summarize-tone.js';
import { NewstoneError } from '../internal/errors.js';

/** What grouping needs of a quote: its speaker, tone and stances, and the day its article was published. */
export interface ToneQuote {
  readonly speaker: Pick<QuoteSpeaker, 'id' | 'name' | 'country'> & Partial<Pick<QuoteSpeaker, 'role'>> | null;
  readonly sentiment: Pick<Sentiment, 'score' | 'label'>;
  readonly stance: readonly Pick<Stance, 'targetCountry' | 'score' | 'polarity'>[];
  /** ISO 8601 date or date-time of the article; the day is its first ten characters. */
  readonly publishedAt?: string | null | undefined;
}

export type ToneGrouping = 'speaker' | 'country' | 'target' | 'day';

export interface ToneByOptions {
  /** Groups with fewer quotes are flagged `tooFew`. */
  readonly minQuotes?: number;
  /** A human label for a country or target code (a speaker's label is their name, a day's is itself). */
  readonly labelOf?: (code: string) => string;
}

const POLARITY_LABEL: Readonly<Record<StancePolarity, SentimentLabel>> = { favor: 'positive', neutral: 'neutral', against: 'negative' };

/**
 * Tone rows grouped by speaker (id), speaker country, stance target or publication day, the in-memory twin of
 * the store's SQL: speaker, country and day rows summarise the quotes' sentiment scores; target rows summarise
 * the stance scores toward each target (favor counts as positive, against as negative). Quotes without the
 * grouping key are left out. Days come in time order, other groups largest first, then by key.
 *
 * @example
 * toneBy(analysis.quotes, 'speaker').map((row) => [row.label, row.mean, row.ciLow, row.ciHigh]);
 */
export function toneBy(quotes: readonly ToneQuote[], by: ToneGrouping, options: ToneByOptions = {}): ToneRow[] {
  const groups = new Map<string, { label: string; sums: ToneSums; speaker: ToneQuote['speaker'] }>();
  const add = (key: string, label: string, score: number, tone: SentimentLabel, speaker: ToneQuote['speaker'] = null) => {
    const group = groups.get(key) ?? { label, sums: EMPTY_SUMS, speaker };
    groups.set(key, { label: group.label, sums: addToSums(group.sums, score, tone), speaker: group.speaker });
  };
  const labelOf = options.labelOf ?? ((code: string) => code);
  for (const quote of quotes) {
    if (by === 'target') {
      for (const stance of quote.stance) {
        if (stance.targetCountry !== null) add(stance.targetCountry, labelOf(stance.targetCountry), stance.score, POLARITY_LABEL[stance.polarity]);
      }
      continue;
    }
    const key = groupKey(quote, by);
    if (key === null) continue;
    const label = by === 'speaker' ? quote.speaker!.name : by === 'day' ? key : labelOf(key);
    add(key, label, quote.sentiment.score, quote.sentiment.label, by === 'speaker' ? quote.speaker : null);
  }
  const rows = [...groups].map(([key, { label, sums, speaker }]): ToneRow => ({
    key,
    label,
    ...(by === 'speaker' ? { country: speaker?.country ?? null, role: speaker?.role ?? null } : {}),
    ...summarizeTone(sums, options.minQuotes ?? MIN_QUOTES_TO_TRUST),
  }));
  return by === 'day'
    ? rows.sort((a, b) => (a.key < b.key ? -1 : 1))
    : rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * The speaker-country × target-country stance matrix: one cell per pair that occurs, summarising the stance
 * scores with favor / against / neutral counts, ordered by speaker country then target country.
 *
 * @example
 * stanceMatrix(analysis.quotes).find((cell) => cell.speakerCountry === 'RU' && cell.targetCountry === 'US')?.against;
 */
export function stanceMatrix(quotes: readonly ToneQuote[], options: Pick<ToneByOptions, 'minQuotes'> = {}): StanceCell[] {
  const cells = new Map<string, { speakerCountry: string; targetCountry: string; sums: ToneSums }>();
  for (const quote of quotes) {
    const speakerCountry = quote.speaker?.country ?? null;
    if (speakerCountry === null) continue;
    for (const stance of quote.stance) {
      if (stance.targetCountry === null) continue;
      const key = `${speakerCountry}\u0000${stance.targetCountry}`;
      const cell = cells.get(key) ?? { speakerCountry, targetCountry: stance.targetCountry, sums: EMPTY_SUMS };
      cells.set(key, { ...cell, sums: addToSums(cell.sums, stance.score, POLARITY_LABEL[stance.polarity]) });
    }
  }
  return [...cells.values()]
    .sort((a, b) => (a.speakerCountry === b.speakerCountry ? (a.targetCountry < b.targetCountry ? -1 : 1) : a.speakerCountry < b.speakerCountry ? -1 : 1))
    .map(({ speakerCountry, targetCountry, sums }) => ({
      ...summarizeTone(sums, options.minQuotes ?? MIN_QUOTES_TO_TRUST),
      speakerCountry,
      targetCountry,
      favor: sums.positive,
      against: sums.negative,
      neutralStance: sums.neutral,
    }));
}

function groupKey(quote: ToneQuote, by: Exclude<ToneGrouping, 'target'>): string | null {
  if (by === 'speaker') return quote.speaker?.id ?? null;
  if (by === 'country') return quote.speaker?.country ?? null;
  const day = quote.publishedAt?.slice(0, 10) ?? null;
  if (day !== null && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new NewstoneError('invalid-input', 'expected publishedAt to be an ISO 8601 date (YYYY-MM-DD…)');
  return day;
}
