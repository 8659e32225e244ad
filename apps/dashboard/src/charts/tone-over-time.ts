/** Tone over time: the daily mean with its 95% confidence band; each day's dot opens that day's quotes. */
import * as Plot from '@observablehq/plot';
import type { ToneRow } from '../api/types.js';
import { formatCount, formatDate, formatTone } from '../lib/format.js';
import { symmetricDomain, toneColorScale } from './palette.js';

export interface ToneOverTimeOptions {
  readonly width: number;
  readonly hrefOf: (row: ToneRow) => string;
  readonly ariaLabel: string;
}

interface DayPoint {
  readonly date: Date;
  readonly row: ToneRow;
}

/** The sentence for one day's dot: date, mean, interval and count. */
export function describeDay(row: ToneRow): string {
  return `${formatDate(row.key)}: mean tone ${formatTone(row.mean)}, 95% CI ${formatTone(row.ciLow)} to ${formatTone(row.ciHigh)}, ${formatCount(row.count)} quotes`;
}

/**
 * Daily mean tone as a line of dots (sized by count) inside its 95% confidence band.
 *
 * @example container.append(toneOverTimeChart(days, { width: 600, hrefOf, ariaLabel: 'Mean tone per day' }))
 */
export function toneOverTimeChart(rows: readonly ToneRow[], options: ToneOverTimeOptions): SVGSVGElement | HTMLElement {
  const points: DayPoint[] = rows
    .map((row) => ({ date: new Date(`${row.key.slice(0, 10)}T00:00:00Z`), row }))
    .filter((point) => !Number.isNaN(point.date.getTime()))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  const domain = symmetricDomain(points.flatMap((point) => [point.row.ciLow, point.row.ciHigh]));
  // A short span gets one tick per day (never hours); every span gets half a day of room at each end.
  const day = 86_400_000;
  const first = points[0]?.date.getTime() ?? 0;
  const last = points.at(-1)?.date.getTime() ?? 0;
  const short = last - first <= 14 * day;
  const time = [new Date(first - day / 2), new Date(last + day / 2)];
  return Plot.plot({
    width: options.width,
    height: 260,
    marginLeft: 48,
    ariaLabel: options.ariaLabel,
    x: { type: 'utc', label: null, domain: time, ...(short ? { ticks: 'day', tickFormat: '%-d %b' } : {}) },
    y: { domain, label: 'Mean tone per quote', grid: true },
    color: toneColorScale(domain, 'Mean tone'),
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.areaY(points, { x: 'date', y1: (p: DayPoint) => p.row.ciLow, y2: (p: DayPoint) => p.row.ciHigh, fill: 'currentColor', fillOpacity: 0.08 }),
      Plot.lineY(points, { x: 'date', y: (p: DayPoint) => p.row.mean, stroke: 'currentColor', strokeOpacity: 0.5 }),
      Plot.dot(points, {
        x: 'date',
        y: (p: DayPoint) => p.row.mean,
        r: (p: DayPoint) => Math.min(9, 3 + Math.sqrt(p.row.count)),
        fill: (p: DayPoint) => p.row.mean,
        stroke: 'currentColor',
        strokeWidth: 0.6,
        href: (p: DayPoint) => options.hrefOf(p.row),
        ariaLabel: (p: DayPoint) => describeDay(p.row),
        title: (p: DayPoint) => describeDay(p.row),
      }),
    ],
  });
}
