import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLexicon } from '../internal/lexicon.js';
import { createGivenNamePronouns } from './given-name-pronouns.js';
import { findNamedMentions } from './find-subject-mentions.js';

const lexicon = createLexicon();
const genderOf = createGivenNamePronouns();
const namesIn = (text: string, blocked: readonly { start: number; end: number }[] = []) =>
  findNamedMentions(text, [{ start: 0, end: text.length }], lexicon, genderOf, blocked).map((phrase) => phrase.name);

describe('findNamedMentions', () => {
  it('reads a given name and a surname anywhere in a sentence, in a list or as an object', () => {
    expect(namesIn('The mood is muted among two voters, Tyresha McClenney and Bryan Anderson, who saw Tim Kaine speak.')).toEqual(['Tyresha McClenney', 'Bryan Anderson', 'Tim Kaine']);
    expect(namesIn('That concerns James Crespo, president of the caucus.')).toEqual(['James Crespo']);
  });

  it('skips capitalised words that no given-name list holds, places, titles and title-case headlines', () => {
    expect(namesIn('The Supreme Court and the White House met in Colorado Springs and Virginia Beach.')).toEqual([]);
    expect(namesIn('It was President Biden who spoke.')).toEqual([]);
    expect(namesIn('Obama Sees Personal Insult If Black Voters Stay Home')).toEqual([]);
  });

  it('skips names inside quotation marks', () => {
    const text = 'He said “Bryan Anderson is wrong” to Ann Lee.';
    expect(namesIn(text, [{ start: 8, end: 33 }])).toEqual(['Ann Lee']);
  });

  it('skips a name that runs into a span another stage read', () => {
    const text = 'The rally heard Bryan Anderson and Ann Lee.';
    expect(namesIn(text, [{ start: 22, end: 30 }])).toEqual(['Ann Lee']);
  });

  it('reads the same names with its ASCII scan as with its Unicode one (a letter beyond ASCII anywhere in the text switches)', () => {
    const piece = fc.constantFrom('Bryan', 'Anderson', 'Ann', 'Lee', 'James', 'the', 'said', 'O’Neil', "D'Arcy", 'Mc-Kay', '2', ',', '.', ' ', '  ', '\n', '’', '“', 'x', 'Ohio', 'Virginia', 'Beach', 'President', ' people', ' government ', ' yesterday', ' would', ' should ', ' there');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const sentences = [{ start: 0, end: text.length }];
        const ascii = findNamedMentions(text, sentences, lexicon, genderOf, []).map((phrase) => [phrase.name, phrase.span.start]);
        const unicode = findNamedMentions(`${text} é`, sentences, lexicon, genderOf, []).map((phrase) => [phrase.name, phrase.span.start]);
        expect(ascii).toEqual(unicode);
      }),
      { numRuns: 3000 },
    );
  });
});
