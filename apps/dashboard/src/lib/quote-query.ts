import type { QuoteSort } from '@newstone/store';
import { firstParam, readFilters, type Filters, type RawParams } from './filters.js';

export type { QuoteSort };

/** Narrowing of the quote list beyond the shared filters. */
export interface QuoteQuery extends Filters {
  readonly speaker?: string | undefined;
  readonly article?: string | undefined;
  readonly q?: string | undefined;
  readonly limit?: number | undefined;
  /** The API's order; unset means its default, newest first. */
  readonly sort?: QuoteSort | undefined;
  readonly cursor?: string | undefined;
}

/** The page sizes the quote explorer offers; the first is the default. */
export const pageSizes = [25, 50, 100] as const;

/** The orders the explorer offers, done by the API over every matching quote; the first is the API's default. */
export const quoteSortChoices = [
  { sort: 'newest', label: 'newest first' },
  { sort: 'oldest', label: 'oldest first' },
  { sort: 'score', label: 'most negative first' },
  { sort: '-score', label: 'most positive first' },
] as const satisfies readonly { readonly sort: QuoteSort; readonly label: string }[];

/**
 * The quote list's query from the URL: the shared filters plus speaker, article, search text and paging.
 *
 * @example readQuoteQuery({ speaker: 'sp_1', limit: '50' }) // { speaker: 'sp_1', limit: 50, … }
 */
export function readQuoteQuery(params: RawParams): QuoteQuery {
  const limit = Number(firstParam(params.limit));
  const sort = quoteSortChoices.find((choice) => choice.sort === firstParam(params.sort))?.sort;
  return {
    ...readFilters(params),
    speaker: firstParam(params.speaker),
    article: firstParam(params.article),
    q: firstParam(params.q),
    // The default order is left out of the query, so a URL without `sort` and one with `sort=newest` are one view.
    sort: sort === 'newest' ? undefined : sort,
    cursor: firstParam(params.cursor),
    limit: pageSizes.includes(limit as (typeof pageSizes)[number]) ? limit : 25,
  };
}

