import { describe, expect, it } from 'vitest';
import { readUpload } from './uploads.js';

describe('readUpload', () => {
  it.each([
    ['takes a text file whole, titled by its name', 'us-russia_talks.txt', 'He said "yes".', [{ text: 'He said "yes".', title: 'us russia talks', format: 'text' }]],
    ['reads HTML as HTML and leaves its title to the pipeline', 'a.html', '<title>T</title><p>x</p>', [{ text: '<title>T</title><p>x</p>', format: 'html' }]],
    ['keeps the format a JSON article gives', 'a.json', '{"text":"<b>x</b>","format":"text"}', [{ text: '<b>x</b>', format: 'text' }]],
    ['reads one JSON article', 'a.json', '{"text":"x","title":"T","source":"S"}', [{ text: 'x', title: 'T', source: 'S' }]],
    ['reads a JSON array', 'a.json', '[{"text":"x"},{"text":"y"}]', [{ text: 'x' }, { text: 'y' }]],
    ['reads {articles: [...]}', 'a.json', '{"articles":[{"text":"x"}]}', [{ text: 'x' }]],
  ])('%s', (_name, file, content, expected) => {
    const articles = readUpload(file, content).map((article) => Object.fromEntries(Object.entries(article).filter(([, v]) => v !== undefined)));
    expect(articles).toEqual(expected);
  });

  it.each([
    ['rejects other file types', 'a.pdf', 'x', 'expected a .txt, .html or .json file, found ".pdf"'],
    ['rejects an empty file', 'a.txt', '  \n', 'the file is empty'],
    ['rejects broken JSON', 'a.json', '{"text":', 'the file is not valid JSON'],
    ['rejects JSON without text', 'a.json', '{"title":"T"}', 'the JSON: expected a non-empty string "text" field'],
    ['names the bad article in an array', 'a.json', '[{"text":"x"},{"text":3}]', 'article 2: expected a non-empty string "text" field'],
    ['rejects a non-string title', 'a.json', '{"text":"x","title":5}', 'the JSON: "title" should be a string, found number'],
    ['rejects an empty array', 'a.json', '[]', 'the JSON holds no articles'],
    ['rejects an unknown format', 'a.json', '{"text":"x","format":"pdf"}', 'the JSON: "format" should be text, html or auto'],
  ])('%s', (_name, file, content, message) => {
    expect(() => readUpload(file, content)).toThrow(message);
  });
});
