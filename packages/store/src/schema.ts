/** Row types of the tables, as Kysely sees them. Column names are snake_case in SQL. */

export interface ArticlesTable {
  /** Content hash of the text (see `articleId`). */
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published_at: string | null;
  /** `YYYY-MM-DD` of `published_at`, for day grouping and date filters. */
  published_day: string | null;
  text: string;
  pipeline_version: string;
  /** Number of quote rows written with this article: lets an integrity check find partial ingests. */
  quote_count: number;
  /** JSON: paragraphs, boilerplate and the article's speakers (with store-wide ids). */
  analysis_json: string;
  ingested_at: string;
}

export interface SpeakersTable {
  id: string;
  /** The identity key speakers are merged on. */
  identity: string;
  name: string;
  kind: string;
  role: string | null;
  organization: string | null;
  country: string | null;
  /** JSON `CountryAttribution` or null. */
  country_json: string | null;
  /** JSON string[] */
  aliases_json: string;
  /** JSON `SpeakerMerge[]`: each alias merged into this speaker, with the reason. */
  merges_json: string;
  /** People only: the last word of the normalised name, for cross-article merging. */
  surname?: string | null;
}

export interface QuotesTable {
  article_id: string;
  /** 1-based position in the article. */
  ordinal: number;
  /** The analysis' own id (`q1`). */
  quote_id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  kind: string;
  speaker_id: string | null;
  /** The speaker's country as this article attributed it. */
  speaker_country: string | null;
  cue_json: string | null;
  evidence_json: string;
  sentiment_score: number;
  sentiment_label: string;
  /** JSON `Sentiment` */
  sentiment_json: string;
  published_day: string | null;
  /** The article's source (copied, so the source filter reads one index in page order). */
  source: string | null;
}

export interface StancesTable {
  article_id: string;
  quote_ordinal: number;
  ordinal: number;
  target: string;
  target_country: string | null;
  polarity: string;
  score: number;
  evidence_json: string;
  rule: string;
  inferred: number;
  speaker_id: string | null;
  speaker_country: string | null;
  sentiment_score: number;
  sentiment_label: string;
  published_day: string | null;
}

export interface StoreMetaTable {
  id: number;
  /** Bumped by every write transaction; keys the aggregate cache. */
  generation: number | string;
}

/**
 * Tone sums per group, kept up to date by every write in its own transaction, so unfiltered aggregates read a few
 * hundred rows instead of every quote. `grouping` is `speaker`, `country` or `day` (quote sentiment, keyed by
 * speaker id, speaker country or day), `all` (every quote, key ''), or `stance` (stance scores, keyed by the
 * speaker's country, '' when unknown, and `target`, the target country). Groups whose count falls to 0 are deleted.
 */
export interface ToneTotalsTable {
  grouping: string;
  key: string;
  /** The stance target for `stance` rows, '' for the others. */
  target: string;
  count: number | string;
  sum: number;
  sum_of_squares: number;
  positive: number | string;
  neutral: number | string;
  negative: number | string;
}

export interface Database {
  store_meta: StoreMetaTable;
  articles: ArticlesTable;
  speakers: SpeakersTable;
  quotes: QuotesTable;
  stances: StancesTable;
  tone_totals: ToneTotalsTable;
}
