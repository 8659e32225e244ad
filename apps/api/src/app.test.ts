import { type Store, createStore } from '@newstone/store';
import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppType, createApp } from './app.js';

const article = {
  text: '“We will not wait forever,” Russian Foreign Minister Sergei Lavrov said on Tuesday.\n\n“The talks were useful <script>alert(1)</script>,” said Marco Rubio, the US Secretary of State.',
  title: 'Talks',
  publishedAt: '2025-02-18',
};

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let store: Store;
let app: AppType;

beforeAll(async () => {
  store = await createStore({ engine: 'sqlite', filename: ':memory:' });
  app = createApp({ store });
});
afterAll(async () => store?.close());

describe('the OpenAPI document', () => {
  it('lists every route of the API', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { post?: { requestBody?: { required?: boolean; content: object } } }>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/articles']?.post?.requestBody?.required).toBe(true);
    expect(Object.keys(document.paths['/api/articles']?.post?.requestBody?.content ?? {})).toEqual(['application/json', 'text/plain', 'text/html']);
    expect(Object.entries(document.paths).map(([path, item]) => `${Object.keys(item).join(',')} ${path}`)).toMatchInlineSnapshot(`
      [
        "get /api/health",
        "post,get /api/articles",
        "get,delete /api/articles/{id}",
        "post /api/analyze",
        "get /api/sources",
        "get /api/quotes",
        "get /api/speakers",
        "get /api/speakers/{id}",
        "get /api/tone",
        "get /api/stance",
      ]
    `);
  });

  it('documents the quote filters, with source, on every route that takes them, and the quote sorts', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; schema: { enum?: string[] } }[] } }>;
    };
    const names = (path: string) => document.paths[path]?.get?.parameters?.map((parameter) => parameter.name);
    expect({ quotes: names('/api/quotes'), tone: names('/api/tone'), stance: names('/api/stance'), sources: names('/api/sources') }).toMatchInlineSnapshot(`
      {
        "quotes": [
          "speaker",
          "country",
          "target",
          "article",
          "source",
          "from",
          "to",
          "q",
          "sort",
          "format",
          "limit",
          "cursor",
        ],
        "sources": [
          "limit",
          "cursor",
        ],
        "stance": [
          "speaker",
          "country",
          "target",
          "article",
          "source",
          "from",
          "to",
          "by",
        ],
        "tone": [
          "speaker",
          "country",
          "target",
          "article",
          "source",
          "from",
          "to",
          "by",
        ],
      }
    `);
    expect(document.paths['/api/quotes']?.get?.parameters?.find((parameter) => parameter.name === 'sort')?.schema.enum).toEqual([
      'newest',
      'oldest',
      'score',
      '-score',
    ]);
  });

  it('is browsable at /docs with assets served by the service itself', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('src="/docs/swagger-ui-bundle.js"');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await app.request('/docs/swagger-ui-bundle.js');
    expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });
});

describe('articles', () => {
  it('stores an article once: 201 with the analysis, then 200 with the same id', async () => {
    const first = await app.request('/api/articles', json(article));
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: string; quotes: { text: string }[]; title: string };
    expect(stored.id).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.title).toBe('Talks');
    const second = await app.request('/api/articles', json({ ...article, title: 'Other title' }));
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(stored.id);
  });

  it.each([
    ['text/plain', 'Plain words. “A plain quote here,” Jane Doe said.'],
    ['text/html', '<html><body><article><p>“An HTML quote here,” Jane Doe said.</p></article></body></html>'],
  ])('accepts the article as %s', async (type, body) => {
    const response = await app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': type }, body });
    expect(response.status).toBe(201);
  });

  it('gives back markup inside quotes as data, in JSON', async () => {
    const page = (await (await app.request('/api/quotes?q=talks')).json()) as { items: { text: string }[] };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.text).toContain('The talks were useful <script>alert(1)</script>');
  });

  it('lists, reads and deletes articles', async () => {
    const list = (await (await app.request('/api/articles?limit=1')).json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).not.toBeNull();
    const rest = (await (await app.request(`/api/articles?limit=10&cursor=${list.nextCursor}`)).json()) as { items: unknown[]; nextCursor: null };
    expect([rest.items.length, rest.nextCursor]).toEqual([2, null]);
    const id = list.items[0]?.id;
    expect((await app.request(`/api/articles/${id}`)).status).toBe(200);
    expect((await app.request(`/api/articles/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/articles/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.request(`/api/articles/${id}`)).status).toBe(404);
  });

  it('analyses without storing', async () => {
    const before = await store.stats();
    const response = await app.request('/api/analyze', json({ text: '“Not kept,” Jane Roe said.' }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { quotes: unknown[] }).quotes.length).toBeGreaterThan(0);
    expect(await store.stats()).toEqual(before);
  });
});

describe('reads', () => {
  it.each([
    ['/api/tone?by=speaker'],
    ['/api/tone?by=country&from=2025-01-01&to=2025-12-31'],
    ['/api/tone?by=day'],
    ['/api/tone?by=target&country=RU'],
    ['/api/stance?by=country'],
    ['/api/speakers?q=a&limit=5'],
    ['/api/quotes?country=RU&limit=5'],
  ])('%s answers a list of items with nextCursor', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; nextCursor: unknown };
    expect(Array.isArray(body.items)).toBe(true);
    expect(body).toHaveProperty('nextCursor');
  });

  it('answers 304 to the ETag of an aggregate until a write changes it', async () => {
    const path = '/api/tone?by=speaker';
    const etag = (await app.request(path)).headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await app.request(path, { headers: { 'If-None-Match': etag ?? '' } })).status).toBe(304);
    const text = '“A new voice,” Etag Tester said.';
    await store.ingest({
      pipelineVersion: 'test',
      text,
      title: null,
      source: null,
      url: null,
      publishedAt: null,
      paragraphs: [],
      boilerplate: [],
      speakers: [],
      quotes: [
        {
          id: 'q1',
          start: 1,
          end: 12,
          text: 'A new voice',
          kind: 'direct',
          speaker: { id: 's1', name: 'Etag Tester', role: null, organization: null, country: null, kind: 'person' },
          cue: null,
          evidence: { rule: 'test', confidence: 1 },
          sentiment: { score: 1, comparative: 0.3, label: 'positive', positive: ['new'], negative: [] },
          stance: [],
        },
      ],
    });
    const after = await app.request(path, { headers: { 'If-None-Match': etag ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('exports quotes as CSV with a header row, quoting cells that need it', async () => {
    const response = await app.request('/api/quotes?format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'article_id,article_title,published_day,quote_id,start,end,kind,text,speaker_id,speaker_name,speaker_role,speaker_organization,speaker_country,sentiment_score,sentiment_label,stance_targets',
    );
    expect(lines.length - 2).toBe((await store.stats()).quotes);
  });

  it('exports quotes as NDJSON, one quote per line', async () => {
    const response = await app.request('/api/quotes?format=ndjson&limit=2');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { articleId: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.articleId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers a speaker by id, and 404 for an unknown one', async () => {
    const { items } = (await (await app.request('/api/speakers?limit=1')).json()) as { items: { id: string; name: string }[] };
    const speaker = (await (await app.request(`/api/speakers/${items[0]?.id}`)).json()) as { name: string; tone: { count: number } };
    expect(speaker.name).toBe(items[0]?.name);
    expect(speaker.tone.count).toBeGreaterThan(0);
    expect((await app.request('/api/speakers/sp_0000')).status).toBe(404);
  });

  it('gives the dashboard a typed client', async () => {
    const client = hc<AppType>('http://local', { fetch: (input: string | URL | Request, init?: RequestInit) => app.request(input, init) });
    const response = await client.api.tone.$get({ query: { by: 'country' } });
    expect(response.status).toBe(200);
    if (response.status === 200) {
      const body = await response.json();
      expect([Array.isArray(body.items), body.nextCursor]).toEqual([true, null]);
    }
  });
});

describe('source filter and quote order', () => {
  let local: Store;
  let localApp: AppType;
  const articles = [
    { source: 'The Herald', publishedAt: '2025-02-18', text: '“Russia is a terrible threat,” Marco Rubio, the US Secretary of State, said.' },
    { source: 'The Herald', publishedAt: '2025-03-01', text: '“We had a good and useful meeting,” Russian Foreign Minister Sergei Lavrov said.' },
    { source: 'Wire Service', publishedAt: '2025-02-20', text: '“Ukraine wants a fair and lasting peace,” Ukrainian President Volodymyr Zelensky said.' },
  ];

  beforeAll(async () => {
    local = await createStore({ engine: 'sqlite', filename: ':memory:' });
    localApp = createApp({ store: local });
    for (const body of articles) expect((await localApp.request('/api/articles', json(body))).status).toBe(201);
  });
  afterAll(async () => local?.close());

  const read = async <T>(path: string) => {
    const response = await localApp.request(path);
    expect(response.status).toBe(200);
    return (await response.json()) as { items: T[]; nextCursor: string | null };
  };

  it('lists the sources with their counts', async () => {
    expect(await read('/api/sources')).toEqual({
      items: [
        { source: 'The Herald', articleCount: 2, quoteCount: 2 },
        { source: 'Wire Service', articleCount: 1, quoteCount: 1 },
      ],
      nextCursor: null,
    });
  });

  it.each([
    ['/api/quotes?source=Wire%20Service', ['UA']],
    ['/api/quotes?source=The%20Herald', ['RU', 'US']],
    ['/api/quotes?source=Nobody', []],
  ] as const)('%s keeps the quotes of that source only', async (path, countries) => {
    const { items } = await read<{ speaker: { country: string } | null }>(path);
    expect(items.map((quote) => quote.speaker?.country).sort()).toEqual(countries);
  });

  it.each([
    ['/api/tone?by=country&source=The%20Herald', ['RU', 'US']],
    ['/api/tone?by=country&source=Wire%20Service', ['UA']],
  ] as const)('%s groups the quotes of that source only', async (path, keys) => {
    const { items } = await read<{ key: string }>(path);
    expect(items.map((row) => row.key).sort()).toEqual(keys);
  });

  it('filters the stance matrix by source', async () => {
    const all = await read<{ speakerCountry: string }>('/api/stance');
    const herald = await read<{ speakerCountry: string }>('/api/stance?source=The%20Herald');
    const wire = await read<{ speakerCountry: string }>('/api/stance?source=Wire%20Service');
    expect(herald.items.length + wire.items.length).toBe(all.items.length);
    expect(wire.items.every((cell) => cell.speakerCountry === 'UA')).toBe(true);
  });

  it.each([
    ['', ['2025-03-01', '2025-02-20', '2025-02-18']],
    ['&sort=newest', ['2025-03-01', '2025-02-20', '2025-02-18']],
    ['&sort=oldest', ['2025-02-18', '2025-02-20', '2025-03-01']],
  ] as const)('orders quotes by day (sort%s), one per page through the cursor', async (sort, days) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { publishedDay: string }[]; nextCursor: string | null } = await read(`/api/quotes?limit=1${sort}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((quote) => quote.publishedDay));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(days);
  });

  it.each([
    ['score', (a: number, b: number) => a - b],
    ['-score', (a: number, b: number) => b - a],
  ] as const)('orders quotes by sort=%s', async (sort, compare) => {
    const { items } = await read<{ sentiment: { score: number } }>(`/api/quotes?sort=${sort}`);
    const scores = items.map((quote) => quote.sentiment.score);
    expect(scores).toEqual([...scores].sort(compare));
    expect(new Set(scores).size).toBe(3);
  });

  it('exports CSV in the asked order', async () => {
    const lines = (await (await localApp.request('/api/quotes?format=csv&sort=oldest')).text()).trim().split('\r\n').slice(1);
    expect(lines.map((line) => line.split(',')[2])).toEqual(['2025-02-18', '2025-02-20', '2025-03-01']);
  });

  it('answers a speaker with the aliases merged across articles and the reason for each', async () => {
    const later = { source: 'Wire Service', publishedAt: '2025-03-02', text: '“We are not in a hurry,” Lavrov said on Friday.' };
    expect((await localApp.request('/api/articles', json(later))).status).toBe(201);
    const { items } = await read<{ id: string; name: string }>('/api/speakers?q=lavrov');
    expect(items.map((speaker) => speaker.name)).toEqual(['Sergei Lavrov']);
    const detail = (await (await localApp.request(`/api/speakers/${items[0]?.id}`)).json()) as { aliases: string[]; merges: unknown[] };
    expect(detail.aliases).toContain('Lavrov');
    expect(detail.merges).toContainEqual({ alias: 'Lavrov', into: 'Sergei Lavrov', reason: expect.stringMatching(/^across articles: \S/) });
  });
});

describe('errors are problem+json naming the field, without stack or echo', () => {
  const secret = 'ECHO-ME-NOT';
  it.each([
    ['malformed JSON', '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"text": "${secret}` }, 400, null],
    ['a body without text', '/api/articles', json({ title: secret }), 422, 'text'],
    ['an empty text', '/api/articles', json({ text: '   ' }), 422, 'text'],
    ['a date that is not ISO', '/api/articles', json({ text: secret, publishedAt: `${secret} Tuesday` }), 422, 'publishedAt'],
    ['a url that is not one', '/api/analyze', json({ text: secret, url: secret }), 422, 'url'],
    ['an unknown content type', '/api/articles', { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: `<a>${secret}</a>` }, 415, null],
    ['an unknown grouping', `/api/tone?by=${secret}`, {}, 400, 'by'],
    ['a limit out of range', '/api/quotes?limit=5000', {}, 400, 'limit'],
    ['a date filter that is not a date', `/api/quotes?from=${secret}`, {}, 400, 'from'],
    ['a forged cursor', `/api/quotes?cursor=${secret}`, {}, 400, 'cursor'],
    ['an unknown format', '/api/quotes?format=xml', {}, 400, 'format'],
    ['an unknown sort', `/api/quotes?sort=${secret}`, {}, 400, 'sort'],
    ['a cursor of another sort', `/api/quotes?sort=oldest&cursor=${Buffer.from('["newest","","x",1]').toString('base64url')}`, {}, 400, 'cursor'],
    ['an empty source', '/api/quotes?source=', {}, 400, 'source'],
    ['a text search with a NUL character', '/api/quotes?q=peace%00talks', {}, 400, 'q'],
    ['a forged sources cursor', `/api/sources?cursor=${secret}`, {}, 400, 'cursor'],
    ['an unknown article', '/api/articles/0123456789abcdef0123456789abcdef', {}, 404, null],
    ['an unknown route', `/api/${secret}`, {}, 404, null],
  ] as const)('%s → %i', async (_name, path, init, status, field) => {
    const response = await app.request(path, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const body = JSON.parse(text) as { status: number; title: string; errors?: { field: string }[] };
    expect(body.status).toBe(status);
    if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const response = await app.request('/api/articles', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('options', () => {
  it.each([
    ['a write without a key', 'POST', undefined, 401],
    ['a write with a wrong key', 'POST', 'Bearer nope', 401],
    ['a write with the key', 'POST', 'Bearer s3cret', 201],
    ['a read without a key', 'GET', undefined, 200],
  ])('with NEWSTONE_API_KEY, %s answers %i', async (_name, method, authorization, status) => {
    const keyed = createApp({ store: await createStore({ engine: 'sqlite', filename: ':memory:' }), apiKey: 's3cret' });
    const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
    const init: RequestInit = method === 'POST' ? json(article, headers) : { headers };
    const response = await keyed.request(method === 'POST' ? '/api/articles' : '/api/tone?by=country', init);
    expect(response.status).toBe(status);
  });

  it.each([
    ['an allowed origin', 'https://newsroom.example', 'https://newsroom.example'],
    ['another origin', 'https://evil.example', null],
  ])('CORS answers %s', async (_name, origin, allowed) => {
    const withCors = createApp({ store, corsOrigin: 'https://newsroom.example, https://other.example' });
    const response = await withCors.request('/api/health', { headers: { Origin: origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
  });
});
