import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { StanceCell, ToneRow } from '@newstone/core';
import type { TypedResponse } from 'hono';
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

/**
 * The JSON of a whole-list answer and its ETag, made once per list: the store hands back the same cached array until
 * the next write, so busy dashboards do not serialise the same 400 rows on every request, and a client that sends
 * the ETag back gets 304 Not Modified until the data changes.
 */
const serialized = new WeakMap<readonly object[], { readonly body: string; readonly etag: string }>();

function listResponse<T extends object>(items: readonly T[], ifNoneMatch: string | undefined): TypedResponse<{ items: T[]; nextCursor: null }, 200, 'json'> {
  let entry = serialized.get(items);
  if (entry === undefined) {
    const body = JSON.stringify({ items, nextCursor: null });
    entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    serialized.set(items, entry);
  }
  const notModified = ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag) ?? false;
  const response = notModified
    ? new Response(null, { status: 304, headers: { ETag: entry.etag } })
    : new Response(entry.body, { status: 200, headers: { 'Content-Type': 'application/json', ETag: entry.etag } });
  return response as unknown as TypedResponse<{ items: T[]; nextCursor: null }, 200, 'json'>;
}

/** Aggregates computed by the store in SQL: tone by group, and the stance matrix. Each is one whole list. */
export function createAggregateRoutes({ store }: RouteDeps) {
  return createRouter()
    .openapi(tone, async (c) => {
      const { by, ...filter } = c.req.valid('query');
      return listResponse<ToneRow>(await store.tone(by, filter), c.req.header('if-none-match'));
    })
    .openapi(stance, async (c) => {
      const { by: _by, ...filter } = c.req.valid('query');
      return listResponse<StanceCell>(await store.stanceMatrix(filter), c.req.header('if-none-match'));
    });
}
