import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { createAnalysisPool, defaultWorkerCount, parseWorkerCount } from './analysis-pool.js';

describe('defaultWorkerCount', () => {
  it.each([
    [1, 1],
    [2, 1],
    [8, 7],
  ])('leaves one of %i cores to the reading and writing thread: %i analysis threads', (cores, threads) => {
    expect(defaultWorkerCount(cores)).toBe(threads);
  });
});

describe('parseWorkerCount', () => {
  it('takes a whole number, or the default when none is given', () => {
    expect(parseWorkerCount('0', 3)).toBe(0);
    expect(parseWorkerCount(undefined, 3)).toBe(3);
  });

  it.each(['-1', '1.5', 'two', '257'])('refuses %s', (value) => {
    expect(() => parseWorkerCount(value, 1)).toThrow(CliError);
  });
});

describe('createAnalysisPool', () => {
  it('fails only the article that kills a thread, not the others the thread held', async () => {
    const pool = createAnalysisPool({ threads: 1, workerFile: new URL('./test-support/crashing-worker.mjs', import.meta.url) });
    try {
      const texts = ['one', 'two', 'crash', 'three', 'throw', 'four', 'five'];
      const settled = await Promise.allSettled(texts.map((text) => pool.analyze({ text })));
      expect(settled.map((result) => (result.status === 'fulfilled' ? (result.value as unknown as { text: string }).text : 'failed'))).toEqual([
        'one', 'two', 'failed', 'three', 'failed', 'four', 'five',
      ]);
      const reasons = settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      expect(reasons[0]).toMatch(/worker exited/);
      expect(reasons[1]).toMatch(/cannot analyse this/);
    } finally {
      await pool.close();
    }
  });
});
