/**
 * Each benchmarked read on one connection, nothing else asking: its time (median and max of 20 after 3 warm-ups,
 * in this process through the store, no HTTP) and the plan of every SQL statement it ran (SQLite `EXPLAIN QUERY
 * PLAN`, PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)`). Beside api-latency.mjs's p99 under load, it tells a slow plan
 * from CPU contention.
 *
 *   BENCH_ENGINES=sqlite,postgres BENCH_DATA_DIR=/tmp/bench-sqlite-1m BENCH_PG_SCHEMA=bench_1m node bench/query-plans.mjs
 *
 * Reads a store api-latency.mjs seeded and kept (BENCH_DATA_DIR, BENCH_PG_SCHEMA); it writes nothing. The SQL is
 * caught where the store's drivers prepare it (better-sqlite3's `prepare`, pg's `Client#query`), so the plans are those
 * of the statements the store really runs.
 */
import { createRequire } from 'node:module';
import { createStore } from '@newstone/store';
import { benchRequests } from './requests.mjs';

// The drivers the store itself loads (the same module instances), not copies resolved from here.
const storeRequire = createRequire(import.meta.resolve('@newstone/store'));
const BetterSqlite3 = storeRequire('better-sqlite3');
const pg = storeRequire('pg');
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const runs = 20;

/** @type {{ sql: string, params: unknown[] }[] | null} */
let caught = null;
const prepare = BetterSqlite3.prototype.prepare;
// Every statement logs its runs while a read is caught: the store prepares each statement once and reuses it.
BetterSqlite3.prototype.prepare = function (source, ...rest) {
  const statement = prepare.call(this, source, ...rest);
  const all = statement.all.bind(statement);
  statement.all = (...params) => (caught?.push({ sql: source, params }), all(...params));
  return statement;
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  if (caught !== null) {
    if (typeof config === 'string') caught.push({ sql: config, params: Array.isArray(values) ? values : [] });
    else if (config?.text) caught.push({ sql: config.text, params: config.values ?? [] });
  }
  return query.call(this, config, values, callback);
};

function read(store, request) {
  return request.tone ? store.tone(request.tone) : store.listQuotes(request.filter, request.page);
}

for (const engine of engines) {
  const config =
    engine === 'sqlite'
      ? { engine, dataDir: process.env.BENCH_DATA_DIR }
      : { engine, databaseUrl, schema: process.env.BENCH_PG_SCHEMA, poolSize: 1 };
  if (!(config.dataDir ?? config.schema)) throw new Error('query-plans: expected BENCH_DATA_DIR and BENCH_PG_SCHEMA naming a kept store');
  const store = await createStore(config);
  const requests = await benchRequests(store);
  const explain = engine === 'sqlite' ? new BetterSqlite3(`${config.dataDir}/newstone.sqlite`, { readonly: true }) : new pg.Client({ connectionString: databaseUrl, options: `-c search_path="${config.schema}"` });
  if (engine === 'postgres') await explain.connect();
  console.log(`\n## ${engine}\n`);
  for (const request of requests) {
    for (let warm = 0; warm < 3; warm += 1) await read(store, request);
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await read(store, request);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    caught = [];
    await read(store, request);
    const statements = caught.filter(({ sql }) => !/store_meta/.test(sql));
    caught = null;
    console.log(`### \`GET ${request.path.replace(/cursor=[^&]+/, 'cursor=(page 2)')}\`: median ${times[runs >> 1].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms\n`);
    for (const { sql, params } of statements) {
      console.log('```');
      if (engine === 'sqlite') {
        for (const row of explain.prepare(`explain query plan ${sql}`).all(...params)) console.log(row.detail);
      } else {
        const { rows } = await explain.query(`explain (analyze, buffers, costs off) ${sql}`, params);
        for (const row of rows) console.log(row['QUERY PLAN']);
      }
      console.log('```');
    }
  }
  if (engine === 'postgres') await explain.end();
  else explain.close();
  await store.close();
}
