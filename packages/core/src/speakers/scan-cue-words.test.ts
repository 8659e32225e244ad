import { describe, expect, it } from 'vitest';
import { createLexicon } from '../internal/lexicon.js';
import { cueWordScanner } from './scan-cue-words.js';

describe('cueWordScanner', () => {
  it('finds the cue words of the shipped lexicon, with the ASCII and the Unicode pattern ("_", the Kelvin sign)', () => {
    const scan = cueWordScanner(createLexicon(), false);
    expect(scan('“We will win,” Lavrov said, according to Tass.')).toEqual([22, 28]);
    expect(scan('snake_case said')).toEqual([11]);
    expect(scan('he AS\u212aED')).toEqual([3]);
  });
});
