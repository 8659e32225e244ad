import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * SQLite's text search through the trigram index (`quotes_text`, FTS5, migration 0011). The index keeps which
 * quotes hold each trigram (not where: `detail = 'none'`, a third of the size and of the write cost), so it finds the
 * quotes that hold all the search's trigrams: a superset of those that contain the text (it also folds case beyond
 * ASCII). LIKE still decides, so the meaning is the scan's.
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
const maxTrigrams = 16;

/** Each trigram's first this many quotes are read: fewer means a rare trigram; the rowid of the last, how rare. */
const sampledQuotes = 100;

/** The trigrams that look rarest from their sample are then looked up past `maxIndexedCandidates` quotes: this many. */
const checkedTrigrams = 2;

/**
 * The trigrams of `text` the index is asked about: every one for a short text, `maxTrigrams` spread over a long
 * one (the quotes holding them all are still a superset of those containing the text). Empty below three characters.
 *
 * @example
 * searchTrigrams('Reykjavik'); // ['Rey', 'eyk', 'ykj', 'kja', 'jav', 'avi', 'vik']
 */
export function searchTrigrams(text: string): string[] {
  const characters = [...text];
  const starts = characters.length - minIndexedText + 1;
  const picked = new Set<string>();
  const count = Math.min(Math.max(starts, 0), maxTrigrams);
  for (let index = 0; index < count; index += 1) {
    const start = Math.floor((index * starts) / count);
    picked.add(characters.slice(start, start + minIndexedText).join(''));
  }
  return [...picked];
}

/** An FTS5 query for the quotes holding every one of `trigrams`: each quoted (a `"` written twice), side by side. */
function allOf(trigrams: readonly string[]): string {
  return trigrams.map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' ');
}

/**
 * The trigrams to find a search's candidates by, when it is better read through the trigram index (one of its
 * `trigrams` is in at most `maxIndexedCandidates` quotes); null when it is better read in page order: a search made
 * only of common trigrams (a common word, or a rare phrase of common words), where a common text fills a page at once.
 *
 * Cheap for a common word: the rowid of each trigram's (`sampledQuotes` + 1)-th quote comes first, in one statement
 * (none: the trigram is rare; the later it is, the rarer the trigram), then only the `checkedTrigrams` that look
 * rarest are looked up past the bound, in another. The candidates are the quotes holding the rare trigrams, not all
 * of the search's: LIKE decides anyway, and each more trigram asked of the index is one more list of quotes read
 * (the common ones, most of the index) to drop few or none of the rare ones' candidates.
 *
 * @example
 * await selectiveTrigrams(db, searchTrigrams('reykjavik')); // ['ykj', 'kja']: "ykj" is in 220 of a million quotes
 * await selectiveTrigrams(db, searchTrigrams('aggression')); // null: each of its trigrams is in most quotes
 */
export async function selectiveTrigrams(db: Kysely<Database>, trigrams: readonly string[]): Promise<string[] | null> {
  if (trigrams.length === 0) return null;
  const lastRowids = await quoteAfter(db, trigrams, sampledQuotes);
  // In at most `sampledQuotes` quotes: these alone give the fewest candidates.
  const rare = trigrams.filter((_, index) => lastRowids[index] === null);
  if (rare.length > 0) return rare;
  const rarest = trigrams
    .map((trigram, index) => ({ trigram, lastRowid: Number(lastRowids[index]) }))
    .sort((a, b) => b.lastRowid - a.lastRowid)
    .slice(0, checkedTrigrams)
    .map(({ trigram }) => trigram);
  // In at most `maxIndexedCandidates` quotes: it has no quote past that many (a third cheaper than counting them).
  return (await quoteAfter(db, rarest, maxIndexedCandidates)).includes(null) ? rarest : null;
}

/**
 * For each trigram, in one statement, the rowid of the quote that follows its first `skipped` quotes holding it
 * (ascending rowids), or null when no more than `skipped` quotes hold it.
 */
async function quoteAfter(db: Kysely<Database>, trigrams: readonly string[], skipped: number): Promise<(number | null)[]> {
  const after = (trigram: string) => sql`(select rowid from quotes_text where quotes_text match ${allOf([trigram])} limit 1 offset ${skipped})`;
  const { rows } = await sql<Record<string, number | null>>`select ${sql.join(trigrams.map((trigram, index) => sql`${after(trigram)} as ${sql.ref(`t${index}`)}`))}`.execute(db);
  return trigrams.map((_, index) => rows[0]?.[`t${index}`] ?? null);
}

/**
 * The rowids of the quotes that hold all of `trigrams`, as a table (`text_matches.quote_rowid`) to read the quotes
 * from: a page query starts from it (`cross join quotes`, which SQLite keeps as the join order), so no filter index
 * leads it into reading every quote of a country or source to probe the matches.
 */
export function textMatches(trigrams: readonly string[]): RawBuilder<{ quote_rowid: number }> {
  return sql<{ quote_rowid: number }>`(select rowid as quote_rowid from quotes_text where quotes_text match ${allOf(trigrams)})`;
}
