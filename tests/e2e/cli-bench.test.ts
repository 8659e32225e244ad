import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, repoRoot, type CliRun } from './cli-support.js';

/** A smoke run of the benchmark harness (`pnpm bench --smoke`): tiny sizes, so the harness cannot rot unnoticed. */
const work = mkdtempSync(join(tmpdir(), 'newstone-bench-smoke-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bench(args: string[]): Promise<CliRun> {
  return collect(spawn('pnpm', ['--silent', 'bench', ...args], { cwd: join(repoRoot, 'tests'), stdio: ['ignore', 'pipe', 'pipe'] }));
}

describe('pnpm bench --smoke', () => {
  it('measures analysis against sentiment, ingest into both stores and stream memory, and writes the numbers', async () => {
    const out = join(work, 'results.json');
    const run = await bench(['--smoke', '--only', 'analysis,ingest,memory', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\*\*Ratio full analysis \/ sentiment: \d+\.\d\d\*\* \(target ≤ 3\)/);
    expect(run.stdout).toMatch(/Ratio on quote-dense news: \d+\.\d\d/);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      analysis: { articles: number; ratio: number };
      analysisQuoteDense: { articles: number; distinctArticles: number; ratio: number };
      ingest: { engine: string; layout: string; articles: number }[];
      memory: { command: string; peakRssMegabytes: number }[];
    };
    expect(results.analysis.articles).toBe(50);
    expect(results.analysis.ratio).toBeGreaterThan(0);
    // The smoke run reads each of the accuracy suite's news articles once.
    const newsArticles = readdirSync(join(repoRoot, 'tests/accuracy/quotes-news')).filter((name) => name.endsWith('.txt')).length;
    expect(results.analysisQuoteDense).toMatchObject({ articles: newsArticles, distinctArticles: newsArticles });
    expect(results.analysisQuoteDense.ratio).toBeGreaterThan(0);
    expect([...new Set(results.ingest.map((row) => row.engine))]).toEqual(['sqlite', 'postgres']);
    expect(results.ingest.map((row) => row.articles)).toEqual(results.ingest.map(() => 40));
    expect(results.ingest.at(-1)?.layout).toBe('2 processes × 1 thread (shared queue)');
    expect(results.memory.map((row) => row.command)).toEqual(['analyze --jsonl', 'ingest (SQLite)']);
    expect(results.memory.every((row) => row.peakRssMegabytes > 0)).toBe(true);
  }, 300_000);
});
