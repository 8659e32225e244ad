import { describe, expect, it } from 'vitest';
import { foldQuoteMarks, tokenizeTone } from './tone-tokens.js';

describe('tokenizeTone', () => {
  it.each([
    ['folds curly apostrophes and quote marks', 'It isn’t “good”.', ['it', "isn't", '"', 'good', '"', '.']],
    ['lower-cases each word as the word itself would be', 'NATO Warns', ['nato', 'warns']],
    ['keeps offsets when a capital lengthens in lower case ("İ")', 'İstanbul IS calm', ['i̇stanbul', 'is', 'calm']],
    ['gives a capital sigma the lower case its own word gives it', 'ΟΔΟΣ ΣΑΣ', ['οδος', 'σας']],
    ['keeps dashes, brackets and ellipses as breaks', 'Yes — (no)…', ['yes', '—', '(', 'no', ')', '…']],
  ])('%s', (_, text, expected) => {
    expect(tokenizeTone(text).map((token) => token.text)).toEqual(expected);
  });

  it.each([
    ['İstanbul IS calm', [[0, 8], [9, 11], [12, 16]]],
    ['Russia’s “bad” deal.', [[0, 8], [9, 10], [10, 13], [13, 14], [15, 19], [19, 20]]],
  ])('points each token at its span of %j', (text, spans) => {
    const tokens = tokenizeTone(text);
    expect(tokens.map((token) => [token.start, token.end])).toEqual(spans);
  });
});

describe('tokenizeTone reads the tokens of its pattern', () => {
  // The tokens are defined by this pattern on the folded text; tokenizeTone reads them by character code.
  const PATTERN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[.,;:!?…–—()[\]"]/gu;
  it.each([
    ['apostrophes and hyphens inside words, other joiners splitting them', 'Moscow’s self-confidence, AT&T, U.S.-led, rock’n’roll'],
    ['a trailing joiner that joins nothing', "Moscow’ self- and- 'quoted' x-"],
    ['every apostrophe that folds, capitals beside it', 'DON`T isnʼt IT′S rock‘n’Roll ʼx xʼ'],
    ['letters beyond ASCII and digits; combining marks split words', 'Łukasz Ǆemal cafe\u0301 naïve 2024 ٣٤ Ωmega'],
    ['letters outside the basic plane, emoji and a lone surrogate', '𝐀𝐁 said 😀 and 𝟙𝟚 a\ud800b'],
    ['every break mark and some that are none', '“Never,” he said — (twice)… [sic]!? a; b: c – d # e * f'],
  ])('%s', (_behaviour, text) => {
    const folded = foldQuoteMarks(text);
    const expected = [...folded.matchAll(PATTERN)].map((match) => [match[0].toLowerCase(), match.index, match.index + match[0].length]);
    expect(tokenizeTone(text).map((token) => [token.text, token.start, token.end])).toEqual(expected);
  });
});
