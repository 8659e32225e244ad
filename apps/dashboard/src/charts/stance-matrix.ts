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

/** The sentence for one matrix cell: who toward whom, mean stance and counts. */
export function describeStanceCell(cell: StanceCell, nameOf: (code: string) => string): string {
  return `${nameOf(cell.speakerCountry)} toward ${nameOf(cell.targetCountry)}: mean stance ${formatTone(cell.mean)}, ${formatCount(cell.favor)} favour, ${formatCount(cell.against)} against, ${formatCount(cell.neutralStance)} neutral, ${formatCount(cell.count)} quotes`;
}

/** Rows and columns ordered by how many quotes they hold, busiest first. */
export function matrixOrder(cells: readonly StanceCell[], axis: 'speakerCountry' | 'targetCountry'): string[] {
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell[axis], (totals.get(cell[axis]) ?? 0) + cell.count);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

/**
 * The heatmap of mean stance by speaker country (rows) and target (columns), busiest first, counts in the cells.
 *
 * @example container.append(stanceMatrixChart(cells, { width: 600, nameOf: countryName, hrefOf }))
 */
export function stanceMatrixChart(cells: readonly StanceCell[], options: StanceMatrixOptions): SVGSVGElement | HTMLElement {
  const rows = matrixOrder(cells, 'speakerCountry');
  const columns = matrixOrder(cells, 'targetCountry');
  const longest = (codes: readonly string[]): number => Math.max(4, ...codes.map((code) => options.nameOf(code).length));
  const marginLeft = Math.min(150, 16 + longest(rows) * 6.5);
  // Column names stand at 45°, so the top margin must hold the longest one's diagonal.
  const marginTop = Math.min(140, 24 + longest(columns) * 4.8);
  const cellSize = Math.max(28, Math.min(56, (options.width - marginLeft - 40) / Math.max(1, columns.length)));
  return Plot.plot({
    // Never narrower than the cells need: the figure scrolls sideways instead (squeezed cells hide their counts).
    width: marginLeft + cellSize * columns.length + 60,
    height: marginTop + 30 + cellSize * rows.length,
    marginLeft,
    marginTop,
    marginRight: 50,
    ariaLabel: 'Stance of speakers from each country (rows) toward each target country or organisation (columns)',
    x: { domain: columns, axis: 'top', label: null, tickFormat: options.nameOf, tickRotate: -45 },
    y: { domain: rows, label: null, tickFormat: options.nameOf },
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
