import { describe, expect, it } from 'vitest';
import cities from '../../data/cities.json' with { type: 'json' };
import countries from '../../data/countries.json' with { type: 'json' };
import countryAliases from '../../data/country-aliases.json' with { type: 'json' };
import institutions from '../../data/institutions.json' with { type: 'json' };
import people from '../../data/people.json' with { type: 'json' };
import speech from '../../data/speech.json' with { type: 'json' };
import { createLexicon } from './lexicon.js';

const sources = { cities, countries, countryAliases, institutions, people, speech };

describe('the data files', () => {
  it('build a lexicon with every table filled', () => {
    const lexicon = createLexicon();
    expect(lexicon.cueVerbs.has('said')).toBe(true);
    expect(lexicon.places.get('Russian')).toEqual({ code: 'RU', rule: 'demonym' });
    expect(lexicon.places.get('Kremlin')).toEqual({ code: 'RU', rule: 'institution' });
    expect(lexicon.places.get('NATO')).toEqual({ code: 'NATO', rule: 'international-organization' });
    expect(lexicon.places.get('American')).toEqual({ code: 'US', rule: 'demonym' });
    expect(lexicon.administrations.get('Obama')).toBe('US');
    expect(lexicon.cities.get('Chicago')).toBe('US');
    expect(lexicon.participles.has('adding') && lexicon.cueVerbs.has('adding')).toBe(true);
  });

  it.each([
    ['a cue list that is not a list', { ...sources, speech: { ...speech, verbs: 'said' } }, 'data/speech.json: "verbs" must be a list of non-empty strings, found a string'],
    ['a participle list that is not a list', { ...sources, speech: { ...speech, participles: 'adding' } }, 'data/speech.json: "participles" must be a list of non-empty strings, found a string'],
    ['an empty title', { ...sources, people: { ...people, titles: [''] } }, 'data/people.json: "titles" must be a list of non-empty strings, found an array'],
    ['a country code in lower case', { ...sources, countryAliases: { ...countryAliases, names: { Ruritania: 'ru' } } }, 'data/country-aliases.json: "names.Ruritania" must be a country or organisation code like "US" or "NATO"'],
    ['a city mapped to a country name', { ...sources, cities: { cities: { Chicago: 'United States' } } }, 'data/cities.json: "cities.Chicago" must be a country or organisation code like "US" or "NATO"'],
    ['a missing table', { ...sources, institutions: {} }, 'data/institutions.json: "institutions" must map names to codes, found undefined'],
    ['a broken boilerplate pattern', { ...sources, people: { ...people, boilerplate: ['(unclosed'] } }, 'data/people.json: "boilerplate" holds a pattern that is not a valid regular expression'],
  ])('rejects %s with a message naming the file and field', (_, broken, message) => {
    expect(() => createLexicon(broken)).toThrow(message);
  });
});
