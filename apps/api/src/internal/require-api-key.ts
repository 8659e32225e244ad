import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../problem.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Requests that change or compute data (anything but GET, HEAD, OPTIONS) need `Authorization: Bearer <key>`.
 * Compared in constant time, on digests so the key's length does not leak either.
 */
export function requireApiKey(apiKey: string): MiddlewareHandler {
  const expected = digest(apiKey);
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!token || !timingSafeEqual(digest(token), expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="newstone"');
        throw new ApiError(401, 'unauthorized', 'Unauthorized', 'this request needs Authorization: Bearer with the service API key');
      }
    }
    await next();
  };
}
