import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapOrdered } from './map-ordered.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('mapOrdered', () => {
  it.each([1, 2, 5, 50])('yields results in input order whatever finishes first (concurrency %i)', async (concurrency) => {
    const delays = [30, 1, 20, 0, 10, 5, 25, 2];
    const results = await collect(mapOrdered(delays, async (delay) => {
      await sleep(delay);
      return delay;
    }, concurrency));
    expect(results).toEqual(delays);
  });

  it.each([1, 3])('never runs more than %i calls at once', async (concurrency) => {
    let running = 0;
    let most = 0;
    await collect(mapOrdered(Array.from({ length: 20 }, (_, index) => index), async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(1);
      running -= 1;
    }, concurrency));
    expect(most).toBe(concurrency);
  });

  it('pulls the source only as fast as results are taken (backpressure)', async () => {
    let pulled = 0;
    async function* source() {
      for (let index = 0; index < 100; index += 1) {
        pulled += 1;
        yield index;
      }
    }
    const results = mapOrdered(source(), async (item) => item, 4);
    await results.next();
    expect(pulled).toBeLessThanOrEqual(5);
    await results.return(undefined);
  });

  it('rethrows a failed call when its turn comes', async () => {
    const results = mapOrdered([1, 2, 3], async (item) => {
      if (item === 2) throw new Error('two failed');
      return item;
    }, 3);
    await expect(collect(results)).rejects.toThrow('two failed');
  });

  it.each([0, -1, 1.5])('refuses a concurrency of %s', async (concurrency) => {
    await expect(collect(mapOrdered([1], (item) => item, concurrency))).rejects.toThrow(/positive integer/);
  });
});
