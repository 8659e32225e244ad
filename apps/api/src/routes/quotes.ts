import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { quoteSorts } from '@newstone/store';
import type { RouteDeps } from '../deps.js';
import { allQuotes, csvColumns, csvLine } from '../internal/quote-export.js';
import { createRouter } from '../problem.js';
import { PageQuerySchema, ProblemSchema, QuoteFilterSchema, StoredQuoteSchema, listOf } from '../schemas.js';

/** Most quotes one CSV/NDJSON export holds when no `limit` is given. */
const exportMax = 1_000_000;

const QuotesQuerySchema = QuoteFilterSchema.extend({
  q: z.string().min(1).max(200).optional().openapi({ description: 'Text the quote contains anywhere, inside words too, in any case (SQLite folds A–Z only, PostgreSQL every letter); % _ and \\ are plain characters' }),
  sort: z
    .enum(quoteSorts)
    .default('newest')
    .openapi({ description: "newest or oldest article day first; score from most negative, -score from most positive (the exact reverse of score, ties too). A cursor belongs to its sort" }),
  format: z.enum(['json', 'csv', 'ndjson']).default('json').openapi({ description: 'json pages; csv and ndjson export every match (or `limit`)' }),
}).extend(PageQuerySchema.shape);

const listQuotes = createRoute({
  method: 'get',
  path: '/quotes',
  tags: ['quotes'],
  summary: 'Quotes, filtered; as JSON pages or a CSV / NDJSON export',
  request: { query: QuotesQuerySchema },
  responses: {
    200: {
      description: 'Quotes',
      content: {
        'application/json': { schema: listOf(StoredQuoteSchema, 'QuoteList') },
        'text/csv': { schema: z.string() },
        'application/x-ndjson': { schema: z.string() },
      },
    },
    400: { description: 'Invalid filter', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

/** Quotes with every filter, paged as JSON or streamed as CSV / NDJSON. */
export function createQuoteRoutes({ store }: RouteDeps) {
  return createRouter().openapi(listQuotes, async (c) => {
    const { format, limit, cursor, sort, ...filter } = c.req.valid('query');
    if (format === 'json') return c.json(await store.listQuotes(filter, { limit, cursor, sort }), 200);
    // Check the filter and cursor before the 200 goes out: errors must still be problem documents.
    await store.listQuotes(filter, { limit: 1, cursor, sort });
    const csv = format === 'csv';
    c.header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    if (csv) c.header('Content-Disposition', 'attachment; filename="newstone-quotes.csv"');
    return stream(c, async (out) => {
      if (csv) await out.write(`${csvColumns.join(',')}\r\n`);
      for await (const quote of allQuotes(store, filter, limit ?? exportMax, cursor, sort)) {
        await out.write(csv ? csvLine(quote) : `${JSON.stringify(quote)}\n`);
      }
    }) as never;
  });
}
