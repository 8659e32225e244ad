import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleCorpus } from '@newstone/sample-corpus';
import { createStore, createWorkQueue } from '@newstone/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, runCli, spawnCli } from './cli-support.js';

/**
 * Scale-out: three `newstone ingest --from-queue` processes share one PostgreSQL queue. Runs against the local
 * server (127.0.0.1:5432, database `test`); an unreachable server fails the suite.
 */
const databaseUrl = process.env.NEWSTONE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `scale_${process.pid}_${Date.now().toString(36)}`;
const env = { DATABASE_URL: databaseUrl, NEWSTONE_PG_SCHEMA: schema };
const articleCount = 2000;
let work: string;
let input: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'newstone-scale-'));
  input = join(work, 'articles.jsonl');
  const corpus = loadSampleCorpus();
  const lines = Array.from({ length: articleCount }, (_, index) => {
    const source = corpus[index % corpus.length] as (typeof corpus)[number];
    // A short, unique article: the opening of a real text after a line that makes its content hash unique.
    return JSON.stringify({ id: index, text: `Dispatch ${index}.\n\n${source.text.slice(0, 1500)}`, publishedAt: source.publishedAt });
  });
  writeFileSync(input, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
});

describe('PostgreSQL scale-out', () => {
  it('three worker processes store each of 2,000 queued articles exactly once', async () => {
    const enqueue = await runCli(['ingest', '--enqueue-only', input, '--json'], { env });
    expect(enqueue.stderr).toBe('');
    expect(enqueue.code).toBe(0);
    expect(JSON.parse(enqueue.stdout)).toMatchObject({ enqueued: articleCount, articles: 0, failed: 0 });

    const workers = [1, 2, 3].map(() => collect(spawnCli(['ingest', '--from-queue', '--workers', '1', '--json'], { env })));
    const runs = await Promise.all(workers);
    expect(runs.map((run) => [run.code, run.stderr])).toEqual([[0, ''], [0, ''], [0, '']]);
    const summaries = runs.map((run) => JSON.parse(run.stdout) as { articles: number; skipped: number; failed: number });
    // Every worker took a share, and no article was analysed twice (a second analysis would count as skipped).
    expect(summaries.every((summary) => summary.articles > 0)).toBe(true);
    expect(summaries.reduce((sum, summary) => sum + summary.articles, 0)).toBe(articleCount);
    expect(summaries.map((summary) => [summary.skipped, summary.failed])).toEqual([[0, 0], [0, 0], [0, 0]]);

    const store = await createStore({ engine: 'postgres', databaseUrl, schema });
    const queue = await createWorkQueue({ databaseUrl, schema });
    try {
      expect((await store.stats()).articles).toBe(articleCount);
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
      expect(await queue.counts()).toEqual({ pending: 0, claimed: 0, done: articleCount, failed: 0 });
    } finally {
      await queue.close();
      await store.close();
    }
  }, 600_000);

  it('skips everything on a second run of the same input', async () => {
    const again = await runCli(['ingest', input, '--json', '--workers', '1'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ enqueued: 0, skipped: articleCount, articles: 0, failed: 0 });
  }, 120_000);
});
