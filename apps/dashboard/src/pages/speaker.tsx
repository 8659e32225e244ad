import { A, useParams } from '@solidjs/router';
import { createResource, For, Show, Suspense, type JSX } from 'solid-js';
import { fetchQuotes, fetchSpeaker, fetchTone } from '../api/queries.js';
import type { SpeakerProfile } from '../api/types.js';
import { describeTargetStance, stanceByTargetChart } from '../charts/stance-by-target.js';
import { toneOverTimeChart } from '../charts/tone-over-time.js';
import { ChartCard } from '../components/chart-card.js';
import { PlotFigure } from '../components/plot-figure.js';
import { QuoteCard } from '../components/quote-card.js';
import { Empty, Failure, Loading } from '../components/states.js';
import { ToneTable } from '../components/tone-table.js';
import { aliasLines } from '../lib/aliases.js';
import { countOf, countryLabel, formatCount, formatDate, formatTone } from '../lib/format.js';
import { usePageTitle } from '../lib/page-title.js';
import { STANCE_MEANING, summarizeStances, type TargetStance } from '../lib/stance-summary.js';

/** A speaker: who they are, the names merged into them and why, their tone over time and toward each target. */
export default function SpeakerPage(): JSX.Element {
  const params = useParams<{ id: string }>();
  const [speaker, { refetch }] = createResource(() => params.id, fetchSpeaker);
  return (
    <Show when={!speaker.error} fallback={<Failure error={speaker.error} retry={refetch} />}>
      <Show when={speaker()} fallback={<Loading label="Loading the speaker…" />}>
        {(loaded) => <SpeakerView speaker={loaded()} />}
      </Show>
    </Show>
  );
}

function SpeakerView(props: { readonly speaker: SpeakerProfile }): JSX.Element {
  usePageTitle(() => props.speaker.name);
  const id = (): string => props.speaker.id;
  const [days] = createResource(id, (speaker) => fetchTone('day', {}, speaker));
  // One request serves the quote list (its first 20) and the stance counts (all of up to 1000 quotes): the API's
  // stance matrix groups by speaker country, and a speaker's own stance is counted from their quotes.
  const [quotes] = createResource(id, (speaker) => fetchQuotes({ speaker, limit: 1000 }));
  const shownCount = 20;
  // The store keeps every merge with its reason, from every article that named the speaker.
  const aliases = () => aliasLines(props.speaker);
  const quotesHref = (extra: string): string => `#/quotes?speaker=${encodeURIComponent(id())}${extra}`;
  return (
    <>
      <h1>{props.speaker.name}</h1>
      <dl class="facts">
        <dt>Role</dt>
        <dd>{props.speaker.role ?? '—'}</dd>
        <dt>Organisation</dt>
        <dd>{props.speaker.organization ?? '—'}</dd>
        <dt>Country</dt>
        <dd>
          <Show when={props.speaker.country} fallback="—">
            {(code) => (
              <>
                {countryLabel(code())}
                <Show when={props.speaker.countryEvidence}>
                  {(evidence) => (
                    <span class="muted">
                      {' '}
                      — {evidence().rule} ‘{evidence().evidence}’, {evidence().confidence.toFixed(2)}
                    </span>
                  )}
                </Show>
              </>
            )}
          </Show>
        </dd>
        <dt>Said</dt>
        <dd>
          {countOf(props.speaker.quoteCount, 'quote')} in {countOf(props.speaker.articleCount, 'article')} · mean tone {formatTone(props.speaker.tone.mean)} (95% CI {formatTone(props.speaker.tone.ciLow)} to {formatTone(props.speaker.tone.ciHigh)})
        </dd>
      </dl>
      <section class="card" aria-labelledby="aliases-heading">
        <h2 id="aliases-heading">Also called</h2>
        <Show when={aliases().length > 0} fallback={<p class="muted">No other names.</p>}>
          <ul class="aliases">
            <For each={aliases()}>
              {(line) => (
                <li>
                  <strong>{line.alias}</strong>
                  <Show when={line.into.length > 0}>
                    {' '}→ {line.into.join(', ')} <span class="muted">— {line.reasons.join('; ')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <div class="grid">
        <Suspense fallback={<section class="card"><Loading label="Loading tone over time…" /></section>}>
          <Show when={!days.error} fallback={<Failure error={days.error} />}>
            <Show when={days()} fallback={<Loading />}>
              {(page) => (
                <ChartCard
                  name="speaker-tone-over-time"
                  title="Tone over time"
                  chart={
                    <Show when={page().items.length > 0} fallback={<Empty>No dated quotes.</Empty>}>
                      <PlotFigure name="speaker-tone-over-time" draw={(width) => toneOverTimeChart(page().items, { width, hrefOf: (row) => quotesHref(`&from=${row.key.slice(0, 10)}&to=${row.key.slice(0, 10)}`), ariaLabel: `Mean tone per day of ${props.speaker.name}` })} />
                    </Show>
                  }
                  table={<ToneTable rows={page().items} keyHeader="Day" nameOf={(row) => formatDate(row.key)} hrefOf={(row) => quotesHref(`&from=${row.key.slice(0, 10)}&to=${row.key.slice(0, 10)}`)} />}
                />
              )}
            </Show>
          </Show>
        </Suspense>
        <Suspense fallback={<section class="card"><Loading label="Loading stances…" /></section>}>
          <Show when={!quotes.error} fallback={<Failure error={quotes.error} />}>
            <Show when={quotes()}>
              {(page) => {
                const rows = summarizeStances(page().items);
                const nameOf = (row: TargetStance): string => (row.isCode ? countryLabel(row.target) : row.target);
                const hrefOf = (row: TargetStance): string | null => (row.isCode ? quotesHref(`&target=${encodeURIComponent(row.target)}`) : null);
                return (
                  <ChartCard
                    name="speaker-stance"
                    title="Stance by target"
                    description={`How often ${props.speaker.name} speaks in favour of, neutrally about, or against each country or organisation${page().nextCursor ? ` (the latest ${formatCount(page().items.length)} quotes)` : ''}. ${STANCE_MEANING}`}
                    chart={
                      <Show when={rows.length > 0} fallback={<Empty>No quotes that take a stance toward a country or organisation.</Empty>}>
                        <PlotFigure name="speaker-stance" draw={(width) => stanceByTargetChart(rows, { width, nameOf, hrefOf, ariaLabel: `Stance of ${props.speaker.name} by target` })} />
                      </Show>
                    }
                    table={<TargetStanceTable rows={rows} nameOf={nameOf} hrefOf={hrefOf} />}
                  />
                );
              }}
            </Show>
          </Show>
        </Suspense>
      </div>
      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">Quotes</h2>
        <Suspense fallback={<Loading label="Loading quotes…" />}>
          <Show when={!quotes.error} fallback={<Failure error={quotes.error} />}>
            <Show when={quotes()} fallback={<Loading />}>
              {(page) => (
                <>
                  <div class="quote-list">
                    <For each={page().items.slice(0, shownCount)}>{(quote) => <QuoteCard quote={quote} />}</For>
                  </div>
                  <Show when={page().items.length > shownCount || page().nextCursor}>
                    <p>
                      <A href={`/quotes?speaker=${encodeURIComponent(id())}`}>All quotes by {props.speaker.name} →</A>
                    </p>
                  </Show>
                </>
              )}
            </Show>
          </Show>
        </Suspense>
      </section>
    </>
  );
}

function TargetStanceTable(props: {
  readonly rows: readonly TargetStance[];
  readonly nameOf: (row: TargetStance) => string;
  readonly hrefOf: (row: TargetStance) => string | null;
}): JSX.Element {
  return (
    <table data-table="speaker-stance">
      <thead>
        <tr>
          <th scope="col">Target</th>
          <th scope="col">In favour</th>
          <th scope="col">Neutral</th>
          <th scope="col">Against</th>
          <th scope="col">Mean stance</th>
          <th scope="col">Quotes</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <th scope="row">{props.nameOf(row)}</th>
              <td class="num">{formatCount(row.favor)}</td>
              <td class="num">{formatCount(row.neutral)}</td>
              <td class="num">{formatCount(row.against)}</td>
              <td class="num">{formatTone(row.mean)}</td>
              <td class="num">
                <Show when={props.hrefOf(row)} fallback={formatCount(row.count)}>
                  {(href) => (
                    <a href={href()} aria-label={`Quotes: ${describeTargetStance(props.nameOf(row), row)}`}>
                      {formatCount(row.count)}
                    </a>
                  )}
                </Show>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
