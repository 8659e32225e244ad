/** A word: a run of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * How many words `text` holds, counting no further than `limit`: callers compare the count with a small bound, so
 * there is no need to collect every word of a long sentence.
 *
 * @example
 * wordCount('We will not back down', 3); // 3
 */
export function wordCount(text: string, limit: number): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (count < limit && WORD.exec(text) !== null) count++;
  return count;
}

/**
 * Every word of `text`.
 *
 * @example
 * words('“Not now,” he said.'); // ['Not', 'now', 'he', 'said']
 */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** An ASCII letter, by character code. */
export function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Whether a character code is an ASCII letter or digit (`\w` without "_").
 *
 * @example
 * isAsciiLetterOrDigitCode('7'.charCodeAt(0)); // true
 */
export function isAsciiLetterOrDigitCode(code: number): boolean {
  return isAsciiLetterCode(code) || (code >= 0x30 && code <= 0x39);
}

/**
 * Whether `text` from `from` to `to` holds a letter or digit beyond ASCII, read by character code: most such
 * characters in English copy are curly quotes and dashes (General Punctuation, U+2000–U+206F), which are skipped
 * without a pattern. A text without one reads the same through an ASCII-only pattern.
 *
 * @example
 * holdsNonAsciiLetterOrDigit('“Yes,” he said — twice.'); // false
 * holdsNonAsciiLetterOrDigit('Émile said'); // true
 */
export function holdsNonAsciiLetterOrDigit(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (code < 0x2000 || code > 0x206f) && /^[\p{L}\p{N}]/u.test(text.slice(i, Math.min(i + 2, to)))) return true;
  }
  return false;
}
