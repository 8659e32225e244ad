import { analyzeArticle, type StanceCell, stanceMatrix, toneBy } from '@newstone/core';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { loadSampleCorpus } from '@newstone/sample-corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from './create-store.js';
import { isStoreError } from './errors.js';
import { articleId } from './internal/article-id.js';
import { makeAnalysis } from './test-support/analyses.js';
import { type TestLocation, createTestLocation, testDatabaseUrl, testEngines } from './test-support/engines.js';
import { type Page, type QuoteFilter, type QuoteSort, type Store, type StoredQuote, quoteSorts } from './types.js';

const lavrov = { name: 'Sergei Lavrov', country: 'RU', role: 'Foreign Minister' };
const rubio = { name: 'Marco Rubio', country: 'US', role: 'Secretary of State' };
const zelensky = { name: 'Volodymyr Zelensky', country: 'UA' };

const talks = makeAnalysis({
  title: 'Talks in Riyadh',
  source: 'The Daily Test',
  publishedAt: '2025-02-18',
  quotes: [
    { text: 'We had a very useful conversation', speaker: lavrov, score: 2, stance: [{ target: 'Washington', targetCountry: 'US', polarity: 'favor', score: 0.5 }] },
    { text: 'This is a terrible <b>war</b> & it must end', speaker: rubio, score: -3, stance: [{ target: 'Moscow', targetCountry: 'RU', polarity: 'against', score: -0.6 }] },
    { text: 'Nothing about Ukraine without Ukraine', speaker: zelensky, score: 0 },
    { text: 'No comment at this stage', speaker: null, score: 0 },
  ],
});
const followUp = makeAnalysis({
  title: 'A week later',
  source: 'Wire Service',
  publishedAt: '2025-02-25T09:30:00Z',
  quotes: [
    { text: 'Progress is slow but real', speaker: { name: 'SERGEI  LAVROV', country: 'RU' }, score: 1 },
    { text: 'We are disappointed', speaker: rubio, score: -2, stance: [{ target: 'Kremlin', targetCountry: 'RU', polarity: 'against', score: -0.4 }] },
  ],
});

describe.each(testEngines)('store contract on %s', (engine) => {
  let location: TestLocation;
  let store: Store;

  beforeAll(async () => {
    location = createTestLocation(engine);
    store = await createStore(location.config);
    await store.ingest(talks);
    await store.ingest(followUp);
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  it('gives an article the content hash of its text as id, and reports it new once', async () => {
    const again = await store.ingest({ ...talks, title: 'Same text, other title' });
    expect(again).toEqual({ id: articleId(talks.text), created: false });
    expect((await store.stats()).articles).toBe(2);
  });

  it('gives back the stored analysis with offsets that point into the stored text', async () => {
    const article = await store.getArticle(articleId(talks.text));
    expect(article?.title).toBe('Talks in Riyadh');
    expect(article?.quotes).toHaveLength(4);
    for (const quote of article?.quotes ?? []) expect(article?.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(article?.quotes[1]?.text).toBe('This is a terrible <b>war</b> & it must end');
    expect(article?.quotes[1]?.stance).toEqual([
      { target: 'Moscow', targetCountry: 'RU', polarity: 'against', score: -0.6, evidence: [], rule: 'explicit', inferred: false },
    ]);
    expect(await store.getArticle('0'.repeat(32))).toBeNull();
  });

  it('merges the same speaker across articles by normalised name', async () => {
    const page = await store.listSpeakers({ q: 'lavrov' });
    expect(page.items.map((s) => [s.name, s.country, s.quoteCount])).toEqual([['Sergei Lavrov', 'RU', 2]]);
    const detail = await store.getSpeaker(page.items[0]?.id ?? '');
    expect(detail).toMatchObject({ name: 'Sergei Lavrov', role: 'Foreign Minister', articleCount: 2, tone: { count: 2, mean: 1.5 } });
  });

  it('merges a surname-only speaker in a later article into the stored full name, with its country', async () => {
    const later = makeAnalysis({ salt: 'surname only', publishedAt: null, quotes: [{ text: 'We will see', speaker: { name: 'Lavrov' }, score: 0 }] });
    await store.ingest(later);
    const page = await store.listSpeakers({ q: 'lavrov' });
    expect(page.items.map((s) => [s.name, s.country, s.quoteCount, s.aliases.includes('Lavrov')])).toEqual([['Sergei Lavrov', 'RU', 3, true]]);
    const quote = (await store.listQuotes({ article: articleId(later.text) })).items[0];
    expect([quote?.speaker?.name, quote?.speaker?.country]).toEqual(['Sergei Lavrov', 'RU']);
    const detail = await store.getSpeaker(page.items[0]?.id ?? '');
    expect(detail?.merges).toContainEqual({ alias: 'Lavrov', into: 'Sergei Lavrov', reason: expect.stringMatching(/^across articles: \S/) });
    expect(await store.deleteArticle(articleId(later.text))).toBe(true);
  });

  it('keeps the merges an article made, with their reasons, once however often they recur', async () => {
    const withMerge = (salt: string) => {
      const analysis = makeAnalysis({ salt, quotes: [{ text: 'Talks go on', speaker: { name: 'Maria Zakharova', country: 'RU' }, score: 0 }] });
      const speakers = analysis.speakers.map((speaker) => ({ ...speaker, aliases: ['Zakharova'], merges: [{ alias: 'Zakharova', into: 'Maria Zakharova', reason: 'surname of an earlier full name' }] }));
      return { ...analysis, speakers };
    };
    const ids = [(await store.ingest(withMerge('first'))).id, (await store.ingest(withMerge('second'))).id];
    const [speaker] = (await store.listSpeakers({ q: 'zakharova' })).items;
    expect((await store.getSpeaker(speaker?.id ?? ''))?.merges).toEqual([{ alias: 'Zakharova', into: 'Maria Zakharova', reason: 'surname of an earlier full name' }]);
    for (const id of ids) expect(await store.deleteArticle(id)).toBe(true);
  });

  it.each([
    ['country', { country: 'RU' }, ['We had a very useful conversation', 'Progress is slow but real']],
    ['target', { target: 'RU' }, ['This is a terrible <b>war</b> & it must end', 'We are disappointed']],
    ['text, case-insensitively', { q: 'UKRAINE' }, ['Nothing about Ukraine without Ukraine']],
    ['text with LIKE wildcards taken literally', { q: '%' }, []],
    ['day range', { from: '2025-02-20', to: '2025-02-28' }, ['Progress is slow but real', 'We are disappointed']],
    ['source, exactly', { source: 'Wire Service' }, ['Progress is slow but real', 'We are disappointed']],
    ['source, not a part of it', { source: 'Wire' }, []],
    ['source and target together', { source: 'The Daily Test', target: 'RU' }, ['This is a terrible <b>war</b> & it must end']],
  ] as const)('filters quotes by %s', async (_name, filter, expected) => {
    const page = await store.listQuotes(filter);
    expect(page.items.map((quote) => quote.text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['tone by country', () => store.tone('country', { source: 'Wire Service' }), [['RU', 1], ['US', 1]]],
    ['tone by target', () => store.tone('target', { source: 'The Daily Test' }), [['RU', 1], ['US', 1]]],
    ['the stance matrix', () => store.stanceMatrix({ source: 'Wire Service' }), [['US→RU', 1]]],
  ] as const)('filters %s by source', async (_name, read, expected) => {
    const rows = await read();
    const keys = rows.map((row) => ('key' in row ? [row.key, row.count] : [`${row.speakerCountry}→${row.targetCountry}`, row.count]));
    expect(keys.sort()).toEqual(expected);
  });

  it('lists the sources of stored articles by name, with their counts, page by page', async () => {
    const first = await store.listSources({ limit: 1 });
    expect(first.items).toEqual([{ source: 'The Daily Test', articleCount: 1, quoteCount: 4 }]);
    const second = await store.listSources({ limit: 1, cursor: first.nextCursor });
    expect(second).toEqual({ items: [{ source: 'Wire Service', articleCount: 1, quoteCount: 2 }], nextCursor: null });
  });

  it.each([
    ['newest', ['We are disappointed', 'Progress is slow but real']],
    ['oldest', ['This is a terrible <b>war</b> & it must end', 'We had a very useful conversation']],
    ['score', ['This is a terrible <b>war</b> & it must end', 'We are disappointed', 'Nothing about Ukraine without Ukraine']],
    // The exact reverse of score: the two quotes at 0 come last quote first.
    ['-score', ['We had a very useful conversation', 'Progress is slow but real', 'No comment at this stage']],
  ] as const)('sorts quotes %s first and pages them in that order without gaps or repeats', async (sort, head) => {
    const seen: StoredQuote[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredQuote> = await store.listQuotes({}, { sort, limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await store.listQuotes({}, { sort, limit: 100 })).items;
    expect(seen.map((q) => `${q.articleId}/${q.id}`)).toEqual(all.map((q) => `${q.articleId}/${q.id}`));
    expect(new Set(seen.map((q) => `${q.articleId}/${q.id}`)).size).toBe(6);
    // The two quotes per article tie on day: within an article they keep their order, so compare as sets per day.
    const texts = seen.map((q) => q.text);
    if (sort === 'newest' || sort === 'oldest') expect(texts.slice(0, 2).sort()).toEqual([...head].sort());
    else expect(texts.slice(0, head.length)).toEqual(head);
    const keys = seen.map((q) => (sort === 'score' || sort === '-score' ? q.sentiment.score : (q.publishedDay ?? '')));
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(keys).toEqual(sort === 'newest' || sort === '-score' ? sorted.reverse() : sorted);
  });

  it.each([
    ['an unknown sort', { sort: 'loudest' as never }, 'sort: expected one of newest, oldest, score, -score'],
  ])('rejects %s with a message naming the field', async (_name, page, message) => {
    await expect(store.listQuotes({}, page)).rejects.toThrow(message);
  });

  it.each([
    ['oldest', 'newest', 'cursor: expected a cursor made for the same sort'],
    ['score', 'newest', 'cursor: expected a cursor returned as `nextCursor` by the previous page'],
  ] as const)('rejects a cursor made for %s when asked for %s', async (made, asked, message) => {
    const page = await store.listQuotes({}, { sort: made, limit: 1 });
    await expect(store.listQuotes({}, { sort: asked, cursor: page.nextCursor })).rejects.toThrow(message);
  });

  it('pages quotes with a cursor until the last page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listQuotes({}, { limit: 4, cursor });
      seen.push(...page.items.map((q) => `${q.articleId}/${q.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it.each([
    ['speaker', 'Marco Rubio', 2, -2.5],
    ['country', 'US', 2, -2.5],
    ['country', 'RU', 2, 1.5],
    ['target', 'RU', 2, -0.5],
    ['day', '2025-02-25', 2, -0.5],
  ] as const)('computes tone by %s in SQL (%s: %i quotes, mean %d)', async (by, keyOrLabel, count, mean) => {
    const rows = await store.tone(by);
    const row = rows.find((r) => r.key === keyOrLabel || r.label === keyOrLabel);
    expect(row).toMatchObject({ count, mean, tooFew: true });
    expect(row?.ciLow).toBeLessThanOrEqual(mean);
    expect(row?.ciHigh).toBeGreaterThanOrEqual(mean);
  });

  it('recomputes cached aggregates after a commit by another connection', async () => {
    const before = await store.tone('country');
    const other = await createStore(location.config);
    try {
      await other.ingest(makeAnalysis({ salt: 'from elsewhere', quotes: [{ text: 'Another view', speaker: { name: 'Ana Ruiz', country: 'ES' }, score: 1 }] }));
      const after = await store.tone('country');
      expect(after.map((r) => r.key).sort()).toEqual([...before.map((r) => r.key), 'ES'].sort());
      expect(await other.deleteArticle(articleId(makeAnalysis({ salt: 'from elsewhere', quotes: [{ text: 'Another view', speaker: { name: 'Ana Ruiz', country: 'ES' }, score: 1 }] }).text))).toBe(true);
      expect(await store.tone('country')).toEqual(before);
    } finally {
      await other.close();
    }
  });

  it.each(['country', 'target', 'day'] as const)('agrees with core’s in-memory toneBy when grouping by %s', async (by) => {
    const quotes = [talks, followUp].flatMap((analysis) => analysis.quotes.map((quote) => ({ ...quote, publishedAt: analysis.publishedAt })));
    const pick = (rows: readonly { key: string; count: number; mean: number; ciLow: number; ciHigh: number }[]) =>
      rows.map(({ key, count, mean, ciLow, ciHigh }) => [key, count, mean.toFixed(9), ciLow.toFixed(9), ciHigh.toFixed(9)]);
    expect(pick(await store.tone(by))).toEqual(pick(toneBy(quotes, by)));
  });

  it('agrees with core’s in-memory stance matrix', async () => {
    const quotes = [talks, followUp].flatMap((analysis) => analysis.quotes);
    expect(await store.stanceMatrix()).toEqual(stanceMatrix(quotes));
  });

  it('labels countries by name', async () => {
    const rows = await store.tone('country');
    expect(rows.map((r) => [r.key, r.label])).toEqual([
      ['RU', 'Russia'],
      ['US', 'United States'],
      ['UA', 'Ukraine'],
    ]);
  });

  it('computes the speaker-country × target-country stance matrix', async () => {
    const cells = await store.stanceMatrix();
    expect(cells.map((c) => [c.speakerCountry, c.targetCountry, c.count, c.favor, c.against])).toEqual([
      ['RU', 'US', 1, 1, 0],
      ['US', 'RU', 2, 0, 2],
    ]);
    expect(cells[1]?.mean).toBeCloseTo(-0.5);
  });

  it.each([
    ['a limit out of range', () => store.listQuotes({}, { limit: 0 }), 'limit'],
    ['a forged cursor', () => store.listQuotes({}, { cursor: 'bm90IGEgY3Vyc29y' }), 'cursor'],
    ['a date that is not YYYY-MM-DD', () => store.tone('day', { from: '18/02/2025' }), 'from'],
    ['a text search with a NUL character', () => store.listQuotes({ q: 'Ukraine\u0000zzz' }), 'q'],
    ['an unknown grouping', () => store.tone('planet' as never), 'by'],
    ['a published date that is not ISO', () => store.ingest({ ...talks, text: 'other', publishedAt: 'last Tuesday' }), 'publishedAt'],
  ])('rejects %s with a message naming the field', async (_name, call, field) => {
    const error = await call().catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('invalid-input');
    expect((error as Error).message.startsWith(`${field}:`)).toBe(true);
  });

  it('lists stale articles and replaces their analysis in one go', async () => {
    const stale = await store.listStale('test-2');
    expect(stale.map((a) => a.id).sort()).toEqual([articleId(talks.text), articleId(followUp.text)].sort());
    const newer = { ...followUp, pipelineVersion: 'test-2', quotes: followUp.quotes.slice(0, 1) };
    expect(await store.replaceAnalysis(articleId(followUp.text), newer)).toBe(true);
    expect((await store.listStale('test-2')).map((a) => a.id)).toEqual([articleId(talks.text)]);
    expect((await store.getArticle(articleId(followUp.text)))?.quotes).toHaveLength(1);
    expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
    await expect(store.replaceAnalysis(articleId(followUp.text), talks)).rejects.toThrow(/does not hash/);
  });

  it('deletes an article with its quotes and stance rows, once', async () => {
    const id = articleId(talks.text);
    expect(await store.deleteArticle(id)).toBe(true);
    expect(await store.deleteArticle(id)).toBe(false);
    expect((await store.listQuotes({ article: id })).items).toEqual([]);
    expect((await store.stanceMatrix()).filter((c) => c.speakerCountry === 'RU')).toEqual([]);
    expect((await store.listSpeakers({ q: 'Zelensky' })).items).toEqual([]);
    expect((await store.verifyIntegrity()).ok).toBe(true);
  });

  it('batch-ingests the sample corpus in one transaction, in input order', async () => {
    const corpus = loadSampleCorpus().map((t) => analyzeArticle({ text: t.text, title: t.title, publishedAt: t.publishedAt }));
    const results = await store.ingestMany([...corpus, corpus[0] as (typeof corpus)[number]]);
    expect(results.map((r) => r.created)).toEqual([...corpus.map(() => true), false]);
    expect(results.at(-1)?.id).toBe(results[0]?.id);
    const stored = await store.stats();
    expect(stored.quotes).toBe(1 + corpus.reduce((sum, a) => sum + a.quotes.length, 0));
    expect((await store.verifyIntegrity()).ok).toBe(true);
  });
});

describe.each(testEngines)('kept tone totals on %s', (engine) => {
  let location: TestLocation;
  let store: Store;
  const corpus = loadSampleCorpus().map((t) => analyzeArticle({ text: t.text, title: t.title, source: t.source, publishedAt: t.publishedAt }));

  beforeAll(async () => {
    location = createTestLocation(engine);
    store = await createStore(location.config);
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  /** Every stored quote, read page by page: what a from-scratch aggregate would go over. */
  async function storedQuotes(): Promise<(StoredQuote & { publishedAt: string | null })[]> {
    const quotes: (StoredQuote & { publishedAt: string | null })[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredQuote> = await store.listQuotes({}, { limit: 1000, cursor });
      quotes.push(...page.items.map((quote) => ({ ...quote, publishedAt: quote.publishedDay })));
      cursor = page.nextCursor;
    } while (cursor);
    return quotes;
  }

  /** Unfiltered aggregates (read from the kept totals) against core's computation over every stored quote. */
  async function expectTotalsToMatchARecount(): Promise<void> {
    const quotes = await storedQuotes();
    const pick = (rows: readonly { key: string; count: number; mean: number; ciLow: number; ciHigh: number; share: { positive: number; neutral: number; negative: number } }[]) =>
      rows.map(({ key, count, mean, ciLow, ciHigh, share }) => [key, count, mean.toFixed(9), ciLow.toFixed(9), ciHigh.toFixed(9), share.positive, share.neutral, share.negative]);
    for (const by of ['speaker', 'country', 'target', 'day'] as const) {
      expect(pick(await store.tone(by)), by).toEqual(pick(toneBy(quotes, by)));
    }
    const cells = (list: readonly StanceCell[]) => list.map(({ speakerCountry, targetCountry, favor, against, neutralStance, ...tone }) => [speakerCountry, targetCountry, favor, against, neutralStance, ...pick([{ key: '', ...tone }])]);
    expect(cells(await store.stanceMatrix())).toEqual(cells(stanceMatrix(quotes)));
    expect((await store.stats()).quotes).toBe(quotes.length);
    const speakers = await store.listSpeakers({}, { limit: 1000 });
    const counts = new Map<string, number>();
    for (const quote of quotes) if (quote.speaker) counts.set(quote.speaker.id, (counts.get(quote.speaker.id) ?? 0) + 1);
    expect(new Map(speakers.items.map((speaker) => [speaker.id, speaker.quoteCount]))).toEqual(counts);
  }

  it('keeps the unfiltered aggregates equal to a recount through inserts, replacements and deletes', async () => {
    await store.ingestMany(corpus);
    await store.ingest(talks);
    await store.ingest(followUp);
    await expectTotalsToMatchARecount();

    // Same text, other analysis: fewer quotes, other scores and speakers, a stance more.
    const rescored = {
      ...talks,
      quotes: talks.quotes.slice(1).map((quote, index) => ({
        ...quote,
        sentiment: { ...quote.sentiment, score: quote.sentiment.score + 0.25 * (index + 1), label: 'positive' as const },
        stance: [...quote.stance, { target: 'Kyiv', targetCountry: 'UA', polarity: 'favor' as const, score: 0.3, evidence: [], rule: 'explicit', inferred: false }],
      })),
    };
    expect(await store.replaceAnalysis(articleId(talks.text), rescored)).toBe(true);
    const firstWithQuotes = corpus.find((analysis) => analysis.quotes.length > 1);
    if (!firstWithQuotes) throw new Error('the sample corpus has no article with two quotes');
    expect(await store.replaceAnalysis(articleId(firstWithQuotes.text), { ...firstWithQuotes, quotes: firstWithQuotes.quotes.slice(0, 1) })).toBe(true);
    await expectTotalsToMatchARecount();

    expect(await store.deleteArticle(articleId(followUp.text))).toBe(true);
    for (const analysis of corpus.slice(0, 10)) await store.deleteArticle(articleId(analysis.text));
    const other = await createStore(location.config);
    try {
      await other.ingest(followUp);
    } finally {
      await other.close();
    }
    await expectTotalsToMatchARecount();
  });

  it.each([
    ['a target', { target: 'RU' }],
    ['a target and a speaker country', { target: 'RU', country: 'US' }],
    ['a target and a day range', { target: 'RU', from: '2025-02-20', to: '2025-02-28' }],
  ] as const)('pages quotes with a stance toward %s, newest first, as a filter over every quote would', async (_name, filter) => {
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredQuote> = await store.listQuotes(filter, { limit: 1, cursor });
      paged.push(...page.items.map((quote) => `${quote.articleId}/${quote.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    const day = (quote: StoredQuote) => quote.publishedDay ?? '';
    const expected = (await storedQuotes())
      .filter((quote) => quote.stance.some((stance) => stance.targetCountry === filter.target))
      .filter((quote) => !('country' in filter) || quote.speaker?.country === filter.country)
      .filter((quote) => !('from' in filter) || (quote.publishedDay !== null && day(quote) >= filter.from && day(quote) <= filter.to))
      .map((quote) => `${quote.articleId}/${quote.id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(paged).toEqual(expected);
  });

  it('keeps no group once every article is deleted', async () => {
    const { items } = await store.listArticles({ limit: 1000 });
    for (const article of items) await store.deleteArticle(article.id);
    for (const by of ['speaker', 'country', 'target', 'day'] as const) expect(await store.tone(by), by).toEqual([]);
    expect(await store.stanceMatrix()).toEqual([]);
    expect((await store.stats()).quotes).toBe(0);
  });
});

describe.each(testEngines)('name order on %s', (engine) => {
  // Mixed case and a letter beyond ASCII: PostgreSQL's usual collation would put "alpha news" before "Zeta Post".
  const entries = [
    { source: 'beta', speaker: 'Émile Zola' },
    { source: 'Zeta Post', speaker: 'al-Sisi Ahmed' },
    { source: 'alpha news', speaker: 'Zed Brown' },
    { source: 'Alpha Wire', speaker: 'Ana Lopez' },
  ];
  let location: TestLocation;
  let store: Store;

  beforeAll(async () => {
    location = createTestLocation(engine);
    store = await createStore(location.config);
    if (location.config.engine === 'postgres') {
      // This server's databases collate in code-point order ("C.UTF-8"); many servers use a language's order. Give
      // the two columns English collation, as such a server would, so the store must ask for code-point order.
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      const schema = location.config.schema;
      await client.query(`alter table "${schema}".articles alter column source type text collate "en-US-x-icu"`);
      await client.query(`alter table "${schema}".speakers alter column name type text collate "en-US-x-icu"`);
      await client.end();
    }
    for (const [index, entry] of entries.entries()) {
      await store.ingest(makeAnalysis({ source: entry.source, salt: `order ${index}`, quotes: [{ text: `Words number ${index}`, speaker: { name: entry.speaker } }] }));
    }
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  /** Every item of a listing, read one per page so the cursor comparison is exercised at each step. */
  async function readAll<T>(list: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
    const items: T[] = [];
    for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
      const page: Page<T> = await list(cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return items;
  }

  it('lists sources in code-point order, the same on both engines, page by page', async () => {
    const sources = await readAll((cursor) => store.listSources({ limit: 1, ...(cursor ? { cursor } : {}) }));
    expect(sources.map((item) => item.source)).toEqual(['Alpha Wire', 'Zeta Post', 'alpha news', 'beta']);
  });

  it('lists speakers in code-point order, the same on both engines, page by page', async () => {
    const speakers = await readAll((cursor) => store.listSpeakers({}, { limit: 1, ...(cursor ? { cursor } : {}) }));
    expect(speakers.map((item) => item.name)).toEqual(['Ana Lopez', 'Zed Brown', 'al-Sisi Ahmed', 'Émile Zola']);
  });
});

describe.each(testEngines)('quote pages under every filter and sort on %s', (engine) => {
  let location: TestLocation;
  let store: Store;
  const people = [
    { name: 'Sergei Lavrov', country: 'RU' },
    { name: 'Maria Zakharova', country: 'RU' },
    { name: 'Marco Rubio', country: 'US' },
    { name: 'Andrii Sybiha', country: 'UA' },
    { name: 'Someone Unplaced', country: null },
  ];
  const days = ['2025-03-01', '2025-03-02', '2025-03-04', '2025-03-07', null];
  const sources = ['Alpha Wire', 'Beta Daily', null];
  const words = ['peace talks', 'a threat', 'Peace now', 'sanctions', 'dialogue'];
  // Deterministic, with ties on every sort key (days, scores, articles) and quotes toward two targets.
  const analyses = Array.from({ length: 14 }, (_, a) =>
    makeAnalysis({
      salt: `article ${a}`,
      source: sources[a % sources.length] ?? null,
      publishedAt: days[(a * 3) % days.length] ?? null,
      quotes: Array.from({ length: 3 + (a % 4) }, (_, q) => {
        const seed = a * 7 + q * 3;
        const stance =
          seed % 3 === 0
            ? [{ target: 'Moscow', targetCountry: 'RU', polarity: 'against' as const, score: -0.5 }, ...(seed % 2 === 0 ? [{ target: 'Kremlin', targetCountry: 'RU', polarity: 'against' as const, score: -0.2 }] : [])]
            : seed % 3 === 1
              ? [{ target: 'Washington', targetCountry: 'US', polarity: 'favor' as const, score: 0.4 }]
              : [];
        return { text: `${words[seed % words.length]} ${a}.${q}`, speaker: people[seed % people.length] ?? null, score: (seed % 5) - 2, stance };
      }),
    }),
  );

  beforeAll(async () => {
    location = createTestLocation(engine);
    store = await createStore(location.config);
    await store.ingestMany(analyses);
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  /** Every quote of the test articles in a sort's order, computed here from the analyses (ties: article, ordinal). */
  function expectedOrder(filter: QuoteFilter, sort: QuoteSort, speakerIds: ReadonlyMap<string, string>): string[] {
    const rows = analyses.flatMap((analysis) =>
      analysis.quotes.map((quote, index) => ({
        key: `${articleId(analysis.text)}/${quote.id}`,
        article: articleId(analysis.text),
        ordinal: index + 1,
        day: analysis.publishedAt?.slice(0, 10) ?? null,
        source: analysis.source,
        quote,
      })),
    );
    const matches = rows.filter(({ day, source, quote }) =>
      (filter.speaker === undefined || (quote.speaker && speakerIds.get(quote.speaker.name) === filter.speaker)) &&
      (filter.country === undefined || quote.speaker?.country === filter.country) &&
      (filter.source === undefined || source === filter.source) &&
      (filter.target === undefined || quote.stance.some((stance) => stance.targetCountry === filter.target)) &&
      (filter.from === undefined || (day !== null && day >= filter.from)) &&
      (filter.to === undefined || (day !== null && day <= filter.to)) &&
      (filter.q === undefined || quote.text.toLowerCase().includes(filter.q.toLowerCase())),
    );
    const sortKey = (row: (typeof rows)[number]): string | number =>
      sort === 'newest' ? (row.day ?? '') : sort === 'oldest' ? (row.day ?? '~') : row.quote.sentiment.score;
    const descending = sort === 'newest' || sort === '-score';
    // Most positive first is the exact reverse of least positive first, ties too; the day sorts keep article order.
    const tiesDescending = sort === '-score';
    return matches
      .sort((x, y) => {
        const [a, b] = [sortKey(x), sortKey(y)];
        if (a !== b) return (a < b ? -1 : 1) * (descending ? -1 : 1);
        const tie = x.article !== y.article ? (x.article < y.article ? -1 : 1) : x.ordinal - y.ordinal;
        return tiesDescending ? -tie : tie;
      })
      .map((row) => row.key);
  }

  /** A list read three quotes a page, following the cursors to the end. */
  async function readAll(filter: QuoteFilter, sort: QuoteSort): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredQuote> = await store.listQuotes(filter, { sort, limit: 3, cursor });
      seen.push(...page.items.map((quote) => `${quote.articleId}/${quote.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  const filters: readonly [string, (speakers: ReadonlyMap<string, string>) => QuoteFilter][] = [
    ['no filter', () => ({})],
    ['speaker', (speakers) => ({ speaker: speakers.get('Sergei Lavrov') })],
    ['country', () => ({ country: 'RU' })],
    ['source', () => ({ source: 'Beta Daily' })],
    ['target', () => ({ target: 'RU' })],
    ['date range', () => ({ from: '2025-03-02', to: '2025-03-04' })],
    ['country and date range', () => ({ country: 'RU', from: '2025-03-02', to: '2025-03-07' })],
    ['target and speaker country', () => ({ target: 'US', country: 'RU' })],
    ['target and date range', () => ({ target: 'RU', from: '2025-03-04' })],
    ['target and source', () => ({ target: 'RU', source: 'Alpha Wire' })],
    ['source and speaker', (speakers) => ({ source: 'Alpha Wire', speaker: speakers.get('Marco Rubio') })],
    ['text', () => ({ q: 'PEACE' })],
    ['text and country', () => ({ q: 'peace', country: 'US' })],
    ['text inside a word', () => ({ q: 'ANCTION' })],
    ['text and target', () => ({ q: 'peace', target: 'RU' })],
    ['text and date range', () => ({ q: 'a', from: '2025-03-02' })],
  ];

  it.each(filters.flatMap(([name, filter]) => quoteSorts.map((sort) => [name, sort, filter] as const)))(
    'pages quotes by %s, %s first, three at a time, in the order of a sort over every quote',
    async (_name, sort, filter) => {
      const speakers = new Map((await store.listSpeakers({}, { limit: 100 })).items.map((speaker) => [speaker.name, speaker.id]));
      const expected = expectedOrder(filter(speakers), sort, speakers);
      expect(expected.length).toBeGreaterThan(3);
      expect(await readAll(filter(speakers), sort)).toEqual(expected);
    },
  );
});

describe.each(testEngines)('text search on %s', (engine) => {
  let location: TestLocation;
  let store: Store;
  const ruiz = { name: 'Ana Ruiz', country: 'ES' };
  const north = makeAnalysis({
    salt: 'north',
    source: 'Wire Service',
    publishedAt: '2025-03-02',
    quotes: [
      { text: 'Talks resumed in Reykjavik on Monday', speaker: lavrov, score: 1 },
      { text: 'The REYKJAVIK summit ended early', speaker: rubio, score: -1 },
      { text: '50% of voters_agree', speaker: ruiz },
      { text: 'A class action, not a vote', speaker: ruiz },
      { text: 'Keep the back\\slash in', speaker: ruiz },
      { text: 'He said "no" twice', speaker: rubio },
    ],
  });
  const south = makeAnalysis({
    salt: 'south',
    source: 'The Daily Test',
    publishedAt: '2025-03-01',
    quotes: [
      { text: 'Zürich and ÉMILE are names', speaker: ruiz, score: 2 },
      { text: 'émile went to the café in Reykjavik', speaker: lavrov, score: -2 },
    ],
  });
  const texts = async (filter: QuoteFilter) => (await store.listQuotes(filter, { limit: 100 })).items.map((quote) => quote.text).sort();

  beforeAll(async () => {
    location = createTestLocation(engine);
    store = await createStore(location.config);
    await store.ingestMany([north, south]);
  });
  afterAll(async () => {
    await store?.close();
    await location?.dispose();
  });

  // SQLite's LIKE folds A–Z only; PostgreSQL's ILIKE every letter (the trigram indexes of both fold more, so LIKE /
  // ILIKE must have the last word).
  const folds = engine === 'postgres';
  it.each([
    ['inside a word', { q: 'kjav' }, ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early', 'émile went to the café in Reykjavik']],
    ['in any case', { q: 'rEyKjAvIk' }, ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early', 'émile went to the café in Reykjavik']],
    ['across words, spaces included', { q: 'd in reyk' }, ['Talks resumed in Reykjavik on Monday']],
    ['with % taken literally', { q: '0%' }, ['50% of voters_agree']],
    ['with % alone', { q: '%' }, ['50% of voters_agree']],
    ['with _ taken literally (not "s a" of "class action")', { q: 's_a' }, ['50% of voters_agree']],
    ['with a backslash', { q: 'k\\s' }, ['Keep the back\\slash in']],
    ['with a backslash alone', { q: '\\' }, ['Keep the back\\slash in']],
    ['with double quotes', { q: '"no"' }, ['He said "no" twice']],
    ['of two characters', { q: 'ZZ' }, []],
    ['of two characters, inside words', { q: 'aV' }, ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early', 'émile went to the café in Reykjavik']],
    ['of one character beyond ASCII', { q: 'ü' }, ['Zürich and ÉMILE are names']],
    ['beyond ASCII, as written', { q: 'zürich' }, ['Zürich and ÉMILE are names']],
    ['beyond ASCII, in the other case', { q: 'ZÜRICH' }, folds ? ['Zürich and ÉMILE are names'] : []],
    ['beyond ASCII, lower case for upper', { q: 'émile' }, folds ? ['Zürich and ÉMILE are names', 'émile went to the café in Reykjavik'] : ['émile went to the café in Reykjavik']],
    ['that matches nothing', { q: 'no such words' }, []],
    ['and a country', { q: 'reykjavik', country: 'RU' }, ['Talks resumed in Reykjavik on Monday', 'émile went to the café in Reykjavik']],
    ['and a source', { q: 'reykjavik', source: 'The Daily Test' }, ['émile went to the café in Reykjavik']],
    ['and a day range', { q: 'reykjavik', from: '2025-03-02' }, ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early']],
  ] as const)('finds text %s', async (_name, filter, expected) => {
    expect(await texts(filter)).toEqual([...expected].sort());
  });

  it.each(quoteSorts)('pages a search %s first, one quote a page, in the order of the sort', async (sort) => {
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredQuote> = await store.listQuotes({ q: 'reykjavik' }, { sort, limit: 1, cursor });
      paged.push(...page.items.map((quote) => quote.text));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = {
      newest: ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early', 'émile went to the café in Reykjavik'],
      oldest: ['émile went to the café in Reykjavik', 'Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early'],
      score: ['émile went to the café in Reykjavik', 'The REYKJAVIK summit ended early', 'Talks resumed in Reykjavik on Monday'],
      '-score': ['Talks resumed in Reykjavik on Monday', 'The REYKJAVIK summit ended early', 'émile went to the café in Reykjavik'],
    }[sort];
    expect(paged).toEqual(expected);
  });

  it('filters tone and the stance matrix by text as the quotes are filtered', async () => {
    const rows = await store.tone('speaker', { q: 'reykjavik' });
    expect(rows.map((row) => [row.label, row.count, row.mean])).toEqual([
      ['Sergei Lavrov', 2, -0.5],
      ['Marco Rubio', 1, -1],
    ]);
  });

  it('keeps the index in step through deletes, re-ingests and replaced analyses', async () => {
    const later = makeAnalysis({ salt: 'later', quotes: [{ text: 'Snow in Tromsø again', speaker: ruiz }, { text: 'Tromsø is far north', speaker: ruiz }] });
    const { id } = await store.ingest(later);
    expect(await texts({ q: 'tromsø' })).toEqual(['Snow in Tromsø again', 'Tromsø is far north']);
    expect(await store.deleteArticle(id)).toBe(true);
    expect(await texts({ q: 'tromsø' })).toEqual([]);
    await store.ingest(later);
    expect(await texts({ q: 'romsø' })).toEqual(['Snow in Tromsø again', 'Tromsø is far north']);
    // The same article analysed again with one quote fewer and another span: the old quote texts are gone.
    expect(await store.replaceAnalysis(id, { ...later, quotes: later.quotes.slice(1).map((quote) => ({ ...quote, text: 'far north', start: quote.start + 10 })) })).toBe(true);
    expect(await texts({ q: 'tromsø' })).toEqual([]);
    expect(await texts({ q: 'far north' })).toEqual(['far north']);
    expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
    expect(await store.deleteArticle(id)).toBe(true);
    expect(await texts({ q: 'far north' })).toEqual([]);
  });

  // SQLite's own text index (PostgreSQL's is an ordinary index its server keeps): defined for that engine only, so the
  // other engine's run does not list it as skipped.
  if (engine === 'sqlite') it('reports a text index out of step with the quotes in the integrity check', async () => {
    const { dataDir } = location.config as { dataDir: string };
    const db = new BetterSqlite3(join(dataDir, 'newstone.sqlite'));
    try {
      // What a write around the store's triggers would leave: one quote's text missing from the index.
      db.exec(`insert into quotes_text (quotes_text, rowid, text) select 'delete', rowid, text from quotes where text like 'Zürich%'`);
      expect(await store.verifyIntegrity()).toEqual({
        ok: false,
        problems: ["sqlite text index quotes_text does not match the quotes (insert into quotes_text (quotes_text) values ('rebuild') rebuilds it)"],
      });
      db.exec(`insert into quotes_text (quotes_text) values ('rebuild')`);
      expect(await store.verifyIntegrity()).toEqual({ ok: true, problems: [] });
    } finally {
      db.close();
    }
  });
});

describe('table statistics on postgres', () => {
  it('analyses the quote tables once ingests grew them, when the server does not (autovacuum off)', async () => {
    const location = createTestLocation('postgres');
    const store = await createStore(location.config);
    const client = new pg.Client({ connectionString: testDatabaseUrl });
    await client.connect();
    try {
      const schema = (location.config as { schema: string }).schema;
      const { rows: setting } = await client.query<{ autovacuum: string }>(`select current_setting('autovacuum') as autovacuum`);
      const analysedRows = async () =>
        Number((await client.query<{ n: number }>(`select c.reltuples as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = $1 and c.relname = 'quotes'`, [schema])).rows[0]?.n);
      const article = (index: number) => makeAnalysis({ salt: `batch ${index}`, quotes: Array.from({ length: 50 }, (_, q) => ({ text: `Quote ${index}.${q}`, score: q % 3 })) });
      await store.ingestMany(Array.from({ length: 10 }, (_, index) => article(index)));
      expect(await analysedRows()).toBe(-1);
      await store.ingestMany(Array.from({ length: 12 }, (_, index) => article(100 + index)));
      // The server's own autovacuum analyses on its own schedule; without it, the store just did.
      if (setting[0]?.autovacuum === 'off') expect(await analysedRows()).toBe(1100);
    } finally {
      await client.end();
      await store.close();
      await location.dispose();
    }
  });
});
