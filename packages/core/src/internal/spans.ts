import type { Span } from '../model/analysis.js';

/**
 * Index of the span containing `offset` in a sorted list of disjoint spans, or -1: a binary search.
 *
 * @example
 * indexOfSpan([{ start: 0, end: 5 }, { start: 7, end: 9 }], 8); // 1
 */
export function indexOfSpan(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
