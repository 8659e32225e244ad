import { describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import { articlesOfDocument, decodeText, formatOfPath, idOfRecord, toArticleInput } from './article-input.js';

describe('formatOfPath', () => {
  it.each([
    ['news/a.txt', 'txt'],
    ['A.TXT', 'txt'],
    ['page.html', 'html'],
    ['page.htm', 'html'],
    ['article.json', 'json'],
    ['dump.jsonl', 'jsonl'],
    ['dump.ndjson', 'jsonl'],
    ['notes.md', null],
    ['no-extension', null],
  ])('reads %s as %s', (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });
});

describe('decodeText', () => {
  it.each<[string, Uint8Array, string]>([
    ['UTF-8 text', new TextEncoder().encode('“Já,” said Ivan.'), '“Já,” said Ivan.'],
    ['text after a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'hi'],
  ])('decodes %s', (_, bytes, text) => {
    expect(decodeText(bytes)).toBe(text);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['bytes that are not UTF-8', new Uint8Array([0x68, 0xff, 0xfe]), /expected UTF-8 text, found bytes that are not valid UTF-8/],
    ['binary content with NUL bytes', new Uint8Array([0x68, 0x00, 0x69]), /found binary content/],
  ])('refuses %s with an input error', (_, bytes, message) => {
    const error = (() => {
      try {
        decodeText(bytes);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isCliError(error) && error.code).toBe('input');
    expect((error as Error).message).toMatch(message);
  });
});

describe('toArticleInput', () => {
  it.each<[string, unknown, object]>([
    ['text only', { text: 'x' }, { text: 'x', format: 'auto' }],
    [
      'every field, dropping unknown ones',
      { id: 7, text: 'x', title: 'T', source: 'AP', url: 'https://e.x/a', publishedAt: '2022-01-10', extra: true },
      { text: 'x', title: 'T', source: 'AP', url: 'https://e.x/a', publishedAt: '2022-01-10', format: 'auto' },
    ],
    ['null metadata as absent', { text: 'x', title: null }, { text: 'x', format: 'auto' }],
  ])('accepts %s', (_, value, expected) => {
    expect(toArticleInput(value)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['an array', [1], 'expected a JSON object with a string "text", found an array'],
    ['null', null, 'expected a JSON object with a string "text", found null'],
    ['a missing text', { title: 'x' }, 'expected "text" to be a string, found none'],
    ['a number as text', { text: 5 }, 'expected "text" to be a string, found a number'],
    ['a title that is not a string', { text: 'x', title: ['a'] }, 'expected "title" to be a string, found an array'],
    ['a date that is not a date', { text: 'x', publishedAt: 'yesterday' }, 'expected "publishedAt" to be an ISO 8601 date, found a string that is not a date'],
  ])('refuses %s, saying what it expected', (_, value, message) => {
    expect(() => toArticleInput(value)).toThrow(message);
  });
});

describe('articlesOfDocument', () => {
  it.each<[string, string, 'txt' | 'html' | 'json', object[]]>([
    ['a text file as one plain-text article', 'A b.', 'txt', [{ text: 'A b.', format: 'text' }]],
    ['an HTML file as one HTML article', '<p>A</p>', 'html', [{ text: '<p>A</p>', format: 'html' }]],
    ['a JSON object as one article', '{"text":"A"}', 'json', [{ text: 'A', format: 'auto' }]],
    ['a JSON array as many articles', '[{"text":"A"},{"text":"B"}]', 'json', [{ text: 'A', format: 'auto' }, { text: 'B', format: 'auto' }]],
  ])('reads %s', (_, text, format, expected) => {
    expect(articlesOfDocument(text, format)).toEqual(expected);
  });

  it('refuses JSON that does not parse without echoing it', () => {
    expect(() => articlesOfDocument('{"text": "secret', 'json')).toThrow(/^expected JSON, found text that is not valid JSON$/);
  });
});

describe('idOfRecord', () => {
  it.each<[unknown, string | number | null]>([
    [{ id: 'a1' }, 'a1'],
    [{ id: 3 }, 3],
    [{ id: { nested: true } }, null],
    [{}, null],
    ['text', null],
  ])('takes the id of %j as %j', (value, id) => {
    expect(idOfRecord(value)).toBe(id);
  });
});
