import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { makeAnalysis } from './test-support/analyses.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A store file as migration `version` (0004 or earlier) left it, holding one article (written by today's code, then rolled back). */
async function storeAt(version: string, analysis: ReturnType<typeof makeAnalysis>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'newstone-migrate-'));
  folders.push(folder);
  const filename = join(folder, 'old.sqlite');
  const store = await createStore({ engine: 'sqlite', filename });
  await store.ingest(analysis);
  await store.close();
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(filename) }) });
  // The migrations have no `down`: unrecord the later ones and drop what they added, as `version` left the schema.
  await sql`delete from kysely_migration where name > ${version}`.execute(db);
  await sql`alter table speakers drop column merges_json`.execute(db);
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
