import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { createFilterOptions } from '../api/filter-options.js';
import { fetchQuotes, quotesCsvUrl } from '../api/queries.js';
import { FilterBar } from '../components/filter-bar.js';
import { QuoteCard } from '../components/quote-card.js';
import { Empty, Failure, Loading } from '../components/states.js';
import { countryLabel } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { pageSizes, quoteSortChoices, readQuoteQuery } from '../lib/quote-query.js';

/** The quote explorer: every quote behind a chart mark, filterable, pageable and downloadable as CSV. */
export default function Quotes(): JSX.Element {
  usePageTitle(() => 'Quotes');
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => readQuoteQuery(params), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const [page, { refetch }] = createResource(query, fetchQuotes);
  const options = createFilterOptions(() => page.state === 'ready' || page.state === 'errored');
  const [previous, setPrevious] = createSignal<(string | undefined)[]>([]);
  // The API sorts every matching quote; the page shows them in the order they came.
  const items = () => page()?.items ?? [];
  // The first page of quotes on screen is the explorer's speed figure (see BENCHMARKS.md); effects run after the DOM update.
  createEffect(() => {
    if (items().length > 0 && performance.getEntriesByName('newstone:first-quotes').length === 0) performance.mark('newstone:first-quotes');
  });
  const sort = () => query().sort ?? 'newest';
  const narrowing = (): string[] => {
    const q = query();
    return [
      q.speaker ? `speaker ${page()?.items[0]?.speaker?.id === q.speaker ? page()?.items[0]?.speaker?.name : q.speaker}` : '',
      q.country ? `speaker country ${countryLabel(q.country)}` : '',
      q.target ? `target ${countryLabel(q.target)}` : '',
      q.source ? `source ${q.source}` : '',
      q.article ? 'one article' : '',
      q.q ? `text “${q.q}”` : '',
    ].filter(Boolean);
  };
  const next = (): void => {
    const cursor = page()?.nextCursor;
    if (!cursor) return;
    setPrevious([...previous(), query().cursor]);
    setParams({ cursor });
  };
  const back = (): void => {
    const stack = previous();
    setPrevious(stack.slice(0, -1));
    setParams({ cursor: stack.at(-1) });
  };
  return (
    <>
      <h1>Quotes</h1>
      <Show when={narrowing().length > 0}>
        <p class="lede" data-testid="narrowing">
          Showing quotes for {narrowing().join(', ')}.{' '}
          <button type="button" class="link" onClick={() => setParams({ speaker: undefined, article: undefined, q: undefined, cursor: undefined })}>
            Show all speakers and articles
          </button>
        </p>
      </Show>
      <FilterBar sources={options.sources()} countries={options.countries()} targets={options.targets()} />
      <form class="filters" role="search" aria-label="Search and sort quotes" onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setParams({ q: String(data.get('q') ?? '').trim() || undefined, cursor: undefined });
      }}>
        <label>
          Words in the quote
          <input type="search" name="q" value={query().q ?? ''} placeholder="e.g. sanctions" />
        </label>
        <button type="submit">Search</button>
        <label>
          Sort
          <select
            name="sort"
            onChange={(e) => {
              // A cursor belongs to its order: a new order starts again at its first page.
              setPrevious([]);
              setParams({ sort: e.currentTarget.value === 'newest' ? undefined : e.currentTarget.value, cursor: undefined });
            }}
          >
            <For each={quoteSortChoices}>{(choice) => <option value={choice.sort} selected={choice.sort === sort()}>{choice.label}</option>}</For>
          </select>
        </label>
        <label>
          Per page
          <select name="limit" onChange={(e) => setParams({ limit: e.currentTarget.value, cursor: undefined })}>
            <For each={pageSizes}>{(size) => <option value={size} selected={size === query().limit}>{size}</option>}</For>
          </select>
        </label>
        <a class="button secondary" href={quotesCsvUrl(query())} download="newstone-quotes.csv">
          Download CSV
        </a>
      </form>
      <Show when={!page.error} fallback={<Failure error={page.error} retry={refetch} />}>
        <Show when={!page.loading || page.latest} fallback={<Loading label="Loading quotes…" />}>
          <Show when={items().length > 0} fallback={<Empty>No quotes match. Widen the filters, or <a href="#/add">add articles</a>.</Empty>}>
            <div class="quote-list" aria-busy={page.loading} aria-live="polite">
              <For each={items()}>{(quote) => <QuoteCard quote={quote} />}</For>
            </div>
          </Show>
          <nav class="pager" aria-label="Pages">
            <button type="button" disabled={!query().cursor} onClick={back}>
              ← Previous
            </button>
            <button type="button" disabled={!page()?.nextCursor} onClick={next}>
              Next →
            </button>
          </nav>
        </Show>
      </Show>
    </>
  );
}
