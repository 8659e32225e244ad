import type { Analysis } from '@newstone/core';

/** One input that could not be ingested, and why. */
export interface IngestFailure {
  readonly origin: string;
  readonly reason: string;
}

/** Failures listed in full; past this many only their number is kept, so memory stays bounded. */
export const maxListedFailures = 1000;

/** What an ingest run did, tallied as it goes. *
 * @example
 * const report = new IngestReport();
 * report.addFailure({ origin: 'a.json', reason: 'expected JSON' });
 * report.toJSON().failed; // 1
 */
export class IngestReport {
  /** Articles this run stored. */
  articles = 0;
  /** Quotes in the articles this run stored. */
  quotes = 0;
  /** Articles passed over because the same content was already stored (or queued). */
  skipped = 0;
  /** Articles this run put on the shared queue (PostgreSQL scale-out). */
  enqueued = 0;
  failedCount = 0;
  readonly failures: IngestFailure[] = [];
  interrupted = false;
  readonly #speakers = new Set<string>();
  readonly #startedAt = performance.now();

  /** Counts a stored analysis. */
  addStored(analysis: Analysis): void {
    this.articles += 1;
    this.quotes += analysis.quotes.length;
    for (const speaker of analysis.speakers) this.#speakers.add(speaker.name);
  }

  addFailure(failure: IngestFailure): void {
    this.failedCount += 1;
    if (this.failures.length < maxListedFailures) this.failures.push(failure);
  }

  /** Distinct speaker names in the articles this run stored. */
  get speakers(): number {
    return this.#speakers.size;
  }

  get elapsedSeconds(): number {
    return (performance.now() - this.#startedAt) / 1000;
  }

  toJSON(): IngestSummary {
    return {
      articles: this.articles,
      quotes: this.quotes,
      speakers: this.speakers,
      skipped: this.skipped,
      enqueued: this.enqueued,
      failed: this.failedCount,
      failures: [...this.failures],
      interrupted: this.interrupted,
      seconds: Number(this.elapsedSeconds.toFixed(3)),
    };
  }
}

/** The summary `newstone ingest --json` prints. */
export interface IngestSummary {
  readonly articles: number;
  readonly quotes: number;
  readonly speakers: number;
  readonly skipped: number;
  readonly enqueued: number;
  readonly failed: number;
  readonly failures: IngestFailure[];
  readonly interrupted: boolean;
  readonly seconds: number;
}

const count = new Intl.NumberFormat('en-US');

/**
 * The summary a person reads at the end of `newstone ingest`.
 *
 * @example
 * formatSummary(report.toJSON(), { articles: 10, quotes: 40, speakers: 12 });
 */
export function formatSummary(
  summary: IngestSummary,
  storeTotals: { readonly articles: number; readonly quotes: number; readonly speakers: number } | null,
): string {
  const rate = summary.seconds > 0 ? summary.articles / summary.seconds : 0;
  const lines = [
    `${summary.interrupted ? 'Interrupted after' : 'Done in'} ${summary.seconds.toFixed(1)} s: ` +
      `${count.format(summary.articles)} articles stored (${rate.toFixed(1)} articles/s), ` +
      `${count.format(summary.quotes)} quotes, ${count.format(summary.speakers)} speakers`,
  ];
  if (summary.enqueued > 0) lines.push(`Queued for the workers: ${count.format(summary.enqueued)}`);
  lines.push(`Skipped (already stored or queued): ${count.format(summary.skipped)}`);
  lines.push(`Failed: ${count.format(summary.failed)}`);
  for (const failure of summary.failures) lines.push(`  ${failure.origin}: ${failure.reason}`);
  if (summary.failed > summary.failures.length) {
    lines.push(`  … and ${count.format(summary.failed - summary.failures.length)} more`);
  }
  if (storeTotals) {
    lines.push(
      `The store now holds ${count.format(storeTotals.articles)} articles, ${count.format(storeTotals.quotes)} quotes, ` +
        `${count.format(storeTotals.speakers)} speakers.`,
    );
  }
  if (summary.interrupted) lines.push('Run the same command again to resume: stored articles are skipped.');
  return `${lines.join('\n')}\n`;
}
