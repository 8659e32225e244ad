import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from './white-space.js';

describe('isWhiteSpace', () => {
  it.each([
    [' ', true], ['\t', true], ['\n', true], ['\r', true], ['\v', true], ['\f', true], ['\u00a0', true], ['\u2003', true],
    ['\u2028', true], ['\u3000', true], ['\ufeff', true], ['a', false], ['\u0085', false], ['\u200b', false], ['.', false],
  ])('tells %j', (char, expected) => {
    expect(isWhiteSpace(char.charCodeAt(0))).toBe(expected);
  });

  it('agrees with /\\s/ on every character of the Basic Multilingual Plane', () => {
    const disagreeing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreeing.push(code);
    expect(disagreeing).toEqual([]);
  });
});
