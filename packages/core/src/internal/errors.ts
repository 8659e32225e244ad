/**
 * The one error class of @newstone/core: bad input or a malformed data file. Never echoes untrusted input.
 *
 * @example
 * throw new NewstoneError('invalid-input', 'article field "text" must be a string, found a number');
 */
export class NewstoneError extends Error {
  override readonly name = 'NewstoneError';
  readonly code: 'invalid-input' | 'invalid-lexicon';

  constructor(code: NewstoneError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * @example
 * try { parseArticleInput(42); } catch (error) { if (isNewstoneError(error)) console.log(error.code); }
 */
export function isNewstoneError(value: unknown): value is NewstoneError {
  return value instanceof NewstoneError;
}

/** Describes a value's type for an error message without echoing the value itself. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
