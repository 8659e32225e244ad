import { describe, expect, it } from 'vitest';
import { readQuoteQuery } from './quote-query.js';

describe('readQuoteQuery', () => {
  it.each([
    ['defaults to the first page of 25', {}, { limit: 25 }],
    ['keeps speaker, article, text and cursor', { speaker: 'sp_1', article: 'a1', q: ' sanctions ', cursor: 'c2' }, { speaker: 'sp_1', article: 'a1', q: 'sanctions', cursor: 'c2', limit: 25 }],
    ['accepts an offered page size', { limit: '100' }, { limit: 100 }],
    ['falls back from a page size it does not offer', { limit: '5000' }, { limit: 25 }],
    ['keeps an order the API offers', { sort: '-score' }, { sort: '-score', limit: 25 }],
    ['leaves the default order unset', { sort: 'newest' }, { limit: 25 }],
    ['drops an order the API does not offer', { sort: 'loudest' }, { limit: 25 }],
    ['keeps the shared filters', { country: 'ru', from: '2025-01-01' }, { country: 'RU', from: '2025-01-01', limit: 25 }],
  ])('%s', (_name, params, expected) => {
    const query = Object.fromEntries(Object.entries(readQuoteQuery(params)).filter(([, value]) => value !== undefined));
    expect(query).toEqual(expected);
  });
});
