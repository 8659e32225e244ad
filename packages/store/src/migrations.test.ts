import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { createTestLocation, testDatabaseUrl, testEngines } from './test-support/engines.js';
import { makeAnalysis } from './test-support/analyses.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What each later migration added, undone (newest first): the migrations have no `down`. */
const undo: readonly [string, readonly string[]][] = [
  ['0011-text-search', ['drop trigger quotes_text_insert', 'drop trigger quotes_text_delete', 'drop trigger quotes_text_update', 'drop table quotes_text']],
  [
    '0010-filtered-pages-in-every-sort',
    [
      ...['speaker', 'country', 'source'].map((name) => `drop index quotes_${name}_oldest`),
      'drop index quotes_source_score',
      'create index quotes_score_desc on quotes (sentiment_score desc, article_id, ordinal)',
      'drop index stances_target_oldest',
      'drop index stances_target_score',
    ],
  ],
  ['0009-target-pages', ['drop index stances_target_newest']],
  [
    '0008-quote-sort-indexes',
    [
      'drop index quotes_oldest',
      'drop index quotes_score',
      'drop index quotes_score_desc',
      'drop index quotes_speaker_tone',
      'create index quotes_speaker_tone on quotes (speaker_id, sentiment_score, sentiment_label)',
      'drop index quotes_country_tone',
      'create index quotes_country_tone on quotes (speaker_country, sentiment_score, sentiment_label)',
    ],
  ],
  [
    '0007-filtered-pages-and-tone-totals',
    [
      'drop table tone_totals',
      'drop index stances_target_quote',
      'create index stances_target_country on stances (target_country)',
      'drop index quotes_source_newest',
      'alter table quotes drop column source',
      'drop index quotes_country_newest',
      'drop index quotes_speaker_newest',
      'create index quotes_country_page on quotes (speaker_country, article_id, ordinal)',
      'create index quotes_speaker_page on quotes (speaker_id, article_id, ordinal)',
    ],
  ],
  ['0005-speaker-merges', ['alter table speakers drop column merges_json']],
];

/** A store file as migration `version` left it, holding the articles (written by today's code, then rolled back). */
async function storeAt(version: string, ...analyses: ReturnType<typeof makeAnalysis>[]): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'newstone-migrate-'));
  folders.push(folder);
  const filename = join(folder, 'old.sqlite');
  const store = await createStore({ engine: 'sqlite', filename });
  await store.ingestMany(analyses);
  await store.close();
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(filename) }) });
  await sql`delete from kysely_migration where name > ${version}`.execute(db);
  for (const [name, statements] of undo) {
    if (name <= version) continue;
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
  await db.destroy();
  return filename;
}

describe('migration 0005-speaker-merges', () => {
  it.each([
    ['the merges an article recorded', [{ alias: 'Zakharova', into: 'Maria Zakharova', reason: 'surname-only reference (Zakharova)' }]],
    ['nothing when the article merged nothing', []],
  ])('fills a stored speaker with %s', async (_name, merges) => {
    const base = makeAnalysis({ quotes: [{ text: 'Talks go on', speaker: { name: 'Maria Zakharova', country: 'RU' }, score: 0 }] });
    const analysis = { ...base, speakers: base.speakers.map((speaker) => ({ ...speaker, merges })) };
    const filename = await storeAt('0004-article-source', analysis);
    const store = await createStore({ engine: 'sqlite', filename });
    try {
      const [speaker] = (await store.listSpeakers({ q: 'zakharova' })).items;
      expect((await store.getSpeaker(speaker?.id ?? ''))?.merges).toEqual(merges);
    } finally {
      await store.close();
    }
  });
});

describe('migration 0007-filtered-pages-and-tone-totals', () => {
  const first = makeAnalysis({
    source: 'Wire Service',
    publishedAt: '2025-03-01',
    quotes: [
      { text: 'Talks go on', speaker: { name: 'Maria Zakharova', country: 'RU' }, score: -1.5, stance: [{ target: 'Kyiv', targetCountry: 'UA', polarity: 'against', score: -0.4 }] },
      { text: 'We are ready', speaker: { name: 'Andrii Sybiha', country: 'UA' }, score: 2 },
    ],
  });
  const second = makeAnalysis({ salt: 'later', source: 'Daily', publishedAt: '2025-03-02', quotes: [{ text: 'Still ready', speaker: { name: 'Andrii Sybiha', country: 'UA' }, score: 1 }] });

  it('fills the tone totals and the quotes’ source from the stored rows', async () => {
    const migrated = await createStore({ engine: 'sqlite', filename: await storeAt('0006-code-point-order', first, second) });
    const fresh = await createStore({ engine: 'sqlite', filename: join(folders[0] ?? tmpdir(), 'fresh.sqlite') });
    try {
      await fresh.ingestMany([first, second]);
      for (const by of ['speaker', 'country', 'target', 'day'] as const) expect(await migrated.tone(by), by).toEqual(await fresh.tone(by));
      expect(await migrated.stanceMatrix()).toEqual(await fresh.stanceMatrix());
      expect(await migrated.stats()).toEqual({ articles: 2, quotes: 3, speakers: 2 });
      expect((await migrated.listQuotes({ source: 'Daily' })).items.map((quote) => quote.text)).toEqual(['Still ready']);
    } finally {
      await migrated.close();
      await fresh.close();
    }
  });
});

describe('migration 0010-filtered-pages-in-every-sort', () => {
  const quotes = [
    { text: 'Talks go on', speaker: { name: 'Maria Zakharova', country: 'RU' }, score: -1.5, stance: [{ target: 'Kyiv', targetCountry: 'UA', polarity: 'against' as const, score: -0.4 }] },
    { text: 'We are ready', speaker: { name: 'Maria Zakharova', country: 'RU' }, score: 2, stance: [{ target: 'Kyiv', targetCountry: 'UA', polarity: 'favor' as const, score: 0.3 }] },
  ];
  const articles = [
    makeAnalysis({ salt: 'first', source: 'Wire Service', publishedAt: '2025-03-02', quotes }),
    makeAnalysis({ salt: 'second', source: 'Wire Service', publishedAt: '2025-03-01', quotes }),
    makeAnalysis({ salt: 'undated', source: 'Wire Service', publishedAt: null, quotes }),
  ];

  it.each([
    ['country', { country: 'RU' }],
    ['source', { source: 'Wire Service' }],
    ['target', { target: 'UA' }],
  ] as const)('pages a stored store by %s in every sort as a fresh one does', async (_name, filter) => {
    const migrated = await createStore({ engine: 'sqlite', filename: await storeAt('0009-target-pages', ...articles) });
    const fresh = await createStore({ engine: 'sqlite', filename: join(folders[0] ?? tmpdir(), 'fresh.sqlite') });
    try {
      await fresh.ingestMany(articles);
      for (const sort of ['newest', 'oldest', 'score', '-score'] as const) {
        const texts = async (store: typeof fresh) => (await store.listQuotes(filter, { sort })).items.map((quote) => `${quote.publishedDay} ${quote.text}`);
        expect(await texts(migrated), sort).toEqual(await texts(fresh));
      }
      expect((await migrated.listQuotes(filter, { sort: 'oldest', limit: 1 })).items[0]).toMatchObject({ publishedDay: '2025-03-01', text: 'Talks go on' });
    } finally {
      await migrated.close();
      await fresh.close();
    }
  });
});

describe.each(testEngines)('migration 0011-text-search on %s', (engine) => {
  const analysis = makeAnalysis({
    quotes: [
      { text: 'Talks resumed in Reykjavik', speaker: { name: 'Maria Zakharova', country: 'RU' } },
      { text: 'Nothing was agreed', speaker: { name: 'Maria Zakharova', country: 'RU' } },
    ],
  });

  it('indexes the quotes stored before it, and the search finds them', async () => {
    const location = createTestLocation(engine);
    const config = location.config;
    const before = await createStore(config);
    await before.ingest(analysis);
    await before.close();
    // Back to the schema of 0010, the quotes still there.
    if (config.engine === 'sqlite') {
      const filename = join(config.dataDir as string, 'newstone.sqlite');
      const db = new BetterSqlite3(filename);
      db.exec("delete from kysely_migration where name = '0011-text-search'");
      for (const statement of undo[0]?.[1] ?? []) db.exec(statement);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`set search_path = "${config.schema}"`);
      await client.query("delete from kysely_migration where name = '0011-text-search'");
      await client.query('drop index quotes_text_trgm');
      await client.end();
    }
    const store = await createStore(config);
    try {
      expect((await store.listQuotes({ q: 'KJAV' })).items.map((quote) => quote.text)).toEqual(['Talks resumed in Reykjavik']);
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
      if (config.engine === 'sqlite') {
        const db = new BetterSqlite3(join(config.dataDir as string, 'newstone.sqlite'), { readonly: true });
        expect(db.prepare(`select count(*) as n from quotes_text where quotes_text match '"eed"'`).get()).toEqual({ n: 1 });
        db.close();
      } else {
        const client = new pg.Client({ connectionString: testDatabaseUrl });
        await client.connect();
        const { rows } = await client.query(`select indexdef from pg_indexes where schemaname = $1 and indexname = 'quotes_text_trgm'`, [config.schema]);
        await client.end();
        expect(rows).toEqual([{ indexdef: expect.stringMatching(/USING gin \(text (\w+\.)?gin_trgm_ops\)$/) }]);
      }
    } finally {
      await store.close();
      await location.dispose();
    }
  });
});
