import { firstParam, readFilters, type Filters, type RawParams } from './filters.js';

/** Narrowing of the quote list beyond the shared filters. */
export interface QuoteQuery extends Filters {
  readonly speaker?: string | undefined;
  readonly article?: string | undefined;
  readonly q?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** The page sizes the quote explorer offers; the first is the default. */
export const pageSizes = [25, 50, 100] as const;

/**
 * The quote list's query from the URL: the shared filters plus speaker, article, search text and paging.
 *
 * @example readQuoteQuery({ speaker: 'sp_1', limit: '50' }) // { speaker: 'sp_1', limit: 50, … }
 */
export function readQuoteQuery(params: RawParams): QuoteQuery {
  const limit = Number(firstParam(params.limit));
  return {
    ...readFilters(params),
    speaker: firstParam(params.speaker),
    article: firstParam(params.article),
    q: firstParam(params.q),
    cursor: firstParam(params.cursor),
    limit: pageSizes.includes(limit as (typeof pageSizes)[number]) ? limit : 25,
  };
}

