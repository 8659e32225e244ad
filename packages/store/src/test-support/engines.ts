import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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

/**
 * Resolves once another process is visibly inside a big write transaction on this location: on PostgreSQL a
 * connection holds a write lock on the `quotes` table of the schema; on SQLite uncommitted pages spill into the
 * WAL file and it grows by more than `walGrowth` bytes.
 */
export async function waitForOpenWrite(location: TestLocation, timeoutMs = 30_000, walGrowth = 1 << 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const config = location.config;
  if (config.engine === 'postgres') {
    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect();
    try {
      while (Date.now() < deadline) {
        const { rows } = await client.query(
          `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace s on s.oid = c.relnamespace
           where s.nspname = $1 and c.relname = 'quotes' and l.mode = 'RowExclusiveLock' and l.granted`,
          [config.schema],
        );
        if ((rows[0] as { n: number }).n > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      await client.end();
    }
  } else {
    const wal = join(config.dataDir as string, 'newstone.sqlite-wal');
    const size = () => (existsSync(wal) ? statSync(wal).size : 0);
    const start = size();
    while (Date.now() < deadline) {
      if (size() > start + walGrowth) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  throw new Error(`no open write transaction seen within ${timeoutMs} ms`);
}
