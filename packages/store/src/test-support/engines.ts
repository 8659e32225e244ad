import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreConfig } from '../config.js';

/** The PostgreSQL server the suites run against (CI: 127.0.0.1:5432, trust auth, database `test`). */
export const testDatabaseUrl = process.env.NEWSTONE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestEngine = 'sqlite' | 'postgres';
export const testEngines: readonly TestEngine[] = ['sqlite', 'postgres'];

/** A fresh, empty place to open a store in, and how to remove it afterwards. */
export interface TestLocation {
  readonly config: StoreConfig;
  dispose(): Promise<void>;
}

let counter = 0;

/**
 * A fresh SQLite folder or a fresh PostgreSQL schema, so parallel test files never share tables. An
 * unreachable PostgreSQL makes the store fail to open: the suite fails, it does not skip.
 */
export function createTestLocation(engine: TestEngine): TestLocation {
  counter += 1;
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'newstone-store-'));
    return { config: { engine, dataDir }, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
  return {
    config: { engine, databaseUrl: testDatabaseUrl, schema, poolSize: 8 },
    dispose: async () => {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}
