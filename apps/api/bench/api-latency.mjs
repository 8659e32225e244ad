/**
 * Latency of the dashboard's reads (tone aggregates and quote pages under every filter the API offers) under load
 * with 100k quotes stored, on SQLite and on PostgreSQL. The service runs in its own process (as `newstone serve`
 * would); autocannon loads it from this one.
 *
 *   pnpm --filter @newstone/api... build && pnpm --filter @newstone/api bench
 *
 * Environment: BENCH_QUOTES (default 100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_ENGINES
 * (sqlite,postgres), DATABASE_URL for PostgreSQL (default postgres://postgres@127.0.0.1:5432/test; a throw-away
 * schema is created and dropped). Prints a Markdown table.
 *
 * A million quotes take minutes to seed: BENCH_DATA_DIR (a SQLite folder) and BENCH_PG_SCHEMA (a PostgreSQL
 * schema) keep the store between runs; an empty one is seeded, a filled one is reused as it is (and migrated when
 * the store's schema moved on). Each run adds the few articles of the after-a-write measurement.
 *
 * Plain JavaScript on the built packages: tsx's loader trips over the `sentiment` package's JSON files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStore } from '@newstone/store';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchRequests } from './requests.mjs';
import { syntheticAnalyses } from './synthetic-analyses.mjs';

const quotes = Number(process.env.BENCH_QUOTES ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const quotesPerArticle = 50;
const keptDataDir = process.env.BENCH_DATA_DIR;
const keptSchema = process.env.BENCH_PG_SCHEMA;
const coldRuns = 20;
const apiEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** @param {import('@newstone/store').Store} store */
async function seed(store) {
  const articles = Math.ceil(quotes / quotesPerArticle);
  const started = performance.now();
  for (let offset = 0; offset < articles; offset += 200) {
    await store.ingestMany(syntheticAnalyses(Math.min(200, articles - offset), quotesPerArticle, offset + 1));
  }
  return performance.now() - started;
}

/**
 * Times of `store.tone('speaker')` right after a write (the cache cannot answer), sorted, each with the CPU time
 * (user + system) this process spent meanwhile: a slow read that used little CPU waited for a core, not for work.
 */
async function coldTone(store) {
  const times = [];
  // Seeds past any earlier run's, so every write is a new article even on a kept store.
  const firstSeed = 1_000_000 + Date.now() % 1_000_000_000;
  for (let run = 0; run < coldRuns; run += 1) {
    await store.ingest(syntheticAnalyses(1, 5, firstSeed + run)[0]);
    const started = performance.now();
    const cpu = process.cpuUsage();
    await store.tone('speaker');
    const used = process.cpuUsage(cpu);
    times.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  return times.sort((a, b) => a.ms - b.ms);
}

/** `median M ms, max X ms (CPU C ms)` of coldTone's times. */
function describeCold(cold) {
  const slowest = cold.at(-1);
  return `median ${cold[coldRuns >> 1].ms.toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (CPU ${slowest.cpuMs.toFixed(1)} ms)`;
}

/** Starts the built service in a child process on a free port and resolves with its URL. */
function startChild(env) {
  const code = `import(${JSON.stringify(apiEntry)}).then((m) => m.startServer({ loadSampleWhenEmpty: false, dashboardDir: null }))`;
  const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
}

/** @param {'sqlite' | 'postgres'} engine */
async function measure(engine) {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'newstone-bench-'));
  const schema = keptSchema ?? `bench_${process.pid}`;
  const config = engine === 'sqlite' ? { engine, dataDir } : { engine, databaseUrl, schema };
  const rows = [];
  try {
    const opened = performance.now();
    const store = await createStore(config);
    const openMs = performance.now() - opened;
    const empty = (await store.stats()).quotes === 0;
    const seedMs = empty ? await seed(store) : 0;
    const stats = await store.stats();
    const cold = await coldTone(store);
    const paths = (await benchRequests(store)).map((request) => request.path);
    await store.close();
    const filled = empty ? `seeded in ${(seedMs / 1000).toFixed(1)} s` : `reused (opened and migrated in ${(openMs / 1000).toFixed(1)} s)`;
    console.error(`${engine}: ${stats.quotes} quotes, ${stats.articles} articles, ${stats.speakers} speakers, ${filled}; tone by speaker right after a write: ${describeCold(cold)}`);
    const service = await startChild(engine === 'sqlite' ? { NEWSTONE_DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl, NEWSTONE_PG_SCHEMA: schema });
    try {
      for (const path of paths) {
        await autocannon({ url: `${service.url}${path}`, connections, duration: 2 }); // warm-up
        const result = await autocannon({ url: `${service.url}${path}`, connections, duration: seconds });
        const { p50, p90, p99, max } = result.latency;
        rows.push({ engine, path, requests: result.requests.total, p50, p90, p99, max, errors: result.errors + result.non2xx, stats, cold });
      }
    } finally {
      await service.stop();
    }
    return rows;
  } finally {
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres' && !keptSchema) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }
}

const rows = [];
for (const engine of engines) rows.push(...(await measure(engine)));
console.log(`| engine | request (${connections} connections, ${seconds} s) | quotes stored | requests | p50 ms | p90 ms | p99 ms | max ms | errors |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const path = row.path.replace(/cursor=[^&]+/, 'cursor=(page 2)');
  console.log(`| ${row.engine} | \`GET ${path}\` | ${row.stats.quotes} | ${row.requests} | ${row.p50} | ${row.p90} | ${row.p99} | ${row.max} | ${row.errors} |`);
}
console.log('');
for (const engine of engines) {
  const row = rows.find((r) => r.engine === engine);
  if (row) {
    const { cold } = row;
    console.log(`${engine}: tone by speaker right after a write (cache cold), ${coldRuns} writes: ${describeCold(cold)}`);
  }
}
