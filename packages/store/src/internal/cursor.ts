import { StoreError } from '../errors.js';

/** Encodes a keyset position as an opaque URL-safe cursor. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, checking it has the expected shape. */
export function decodeCursor<const T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    position = undefined;
  }
  if (!Array.isArray(position) || position.length !== shape.length || position.some((v, i) => typeof v !== shape[i])) {
    throw new StoreError('invalid-input', 'cursor: expected a cursor returned as `nextCursor` by the previous page');
  }
  return position as { [K in keyof T]: T[K] extends 'string' ? string : number };
}
