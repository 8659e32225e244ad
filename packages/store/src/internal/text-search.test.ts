import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../create-store.js';
import type { Database } from '../schema.js';
import { makeAnalysis } from '../test-support/analyses.js';
import { createTestLocation, type TestLocation } from '../test-support/engines.js';
import type { Store } from '../types.js';
import { searchTrigrams, selectiveTrigrams } from './text-search.js';

describe('selectiveTrigrams (SQLite trigram index)', () => {
  let location: TestLocation;
  let store: Store;
  let db: Kysely<Database>;

  beforeAll(async () => {
    location = createTestLocation('sqlite');
    store = await createStore(location.config);
    // "avi" in 150 quotes (more than the sampled 100); every other trigram of "reykjavik" in two.
    const david = { name: 'David Avila' };
    await store.ingestMany(
      Array.from({ length: 15 }, (_, article) =>
        makeAnalysis({ salt: `article ${article}`, quotes: Array.from({ length: 10 }, (_, n) => ({ text: `David spoke ${article * 10 + n} times`, speaker: david })) }),
      ),
    );
    await store.ingest(makeAnalysis({ salt: 'iceland', quotes: [{ text: 'Talks in Reykjavik' }, { text: 'Back from Reykjavik' }] }));
    const { dataDir } = location.config as { dataDir: string };
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, 'newstone.sqlite'), { readonly: true }) }) });
  });
  afterAll(async () => {
    await db?.destroy();
    await store?.close();
    await location?.dispose();
  });

  it('finds candidates by the rare trigrams only, not by a common one the search also holds', async () => {
    const trigrams = searchTrigrams('reykjavik');
    expect(trigrams).toContain('avi');
    const chosen = await selectiveTrigrams(db, trigrams);
    expect(chosen).toEqual(trigrams.filter((trigram) => trigram !== 'avi'));
    expect((await store.listQuotes({ q: 'reykjavik' }, { limit: 10 })).items.map((quote) => quote.text).sort()).toEqual(['Back from Reykjavik', 'Talks in Reykjavik']);
  });

  it('has no trigrams for a text of under three characters', async () => {
    expect(await selectiveTrigrams(db, searchTrigrams('ik'))).toBeNull();
  });
});
