import { createRoute, z } from '@hono/zod-openapi';
import { PIPELINE_VERSION } from '@newstone/core';
import type { RouteDeps } from '../deps.js';
import { createRouter } from '../problem.js';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['service'],
  summary: 'Liveness, storage engine and what is stored',
  responses: {
    200: {
      description: 'The service and its store answer',
      content: {
        'application/json': {
          schema: z
            .object({
              status: z.literal('ok'),
              engine: z.enum(['sqlite', 'postgres']),
              pipelineVersion: z.string(),
              articles: z.number().int(),
              quotes: z.number().int(),
              speakers: z.number().int(),
            })
            .openapi('Health'),
        },
      },
    },
  },
});

/** `GET /health`: answers only when the store answers. */
export function createHealthRoutes({ store }: RouteDeps) {
  return createRouter().openapi(health, async (c) =>
    c.json({ status: 'ok' as const, engine: store.engine, pipelineVersion: PIPELINE_VERSION, ...(await store.stats()) }, 200),
  );
}
