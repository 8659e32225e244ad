import type { Span } from '../model/analysis.js';

/** Longest paragraph that can be boilerplate: share lines and bylines are short. */
const MAX_BOILERPLATE_LENGTH = 120;

/**
 * The paragraphs that are site furniture ("by time news", "You may also like", "Leave a Comment").
 *
 * @example
 * findBoilerplate('Leave a Comment', [{ start: 0, end: 15 }], [/^leave a comment/i]); // [{ start: 0, end: 15 }]
 */
export function findBoilerplate(text: string, paragraphs: readonly Span[], patterns: readonly RegExp[]): Span[] {
  return paragraphs.filter(({ start, end }) => {
    if (end - start > MAX_BOILERPLATE_LENGTH) return false;
    const line = text.slice(start, end).trim();
    return patterns.some((pattern) => pattern.test(line));
  });
}
