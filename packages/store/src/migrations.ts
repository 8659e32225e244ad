import type { SpeakerMerge } from '@newstone/core';
import { type Kysely, sql } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { surnameKey } from './internal/resolve-speakers.js';
import { recountToneTotals } from './internal/tone-totals.js';

/** True when the store holds any quote. */
async function hasQuotes(db: Kysely<unknown>): Promise<boolean> {
  return (await sql`select 1 from quotes limit 1`.execute(db)).rows.length > 0;
}

/**
 * PostgreSQL: the schema that holds the pg_trgm extension, created in `public` when the database has none (one
 * extension serves every schema of a database, so it must not live in a store's own schema, which a test or a user
 * may drop). Null, with a warning, when it cannot be created: the package is not installed, or the role may not.
 */
async function trigramSchema(db: Kysely<unknown>): Promise<string | null> {
  const installed = async () =>
    (await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema ?? null;
  const found = await installed();
  if (found !== null) return found;
  // In a savepoint: the migration's transaction goes on whether or not this works.
  await sql`savepoint create_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint create_pg_trgm`.execute(db);
  } catch (error) {
    await sql`rollback to savepoint create_pg_trgm`.execute(db);
    // Another store's migration may have created it at the same moment (a unique violation here): then it exists.
    const raced = await installed();
    if (raced !== null) return raced;
    const code = (error as { code?: string }).code ?? 'unknown';
    console.warn(`store: the pg_trgm extension could not be created (${code}): text search (q) reads quotes without an index; see the store README`);
    return null;
  }
  return installed();
}

/** The engines a migration may need to tell apart (column types differ slightly). */
export type Engine = 'sqlite' | 'postgres';

/**
 * Schema migrations, in code and in order. Never edit a released one: add the next.
 *
 * @example
 * new Migrator({ db, provider: createMigrationProvider('sqlite') });
 */
export function createMigrationProvider(engine: Engine): MigrationProvider {
  const double = engine === 'postgres' ? sql`double precision` : sql`real`;
  const migrations: Record<string, Migration> = {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('articles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text')
          .addColumn('source', 'text')
          .addColumn('url', 'text')
          .addColumn('published_at', 'text')
          .addColumn('published_day', 'text')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('pipeline_version', 'text', (c) => c.notNull())
          .addColumn('quote_count', 'integer', (c) => c.notNull())
          .addColumn('analysis_json', 'text', (c) => c.notNull())
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('articles_pipeline_version').on('articles').column('pipeline_version').execute();
        await db.schema.createIndex('articles_published_day').on('articles').columns(['published_day', 'id']).execute();

        await db.schema
          .createTable('speakers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('identity', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('organization', 'text')
          .addColumn('country', 'text')
          .addColumn('country_json', 'text')
          .addColumn('aliases_json', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('speakers_country').on('speakers').column('country').execute();
        await db.schema.createIndex('speakers_name').on('speakers').columns(['name', 'id']).execute();

        await db.schema
          .createTable('quotes')
          .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('ordinal', 'integer', (c) => c.notNull())
          .addColumn('quote_id', 'text', (c) => c.notNull())
          .addColumn('start_offset', 'integer', (c) => c.notNull())
          .addColumn('end_offset', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('speaker_id', 'text', (c) => c.references('speakers.id'))
          .addColumn('speaker_country', 'text')
          .addColumn('cue_json', 'text')
          .addColumn('evidence_json', 'text', (c) => c.notNull())
          .addColumn('sentiment_score', double, (c) => c.notNull())
          .addColumn('sentiment_label', 'text', (c) => c.notNull())
          .addColumn('sentiment_json', 'text', (c) => c.notNull())
          .addColumn('published_day', 'text')
          .addPrimaryKeyConstraint('quotes_pk', ['article_id', 'ordinal'])
          .execute();
        await db.schema.createIndex('quotes_speaker').on('quotes').columns(['speaker_id', 'sentiment_score']).execute();
        await db.schema.createIndex('quotes_speaker_country').on('quotes').column('speaker_country').execute();
        await db.schema.createIndex('quotes_published_day').on('quotes').column('published_day').execute();

        await db.schema
          .createTable('stances')
          .addColumn('article_id', 'text', (c) => c.notNull())
          .addColumn('quote_ordinal', 'integer', (c) => c.notNull())
          .addColumn('ordinal', 'integer', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('target_country', 'text')
          .addColumn('polarity', 'text', (c) => c.notNull())
          .addColumn('score', double, (c) => c.notNull())
          .addColumn('evidence_json', 'text', (c) => c.notNull())
          .addColumn('rule', 'text', (c) => c.notNull())
          .addColumn('inferred', 'integer', (c) => c.notNull())
          .addColumn('speaker_id', 'text')
          .addColumn('speaker_country', 'text')
          .addColumn('sentiment_score', double, (c) => c.notNull())
          .addColumn('sentiment_label', 'text', (c) => c.notNull())
          .addColumn('published_day', 'text')
          .addPrimaryKeyConstraint('stances_pk', ['article_id', 'quote_ordinal', 'ordinal'])
          .addForeignKeyConstraint('stances_quote_fk', ['article_id', 'quote_ordinal'], 'quotes', ['article_id', 'ordinal'], (c) =>
            c.onDelete('cascade'),
          )
          .execute();
        await db.schema.createIndex('stances_target_country').on('stances').column('target_country').execute();
        await db.schema.createIndex('stances_matrix').on('stances').columns(['speaker_country', 'target_country']).execute();
        await db.schema.createIndex('stances_speaker').on('stances').column('speaker_id').execute();
      },
    },
    '0002-aggregate-cache-and-covering-indexes': {
      async up(db: Kysely<unknown>) {
        // One row whose generation every write transaction bumps: readers key cached aggregates on it, so a
        // commit by any process (CLI ingest, another API instance) makes them recompute.
        await db.schema
          .createTable('store_meta')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('generation', 'bigint', (c) => c.notNull())
          .execute();
        await sql`insert into store_meta (id, generation) values (1, 0)`.execute(db);
        // Covering indexes: tone by speaker / country reads only the index, never the quote rows.
        await db.schema.dropIndex('quotes_speaker').execute();
        await db.schema.createIndex('quotes_speaker_tone').on('quotes').columns(['speaker_id', 'sentiment_score', 'sentiment_label']).execute();
        await db.schema.dropIndex('quotes_speaker_country').execute();
        await db.schema.createIndex('quotes_country_tone').on('quotes').columns(['speaker_country', 'sentiment_score', 'sentiment_label']).execute();
        // Quote pages filtered by speaker or country read in page order and stop at the page end.
        await db.schema.createIndex('quotes_speaker_page').on('quotes').columns(['speaker_id', 'article_id', 'ordinal']).execute();
        await db.schema.createIndex('quotes_country_page').on('quotes').columns(['speaker_country', 'article_id', 'ordinal']).execute();
      },
    },
    '0003-speaker-surnames': {
      async up(db: Kysely<unknown>) {
        // People are looked up by surname when a new article names them, to merge "Lavrov" with "Sergei Lavrov".
        await db.schema.alterTable('speakers').addColumn('surname', 'text').execute();
        const people = await sql<{ id: string; name: string; kind: string }>`select id, name, kind from speakers`.execute(db);
        for (const row of people.rows) {
          await sql`update speakers set surname = ${surnameKey(row.name, row.kind)} where id = ${row.id}`.execute(db);
        }
        await db.schema.createIndex('speakers_surname').on('speakers').column('surname').execute();
      },
    },
    '0004-article-source': {
      async up(db: Kysely<unknown>) {
        // The source filter and the list of sources read this index, never the article rows.
        await db.schema.createIndex('articles_source').on('articles').columns(['source', 'id']).execute();
        // Quote lists are newest first by default: this index holds that order (same expression as the query's), so a
        // page reads its rows in order and stops, instead of sorting every quote.
        await db.schema.createIndex('quotes_newest').on('quotes').expression(sql`coalesce(published_day, '') desc, article_id, ordinal`).execute();
      },
    },
    '0005-speaker-merges': {
      async up(db: Kysely<unknown>) {
        // Why each alias was merged into the speaker (core's merge records), shown on the speaker page.
        await db.schema.alterTable('speakers').addColumn('merges_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
        // Stored articles keep the merges they made (in analysis_json, with store-wide speaker ids): bring those in,
        // a slice of articles at a time. Merges across articles were not recorded before; the next ingest adds them.
        const merges = new Map<string, Map<string, SpeakerMerge>>();
        for (let after = ''; ; ) {
          const slice = await sql<{ id: string; analysis_json: string }>`select id, analysis_json from articles where id > ${after} order by id limit 500`.execute(db);
          for (const row of slice.rows) {
            const speakers = (JSON.parse(row.analysis_json) as { speakers?: { id: string; merges?: SpeakerMerge[] }[] }).speakers ?? [];
            for (const speaker of speakers) {
              const known = merges.get(speaker.id) ?? new Map<string, SpeakerMerge>();
              for (const merge of speaker.merges ?? []) known.set(`${merge.alias}\u0000${merge.into}\u0000${merge.reason}`, merge);
              if (known.size > 0) merges.set(speaker.id, known);
            }
          }
          const last = slice.rows.at(-1);
          if (!last) break;
          after = last.id;
        }
        for (const [id, known] of merges) {
          await sql`update speakers set merges_json = ${JSON.stringify([...known.values()])} where id = ${id}`.execute(db);
        }
      },
    },
    '0006-code-point-order': {
      async up(db: Kysely<unknown>) {
        // Sources and speaker names are listed in code-point order on both engines (SQLite's own order). PostgreSQL
        // compares them with "C" collation, which an index in the column's collation cannot serve: index that order.
        if (engine !== 'postgres') return;
        await sql`create index articles_source_c on articles (source collate "C", id)`.execute(db);
        await sql`create index speakers_name_c on speakers (name collate "C", id)`.execute(db);
      },
    },
    '0007-filtered-pages-and-tone-totals': {
      async up(db: Kysely<unknown>) {
        // A filtered quote page reads an index that starts with the filter and goes on in the page's order (newest
        // first: the same expression as the query's sort key), so it stops at the page end instead of sorting every
        // match. The older (filter, article, ordinal) indexes matched no sort.
        await db.schema.dropIndex('quotes_speaker_page').execute();
        await db.schema.dropIndex('quotes_country_page').execute();
        const newest = sql`coalesce(published_day, '') desc, article_id, ordinal`;
        await sql`create index quotes_speaker_newest on quotes (speaker_id, ${newest})`.execute(db);
        await sql`create index quotes_country_newest on quotes (speaker_country, ${newest})`.execute(db);
        // The source filter was a lookup of each quote's article: the quote now carries its article's source.
        await db.schema.alterTable('quotes').addColumn('source', 'text').execute();
        await sql`update quotes set source = (select articles.source from articles where articles.id = quotes.article_id)`.execute(db);
        await sql`create index quotes_source_newest on quotes (source, ${newest})`.execute(db);
        // The target filter asks, quote by quote, for a stance row toward the target: with the target alone indexed,
        // SQLite read every stance row toward it for each quote; this index answers the whole question in one seek.
        await db.schema.dropIndex('stances_target_country').execute();
        await db.schema.createIndex('stances_target_quote').on('stances').columns(['target_country', 'article_id', 'quote_ordinal']).execute();
        // Unfiltered aggregates read per-group sums kept by every write, not every quote.
        await db.schema
          .createTable('tone_totals')
          .addColumn('grouping', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('count', 'bigint', (c) => c.notNull())
          .addColumn('sum', double, (c) => c.notNull())
          .addColumn('sum_of_squares', double, (c) => c.notNull())
          .addColumn('positive', 'bigint', (c) => c.notNull())
          .addColumn('neutral', 'bigint', (c) => c.notNull())
          .addColumn('negative', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('tone_totals_pk', ['grouping', 'key', 'target'])
          .execute();
        await recountToneTotals(db);
      },
    },
    '0008-quote-sort-indexes': {
      async up(db: Kysely<unknown>) {
        // The other quote sorts read an index in their order too (same expressions as the queries' sort keys), so an
        // unfiltered page, or one whose filter matches many quotes, stops at the page end instead of sorting them all.
        await sql`create index quotes_oldest on quotes (coalesce(published_day, '~'), article_id, ordinal)`.execute(db);
        await db.schema.createIndex('quotes_score').on('quotes').columns(['sentiment_score', 'article_id', 'ordinal']).execute();
        // Most positive first keeps ties in article order: an ascending index read backwards would reverse them.
        await sql`create index quotes_score_desc on quotes (sentiment_score desc, article_id, ordinal)`.execute(db);
        // Tone by speaker or country reads these covering indexes; with the page order's tie-breakers before the label
        // they also give a speaker's or country's quotes least positive first, ties in page order, without a sort.
        await db.schema.dropIndex('quotes_speaker_tone').execute();
        await db.schema.createIndex('quotes_speaker_tone').on('quotes').columns(['speaker_id', 'sentiment_score', 'article_id', 'ordinal', 'sentiment_label']).execute();
        await db.schema.dropIndex('quotes_country_tone').execute();
        await db.schema.createIndex('quotes_country_tone').on('quotes').columns(['speaker_country', 'sentiment_score', 'article_id', 'ordinal', 'sentiment_label']).execute();
        // PostgreSQL plans these pages well only with statistics on the new columns and index expressions; a server
        // without autovacuum would otherwise plan with none until someone runs ANALYZE. Not on empty tables: "empty"
        // statistics make it plan the foreign-key checks of the first ingests as scans of a table that then grows.
        if (engine === 'postgres' && (await hasQuotes(db))) await sql`analyze quotes, stances, tone_totals`.execute(db);
      },
    },
    '0009-target-pages': {
      async up(db: Kysely<unknown>) {
        // A page of quotes with a stance toward a target, newest first, reads the stance rows toward it in page order.
        await sql`create index stances_target_newest on stances (target_country, coalesce(published_day, '') desc, article_id, quote_ordinal)`.execute(db);
        if (engine === 'postgres' && (await hasQuotes(db))) await sql`analyze stances`.execute(db);
      },
    },
    '0010-filtered-pages-in-every-sort': {
      async up(db: Kysely<unknown>) {
        // Every filter × sort pair the API offers reads one index range in page order and stops at the page end:
        // (filter, sort key, article, ordinal), with the same sort-key expressions as the queries. Newest first had
        // these (0007, 0009); speaker and country by score read their tone indexes (0008). Without them, SQLite
        // sorted every match (`country=RU&sort=oldest`: 37,000 rows, seconds at a million quotes).
        for (const [name, column] of [['speaker', 'speaker_id'], ['country', 'speaker_country'], ['source', 'source']] as const) {
          await sql`create index ${sql.raw(`quotes_${name}_oldest`)} on quotes (${sql.ref(column)}, coalesce(published_day, '~'), article_id, ordinal)`.execute(db);
        }
        await db.schema.createIndex('quotes_source_score').on('quotes').columns(['source', 'sentiment_score', 'article_id', 'ordinal']).execute();
        // Most positive first is now the exact reverse of least positive first (ties too): the ascending indexes serve
        // it read backwards, and this one is only a cost to every ingest.
        await db.schema.dropIndex('quotes_score_desc').execute();
        // Target pages read the stance rows toward the target (they carry the quote's day and score) in page order.
        await sql`create index stances_target_oldest on stances (target_country, coalesce(published_day, '~'), article_id, quote_ordinal)`.execute(db);
        await db.schema.createIndex('stances_target_score').on('stances').columns(['target_country', 'sentiment_score', 'article_id', 'quote_ordinal']).execute();
        if (engine === 'postgres' && (await hasQuotes(db))) await sql`analyze quotes, stances`.execute(db);
      },
    },
    '0011-text-search': {
      async up(db: Kysely<unknown>) {
        // Text search (`q`, a substring anywhere in the quote, even inside a word) read quotes until a page was full:
        // a rare word read all of them. A trigram index finds the quotes that may contain it; LIKE / ILIKE still
        // decides, so the meaning is unchanged. On SQLite an FTS5 table over quotes.text (external content: it keeps
        // only the index, keyed by the quote's rowid; `detail = 'none'`: which quotes hold a trigram, not where, a
        // third of the size and less to write) that triggers keep in step with every insert, delete (article
        // deletes cascade to quotes) and text update, inside the writing transaction.
        if (engine === 'sqlite') {
          await sql`create virtual table if not exists quotes_text using fts5(text, content = 'quotes', content_rowid = 'rowid', tokenize = 'trigram', detail = 'none')`.execute(db);
          await sql`create trigger if not exists quotes_text_insert after insert on quotes begin
            insert into quotes_text (rowid, text) values (new.rowid, new.text); end`.execute(db);
          await sql`create trigger if not exists quotes_text_delete after delete on quotes begin
            insert into quotes_text (quotes_text, rowid, text) values ('delete', old.rowid, old.text); end`.execute(db);
          await sql`create trigger if not exists quotes_text_update after update of text on quotes begin
            insert into quotes_text (quotes_text, rowid, text) values ('delete', old.rowid, old.text);
            insert into quotes_text (rowid, text) values (new.rowid, new.text); end`.execute(db);
          // The quotes stored before: read from the content table.
          await sql`insert into quotes_text (quotes_text) values ('rebuild')`.execute(db);
          return;
        }
        // PostgreSQL: a pg_trgm GIN index, which the planner uses for ILIKE '%…%' when its statistics say the text is
        // rare (a common one is still read in page order). Without the extension text search works as before.
        const trigrams = await trigramSchema(db);
        if (trigrams === null) return;
        await sql`create index quotes_text_trgm on quotes using gin (text ${sql.id(trigrams, 'gin_trgm_ops')})`.execute(db);
        if (await hasQuotes(db)) await sql`analyze quotes`.execute(db);
      },
    },
  };
  return { getMigrations: async () => migrations };
}
