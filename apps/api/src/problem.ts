import { OpenAPIHono } from '@hono/zod-openapi';
import { isStoreError } from '@newstone/store';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** Base of the `type` URIs of Newstone's problem documents. */
const problemBase = 'https://newstone.dev/problems/';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * The one error class of the API: an HTTP status with an RFC 9457 title and detail. Details say what was
 * expected, never what was sent.
 *
 * @example
 * throw new ApiError(404, 'not-found', 'Not Found', 'no article has this id');
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    options?: { cause?: unknown },
  ) {
    super(detail ?? title, options);
  }
}

/** True for an {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Writes a problem document. */
export function problem(c: Context, error: ApiError): Response {
  const body = {
    type: `${problemBase}${error.type}`,
    title: error.title,
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  return c.body(JSON.stringify(body), error.status, { 'Content-Type': 'application/problem+json' });
}

/** Maps every error to problem+json: the one place errors become HTTP. Unknown errors are logged, never shown. */
export const onError: ErrorHandler = (error, c) => {
  if (isApiError(error)) return problem(c, error);
  if (isStoreError(error)) {
    if (error.code === 'invalid-input') {
      const field = /^(\w+):/.exec(error.message)?.[1];
      return problem(c, new ApiError(400, 'validation', 'Validation failed', error.message, field ? [{ field, message: error.message }] : undefined));
    }
    if (error.code === 'not-found') return problem(c, new ApiError(404, 'not-found', 'Not Found', error.message));
    if (error.code === 'unavailable') {
      console.error(error);
      return problem(c, new ApiError(503, 'unavailable', 'Service Unavailable', 'the database is not reachable'));
    }
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 400) return problem(c, new ApiError(400, 'malformed-request', 'Bad Request', safeMessage(error.message, 'the request body could not be read')));
    if (status === 413) return problem(c, new ApiError(413, 'too-large', 'Content Too Large', 'the request body is larger than 10 MB'));
    return problem(c, new ApiError(status, 'http', error.message || 'Error'));
  }
  console.error(error);
  return problem(c, new ApiError(500, 'internal', 'Internal Server Error', 'the server failed to answer; the error was logged'));
};

/** Hono's own messages ("Malformed JSON in request body") are safe; anything long or odd is replaced. */
function safeMessage(message: string, fallback: string): string {
  return /^[\w\s.,-]{1,80}$/.test(message) ? message : fallback;
}

/** Validation failures of query, path or body, naming each offending field. Bodies are 422, the rest 400. */
export function validationError(error: ZodError, target: string): ApiError {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : target,
    message: issue.message,
  }));
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return target === 'json'
    ? new ApiError(422, 'validation', 'Validation failed', detail, errors)
    : new ApiError(400, 'validation', 'Invalid request parameters', detail, errors);
}

/** A router whose validation failures become problem documents. Every route file starts from one. */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error as ZodError, result.target);
    },
  });
}
