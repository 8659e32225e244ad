import { describeType, NewstoneError } from '../internal/errors.js';
import type { Span } from '../model/analysis.js';
import type { GoldArticle, GoldQuote, PredictedArticle, PredictedQuote } from './score-quotes.js';

/**
 * Checks evaluation input as it comes from JSON: gold articles in the PolNeAR format and prediction lines. Errors
 * say which field of which quote is wrong, never echoing the text.
 */

type Fields = Record<string, unknown>;

function fail(message: string): never {
  throw new NewstoneError('invalid-input', message);
}

function objectOf(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`expected ${what} to be an object, found ${describeType(value)}`);
  return value as Fields;
}

function idOf(record: Fields): string | number {
  const { id } = record;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  return fail(`expected "id" to be a string or a number, found ${describeType(id)}`);
}

function listOf(record: Fields, field: string, where: string): unknown[] {
  const value = record[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`expected ${where}"${field}" to be an array, found ${describeType(value)}`);
  return value;
}

function optionalString(record: Fields, field: string, where: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`expected ${where}"${field}" to be a string, found ${describeType(value)}`);
  return value;
}

function stringList(record: Fields, field: string, where: string): string[] | undefined {
  if (record[field] === undefined || record[field] === null) return undefined;
  const list = listOf(record, field, where);
  if (!list.every((item) => typeof item === 'string')) fail(`expected ${where}"${field}" to be an array of strings`);
  return list as string[];
}

/** A `{start, end}` inside a text of `length` characters. */
function spanOf(record: Fields, where: string, length: number): Span {
  const { start, end } = record;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    fail(`expected ${where}"start" and "end" to be integers, found ${describeType(start)} and ${describeType(end)}`);
  }
  const span = { start: start as number, end: end as number };
  if (span.start < 0 || span.end < span.start || span.end > length) {
    fail(`expected ${where}offsets within the text (0 ≤ start ≤ end ≤ ${length}), found start ${span.start} and end ${span.end}`);
  }
  return span;
}

function checkQuotedText(record: Fields, span: Span, text: string, where: string): string | undefined {
  const quoted = optionalString(record, 'text', where);
  if (quoted !== undefined && quoted !== text.slice(span.start, span.end)) {
    fail(`expected ${where}"text" to equal the article text from "start" to "end", found other words`);
  }
  return quoted;
}

/**
 * Checks one gold article `{id, text, quotes, unattributed?}` (the PolNeAR format; other fields are left out) and
 * returns it typed. Every quote needs offsets within the text; its `text`, when given, must be the text at them.
 *
 * @example
 * parseGoldArticle({ id: 'a', text: '“Yes,” she said.', quotes: [{ start: 1, end: 5, speaker: 'she', speakerType: 'pronoun' }] });
 */
export function parseGoldArticle(value: unknown): GoldArticle {
  const record = objectOf(value, 'a gold article');
  const id = idOf(record);
  const { text } = record;
  if (typeof text !== 'string') fail(`expected "text" to be a string, found ${describeType(text)}`);
  const quotes = listOf(record, 'quotes', '').map((item, index): GoldQuote => {
    const where = `quote ${index + 1} `;
    const quote = objectOf(item, `quote ${index + 1}`);
    const span = spanOf(quote, where, text.length);
    const { speaker, mixed } = quote;
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
      fail(`expected ${where}"speaker" to be a string or null, found ${describeType(speaker)}`);
    }
    if (mixed !== undefined && mixed !== null && typeof mixed !== 'boolean') fail(`expected ${where}"mixed" to be true or false, found ${describeType(mixed)}`);
    return {
      ...span,
      text: checkQuotedText(quote, span, text, where),
      kind: optionalString(quote, 'kind', where),
      speaker: (speaker as string | null | undefined) ?? null,
      speakerType: optionalString(quote, 'speakerType', where),
      speakerMentions: stringList(quote, 'speakerMentions', where),
      speakerCoref: stringList(quote, 'speakerCoref', where),
      mixed: mixed === true,
    };
  });
  const unattributed = listOf(record, 'unattributed', '').map((item, index) => {
    const where = `unattributed segment ${index + 1} `;
    const segment = objectOf(item, `unattributed segment ${index + 1}`);
    const span = spanOf(segment, where, text.length);
    checkQuotedText(segment, span, text, where);
    return span;
  });
  return { id, text, quotes, unattributed };
}

/**
 * Checks one prediction line `{id, quotes: [{start, end, text?, speaker}]}` (a quote may give its `text` instead of
 * offsets). With the article's `text`, offsets must lie within it.
 *
 * @example
 * parsePredictedArticle({ id: 'a', quotes: [{ start: 1, end: 5, speaker: 'Jane Doe' }] }, '“Yes,” she said.');
 */
export function parsePredictedArticle(value: unknown, text?: string): PredictedArticle {
  const record = objectOf(value, 'a prediction line');
  const id = idOf(record);
  const quotes = listOf(record, 'quotes', '').map((item, index): PredictedQuote => {
    const where = `quote ${index + 1} `;
    const quote = objectOf(item, `quote ${index + 1}`);
    const { speaker } = quote;
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
      fail(`expected ${where}"speaker" to be a string or null, found ${describeType(speaker)}`);
    }
    const quoted = optionalString(quote, 'text', where);
    const hasOffsets = quote.start !== undefined && quote.start !== null && quote.end !== undefined && quote.end !== null;
    if (!hasOffsets && quoted === undefined) fail(`expected ${where}to have "start" and "end", or a "text", found neither`);
    const span = hasOffsets ? spanOf(quote, where, text?.length ?? Number.MAX_SAFE_INTEGER) : undefined;
    return { ...span, text: quoted, speaker: (speaker as string | null | undefined) ?? null };
  });
  return { id, quotes };
}
