import { describe, expect, it } from 'vitest';
import { AggregateCache } from './aggregate-cache.js';

describe('AggregateCache', () => {
  it.each([
    ['the same key and generation', 'k', '1', 1],
    ['a newer generation', 'k', '2', 2],
    ['another key', 'other', '1', 2],
  ])('after one computation, asking with %s computes %i time(s) in all', async (_name, key, generation, expected) => {
    const cache = new AggregateCache();
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get('k', '1', compute);
    await cache.get(key, generation, compute);
    expect(calls).toBe(expected);
  });

  it('shares one computation between concurrent asks', async () => {
    const cache = new AggregateCache();
    let calls = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
    expect(await Promise.all([cache.get('k', '1', compute), cache.get('k', '1', compute)])).toEqual([1, 1]);
  });

  it('forgets a failed computation', async () => {
    const cache = new AggregateCache();
    await expect(cache.get('k', '1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', '1', async () => 'up')).toBe('up');
  });

  it('drops the least recently used entry when full', async () => {
    const cache = new AggregateCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get('a', '1', compute);
    await cache.get('b', '1', compute);
    await cache.get('a', '1', compute);
    await cache.get('c', '1', compute);
    await cache.get('a', '1', compute);
    expect(calls).toBe(3);
    await cache.get('b', '1', compute);
    expect(calls).toBe(4);
  });
});
