import { describe, expect, it } from 'vitest';
import { readFilters, searchString, toQuery } from './filters.js';

describe('readFilters', () => {
  it.each([
    ['keeps a valid date range', { from: '2025-02-01', to: '2025-02-28' }, { from: '2025-02-01', to: '2025-02-28' }],
    ['drops a malformed date', { from: '1 Feb 2025' }, {}],
    ['upper-cases country and target codes', { country: 'ru', target: 'nato' }, { country: 'RU', target: 'NATO' }],
    ['drops a code that is not a code', { country: 'Russia!' }, {}],
    ['takes the first of repeated params', { country: ['RU', 'US'] }, { country: 'RU' }],
    ['treats blank values as unset', { from: '  ', country: '' }, {}],
    ['keeps a source as written, trimmed', { source: '  The White House ' }, { source: 'The White House' }],
    ['drops a source longer than the API accepts', { source: 'x'.repeat(1001) }, {}],
    ['ignores params that are not filters', { speaker: 'sp-1', cursor: 'x' }, {}],
  ])('%s', (_name, params, expected) => {
    expect(toQuery(readFilters(params))).toEqual(expected);
  });
});

describe('searchString', () => {
  it.each([
    ['is empty with nothing set', {}, {}, ''],
    ['keeps filters and adds extras', { country: 'RU' }, { speaker: 'sp-1' }, '?country=RU&speaker=sp-1'],
    ['skips empty extras', { from: '2025-01-01' }, { speaker: '' }, '?from=2025-01-01'],
    ['encodes values', { country: 'RU' }, { q: 'a&b' }, '?country=RU&q=a%26b'],
    ['writes the source among the filters', { source: 'AP News', country: 'RU' }, {}, '?source=AP+News&country=RU'],
  ])('%s', (_name, filters, extra, expected) => {
    expect(searchString(filters, extra)).toBe(expected);
  });
});
