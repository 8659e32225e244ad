import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { makeAnalysis } from './test-support/analyses.js';
import { type TestLocation, createTestLocation, testEngines, waitForOpenWrite } from './test-support/engines.js';
import { spawnWorker } from './test-support/spawn-worker.js';

describe.each(testEngines)('a process killed mid-ingest on %s', (engine) => {
  let location: TestLocation | undefined;
  afterEach(async () => {
    await location?.dispose();
    location = undefined;
  });

  it('leaves the committed articles whole and nothing of the interrupted batch', async () => {
    location = createTestLocation(engine);
    const committed = Array.from({ length: 3 }, (_, index) =>
      makeAnalysis({ salt: `committed ${index}`, quotes: [{ text: 'Small and done', speaker: { name: 'Ann Lee' } }] }),
    );
    // 400 articles × 60 quotes: a transaction that takes seconds, long enough to be killed inside.
    const batch = Array.from({ length: 400 }, (_, index) =>
      makeAnalysis({
        salt: `batch ${index}`,
        quotes: Array.from({ length: 60 }, (_, q) => ({ text: `Quote ${q} of a long article`, speaker: { name: `Speaker ${q % 7}`, country: 'FR' }, stance: [{ targetCountry: 'DE' }] })),
      }),
    );
    const worker = spawnWorker({ config: location.config, mode: 'crash', committed, batch });
    await worker.waitFor((event) => event.event === 'batch-start');
    // Kill only once the batch's transaction has visibly written rows, so the kill lands inside it.
    await waitForOpenWrite(location);
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
    expect(worker.events.some((event) => event.event === 'batch-done')).toBe(false);

    const store = await createStore(location.config);
    try {
      expect(await store.stats()).toEqual({ articles: 3, quotes: 3, speakers: 1 });
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
      // The store still takes writes after the crash.
      const again = await store.listQuotes({ q: 'Small' });
      expect(again.items).toHaveLength(3);
    } finally {
      await store.close();
    }
  }, 120_000);
});
