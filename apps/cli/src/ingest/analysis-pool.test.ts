import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { defaultWorkerCount, parseWorkerCount } from './analysis-pool.js';

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
