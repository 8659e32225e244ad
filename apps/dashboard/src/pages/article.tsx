import { A, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, For, Show, type JSX } from 'solid-js';
import { fetchArticle } from '../api/queries.js';
import type { StoredArticle } from '../api/types.js';
import { HighlightedQuote, ScoreBadge, StanceChips } from '../components/quote-card.js';
import { Empty, Failure, Loading } from '../components/states.js';
import { evidenceLines } from '../lib/evidence.js';
import { usePageTitle } from '../lib/page-title.js';
import { countOf, formatDate } from '../lib/format.js';
import { segmentArticle, type ArticleSegment } from '../lib/highlight.js';

/** The article reader: the text with every quote highlighted in its tone colour and its speaker beside it. */
export default function Article(): JSX.Element {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams();
  const [article, { refetch }] = createResource(() => params.id, fetchArticle);
  createEffect(() => {
    const wanted = typeof search.quote === 'string' ? search.quote : undefined;
    if (!article() || !wanted) return;
    queueMicrotask(() => {
      const element = document.querySelector<HTMLElement>(`[data-quote-id="${CSS.escape(wanted)}"]`);
      element?.scrollIntoView({ block: 'center' });
      element?.focus({ preventScroll: true });
    });
  });
  return (
    <Show when={!article.error} fallback={<Failure error={article.error} retry={refetch} />}>
      <Show when={article()} fallback={<Loading label="Loading the article…" />}>
        {(loaded) => <ArticleView article={loaded()} />}
      </Show>
    </Show>
  );
}

function ArticleView(props: { readonly article: StoredArticle }): JSX.Element {
  usePageTitle(() => props.article.title ?? 'Untitled article');
  const speakers = createMemo(() => new Map(props.article.speakers.map((speaker) => [speaker.id, speaker])));
  const segments = createMemo(() => segmentArticle(props.article.text, props.article.quotes));
  return (
    <>
      <h1>{props.article.title ?? 'Untitled article'}</h1>
      <p class="lede">
        {[props.article.source, formatDate(props.article.publishedAt), countOf(props.article.quotes.length, 'quote')].filter(Boolean).join(' · ')}
        {' · '}
        <A href={`/quotes?article=${encodeURIComponent(props.article.id)}`}>list them</A>
        <Show when={props.article.url}>
          {(url) => (
            <>
              {' · '}
              <a href={safeUrl(url())} rel="noopener noreferrer">original</a>
            </>
          )}
        </Show>
      </p>
      <div class="legend" aria-hidden="true">
        <span class="tone-positive swatch" /> positive <span class="tone-neutral swatch" /> neutral <span class="tone-negative swatch" /> negative
      </div>
      <Show when={props.article.quotes.length === 0}>
        <Empty>No quotations were found in this article.</Empty>
      </Show>
      <div class="article-text" data-article={props.article.id}>
        <For each={segments()}>{(segment) => <Segment segment={segment} speakers={speakers()} />}</For>
      </div>
    </>
  );
}

type Quote = StoredArticle['quotes'][number];

/**
 * A piece of the article: text, or a quote marked in its tone with its speaker and evidence beside it. A turn or
 * statement holds the quotations inside it, each marked for the person quoted.
 */
function Segment(props: { readonly segment: ArticleSegment<Quote>; readonly speakers: ReadonlyMap<string, StoredArticle['speakers'][number]> }): JSX.Element {
  const segment = props.segment;
  if (segment.kind === 'text') return <>{segment.text}</>;
  const quote = segment.quote;
  const speaker = quote.speaker ? props.speakers.get(quote.speaker.id) : undefined;
  const tipId = `evidence-${quote.id}`;
  return (
    <span class="quote-span">
      <mark class={`quote tone-${quote.sentiment.label}`} tabindex="0" data-quote-id={quote.id} aria-describedby={tipId}>
        <Show when={segment.inner.length > 0} fallback={<HighlightedQuote quote={{ ...quote, text: segment.text }} />}>
          <For each={segment.inner}>
            {(inner) => (inner.kind === 'text' ? <HighlightedQuote quote={{ ...quote, text: inner.text }} /> : <Segment segment={inner} speakers={props.speakers} />)}
          </For>
        </Show>
      </mark>
      <span class="speaker-note">
        <Show when={quote.speaker} fallback={<span class="muted">unattributed</span>}>
          {(who) => <A href={`/speakers/${encodeURIComponent(who().id)}`}>{who().name}</A>}
        </Show>
      </span>
      <span class="evidence" role="tooltip" id={tipId}>
        <ScoreBadge quote={quote} />
        <For each={evidenceLines(quote, speaker)}>{(line) => <span class="evidence-line">{line}</span>}</For>
        <StanceChips stance={quote.stance} />
      </span>
    </span>
  );
}

/** Only http(s) links from article metadata become clickable; anything else (javascript:) is dropped. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
