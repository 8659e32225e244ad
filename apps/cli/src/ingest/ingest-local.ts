import type { Analysis } from '@newstone/core';
import { articleId, isStoreError, type IngestResult, type Store } from '@newstone/store';
import { describeError } from '../cli-error.js';
import type { SourceItem } from '../input/read-sources.js';
import { mapOrdered } from '../internal/map-ordered.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { IngestReport } from './ingest-report.js';
import type { Progress } from './progress.js';

/** An analysed article on its way to the store, with where it came from. */
export interface AnalysedArticle {
  readonly origin: string;
  readonly analysis: Analysis;
}

type Outcome =
  | { readonly kind: 'analysed'; readonly origin: string; readonly analysis: Analysis; readonly bytes: number }
  | { readonly kind: 'stored-before'; readonly bytes: number }
  | { readonly kind: 'failure'; readonly origin: string; readonly reason: string; readonly bytes: number };

export interface IngestLocalOptions {
  readonly sources: AsyncIterable<SourceItem>;
  readonly pool: AnalysisPool;
  readonly store: Store;
  readonly report: IngestReport;
  readonly progress: Progress;
  /** Analyses per store transaction. */
  readonly batchSize: number;
}

/**
 * Reads, analyses (in the pool) and stores articles, streaming: at most a few batches are in memory at once,
 * and each batch is one store transaction, so a killed run leaves only whole articles behind.
 *
 * @example
 * await ingestLocal({ sources: readSources(['corpus/'], io), pool, store, report, progress, batchSize: 100 });
 */
export async function ingestLocal(options: IngestLocalOptions): Promise<void> {
  const { pool, report, progress } = options;
  const analyse = async (item: SourceItem): Promise<Outcome> => {
    if (item.kind === 'failure') return item;
    // Resume: text stored before has the id of its hash and is not analysed again. (HTML is stored as the text
    // extracted from it, so it is recognised only after analysis, by the store.)
    if ((await options.store.getArticle(articleId(item.article.text))) !== null) return { kind: 'stored-before', bytes: item.bytes };
    try {
      return { kind: 'analysed', origin: item.origin, analysis: await pool.analyze(item.article), bytes: item.bytes };
    } catch (error) {
      return { kind: 'failure', origin: item.origin, reason: `analysis failed: ${describeError(error)}`, bytes: item.bytes };
    }
  };

  let bytesDone = 0;
  let batch: AnalysedArticle[] = [];
  let batchBytes = 0;
  // One write in flight while the pool analyses the next batch; its error is kept and rethrown.
  let writing: Promise<void> = Promise.resolve();
  let writeError: unknown = null;
  const flush = async (): Promise<void> => {
    await writing;
    if (writeError !== null) throw writeError;
    const articles = batch;
    const bytes = batchBytes;
    batch = [];
    batchBytes = 0;
    writing = storeBatch(options.store, articles, report)
      .then(() => {
        bytesDone += bytes;
        progress.update(bytesDone, report.articles);
      })
      .catch((error: unknown) => {
        writeError = error;
      });
  };

  for await (const outcome of mapOrdered(options.sources, analyse, lookAhead(pool, options.batchSize))) {
    if (outcome.kind === 'stored-before') {
      report.skipped += 1;
      bytesDone += outcome.bytes;
      progress.update(bytesDone, report.articles);
      continue;
    }
    if (outcome.kind === 'failure') {
      report.addFailure({ origin: outcome.origin, reason: outcome.reason });
      bytesDone += outcome.bytes;
      progress.update(bytesDone, report.articles);
      continue;
    }
    batch.push({ origin: outcome.origin, analysis: outcome.analysis });
    batchBytes += outcome.bytes;
    if (batch.length >= options.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await writing;
  if (writeError !== null) throw writeError;
}

/**
 * How many articles `ingestLocal` asks the pool for ahead of the one it stores: a whole batch more than keeps the
 * threads busy, because on SQLite the write of a batch holds this thread (better-sqlite3 is synchronous) and the
 * threads must have the next batch to analyse meanwhile; with only `capacity` ahead they sat idle through every
 * write and an ingest took the sum of analysis and writing instead of the longer of the two.
 *
 * @example
 * lookAhead({ capacity: 2 }, 100); // 104
 */
export function lookAhead(pool: Pick<AnalysisPool, 'capacity'>, batchSize: number): number {
  return pool.capacity * 2 + batchSize;
}

/** What became of one article of a batch. */
export type StoreOutcome = 'stored' | 'duplicate' | 'failed';

/**
 * Stores a batch in one transaction. When the store rejects the batch for one bad analysis, each article is
 * stored alone so only the bad one fails; any other error (store unreachable) ends the run.
 * Returns one outcome per article, in order.
 *
 * @example
 * await storeBatch(store, [{ origin: 'a.txt', analysis }], report); // ['stored']
 */
export async function storeBatch(store: Store, articles: readonly AnalysedArticle[], report: IngestReport): Promise<StoreOutcome[]> {
  const tally = (result: IngestResult, article: AnalysedArticle): StoreOutcome => {
    if (!result.created) {
      report.skipped += 1;
      return 'duplicate';
    }
    report.addStored(article.analysis);
    return 'stored';
  };
  try {
    const results = await store.ingestMany(articles.map((article) => article.analysis));
    return articles.map((article, index) => tally(results[index] as IngestResult, article));
  } catch (error) {
    if (!isStoreError(error) || error.code !== 'invalid-input') throw error;
  }
  const outcomes: StoreOutcome[] = [];
  for (const article of articles) {
    try {
      const [result] = await store.ingestMany([article.analysis]);
      outcomes.push(tally(result as IngestResult, article));
    } catch (error) {
      if (!isStoreError(error) || error.code !== 'invalid-input') throw error;
      report.addFailure({ origin: article.origin, reason: `not stored: ${describeError(error)}` });
      outcomes.push('failed');
    }
  }
  return outcomes;
}
