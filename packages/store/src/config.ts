import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { StoreError } from './errors.js';

/** Embedded SQLite: one file, WAL journal. */
export interface SqliteConfig {
  readonly engine: 'sqlite';
  /** Folder that holds `newstone.sqlite`; created when missing. Ignored when `filename` is given. */
  readonly dataDir?: string | undefined;
  /** Database file, or `:memory:` for a throw-away store. */
  readonly filename?: string | undefined;
}

/** A PostgreSQL server shared by several processes or machines. */
export interface PostgresConfig {
  readonly engine: 'postgres';
  /** `postgres://user@host:port/database` */
  readonly databaseUrl: string;
  /** Schema that holds Newstone's tables (created when missing). Default `public`. */
  readonly schema?: string | undefined;
  /** Connection pool size. Default 10. */
  readonly poolSize?: number | undefined;
}

export type StoreConfig = SqliteConfig | PostgresConfig;

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a store configuration and fills in defaults, with a specific message for each mistake.
 *
 * @example
 * validateStoreConfig({ engine: 'postgres', databaseUrl: 'postgres://postgres@127.0.0.1:5432/test' });
 */
export function validateStoreConfig(config: unknown): StoreConfig {
  if (typeof config !== 'object' || config === null) {
    throw new StoreError('invalid-config', `store config: expected an object, found ${config === null ? 'null' : typeof config}`);
  }
  const { engine } = config as { engine?: unknown };
  if (engine === 'sqlite') {
    const { dataDir, filename } = config as { dataDir?: unknown; filename?: unknown };
    if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir === '')) {
      throw new StoreError('invalid-config', 'store config: expected `dataDir` to be a non-empty path string');
    }
    if (filename !== undefined && (typeof filename !== 'string' || filename === '')) {
      throw new StoreError('invalid-config', 'store config: expected `filename` to be a non-empty path string or ":memory:"');
    }
    if (dataDir === undefined && filename === undefined) {
      throw new StoreError('invalid-config', 'store config: the sqlite engine needs `dataDir` or `filename`, found neither');
    }
    return { engine, dataDir, filename };
  }
  if (engine === 'postgres') {
    const { databaseUrl, schema, poolSize } = config as { databaseUrl?: unknown; schema?: unknown; poolSize?: unknown };
    if (typeof databaseUrl !== 'string' || !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
      throw new StoreError('invalid-config', 'store config: the postgres engine needs `databaseUrl` starting with postgres:// or postgresql://');
    }
    try {
      new URL(databaseUrl);
    } catch (cause) {
      throw new StoreError('invalid-config', 'store config: `databaseUrl` is not a valid URL', { cause });
    }
    if (schema !== undefined && (typeof schema !== 'string' || !schemaPattern.test(schema))) {
      throw new StoreError('invalid-config', 'store config: expected `schema` to be a lower-case SQL identifier ([a-z_][a-z0-9_]*)');
    }
    if (poolSize !== undefined && (typeof poolSize !== 'number' || !Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100)) {
      throw new StoreError('invalid-config', 'store config: expected `poolSize` to be an integer from 1 to 100');
    }
    return { engine, databaseUrl, schema, poolSize };
  }
  throw new StoreError('invalid-config', `store config: expected engine "sqlite" or "postgres", found ${describe(engine)}`);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value.slice(0, 20)}"` : value === undefined ? 'none' : typeof value;
}

/**
 * The store configuration the environment asks for: PostgreSQL when `DATABASE_URL` is set, else SQLite under
 * `NEWSTONE_DATA_DIR` (or `defaultDataDir`).
 *
 * @example
 * const config = storeConfigFromEnv(process.env, { defaultDataDir: '.newstone' });
 */
export function storeConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly defaultDataDir?: string; readonly cwd?: string } = {},
): StoreConfig {
  const cwd = options.cwd ?? process.cwd();
  if (env.DATABASE_URL) {
    return validateStoreConfig({ engine: 'postgres', databaseUrl: env.DATABASE_URL, schema: env.NEWSTONE_PG_SCHEMA || undefined });
  }
  const dataDir = env.NEWSTONE_DATA_DIR || options.defaultDataDir || userDataDir(env);
  return validateStoreConfig({ engine: 'sqlite', dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir) });
}

/**
 * The per-user data folder for Newstone: `$XDG_DATA_HOME/newstone`, `~/Library/Application Support/newstone`
 * or `%APPDATA%\newstone`.
 *
 * @example
 * userDataDir(process.env); // '/home/ada/.local/share/newstone'
 */
export function userDataDir(env: Readonly<Record<string, string | undefined>>): string {
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'newstone');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'newstone');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'newstone');
}
