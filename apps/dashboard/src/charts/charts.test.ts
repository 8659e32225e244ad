import { describe, expect, it } from 'vitest';
import type { StanceCell, ToneRow } from '../api/types.js';
import { symmetricDomain } from './palette.js';
import { describeStanceCell, matrixOrder } from './stance-matrix.js';
import { describeToneRow, toneBarScale } from './tone-bars.js';

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

describe('toneBarScale', () => {
  const row = (key: string, mean: number, ciLow: number, ciHigh: number, tooFew: boolean): ToneRow => ({ ...summary, key, label: key, count: 2, mean, ciLow, ciHigh, tooFew });
  it.each([
    [
      'fits trusted intervals and cuts a too-few interval at the edge, open',
      [row('a', 1, -1, 3, false), row('b', -2, -20, 16, true)],
      [-3, 3],
      [{ key: 'a', x1: -1, x2: 3, openLow: false, openHigh: false }, { key: 'b', x1: -3, x2: 3, openLow: true, openHigh: true }],
    ],
    [
      'still fits every mean',
      [row('a', 1, 0.5, 1.5, false), row('b', -6, -30, 18, true)],
      [-6, 6],
      [{ key: 'a', x1: 0.5, x2: 1.5, openLow: false, openHigh: false }, { key: 'b', x1: -6, x2: 6, openLow: true, openHigh: true }],
    ],
    [
      'fits every interval when no group has enough quotes',
      [row('a', 1, -4, 6, true)],
      [-6, 6],
      [{ key: 'a', x1: -4, x2: 6, openLow: false, openHigh: false }],
    ],
  ])('%s', (_name, rows, domain, whiskers) => expect(toneBarScale(rows)).toEqual({ domain, whiskers }));
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
