import { describe, expect, it } from 'vitest';
import { countOf, countryLabel, countryName, formatDate, formatScore, formatTone } from './format.js';

describe('formatTone', () => {
  it.each([
    [1.254, '+1.25'],
    [-0.5, '−0.50'],
    [0, '0.00'],
    [-0.001, '0.00'],
  ])('formats %d as %s', (value, expected) => expect(formatTone(value)).toBe(expected));
});

describe('formatScore', () => {
  it.each([
    [3, '+3'],
    [-2, '−2'],
    [0, '0'],
    [1.5, '+1.50'],
  ])('formats %d as %s', (value, expected) => expect(formatScore(value)).toBe(expected));
});

describe('country names', () => {
  it.each([
    ['names an ISO code', 'RU', 'Russia'],
    ['keeps an organisation code', 'NATO', 'NATO'],
    ['says Unknown for no code', null, 'Unknown'],
  ])('%s', (_name, code, expected) => expect(countryName(code)).toBe(expected));

  it.each([
    ['adds the code to a name', 'US', undefined, 'United States (US)'],
    ['prefers the label the API gave', 'UA', 'Ukraine', 'Ukraine (UA)'],
    ['does not repeat an organisation code', 'NATO', 'NATO', 'NATO'],
  ])('%s', (_name, code, label, expected) => expect(countryLabel(code, label)).toBe(expected));
});

describe('formatDate', () => {
  it.each([
    ['2025-02-05', '5 Feb 2025'],
    ['2025-02-05T10:00:00Z', '5 Feb 2025'],
    ['yesterday', 'yesterday'],
    [null, ''],
  ])('formats %s', (value, expected) => expect(formatDate(value)).toBe(expected));
});

describe('countOf', () => {
  it.each([
    [0, 'quote', '0 quotes'],
    [1, 'quote', '1 quote'],
    [2, 'article', '2 articles'],
    [1204, 'quote', '1,204 quotes'],
  ])('says %d %s as %s', (count, noun, expected) => expect(countOf(count, noun)).toBe(expected));
});
