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
