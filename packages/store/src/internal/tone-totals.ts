import { addToSums, EMPTY_SUMS, type SentimentLabel, type StancePolarity, type ToneSums } from '@newstone/core';
import { type Kysely, type RawBuilder, type Transaction, sql } from 'kysely';
import type { Database, QuotesTable, StancesTable, ToneTotalsTable } from '../schema.js';

/** Anything a raw statement runs on: a Kysely instance, a transaction or a connection. */
type Executor = Parameters<RawBuilder<unknown>['execute']>[0];

/** What the totals need of a quote row and of a stance row. */
export type TotalledQuote = Pick<QuotesTable, 'speaker_id' | 'speaker_country' | 'published_day' | 'sentiment_score' | 'sentiment_label'>;
export type TotalledStance = Pick<StancesTable, 'speaker_country' | 'target_country' | 'score' | 'polarity'>;

const stanceLabel: Readonly<Record<string, SentimentLabel>> = { favor: 'positive', neutral: 'neutral', against: 'negative' } satisfies Record<StancePolarity, SentimentLabel>;

/**
 * The `tone_totals` groups of some quote and stance rows, with their sums (count, sum, sum of squares, label counts:
 * what `summarizeTone` needs, so an interval from the totals is the one a scan of every quote gives), in key order.
 *
 * @example
 * toneTotalsOf([{ speaker_id: 'sp_1', speaker_country: 'RU', published_day: null, sentiment_score: -2, sentiment_label: 'negative' }], []);
 * // speaker sp_1, country RU and all, each { count: 1, sum: -2, sumOfSquares: 4, … negative: 1 }
 */
export function toneTotalsOf(quotes: readonly TotalledQuote[], stances: readonly TotalledStance[]): { grouping: string; key: string; target: string; sums: ToneSums }[] {
  const groups = new Map<string, { grouping: string; key: string; target: string; sums: ToneSums }>();
  const add = (grouping: string, key: string | null, target: string, score: number, label: SentimentLabel) => {
    if (key === null) return;
    const id = `${grouping}\u0000${key}\u0000${target}`;
    const group = groups.get(id) ?? { grouping, key, target, sums: EMPTY_SUMS };
    groups.set(id, { ...group, sums: addToSums(group.sums, score, label) });
  };
  for (const quote of quotes) {
    const score = Number(quote.sentiment_score);
    const label = quote.sentiment_label as SentimentLabel;
    add('speaker', quote.speaker_id, '', score, label);
    add('country', quote.speaker_country, '', score, label);
    add('day', quote.published_day, '', score, label);
    add('all', '', '', score, label);
  }
  for (const stance of stances) {
    if (stance.target_country === null) continue;
    add('stance', stance.speaker_country ?? '', stance.target_country, Number(stance.score), stanceLabel[stance.polarity] ?? 'neutral');
  }
  // Key order, so concurrent writers lock the rows in the same order and cannot deadlock.
  const order = (a: { grouping: string; key: string; target: string }) => `${a.grouping}\u0000${a.key}\u0000${a.target}`;
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * Adds (`sign` 1, after writing the rows) or subtracts (`sign` -1, before deleting them) the rows' sums to the kept
 * totals, in the caller's transaction. Groups left without quotes are deleted.
 */
export async function addToneTotals(
  trx: Kysely<Database> | Transaction<Database>,
  quotes: readonly TotalledQuote[],
  stances: readonly TotalledStance[],
  sign: 1 | -1,
): Promise<void> {
  const rows: ToneTotalsTable[] = toneTotalsOf(quotes, stances).map(({ grouping, key, target, sums }) => ({
    grouping,
    key,
    target,
    count: sign * sums.count,
    sum: sign * sums.sum,
    sum_of_squares: sign * sums.sumOfSquares,
    positive: sign * sums.positive,
    neutral: sign * sums.neutral,
    negative: sign * sums.negative,
  }));
  // 400 rows of 9 values stay far below SQLite's limit on bound parameters.
  for (let index = 0; index < rows.length; index += 400) {
    await trx
      .insertInto('tone_totals')
      .values(rows.slice(index, index + 400))
      .onConflict((oc) =>
        oc.columns(['grouping', 'key', 'target']).doUpdateSet({
          count: sql`tone_totals.count + excluded.count`,
          sum: sql`tone_totals.sum + excluded.sum`,
          sum_of_squares: sql`tone_totals.sum_of_squares + excluded.sum_of_squares`,
          positive: sql`tone_totals.positive + excluded.positive`,
          neutral: sql`tone_totals.neutral + excluded.neutral`,
          negative: sql`tone_totals.negative + excluded.negative`,
        }),
      )
      .execute();
  }
  // Groups that lost their last quote go, so listing a grouping lists only groups with quotes.
  if (sign < 0 && rows.length > 0) await trx.deleteFrom('tone_totals').where('count', '=', 0).execute();
}

/**
 * Fills an empty `tone_totals` table from every stored quote and stance row, in SQL (the migration that adds it).
 * The groups are those `toneTotalsOf` makes, with the same sums.
 *
 * @example
 * await recountToneTotals(db);
 */
export async function recountToneTotals(db: Executor): Promise<void> {
  const times = sql.lit(1);
  const ofArticles = sql``;
  const quoteSums = sql`${times} * count(*), ${times} * sum(sentiment_score), ${times} * sum(sentiment_score * sentiment_score),
    ${times} * sum(case when sentiment_label = 'positive' then 1 else 0 end),
    ${times} * sum(case when sentiment_label = 'neutral' then 1 else 0 end),
    ${times} * sum(case when sentiment_label = 'negative' then 1 else 0 end)`;
  const stanceSums = sql`${times} * count(*), ${times} * sum(score), ${times} * sum(score * score),
    ${times} * sum(case when polarity = 'favor' then 1 else 0 end),
    ${times} * sum(case when polarity = 'neutral' then 1 else 0 end),
    ${times} * sum(case when polarity = 'against' then 1 else 0 end)`;
  const upsert = (select: RawBuilder<unknown>) => sql`
    insert into tone_totals (grouping, key, target, count, sum, sum_of_squares, positive, neutral, negative)
    ${select}
    on conflict (grouping, key, target) do update set
      count = tone_totals.count + excluded.count,
      sum = tone_totals.sum + excluded.sum,
      sum_of_squares = tone_totals.sum_of_squares + excluded.sum_of_squares,
      positive = tone_totals.positive + excluded.positive,
      neutral = tone_totals.neutral + excluded.neutral,
      negative = tone_totals.negative + excluded.negative`;
  // `having`: no rows must add no group (an aggregate without `group by` returns one row even then).
  const byQuoteColumn = (grouping: string, column: 'speaker_id' | 'speaker_country' | 'published_day') =>
    upsert(sql`select ${sql.lit(grouping)}, ${sql.ref(column)}, '', ${quoteSums} from quotes
      where ${sql.ref(column)} is not null ${ofArticles} group by ${sql.ref(column)} having count(*) > 0 order by ${sql.ref(column)}`);
  const statements = [
    byQuoteColumn('speaker', 'speaker_id'),
    byQuoteColumn('country', 'speaker_country'),
    byQuoteColumn('day', 'published_day'),
    upsert(sql`select 'stance', coalesce(speaker_country, ''), target_country, ${stanceSums} from stances
      where target_country is not null ${ofArticles} group by coalesce(speaker_country, ''), target_country having count(*) > 0
      order by coalesce(speaker_country, ''), target_country`),
    upsert(sql`select 'all', '', '', ${quoteSums} from quotes where true ${ofArticles} having count(*) > 0`),
  ];
  for (const statement of statements) await statement.execute(db);
}
