import { createEffect, createSignal, onCleanup, onMount, type JSX } from 'solid-js';

export interface PlotFigureProps {
  /** Draws the chart for a width in CSS pixels; re-run whenever its reactive inputs or the width change. */
  readonly draw: (width: number) => Element;
  /** A stable name for tests and styles (`data-chart`). */
  readonly name: string;
}

/**
 * Mounts an Observable Plot chart and redraws it when the container is resized or the data changes. Plot
 * builds the SVG itself, so the chart never passes text through innerHTML.
 */
export function PlotFigure(props: PlotFigureProps): JSX.Element {
  let container!: HTMLDivElement;
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    setWidth(container.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0 && Math.abs(next - width()) > 8) setWidth(next);
    });
    observer.observe(container);
    onCleanup(() => observer.disconnect());
  });
  createEffect(() => {
    const current = width();
    if (current <= 0) return;
    const chart = props.draw(current);
    container.replaceChildren(chart);
    // The first chart on screen is the dashboard's headline speed figure (see BENCHMARKS.md).
    if (performance.getEntriesByName('newstone:first-chart').length === 0) performance.mark('newstone:first-chart');
  });
  return <div class="plot" data-chart={props.name} ref={container} />;
}
