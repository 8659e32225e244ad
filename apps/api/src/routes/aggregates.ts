import { createRoute, z } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps.js';
import { createRouter } from '../problem.js';
import { ProblemSchema, QuoteFilterSchema, StanceCellSchema, ToneRowSchema, listOf } from '../schemas.js';

const badFilter = { description: 'Invalid filter', content: { 'application/problem+json': { schema: ProblemSchema } } } as const;

const tone = createRoute({
  method: 'get',
  path: '/tone',
  tags: ['aggregates'],
  summary: 'Mean tone with a 95% confidence interval, grouped by speaker, speaker country, stance target or day',
  request: { query: QuoteFilterSchema.extend({ by: z.enum(['speaker', 'country', 'target', 'day']).openapi({ example: 'country' }) }) },
  responses: { 200: { description: 'One row per group', content: { 'application/json': { schema: listOf(ToneRowSchema, 'ToneList') } } }, 400: badFilter },
});

const stance = createRoute({
  method: 'get',
  path: '/stance',
  tags: ['aggregates'],
  summary: 'The speaker-country × target-country stance matrix',
  request: { query: QuoteFilterSchema.extend({ by: z.literal('country').default('country') }) },
  responses: { 200: { description: 'One cell per country pair', content: { 'application/json': { schema: listOf(StanceCellSchema, 'StanceList') } } }, 400: badFilter },
});

/** Aggregates computed by the store in SQL: tone by group, and the stance matrix. Each is one whole list. */
export function createAggregateRoutes({ store }: RouteDeps) {
  return createRouter()
    .openapi(tone, async (c) => {
      const { by, ...filter } = c.req.valid('query');
      return c.json({ items: await store.tone(by, filter), nextCursor: null }, 200);
    })
    .openapi(stance, async (c) => {
      const { by: _by, ...filter } = c.req.valid('query');
      return c.json({ items: await store.stanceMatrix(filter), nextCursor: null }, 200);
    });
}
