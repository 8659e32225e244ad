import { availableParallelism } from 'node:os';
import { analyzeArticle, type Analysis, type ArticleInput } from '@newstone/core';
import type { Piscina } from 'piscina';
import { CliError } from '../cli-error.js';

/** Analyses articles, in worker threads or in this thread. */
export interface AnalysisPool {
  /** Worker threads in use; 0 when analysis runs in the calling thread. */
  readonly threads: number;
  /** How many articles may usefully be in flight at once: enough to keep every thread busy. */
  readonly capacity: number;
  analyze(article: ArticleInput): Promise<Analysis>;
  close(): Promise<void>;
}

/**
 * The default number of analysis threads: one per core but one, which the main thread's reading and store writes
 * take (at least one). On this project's 2-core machine a second analysis thread only competes with the writes: 2,000
 * sample articles took 8.8 s with one thread and 10.1 s with two into SQLite, 19.1 and 20.8 s into PostgreSQL.
 *
 * @example
 * createAnalysisPool({ threads: defaultWorkerCount() });
 */
export function defaultWorkerCount(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Parses a `--workers` value: a whole number from 0 (analyse in the main thread) to 256.
 *
 * @example
 * parseWorkerCount('4'); // 4
 */
export function parseWorkerCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > 256) {
    throw new CliError('usage', '--workers: expected a whole number from 0 to 256');
  }
  return count;
}

/**
 * Creates the analysis pool: `threads` worker threads (piscina), or the calling thread when `threads` is 0.
 *
 * @example
 * const pool = createAnalysisPool({ threads: 4 });
 * const analysis = await pool.analyze({ text: '“Yes,” she said.' });
 * await pool.close();
 */
export function createAnalysisPool(options: { readonly threads: number }): AnalysisPool {
  if (options.threads === 0) {
    return {
      threads: 0,
      capacity: 1,
      analyze: async (article) => analyzeArticle(article),
      close: async () => {},
    };
  }
  // Loaded only when threads are asked for: `analyze --jsonl` in this thread starts without it.
  const piscina: Promise<Piscina<ArticleInput, Analysis>> = import('piscina').then(
    ({ Piscina }) =>
      new Piscina<ArticleInput, Analysis>({
        filename: new URL('./analyze-worker.js', import.meta.url).href,
        minThreads: options.threads,
        maxThreads: options.threads,
        // Threads stay up for the whole run: starting one costs the lexicon load.
        idleTimeout: 60_000,
        // Each task goes to a thread as soon as it is asked for, not when the calling thread next gets to hand it
        // over: a caller that blocks its thread (a synchronous SQLite write of a whole batch) leaves the threads the
        // articles it asked for ahead, instead of idle threads. Callers bound how many they ask for at once.
        concurrentTasksPerWorker: 1024,
      }),
  );
  return {
    threads: options.threads,
    capacity: options.threads * 2,
    analyze: async (article) => (await piscina).run(article),
    close: async () => (await piscina).destroy(),
  };
}
