import { summarizeTone } from '@newstone/core';
import type { Analysis, Cue, Evidence, QuoteKind, Sentiment, SpeakerKind, SpeakerMerge, StanceCell, StancePolarity, ToneRow, ToneSums } from '@newstone/core';
import { type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import { type StoreConfig, validateStoreConfig } from './config.js';
import { StoreError, isStoreError } from './errors.js';
import { type AnalysisRows, type ArticleExtras, toAnalysisRows } from './internal/analysis-rows.js';
import { articleId } from './internal/article-id.js';
import { decodeCursor, encodeCursor } from './internal/cursor.js';
import { checkFilter, contains, isUnfiltered, quoteConditions, stanceConditions } from './internal/filters.js';
import { AggregateCache } from './internal/aggregate-cache.js';
import { countryLabel } from './internal/labels.js';
import { openDatabase } from './internal/open-database.js';
import { candidateKeys, resolveSpeakers, surnameKey } from './internal/resolve-speakers.js';
import { searchTrigrams, selectiveTrigrams, textMatches } from './internal/text-search.js';
import { addToneTotals } from './internal/tone-totals.js';
import type { Database, QuotesTable, SpeakersTable, StancesTable } from './schema.js';
import type {
  ArticleSummary,
  IngestResult,
  IntegrityReport,
  Page,
  PageRequest,
  QuoteFilter,
  QuotePageRequest,
  QuoteSort,
  SourceSummary,
  SpeakerDetail,
  SpeakerFilter,
  StaleArticle,
  Store,
  StoredArticle,
  StoredQuote,
  StoredSpeaker,
  ToneGrouping,
} from './types.js';
import { quoteSorts } from './types.js';

type Engine = StoreConfig['engine'];
type Writer = Kysely<Database> | Transaction<Database>;

const defaultLimit = 50;
const maxLimit = 1000;
/** PostgreSQL without autovacuum: the store analyses once it holds this many quotes more than this times the last count. */
const analyzeThreshold = 1000;
const analyzeGrowth = 1.2;
/** Rows per multi-row INSERT on SQLite (keeps the bound parameters far below its limit). */
const sqliteChunk = 400;

/**
 * Opens (and migrates) a store. The config is checked first, with a specific message for each mistake.
 *
 * @example
 * const store = await createStore({ engine: 'sqlite', dataDir: '.newstone' });
 * const { id, created } = await store.ingest(analyzeArticle(text));
 * const rows = await store.tone('speaker');
 * await store.close();
 */
export async function createStore(config: StoreConfig): Promise<Store> {
  const checked = validateStoreConfig(config);
  const db = await openDatabase(checked);
  return new KyselyStore(db, checked.engine);
}

class KyselyStore implements Store {
  readonly #db: Kysely<Database>;
  readonly #cache = new AggregateCache();
  readonly engine: Engine;

  constructor(db: Kysely<Database>, engine: Engine) {
    this.#db = db;
    this.engine = engine;
  }

  /** One write transaction. SQLite takes the write lock up front (BEGIN IMMEDIATE) so writers queue instead of failing to upgrade. */
  async #write<T>(write: (trx: Writer) => Promise<T>): Promise<T> {
    // Last in the transaction, so the generation row is locked only for the commit.
    const work = async (trx: Writer) => {
      const result = await write(trx);
      await trx.updateTable('store_meta').set({ generation: sql`generation + 1` }).where('id', '=', 1).execute();
      return result;
    };
    try {
      if (this.engine === 'postgres') return await this.#db.transaction().execute(work);
      return await this.#db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          await sql`rollback`.execute(connection);
          throw error;
        }
      });
    } catch (error) {
      throw wrap(error, 'write');
    }
  }

  /** An aggregate, from the cache when nothing was committed since it was computed. */
  async #cached<T extends object>(key: unknown[], compute: () => Promise<T>): Promise<T> {
    return this.#read(async () => {
      const { generation } = await this.#db.selectFrom('store_meta').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
      // Frozen: every caller gets the same object until the next write.
      return this.#cache.get(JSON.stringify(key), String(generation), async () => Object.freeze(await compute()));
    });
  }

  async #read<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw wrap(error, 'read');
    }
  }

  async ingest(analysis: Analysis): Promise<IngestResult> {
    const [result] = await this.ingestMany([analysis]);
    return result as IngestResult;
  }

  async ingestMany(analyses: readonly Analysis[]): Promise<IngestResult[]> {
    if (!Array.isArray(analyses)) throw new StoreError('invalid-input', 'ingestMany: expected an array of analyses');
    const now = new Date().toISOString();
    const all = analyses.map((analysis) => toAnalysisRows(analysis, now));
    if (all.length === 0) return [];
    const unique = new Map<string, AnalysisRows>();
    for (const rows of all) if (!unique.has(rows.article.id)) unique.set(rows.article.id, rows);
    const created = await this.#write(async (trx) => {
      const inserted = new Set<string>();
      // In id order, so two batches that share articles lock them in the same order and cannot deadlock.
      const articles = [...unique.values()].map((rows) => rows.article).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const chunk of chunks(articles, this.engine)) {
        const returned = await trx.insertInto('articles').values(chunk).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
        for (const row of returned) inserted.add(row.id);
      }
      const fresh = [...unique.values()].filter((rows) => inserted.has(rows.article.id));
      await this.#writeAnalysisRows(trx, fresh);
      return inserted;
    });
    if (this.engine === 'postgres' && created.size > 0) await this.#keepStatistics();
    const seen = new Set<string>();
    return all.map(({ article: { id } }) => {
      const first = created.has(id) && !seen.has(id);
      seen.add(id);
      return { id, created: first };
    });
  }

  /** Speakers, quotes and stance rows of articles whose article row was just written. */
  async #writeAnalysisRows(trx: Writer, written: readonly AnalysisRows[]): Promise<void> {
    const { identities, surnames } = candidateKeys(written);
    // In slices, so a big batch stays under SQLite's limit on bound parameters.
    const stored: SpeakersTable[] = [];
    const columns = ['id', 'identity', 'name', 'kind', 'role', 'organization', 'country', 'country_json', 'aliases_json', 'merges_json'] as const;
    for (const [column, keys] of [['identity', identities], ['surname', surnames]] as const) {
      for (const slice of chunks(keys, this.engine)) {
        stored.push(...(await trx.selectFrom('speakers').select(columns).where(column, 'in', slice).execute()));
      }
    }
    const { rows: fresh, speakers: merged } = resolveSpeakers([...new Map(stored.map((row) => [row.id, row])).values()], written);
    // Sorted, so concurrent transactions lock speaker rows in the same order and cannot deadlock.
    const sortedSpeakers = merged
      .map((speaker) => ({ ...speaker, surname: surnameKey(speaker.name, speaker.kind) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const chunk of chunks(sortedSpeakers, this.engine)) {
      await trx
        .insertInto('speakers')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            role: sql<string | null>`coalesce(${eb.ref('speakers.role')}, ${eb.ref('excluded.role')})`,
            organization: sql<string | null>`coalesce(${eb.ref('speakers.organization')}, ${eb.ref('excluded.organization')})`,
            country: sql<string | null>`coalesce(${eb.ref('speakers.country')}, ${eb.ref('excluded.country')})`,
            country_json: sql<string | null>`coalesce(${eb.ref('speakers.country_json')}, ${eb.ref('excluded.country_json')})`,
            // A fuller name from a later article ("Sergei Lavrov" for "Lavrov") becomes the canonical one.
            name: sql<string>`case when length(${eb.ref('excluded.name')}) > length(${eb.ref('speakers.name')}) then ${eb.ref('excluded.name')} else ${eb.ref('speakers.name')} end`,
            surname: sql<string | null>`case when length(${eb.ref('excluded.name')}) > length(${eb.ref('speakers.name')}) then ${eb.ref('excluded.surname')} else ${eb.ref('speakers.surname')} end`,
            aliases_json: sql<string>`${eb.ref('excluded.aliases_json')}`,
            merges_json: sql<string>`${eb.ref('excluded.merges_json')}`,
          })),
        )
        .execute();
    }
    const quotes = fresh.flatMap((rows) => rows.quotes);
    const stances = fresh.flatMap((rows) => rows.stances);
    if (this.engine === 'postgres') {
      await insertQuotesUnnest(trx, quotes);
      await insertStancesUnnest(trx, stances);
    } else {
      for (const chunk of chunks(quotes, this.engine)) await trx.insertInto('quotes').values(chunk).execute();
      for (const chunk of chunks(stances, this.engine)) await trx.insertInto('stances').values(chunk).execute();
    }
    await addToneTotals(trx, quotes, stances, 1);
  }

  /**
   * PostgreSQL plans the quote pages from table statistics, and a server without autovacuum (as on this project's
   * machines) never gathers them: a store filled by ingests alone then plans a date-range page as a scan of every
   * quote (seconds at a million). So when autovacuum is off, the store analyses its tables itself once they hold a
   * fifth more quotes (and a thousand) than the last analysis counted (`pg_class.reltuples`, -1 before the first).
   * After the commit, outside the write transaction: ANALYZE blocks neither readers nor writers.
   */
  async #keepStatistics(): Promise<void> {
    try {
      const { rows } = await sql<{ quotes: string | number | null; analysed: number; autovacuum: string }>`
        select (select count from tone_totals where grouping = 'all' and key = '' and target = '') as quotes,
          (select reltuples from pg_class where oid = 'quotes'::regclass) as analysed,
          current_setting('autovacuum') as autovacuum`.execute(this.#db);
      const stats = rows[0];
      if (!stats || stats.autovacuum === 'on' || Number(stats.quotes ?? 0) < analyzeThreshold + analyzeGrowth * Math.max(0, Number(stats.analysed))) return;
      await sql`analyze quotes, stances, articles`.execute(this.#db);
    } catch (error) {
      // The write itself is committed; a server that fails this small read or ANALYZE fails the next request too.
      throw wrap(error, 'write');
    }
  }

  /** Takes an article's quote and stance rows out of the kept totals (before they are deleted). */
  async #subtractFromTotals(trx: Writer, id: string): Promise<void> {
    const quotes = await trx.selectFrom('quotes').select(['speaker_id', 'speaker_country', 'published_day', 'sentiment_score', 'sentiment_label']).where('article_id', '=', id).execute();
    const stances = await trx.selectFrom('stances').select(['speaker_country', 'target_country', 'score', 'polarity']).where('article_id', '=', id).execute();
    await addToneTotals(trx, quotes, stances, -1);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.#read(async () => {
      const article = await this.#db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      if (!article) return null;
      const { items } = await this.#quotesPage({ article: id }, maxLimit * 100, null);
      const extras = JSON.parse(article.analysis_json) as ArticleExtras;
      return {
        id: article.id,
        ingestedAt: article.ingested_at,
        pipelineVersion: article.pipeline_version,
        text: article.text,
        title: article.title,
        source: article.source,
        url: article.url,
        publishedAt: article.published_at,
        paragraphs: extras.paragraphs,
        boilerplate: extras.boilerplate,
        speakers: extras.speakers,
        quotes: items.map(({ articleId: _a, articleTitle: _t, publishedDay: _d, ...quote }) => quote),
      };
    });
  }

  async listArticles(page: PageRequest = {}): Promise<Page<ArticleSummary>> {
    const limit = checkLimit(page.limit);
    return this.#read(async () => {
      let query = this.#db
        .selectFrom('articles')
        .select(['id', 'title', 'source', 'url', 'published_at', 'pipeline_version', 'quote_count', 'ingested_at', 'published_day'])
        .orderBy(sql`coalesce(published_day, '')`, 'desc')
        .orderBy('id')
        .limit(limit + 1);
      if (page.cursor) {
        const [day, id] = decodeCursor(page.cursor, ['string', 'string'] as const);
        query = query.where((eb) =>
          eb.or([
            eb(sql`coalesce(published_day, '')`, '<', day),
            eb.and([eb(sql`coalesce(published_day, '')`, '=', day), eb('id', '>', id)]),
          ]),
        );
      }
      const rows = await query.execute();
      const items = rows.slice(0, limit).map((row) => ({
        id: row.id,
        title: row.title,
        source: row.source,
        url: row.url,
        publishedAt: row.published_at,
        pipelineVersion: row.pipeline_version,
        quoteCount: Number(row.quote_count),
        ingestedAt: row.ingested_at,
      }));
      const last = rows[limit - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.published_day ?? '', last.id]) : null };
    });
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.#write(async (trx) => {
      await this.#subtractFromTotals(trx, id);
      const result = await trx.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async listQuotes(filter: QuoteFilter = {}, page: QuotePageRequest = {}): Promise<Page<StoredQuote>> {
    checkFilter(filter);
    const limit = checkLimit(page.limit);
    const sort = page.sort ?? 'newest';
    if (!(quoteSorts as readonly string[]).includes(sort)) throw new StoreError('invalid-input', `sort: expected one of ${quoteSorts.join(', ')}`);
    return this.#read(() => this.#quotesPage(filter, limit, page.cursor ?? null, sort));
  }

  async listSources(page: PageRequest = {}): Promise<Page<SourceSummary>> {
    const limit = checkLimit(page.limit);
    return this.#read(async () => {
      let query = this.#db
        .selectFrom('articles')
        .select('source')
        .select((eb) => [eb.fn.countAll<number>().as('article_count'), eb.fn.sum<number>('quote_count').as('quote_count')])
        .where('source', 'is not', null)
        .groupBy('source')
        .orderBy(inCodePointOrder('source', this.engine))
        .limit(limit + 1);
      if (page.cursor) {
        const [after] = decodeCursor(page.cursor, ['string'] as const);
        query = query.where(inCodePointOrder('source', this.engine), '>', after);
      }
      const rows = await query.execute();
      const items = rows.slice(0, limit).map((row) => ({
        source: String(row.source),
        articleCount: Number(row.article_count),
        quoteCount: Number(row.quote_count ?? 0),
      }));
      const last = rows[limit - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([String(last.source)]) : null };
    });
  }

  async #quotesPage(filter: QuoteFilter, limit: number, cursor: string | null, sort: QuoteSort = 'newest'): Promise<Page<StoredQuote>> {
    const order = quoteOrders[sort];
    const key = order.key;
    // Keyset: rows after the last one in (sort key, article, ordinal) order; the cursor names its sort.
    const position = cursor ? decodeCursor(cursor, ['string', order.keyType, 'string', 'number'] as const) : null;
    if (position && position[0] !== sort) throw new StoreError('invalid-input', 'cursor: expected a cursor made for the same sort');
    // Among rows with the cursor's key, the later ones in the ties' direction.
    const after = order.ties === 'asc' ? '>' : '<';
    // A selective text search (SQLite) reads its candidates from the trigram index, then sorts them; every other page
    // reads an index in page order and stops at the page end.
    const trigrams = this.engine === 'sqlite' && filter.q !== undefined ? searchTrigrams(filter.q) : [];
    const candidateTrigrams = await selectiveTrigrams(this.#db, trigrams);
    const indexedText = candidateTrigrams !== null;
    // A target page reads its quotes off the stance rows toward the target (below): asking each quote again whether
    // it has one would be a second index probe per row for nothing.
    const viaStances = filter.target !== undefined && !indexedText;
    // The page's conditions over the quotes: the filter, its day range restated on the sort key, and the cursor.
    const onPage = (eb: ExpressionBuilder<Database, 'quotes'>): Expression<SqlBool> => {
      const conditions = [...quoteConditions(eb, viaStances ? { ...filter, target: undefined } : filter, this.engine), ...order.dayRange(eb, filter)];
      if (position) {
        const [, value, article, ordinal] = position;
        // The first comparison bounds the index range; the `or` then skips the rows up to the cursor.
        conditions.push(
          eb(key, order.direction === 'desc' ? '<=' : '>=', value),
          eb.or([
            eb(key, order.direction === 'desc' ? '<' : '>', value),
            eb.and([
              eb(key, '=', value),
              eb.or([eb('quotes.article_id', after, article), eb.and([eb('quotes.article_id', '=', article), eb('quotes.ordinal', after, ordinal)])]),
            ]),
          ]),
        );
      }
      return eb.and(conditions);
    };
    // A text search through the index picks the page's rows among its candidates by their quote row alone (the page's
    // conditions are applied there), and only those are joined to their article and speaker: joining every candidate
    // before the sort cost as much again.
    const from = indexedText
      ? this.#db
          .selectFrom(
            this.#db
              .selectFrom(textMatches(candidateTrigrams).as('text_matches'))
              .crossJoin('quotes')
              .where(sql<SqlBool>`quotes.rowid = text_matches.quote_rowid`)
              .where(onPage)
              .select(sql<number>`quotes.rowid`.as('page_rowid'))
              .orderBy(key, order.direction)
              .orderBy('quotes.article_id', order.ties)
              .orderBy('quotes.ordinal', order.ties)
              .limit(limit + 1)
              .as('text_page'),
          )
          .crossJoin('quotes')
          .where(sql<SqlBool>`quotes.rowid = text_page.page_rowid`)
      : this.#db.selectFrom('quotes');
    let query = from
      .innerJoin('articles', 'articles.id', 'quotes.article_id')
      .leftJoin('speakers', 'speakers.id', 'quotes.speaker_id')
      .selectAll('quotes')
      .select([
        'articles.title as article_title',
        'speakers.name as speaker_name',
        'speakers.role as speaker_role',
        'speakers.organization as speaker_organization',
        'speakers.kind as speaker_kind',
      ])
      .select(key.as('sort_key'))
      .$if(!indexedText, (page) => page.where(onPage))
      .orderBy(key, order.direction)
      .orderBy('quotes.article_id', order.ties)
      .orderBy('quotes.ordinal', order.ties)
      .limit(limit + 1);
    if (viaStances) {
      // Few quotes have a stance toward a given target: read the page's quotes off the stance rows toward it (they
      // carry the quote's day, score, ids, speaker and country) in page order, instead of probing every quote for one.
      // (Candidates of a selective text search are fewer still: each is asked for its stance in quoteConditions.)
      const stanceKey = order.stanceKey;
      let matches = this.#db
        .selectFrom('stances')
        .select(['stances.article_id', 'stances.quote_ordinal'])
        .where((eb) =>
          eb.and([
            ...stanceConditions(eb, filter, this.engine),
            // As on the quotes: the date range restated on the sort key bounds the index range.
            ...(order.keyType === 'string' && filter.from !== undefined ? [eb(stanceKey, '>=', filter.from)] : []),
            ...(order.keyType === 'string' && filter.to !== undefined ? [eb(stanceKey, '<=', filter.to)] : []),
          ]),
        )
        .groupBy([stanceKey, 'stances.article_id', 'stances.quote_ordinal'])
        .orderBy(stanceKey, order.direction)
        .orderBy('stances.article_id', order.ties)
        .orderBy('stances.quote_ordinal', order.ties)
        .limit(limit + 1);
      if (position) {
        const [, value, article, ordinal] = position;
        matches = matches.where(stanceKey, order.direction === 'desc' ? '<=' : '>=', value).where((eb) =>
          eb.or([
            eb(stanceKey, order.direction === 'desc' ? '<' : '>', value),
            eb.and([
              eb(stanceKey, '=', value),
              eb.or([eb('stances.article_id', after, article), eb.and([eb('stances.article_id', '=', article), eb('stances.quote_ordinal', after, ordinal)])]),
            ]),
          ]),
        );
      }
      const page = matches.as('page');
      query = query.innerJoin(page, (join) => join.onRef('page.article_id', '=', 'quotes.article_id').onRef('page.quote_ordinal', '=', 'quotes.ordinal'));
    }
    const rows = await query.execute();
    const pageRows = rows.slice(0, limit);
    const stances = await this.#stancesFor(pageRows);
    const items = pageRows.map((row): StoredQuote => ({
      id: row.quote_id,
      start: Number(row.start_offset),
      end: Number(row.end_offset),
      text: row.text,
      kind: row.kind as QuoteKind,
      speaker:
        row.speaker_id && row.speaker_name
          ? {
              id: row.speaker_id,
              name: row.speaker_name,
              role: row.speaker_role ?? null,
              organization: row.speaker_organization ?? null,
              country: row.speaker_country,
              kind: (row.speaker_kind ?? 'person') as SpeakerKind,
            }
          : null,
      cue: row.cue_json ? (JSON.parse(row.cue_json) as Cue) : null,
      evidence: JSON.parse(row.evidence_json) as Evidence,
      sentiment: JSON.parse(row.sentiment_json) as Sentiment,
      stance: stances.get(`${row.article_id}\u0000${row.ordinal}`) ?? [],
      articleId: row.article_id,
      articleTitle: row.article_title,
      publishedDay: row.published_day,
    }));
    const last = rows[limit - 1];
    const lastKey = order.keyType === 'number' ? Number(last?.sort_key) : String(last?.sort_key);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([sort, lastKey, last.article_id, Number(last.ordinal)]) : null };
  }

  async #stancesFor(quotes: readonly QuotesTable[]): Promise<Map<string, StoredQuote['stance'][number][]>> {
    const byQuote = new Map<string, StoredQuote['stance'][number][]>();
    const articles = [...new Set(quotes.map((quote) => quote.article_id))];
    if (articles.length === 0) return byQuote;
    const wanted = new Set(quotes.map((quote) => `${quote.article_id}\u0000${quote.ordinal}`));
    // Only the stance rows of these quotes, not of their whole articles. SQLite: a row-value IN list. PostgreSQL: the
    // pairs as two arrays, one statement text whatever the page size; planning an IN list of 50 pairs (50 index scans
    // OR-ed in a bitmap) cost more than the whole rest of a page (2 ms against 0.7 at a million quotes).
    const rows = await this.#db
      .selectFrom('stances')
      .selectAll()
      .where((eb) =>
        this.engine === 'postgres'
          ? sql<SqlBool>`(article_id, quote_ordinal) in (select * from unnest(${quotes.map((quote) => quote.article_id)}::text[], ${quotes.map((quote) => Number(quote.ordinal))}::int[]))`
          : eb(eb.refTuple('article_id', 'quote_ordinal'), 'in', quotes.map((quote) => eb.tuple(quote.article_id, quote.ordinal))),
      )
      .orderBy('article_id')
      .orderBy('quote_ordinal')
      .orderBy('ordinal')
      .execute();
    for (const row of rows) {
      const key = `${row.article_id}\u0000${row.quote_ordinal}`;
      if (!wanted.has(key)) continue;
      const list = byQuote.get(key) ?? [];
      list.push({
        target: row.target,
        targetCountry: row.target_country,
        polarity: row.polarity as StancePolarity,
        score: Number(row.score),
        evidence: JSON.parse(row.evidence_json) as string[],
        rule: row.rule,
        inferred: Number(row.inferred) === 1,
      });
      byQuote.set(key, list);
    }
    return byQuote;
  }

  async listSpeakers(filter: SpeakerFilter = {}, page: PageRequest = {}): Promise<Page<StoredSpeaker>> {
    const limit = checkLimit(page.limit);
    return this.#read(async () => {
      let query = this.#db
        .selectFrom('speakers')
        .selectAll('speakers')
        // Quote counts from the kept totals; speakers whose every quote was deleted or reanalysed away have no row.
        .innerJoin('tone_totals', (join) => join.onRef('tone_totals.key', '=', 'speakers.id').on('tone_totals.grouping', '=', 'speaker'))
        .select('tone_totals.count as quote_count')
        .orderBy(inCodePointOrder('speakers.name', this.engine))
        .orderBy('speakers.id')
        .limit(limit + 1);
      if (filter.country !== undefined) query = query.where('speakers.country', '=', filter.country);
      if (filter.q) {
        const q = filter.q;
        query = query.where((eb) => contains(eb.ref('speakers.name'), q, this.engine));
      }
      if (page.cursor) {
        const [name, id] = decodeCursor(page.cursor, ['string', 'string'] as const);
        query = query.where((eb) =>
          eb.or([eb(inCodePointOrder('speakers.name', this.engine), '>', name), eb.and([eb('speakers.name', '=', name), eb('speakers.id', '>', id)])]),
        );
      }
      const rows = await query.execute();
      const items = rows.slice(0, limit).map((row) => toStoredSpeaker(row, Number(row.quote_count ?? 0)));
      const last = rows[limit - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
    });
  }

  async getSpeaker(id: string): Promise<SpeakerDetail | null> {
    return this.#read(async () => {
      const row = await this.#db.selectFrom('speakers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const sums = await this.#db
        .selectFrom('quotes')
        .select(toneSumColumns('quotes'))
        .select((eb) => eb.fn.count<number>('quotes.article_id').distinct().as('article_count'))
        .where('quotes.speaker_id', '=', id)
        .executeTakeFirstOrThrow();
      const tone = toToneSums(sums);
      return {
        ...toStoredSpeaker(row, tone.count),
        merges: JSON.parse(row.merges_json) as SpeakerMerge[],
        tone: summarizeTone(tone),
        articleCount: Number(sums.article_count),
      };
    });
  }

  async tone(by: ToneGrouping, filter: QuoteFilter = {}): Promise<readonly ToneRow[]> {
    checkFilter(filter);
    if (!['speaker', 'country', 'target', 'day'].includes(by)) throw new StoreError('invalid-input', 'by: expected speaker, country, target or day');
    return this.#cached(['tone', by, filter], () => this.#tone(by, filter));
  }

  async #tone(by: ToneGrouping, filter: QuoteFilter): Promise<ToneRow[]> {
    const rows = isUnfiltered(filter) ? await this.#toneTotals(by) : await this.#toneSums(by, filter);
    const result = rows.map((row): ToneRow => {
      const key = String(row.key);
      const label = row.label ?? (by === 'day' ? key : countryLabel(key));
      return { key, label, ...(by === 'speaker' ? { country: row.country ?? null, role: row.role ?? null } : {}), ...summarizeTone(toToneSums(row)) };
    });
    // Days read in time order; other groups biggest first, then by key for a stable order.
    return by === 'day'
      ? result.sort((a, b) => (a.key < b.key ? -1 : 1))
      : result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }

  /** Unfiltered tone: the sums every write keeps per group (a few hundred rows, whatever the number of quotes). */
  async #toneTotals(by: ToneGrouping): Promise<ToneSumRow[]> {
    const totals = this.#db.selectFrom('tone_totals');
    if (by === 'speaker') {
      return totals
        .innerJoin('speakers', 'speakers.id', 'tone_totals.key')
        .select(['tone_totals.key', ...totalColumns])
        .select(['speakers.name as label', 'speakers.country as country', 'speakers.role as role'])
        .where('tone_totals.grouping', '=', 'speaker')
        .execute();
    }
    if (by === 'country' || by === 'day') {
      return totals.select(['tone_totals.key', ...totalColumns]).where('tone_totals.grouping', '=', by).execute();
    }
    // Stance sums are kept per (speaker country, target): a target's are the sum over speaker countries.
    return totals
      .select('tone_totals.target as key')
      .select(summedTotalColumns())
      .where('tone_totals.grouping', '=', 'stance')
      .groupBy('tone_totals.target')
      .execute();
  }

  async #toneSums(by: ToneGrouping, filter: QuoteFilter): Promise<ToneSumRow[]> {
    let rows: ToneSumRow[];
    if (by === 'speaker') {
      // Group on the covering index first, then look up the few speaker names.
      const sums = this.#db
        .selectFrom('quotes')
        .select('quotes.speaker_id as key')
        .select(toneSumColumns('quotes'))
        .where('quotes.speaker_id', 'is not', null)
        .where((eb) => eb.and(quoteConditions(eb, filter, this.engine)))
        .groupBy('quotes.speaker_id')
        .as('sums');
      rows = await this.#db.selectFrom(sums).innerJoin('speakers', 'speakers.id', 'sums.key').selectAll('sums').select(['speakers.name as label', 'speakers.country as country', 'speakers.role as role']).execute();
    } else if (by === 'country' || by === 'day') {
      const column = by === 'country' ? 'quotes.speaker_country' : 'quotes.published_day';
      rows = await this.#db
        .selectFrom('quotes')
        .select(`${column} as key`)
        .select(toneSumColumns('quotes'))
        .where(column, 'is not', null)
        .where((eb) => eb.and(quoteConditions(eb, filter, this.engine)))
        .groupBy(column)
        .execute();
    } else if (by === 'target') {
      // As core's toneBy: the stance scores toward each target, favor counting as positive, against as negative.
      rows = await this.#db
        .selectFrom('stances')
        .select('stances.target_country as key')
        .select(stanceSumColumns())
        .where('stances.target_country', 'is not', null)
        .where((eb) => eb.and(stanceConditions(eb, filter, this.engine)))
        .groupBy('stances.target_country')
        .execute();
    } else {
      throw new StoreError('invalid-input', 'by: expected speaker, country, target or day');
    }
    return rows;
  }

  async stanceMatrix(filter: QuoteFilter = {}): Promise<readonly StanceCell[]> {
    checkFilter(filter);
    return this.#cached(['stance', filter], async () => {
      const rows = isUnfiltered(filter)
        ? await this.#db
            .selectFrom('tone_totals')
            .select(['tone_totals.key as speaker_country', 'tone_totals.target as target_country', ...totalColumns])
            .where('tone_totals.grouping', '=', 'stance')
            .where('tone_totals.key', '<>', '')
            .orderBy('tone_totals.key')
            .orderBy('tone_totals.target')
            .execute()
        : await this.#db
        .selectFrom('stances')
        .select(['stances.speaker_country', 'stances.target_country'])
        .select(stanceSumColumns())
        .where('stances.speaker_country', 'is not', null)
        .where('stances.target_country', 'is not', null)
        .where((eb) => eb.and(stanceConditions(eb, filter, this.engine)))
        .groupBy(['stances.speaker_country', 'stances.target_country'])
        .orderBy('stances.speaker_country')
        .orderBy('stances.target_country')
        .execute();
      return rows.map((row): StanceCell => {
        const sums = toToneSums(row);
        return {
          ...summarizeTone(sums),
          speakerCountry: String(row.speaker_country),
          targetCountry: String(row.target_country),
          favor: sums.positive,
          against: sums.negative,
          neutralStance: sums.neutral,
        };
      });
    });
  }

  async listStale(currentVersion: string, options: { readonly limit?: number; readonly afterId?: string } = {}): Promise<StaleArticle[]> {
    const limit = checkLimit(options.limit ?? 100);
    return this.#read(async () => {
      let query = this.#db
        .selectFrom('articles')
        .select(['id', 'text', 'title', 'source', 'url', 'published_at', 'pipeline_version'])
        .where('pipeline_version', '<>', currentVersion)
        .orderBy('id')
        .limit(limit);
      if (options.afterId !== undefined) query = query.where('id', '>', options.afterId);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        text: row.text,
        title: row.title,
        source: row.source,
        url: row.url,
        publishedAt: row.published_at,
        pipelineVersion: row.pipeline_version,
      }));
    });
  }

  async replaceAnalysis(id: string, analysis: Analysis): Promise<boolean> {
    const rows = toAnalysisRows(analysis, new Date().toISOString());
    if (rows.article.id !== id) {
      throw new StoreError('invalid-input', 'replaceAnalysis: the analysis text does not hash to the article id (expected the stored text)');
    }
    return this.#write(async (trx) => {
      const existing = await trx.selectFrom('articles').select(['id', 'ingested_at']).where('id', '=', id).$if(this.engine === 'postgres', (q) => q.forUpdate()).executeTakeFirst();
      if (!existing) return false;
      await this.#subtractFromTotals(trx, id);
      await trx.deleteFrom('stances').where('article_id', '=', id).execute();
      await trx.deleteFrom('quotes').where('article_id', '=', id).execute();
      const { ingested_at: _keep, id: _id, ...article } = rows.article;
      await trx.updateTable('articles').set(article).where('id', '=', id).execute();
      await this.#writeAnalysisRows(trx, [rows]);
      return true;
    });
  }

  async stats(): Promise<{ articles: number; quotes: number; speakers: number }> {
    // Counting is a full scan on PostgreSQL: cached until the next write, like the aggregates.
    return this.#cached(['stats'], async () => {
      const count = async (table: 'articles' | 'speakers') =>
        Number((await this.#db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const all = await this.#db.selectFrom('tone_totals').select('count').where('grouping', '=', 'all').executeTakeFirst();
      return { articles: await count('articles'), quotes: Number(all?.count ?? 0), speakers: await count('speakers') };
    });
  }

  async verifyIntegrity(): Promise<IntegrityReport> {
    return this.#read(async () => {
      const problems: string[] = [];
      const mismatched = await this.#db
        .selectFrom('articles')
        .select(['articles.id', 'articles.quote_count'])
        .select((eb) => eb.selectFrom('quotes').select(eb.fn.countAll<number>().as('n')).whereRef('quotes.article_id', '=', 'articles.id').as('stored'))
        .execute();
      for (const row of mismatched) {
        if (Number(row.stored) !== Number(row.quote_count)) {
          problems.push(`article ${row.id}: expected ${row.quote_count} quotes, found ${row.stored}`);
        }
      }
      const orphans = await this.#db
        .selectFrom('quotes')
        .leftJoin('articles', 'articles.id', 'quotes.article_id')
        .select('quotes.article_id')
        .where('articles.id', 'is', null)
        .execute();
      if (orphans.length > 0) problems.push(`${orphans.length} quotes belong to no article`);
      const hashes = await this.#db.selectFrom('articles').select(['id', 'text']).execute();
      for (const row of hashes) if (articleId(row.text) !== row.id) problems.push(`article ${row.id}: text does not match its content hash`);
      if (this.engine === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(this.#db);
        const verdict = check.rows.map((r) => r.integrity_check).join('; ');
        if (verdict !== 'ok') problems.push(`sqlite integrity_check: ${verdict}`);
        // The text index against the quotes' text: FTS5 fails this command (SQLITE_CORRUPT_VTAB) when they differ.
        try {
          await sql`insert into quotes_text (quotes_text, rank) values ('integrity-check', 1)`.execute(this.#db);
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_CORRUPT_VTAB') throw error;
          problems.push("sqlite text index quotes_text does not match the quotes (insert into quotes_text (quotes_text) values ('rebuild') rebuilds it)");
        }
      }
      return { ok: problems.length === 0, problems };
    });
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}

/**
 * How each quote sort orders rows: a key (articles without a date sort last both ways, through a stand-in day
 * before or after every real one), its direction, the direction of ties, and the key's type in the cursor.
 */
const quoteOrders: Record<QuoteSort, QuoteOrder> = {
  newest: byDay('', 'desc'),
  oldest: byDay('~', 'asc'),
  score: { key: sql`quotes.sentiment_score`, stanceKey: sql`stances.sentiment_score`, direction: 'asc', ties: 'asc', keyType: 'number', dayRange: () => [] },
  // The exact reverse of `score`, ties too: the same indexes serve it, read backwards.
  '-score': { key: sql`quotes.sentiment_score`, stanceKey: sql`stances.sentiment_score`, direction: 'desc', ties: 'desc', keyType: 'number', dayRange: () => [] },
};

interface QuoteOrder {
  readonly key: RawBuilder<string | number>;
  /** The same key on the stance rows, which carry their quote's day and score (target pages read those in order). */
  readonly stanceKey: RawBuilder<string | number>;
  readonly direction: 'asc' | 'desc';
  /** The order of rows that tie on the key (article, then ordinal): article order for the day sorts. */
  readonly ties: 'asc' | 'desc';
  readonly keyType: 'string' | 'number';
  /** The filter's date range restated on the sort key, so the planner reads only that slice of the page index. */
  readonly dayRange: (eb: ExpressionBuilder<Database, 'quotes'>, filter: QuoteFilter) => Expression<SqlBool>[];
}

/**
 * `from` / `to` on a day sort key: the same rows as on `published_day` (a dated quote's key is its day; an undated
 * one's stand-in, '' or '~', falls outside every range the filter also requires of `published_day`).
 */
/**
 * Ordering by publication day, `standIn` standing for the day of an article without one: '' sorts it last newest
 * first, '~' last oldest first. The expressions are the ones the day indexes are built on.
 */
function byDay(standIn: '' | '~', direction: 'asc' | 'desc'): QuoteOrder {
  const key = sql<string>`coalesce(quotes.published_day, ${sql.lit(standIn)})`;
  return { key, stanceKey: sql`coalesce(stances.published_day, ${sql.lit(standIn)})`, direction, ties: 'asc', keyType: 'string', dayRange: dayRangeOn(key) };
}

function dayRangeOn(key: RawBuilder<string>): QuoteOrder['dayRange'] {
  return (eb, filter) => [
    ...(filter.from !== undefined ? [eb(key, '>=', filter.from)] : []),
    ...(filter.to !== undefined ? [eb(key, '<=', filter.to)] : []),
  ];
}

/** Checks a page size: 1…1000, default 50. */
function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new StoreError('invalid-input', `limit: expected an integer from 1 to ${maxLimit}`);
  }
  return limit;
}

/** Driver errors become StoreErrors that say what failed without the SQL or the values. */
function wrap(error: unknown, action: 'read' | 'write'): unknown {
  if (isStoreError(error)) return error;
  const code = (error as { code?: string }).code;
  const unavailable = code === 'ECONNREFUSED' || code === 'SQLITE_BUSY' || code === '57P01' || code === '53300';
  return new StoreError(unavailable ? 'unavailable' : 'conflict', `store: the ${action} failed (${code ?? 'driver error'})`, { cause: error });
}

/** Rows in slices small enough for one multi-row INSERT (SQLite binds at most 32766 parameters). */
function chunks<T>(rows: readonly T[], engine: Engine): T[][] {
  const size = engine === 'sqlite' ? sqliteChunk : 5000;
  const result: T[][] = [];
  for (let index = 0; index < rows.length; index += size) result.push(rows.slice(index, index + size));
  return result;
}

/** PostgreSQL: all quotes of a batch in one statement, one array per column. */
async function insertQuotesUnnest(trx: Writer, quotes: readonly QuotesTable[]): Promise<void> {
  if (quotes.length === 0) return;
  const column = <K extends keyof QuotesTable>(key: K) => quotes.map((quote) => quote[key]);
  await sql`
    insert into quotes (article_id, ordinal, quote_id, start_offset, end_offset, text, kind, speaker_id, speaker_country,
      cue_json, evidence_json, sentiment_score, sentiment_label, sentiment_json, published_day, source)
    select * from unnest(
      ${column('article_id')}::text[], ${column('ordinal')}::int[], ${column('quote_id')}::text[],
      ${column('start_offset')}::int[], ${column('end_offset')}::int[], ${column('text')}::text[], ${column('kind')}::text[],
      ${column('speaker_id')}::text[], ${column('speaker_country')}::text[], ${column('cue_json')}::text[],
      ${column('evidence_json')}::text[], ${column('sentiment_score')}::double precision[], ${column('sentiment_label')}::text[],
      ${column('sentiment_json')}::text[], ${column('published_day')}::text[], ${column('source')}::text[])`.execute(trx);
}

/** PostgreSQL: all stance rows of a batch in one statement. */
async function insertStancesUnnest(trx: Writer, stances: readonly StancesTable[]): Promise<void> {
  if (stances.length === 0) return;
  const column = <K extends keyof StancesTable>(key: K) => stances.map((stance) => stance[key]);
  await sql`
    insert into stances (article_id, quote_ordinal, ordinal, target, target_country, polarity, score, evidence_json, rule,
      inferred, speaker_id, speaker_country, sentiment_score, sentiment_label, published_day)
    select * from unnest(
      ${column('article_id')}::text[], ${column('quote_ordinal')}::int[], ${column('ordinal')}::int[], ${column('target')}::text[],
      ${column('target_country')}::text[], ${column('polarity')}::text[], ${column('score')}::double precision[],
      ${column('evidence_json')}::text[], ${column('rule')}::text[], ${column('inferred')}::int[], ${column('speaker_id')}::text[],
      ${column('speaker_country')}::text[], ${column('sentiment_score')}::double precision[], ${column('sentiment_label')}::text[],
      ${column('published_day')}::text[])`.execute(trx);
}

/** The columns of `tone_totals` that make a SumRow. */
const totalColumns = ['tone_totals.count', 'tone_totals.sum', 'tone_totals.sum_of_squares', 'tone_totals.positive', 'tone_totals.neutral', 'tone_totals.negative'] as const;

/** A SumRow over several `tone_totals` rows. */
function summedTotalColumns() {
  return [
    sql<number>`sum(tone_totals.count)`.as('count'),
    sql<number>`sum(tone_totals.sum)`.as('sum'),
    sql<number>`sum(tone_totals.sum_of_squares)`.as('sum_of_squares'),
    sql<number>`sum(tone_totals.positive)`.as('positive'),
    sql<number>`sum(tone_totals.neutral)`.as('neutral'),
    sql<number>`sum(tone_totals.negative)`.as('negative'),
  ] as const;
}

/** Sums of one group, with its key and (for speakers) what the tone row shows of the speaker. */
type ToneSumRow = SumRow & { key: string | null; label?: string | null; country?: string | null; role?: string | null };

interface SumRow {
  count: number | string;
  sum: number | string | null;
  sum_of_squares: number | string | null;
  positive: number | string | null;
  neutral: number | string | null;
  negative: number | string | null;
}

/** The SQL that computes ToneSums over the quotes' sentiment. */
function toneSumColumns(table: 'quotes') {
  const score = sql.ref(`${table}.sentiment_score`);
  const label = sql.ref(`${table}.sentiment_label`);
  return [
    sql<number>`count(*)`.as('count'),
    sql<number>`sum(${score})`.as('sum'),
    sql<number>`sum(${score} * ${score})`.as('sum_of_squares'),
    sql<number>`sum(case when ${label} = 'positive' then 1 else 0 end)`.as('positive'),
    sql<number>`sum(case when ${label} = 'neutral' then 1 else 0 end)`.as('neutral'),
    sql<number>`sum(case when ${label} = 'negative' then 1 else 0 end)`.as('negative'),
  ] as const;
}

/** ToneSums over stance scores, as core's toneBy and stanceMatrix count them: favor positive, against negative. */
function stanceSumColumns() {
  return [
    sql<number>`count(*)`.as('count'),
    sql<number>`sum(stances.score)`.as('sum'),
    sql<number>`sum(stances.score * stances.score)`.as('sum_of_squares'),
    sql<number>`sum(case when stances.polarity = 'favor' then 1 else 0 end)`.as('positive'),
    sql<number>`sum(case when stances.polarity = 'neutral' then 1 else 0 end)`.as('neutral'),
    sql<number>`sum(case when stances.polarity = 'against' then 1 else 0 end)`.as('negative'),
  ] as const;
}

/** PostgreSQL returns bigint sums as strings and empty sums as null. */
function toToneSums(row: SumRow): ToneSums {
  return {
    count: Number(row.count),
    sum: Number(row.sum ?? 0),
    sumOfSquares: Number(row.sum_of_squares ?? 0),
    positive: Number(row.positive ?? 0),
    neutral: Number(row.neutral ?? 0),
    negative: Number(row.negative ?? 0),
  };
}

function toStoredSpeaker(row: SpeakersTable, quoteCount: number): StoredSpeaker {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SpeakerKind,
    role: row.role,
    organization: row.organization,
    country: row.country,
    countryEvidence: row.country_json ? JSON.parse(row.country_json) : null,
    aliases: JSON.parse(row.aliases_json) as string[],
    quoteCount,
  };
}

/**
 * A text column compared in code-point order on both engines, so a list pages the same way on each: SQLite's
 * default collation (BINARY) already is; PostgreSQL's database collation ("en_US.UTF-8" and the like) mixes cases
 * ("apple" before "Banana"), its "C" collation does not.
 */
function inCodePointOrder(column: 'source' | 'speakers.name', engine: Engine): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;
}
