import type { Analysis, CountryAttribution, Quote, SpeakerKind, SpeakerMerge, StanceCell, ToneRow, ToneSummary } from '@newstone/core';

/** What an ingest did: `created` is false when the same content was already stored. */
export interface IngestResult {
  readonly id: string;
  readonly created: boolean;
}

/** An analysis as stored: speaker ids are store-wide (`sp_…`), shared by every article that quotes them. */
export interface StoredArticle extends Analysis {
  readonly id: string;
  readonly ingestedAt: string;
}

/** One line of the article list. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly pipelineVersion: string;
  readonly quoteCount: number;
  readonly ingestedAt: string;
}

/** An article whose analysis was made by another pipeline version, with what `reanalyze` needs. */
export interface StaleArticle {
  readonly id: string;
  readonly text: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly pipelineVersion: string;
}

/** A quote with the article it came from. */
export interface StoredQuote extends Quote {
  readonly articleId: string;
  readonly articleTitle: string | null;
  /** `YYYY-MM-DD` of the article, when known. */
  readonly publishedDay: string | null;
}

/** A speaker merged across every stored article. */
export interface StoredSpeaker {
  readonly id: string;
  readonly name: string;
  readonly kind: SpeakerKind;
  readonly role: string | null;
  readonly organization: string | null;
  readonly country: string | null;
  readonly countryEvidence: CountryAttribution | null;
  readonly aliases: readonly string[];
  readonly quoteCount: number;
}

/** A speaker with their overall tone. */
export interface SpeakerDetail extends StoredSpeaker {
  /** Each alias merged into this speaker (within an article or across articles), with core's reason. */
  readonly merges: readonly SpeakerMerge[];
  readonly tone: ToneSummary;
  readonly articleCount: number;
}

/** Filters shared by quotes and aggregates. Every field is optional; all given ones must hold. */
export interface QuoteFilter {
  /** Store-wide speaker id. */
  readonly speaker?: string | undefined;
  /** The speaker's country or organisation code. */
  readonly country?: string | undefined;
  /** A stance target's country or organisation code. */
  readonly target?: string | undefined;
  readonly article?: string | undefined;
  /** The article's source, exactly as stored (`"Reuters"`). */
  readonly source?: string | undefined;
  /** First day included, `YYYY-MM-DD`. */
  readonly from?: string | undefined;
  /** Last day included, `YYYY-MM-DD`. */
  readonly to?: string | undefined;
  /**
   * Text the quote contains anywhere, inside words too, in any case (SQLite folds A–Z only, PostgreSQL every letter);
   * `%`, `_` and `\` are plain characters.
   */
  readonly q?: string | undefined;
}

/**
 * The order of a quote list: `newest` (default) and `oldest` by the article's day (articles without a date last),
 * `score` from most negative to most positive, ties in article and quote order; `-score` the exact reverse of
 * `score` (ties too, so one index serves both).
 */
export type QuoteSort = (typeof quoteSorts)[number];

/** The quote sorts, in the order a picker offers them. */
export const quoteSorts = ['newest', 'oldest', 'score', '-score'] as const;

/** One source of stored articles, with how many articles and quotes it gave. */
export interface SourceSummary {
  readonly source: string;
  readonly articleCount: number;
  readonly quoteCount: number;
}

export interface SpeakerFilter {
  readonly country?: string | undefined;
  /** Part of the name (case-insensitive). */
  readonly q?: string | undefined;
}

/** Keyset pagination: pass the previous page's `nextCursor`. */
export interface PageRequest {
  /** 1…1000, default 50. */
  readonly limit?: number | undefined;
  readonly cursor?: string | null | undefined;
}

/** A page of quotes in an order; the cursor belongs to that order. */
export interface QuotePageRequest extends PageRequest {
  readonly sort?: QuoteSort | undefined;
}

export interface Page<T> {
  readonly items: T[];
  /** Null on the last page. */
  readonly nextCursor: string | null;
}

export type ToneGrouping = 'speaker' | 'country' | 'target' | 'day';

export interface StoreStats {
  readonly articles: number;
  readonly quotes: number;
  readonly speakers: number;
}

/** The result of `verifyIntegrity`: empty `problems` means every article is whole. */
export interface IntegrityReport {
  readonly ok: boolean;
  readonly problems: string[];
}

/**
 * Newstone's storage: every method is one transaction or one read; all of them work the same on SQLite and
 * PostgreSQL.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Stores one analysis; the same content twice is one article. */
  ingest(analysis: Analysis): Promise<IngestResult>;
  /** Stores many analyses in one transaction (results in input order). */
  ingestMany(analyses: readonly Analysis[]): Promise<IngestResult[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  listArticles(page?: PageRequest): Promise<Page<ArticleSummary>>;
  /** True when an article was deleted. */
  deleteArticle(id: string): Promise<boolean>;
  /** Quotes newest first unless `page.sort` says otherwise. */
  listQuotes(filter?: QuoteFilter, page?: QuotePageRequest): Promise<Page<StoredQuote>>;
  /** The sources of stored articles, by name. */
  listSources(page?: PageRequest): Promise<Page<SourceSummary>>;
  listSpeakers(filter?: SpeakerFilter, page?: PageRequest): Promise<Page<StoredSpeaker>>;
  getSpeaker(id: string): Promise<SpeakerDetail | null>;
  /**
   * Tone grouped by speaker, speaker country, stance target or day: unfiltered, from the per-group sums every write
   * keeps up to date; filtered, computed in SQL. Cached until the next write: the (frozen) list is shared by every
   * caller that asks the same.
   */
  tone(by: ToneGrouping, filter?: QuoteFilter): Promise<readonly ToneRow[]>;
  /** The speaker-country × target-country stance matrix (cached and frozen like `tone`). */
  stanceMatrix(filter?: QuoteFilter): Promise<readonly StanceCell[]>;
  /** Articles analysed by a pipeline version other than `currentVersion`, oldest id order. */
  listStale(currentVersion: string, options?: { readonly limit?: number; readonly afterId?: string }): Promise<StaleArticle[]>;
  /** Replaces an article's analysis in one transaction; false when the article no longer exists. */
  replaceAnalysis(id: string, analysis: Analysis): Promise<boolean>;
  /** Counts (cached and frozen like `tone`). */
  stats(): Promise<StoreStats>;
  /** Finds partially written articles (there should never be any). */
  verifyIntegrity(): Promise<IntegrityReport>;
  close(): Promise<void>;
}
