/**
 * The filters every view shares (date range, source, speaker country, target). They live in the URL's search
 * params so a view can be shared; this module is the one place that reads and writes them.
 */

export interface Filters {
  /** ISO day, inclusive. */
  readonly from?: string | undefined;
  /** ISO day, inclusive. */
  readonly to?: string | undefined;
  /** The article's source, exactly as stored (`Reuters`). */
  readonly source?: string | undefined;
  /** Speaker country code (`US`, `RU`, `NATO`). */
  readonly country?: string | undefined;
  /** Target country or organisation code. */
  readonly target?: string | undefined;
}

/** The filters' URL parameter names, in the order they are written. */
export const filterKeys = ['from', 'to', 'source', 'country', 'target'] as const satisfies readonly (keyof Filters)[];

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const code = /^[A-Z]{2,6}$/;
/** The API's limit on a source name. */
const maxSourceLength = 1000;

/** Search params as the router hands them: a value, several values, or nothing. */
export type RawParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One trimmed, non-empty value of a search param (the first when repeated), or undefined. */
export function firstParam(value: string | readonly string[] | undefined): string | undefined {
  const one = typeof value === 'string' ? value : value?.[0];
  const trimmed = one?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Reads the filters from URL search params, dropping values that cannot be valid (a malformed date, a code
 * with lower-case letters) so a hand-edited URL never reaches the API as a bad request.
 *
 * @example readFilters({ from: '2025-02-01', country: 'ru' }) // { from: '2025-02-01', country: 'RU' }
 */
export function readFilters(params: RawParams): Filters {
  const from = firstParam(params.from);
  const to = firstParam(params.to);
  const country = firstParam(params.country)?.toUpperCase();
  const target = firstParam(params.target)?.toUpperCase();
  const source = firstParam(params.source);
  return {
    from: from && isoDay.test(from) ? from : undefined,
    to: to && isoDay.test(to) ? to : undefined,
    source: source && source.length <= maxSourceLength ? source : undefined,
    country: country && code.test(country) ? country : undefined,
    target: target && code.test(target) ? target : undefined,
  };
}

/** The filters as API query parameters: only the ones that are set. */
export function toQuery(filters: Filters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filters[key];
    if (value !== undefined) query[key] = value;
  }
  return query;
}

/**
 * A URL search string (`?from=…&country=RU`) for a dashboard link that keeps the filters and adds `extra`.
 *
 * @example searchString({ country: 'RU' }, { speaker: 'sp-1' }) // '?country=RU&speaker=sp-1'
 */
export function searchString(filters: Filters, extra: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams(toQuery(filters));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
