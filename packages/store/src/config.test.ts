import { describe, expect, it } from 'vitest';
import { storeConfigFromEnv, validateStoreConfig } from './config.js';
import { createStore } from './create-store.js';
import { isStoreError } from './errors.js';

describe('validateStoreConfig', () => {
  it.each([
    ['no object', null, 'expected an object, found null'],
    ['an unknown engine', { engine: 'mysql' }, 'expected engine "sqlite" or "postgres", found "mysql"'],
    ['sqlite without a place', { engine: 'sqlite' }, 'needs `dataDir` or `filename`, found neither'],
    ['sqlite with an empty folder', { engine: 'sqlite', dataDir: '' }, 'expected `dataDir` to be a non-empty path string'],
    ['postgres without a URL', { engine: 'postgres' }, 'needs `databaseUrl` starting with postgres://'],
    ['postgres with a mysql URL', { engine: 'postgres', databaseUrl: 'mysql://x' }, 'needs `databaseUrl` starting with postgres://'],
    ['a schema that is not an identifier', { engine: 'postgres', databaseUrl: 'postgres://h/db', schema: 'a;drop' }, 'expected `schema` to be a lower-case SQL identifier'],
    ['a pool of zero', { engine: 'postgres', databaseUrl: 'postgres://h/db', poolSize: 0 }, 'expected `poolSize` to be an integer from 1 to 100'],
  ])('rejects %s', (_name, config, message) => {
    expect(() => validateStoreConfig(config)).toThrow(message);
  });

  it.each([
    ['DATABASE_URL picks PostgreSQL', { DATABASE_URL: 'postgres://u@h/db' }, { engine: 'postgres', databaseUrl: 'postgres://u@h/db' }],
    ['NEWSTONE_DATA_DIR picks SQLite there', { NEWSTONE_DATA_DIR: '/var/lib/newstone' }, { engine: 'sqlite', dataDir: '/var/lib/newstone' }],
    ['a relative data dir is resolved against cwd', { NEWSTONE_DATA_DIR: 'data' }, { engine: 'sqlite', dataDir: '/srv/data' }],
    ['nothing set falls back to the default folder', {}, { engine: 'sqlite', dataDir: '/srv/.newstone' }],
  ])('storeConfigFromEnv: %s', (_name, env, expected) => {
    expect(storeConfigFromEnv(env, { cwd: '/srv', defaultDataDir: '.newstone' })).toMatchObject(expected);
  });

  it('fails with an unavailable error, not a hang, when PostgreSQL does not answer', async () => {
    const error = await createStore({ engine: 'postgres', databaseUrl: 'postgres://postgres@127.0.0.1:9/test' }).catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('unavailable');
    expect((error as Error).message).toMatch(/^store: could not reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:9\/test/);
  });
});
