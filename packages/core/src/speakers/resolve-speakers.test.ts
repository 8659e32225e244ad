import { describe, expect, it } from 'vitest';
import { explainSameName } from './resolve-speakers.js';

describe('explainSameName', () => {
  it.each([
    ['the same name', 'Sergei Lavrov', 'Sergei Lavrov', 'same name'],
    ['a surname-only reference', 'Sergei Lavrov', 'Lavrov', 'surname-only reference (Lavrov)'],
    ['a transliteration variant', 'Oleksandr Danilyuk', 'Daniliuk', 'spelling variant: Danilyuk / Daniliuk (edit distance 1, same Double Metaphone key TNLK)'],
    ['a one-letter typo in a surname', 'Volodymyr Zelensky', 'Zelenskyy', 'spelling variant: Zelensky / Zelenskyy (edit distance 1, same Double Metaphone key SLNSK)'],
    ['two people who share a surname', 'Joe Biden', 'Jill Biden', null],
    ['short surnames one letter apart', 'Wang Li', 'Le', null],
    ['different surnames', 'Sergei Lavrov', 'Brov', null],
  ])('tells %s', (_, known, mention, reason) => {
    expect(explainSameName(known, mention)).toBe(reason);
  });
});
