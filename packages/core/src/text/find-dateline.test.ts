import { describe, expect, it } from 'vitest';
import { createLexicon } from '../internal/lexicon.js';
import { findDateline } from './find-dateline.js';

const lexicon = createLexicon();
const codeOf = (text: string) => findDateline(text, [{ start: 0, end: text.length }], lexicon)?.code ?? null;

describe('findDateline', () => {
  it.each([
    ['a capital', 'WASHINGTON — The Senate voted on Tuesday.', 'US'],
    ['a country after the city', 'KYIV, Ukraine (Reuters) - Air raid sirens sounded.', 'UA'],
    ['a city that is no capital', 'CHICAGO — The strike entered its third week.', 'US'],
    ['a city whose name has a small word', 'RIO DE JANEIRO — The Amazon summit opened.', 'BR'],
    ['a capital with hyphens and small words', 'PORT-AU-PRINCE — Gangs blocked the road.', 'HT'],
    ['no dateline', 'The Senate voted on Tuesday — narrowly.', null],
    ['capitals that name no place', 'BREAKING NEWS — The Senate voted.', null],
  ])('reads %s', (_, text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});
