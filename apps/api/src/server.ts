import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { analyzeArticle } from '@newstone/core';
import { loadSampleCorpus } from '@newstone/sample-corpus';
import { type Store, createStore, storeConfigFromEnv } from '@newstone/store';
import { Hono } from 'hono';
import { createApp } from './app.js';
import { defaultDataDir, findDashboardDist } from './internal/locate.js';
import { ApiError, onError, problem } from './problem.js';

export interface ServerOptions {
  /** Environment to read HOST, PORT, DATABASE_URL, NEWSTONE_DATA_DIR, NEWSTONE_API_KEY, NEWSTONE_CORS_ORIGIN from. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Overrides PORT (0 picks a free port). */
  readonly port?: number;
  /** Overrides HOST. */
  readonly host?: string;
  /** Use this store instead of opening one from the environment (it is not closed by `close`). */
  readonly store?: Store;
  /** Folder of the built dashboard; default: found next to the API (see README), or none. */
  readonly dashboardDir?: string | null;
  /** Load the sample corpus when the store is empty. Default true. */
  readonly loadSampleWhenEmpty?: boolean;
  /** Close cleanly on SIGINT/SIGTERM. Default true. */
  readonly handleSignals?: boolean;
  /** Where progress lines go. Default `console.log`. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

const defaultPort = 8787;
const defaultHost = '127.0.0.1';

/**
 * Starts Newstone: the API under `/api`, the dashboard at `/`, the reference at `/docs`. Opens the store from
 * `DATABASE_URL` or `NEWSTONE_DATA_DIR` (default: `.newstone/` in the repository when run from it, else the
 * user's data folder) and loads the sample corpus into an empty store.
 *
 * @example
 * const server = await startServer({ port: 0 });
 * console.log(server.url); // http://127.0.0.1:54321
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? parsePort(env.PORT);
  const host = options.host ?? (env.HOST || defaultHost);

  const store = options.store ?? (await createStore(storeConfigFromEnv(env, { defaultDataDir: defaultDataDir(env) })));
  if (options.loadSampleWhenEmpty ?? true) await loadSampleIfEmpty(store, log);

  const api = createApp({ store, apiKey: env.NEWSTONE_API_KEY || undefined, corsOrigin: env.NEWSTONE_CORS_ORIGIN || undefined });
  const app = new Hono();
  app.onError(onError);
  app.route('/', api);
  app.all('/api/*', (c) => problem(c, new ApiError(404, 'not-found', 'Not Found', 'no such route')));
  const dashboard = options.dashboardDir === undefined ? findDashboardDist() : { dir: options.dashboardDir, looked: [] };
  if (dashboard.dir) {
    app.use('/*', serveStatic({ root: dashboard.dir }));
    // Client-side routes (/speakers/…) get the app shell; /api, /docs and files that exist were answered above.
    app.get('*', serveStatic({ root: dashboard.dir, path: 'index.html' }));
  } else {
    log(`The dashboard is not built (looked in ${dashboard.looked.join(', ') || 'no folder'}); run \`pnpm --filter @newstone/dashboard build\`. Serving the API only.`);
    app.get('/', (c) => c.text('Newstone API is running; the dashboard is not built (pnpm --filter @newstone/dashboard build). API reference: /docs', 503));
  }

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use: set PORT to another port` : `could not listen on ${host}:${port}: ${error.message}`)),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  log(`Newstone is running at ${url}  (API ${url}/api, reference ${url}/docs, ${store.engine} store)`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting, let requests in flight finish (up to 5 s), then close the store they use.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 5_000);
        force.unref();
      });
      if (!options.store) await store.close();
    })());

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      log(`${signal}: shutting down`);
      const timer = setTimeout(() => process.exit(1), 10_000);
      timer.unref();
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, store, close };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return defaultPort;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: expected an integer from 0 to 65535, found "${value.slice(0, 10)}"`);
  return port;
}

/** Fills an empty store with the demo corpus, so the first start shows real data. */
async function loadSampleIfEmpty(store: Store, log: (line: string) => void): Promise<void> {
  if ((await store.stats()).articles > 0) return;
  const corpus = loadSampleCorpus();
  const analyses = corpus.map((entry) =>
    analyzeArticle({ text: entry.text, title: entry.title, source: entry.source, url: entry.url ?? undefined, publishedAt: entry.publishedAt }),
  );
  await store.ingestMany(analyses);
  const { quotes, speakers } = await store.stats();
  log(`Loaded the sample corpus: ${corpus.length} articles, ${quotes} quotes, ${speakers} speakers.`);
}
