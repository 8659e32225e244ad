import { describe, expect, it } from 'vitest';
import { createLexicon } from '../internal/lexicon.js';
import { attributeCountry } from './attribute-country.js';

const lexicon = createLexicon();

describe('attributeCountry', () => {
  it.each([
    ['a demonym', 'Russian Foreign Minister', 'RU', 'demonym', 'Russian'],
    ['an abbreviated country name', 'U.S. State Department spokesman', 'US', 'country-name', 'U.S.'],
    ['an institution', 'Kremlin spokesman', 'RU', 'institution', 'Kremlin'],
    ['an administration', 'a senior defense official in the former Obama administration', 'US', 'administration', 'Obama administration'],
    ['"of Ukraine" after an institution', 'former secretary of the National Security Council of Ukraine', 'UA', 'of-country', 'of Ukraine'],
    ['the first country when the role names a second one', 'the former US ambassador to Russia', 'US', 'country-name', 'US'],
    ['the employer, not the subject of expertise', 'an expert on Russia at the Atlantic Council, a research institute in Washington', 'US', 'institution', 'Atlantic Council'],
    ['a location as a last resort', 'an expert on Russia at a research institute in Washington', 'US', 'capital-location', 'in Washington'],
    ['an international organisation as its own code', 'NATO Secretary General', 'NATO', 'international-organization', 'NATO'],
    ['a capital inside a longer proper name as no place', 'a professor at Georgetown University', null, null, null],
    ['the place a role is based in', 'a Copenhagen-based analyst at Sea-Intelligence', 'DK', 'capital', 'Copenhagen-based'],
    ['the employer a demonym and its organisation name after "for"', 'a spokeswoman for the Philippine foreign ministry', 'PH', 'demonym', 'Philippine'],
    ['the subject after "on", with a capitalised organisation further on', 'an expert on Russia at Georgetown University', null, null, null],
  ])('reads %s', (_, words, code, rule, evidence) => {
    const country = attributeCountry(words, lexicon);
    expect(country && [country.code, country.rule, country.evidence]).toEqual(code === null ? null : [code, rule, evidence]);
  });
});
