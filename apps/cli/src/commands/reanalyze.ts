import { PIPELINE_VERSION } from '@newstone/core';
import { defaultDataDir } from '@newstone/api';
import { createStore, isStoreError, storeConfigFromEnv, type StaleArticle } from '@newstone/store';
import { CliError, describeError } from '../cli-error.js';
import { ExitCode, type Command } from '../command.js';
import { createAnalysisPool, defaultWorkerCount, parseWorkerCount } from '../ingest/analysis-pool.js';
import { IngestReport } from '../ingest/ingest-report.js';
import { createProgress } from '../ingest/progress.js';
import { mapOrdered } from '../internal/map-ordered.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone reanalyze [--workers N] [--json] [--quiet]

Brings every stored analysis to the current pipeline version (${PIPELINE_VERSION}): articles analysed by another
version are analysed again from their stored text and replaced, each in one transaction. Safe to stop and run
again: what was replaced is current and is not touched twice.

  --workers N   analysis threads (default: ${defaultWorkerCount()}, one per core but one)
  --json        print the summary as JSON on stdout
  --quiet       no progress bar
  -h, --help    show this help`;

const pageSize = 200;

/** `newstone reanalyze`: re-runs the pipeline over articles stored by an older version. */
export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('reanalyze', args, {
      workers: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new CliError('usage', 'newstone reanalyze: expected no arguments besides options');
    const pool = createAnalysisPool({ threads: parseWorkerCount(values.workers, defaultWorkerCount()) });
    const store = await createStore(storeConfigFromEnv(context.env, { cwd: context.cwd, defaultDataDir: defaultDataDir(context.env, context.cwd) }));
    const report = new IngestReport();
    const progress = createProgress({
      output: context.stderr,
      total: null,
      unit: 'jobs',
      enabled: !values.quiet && !values.json && (context.stderr as { isTTY?: boolean }).isTTY === true,
    });
    try {
      let afterId: string | undefined;
      while (!context.signal.aborted) {
        const page: StaleArticle[] = await store.listStale(PIPELINE_VERSION, { limit: pageSize, ...(afterId ? { afterId } : {}) });
        if (page.length === 0) break;
        afterId = page.at(-1)?.id;
        const analyse = async (stale: StaleArticle) => {
          const article = {
            text: stale.text,
            format: 'text' as const,
            title: stale.title ?? undefined,
            source: stale.source ?? undefined,
            url: stale.url ?? undefined,
            publishedAt: stale.publishedAt ?? undefined,
          };
          return { stale, analysis: await pool.analyze(article) };
        };
        for await (const result of mapOrdered(page, (stale) => analyse(stale).catch((error: unknown) => ({ stale, error })), pool.capacity)) {
          if ('error' in result) {
            report.addFailure({ origin: result.stale.id, reason: `analysis failed: ${describeError(result.error)}` });
            continue;
          }
          try {
            if (await store.replaceAnalysis(result.stale.id, result.analysis)) report.addStored(result.analysis);
            else report.skipped += 1;
          } catch (error) {
            if (!isStoreError(error) || error.code !== 'invalid-input') throw error;
            report.addFailure({ origin: result.stale.id, reason: `not replaced: ${describeError(error)}` });
          }
          progress.update(report.articles, report.articles);
        }
      }
    } finally {
      progress.stop();
      await pool.close();
      await store.close();
    }
    report.interrupted = context.signal.aborted;
    const summary = report.toJSON();
    if (values.json) {
      context.stdout.write(`${JSON.stringify({ pipelineVersion: PIPELINE_VERSION, ...summary })}\n`);
    } else {
      const failures = summary.failures.map((failure) => `\n  ${failure.origin}: ${failure.reason}`).join('');
      context.stdout.write(
        `${summary.interrupted ? 'Interrupted: ' : ''}${summary.articles} articles brought to pipeline ${PIPELINE_VERSION} ` +
          `in ${summary.seconds.toFixed(1)} s (${summary.quotes} quotes); ${summary.failed} failed.${failures}\n`,
      );
    }
    return report.interrupted ? ExitCode.interrupted : ExitCode.ok;
  },
};
