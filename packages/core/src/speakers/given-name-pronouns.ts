import givenNames from '../../data/given-names.json' with { type: 'json' };
import { describeType, NewstoneError } from '../internal/errors.js';
import type { GenderOfGivenName } from './resolve-speakers.js';

/**
 * The pronoun a given name takes, from `data/given-names.json`: the names every first-name list of
 * gender-detection-from-name agrees on (English, French, German, Spanish, Italian, Turkish). A name the lists
 * disagree on ("Andrea" is a woman in English and German lists, a man in Italian and French ones) or do not know is
 * null, so an honorific or a pronoun decides. The table is read into a map on first use.
 *
 * @example
 * const pronounOf = createGivenNamePronouns();
 * pronounOf('Sergei'); // 'he'
 * pronounOf('Andrea'); // null
 */
export function createGivenNamePronouns(source: unknown = givenNames): GenderOfGivenName {
  const he = expectNames(source, 'he');
  const she = expectNames(source, 'she');
  let pronouns: Map<string, 'he' | 'she'> | null = null;
  return (given) => {
    if (pronouns === null) {
      pronouns = new Map();
      for (const name of he.split('|')) pronouns.set(name, 'he');
      for (const name of she.split('|')) pronouns.set(name, 'she');
    }
    // The lists are lower case; "J." is looked up as "j".
    return pronouns.get(given.replace(/\.$/, '').toLowerCase()) ?? null;
  };
}

function expectNames(source: unknown, field: 'he' | 'she'): string {
  const value = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' || value.split('|').some((name) => name === '' || name !== name.trim())) {
    throw new NewstoneError('invalid-lexicon', `data/given-names.json: "${field}" must be lower-case names joined by "|", found ${describeType(value)}`);
  }
  return value;
}
