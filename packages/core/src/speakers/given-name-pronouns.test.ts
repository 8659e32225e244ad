import { getGender } from 'gender-detection-from-name';
import { describe, expect, it } from 'vitest';
import givenNames from '../../data/given-names.json' with { type: 'json' };
import { createGivenNamePronouns } from './given-name-pronouns.js';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'tr'] as const;
/** What the pipeline asked the package before the table: the one gender all six languages' answers agree on. */
function askThePackage(given: string): 'he' | 'she' | null {
  const name = given.replace(/\.$/, '');
  const genders = new Set(LANGUAGES.map((language) => getGender(name, language)).filter((gender) => gender === 'male' || gender === 'female'));
  if (genders.size !== 1) return null;
  return genders.has('male') ? 'he' : 'she';
}

describe('createGivenNamePronouns', () => {
  const pronounOf = createGivenNamePronouns();

  it.each([
    ['a man in every list', 'Sergei', 'he'],
    ['a woman in every list', 'Evelyn', 'she'],
    ['a name the lists disagree on', 'Jordan', null],
    ['a name of two words', 'Abd El', askThePackage('Abd El')],
    ['a name no list knows', 'Zzyzx', null],
    ['an initial with its full stop', 'J.', askThePackage('J.')],
    ['any case', 'MARIA', 'she'],
  ])('answers as the package did for %s', (_, given, expected) => {
    expect(pronounOf(given)).toBe(expected);
    expect(pronounOf(given)).toBe(askThePackage(given));
  });

  // The whole table (66,000 names, six package look-ups each) is compared by `pnpm generate:given-names --check`,
  // which regenerates it and fails on any difference; here one name in every 150 of each list stands for it.
  it('answers as the package did for an even sample of the table, and for names outside it', () => {
    const sample = (list: string) => list.split('|').filter((_, index) => index % 150 === 0);
    const names = [...sample(givenNames.he), ...sample(givenNames.she)];
    expect(names.length).toBeGreaterThan(400);
    expect(names.filter((name) => pronounOf(name) !== askThePackage(name))).toEqual([]);
    for (const name of ['Kim', 'Jordan', 'Sasha', 'Nikola', 'Jean', 'Ali', 'Lavrov', 'Ryabkov']) expect(pronounOf(name)).toBe(askThePackage(name));
  });

  it('reads the shipped lists, which are sorted, each name once', () => {
    for (const list of [givenNames.he, givenNames.she]) {
      const names = list.split('|');
      expect(names.every((name, index) => index === 0 || names[index - 1]! < name)).toBe(true);
    }
  });

  it.each<[string, { he: string; she: string }, [string, 'he' | 'she' | null][]]>([
    ['a table of one name each', { he: 'ivan', she: 'maria' }, [['Ivan', 'he'], ['maria', 'she'], ['petr', null], ['', null]]],
    ['the first, middle and last names of a list', { he: 'adam|boris|ivan|petr|yuri', she: 'anna' }, [['adam', 'he'], ['ivan', 'he'], ['yuri', 'he'], ['boris', 'he'], ['petr', 'he'], ['a', null], ['zz', null], ['iva', null], ['ivanov', null]]],
    ['a name that holds the separator', { he: 'ivan|petr', she: 'anna' }, [['ivan|petr', null], ['van|p', null]]],
  ])('looks names up in %s', (_, table, cases) => {
    const pronounOf = createGivenNamePronouns(table);
    expect(cases.map(([given]) => [given, pronounOf(given)])).toEqual(cases);
  });

  it('refuses a malformed table with a message naming the file and field', () => {
    expect(() => createGivenNamePronouns({ he: 'ivan', she: ['maria'] })).toThrow(/data\/given-names\.json: "she" must be lower-case names/);
    expect(() => createGivenNamePronouns({ he: 'ivan||petr', she: 'maria' })).toThrow(/"he"/);
    expect(() => createGivenNamePronouns({ he: 'ivan', she: 'maria| anna' })).toThrow(/"she" must be lower-case names/);
    expect(() => createGivenNamePronouns({ he: '', she: 'maria' })).toThrow(/"he" must be lower-case names/);
    expect(() => createGivenNamePronouns({ he: 'petr|ivan', she: 'maria' })).toThrow(/"he" must list its names once each in sorted order/);
    expect(() => createGivenNamePronouns({ he: 'ivan', she: 'maria|maria' })).toThrow(/"she" must list its names once each in sorted order/);
  });
});
