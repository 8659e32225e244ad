/**
 * Black-box checks of the built service (`newstone serve` as a child process, sample corpus loaded on start), once
 * on SQLite (fresh data folder) and once on PostgreSQL (fresh schema, dropped after): only HTTP goes in and out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startService, type RunningService } from '../support/service.js';

interface Quote {
  text: string;
  articleId: string;
  speaker: { name: string; country: string | null } | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const sample = readFileSync(join(repoRoot, 'packages/sample-corpus/corpus/us-russia-talks.txt'), 'utf8');
const problemType = 'application/problem+json';
const databaseUrl = process.env.NEWSTONE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `api_e2e_${process.pid}_${Date.now().toString(36)}`;
const engines = [
  ['SQLite', {}],
  ['PostgreSQL', { DATABASE_URL: databaseUrl, NEWSTONE_PG_SCHEMA: schema }],
] as const;

let service: RunningService;

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${service.url}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const postArticle = (body: string, type = 'application/json') =>
  fetch(`${service.url}/api/articles`, { method: 'POST', headers: { 'Content-Type': type }, body });

describe.each(engines)('the started service on %s', (engine, env) => {
  beforeAll(async () => {
    service = await startService(env);
  });
  afterAll(async () => {
    await service?.stop();
    if (engine === 'PostgreSQL') {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  });

  it('gives each tone-by-speaker row the speaker\'s country and role, so a client can colour speakers by country', async () => {
    const rows = await get<{ items: { label: string; country: string | null; role: string | null }[] }>('/api/tone?by=speaker');
    const lavrov = rows.items.find((row) => row.label === 'Sergei Lavrov');
    expect({ country: lavrov?.country, hasRole: typeof lavrov?.role }).toEqual({ country: 'RU', hasRole: 'string' });
    expect(rows.items.every((row) => 'country' in row && 'role' in row)).toBe(true);
  });

  it('reports the engine it stores in', async () => {
    const health = await get<{ engine: string; articles: number }>('/api/health');
    expect(health.engine).toBe(engine === 'SQLite' ? 'sqlite' : 'postgres');
    expect(health.articles).toBe(25);
  });

  it('loads the sample corpus on first start: at least 10 speakers', async () => {
    const page = await get<Page<{ name: string }>>('/api/speakers?limit=1000');
    expect(page.items.length).toBeGreaterThanOrEqual(10);
  });

  it('reports the President’s remarks in the demo corpus as his turns and the press secretary’s statement as hers', async () => {
    const articles = await get<Page<{ id: string; title: string | null }>>('/api/articles?limit=100');
    const units = async (title: string) => {
      const summary = articles.items.find((article) => article.title === title);
      const article = await get<{ quotes: { kind: string; speaker: { name: string; country: string | null } | null }[] }>(`/api/articles/${encodeURIComponent(summary!.id)}`);
      const byKind = new Map<string, Set<string>>();
      for (const quote of article.quotes) byKind.set(quote.kind, (byKind.get(quote.kind) ?? new Set()).add(`${quote.speaker?.name} (${quote.speaker?.country})`));
      return [article.quotes.length >= 3, Object.fromEntries([...byKind].map(([kind, speakers]) => [kind, [...speakers]]))];
    };
    // Speakers merge across the corpus: the remarks' "THE PRESIDENT" is the readouts' "President Joseph R. Biden, Jr.".
    expect(await units('Remarks by President Biden Providing an Update on Russia and Ukraine')).toEqual([true, { turn: [expect.stringMatching(/Biden \(US\)$/)] }]);
    expect(await units('Statement by Press Secretary Jen Psaki on Russian Announcement on Eastern Ukraine')).toEqual([true, { statement: ['Jen Psaki (US)'] }]);
  });

  it('publishes an OpenAPI 3.1 document listing the endpoints', async () => {
    const document = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    expect(document.openapi).toBe('3.1.0');
    const routes = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'DELETE /api/articles/{id}',
        'GET /api/articles',
        'GET /api/articles/{id}',
        'GET /api/health',
        'GET /api/quotes',
        'GET /api/sources',
        'GET /api/speakers',
        'GET /api/speakers/{id}',
        'GET /api/stance',
        'GET /api/tone',
        'POST /api/analyze',
        'POST /api/articles',
      ].sort(),
    );
    const docs = await fetch(`${service.url}/docs`);
    expect([docs.status, (await docs.text()).includes('swagger-ui-bundle.js')]).toEqual([200, true]);
  });

  it('ingests the sample article as 201, then answers 200 with the same id', async () => {
    const body = JSON.stringify({ text: sample, title: 'Talks between the US and Russia', publishedAt: '2022-01-12' });
    // The corpus load stored it already: take it out, so this is a first ingest again.
    const loaded = await postArticle(body);
    expect(loaded.status).toBe(200);
    const { id } = (await loaded.json()) as { id: string };
    expect((await fetch(`${service.url}/api/articles/${id}`, { method: 'DELETE' })).status).toBe(204);
    const first = await postArticle(body);
    expect(first.status).toBe(201);
    const second = await postArticle(body);
    expect(second.status).toBe(200);
    expect([((await first.json()) as { id: string }).id, ((await second.json()) as { id: string }).id]).toEqual([id, id]);
  });

  it('stores each content once when identical and different articles are posted at once', async () => {
    const same = `Parallel test.\n\n“We posted this at once,” said Dana Parallel, a spokeswoman.`;
    const posts = [
      ...Array.from({ length: 8 }, () => postArticle(same, 'text/plain')),
      ...Array.from({ length: 8 }, (_, index) => postArticle(`Parallel ${index}.\n\n“Article number ${index},” said Dana Parallel.`, 'text/plain')),
    ];
    const answers = await Promise.all(posts.map(async (response) => ({ status: (await response).status, id: ((await (await response).json()) as { id: string }).id })));
    const identical = answers.slice(0, 8);
    expect(identical.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(identical.filter((answer) => answer.status === 200)).toHaveLength(7);
    expect(new Set(identical.map((answer) => answer.id)).size).toBe(1);
    expect(answers.slice(8).map((answer) => answer.status)).toEqual(Array.from({ length: 8 }, () => 201));
    const { items } = await get<Page<Quote>>('/api/quotes?q=posted%20this%20at%20once');
    expect(items).toHaveLength(1);
  });

  it('has tone by country for the US, Russia and Ukraine', async () => {
    const { items } = await get<Page<{ key: string; count: number }>>('/api/tone?by=country');
    expect(items.map((row) => row.key)).toEqual(expect.arrayContaining(['US', 'RU', 'UA']));
  });

  it('knows Lavrov speaks for Russia', async () => {
    const { items } = await get<Page<{ name: string; country: string | null }>>('/api/speakers?q=Lavrov');
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((speaker) => speaker.country)).toEqual(items.map(() => 'RU'));
  });

  it('filters quotes by the speaker country', async () => {
    const { items } = await get<Page<Quote>>('/api/quotes?country=RU&limit=1000');
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((quote) => quote.speaker?.country))).toEqual(new Set(['RU']));
  });

  it('lists the sources with their quote counts, and filters quotes by each to exactly that many', async () => {
    const sources = await get<Page<{ source: string; quoteCount: number }>>('/api/sources');
    expect(sources.items.map((row) => row.source)).toContain('The White House (Briefing Room)');
    for (const { source, quoteCount } of sources.items) {
      const { items } = await get<Page<Quote>>(`/api/quotes?source=${encodeURIComponent(source)}&limit=1000`);
      expect(items).toHaveLength(quoteCount);
    }
  });

  it('lists quotes newest first unless asked otherwise', async () => {
    const days = (await get<Page<{ publishedDay: string | null }>>('/api/quotes?limit=1000')).items.map((quote) => quote.publishedDay ?? '');
    expect(days).toEqual([...days].sort().reverse());
  });

  it('exports the same quotes as CSV, one row each', async () => {
    const { items } = await get<Page<Quote>>('/api/quotes?country=RU&limit=1000');
    const response = await fetch(`${service.url}/api/quotes?country=RU&format=csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    expect(csv.startsWith('article_id,article_title,published_day,quote_id,')).toBe(true);
    // Rows end in CRLF; quoted cells may hold bare newlines, so count record ends.
    expect(csv.split('\r\n').length - 2).toBe(items.length);
  });

  it.each([
    ['malformed JSON', 400, () => postArticle('{"text": ')],
    ['an unknown article id', 404, () => fetch(`${service.url}/api/articles/${'f'.repeat(32)}`)],
    ['a body over 10 MB', 413, () => postArticle('a'.repeat(10 * 1024 * 1024 + 10), 'text/plain')],
    ['a JSON body without text', 422, () => postArticle(JSON.stringify({ title: 'no text' }))],
    ['an unknown tone grouping', 400, () => fetch(`${service.url}/api/tone?by=planet`)],
  ] as const)('answers %s with problem+json %i', async (_name, status, send) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(problemType);
    const problem = (await response.json()) as { status: number; title: string };
    expect(problem.status).toBe(status);
    expect(problem.title).not.toBe('');
  });

  it('gives markup inside quotes back as data, not as markup', async () => {
    const markup = `<img src=x onerror='alert(1)'><script>alert(2)</script>`;
    const text = `A test of markup.\n\n“Here is ${markup} in my words,” said Jane Markup, a spokeswoman.`;
    const response = await postArticle(text, 'text/plain');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { id } = (await response.json()) as { id: string };
    const { items } = await get<Page<Quote>>(`/api/quotes?article=${id}`);
    expect(items.some((quote) => quote.text.includes(markup))).toBe(true);
  });
});
