import givenNames from '../../data/given-names.json' with { type: 'json' };
import { describeType, NewstoneError } from '../internal/errors.js';
import type { GenderOfGivenName } from './resolve-speakers.js';

/**
 * The pronoun a given name takes, from `data/given-names.json`: the names every first-name list of
 * gender-detection-from-name agrees on (English, French, German, Spanish, Italian, Turkish). A name the lists
 * disagree on ("Andrea" is a woman in English and German lists, a man in Italian and French ones) or do not know is
 * null, so an honorific or a pronoun decides. Each list is kept as the one sorted string the file holds and searched by
 * halves: a map of its 66,000 names cost about 150 ms to build at every start of the process.
 *
 * @example
 * const pronounOf = createGivenNamePronouns();
 * pronounOf('Sergei'); // 'he'
 * pronounOf('Andrea'); // null
 */
export function createGivenNamePronouns(source: unknown = givenNames): GenderOfGivenName {
  // The shipped table is sorted by the script that writes it, and its test holds it to that; another is checked here.
  const checkOrder = source !== givenNames;
  const he = expectNames(source, 'he', checkOrder);
  const she = expectNames(source, 'she', checkOrder);
  let heStarts: Int32Array | null = null;
  let sheStarts: Int32Array | null = null;
  return (given) => {
    heStarts ??= startsOf(he);
    sheStarts ??= startsOf(she);
    // The lists are lower case; "J." is looked up as "j". A name on both lists would be "she" (the generated lists
    // share none).
    const key = given.replace(/\.$/, '').toLowerCase();
    if (holdsName(she, sheStarts, key)) return 'she';
    if (holdsName(he, heStarts, key)) return 'he';
    return null;
  };
}

/** Where each name of a "|"-joined list starts. */
function startsOf(list: string): Int32Array {
  const starts = [0];
  for (let at = list.indexOf('|'); at >= 0; at = list.indexOf('|', at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

/** Where the name at `index` ends (the "|" after it, or the end of the list). */
function endOf(list: string, starts: Int32Array, index: number): number {
  return index + 1 < starts.length ? starts[index + 1]! - 1 : list.length;
}

/** The UTF-16 order (as `<` compares strings) of `key` against `list[start, end)`: negative when the key sorts first. */
function compareWith(key: string, list: string, start: number, end: number): number {
  const length = Math.min(key.length, end - start);
  for (let i = 0; i < length; i++) {
    const difference = key.charCodeAt(i) - list.charCodeAt(start + i);
    if (difference !== 0) return difference;
  }
  return key.length - (end - start);
}

/** Whether the sorted "|"-joined list holds `key` as one of its names. */
function holdsName(list: string, starts: Int32Array, key: string): boolean {
  if (key === '' || key.includes('|')) return false;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareWith(key, list, starts[middle]!, endOf(list, starts, middle));
    if (order === 0) return true;
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return false;
}

function expectNames(source: unknown, field: 'he' | 'she', checkOrder: boolean): string {
  const value = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[field] : undefined;
  // An empty name ("||", or "|" at either end) or one with white space at either end, found without splitting the list.
  if (typeof value !== 'string' || /^$|^\||\|\||\|$/.test(value) || /(?:^|\|)\s|\s(?:\||$)/.test(value)) {
    throw new NewstoneError('invalid-lexicon', `data/given-names.json: "${field}" must be lower-case names joined by "|", found ${describeType(value)}`);
  }
  if (checkOrder) {
    const starts = startsOf(value);
    for (let i = 1; i < starts.length; i++) {
      if (compareWith(value.slice(starts[i]!, endOf(value, starts, i)), value, starts[i - 1]!, starts[i]! - 1) <= 0) {
        throw new NewstoneError('invalid-lexicon', `data/given-names.json: "${field}" must list its names once each in sorted order (as scripts/generate-given-names.mjs writes them), found two out of order`);
      }
    }
  }
  return value;
}
