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

/**
 * The spans sorted by start and joined where they overlap or touch: the disjoint list the searches above need.
 *
 * @example
 * mergeSpans([{ start: 7, end: 9 }, { start: 0, end: 5 }, { start: 4, end: 6 }]); // [{ start: 0, end: 6 }, { start: 7, end: 9 }]
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
