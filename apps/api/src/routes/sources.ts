import { createRoute } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps.js';
import { createRouter } from '../problem.js';
import { PageQuerySchema, ProblemSchema, SourceSummarySchema, listOf } from '../schemas.js';

const listSources = createRoute({
  method: 'get',
  path: '/sources',
  tags: ['articles'],
  summary: 'The sources of stored articles, by name, with their article and quote counts (the values of the `source` filter)',
  request: { query: PageQuerySchema },
  responses: {
    200: { description: 'A page of sources', content: { 'application/json': { schema: listOf(SourceSummarySchema, 'SourceList') } } },
    400: { description: 'Invalid cursor or limit', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

/** The sources articles came from: what the `source` filter of quotes and aggregates accepts. */
export function createSourceRoutes({ store }: RouteDeps) {
  return createRouter().openapi(listSources, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await store.listSources({ limit, cursor }), 200);
  });
}
