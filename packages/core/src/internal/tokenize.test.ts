import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSentenceTokens, tokenize, tokensUpTo } from './tokenize.js';

describe('tokensUpTo', () => {
  // Each row: a text and a cut; the tokens of the whole text, cut, must equal tokenising only up to the cut.
  it.each([
    ['a cut between words', 'Russian Foreign Minister Sergei Lavrov said talks went well.', 24],
    ['a cut inside a word', 'Russian Foreign Minister Sergei Lavrov said talks went well.', 27],
    ['a cut right after an abbreviation, before its full stop', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 10],
    ['a cut right after the full stop of an abbreviation', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 11],
    ['a cut inside an initialism', 'He met Gen. Milley and Mr. Smith in the U.S. on Monday.', 40],
    ['a cut inside a hyphenated word', 'A self-confident U.S.-backed plan.', 9],
    ['a cut at the end of the text', 'Talks went well, he said.', 25],
    ['a cut past the end of the text', 'Talks went well, he said.', 60],
    ['a cut on whitespace before punctuation', 'Mr . Smith said so .', 3],
  ])('gives what tokenize gives up to the cut: %s', (_behaviour, text, cut) => {
    const whole = tokenize(text);
    expect(tokensUpTo(text, whole, Math.min(cut, text.length))).toEqual(tokenize(text, 0, Math.min(cut, text.length)));
  });
});

describe('createSentenceTokens', () => {
  const text = 'Lavrov said talks went well. Mr. Blinken disagreed.';
  const sentences = [{ start: 0, end: 28 }, { start: 29, end: 51 }];

  it.each([
    ['the first sentence', 0],
    ['the second sentence, abbreviation included', 1],
  ])('tokenises %s as tokenize does', (_behaviour, index) => {
    const sentence = sentences[index]!;
    expect(createSentenceTokens(text)(sentence)).toEqual(tokenize(text, sentence.start, sentence.end));
  });

  it('hands every later request for a sentence the tokens read the first time', () => {
    const tokensOf = createSentenceTokens(text);
    expect(tokensOf(sentences[1]!)).toBe(tokensOf(sentences[1]!));
  });
});

describe('tokenize', () => {
  // The tokens are defined by this pattern; tokenize reads them by character code. Each row must give what the
  // pattern gives (before abbreviations take their full stops, which no row here has).
  const PATTERN = /[\p{L}\p{M}\p{N}]+(?:[’'\-.&][\p{L}\p{M}\p{N}]+)*|\S/gu;
  it.each([
    ['inner apostrophes, hyphens, dots and ampersands', 'Moscow’s self-confidence, AT&T and rock’n’roll u.s'],
    ['a trailing joiner that joins nothing', "Moscow’ self- and- 'quoted' x-"],
    ['letters beyond ASCII, combining marks and digits', 'Zelenskyy Łukasz Ǆemal café naïve 2024 ٣٤ Ωmega'],
    ['letters outside the basic plane and emoji', '𝐀𝐁 said 😀 and 𝟙𝟚'],
    ['a lone surrogate', 'a\ud800b \udc00 c'],
    ['every kind of space', 'a\u00a0b\u2009c\u3000d\ufeffe\u2028f\tg\nh'],
    ['punctuation, curly quotes and dashes', '“Never,” he said — (twice)… [sic]!?'],
  ])('gives the tokens of its pattern: %s', (_behaviour, text) => {
    const expected = [...text.matchAll(PATTERN)].map((match) => [match[0], match.index, match.index + match[0].length]);
    expect(tokenize(text).map((token) => [token.text, token.start, token.end])).toEqual(expected);
  });

  it.each([
    ['an abbreviation takes its full stop', 'Mr. Smith said.', ['Mr.', 'Smith', 'said', '.']],
    ['an initialism takes its full stop', 'The U.S. said no.', ['The', 'U.S.', 'said', 'no', '.']],
    ['a word that is no abbreviation leaves it', 'He said. No.', ['He', 'said', '.', 'No.']],
  ])('%s', (_behaviour, text, expected) => {
    expect(tokenize(text).map((token) => token.text)).toEqual(expected);
  });

  it('reads a letter cut by the end of the range as a lone surrogate, as the pattern on the slice does', () => {
    expect(tokenize('𝐀𝐁 said', 0, 3).map((token) => [token.text, token.start, token.end])).toEqual([['𝐀', 0, 2], ['\ud835', 2, 3]]);
  });
});

describe('tokenize against the pattern it implements', () => {
  // The definition in tokenize.ts: this pattern matched on the slice, then a full stop joined to an abbreviation.
  const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[’'\-.&][\p{L}\p{M}\p{N}]+)*|\S/gu;
  const ABBREVIATION = /^(?:\p{Lu}(?:\.\p{Lu})*|Mr|Mrs|Ms|Dr|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Brig|Amb|Maj|Cmdr|Cpl|Pvt|Det|Supt|Insp|Atty|Rev|Hon|St|Jr|Sr|Messrs|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/u;
  const reference = (text: string, start: number, end: number) => {
    const slice = text.slice(start, end);
    const tokens = Array.from(slice.matchAll(TOKEN), (match) => ({ text: match[0], start: start + match.index, end: start + match.index + match[0].length, isWord: /^[\p{L}\p{N}]/u.test(match[0][0]!) })); // the first UTF-16 unit, as tokenize reads it
    const joined: typeof tokens = [];
    for (const token of tokens) {
      const previous = joined.at(-1);
      if (token.text === '.' && previous?.isWord && previous.end === token.start && ABBREVIATION.test(previous.text)) {
        joined[joined.length - 1] = { ...previous, text: `${previous.text}.`, end: token.end };
      } else joined.push(token);
    }
    return joined;
  };
  // Letters from several scripts, an astral letter (a surrogate pair), marks, digits, joiners, spaces, punctuation.
  const piece = fc.constantFrom('a', 'Z', 'é', 'Ж', '中', '𝐀', '\u0301', '7', '’', "'", '-', '.', '&', ' ', '\n', ',', '“', '”', 'U.S.', 'Mr.', 'Gen.', '\ud835', '\udc00');

  it('gives the tokens of the pattern for any text and any range of it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect(tokenize(text, start, end)).toEqual(reference(text, start, end));
      }),
      { numRuns: 5000 },
    );
  });
});
