import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, ErrorBoundary, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { createFilterOptions } from '../api/filter-options.js';
import { fetchStance, fetchTone } from '../api/queries.js';
import type { StanceCell, ToneRow } from '../api/types.js';
import { describeStanceCell, stanceMatrixChart } from '../charts/stance-matrix.js';
import { STANCE_MEANING } from '../lib/stance-summary.js';
import { toneBarChart } from '../charts/tone-bars.js';
import { toneOverTimeChart } from '../charts/tone-over-time.js';
import { ChartCard } from '../components/chart-card.js';
import { FilterBar } from '../components/filter-bar.js';
import { PlotFigure } from '../components/plot-figure.js';
import { Empty, Failure, Loading } from '../components/states.js';
import { ToneTable } from '../components/tone-table.js';
import { filterKeys, readFilters, searchString, type Filters } from '../lib/filters.js';
import { countryLabel, countryName, formatCount, formatDate, formatTone } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';

// The map is the heaviest chart (TopoJSON + projections): its own chunk, fetched after the first charts.
const WorldMap = lazy(() => import('../components/world-map-figure.js'));

const topChoices = [10, 20, 50, 0] as const;

/** The overview: tone by speaker, by speaker country (bars and map), the stance matrix and tone over time. */
export default function Overview(): JSX.Element {
  usePageTitle(() => 'Overview');
  const [params] = useSearchParams();
  const filters = createMemo<Filters>(() => readFilters(params), readFilters({}), { equals: sameFilters });
  // Requests in the order the charts appear: a store answers them in turn, and the first chart matters most.
  const [speakers, speakersControl] = createResource(filters, (f) => fetchTone('speaker', f));
  const [countries, countriesControl] = createResource(filters, (f) => fetchTone('country', f));
  const [stance, stanceControl] = createResource(filters, fetchStance);
  const [days, daysControl] = createResource(filters, (f) => fetchTone('day', f));
  const options = createFilterOptions(() => speakers.state === 'ready' || speakers.state === 'errored');
  const filtered = (): boolean => Object.values(filters()).some((value) => value !== undefined);
  const quotesHref = (extra: Record<string, string>): string => `#/quotes${searchString(filters(), extra)}`;
  return (
    <>
      <h1>Overview</h1>
      <p class="lede">Who speaks in what tone, and for which country. Click any bar, cell, country or day for the quotes behind it.</p>
      <FilterBar sources={options.sources()} countries={options.countries()} targets={options.targets()} />
      <div class="grid">
        {/* Each card waits for its own data: the first chart must not wait for the slowest query. */}
        <Suspense fallback={<section class="card"><h2>Tone by speaker</h2><Loading /></section>}>
          <SpeakerTone rows={speakers()?.items} error={speakers.error} retry={speakersControl.refetch} hrefOf={(row) => quotesHref({ speaker: row.key })} filtered={filtered()} />
        </Suspense>
        <Resource value={countries} retry={countriesControl.refetch} name="country tone">
          {(rows) => (
            <ChartCard
              name="country-tone"
              title="Tone by speaker country"
              description="Mean tone of quotes by speakers from each country or organisation, with 95% confidence intervals."
              chart={
                <Show when={rows.length > 0} fallback={<NoData what="quotes from speakers with a known country" filtered={filtered()} />}>
                  <PlotFigure
                    name="country-tone"
                    draw={(width) =>
                      toneBarChart(sortByMean(rows), {
                        width,
                        nameOf: (row) => countryLabel(row.key, row.label),
                        hrefOf: (row) => quotesHref({ country: row.key }),
                        ariaLabel: 'Mean tone by speaker country',
                      })
                    }
                  />
                  <ErrorBoundary fallback={(error) => <Failure error={error} />}>
                    <Suspense fallback={<Loading label="Loading the map…" />}>
                      <WorldMap rows={rows} hrefOf={(row) => quotesHref({ country: row.key })} />
                    </Suspense>
                  </ErrorBoundary>
                </Show>
              }
              table={<ToneTable rows={sortByMean(rows)} keyHeader="Speaker country" nameOf={(row) => countryLabel(row.key, row.label)} hrefOf={(row) => quotesHref({ country: row.key })} />}
            />
          )}
        </Resource>
        <Resource value={stance} retry={stanceControl.refetch} name="stance matrix">
          {(cells) => (
            <ChartCard
              name="stance-matrix"
              title="Stance: speaker country × target"
              description={`Rows: the speaker's country. Columns: the country or organisation the quote takes a stance toward. Colour: mean stance; numbers: quote counts. ${STANCE_MEANING}`}
              chart={
                <Show when={cells.length > 0} fallback={<NoData what="stances toward a country or organisation" filtered={filtered()} />}>
                  <PlotFigure
                    name="stance-matrix"
                    draw={(width) => stanceMatrixChart(cells, { width, nameOf: countryName, hrefOf: (cell) => quotesHref({ country: cell.speakerCountry, target: cell.targetCountry }) })}
                  />
                </Show>
              }
              table={<StanceTable cells={cells} hrefOf={(cell) => quotesHref({ country: cell.speakerCountry, target: cell.targetCountry })} />}
            />
          )}
        </Resource>
        <Resource value={days} retry={daysControl.refetch} name="tone over time">
          {(rows) => (
            <ChartCard
              name="tone-over-time"
              title="Tone over time"
              description="Daily mean tone with its 95% confidence band; larger dots hold more quotes."
              chart={
                <Show when={rows.length > 0} fallback={<NoData what="dated quotes" filtered={filtered()} />}>
                  <PlotFigure
                    name="tone-over-time"
                    draw={(width) => toneOverTimeChart(rows, { width, hrefOf: (row) => quotesHref({ from: row.key.slice(0, 10), to: row.key.slice(0, 10) }), ariaLabel: 'Mean tone per day' })}
                  />
                </Show>
              }
              table={<ToneTable rows={rows} keyHeader="Day" nameOf={(row) => formatDate(row.key)} hrefOf={(row) => quotesHref({ from: row.key.slice(0, 10), to: row.key.slice(0, 10) })} />}
            />
          )}
        </Resource>
      </div>
    </>
  );
}

interface SpeakerToneProps {
  readonly rows: readonly ToneRow[] | undefined;
  readonly error: unknown;
  readonly retry: () => void;
  readonly hrefOf: (row: ToneRow) => string;
  readonly filtered: boolean;
}

/** Tone by speaker: the N speakers with the most quotes, sorted by tone or count, with a name search. */
function SpeakerTone(props: SpeakerToneProps): JSX.Element {
  const [search, setSearch] = createSignal('');
  const [top, setTop] = createSignal<number>(20);
  const [order, setOrder] = createSignal<'tone' | 'count'>('tone');
  const shown = createMemo(() => {
    const needle = search().trim().toLowerCase();
    const matching = (props.rows ?? []).filter((row) => !needle || row.label.toLowerCase().includes(needle));
    const busiest = [...matching].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    const limited = top() > 0 ? busiest.slice(0, top()) : busiest;
    return order() === 'count' ? limited : sortByMean(limited);
  });
  const controls = (
    <div class="chart-controls">
      <label>
        Find a speaker
        <input type="search" name="speaker-search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} placeholder="Name" />
      </label>
      <label>
        Show
        <select name="top" onChange={(e) => setTop(Number(e.currentTarget.value))}>
          <For each={topChoices}>{(n) => <option value={n} selected={n === top()}>{n === 0 ? 'all' : `top ${n}`}</option>}</For>
        </select>
      </label>
      <label>
        Sort by
        <select name="order" onChange={(e) => setOrder(e.currentTarget.value === 'count' ? 'count' : 'tone')}>
          <option value="tone">tone</option>
          <option value="count">quote count</option>
        </select>
      </label>
    </div>
  );
  return (
    <Show when={!props.error} fallback={<section class="card"><h2>Tone by speaker</h2><Failure error={props.error} retry={props.retry} /></section>}>
      <Show when={props.rows} fallback={<section class="card"><h2>Tone by speaker</h2><Loading /></section>}>
        <ChartCard
          name="speaker-tone"
          title="Tone by speaker"
          description="Mean tone of each speaker's quotes with its 95% confidence interval and the number of quotes (n). Pale bars: too few quotes to trust (a whisker without an end runs past the chart). The speakers with the most quotes are shown."
          controls={controls}
          chart={
            <Show
              when={shown().length > 0}
              fallback={search().trim() ? <Empty>No speaker matches “{search().trim()}”.</Empty> : <NoData what="quotes with a speaker" filtered={props.filtered} />}
            >
              <PlotFigure name="speaker-tone" draw={(width) => toneBarChart(shown(), { width, nameOf: (row) => row.label, hrefOf: props.hrefOf, ariaLabel: 'Mean tone by speaker' })} />
            </Show>
          }
          table={<ToneTable rows={shown()} keyHeader="Speaker" nameOf={(row) => row.label} hrefOf={props.hrefOf} />}
        />
      </Show>
    </Show>
  );
}

/** Most positive first, then most negative last: the diverging bars read top to bottom. */
function sortByMean(rows: readonly ToneRow[]): ToneRow[] {
  return [...rows].sort((a, b) => b.mean - a.mean || b.count - a.count);
}

function sameFilters(a: Filters, b: Filters): boolean {
  return filterKeys.every((key) => a[key] === b[key]);
}

/** The empty state: under filters, offer to clear them; without, say what is missing and how to add it. */
function NoData(props: { readonly what: string; readonly filtered: boolean }): JSX.Element {
  return (
    <Empty>
      <Show when={props.filtered} fallback={<>No {props.what} yet. <a href="#/add">Add articles</a> to see them here.</>}>
        No {props.what} under these filters. <a href="#/">Clear the filters</a>.
      </Show>
    </Empty>
  );
}

interface ResourceLike<T> {
  (): T | undefined;
  readonly loading: boolean;
  readonly error: unknown;
}

/** Loading, error and ready states for one overview resource, in its own Suspense boundary. */
function Resource<T>(props: { value: ResourceLike<{ items: readonly T[] }>; retry: () => void; name: string; children: (items: readonly T[]) => JSX.Element }): JSX.Element {
  return (
    <Suspense fallback={<section class="card"><Loading label={`Loading ${props.name}…`} /></section>}>
      <Show when={!props.value.error} fallback={<section class="card"><Failure error={props.value.error} retry={props.retry} /></section>}>
        {/* Keyed: a new page (other filters) draws its card anew; unkeyed, the card would keep the first page's rows. */}
        <Show when={props.value()} keyed>
          {(page) => props.children(page.items)}
        </Show>
      </Show>
    </Suspense>
  );
}

function StanceTable(props: { readonly cells: readonly StanceCell[]; readonly hrefOf: (cell: StanceCell) => string }): JSX.Element {
  return (
    <table data-table="stance-matrix">
      <caption class="visually-hidden">Stance by speaker country and target</caption>
      <thead>
        <tr>
          <th scope="col">Speaker country</th>
          <th scope="col">Target</th>
          <th scope="col">Mean stance</th>
          <th scope="col">Favour</th>
          <th scope="col">Against</th>
          <th scope="col">Neutral</th>
          <th scope="col">Quotes</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.cells}>
          {(cell) => (
            <tr>
              <th scope="row">{countryLabel(cell.speakerCountry)}</th>
              <td>{countryLabel(cell.targetCountry)}</td>
              <td class="num">{formatTone(cell.mean)}</td>
              <td class="num">{formatCount(cell.favor)}</td>
              <td class="num">{formatCount(cell.against)}</td>
              <td class="num">{formatCount(cell.neutralStance)}</td>
              <td class="num">
                <a href={props.hrefOf(cell)} aria-label={`Quotes: ${describeStanceCell(cell, countryName)}`}>{formatCount(cell.count)}</a>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
