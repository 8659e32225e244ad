/**
 * What the dashboard reads from the API, in terms of the core model (the contract between packages).
 * Only types: nothing from @newstone/core ships in the bundle.
 */
import type { Analysis, Quote, Speaker, Stance, StanceCell, ToneRow } from '@newstone/core';

export type { Analysis, Quote, Speaker, Stance, StanceCell, ToneRow };

export type ToneDimension = 'speaker' | 'country' | 'target' | 'day';

/** A list page: `{ items, nextCursor }`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** A stored quote: the quote with the article it came from. */
export interface StoredQuote extends Quote {
  readonly articleId: string;
  readonly articleTitle?: string | null;
  readonly source?: string | null;
  readonly publishedAt?: string | null;
}

/** A stored article: its id and its analysis. */
export interface StoredArticle extends Analysis {
  readonly id: string;
}

/** A speaker merged across articles, with how many quotes are theirs. */
export interface StoredSpeaker extends Speaker {
  readonly quoteCount?: number;
}
