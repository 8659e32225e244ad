import { describe, expect, it } from 'vitest';
import { tokenizeTone } from './tone-tokens.js';

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
