import { describe, expect, it } from 'vitest';
import { csvCell } from './quote-export.js';

describe('csvCell', () => {
  it.each([
    ['plain text stays as it is', 'We will not wait', 'We will not wait'],
    ['a comma is quoted', 'ready, and waiting', '"ready, and waiting"'],
    ['a double quote is doubled inside quotes', 'He said "no"', '"He said ""no"""'],
    ['a line break is quoted', 'one\ntwo', '"one\ntwo"'],
    ['a formula gets a leading apostrophe', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['a leading minus in text gets one too', '-1 is the answer', "'-1 is the answer"],
    ['an at sign too', '@everyone', "'@everyone"],
    ['markup is data', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['a number is written as a number', -3, '-3'],
    ['null is empty', null, ''],
  ] as const)('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
