import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLexicon } from '../internal/lexicon.js';
import { escapeRegExp } from '../internal/reg-exp.js';
import { findTitledMentions, titledNameFilter } from './find-subject-mentions.js';

const lexicon = createLexicon();

describe('titledNameFilter', () => {
  const titles = [...lexicon.titles].filter((title) => /^[a-z]/.test(title));
  const alternatives = titles.flatMap((title) => [`${title[0]!.toUpperCase()}${escapeRegExp(title.slice(1))}`, escapeRegExp(title)]);
  // The fast path holds only while every title is letters, dots, hyphens and apostrophes ("tánaiste" included).
  it('has the titles its fast path needs', () => expect(titles.every((title) => /^[\p{L}.'-]+$/u.test(title))).toBe(true));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})\\s+\\p{Lu}`, 'u');
  const filter = titledNameFilter(lexicon);

  it('answers as the pattern of every title does, on any text and any span of it', () => {
    const piece = fc.constantFrom(
      'President', 'president', 'PRESIDENT', 'pResident', 'ex-minister', "o'Minister", '2', 'é', 'Sen.', 'sen', '.', '-', "'",
      'winger', 'Biden', 'Émile', 'émile', 'Ωmega', '“', '𝐀bc', '\ud835', '\udc00', '𝐀', 'x', ' ', '  ', '\u00a0', '\n', ',', 'Chancellor-Elect', 'Tánaiste', 'tánaiste', 'Ta\u0301naiste', 'xé', '\u0301', 'Ж', 'Ünal',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const start = Math.min(a, b) % (text.length + 1);
        const end = start + (Math.max(a, b) % (text.length - start + 1));
        expect(filter(text, { start, end })).toBe(pattern.test(text.slice(start, end)));
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['Remarks by President Biden.', true],
    ['the ex-minister Jones', true],
    ['PRESIDENT Biden', false],
    ['2President Biden', false],
    ['éPresident Biden', false],
    ['President émile', false],
    ['President Émile', true],
    ['the Tánaiste Micheál Martin', true],
    ['the TÁNAISTE Martin', false],
    ['éTánaiste Martin', false],
  ])('%s → %s', (text, expected) => {
    expect(filter(text, { start: 0, end: text.length })).toBe(expected);
  });
});

describe('findTitledMentions', () => {
  it('reads a titled name in a headline', () => {
    const text = 'Remarks by President Biden.';
    expect(findTitledMentions(text, [{ start: 0, end: text.length }], lexicon)[0]?.name).toBe('Biden');
  });
});
