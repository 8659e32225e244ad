import { A, useParams } from '@solidjs/router';
import { createResource, For, Show, Suspense, type JSX } from 'solid-js';
import { fetchQuotes, fetchSpeaker, fetchSpeakerMerges, fetchTone } from '../api/queries.js';
import type { SpeakerProfile } from '../api/types.js';
import { toneBarChart } from '../charts/tone-bars.js';
import { toneOverTimeChart } from '../charts/tone-over-time.js';
import { ChartCard } from '../components/chart-card.js';
import { PlotFigure } from '../components/plot-figure.js';
import { QuoteCard } from '../components/quote-card.js';
import { Empty, Failure, Loading } from '../components/states.js';
import { ToneTable } from '../components/tone-table.js';
import { countryLabel, formatCount, formatDate, formatTone } from '../lib/format.js';

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

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
  const id = (): string => props.speaker.id;
  const [days] = createResource(id, (speaker) => fetchTone('day', {}, speaker));
  const [targets] = createResource(id, (speaker) => fetchTone('target', {}, speaker));
  const [quotes] = createResource(id, (speaker) => fetchQuotes({ speaker, limit: 20 }));
  // Merge reasons are recorded per article: read them from the (up to five) articles of the quotes shown.
  const [merges] = createResource(
    () => (quotes.state === 'ready' ? quotes().items : undefined),
    (items) => fetchSpeakerMerges(id(), [...new Set(items.map((quote) => quote.articleId))].slice(0, 5)),
  );
  // Reading .state does not suspend: the aliases show at once and gain their reasons when the articles arrive.
  const knownMerges = () => (merges.state === 'ready' ? merges() : []);
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
          {plural(props.speaker.quoteCount, 'quote')} in {plural(props.speaker.articleCount, 'article')} · mean tone {formatTone(props.speaker.tone.mean)} (95% CI {formatTone(props.speaker.tone.ciLow)} to {formatTone(props.speaker.tone.ciHigh)})
        </dd>
      </dl>
      <section class="card" aria-labelledby="aliases-heading">
        <h2 id="aliases-heading">Also called</h2>
        <Show when={props.speaker.aliases.length > 0 || knownMerges().length > 0} fallback={<p class="muted">No other names.</p>}>
          <ul class="aliases">
            <For each={knownMerges()}>
              {(merge) => (
                <li>
                  <strong>{merge.alias}</strong> → {merge.into} <span class="muted">— {merge.reason}</span>
                </li>
              )}
            </For>
            <For each={props.speaker.aliases.filter((alias) => !knownMerges().some((merge) => merge.alias === alias))}>
              {(alias) => <li><strong>{alias}</strong></li>}
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
        <Suspense fallback={<section class="card"><Loading label="Loading tone toward targets…" /></section>}>
          <Show when={!targets.error} fallback={<Failure error={targets.error} />}>
            <Show when={targets()} fallback={<Loading />}>
              {(page) => (
                <ChartCard
                  name="speaker-stance"
                  title="Tone toward each target"
                  description="Mean tone of the quotes that take a stance toward each country or organisation."
                  chart={
                    <Show when={page().items.length > 0} fallback={<Empty>No quotes with a stance toward a country or organisation.</Empty>}>
                      <PlotFigure name="speaker-stance" draw={(width) => toneBarChart([...page().items].sort((a, b) => b.mean - a.mean), { width, nameOf: (row) => countryLabel(row.key, row.label), hrefOf: (row) => quotesHref(`&target=${encodeURIComponent(row.key)}`), ariaLabel: `Tone of ${props.speaker.name} toward each target` })} />
                    </Show>
                  }
                  table={<ToneTable rows={page().items} keyHeader="Target" nameOf={(row) => countryLabel(row.key, row.label)} hrefOf={(row) => quotesHref(`&target=${encodeURIComponent(row.key)}`)} />}
                />
              )}
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
                    <For each={page().items}>{(quote) => <QuoteCard quote={quote} />}</For>
                  </div>
                  <Show when={page().nextCursor}>
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
