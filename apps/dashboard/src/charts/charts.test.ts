import { describe, expect, it } from 'vitest';
import type { StanceCell, ToneRow } from '../api/types.js';
import { symmetricDomain } from './palette.js';
import { describeStanceCell, matrixOrder } from './stance-matrix.js';
import { describeToneRow } from './tone-bars.js';

const summary = { mean: 0, ciLow: 0, ciHigh: 0, share: { positive: 0, neutral: 1, negative: 0 }, tooFew: false };
const cell = (speakerCountry: string, targetCountry: string, count: number): StanceCell => ({
  ...summary,
  count,
  speakerCountry,
  targetCountry,
  favor: 0,
  against: count,
  neutralStance: 0,
});

describe('symmetricDomain', () => {
  it.each([
    ['covers the largest magnitude on both sides', [-3, 1.5], [-3, 3]],
    ['never narrows below the floor', [0.2, -0.1], [-1, 1]],
    ['ignores values that are not numbers', [Number.NaN, 2], [-2, 2]],
  ])('%s', (_name, values, expected) => expect(symmetricDomain(values)).toEqual(expected));
});

describe('matrixOrder', () => {
  const cells = [cell('US', 'RU', 5), cell('RU', 'US', 2), cell('RU', 'UA', 4), cell('UA', 'RU', 1)];
  it.each([
    ['orders speaker countries by their quote count', 'speakerCountry', ['RU', 'US', 'UA']],
    ['orders targets by their quote count', 'targetCountry', ['RU', 'UA', 'US']],
  ] as const)('%s', (_name, axis, expected) => expect(matrixOrder(cells, axis)).toEqual(expected));
});

describe('mark descriptions (what screen readers and the browser test read)', () => {
  it('describes a tone bar with its mean, interval and count', () => {
    const row: ToneRow = { ...summary, key: 'sp_1', label: 'Sergei Lavrov', count: 1200, mean: -1.6, ciLow: -2.93, ciHigh: -0.27 };
    expect(describeToneRow('Sergei Lavrov', row)).toBe('Sergei Lavrov: mean tone −1.60, 95% CI −2.93 to −0.27, 1,200 quotes');
  });

  it('describes a stance cell with its counts', () => {
    expect(describeStanceCell({ ...cell('RU', 'NATO', 3), mean: -0.5 }, (code) => code)).toBe(
      'RU toward NATO: mean stance −0.50, 0 favour, 3 against, 0 neutral, 3 quotes',
    );
  });
});
