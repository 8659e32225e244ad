import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { Quote, Stance, StoredQuote } from '../api/types.js';
import { countryLabel, formatDate, formatScore, formatTone } from '../lib/format.js';
import { highlightWords } from '../lib/highlight.js';

/**
 * The quote's words with the ones that raised (blue, underlined) or lowered (red, wavy) its score marked.
 * Every piece is a text node: markup inside a quote shows as text and never runs.
 */
export function HighlightedQuote(props: { readonly quote: Quote }): JSX.Element {
  return (
    <For each={highlightWords(props.quote.text, props.quote.sentiment.positive, props.quote.sentiment.negative)}>
      {(segment) =>
        segment.tone === null ? (
          segment.text
        ) : (
          <mark class={`word word-${segment.tone}`} title={segment.tone === 'positive' ? 'raised the score' : 'lowered the score'}>
            {segment.text}
          </mark>
        )
      }
    </For>
  );
}

/** The score as a coloured badge with its sign spelled out, so colour is never the only cue. */
export function ScoreBadge(props: { readonly quote: Quote }): JSX.Element {
  return (
    <span class={`badge tone-${props.quote.sentiment.label}`} title={`Sentiment score ${props.quote.sentiment.score} (${props.quote.sentiment.label})`}>
      {props.quote.sentiment.label} {formatScore(props.quote.sentiment.score)}
    </span>
  );
}

const polaritySymbol = { favor: '▲', against: '▼', neutral: '●' } as const;

/** The quote's stance toward each target as chips: arrow, polarity in words, target; evidence in the tooltip. */
export function StanceChips(props: { readonly stance: readonly Stance[] }): JSX.Element {
  return (
    <Show when={props.stance.length > 0}>
      <ul class="chips" aria-label="Stance toward targets">
        <For each={props.stance}>
          {(stance) => (
            <li
              class={`chip stance-${stance.polarity}`}
              title={`${stance.polarity} ${stance.target}${stance.targetCountry ? ` (${stance.targetCountry})` : ''}, score ${formatTone(stance.score)}, found by ${stance.rule}${stance.inferred ? ' (inferred from context)' : ''}${stance.evidence.length ? `; decided by: ${stance.evidence.join(', ')}` : ''}`}
            >
              <span aria-hidden="true">{polaritySymbol[stance.polarity]}</span> {stance.polarity === 'favor' ? 'favours' : stance.polarity === 'against' ? 'against' : 'neutral on'}{' '}
              {stance.targetCountry ? countryLabel(stance.targetCountry) : stance.target}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** One quote in a list: who said it, the marked-up words, score, stance and the article it came from. */
export function QuoteCard(props: { readonly quote: StoredQuote }): JSX.Element {
  const speaker = (): StoredQuote['speaker'] => props.quote.speaker;
  return (
    <article class="quote-card" data-quote={props.quote.id} data-article={props.quote.articleId} data-tone={props.quote.sentiment.label}>
      <header>
        <Show when={speaker()} fallback={<span class="speaker unknown">Unattributed</span>}>
          {(who) => (
            <>
              <A class="speaker" href={`/speakers/${encodeURIComponent(who().id)}`}>
                {who().name}
              </A>
              <Show when={who().role || who().organization}>
                <span class="muted">{[who().role, who().organization].filter(Boolean).join(', ')}</span>
              </Show>
              <Show when={who().country}>{(code) => <span class="chip country">{countryLabel(code())}</span>}</Show>
            </>
          )}
        </Show>
        <ScoreBadge quote={props.quote} />
      </header>
      <blockquote>
        <HighlightedQuote quote={props.quote} />
      </blockquote>
      <StanceChips stance={props.quote.stance} />
      <footer class="muted">
        <A href={`/articles/${encodeURIComponent(props.quote.articleId)}?quote=${encodeURIComponent(props.quote.id)}`}>
          {props.quote.articleTitle || 'Open in article'}
        </A>
        <Show when={props.quote.publishedDay}>{(day) => <> · {formatDate(day())}</>}</Show>
      </footer>
    </article>
  );
}
