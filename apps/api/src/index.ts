export { createApp } from './app.js';
export { startServer } from './server.js';
export { defaultDataDir } from './internal/locate.js';
export { ApiError, isApiError } from './problem.js';

export type { AppType } from './app.js';
export type { AppDeps } from './deps.js';
export type { RunningServer, ServerOptions } from './server.js';
