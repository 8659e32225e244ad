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
  const matchesAny = anyPatternTest(patterns);
  return paragraphs.filter(({ start, end }) => {
    if (end - start > MAX_BOILERPLATE_LENGTH) return false;
    return matchesAny(text.slice(start, end).trim());
  });
}

const anyPatternTests = new WeakMap<readonly RegExp[], (line: string) => boolean>();
/**
 * `line => patterns.some((pattern) => pattern.test(line))`, as one regex of all the patterns as alternatives when
 * that gives the same answers (one search per paragraph instead of one per pattern): the patterns share their flags,
 * none is global or sticky (their `test` would depend on `lastIndex`) and none refers to a group by number or name.
 * Built once per list of patterns.
 */
function anyPatternTest(patterns: readonly RegExp[]): (line: string) => boolean {
  let test = anyPatternTests.get(patterns);
  if (!test) {
    const flags = patterns[0]?.flags ?? '';
    const combinable = patterns.length > 1 && !/[gy]/.test(flags) && patterns.every((pattern) => pattern.flags === flags && !/\\[1-9]|\\k<|\(\?<(?![=!])/.test(pattern.source));
    const combined = combinable ? new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags) : null;
    test = combined ? (line) => combined.test(line) : (line) => patterns.some((pattern) => pattern.test(line));
    anyPatternTests.set(patterns, test);
  }
  return test;
}
