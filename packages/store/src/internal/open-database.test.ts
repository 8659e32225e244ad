import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore } from '../create-store.js';
import { makeAnalysis } from '../test-support/analyses.js';
import { createTestLocation, type TestLocation } from '../test-support/engines.js';
import type { Store } from '../types.js';

describe('the SQLite connection', () => {
  let location: TestLocation;
  let store: Store;

  beforeAll(async () => {
    location = createTestLocation('sqlite');
    store = await createStore(location.config);
    await store.ingest(makeAnalysis({ quotes: [{ text: 'We will talk again', speaker: { name: 'Ana Ruiz', country: 'ES' } }] }));
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  it('prepares a statement once and reuses it while its SQL recurs', async () => {
    const prepare = vi.spyOn(BetterSqlite3.prototype, 'prepare');
    try {
      const first = await store.listQuotes({ country: 'ES' }, { limit: 10 });
      const preparedFirst = prepare.mock.calls.length;
      expect(preparedFirst).toBeGreaterThan(0);
      // The same page again (the parameters are bound, not part of the SQL), and another country's.
      expect(await store.listQuotes({ country: 'ES' }, { limit: 10 })).toEqual(first);
      expect((await store.listQuotes({ country: 'FR' }, { limit: 10 })).items).toEqual([]);
      expect(prepare.mock.calls.length).toBe(preparedFirst);
    } finally {
      prepare.mockRestore();
    }
  });

  it('keeps no write statements: an ingest prepares its inserts each time', async () => {
    const prepare = vi.spyOn(BetterSqlite3.prototype, 'prepare');
    try {
      const written = (salt: string) => makeAnalysis({ salt, quotes: [{ text: `Said ${salt}`, speaker: { name: 'Ana Ruiz', country: 'ES' } }] });
      await store.ingest(written('first'));
      const insertsOf = () => prepare.mock.calls.filter(([text]) => /^insert into "quotes"/.test(String(text))).length;
      expect(insertsOf()).toBe(1);
      await store.ingest(written('second'));
      expect(insertsOf()).toBe(2);
    } finally {
      prepare.mockRestore();
    }
  });
});
