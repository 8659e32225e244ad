import { describe, expect, it } from 'vitest';
import { stanceMatrix, toneBy, type ToneQuote } from './tone-by.js';

const A = { id: 's1', name: 'Alice Adams', country: 'US', role: 'US envoy' };
const B = { id: 's2', name: 'Boris Belov', country: 'RU' };
const C = { id: 's3', name: 'Carla Cruz', country: null };

const quotes: ToneQuote[] = [
  { speaker: A, sentiment: { score: -2, label: 'negative' }, stance: [{ targetCountry: 'RU', score: -0.5, polarity: 'against' }], publishedAt: '2022-01-10' },
  { speaker: A, sentiment: { score: -4, label: 'negative' }, stance: [{ targetCountry: 'RU', score: -0.6, polarity: 'against' }], publishedAt: '2022-01-10T08:00:00Z' },
  {
    speaker: B, sentiment: { score: 3, label: 'positive' }, publishedAt: '2022-01-11',
    stance: [{ targetCountry: 'US', score: 0.6, polarity: 'favor' }, { targetCountry: 'NATO', score: -0.5, polarity: 'against' }, { targetCountry: null, score: 0, polarity: 'neutral' }],
  },
  { speaker: C, sentiment: { score: 0, label: 'neutral' }, stance: [] },
  { speaker: null, sentiment: { score: 1, label: 'neutral' }, stance: [] },
];

// Two scores −2 and −4: mean −3, s² = 2, se = 1, t(1) = 12.706 → CI −15.706…9.706.
const twoNegative = { count: 2, mean: -3, ciLow: -15.706, ciHigh: 9.706, share: { positive: 0, neutral: 0, negative: 1 }, tooFew: true };
// Two stance scores −0.5 and −0.6: mean −0.55, s² = 0.005, se = 0.05 → half-width 0.6353.
const twoAgainst = { count: 2, mean: -0.55, ciLow: -1.1853, ciHigh: 0.0853, share: { positive: 0, neutral: 0, negative: 1 }, tooFew: true };
const single = (score: number, tone: 'positive' | 'neutral' | 'negative') => ({
  count: 1, mean: score, ciLow: score, ciHigh: score, tooFew: true,
  share: { positive: tone === 'positive' ? 1 : 0, neutral: tone === 'neutral' ? 1 : 0, negative: tone === 'negative' ? 1 : 0 },
});

function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 10_000) / 10_000 : v))) as T;
}

describe('toneBy', () => {
  it.each([
    ['speaker', [
      { key: 's1', label: 'Alice Adams', country: 'US', role: 'US envoy', ...twoNegative },
      { key: 's2', label: 'Boris Belov', country: 'RU', role: null, ...single(3, 'positive') },
      { key: 's3', label: 'Carla Cruz', country: null, role: null, ...single(0, 'neutral') },
    ]],
    ['country', [{ key: 'US', label: 'US', ...twoNegative }, { key: 'RU', label: 'RU', ...single(3, 'positive') }]],
    ['day', [{ key: '2022-01-10', label: '2022-01-10', ...twoNegative }, { key: '2022-01-11', label: '2022-01-11', ...single(3, 'positive') }]],
    ['target', [{ key: 'RU', label: 'RU', ...twoAgainst }, { key: 'NATO', label: 'NATO', ...single(-0.5, 'negative') }, { key: 'US', label: 'US', ...single(0.6, 'positive') }]],
  ] as const)('groups by %s with hand-computed means and intervals', (by, expected) => {
    expect(rounded(toneBy(quotes, by))).toEqual(expected);
  });

  it('labels country codes with the caller’s names and takes the tooFew threshold', () => {
    const rows = toneBy(quotes, 'country', { labelOf: (code) => (code === 'US' ? 'United States' : code), minQuotes: 2 });
    expect(rows.map((row) => [row.label, row.tooFew])).toEqual([['United States', false], ['RU', true]]);
  });

  it('rejects a publication date that is not ISO 8601', () => {
    expect(() => toneBy([{ ...quotes[0]!, publishedAt: '10/01/2022' }], 'day')).toThrow(/ISO 8601 date/);
  });

  it('returns no rows for no quotes', () => {
    expect(toneBy([], 'speaker')).toEqual([]);
  });
});

describe('stanceMatrix', () => {
  it('has one cell per speaker-country × target-country pair, with stance counts and the CI of the stance scores', () => {
    expect(rounded(stanceMatrix(quotes))).toEqual([
      { ...single(-0.5, 'negative'), speakerCountry: 'RU', targetCountry: 'NATO', favor: 0, against: 1, neutralStance: 0 },
      { ...single(0.6, 'positive'), speakerCountry: 'RU', targetCountry: 'US', favor: 1, against: 0, neutralStance: 0 },
      { ...twoAgainst, speakerCountry: 'US', targetCountry: 'RU', favor: 0, against: 2, neutralStance: 0 },
    ]);
  });
});
