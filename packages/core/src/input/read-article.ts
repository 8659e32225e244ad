import type { ArticleInput } from '../model/analysis.js';
import { describeType, NewstoneError } from '../internal/errors.js';
import { extractHtmlText } from './extract-html-text.js';

/** The article as the pipeline reads it: plain text (extracted when the input was HTML) and its metadata. */
export interface Article {
  readonly text: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly format: 'text' | 'html';
}

const BLOCK_TAG = /<\/?(?:html|body|p|div|article|h[1-6]|br)\b[^>]*>/gi;

/** HTML sniffing: a doctype, or at least two block or body tags (the search stops at the second). */
function looksLikeHtml(text: string): boolean {
  if (/^\s*<!doctype html/i.test(text)) return true;
  BLOCK_TAG.lastIndex = 0;
  return BLOCK_TAG.exec(text) !== null && BLOCK_TAG.exec(text) !== null;
}

const optionalString = (value: Record<string, unknown>, key: string): string | undefined => {
  const field = value[key];
  if (field === undefined || field === null) return undefined;
  if (typeof field !== 'string') throw new NewstoneError('invalid-input', `article field "${key}" must be a string when present, found ${describeType(field)}`);
  return field;
};

/**
 * Checks a JSON value is an article input: `{ text, title?, source?, url?, publishedAt?, format? }`.
 *
 * @example
 * parseArticleInput(JSON.parse('{"text":"“Yes,” he said."}')); // { text: '“Yes,” he said.' }
 */
export function parseArticleInput(value: unknown): ArticleInput {
  if (typeof value === 'string') return { text: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewstoneError('invalid-input', `an article must be a string or an object with a "text" string, found ${describeType(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (typeof record['text'] !== 'string') {
    throw new NewstoneError('invalid-input', `article field "text" must be a string, found ${describeType(record['text'])}`);
  }
  const format = optionalString(record, 'format');
  if (format !== undefined && format !== 'text' && format !== 'html' && format !== 'auto') {
    throw new NewstoneError('invalid-input', 'article field "format" must be "text", "html" or "auto"');
  }
  return {
    text: record['text'],
    title: optionalString(record, 'title'),
    source: optionalString(record, 'source'),
    url: optionalString(record, 'url'),
    publishedAt: optionalString(record, 'publishedAt'),
    format,
  };
}

/**
 * Reads an input into the text every offset points into: the caller's text as it is, or the text extracted from
 * HTML when the input is (or sniffs as) HTML.
 *
 * @example
 * readArticle({ text: '<p>“Yes,” he said.</p><p>Then he left.</p>' }).text; // '“Yes,” he said.\n\nThen he left.'
 */
export function readArticle(input: ArticleInput | string): Article {
  const article = parseArticleInput(input);
  const isHtml = article.format === 'html' || ((article.format ?? 'auto') === 'auto' && looksLikeHtml(article.text));
  const meta = { source: article.source ?? null, url: article.url ?? null, publishedAt: article.publishedAt ?? null };
  if (!isHtml) return { text: article.text, title: article.title ?? null, format: 'text', ...meta };
  const extracted = extractHtmlText(article.text);
  return { text: extracted.text, title: article.title ?? extracted.title, format: 'html', ...meta };
}
