import type { ArticleInput } from '@newstone/core';
import type { Context } from 'hono';
import { ApiError, validationError } from '../problem.js';
import { ArticleInputSchema } from '../schemas.js';

/**
 * Reads an article from a request: JSON `{ text, title?, … }`, or the body itself as `text/plain` or
 * `text/html`. Bad JSON is 400, a JSON body of the wrong shape 422, another content type 415.
 */
export async function readArticleInput(c: Context): Promise<ArticleInput> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'malformed-json', 'Malformed JSON', 'the request body is not valid JSON');
    }
    const parsed = ArticleInputSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, 'json');
    return parsed.data;
  }
  if (type === 'text/plain' || type === 'text/html') {
    const text = await c.req.text();
    if (text.trim() === '') {
      throw new ApiError(422, 'validation', 'Validation failed', 'text: expected a non-empty body', [{ field: 'text', message: 'expected a non-empty body' }]);
    }
    return { text, format: type === 'text/html' ? 'html' : 'text' };
  }
  throw new ApiError(415, 'unsupported-media-type', 'Unsupported Media Type', 'expected application/json, text/plain or text/html');
}
