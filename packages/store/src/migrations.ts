import type { SpeakerMerge } from '@newstone/core';
import { type Kysely, sql } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { surnameKey } from './internal/resolve-speakers.js';

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
  };
  return { getMigrations: async () => migrations };
}
