import type { ArticleInput } from '@newstone/core';

/**
 * Turns dropped or picked files into articles to post. Plain text and HTML go as they are (the pipeline sniffs
 * HTML); JSON may hold one article `{ text, title?, source?, url?, publishedAt? }`, an array of them, or
 * `{ articles: [...] }`.
 */

/** What one upload posts: the article input of the pipeline (`format` says how the service should read `text`). */
export type UploadArticle = ArticleInput;

/** A file the page cannot turn into an article, with a message that says what was expected. */
export class UploadError extends Error {
  override readonly name = 'UploadError';
}

/** File types the add-articles page takes (matched by extension, case-insensitive). */
export const acceptedExtensions = ['.txt', '.text', '.html', '.htm', '.json'] as const;

/** The file name without its extension, as a fallback title. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || name;
}

function optionalString(record: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new UploadError(`${where}: "${key}" should be a string, found ${typeof value}`);
  return value;
}

function articleFromJson(value: unknown, where: string): UploadArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UploadError(`${where}: expected an object with a "text" field, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text.trim() === '') {
    throw new UploadError(`${where}: expected a non-empty string "text" field`);
  }
  return {
    text: record.text,
    title: optionalString(record, 'title', where),
    source: optionalString(record, 'source', where),
    url: optionalString(record, 'url', where),
    publishedAt: optionalString(record, 'publishedAt', where),
    format: readFormat(optionalString(record, 'format', where), where),
  };
}

function readFormat(value: string | undefined, where: string): UploadArticle['format'] {
  if (value === undefined || value === 'text' || value === 'html' || value === 'auto') return value;
  throw new UploadError(`${where}: "format" should be text, html or auto`);
}

/**
 * The articles in one file.
 *
 * @example readUpload('talks.txt', 'He said "yes".') // [{ text: 'He said "yes".', title: 'talks', format: 'text' }]
 */
export function readUpload(fileName: string, content: string): UploadArticle[] {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (!(acceptedExtensions as readonly string[]).includes(extension)) {
    throw new UploadError(`expected a .txt, .html or .json file, found "${extension || 'no extension'}"`);
  }
  if (content.trim() === '') throw new UploadError('the file is empty');
  if (extension === '.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new UploadError('the file is not valid JSON');
    }
    const list = Array.isArray(parsed) ? parsed : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { articles?: unknown }).articles) ? (parsed as { articles: unknown[] }).articles : [parsed];
    if (list.length === 0) throw new UploadError('the JSON holds no articles');
    return list.map((item, index) => articleFromJson(item, list.length > 1 ? `article ${index + 1}` : 'the JSON'));
  }
  if (extension === '.html' || extension === '.htm') return [{ text: content, format: 'html' }];
  return [{ text: content, title: titleFromFileName(fileName), format: 'text' }];
}
