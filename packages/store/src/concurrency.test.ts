import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { articleId } from './internal/article-id.js';
import { makeAnalysis } from './test-support/analyses.js';
import { type TestLocation, createTestLocation, testEngines } from './test-support/engines.js';
import { spawnWorker } from './test-support/spawn-worker.js';
import type { IngestResult } from './types.js';

const shared = Array.from({ length: 12 }, (_, index) =>
  makeAnalysis({
    salt: `shared ${index}`,
    quotes: [
      { text: `Shared quote ${index}`, speaker: { name: 'Sergei Lavrov', country: 'RU' }, score: 1, stance: [{ targetCountry: 'US' }] },
      { text: `Second shared quote ${index}`, speaker: { name: 'Marco Rubio', country: 'US' }, score: -1 },
    ],
  }),
);
const own = (worker: number) =>
  Array.from({ length: 6 }, (_, index) =>
    makeAnalysis({ salt: `worker ${worker} article ${index}`, quotes: [{ text: `Own quote ${worker}.${index}`, speaker: { name: 'Sergei Lavrov', country: 'RU' } }] }),
  );
const shuffled = <T>(items: readonly T[], seed: number): T[] =>
  items.map((item, index) => ({ item, key: (index * 7919 + seed * 104729) % 1009 })).sort((a, b) => a.key - b.key).map(({ item }) => item);

describe.each(testEngines)('concurrent ingest on %s', (engine) => {
  let location: TestLocation | undefined;
  afterEach(async () => {
    await location?.dispose();
    location = undefined;
  });

  it('stores each content once when many calls in one process race on the same and on different articles', async () => {
    location = createTestLocation(engine);
    const store = await createStore(location.config);
    try {
      const calls = [0, 1, 2, 3].flatMap((worker) => shuffled([...shared, ...own(worker)], worker).map((analysis) => store.ingest(analysis)));
      const results = await Promise.all(calls);
      expectEachCreatedOnce(results, shared.length + 4 * 6);
      expect(await store.stats()).toEqual({ articles: 36, quotes: 12 * 2 + 24, speakers: 2 });
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
    } finally {
      await store.close();
    }
  });

  it('lets four processes open a fresh store at once (they race to migrate it)', async () => {
    location = createTestLocation(engine);
    const config = location.config;
    const workers = [0, 1, 2, 3].map((worker) => spawnWorker({ config, mode: 'ingest', analyses: own(worker).slice(0, 1) }));
    expect(await Promise.all(workers.map((w) => w.exited)), workers.map((w) => w.errors()).join('\n')).toEqual([0, 0, 0, 0]);
    const store = await createStore(config);
    try {
      expect((await store.stats()).articles).toBe(4);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('stores each content once when four processes ingest the same and different articles at once', async () => {
    location = createTestLocation(engine);
    // Migrate once first, as a deployment would; the workers then race only on data.
    await (await createStore(location.config)).close();
    const config = location.config;
    const workers = [0, 1, 2, 3].map((worker) => spawnWorker({ config, mode: 'ingest', analyses: shuffled([...shared, ...own(worker)], worker) }));
    expect(await Promise.all(workers.map((w) => w.exited)), workers.map((w) => w.errors()).join('\n')).toEqual([0, 0, 0, 0]);
    const results = workers.flatMap((w) => w.events as unknown as IngestResult[]);
    expect(results).toHaveLength(4 * 18);
    expectEachCreatedOnce(results, shared.length + 4 * 6);
    const store = await createStore(config);
    try {
      expect(await store.stats()).toEqual({ articles: 36, quotes: 12 * 2 + 24, speakers: 2 });
      expect((await store.tone('country')).map((row) => [row.key, row.count])).toEqual([
        ['RU', 36],
        ['US', 12],
      ]);
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
    } finally {
      await store.close();
    }
  }, 120_000);
});

function expectEachCreatedOnce(results: readonly IngestResult[], distinct: number): void {
  const created = new Map<string, number>();
  for (const { id, created: isNew } of results) created.set(id, (created.get(id) ?? 0) + (isNew ? 1 : 0));
  expect(created.size).toBe(distinct);
  expect([...created.values()].every((count) => count === 1)).toBe(true);
  expect(created.has(articleId(shared[0]?.text ?? ''))).toBe(true);
}
