/** A speaker's stance toward each target: favour, neutral and against counts as stacked bars. */
import * as Plot from '@observablehq/plot';
import { formatCount, formatTone } from '../lib/format.js';
import type { TargetStance } from '../lib/stance-summary.js';

export interface StanceByTargetOptions {
  readonly width: number;
  readonly nameOf: (row: TargetStance) => string;
  /** Where a click on a target's bar leads, or null when its quotes cannot be listed by target. */
  readonly hrefOf: (row: TargetStance) => string | null;
  readonly ariaLabel: string;
}

const polarities = ['against', 'neutral', 'favor'] as const;
type Polarity = (typeof polarities)[number];
const polarityNames: Record<Polarity, string> = { against: 'against', neutral: 'neutral', favor: 'in favour' };

interface Segment {
  readonly row: TargetStance;
  readonly polarity: Polarity;
  readonly n: number;
}

/** The sentence for one target's bar: counts per polarity and the mean stance. */
export function describeTargetStance(name: string, row: TargetStance): string {
  return `${name}: ${formatCount(row.favor)} in favour, ${formatCount(row.neutral)} neutral, ${formatCount(row.against)} against; mean stance ${formatTone(row.mean)}`;
}

/**
 * Stacked bars of favour / neutral / against per target; each bar links to the quotes behind it.
 *
 * @example container.append(stanceByTargetChart(summarizeStances(quotes), { width: 600, nameOf, hrefOf, ariaLabel: 'Stance by target' }))
 */
export function stanceByTargetChart(rows: readonly TargetStance[], options: StanceByTargetOptions): SVGSVGElement | HTMLElement {
  const segments: Segment[] = rows.flatMap((row) => polarities.map((polarity) => ({ row, polarity, n: row[polarity] })).filter((segment) => segment.n > 0));
  const longest = Math.max(6, ...rows.map((row) => options.nameOf(row).length));
  return Plot.plot({
    width: options.width,
    height: Math.max(110, rows.length * 26 + 70),
    marginLeft: Math.min(180, 12 + longest * 6.5),
    ariaLabel: options.ariaLabel,
    // Counts are whole numbers: never more ticks than the largest count.
    x: { label: 'Quotes taking a stance →', grid: true, ticks: Math.min(8, Math.max(1, ...rows.map((row) => row.count))), tickFormat: 'd' },
    y: { domain: rows.map((row) => row.target), label: null, tickFormat: (target: string) => options.nameOf(rows.find((row) => row.target === target)!) },
    // The diverging palette's two ends and its neutral middle (RdBu), so stance reads like tone everywhere.
    color: { domain: ['favor', 'neutral', 'against'], range: ['#2166ac', '#c8c8c8', '#b2182b'], legend: true, tickFormat: (p: Polarity) => polarityNames[p] },
    marks: [
      Plot.barX(
        segments,
        Plot.stackX({
          y: (segment: Segment) => segment.row.target,
          x: 'n',
          fill: 'polarity',
          order: [...polarities],
          href: (segment: Segment) => options.hrefOf(segment.row) ?? '',
          ariaLabel: (segment: Segment) => `${options.nameOf(segment.row)}: ${formatCount(segment.n)} ${polarityNames[segment.polarity]}`,
          title: (segment: Segment) => describeTargetStance(options.nameOf(segment.row), segment.row),
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}
