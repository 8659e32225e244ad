import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';

export interface ChartCardProps {
  readonly title: string;
  /** One line on how to read the chart. */
  readonly description?: string;
  /** Controls above the chart (search, top-N). */
  readonly controls?: JSX.Element;
  readonly chart: JSX.Element;
  readonly table: JSX.Element;
  readonly name: string;
}

/**
 * A titled card that shows a chart or, at a click, the same numbers as a table: every chart has a table for
 * screen readers, for copying numbers, and for anyone who prefers one.
 */
export function ChartCard(props: ChartCardProps): JSX.Element {
  const [asTable, setAsTable] = createSignal(false);
  const headingId = createUniqueId();
  return (
    <section class="card" aria-labelledby={headingId} data-card={props.name}>
      <header class="card-header">
        <h2 id={headingId}>{props.title}</h2>
        <div class="view-toggle" role="group" aria-label={`Show ${props.title} as`}>
          <button type="button" aria-pressed={!asTable()} onClick={() => setAsTable(false)}>
            Chart
          </button>
          <button type="button" aria-pressed={asTable()} onClick={() => setAsTable(true)}>
            Table
          </button>
        </div>
      </header>
      <Show when={props.description}>{(text) => <p class="card-description">{text()}</p>}</Show>
      {props.controls}
      <Show when={asTable()} fallback={props.chart}>
        <div class="table-wrap">{props.table}</div>
      </Show>
    </section>
  );
}
