import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { StoreError } from '../errors.js';
import type { Database } from '../schema.js';
import type { QuoteFilter } from '../types.js';

const day = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the filter values the SQL relies on (dates, text without NUL), with the field named. */
export function checkFilter(filter: QuoteFilter): void {
  // SQLite's LIKE and FTS5 read a pattern only up to a NUL, and PostgreSQL rejects one in text.
  if (filter.q?.includes('\u0000')) throw new StoreError('invalid-input', 'q: expected text without NUL characters');
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && (!day.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new StoreError('invalid-input', `${field}: expected a date as YYYY-MM-DD`);
    }
  }
}

/** A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive "contains" that reads the same on both engines (`escape` is needed by SQLite). Case folds as each
 * engine's LIKE does: SQLite's A–Z only, PostgreSQL's ILIKE every letter its locale knows.
 */
export function contains(column: Expression<unknown>, text: string, engine: 'sqlite' | 'postgres'): Expression<SqlBool> {
  return engine === 'postgres'
    ? sql<SqlBool>`${column} ilike ${containsPattern(text)} escape '\\'`
    : sql<SqlBool>`${column} like ${containsPattern(text)} escape '\\'`;
}

/**
 * The quote's text as a text search compares it. PostgreSQL's pg_trgm index finds nothing to look up for a pattern
 * without three letters or digits in a row (`ik`, `%`, `"no"`): its planner still picks the index then, and reads all
 * of it (3.4 s at a million quotes for `ik`). `text || ''` is the same text, but no index's column, so such a search
 * reads quotes in page order, as it did before the index.
 */
function quoteText(eb: ExpressionBuilder<Database, 'quotes'>, q: string, engine: 'sqlite' | 'postgres'): Expression<unknown> {
  return engine === 'postgres' && !/[\p{L}\p{N}]{3}/u.test(q) ? sql`(${eb.ref('quotes.text')} || '')` : eb.ref('quotes.text');
}

/** True when a filter selects every quote (an empty text search filters nothing). */
export function isUnfiltered(filter: QuoteFilter): boolean {
  const { q, ...fields } = filter;
  return (q === undefined || q === '') && Object.values(fields).every((value) => value === undefined);
}

/** The conditions of a quote filter, over the `quotes` table. */
export function quoteConditions(
  eb: ExpressionBuilder<Database, 'quotes'>,
  filter: QuoteFilter,
  engine: 'sqlite' | 'postgres',
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.speaker !== undefined) conditions.push(eb('quotes.speaker_id', '=', filter.speaker));
  if (filter.country !== undefined) conditions.push(eb('quotes.speaker_country', '=', filter.country));
  if (filter.article !== undefined) conditions.push(eb('quotes.article_id', '=', filter.article));
  if (filter.source !== undefined) conditions.push(eb('quotes.source', '=', filter.source));
  if (filter.from !== undefined) conditions.push(eb('quotes.published_day', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('quotes.published_day', '<=', filter.to));
  if (filter.q !== undefined && filter.q !== '') conditions.push(contains(quoteText(eb, filter.q, engine), filter.q, engine));
  if (filter.target !== undefined) {
    const target = filter.target;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('stances')
          .select(sql`1`.as('one'))
          .whereRef('stances.article_id', '=', 'quotes.article_id')
          .whereRef('stances.quote_ordinal', '=', 'quotes.ordinal')
          .where('stances.target_country', '=', target),
      ),
    );
  }
  return conditions;
}

/** The same filter over the `stances` table (which carries the quote's speaker, country and day). */
export function stanceConditions(
  eb: ExpressionBuilder<Database, 'stances'>,
  filter: QuoteFilter,
  engine: 'sqlite' | 'postgres',
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.speaker !== undefined) conditions.push(eb('stances.speaker_id', '=', filter.speaker));
  if (filter.country !== undefined) conditions.push(eb('stances.speaker_country', '=', filter.country));
  if (filter.article !== undefined) conditions.push(eb('stances.article_id', '=', filter.article));
  if (filter.source !== undefined) {
    const source = filter.source;
    conditions.push(eb.exists(eb.selectFrom('articles').select(sql`1`.as('one')).whereRef('articles.id', '=', 'stances.article_id').where('articles.source', '=', source)));
  }
  if (filter.from !== undefined) conditions.push(eb('stances.published_day', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('stances.published_day', '<=', filter.to));
  if (filter.target !== undefined) conditions.push(eb('stances.target_country', '=', filter.target));
  if (filter.q !== undefined && filter.q !== '') {
    const q = filter.q;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('quotes')
          .select(sql`1`.as('one'))
          .whereRef('quotes.article_id', '=', 'stances.article_id')
          .whereRef('quotes.ordinal', '=', 'stances.quote_ordinal')
          .where((inner) => contains(inner.ref('quotes.text'), q, engine)),
      ),
    );
  }
  return conditions;
}
