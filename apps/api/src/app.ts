import { OpenAPIHono } from '@hono/zod-openapi';
import { PIPELINE_VERSION, analyzeArticle } from '@newstone/core';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { AppDeps, RouteDeps } from './deps.js';
import { requireApiKey } from './internal/require-api-key.js';
import { ApiError, onError, problem } from './problem.js';
import { createAggregateRoutes } from './routes/aggregates.js';
import { createArticleRoutes } from './routes/articles.js';
import { createDocsRoutes } from './routes/docs.js';
import { createHealthRoutes } from './routes/health.js';
import { createQuoteRoutes } from './routes/quotes.js';
import { createSourceRoutes } from './routes/sources.js';
import { createSpeakerRoutes } from './routes/speakers.js';

const tenMegabytes = 10 * 1024 * 1024;

/**
 * Builds the Newstone HTTP API from its dependencies: routes under `/api`, the OpenAPI 3.1 document at
 * `/openapi.json`, the reference at `/docs`. No server: test it with `app.request()`, serve it with `startServer`.
 *
 * @example
 * const app = createApp({ store: await createStore({ engine: 'sqlite', filename: ':memory:' }) });
 * const response = await app.request('/api/tone?by=country');
 */
export function createApp(deps: AppDeps) {
  const routeDeps: RouteDeps = { store: deps.store, analyze: deps.analyze ?? analyzeArticle };
  const maxBodyBytes = deps.maxBodyBytes ?? tenMegabytes;
  const app = new OpenAPIHono();
  app.onError(onError);
  app.notFound((c) => problem(c, new ApiError(404, 'not-found', 'Not Found', 'no such route')));
  if (deps.corsOrigin) {
    const origins = deps.corsOrigin.split(',').map((origin) => origin.trim()).filter(Boolean);
    app.use('/api/*', cors({ origin: origins.includes('*') ? '*' : origins, allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'too-large', 'Content Too Large', `the request body is larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB`);
      },
    }),
  );
  if (deps.apiKey) app.use('/api/*', requireApiKey(deps.apiKey));

  const routes = app
    .route('/api', createHealthRoutes(routeDeps))
    .route('/api', createArticleRoutes(routeDeps))
    .route('/api', createSourceRoutes(routeDeps))
    .route('/api', createQuoteRoutes(routeDeps))
    .route('/api', createSpeakerRoutes(routeDeps))
    .route('/api', createAggregateRoutes(routeDeps))
    .route('/', createDocsRoutes());

  const documentConfig: Parameters<typeof routes.getOpenAPI31Document>[0] = {
    openapi: '3.1.0',
    info: {
      title: 'Newstone API',
      version: PIPELINE_VERSION,
      description:
        'Quotations in news: who said what, in what tone, about whom. Lists answer `{ items, nextCursor }`; errors are RFC 9457 problem documents.',
    },
    tags: [{ name: 'articles' }, { name: 'quotes' }, { name: 'speakers' }, { name: 'aggregates' }, { name: 'service' }],
  };
  let document: ReturnType<typeof routes.getOpenAPI31Document> | undefined;
  routes.get('/openapi.json', (c) => {
    if (!document) {
      document = routes.getOpenAPI31Document(documentConfig);
      // The article bodies are required, but declaring it on the route would run the JSON validator on
      // text/plain and text/html bodies too; say it in the document instead.
      for (const path of ['/api/articles', '/api/analyze']) {
        const body = document.paths?.[path]?.post?.requestBody;
        if (body && !('$ref' in body)) body.required = true;
      }
    }
    return c.json(document);
  });
  if (deps.apiKey) {
    routes.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'NEWSTONE_API_KEY; needed for writes' });
  }
  return routes;
}

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = ReturnType<typeof createApp>;
