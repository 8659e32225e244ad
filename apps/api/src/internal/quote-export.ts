import type { QuoteFilter, QuoteSort, Store, StoredQuote } from '@newstone/store';

/** Columns of the CSV export, in order. */
export const csvColumns = [
  'article_id',
  'article_title',
  'published_day',
  'quote_id',
  'start',
  'end',
  'kind',
  'text',
  'speaker_id',
  'speaker_name',
  'speaker_role',
  'speaker_organization',
  'speaker_country',
  'sentiment_score',
  'sentiment_label',
  'stance_targets',
] as const;

/** One quote as CSV cells. */
function csvCells(quote: StoredQuote): (string | number | null)[] {
  return [
    quote.articleId,
    quote.articleTitle,
    quote.publishedDay,
    quote.id,
    quote.start,
    quote.end,
    quote.kind,
    quote.text,
    quote.speaker?.id ?? null,
    quote.speaker?.name ?? null,
    quote.speaker?.role ?? null,
    quote.speaker?.organization ?? null,
    quote.speaker?.country ?? null,
    quote.sentiment.score,
    quote.sentiment.label,
    quote.stance.map((s) => `${s.targetCountry ?? s.target}:${s.polarity}`).join(' '),
  ];
}

/**
 * RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) get a leading `'`
 * (OWASP CSV injection advice); numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line for a quote, with CRLF as RFC 4180 asks. */
export function csvLine(quote: StoredQuote): string {
  return `${csvCells(quote).map(csvCell).join(',')}\r\n`;
}

/**
 * Every quote matching the filter, page by page (so memory stays flat on large exports), up to `max`.
 */
export async function* allQuotes(store: Store, filter: QuoteFilter, max: number, cursor?: string, sort?: QuoteSort): AsyncGenerator<StoredQuote> {
  let next: string | null | undefined = cursor;
  let sent = 0;
  do {
    const page = await store.listQuotes(filter, { limit: Math.min(1000, max - sent), cursor: next, sort });
    for (const quote of page.items) yield quote;
    sent += page.items.length;
    next = page.nextCursor;
  } while (next && sent < max);
}
