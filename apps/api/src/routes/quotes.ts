import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { RouteDeps } from '../deps.js';
import { allQuotes, csvColumns, csvLine } from '../internal/quote-export.js';
import { createRouter } from '../problem.js';
import { PageQuerySchema, ProblemSchema, QuoteFilterSchema, StoredQuoteSchema, listOf } from '../schemas.js';

/** Most quotes one CSV/NDJSON export holds when no `limit` is given. */
const exportMax = 1_000_000;

const QuotesQuerySchema = QuoteFilterSchema.extend({
  q: z.string().min(1).max(200).optional().openapi({ description: 'Words the quote contains (case-insensitive)' }),
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
    const { format, limit, cursor, ...filter } = c.req.valid('query');
    if (format === 'json') return c.json(await store.listQuotes(filter, { limit, cursor }), 200);
    // Check the filter and cursor before the 200 goes out: errors must still be problem documents.
    await store.listQuotes(filter, { limit: 1, cursor });
    const csv = format === 'csv';
    c.header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    if (csv) c.header('Content-Disposition', 'attachment; filename="newstone-quotes.csv"');
    return stream(c, async (out) => {
      if (csv) await out.write(`${csvColumns.join(',')}\r\n`);
      for await (const quote of allQuotes(store, filter, limit ?? exportMax, cursor)) {
        await out.write(csv ? csvLine(quote) : `${JSON.stringify(quote)}\n`);
      }
    }) as never;
  });
}
