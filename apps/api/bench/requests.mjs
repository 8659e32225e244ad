/**
 * The dashboard reads the API benchmarks measure: the overview's aggregates, then the quote explorer's first page
 * under each filter and sort (the speaker with the fewest quotes, so a plan that scans for matches shows), and a
 * second page through its cursor. Shared by api-latency.mjs (HTTP under load) and query-plans.mjs (one
 * connection, with each query's plan).
 */

/**
 * @param {import('@newstone/store').Store} store
 * @returns {Promise<{ path: string, tone?: string, filter?: Record<string, string>, page?: Record<string, string | number> }[]>}
 */
export async function benchRequests(store) {
  const speakers = await store.tone('speaker');
  const rare = speakers.at(-1)?.key ?? 'none';
  const secondPage = (await store.listQuotes({ country: 'RU' }, { limit: 50 })).nextCursor ?? '';
  const quotes = (filter, page = {}) => {
    const { sort, cursor } = page;
    const query = new URLSearchParams({ ...filter, ...(sort ? { sort } : {}), limit: '50', ...(cursor ? { cursor } : {}) });
    return { path: `/api/quotes?${query}`, filter, page: { limit: 50, ...page } };
  };
  return [
    ...['speaker', 'country', 'target'].map((by) => ({ path: `/api/tone?by=${by}`, tone: by })),
    quotes({}),
    quotes({ country: 'RU' }),
    quotes({ country: 'RU' }, { cursor: secondPage }),
    quotes({ speaker: rare }),
    quotes({ source: 'bench' }),
    quotes({ target: 'RU' }),
    quotes({ from: '2025-03-01', to: '2025-03-31' }),
    quotes({ country: 'RU', from: '2025-03-01', to: '2025-03-31' }),
    quotes({}, { sort: 'oldest' }),
    quotes({}, { sort: '-score' }),
    quotes({ country: 'RU' }, { sort: 'score' }),
    quotes({ country: 'RU' }, { sort: 'oldest' }),
    quotes({ speaker: rare }, { sort: '-score' }),
    quotes({ source: 'bench' }, { sort: 'oldest' }),
    quotes({ target: 'RU' }, { sort: 'oldest' }),
    quotes({ target: 'RU' }, { sort: '-score' }),
    // Text search: a common word (in most quotes), a rare one (200 quotes in a million, see synthetic-analyses.mjs),
    // each with another filter, and words that match nothing.
    quotes({ q: 'aggression' }),
    quotes({ q: 'reykjavik' }),
    quotes({ q: 'reykjavik', country: 'RU' }),
    quotes({ q: 'aggression', country: 'RU' }, { sort: 'oldest' }),
    quotes({ q: 'no such words' }),
  ];
}
