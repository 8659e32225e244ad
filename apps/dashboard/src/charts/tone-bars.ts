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
/** A confidence-interval whisker as drawn: cut at the chart's edge, with which ends run past it. */
export interface Whisker {
  readonly key: string;
  readonly x1: number;
  readonly x2: number;
  readonly openLow: boolean;
  readonly openHigh: boolean;
}

/**
 * The tone bars' x domain and whiskers. The domain fits every mean and the intervals of the groups with enough
 * quotes: a speaker quoted twice has an interval so wide it would shrink every bar to a sliver. Wider whiskers
 * stop at the edge, drawn without an end tick.
 *
 * @example toneBarScale(rows).domain // [-4, 4]
 */
export function toneBarScale(rows: readonly ToneRow[]): { domain: [number, number]; whiskers: Whisker[] } {
  const trusted = rows.filter((row) => !row.tooFew);
  const intervals = (trusted.length > 0 ? trusted : rows).flatMap((row) => [row.ciLow, row.ciHigh]);
  const domain = symmetricDomain([...rows.map((row) => row.mean), ...intervals]);
  const [low, high] = domain;
  const whiskers = rows.map((row) => ({
    key: row.key,
    x1: Math.max(row.ciLow, low),
    x2: Math.min(row.ciHigh, high),
    openLow: row.ciLow < low,
    openHigh: row.ciHigh > high,
  }));
  return { domain, whiskers };
}

export function toneBarChart(rows: readonly ToneRow[], options: ToneBarOptions): SVGSVGElement | HTMLElement {
  const names = new Map(rows.map((row) => [row.key, options.nameOf(row)]));
  const longest = Math.max(6, ...[...names.values()].map((name) => name.length));
  const { domain, whiskers } = toneBarScale(rows);
  const narrow = options.width < 520;
  return Plot.plot({
    width: options.width,
    height: Math.max(120, rows.length * 26 + 70),
    marginLeft: Math.min(narrow ? 110 : 200, 12 + longest * 6.5),
    marginRight: 56,
    ariaLabel: options.ariaLabel,
    x: { domain, label: 'Mean tone per quote (negative ← → positive)', grid: true },
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
      Plot.ruleY(whiskers, { y: 'key', x1: 'x1', x2: 'x2', stroke: 'currentColor', strokeWidth: 1.2 }),
      Plot.tickX(whiskers.filter((whisker) => !whisker.openLow), { y: 'key', x: 'x1', stroke: 'currentColor', inset: 6 }),
      Plot.tickX(whiskers.filter((whisker) => !whisker.openHigh), { y: 'key', x: 'x2', stroke: 'currentColor', inset: 6 }),
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
