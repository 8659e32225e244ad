import { hostname } from 'node:os';
import { defaultDataDir } from '@newstone/api';
import { createStore, createWorkQueue, storeConfigFromEnv, type Store, type StoreConfig, type WorkQueue } from '@newstone/store';
import { CliError } from '../cli-error.js';
import { ExitCode, type Command, type CommandContext } from '../command.js';
import { createAnalysisPool, defaultWorkerCount, parseWorkerCount } from '../ingest/analysis-pool.js';
import { ingestLocal } from '../ingest/ingest-local.js';
import { enqueueSources, workQueue } from '../ingest/ingest-queue.js';
import { formatSummary, IngestReport } from '../ingest/ingest-report.js';
import { createProgress } from '../ingest/progress.js';
import { measureSources, readSources } from '../input/read-sources.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone ingest PATH… [--workers N] [--json] [--quiet]
  newstone ingest --from-queue [--follow]          (PostgreSQL: work the shared queue)
  newstone ingest --enqueue-only PATH…             (PostgreSQL: only fill the shared queue)

Reads articles, analyses them in worker threads and stores them. Articles already stored (same content) are
skipped, so a run stopped with Ctrl-C resumes when run again. A file that cannot be read or parsed is reported
and skipped; the exit code is non-zero only when the run itself fails (store unreachable).

  PATH               a .txt, .html, .json ({ text, title?, source?, url?, publishedAt? } or an array of them) or
                     .jsonl file, a folder (read recursively), or - for JSONL on stdin
  --workers N        analysis threads (default: ${defaultWorkerCount()}, one per core but one; 0 analyses in the main thread)
  --batch-size N     articles per store transaction (default 100)
  --json             print the summary as JSON on stdout
  --quiet            no progress bar
  -h, --help         show this help

Scale-out (DATABASE_URL set): the articles go on a queue table in PostgreSQL; every ingest process pointed at
the same database claims work from it with FOR UPDATE SKIP LOCKED, so several machines share one corpus.
  --enqueue-only     put the articles on the queue and stop
  --from-queue       take no PATH: analyse what the queue holds until it is empty
  --follow           with --from-queue: keep waiting for new work instead of stopping when the queue is empty
  --retry-failed     put the queue's failed articles back to pending first

Environment: DATABASE_URL (PostgreSQL), NEWSTONE_PG_SCHEMA (its schema), NEWSTONE_DATA_DIR (SQLite folder).`;

/** `newstone ingest`: bulk analysis into the store, resumable, in parallel, optionally across machines. */
export const ingestCommand: Command = {
  name: 'ingest',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('ingest', args, {
      workers: { type: 'string' },
      'batch-size': { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      'enqueue-only': { type: 'boolean' },
      'from-queue': { type: 'boolean' },
      follow: { type: 'boolean' },
      'retry-failed': { type: 'boolean' },
    });
    const fromQueue = values['from-queue'] === true;
    if (fromQueue && positionals.length > 0) {
      throw new CliError('usage', 'newstone ingest: --from-queue takes no PATH (the queue holds the work)');
    }
    if (!fromQueue && positionals.length === 0) {
      throw new CliError('usage', 'newstone ingest: expected at least one PATH (a file, a folder or - for stdin)');
    }
    if (values.follow && !fromQueue) throw new CliError('usage', 'newstone ingest: --follow needs --from-queue');
    if (values['enqueue-only'] && fromQueue) {
      throw new CliError('usage', 'newstone ingest: --enqueue-only and --from-queue exclude each other');
    }
    const batchSize = parseBatchSize(values['batch-size']);
    const threads = parseWorkerCount(values.workers, defaultWorkerCount());
    const config = storeConfigFromEnv(context.env, { cwd: context.cwd, defaultDataDir: defaultDataDir(context.env, context.cwd) });
    const usesQueue = fromQueue || values['enqueue-only'] === true || values['retry-failed'] === true;
    if (usesQueue && config.engine !== 'postgres') {
      throw new CliError('usage', 'newstone ingest: the shared queue lives in PostgreSQL: set DATABASE_URL');
    }

    const report = new IngestReport();
    // The bar counts bytes read on SQLite; on PostgreSQL it counts the shared queue's jobs, so nothing to measure.
    const total = fromQueue || config.engine === 'postgres' ? null : await measureSources(positionals, context.cwd);
    const progressEnabled = !values.quiet && !values.json && (context.stderr as { isTTY?: boolean }).isTTY === true;
    const progress = createProgress({
      output: context.stderr,
      total: config.engine === 'postgres' ? 1 : total,
      unit: config.engine === 'postgres' ? 'jobs' : 'bytes',
      enabled: progressEnabled,
    });
    const sources = fromQueue ? null : readSources(positionals, { stdin: context.stdin, cwd: context.cwd, signal: context.signal });

    const store = await openStore(config);
    let queue: WorkQueue | null = null;
    const pool = values['enqueue-only'] ? null : createAnalysisPool({ threads });
    let totals: Awaited<ReturnType<Store['stats']>> | null = null;
    try {
      if (config.engine === 'postgres') {
        queue = await createWorkQueue({ databaseUrl: config.databaseUrl, schema: config.schema });
        if (values['retry-failed']) await queue.retryFailed();
        let producing = sources !== null;
        const enqueueing = sources === null ? Promise.resolve() : enqueueSources(sources, queue, report);
        const enqueued = enqueueing.finally(() => {
          producing = false;
        });
        if (pool) {
          const workerId = `${hostname()}:${process.pid}`;
          const working = workQueue({
            queue, store, pool, report, progress, workerId, signal: context.signal,
            producing: () => producing, follow: values.follow === true,
          });
          await Promise.all([enqueued, working]);
        } else {
          await enqueued;
        }
      } else if (pool && sources) {
        await ingestLocal({ sources, pool, store, report, progress, batchSize });
      }
      totals = await store.stats().catch(() => null);
    } finally {
      progress.stop();
      await pool?.close();
      await queue?.close();
      await store.close();
    }
    report.interrupted = context.signal.aborted;
    const summary = report.toJSON();
    context.stdout.write(values.json ? `${JSON.stringify({ ...summary, store: totals })}\n` : formatSummary(summary, totals));
    return report.interrupted ? ExitCode.interrupted : ExitCode.ok;
  },
};

function parseBatchSize(value: string | undefined): number {
  if (value === undefined) return 100;
  const size = Number(value);
  if (!/^\d+$/.test(value) || size < 1 || size > 10_000) {
    throw new CliError('usage', '--batch-size: expected a whole number from 1 to 10000');
  }
  return size;
}

async function openStore(config: StoreConfig): Promise<Store> {
  try {
    return await createStore(config);
  } catch (error) {
    const where = config.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite under ${config.dataDir ?? config.filename}`;
    throw new CliError('run', `cannot open the store in ${where}: ${(error as Error).message}`, { cause: error });
  }
}
