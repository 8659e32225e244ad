import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { StoreConfig } from '../config.js';
import { StoreError } from '../errors.js';
import { createMigrationProvider } from '../migrations.js';
import type { Database } from '../schema.js';

/** File name of the SQLite database inside the data folder. */
export const sqliteFileName = 'newstone.sqlite';

/** Opens the engine the config names, migrates it to the latest schema, and returns the query layer. */
export async function openDatabase(config: StoreConfig): Promise<Kysely<Database>> {
  const db = config.engine === 'sqlite' ? openSqlite(config.filename, config.dataDir) : await openPostgres(config);
  try {
    await migrate(db, config.engine, config.engine === 'postgres' ? (config.schema ?? 'public') : undefined);
  } catch (cause) {
    await db.destroy();
    throw new StoreError('unavailable', `store: could not migrate the ${config.engine} database: ${errorText(cause)}`, { cause });
  }
  return db;
}

function openSqlite(filename: string | undefined, dataDir: string | undefined): Kysely<Database> {
  let path = filename;
  if (path === undefined) {
    try {
      mkdirSync(dataDir as string, { recursive: true });
    } catch (cause) {
      throw new StoreError('unavailable', `store: could not create the data folder ${dataDir}: ${errorText(cause)}`, { cause });
    }
    path = join(dataDir as string, sqliteFileName);
  }
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a killed process; only a power cut may lose the last commits, never corrupt.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Other processes (CLI ingest while the server runs) wait for the write lock instead of failing.
    database.pragma('busy_timeout = 15000');
    // Every quote row is written into about twenty indexes (a page order per filter and sort): with SQLite's default
    // 2 MB page cache, an ingest into a large store reads and writes their pages through the OS again and again.
    database.pragma('cache_size = -65536');
  } catch (cause) {
    throw new StoreError('unavailable', `store: could not open SQLite database at ${path}: ${errorText(cause)}`, { cause });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
}

/** How many prepared statements `reusingStatements` keeps, and the longest SQL text it keeps one for. */
const keptStatements = 128;
const keptStatementLength = 4096;

/**
 * The database as kysely's SQLite driver sees it, with each statement prepared once and reused while its SQL text
 * recurs, least recently used dropped first. Kysely prepares every query it runs, and preparing is SQLite parsing
 * and planning the SQL again: 12 % of the service's CPU on a quote page at a million quotes, where the page's two
 * statements (their parameters bound, not written into the text) are the same text for every request. Only reads
 * of up to `keptStatementLength` characters are kept: the writes of an ingest (multi-row inserts, one text per row
 * count, up to 400 rows) are many large one-off texts that would push the reads out, and keeping them saved nothing
 * measurable. A statement still being iterated (a streamed query) is not handed out again.
 */
function reusingStatements(database: BetterSqlite3.Database): Pick<BetterSqlite3.Database, 'prepare' | 'close'> {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare: ((text: string) => {
      const kept = statements.get(text);
      if (kept !== undefined && !kept.busy) {
        // Most recently used last: the map's first key is the one to drop.
        statements.delete(text);
        statements.set(text, kept);
        return kept;
      }
      const statement = database.prepare(text);
      if (kept === undefined && statement.reader && text.length <= keptStatementLength) {
        statements.set(text, statement);
        if (statements.size > keptStatements) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    }) as BetterSqlite3.Database['prepare'],
    close: () => database.close(),
  };
}

async function openPostgres(config: Extract<StoreConfig, { engine: 'postgres' }>): Promise<Kysely<Database>> {
  const schema = config.schema ?? 'public';
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(`create schema if not exists "${schema}"`);
  } catch (cause) {
    // Another process may have created the schema at the same instant.
    if ((cause as { code?: string }).code !== '23505') {
      await client.end().catch(() => undefined);
      throw new StoreError('unavailable', `store: could not reach PostgreSQL at ${redact(config.databaseUrl)}: ${errorText(cause)}`, { cause });
    }
  }
  await client.end();
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.poolSize ?? 10,
    options: `-c search_path="${schema}"`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection dropped by the server (restart, timeout) must not crash the process: the pool replaces it.
  pool.on('error', (error) => console.error(`store: an idle PostgreSQL connection failed (${(error as { code?: string }).code ?? error.message})`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrate(db: Kysely<Database>, engine: StoreConfig['engine'], schema: string | undefined): Promise<void> {
  // Without the schema named, Kysely finds its lock table in any schema of the database and skips creating it here.
  const migrator = new Migrator({ db, provider: createMigrationProvider(engine), migrationTableSchema: schema });
  // Two processes opening a fresh SQLite file at once (a server and a CLI ingest) race to create the tables: the
  // loser's transaction fails, and on a second look it finds the migrations done.
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    if (attempt >= 3) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/** The connection URL without its password. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
