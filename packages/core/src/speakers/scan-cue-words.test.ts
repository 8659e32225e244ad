import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLexicon } from '../internal/lexicon.js';
import { escapeRegExp } from '../internal/reg-exp.js';
import { cueWordScanner, createWordScanner } from './scan-cue-words.js';

const CUES = ['said', 'says', 'according to', 'the words of', 'in the words of', 'told', 'to', 'word'];
const ordered = [...CUES].sort((a, b) => b.length - a.length);
/** What `createWordScanner` answers for: the bounded pattern over the same cues. */
const bounded = new RegExp(`\\b(?:${ordered.map((cue) => cue.split(' ').map(escapeRegExp).join('\\s+')).join('|')})\\b`, 'gi');
const byPattern = (sentence: string) => [...sentence.matchAll(bounded)].map((match) => match.index);

describe('createWordScanner', () => {
  it('finds what the bounded pattern finds, on any mix of cue words, case, white space, digits and punctuation', () => {
    const piece = fc.constantFrom(
      'said', 'Said', 'SAYS', 'according', 'to', 'To', 'the', 'words', 'of', 'in', 'In', 'word', 'told', 'x', 'saids',
      '2', 'said2', 'é', ' ', '  ', '\n', '\u00a0', '\t', ',', '.', '-', '“', '”', "'", 'ı', 'ſ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const sentence = pieces.join('');
        expect(createWordScanner(ordered)(sentence)).toEqual(byPattern(sentence));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a phrase wins over its first word, and the scan goes on after it', 'In the words of Kim, he said.', [0, 24]],
    ['a phrase across a line break', 'according\nto them', [0]],
    ['no cue inside a longer word or next to a digit', 'unsaid said2 2said', []],
  ])('reads %s', (_, sentence, expected) => {
    expect(createWordScanner(ordered)(sentence)).toEqual(expected);
    expect(byPattern(sentence)).toEqual(expected);
  });
});

describe('cueWordScanner', () => {
  it('finds the cue words of the shipped lexicon, and by pattern where the word walk does not read ("_", the Kelvin sign)', () => {
    const scan = cueWordScanner(createLexicon(), false);
    expect(scan('“We will win,” Lavrov said, according to Tass.')).toEqual([22, 28]);
    expect(scan('snake_case said')).toEqual([11]);
    expect(scan('he AS\u212aED')).toEqual([3]);
  });
});
