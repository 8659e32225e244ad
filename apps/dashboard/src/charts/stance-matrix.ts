/**
 * The speaker-country × target-country stance matrix as a heatmap: each cell is the mean stance of the quotes
 * by speakers of one country toward one target, labelled with its count.
 */
import * as Plot from '@observablehq/plot';
import type { StanceCell } from '../api/types.js';
import { formatCount, formatTone } from '../lib/format.js';
import { toneColorScale } from './palette.js';

export interface StanceMatrixOptions {
  readonly width: number;
  readonly nameOf: (code: string) => string;
  readonly hrefOf: (cell: StanceCell) => string;
}

export function describeStanceCell(cell: StanceCell, nameOf: (code: string) => string): string {
  return `${nameOf(cell.speakerCountry)} toward ${nameOf(cell.targetCountry)}: mean stance ${formatTone(cell.mean)}, ${formatCount(cell.favor)} favour, ${formatCount(cell.against)} against, ${formatCount(cell.neutralStance)} neutral, ${formatCount(cell.count)} quotes`;
}

/** Rows and columns ordered by how many quotes they hold, busiest first. */
export function matrixOrder(cells: readonly StanceCell[], axis: 'speakerCountry' | 'targetCountry'): string[] {
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell[axis], (totals.get(cell[axis]) ?? 0) + cell.count);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

export function stanceMatrixChart(cells: readonly StanceCell[], options: StanceMatrixOptions): SVGSVGElement | HTMLElement {
  const rows = matrixOrder(cells, 'speakerCountry');
  const columns = matrixOrder(cells, 'targetCountry');
  const cellSize = Math.max(28, Math.min(56, (options.width - 120) / Math.max(1, columns.length)));
  return Plot.plot({
    width: Math.min(options.width, 120 + cellSize * columns.length + 20),
    height: 90 + cellSize * rows.length,
    marginLeft: 110,
    marginTop: 60,
    ariaLabel: 'Stance of speakers from each country (rows) toward each target country or organisation (columns)',
    x: { domain: columns, axis: 'top', label: 'Target →', tickFormat: options.nameOf, tickRotate: -35 },
    y: { domain: rows, label: 'Speaker country ↓', tickFormat: options.nameOf },
    color: toneColorScale([-1, 1], 'Mean stance (against ← → in favour)'),
    marks: [
      Plot.cell(cells, {
        x: 'targetCountry',
        y: 'speakerCountry',
        fill: 'mean',
        inset: 1,
        href: options.hrefOf,
        ariaLabel: (cell: StanceCell) => describeStanceCell(cell, options.nameOf),
        title: (cell: StanceCell) => describeStanceCell(cell, options.nameOf),
      }),
      Plot.text(cells, {
        x: 'targetCountry',
        y: 'speakerCountry',
        text: (cell: StanceCell) => formatCount(cell.count),
        fill: (cell: StanceCell) => (Math.abs(cell.mean) > 0.55 ? 'white' : 'black'),
        pointerEvents: 'none',
      }),
    ],
  });
}
