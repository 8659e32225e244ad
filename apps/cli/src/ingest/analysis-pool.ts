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
export function createAnalysisPool(options: {
  readonly threads: number;
  /** The module each thread runs (its default export analyses one article); the pipeline's by default. */
  readonly workerFile?: URL;
}): AnalysisPool {
  if (options.threads === 0) {
    return {
      threads: 0,
      capacity: 1,
      analyze: async (article) => analyzeArticle(article),
      close: async () => {},
    };
  }
  const filename = (options.workerFile ?? new URL('./analyze-worker.js', import.meta.url)).href;
  // Loaded only when threads are asked for: `analyze --jsonl` in this thread starts without it.
  const open = (threads: number, tasksPerThread: number): Promise<Piscina<ArticleInput, Analysis>> =>
    import('piscina').then(
      ({ Piscina }) =>
        new Piscina<ArticleInput, Analysis>({
          filename,
          minThreads: threads,
          maxThreads: threads,
          // Threads stay up for the whole run: starting one costs the lexicon load.
          idleTimeout: 60_000,
          concurrentTasksPerWorker: tasksPerThread,
        }),
    );
  // Each task goes to a thread as soon as it is asked for, not when the calling thread next gets to hand it over: a
  // caller that blocks its thread (a synchronous SQLite write of a whole batch) leaves the threads the articles it
  // asked for ahead, instead of idle threads. Callers bound how many they ask for at once.
  const shared = open(options.threads, 1024);
  // A thread that dies (out of memory, an exit) fails every article it held, not only the one that killed it: each
  // of those is analysed again, alone, on a thread of its own, so only the article that kills a thread fails.
  let alone: Promise<Piscina<ArticleInput, Analysis>> | null = null;
  return {
    threads: options.threads,
    capacity: options.threads * 2,
    analyze: async (article) => {
      try {
        return await (await shared).run(article);
      } catch (error) {
        if (!isThreadLoss(error)) throw error;
        alone ??= open(1, 1);
        return (await alone).run(article);
      }
    },
    close: async () => {
      await (await shared).destroy();
      if (alone) await (await alone).destroy();
    },
  };
}

/** True for the error piscina fails a task with when its thread died, not when the task itself threw. */
function isThreadLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /^worker exited with code/.test(error.message) || (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}
