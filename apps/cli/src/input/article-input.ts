import { extname } from 'node:path';
import type { ArticleInput } from '@newstone/core';
import { CliError } from '../cli-error.js';

/** The kinds of input file Newstone reads, by extension. */
export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl';

const formatByExtension: Readonly<Record<string, InputFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/**
 * The input format a file name announces, or null when Newstone does not read that kind of file.
 *
 * @example
 * formatOfPath('news/2022-01-10.html'); // 'html'
 */
export function formatOfPath(path: string): InputFormat | null {
  return formatByExtension[extname(path).toLowerCase()] ?? null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file's bytes as UTF-8 text, refusing binary content instead of analysing garbage.
 *
 * @example
 * decodeText(new TextEncoder().encode('Lavrov said.')); // 'Lavrov said.'
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new CliError('input', 'expected UTF-8 text, found bytes that are not valid UTF-8', { cause: error });
  }
  if (text.includes('\u0000')) throw new CliError('input', 'expected text, found binary content (NUL bytes)');
  return text;
}

const optionalFields = ['title', 'source', 'url', 'publishedAt'] as const;

function describeJsonType(value: unknown): string {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Checks that a parsed JSON value is an article `{ text, title?, source?, url?, publishedAt? }` and returns
 * exactly those fields. Unknown fields (like a JSONL `id`) are left out.
 *
 * @example
 * toArticleInput({ text: '“Yes,” she said.', source: 'AP' }); // { text: '“Yes,” she said.', source: 'AP' }
 */
export function toArticleInput(value: unknown, format: ArticleInput['format'] = 'auto'): ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('input', `expected a JSON object with a string "text", found ${describeJsonType(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') {
    throw new CliError('input', `expected "text" to be a string, found ${describeJsonType(record.text)}`);
  }
  const article: { -readonly [K in keyof ArticleInput]: ArticleInput[K] } = { text: record.text, format };
  for (const field of optionalFields) {
    const fieldValue = record[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string') {
      throw new CliError('input', `expected "${field}" to be a string, found ${describeJsonType(fieldValue)}`);
    }
    article[field] = fieldValue;
  }
  if (article.publishedAt !== undefined && Number.isNaN(Date.parse(article.publishedAt))) {
    throw new CliError('input', 'expected "publishedAt" to be an ISO 8601 date, found a string that is not a date');
  }
  return article;
}

/**
 * Parses JSON text, turning the parser's message into an input error.
 *
 * @example
 * parseJson('{"text":"x"}'); // { text: 'x' }
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError('input', 'expected JSON, found text that is not valid JSON', { cause: error });
  }
}

/**
 * The articles one whole-file input holds: a `.txt` or `.html` file is one article; a `.json` file is one article
 * object or an array of them.
 *
 * @example
 * articlesOfDocument('“Now,” he said.', 'txt'); // [{ text: '“Now,” he said.', format: 'text' }]
 */
export function articlesOfDocument(text: string, format: Exclude<InputFormat, 'jsonl'>): ArticleInput[] {
  if (format === 'txt') return [{ text, format: 'text' }];
  if (format === 'html') return [{ text, format: 'html' }];
  const value = parseJson(text);
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => toArticleInput(item));
}

/** One line of a JSONL input: `{"id", "text", …}`. */
export interface ArticleRecord {
  /** The caller's id, echoed on the output line; null when the line has none (or is not even JSON). */
  readonly id: string | number | null;
  readonly article: ArticleInput;
}

/** The `id` of a parsed JSONL line, if it has a usable one. */
export function idOfRecord(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
