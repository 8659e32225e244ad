// Reads the NewsMTSC files under training-data/newsmtsc/ and measures macro F1, for the training and
// evaluation scripts (never imported by src/: the core does no I/O).
import { readFileSync } from 'node:fs';

/** The package folder: scripts run bundled from dist/scripts/ (see run.mjs), two levels below it. */
export const PACKAGE_ROOT = new URL('../../', import.meta.url);

export type Polarity = 'positive' | 'neutral' | 'negative';
export const POLARITIES: readonly Polarity[] = ['positive', 'neutral', 'negative'];

export interface NewsMtscRow {
  readonly id: string;
  readonly sentence: string;
  readonly target: string;
  readonly start: number;
  readonly end: number;
  readonly polarity: Polarity;
}

export type NewsMtscSplit = 'mt-train' | 'mt-dev' | 'rw-dev';

export function readNewsMtsc(split: NewsMtscSplit): NewsMtscRow[] {
  const path = new URL(`training-data/newsmtsc/newsmtsc-${split}.jsonl`, PACKAGE_ROOT);
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    const row = JSON.parse(line) as NewsMtscRow;
    if (row.sentence.slice(row.start, row.end) !== row.target || !POLARITIES.includes(row.polarity)) {
      throw new Error(`newsmtsc-${split}.jsonl line ${i + 1}: expected target at start…end and a known polarity`);
    }
    return row;
  });
}

/** Macro F1 over the three classes (the benchmark's F1m). */
export function macroF1(gold: readonly Polarity[], predicted: readonly Polarity[]): number {
  let total = 0;
  for (const label of POLARITIES) {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp += 1;
      else if (p === label) fp += 1;
      else if (g === label) fn += 1;
    });
    total += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return total / POLARITIES.length;
}
