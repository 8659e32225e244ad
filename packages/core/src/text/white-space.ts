/**
 * `/\s/` on one character code, without building a one-letter string and running a regex for the ASCII characters
 * that make up nearly all text.
 *
 * @example
 * isWhiteSpace(' '.charCodeAt(0)); // true
 * isWhiteSpace('\u00a0'.charCodeAt(0)); // true (no-break space)
 */
export function isWhiteSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code >= 0x80 && /\s/.test(String.fromCharCode(code));
}
