/**
 * One function per API call the dashboard makes. Pages use these, never `fetch`, so the typed client checks
 * every route and parameter against the API's own definition.
 */
import { client, request } from './client.js';
import { takeEarlyResponse } from './early.js';
import type { Page, SourceSummary, SpeakerProfile, StanceCell, StoredArticle, StoredQuote, ToneDimension, ToneRow } from './types.js';
import { toQuery, type Filters } from '../lib/filters.js';
import type { QuoteQuery } from '../lib/quote-query.js';
import type { UploadArticle } from '../lib/uploads.js';

export type { QuoteQuery };

function quoteParams(query: QuoteQuery): Record<string, string> {
  const params = toQuery(query);
  if (query.speaker) params.speaker = query.speaker;
  if (query.article) params.article = query.article;
  if (query.q) params.q = query.q;
  if (query.limit !== undefined) params.limit = String(query.limit);
  if (query.sort) params.sort = query.sort;
  if (query.cursor) params.cursor = query.cursor;
  return params;
}

/** Tone grouped by speaker, country, target or day, under the filters (and optionally one speaker). */
export function fetchTone(by: ToneDimension, filters: Filters, speaker?: string): Promise<Page<ToneRow>> {
  const query = { ...toQuery(filters), by, ...(speaker ? { speaker } : {}) };
  const early = takeEarlyResponse(client.api.tone.$url({ query }).toString());
  return request(() => early ?? client.api.tone.$get({ query }));
}

/** The speaker-country × target-country stance matrix under the filters. */
export function fetchStance(filters: Filters): Promise<Page<StanceCell>> {
  return request(() => client.api.stance.$get({ query: { ...toQuery(filters), by: 'country' } }));
}

/** The sources of stored articles (the choices of the source filter), first page of up to 1000. */
export function fetchSources(): Promise<Page<SourceSummary>> {
  return request(() => client.api.sources.$get({ query: { limit: '1000' } }));
}

/** One page of quotes matching `query` (filters, speaker, article, words, sort, cursor). */
export function fetchQuotes(query: QuoteQuery): Promise<Page<StoredQuote>> {
  return request(() => client.api.quotes.$get({ query: quoteParams(query) }));
}

/** The API URL that downloads the quotes matching `query` as CSV. */
export function quotesCsvUrl(query: QuoteQuery): string {
  const params = quoteParams({ ...query, cursor: undefined, limit: undefined });
  return client.api.quotes.$url({ query: { ...params, format: 'csv' } }).toString();
}

/** A speaker with role, organisation, country evidence, aliases with the reason for each merge, and overall tone; 404 as an ApiError. */
export function fetchSpeaker(id: string): Promise<SpeakerProfile> {
  return request(() => client.api.speakers[':id'].$get({ param: { id } }));
}

/** A stored article with its full analysis (text, quotes, speakers); 404 as an ApiError. */
export function fetchArticle(id: string): Promise<StoredArticle> {
  return request(() => client.api.articles[':id'].$get({ param: { id } }));
}

/** Stores and analyses one article; the same content twice gives the same id. */
export function postArticle(article: UploadArticle): Promise<StoredArticle> {
  return request(() => client.api.articles.$post({ json: article }));
}
