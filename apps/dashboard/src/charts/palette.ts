/**
 * The tone colours: ColorBrewer's RdBu, a diverging scheme that stays distinguishable under the common
 * colour-vision deficiencies. Blue is positive, red negative; zero is the neutral centre.
 */
import type { ScaleOptions } from '@observablehq/plot';

/** Plot's name for the diverging scheme every tone chart uses. */
export const toneScheme = 'RdBu';

/** A symmetric domain around zero that covers every value (at least ±1, so tiny means stay pale). */
export function symmetricDomain(values: Iterable<number>, floor = 1): [number, number] {
  let max = floor;
  for (const value of values) if (Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  return [-max, max];
}

/** Plot's colour scale for a tone value, with its legend. */
export function toneColorScale(domain: [number, number], label: string): ScaleOptions {
  return { type: 'diverging', scheme: toneScheme, domain, pivot: 0, legend: true, label };
}
