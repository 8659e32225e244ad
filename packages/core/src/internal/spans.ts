import type { Span } from '../model/analysis.js';

/**
 * Index of the first span that ends after `offset` in a sorted list of disjoint spans (their length when none does):
 * a binary search. That span holds `offset` when it starts at or before it.
 *
 * @example
 * firstSpanEndingAfter([{ start: 0, end: 5 }, { start: 7, end: 9 }], 6); // 1
 */
export function firstSpanEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Index of the span containing `offset` in a sorted list of disjoint spans, or -1.
 *
 * @example
 * indexOfSpan([{ start: 0, end: 5 }, { start: 7, end: 9 }], 8); // 1
 */
export function indexOfSpan(spans: readonly Span[], offset: number): number {
  const index = firstSpanEndingAfter(spans, offset);
  return index < spans.length && spans[index]!.start <= offset ? index : -1;
}
