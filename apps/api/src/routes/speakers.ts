import { createRoute, z } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps.js';
import { ApiError, createRouter } from '../problem.js';
import { IdParamSchema, PageQuerySchema, ProblemSchema, SpeakerDetailSchema, StoredSpeakerSchema, listOf } from '../schemas.js';

const listSpeakers = createRoute({
  method: 'get',
  path: '/speakers',
  tags: ['speakers'],
  summary: 'Speakers merged across articles, by name',
  request: {
    query: z
      .object({
        country: z.string().min(1).max(16).optional().openapi({ description: 'Country or organisation code', example: 'RU' }),
        q: z.string().min(1).max(200).optional().openapi({ description: 'Part of the name' }),
      })
      .extend(PageQuerySchema.shape),
  },
  responses: {
    200: { description: 'A page of speakers', content: { 'application/json': { schema: listOf(StoredSpeakerSchema, 'SpeakerList') } } },
    400: { description: 'Invalid filter', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

const getSpeaker = createRoute({
  method: 'get',
  path: '/speakers/{id}',
  tags: ['speakers'],
  summary: 'One speaker with their overall tone, and each alias merged into them with the reason',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The speaker', content: { 'application/json': { schema: SpeakerDetailSchema } } },
    404: { description: 'No speaker has this id', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

/** Speakers: list with filters, and one by id. */
export function createSpeakerRoutes({ store }: RouteDeps) {
  return createRouter()
    .openapi(listSpeakers, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await store.listSpeakers(filter, { limit, cursor }), 200);
    })
    .openapi(getSpeaker, async (c) => {
      const speaker = await store.getSpeaker(c.req.valid('param').id);
      if (!speaker) throw new ApiError(404, 'not-found', 'Not Found', 'no speaker has this id');
      return c.json(speaker, 200);
    });
}
