/** What went wrong, in words a caller can act on. */
export type StoreErrorCode = 'invalid-config' | 'not-found' | 'conflict' | 'invalid-input' | 'unavailable';

/**
 * The one error class of `@newstone/store`. Messages say what was expected and what was found, never echo
 * article text; the driver's error, when there is one, is kept as `cause`.
 *
 * @example
 * try { await createStore({ engine: 'postgres' }); } catch (error) { if (isStoreError(error)) console.error(error.code); }
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * True when `error` is a {@link StoreError} (also across package copies, by name).
 *
 * @example
 * if (isStoreError(error) && error.code === 'not-found') return 404;
 */
export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError || (error instanceof Error && error.name === 'StoreError' && 'code' in error);
}
