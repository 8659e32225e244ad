import { createRoute, z } from '@hono/zod-openapi';
import type { RouteDeps } from '../deps.js';
import { readArticleInput } from '../internal/read-article-input.js';
import { ApiError, createRouter } from '../problem.js';
import { AnalysisSchema, ArticleInputSchema, ArticleSummarySchema, IdParamSchema, PageQuerySchema, ProblemSchema, StoredArticleSchema, listOf } from '../schemas.js';

const problems = {
  400: { description: 'Malformed request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  413: { description: 'Body over 10 MB', content: { 'application/problem+json': { schema: ProblemSchema } } },
  415: { description: 'Unsupported content type', content: { 'application/problem+json': { schema: ProblemSchema } } },
  422: { description: 'Body of the wrong shape', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;
const notFound = { description: 'No article has this id', content: { 'application/problem+json': { schema: ProblemSchema } } } as const;

// Not `required: true`: that makes the JSON validator run on text/plain and text/html bodies too.
// readArticleInput enforces a body of one of the three types.
const articleBody = {
  content: {
    'application/json': { schema: ArticleInputSchema },
    'text/plain': { schema: z.string().openapi({ description: 'The article as plain text' }) },
    'text/html': { schema: z.string().openapi({ description: 'The article page as HTML' }) },
  },
} as const;

const postArticle = createRoute({
  method: 'post',
  path: '/articles',
  tags: ['articles'],
  summary: 'Analyse and store an article (idempotent: the same text twice is one article)',
  request: { body: articleBody },
  responses: {
    201: { description: 'Stored now', content: { 'application/json': { schema: StoredArticleSchema } } },
    200: { description: 'Already stored: the same id', content: { 'application/json': { schema: StoredArticleSchema } } },
    ...problems,
  },
});

const listArticles = createRoute({
  method: 'get',
  path: '/articles',
  tags: ['articles'],
  summary: 'Stored articles, newest first',
  request: { query: PageQuerySchema },
  responses: { 200: { description: 'A page of articles', content: { 'application/json': { schema: listOf(ArticleSummarySchema, 'ArticleList') } } }, 400: problems[400] },
});

const getArticle = createRoute({
  method: 'get',
  path: '/articles/{id}',
  tags: ['articles'],
  summary: 'One stored article with its analysis',
  request: { params: IdParamSchema },
  responses: { 200: { description: 'The article', content: { 'application/json': { schema: StoredArticleSchema } } }, 404: notFound },
});

const deleteArticle = createRoute({
  method: 'delete',
  path: '/articles/{id}',
  tags: ['articles'],
  summary: 'Delete an article with its quotes',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted' }, 404: notFound },
});

const analyze = createRoute({
  method: 'post',
  path: '/analyze',
  tags: ['articles'],
  summary: 'Analyse an article without storing it',
  request: { body: articleBody },
  responses: { 200: { description: 'The analysis', content: { 'application/json': { schema: AnalysisSchema } } }, ...problems },
});

/** Articles: ingest (idempotent), list, read, delete; and analysis without storing. */
export function createArticleRoutes({ store, analyze: analyzeArticle }: RouteDeps) {
  return createRouter()
    .openapi(postArticle, async (c) => {
      const analysis = analyzeArticle(await readArticleInput(c));
      const { id, created } = await store.ingest(analysis);
      const article = await store.getArticle(id);
      // Deleted between the two calls by another client: report it rather than answer with nothing.
      if (!article) throw new ApiError(409, 'conflict', 'Conflict', 'the article was deleted while it was being stored');
      return c.json(article, created ? 201 : 200);
    })
    .openapi(listArticles, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await store.listArticles({ limit, cursor }), 200);
    })
    .openapi(getArticle, async (c) => {
      const article = await store.getArticle(c.req.valid('param').id);
      if (!article) throw new ApiError(404, 'not-found', 'Not Found', 'no article has this id');
      return c.json(article, 200);
    })
    .openapi(deleteArticle, async (c) => {
      if (!(await store.deleteArticle(c.req.valid('param').id))) throw new ApiError(404, 'not-found', 'Not Found', 'no article has this id');
      return c.body(null, 204);
    })
    .openapi(analyze, async (c) => c.json(analyzeArticle(await readArticleInput(c)), 200));
}
