import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';

/** Shows how an ingest is going; silent when the output is not a terminal. */
export interface Progress {
  /** `done` and `total` in the unit the bar counts (bytes read, or queue jobs); `articles` finished so far. */
  update(done: number, articles: number): void;
  setTotal(total: number): void;
  stop(): void;
}

/**
 * A progress bar (cli-progress) with articles/s and ETA. With a known `total` it draws a bar and an ETA; without
 * one (stdin) it shows the counts only.
 *
 * @example
 * const progress = createProgress({ output: process.stderr, total: bytes, unit: 'MB' });
 */
export function createProgress(options: {
  readonly output: Writable;
  readonly total: number | null;
  readonly unit: 'bytes' | 'jobs';
  readonly enabled: boolean;
}): Progress {
  if (!options.enabled) return { update() {}, setTotal() {}, stop() {} };
  const known = options.total !== null;
  const done = options.unit === 'bytes' ? '{megabytes} MB' : '{value}/{total} jobs';
  const bar = new cliProgress.SingleBar(
    {
      stream: options.output,
      format: known
        ? `{bar} {percentage}% | ${done} | {articles} articles | {rate} articles/s | ETA {eta_formatted}`
        : `${done} | {articles} articles | {rate} articles/s`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = performance.now();
  bar.start(options.total ?? 1, 0, { articles: 0, rate: '0.0', megabytes: '0.0' });
  return {
    update(value, articles) {
      const seconds = (performance.now() - startedAt) / 1000;
      bar.update(known ? value : 0, {
        articles,
        rate: seconds > 0 ? (articles / seconds).toFixed(1) : '0.0',
        megabytes: (value / 2 ** 20).toFixed(1),
      });
    },
    setTotal(total) {
      bar.setTotal(Math.max(total, 1));
    },
    stop() {
      bar.stop();
    },
  };
}
