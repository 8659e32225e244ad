import { describe, expect, it } from 'vitest';
import { charFinder, matchFinder } from './match-finder.js';

describe.each([
  ['matchFinder', (text: string) => matchFinder(text, /[.!?]/g)],
  ['charFinder', (text: string) => charFinder(text, '.!?')],
])('%s', (_, finder) => {
  it.each([
    ['the first mark at the offset', 'A. B! C?', 0, 1],
    ['a mark right at the offset', 'A. B! C?', 4, 4],
    ['the next of another kind', 'A. B! C?', 5, 7],
    ['the text length when no mark follows', 'A. B', 2, 4],
  ])('finds %s', (__, text, from, expected) => {
    expect(finder(text)(from)).toBe(expected);
  });

  it('answers the same whatever the order of the questions', () => {
    const text = 'One. Two! Three? Four';
    const find = finder(text);
    const offsets = [0, 5, 3, 9, 16, 2, 20, 0, 10];
    expect(offsets.map((from) => find(from))).toEqual([3, 8, 3, 15, 21, 3, 21, 3, 15]);
  });
});
