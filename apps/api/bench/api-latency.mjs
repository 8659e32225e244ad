/**
 * Latency of `GET /api/tone?by=speaker` (and two other reads) under load with 100k quotes stored, on SQLite and
 * on PostgreSQL. The service runs in its own process (as `newstone serve` would); autocannon loads it from this one.
 *
 *   pnpm --filter @newstone/api... build && pnpm --filter @newstone/api bench
 *
 * Environment: BENCH_QUOTES (default 100000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_ENGINES
 * (sqlite,postgres), DATABASE_URL for PostgreSQL (default postgres://postgres@127.0.0.1:5432/test; a throw-away
 * schema is created and dropped). Prints a Markdown table.
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
import { syntheticAnalyses } from './synthetic-analyses.mjs';

const quotes = Number(process.env.BENCH_QUOTES ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const quotesPerArticle = 50;
const paths = ['/api/tone?by=speaker', '/api/tone?by=country', '/api/quotes?country=RU&limit=50'];
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

/** Median time of `store.tone('speaker')` right after a write, i.e. computed in SQL, not from the cache. */
async function coldTone(store) {
  const times = [];
  for (let run = 0; run < 5; run += 1) {
    await store.ingest(syntheticAnalyses(1, 5, 1_000_000 + run)[0]);
    const started = performance.now();
    await store.tone('speaker');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
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
  const dataDir = mkdtempSync(join(tmpdir(), 'newstone-bench-'));
  const schema = `bench_${process.pid}`;
  const config = engine === 'sqlite' ? { engine, dataDir } : { engine, databaseUrl, schema };
  const rows = [];
  try {
    const store = await createStore(config);
    const seedMs = await seed(store);
    const stats = await store.stats();
    const cold = await coldTone(store);
    await store.close();
    console.error(`${engine}: seeded ${stats.quotes} quotes, ${stats.articles} articles, ${stats.speakers} speakers in ${(seedMs / 1000).toFixed(1)} s; tone by speaker computed in SQL (uncached): ${cold.toFixed(0)} ms`);
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
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') {
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
  console.log(`| ${row.engine} | \`GET ${row.path}\` | ${row.stats.quotes} | ${row.requests} | ${row.p50} | ${row.p90} | ${row.p99} | ${row.max} | ${row.errors} |`);
}
console.log('');
for (const engine of engines) {
  const row = rows.find((r) => r.engine === engine);
  if (row) console.log(`${engine}: tone by speaker computed in SQL after a write (cache cold): ${row.cold.toFixed(0)} ms (median of 5)`);
}
