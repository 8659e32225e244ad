import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * SQLite's text search through the trigram index (`quotes_text`, FTS5, migration 0011). The index finds a superset
 * of the quotes that contain a text (it folds case beyond ASCII); LIKE still decides, so the meaning is the scan's.
 */

/** The shortest text the trigram index answers (one trigram), in code points as the tokenizer counts them. */
export const minIndexedText = 3;

/**
 * A search goes through the index when one of its trigrams is in at most this many quotes (so it has at most this
 * many candidates). Through the index a page costs a row read per candidate, then a sort; in page order about
 * `limit ÷ share of matching quotes` row reads. At a million quotes and 50 a page the two meet near 7,000.
 */
export const maxIndexedCandidates = 5000;

/** At most this many trigrams of a search are looked up (spread over it), so a long search costs a bounded look-up. */
const maxTrigramLookups = 16;

/** Each trigram's first this many quotes are read: fewer means a rare trigram; the rowid of the last, how rare. */
const sampledQuotes = 100;

/** The trigrams that look rarest from their sample are then counted, up to `maxIndexedCandidates`: this many. */
const countedTrigrams = 2;

/** An FTS5 query for `text` as one phrase: inside double quotes every character is literal, a `"` written twice. */
export function trigramPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * True when the search for `text` is better read through the trigram index: one of its trigrams is in at most
 * `maxIndexedCandidates` quotes. A search made only of common trigrams (a common word, or a rare phrase of common
 * words) would read long index lists for every candidate: it is read in page order instead, where a common text
 * fills a page at once.
 *
 * Cheap for a common word: each trigram's first `sampledQuotes` index entries come first (in rowid order: a trigram
 * in fewer quotes is rare, and the later its last sampled rowid, the rarer it is), then only the `countedTrigrams`
 * that look rarest are counted, up to the bound.
 *
 * @example
 * await isSelectiveText(db, 'reykjavik'); // true: "ykj" is in 220 of a million quotes
 * await isSelectiveText(db, 'aggression'); // false: each of its trigrams is in most quotes
 */
export async function isSelectiveText(db: Kysely<Database>, text: string): Promise<boolean> {
  const characters = [...text];
  const starts = characters.length - minIndexedText + 1;
  if (starts < 1) return false;
  const picked = new Set<string>();
  const lookups = Math.min(starts, maxTrigramLookups);
  for (let index = 0; index < lookups; index += 1) {
    const start = Math.floor((index * starts) / lookups);
    picked.add(characters.slice(start, start + minIndexedText).join(''));
  }
  // One statement per step: the rowid of each trigram's (sampledQuotes + 1)-th quote (null: in fewer quotes) …
  const trigrams = [...picked];
  const nth = (trigram: string) => sql`(select rowid from quotes_text where quotes_text match ${trigramPhrase(trigram)} limit 1 offset ${sampledQuotes})`;
  const { rows: samples } = await sql<Record<string, number | null>>`select ${sql.join(trigrams.map((trigram, index) => sql`${nth(trigram)} as ${sql.ref(`t${index}`)}`))}`.execute(db);
  const lastRowids = trigrams.map((_, index) => samples[0]?.[`t${index}`] ?? null);
  if (lastRowids.includes(null)) return true;
  // … then the quotes of the ones that look rarest, counted up to the bound.
  const rarest = trigrams
    .map((trigram, index) => ({ trigram, lastRowid: Number(lastRowids[index]) }))
    .sort((a, b) => b.lastRowid - a.lastRowid)
    .slice(0, countedTrigrams);
  const count = (trigram: string) =>
    sql`(select count(*) from (select rowid from quotes_text where quotes_text match ${trigramPhrase(trigram)} limit ${maxIndexedCandidates + 1}))`;
  const { rows: counts } = await sql<Record<string, number>>`select ${sql.join(rarest.map(({ trigram }, index) => sql`${count(trigram)} as ${sql.ref(`c${index}`)}`))}`.execute(db);
  return rarest.some((_, index) => Number(counts[0]?.[`c${index}`]) <= maxIndexedCandidates);
}

/**
 * The rowids of the quotes the index finds for `text`, as a table (`text_matches.quote_rowid`) to read the quotes
 * from: a page query starts from it (`cross join quotes`, which SQLite keeps as the join order), so no filter index
 * leads it into reading every quote of a country or source to probe the matches.
 */
export function textMatches(text: string): RawBuilder<{ quote_rowid: number }> {
  return sql<{ quote_rowid: number }>`(select rowid as quote_rowid from quotes_text where quotes_text match ${trigramPhrase(text)})`;
}
