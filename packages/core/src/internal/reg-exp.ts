/**
 * `text` as a literal inside a regular expression: every character with a meaning there escaped.
 *
 * @example
 * new RegExp(escapeRegExp('U.S. (Reuters)')).test('U.S. (Reuters)'); // true
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
