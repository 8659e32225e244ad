/**
 * The overview's first request, started by a small inline script in index.html while the JavaScript bundle is
 * still loading, so the first chart waits for the slower of the two rather than for both in turn.
 */

declare global {
  interface Window {
    /** Set by index.html: requests already in flight, by path and query. */
    __newstoneEarly?: Record<string, Promise<Response> | undefined>;
  }
}

/**
 * The in-flight response for `url` (path and query, as index.html started it), once; later calls fetch anew.
 *
 * @example takeEarlyResponse('http://127.0.0.1:8787/api/tone?by=speaker') // Promise<Response> | undefined
 */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  if (typeof window === 'undefined' || !window.__newstoneEarly) return undefined;
  const { pathname, search } = new URL(url, window.location.origin);
  const key = pathname + search;
  const early = window.__newstoneEarly[key];
  delete window.__newstoneEarly[key];
  return early;
}
