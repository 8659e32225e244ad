/**
 * Tone by group (speaker or country) as a diverging bar chart: the mean per quote, its 95% confidence
 * interval as whiskers, and the quote count at the end of each row.
 */
import * as Plot from '@observablehq/plot';
import type { ToneRow } from '../api/types.js';
import { formatCount, formatTone } from '../lib/format.js';
import { symmetricDomain, toneColorScale } from './palette.js';

export interface ToneBarOptions {
  readonly width: number;
  /** The row's display name (the API's label, or a country name). */
  readonly nameOf: (row: ToneRow) => string;
  /** Where a click on the row leads (the quotes behind it). */
  readonly hrefOf: (row: ToneRow) => string;
  /** What the chart shows, for screen readers. */
  readonly ariaLabel: string;
}

/** The sentence a screen reader reads for one bar; the table shows the same numbers. */
export function describeToneRow(name: string, row: ToneRow): string {
  return `${name}: mean tone ${formatTone(row.mean)}, 95% CI ${formatTone(row.ciLow)} to ${formatTone(row.ciHigh)}, ${formatCount(row.count)} quotes`;
}

/**
 * Diverging bars of mean tone per group, with CI whiskers and counts; pale bars have too few quotes to trust.
 *
 * @example container.append(toneBarChart(rows, { width: 600, nameOf: (row) => row.label, hrefOf, ariaLabel: 'Mean tone by speaker' }))
 */
export function toneBarChart(rows: readonly ToneRow[], options: ToneBarOptions): SVGSVGElement | HTMLElement {
  const names = new Map(rows.map((row) => [row.key, options.nameOf(row)]));
  const longest = Math.max(6, ...[...names.values()].map((name) => name.length));
  const domain = symmetricDomain(rows.flatMap((row) => [row.ciLow, row.ciHigh, row.mean]));
  const narrow = options.width < 520;
  return Plot.plot({
    width: options.width,
    height: Math.max(120, rows.length * 26 + 70),
    marginLeft: Math.min(narrow ? 110 : 200, 12 + longest * 6.5),
    marginRight: 56,
    ariaLabel: options.ariaLabel,
    x: { domain, label: 'Mean tone per quote (negative ← → positive)', grid: true, nice: true },
    y: {
      domain: rows.map((row) => row.key),
      label: null,
      tickFormat: (key: string) => truncate(names.get(key) ?? key, narrow ? 16 : 30),
    },
    color: toneColorScale(domain, 'Mean tone'),
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.barX(rows, {
        y: 'key',
        x: 'mean',
        fill: 'mean',
        fillOpacity: (row: ToneRow) => (row.tooFew ? 0.45 : 1),
        href: options.hrefOf,
        ariaLabel: (row: ToneRow) => describeToneRow(names.get(row.key) ?? row.key, row),
        title: (row: ToneRow) => `${describeToneRow(names.get(row.key) ?? row.key, row)}${row.tooFew ? ' (too few quotes to trust)' : ''}`,
      }),
      Plot.ruleY(rows, { y: 'key', x1: 'ciLow', x2: 'ciHigh', stroke: 'currentColor', strokeWidth: 1.2 }),
      Plot.tickX(rows, { y: 'key', x: 'ciLow', stroke: 'currentColor', inset: 6 }),
      Plot.tickX(rows, { y: 'key', x: 'ciHigh', stroke: 'currentColor', inset: 6 }),
      Plot.text(rows, {
        y: 'key',
        frameAnchor: 'right',
        textAnchor: 'start',
        dx: 6,
        text: (row: ToneRow) => `n=${formatCount(row.count)}`,
        fill: 'currentColor',
      }),
    ],
  });
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
