import { setTimeout as sleep } from 'node:timers/promises';
import type { Analysis } from '@newstone/core';
import { articleId, type Store, type WorkQueue, type ClaimedJob, type QueuedJob } from '@newstone/store';
import { describeError } from '../cli-error.js';
import { toArticleInput } from '../input/article-input.js';
import type { SourceItem } from '../input/read-sources.js';
import { mapOrdered } from '../internal/map-ordered.js';
import type { AnalysisPool } from './analysis-pool.js';
import { storeBatch, type AnalysedArticle } from './ingest-local.js';
import type { IngestReport } from './ingest-report.js';
import type { Progress } from './progress.js';

/** Jobs put on the queue per INSERT. */
const enqueueBatch = 500;
/** How long a worker that found nothing to claim waits before asking again. */
const idlePollMs = 300;

/**
 * Puts every article the sources hold on the shared queue, keyed by content hash: articles already queued or
 * stored (by any machine) are skipped, so re-running the same command resumes.
 *
 * @example
 * await enqueueSources(readSources(['corpus/'], io), queue, report); // report.enqueued, report.skipped
 */
export async function enqueueSources(
  sources: AsyncIterable<SourceItem>,
  queue: WorkQueue,
  report: IngestReport,
): Promise<void> {
  let jobs: QueuedJob[] = [];
  const flush = async (): Promise<void> => {
    const added = await queue.enqueue(jobs);
    report.enqueued += added.size;
    report.skipped += jobs.length - added.size;
    jobs = [];
  };
  for await (const item of sources) {
    if (item.kind === 'failure') {
      report.addFailure({ origin: item.origin, reason: item.reason });
      continue;
    }
    jobs.push({ id: articleId(item.article.text), origin: item.origin, payload: item.article });
    if (jobs.length >= enqueueBatch) await flush();
  }
  if (jobs.length > 0) await flush();
}

export interface WorkQueueLoopOptions {
  readonly queue: WorkQueue;
  readonly store: Store;
  readonly pool: AnalysisPool;
  readonly report: IngestReport;
  readonly progress: Progress;
  /** Unique per process: `host:pid`. */
  readonly workerId: string;
  readonly signal: AbortSignal;
  /** True while this process may still add jobs: an empty queue then means "wait", not "done". */
  readonly producing: () => boolean;
  /** Keep waiting for new jobs when the queue is empty (a long-running worker). */
  readonly follow: boolean;
}

/**
 * Claims batches from the shared queue (`FOR UPDATE SKIP LOCKED`), analyses them in the pool, stores them and
 * marks them done, until the queue is drained: nothing pending and nothing claimed by anyone. Jobs a killed
 * worker held come back after their lease and are picked up here.
 *
 * @example
 * await workQueue({ queue, store, pool, report, progress, workerId: 'host:42', signal, producing: () => false, follow: false });
 */
export async function workQueue(options: WorkQueueLoopOptions): Promise<void> {
  const { queue, pool, report, progress, signal } = options;
  const claimSize = Math.max(8, pool.capacity * 4);
  let lastProgressAt = 0;
  const showProgress = async (force = false): Promise<void> => {
    if (!force && performance.now() - lastProgressAt < 1000) return;
    lastProgressAt = performance.now();
    const counts = await queue.counts();
    progress.setTotal(counts.pending + counts.claimed + counts.done + counts.failed);
    progress.update(counts.done + counts.failed, report.articles);
  };

  while (!signal.aborted) {
    const jobs = await queue.claim(options.workerId, claimSize);
    if (jobs.length === 0) {
      await showProgress(true);
      const counts = await queue.counts();
      const drained = counts.pending === 0 && counts.claimed === 0;
      if (drained && !options.producing() && !options.follow) return;
      await sleep(idlePollMs, undefined, { signal }).catch(() => {});
      continue;
    }
    await processJobs(jobs, options);
    await showProgress();
  }
}

async function processJobs(jobs: readonly ClaimedJob[], options: WorkQueueLoopOptions): Promise<void> {
  const { queue, pool, report, workerId } = options;
  const analysed: (AnalysedArticle & { readonly id: string })[] = [];
  type Result = { readonly job: ClaimedJob } & ({ readonly analysis: Analysis } | { readonly error: string });
  const analyse = async (job: ClaimedJob): Promise<Result> => {
    try {
      return { job, analysis: await pool.analyze(toArticleInput(job.payload)) };
    } catch (error) {
      return { job, error: describeError(error) };
    }
  };
  for await (const result of mapOrdered(jobs, analyse, pool.capacity)) {
    if ('analysis' in result) {
      analysed.push({ id: result.job.id, origin: result.job.origin, analysis: result.analysis });
    } else {
      const reason = `analysis failed: ${result.error}`;
      report.addFailure({ origin: result.job.origin, reason });
      await queue.fail(workerId, result.job.id, reason);
    }
  }
  const outcomes = await storeBatch(options.store, analysed, report);
  const finished = analysed.filter((_, index) => outcomes[index] !== 'failed').map((article) => article.id);
  await queue.complete(workerId, finished);
  for (const [index, article] of analysed.entries()) {
    if (outcomes[index] === 'failed') await queue.fail(workerId, article.id, 'not stored: the store rejected the analysis');
  }
}
