import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { collect, runCli, spawnCli } from '../e2e/cli-support.js';
import { megabytes, uniqueArticles, type BenchArticle } from './bench-corpus.js';

export interface IngestRun {
  readonly engine: 'sqlite' | 'postgres';
  /** `1 process × 2 threads`, `2 processes × 1 thread`, … */
  readonly layout: string;
  readonly articles: number;
  readonly megabytes: number;
  /** Wall time from process start to exit (includes start-up and, for PostgreSQL, enqueueing). */
  readonly seconds: number;
  readonly articlesPerSecond: number;
}

interface Summary {
  readonly articles: number;
  readonly failed: number;
}

function checkRun(run: { code: number | null; stdout: string; stderr: string }, expected: number): Summary {
  if (run.code !== 0) throw new Error(`ingest failed (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
  const summary = JSON.parse(run.stdout) as Summary;
  if (summary.failed !== 0) throw new Error(`ingest reported ${summary.failed} failures`);
  return summary;
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/**
 * Ingest throughput of the built CLI into a fresh SQLite folder or PostgreSQL schema: one process with each
 * thread count, and (PostgreSQL) several `--from-queue` processes sharing the queue.
 *
 * @example
 * await measureIngestThroughput({ base, count: 2000, threadCounts: [1, 2], processCounts: [2, 3], databaseUrl });
 */
export async function measureIngestThroughput(options: {
  readonly base: readonly BenchArticle[];
  readonly count: number;
  readonly threadCounts: readonly number[];
  readonly processCounts: readonly number[];
  readonly databaseUrl: string;
}): Promise<IngestRun[]> {
  const work = mkdtempSync(join(tmpdir(), 'newstone-bench-ingest-'));
  const articles = uniqueArticles(options.base, options.count, `Bench ${Date.now()}`);
  const input = join(work, 'articles.jsonl');
  writeFileSync(input, `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`);
  const size = megabytes(articles);
  const runs: IngestRun[] = [];
  const record = (engine: IngestRun['engine'], layout: string, seconds: number, stored: number): void => {
    if (stored !== articles.length) throw new Error(`${engine} ${layout}: stored ${stored} of ${articles.length} articles`);
    runs.push({ engine, layout, articles: stored, megabytes: size, seconds, articlesPerSecond: stored / seconds });
  };
  try {
    for (const threads of options.threadCounts) {
      const dataDir = join(work, `sqlite-${threads}`);
      const started = performance.now();
      const run = await runCli(['ingest', input, '--json', '--workers', String(threads)], { env: { NEWSTONE_DATA_DIR: dataDir } });
      record('sqlite', `1 process × ${threads} thread${threads === 1 ? '' : 's'}`, (performance.now() - started) / 1000, checkRun(run, articles.length).articles);
    }
    for (const threads of options.threadCounts) {
      const schema = `bench_${process.pid}_${threads}t`;
      const env = { DATABASE_URL: options.databaseUrl, NEWSTONE_PG_SCHEMA: schema };
      try {
        const started = performance.now();
        const run = await runCli(['ingest', input, '--json', '--workers', String(threads)], { env });
        record('postgres', `1 process × ${threads} thread${threads === 1 ? '' : 's'}`, (performance.now() - started) / 1000, checkRun(run, articles.length).articles);
      } finally {
        await dropSchema(options.databaseUrl, schema);
      }
    }
    for (const processes of options.processCounts) {
      const schema = `bench_${process.pid}_${processes}p`;
      const env = { DATABASE_URL: options.databaseUrl, NEWSTONE_PG_SCHEMA: schema };
      try {
        checkRun(await runCli(['ingest', '--enqueue-only', input, '--json'], { env }), 0);
        const started = performance.now();
        const workers = await Promise.all(
          Array.from({ length: processes }, () => collect(spawnCli(['ingest', '--from-queue', '--workers', '1', '--json'], { env }))),
        );
        const stored = workers.reduce((sum, run) => sum + checkRun(run, 0).articles, 0);
        record('postgres', `${processes} processes × 1 thread (shared queue)`, (performance.now() - started) / 1000, stored);
      } finally {
        await dropSchema(options.databaseUrl, schema);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return runs;
}
