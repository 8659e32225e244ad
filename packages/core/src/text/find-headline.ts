import type { Span } from '../model/analysis.js';

const MAX_HEADLINE_LENGTH = 200;

/**
 * Index of the paragraph that is the headline: the first paragraph when it repeats the given title, or, without a
 * title, when it is short, ends without a full stop and more text follows.
 *
 * @example
 * findHeadline('Talks ended\n\nThey met.', [{ start: 0, end: 11 }, { start: 13, end: 22 }], null); // 0
 */
export function findHeadline(text: string, paragraphs: readonly Span[], title: string | null): number | null {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 2) return null;
  const line = text.slice(first.start, first.end);
  if (title !== null) return line.trim() === title.trim() ? 0 : null;
  return line.length <= MAX_HEADLINE_LENGTH && !/[.:;,]$/.test(line) && !/^\p{Lu}[\p{Lu}\s.]+:/u.test(line) ? 0 : null;
}
