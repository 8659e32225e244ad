/**
 * The one way the dashboard talks to the service: the typed Hono client over `AppType`, plus error handling
 * that turns RFC 9457 problem documents into readable messages.
 */
import { hc } from 'hono/client';
import type { AppType } from '@newstone/api';

/** The typed client for the service that served this page. */
export const client = hc<AppType>(typeof location === 'undefined' ? 'http://127.0.0.1:8787' : location.origin);

/** A failed API call: the HTTP status and the problem's title/detail when the API sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for an ApiError (a failed call to the service), e.g. to show its status-specific message. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads a JSON response, or throws an ApiError whose message comes from the problem document. */
export async function readJson<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  let message = `The service answered ${response.status} ${response.statusText}`.trim();
  try {
    const problem = (await response.json()) as { title?: unknown; detail?: unknown };
    const parts = [problem.title, problem.detail].filter((part): part is string => typeof part === 'string' && part !== '');
    if (parts.length > 0) message = parts.join(': ');
  } catch {
    // not a problem document: keep the status line
  }
  throw new ApiError(message, response.status);
}

/** Runs a request, turning a network failure into an ApiError with status 0. */
export async function request<T>(send: () => Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await send();
  } catch (cause) {
    throw new ApiError('The service could not be reached. Is `newstone serve` running?', 0, { cause });
  }
  return readJson<T>(response);
}
