import type { JSX } from 'solid-js';
import type { ToneRow } from '../api/types.js';
import { worldMapChart } from '../charts/world-map.js';
import { countryLabel } from '../lib/format.js';
import { PlotFigure } from './plot-figure.js';

/** The choropleth, as a lazily loaded component: importing this module pulls in the map chunk. */
export default function WorldMapFigure(props: { readonly rows: readonly ToneRow[]; readonly hrefOf: (row: ToneRow) => string }): JSX.Element {
  return (
    <PlotFigure
      name="world-map"
      draw={(width) => worldMapChart(props.rows, { width, nameOf: (row) => countryLabel(row.key, row.label), hrefOf: props.hrefOf })}
    />
  );
}
