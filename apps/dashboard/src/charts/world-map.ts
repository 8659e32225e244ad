/**
 * Tone by speaker country on a world map (choropleth). Loaded on demand as its own chunk: the TopoJSON and
 * d3-geo's projection code are the heaviest things the dashboard draws, and the bars already carry the numbers.
 * No map tiles: the shapes are Natural Earth 1:110m from the world-atlas package, bundled at build time.
 */
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import alpha2ByNumeric from 'virtual:iso-numeric';
import type { ToneRow } from '../api/types.js';
import { formatCount, formatTone } from '../lib/format.js';
import { symmetricDomain, toneColorScale } from './palette.js';

/** A country shape as GeoJSON: world-atlas ids are ISO 3166 numeric codes. */
interface CountryFeature {
  readonly type: 'Feature';
  readonly id?: string | number;
  readonly properties: { readonly name: string };
  readonly geometry: unknown;
}

type Topology = Parameters<typeof feature>[0];
const topology = world as unknown as Topology;
const countries = feature(topology, topology.objects.countries as Parameters<typeof feature>[1]) as unknown as {
  readonly features: readonly CountryFeature[];
};

export interface WorldMapOptions {
  readonly width: number;
  readonly nameOf: (row: ToneRow) => string;
  readonly hrefOf: (row: ToneRow) => string;
}

/** The ISO alpha-2 code of a world-atlas feature (whose id is the ISO numeric code), or null. */
export function alpha2Of(feature: { id?: string | number | undefined }): string | null {
  if (feature.id === undefined) return null;
  return alpha2ByNumeric[String(feature.id).padStart(3, '0')] ?? null;
}

/**
 * Choropleth of mean tone by speaker country (equal-earth projection); countries without quotes stay grey.
 *
 * @example container.append(worldMapChart(rows, { width: 800, nameOf: (row) => row.label, hrefOf: (row) => `#/quotes?country=${row.key}` }))
 */
export function worldMapChart(rows: readonly ToneRow[], options: WorldMapOptions): SVGSVGElement | HTMLElement {
  const byCode = new Map(rows.map((row) => [row.key, row]));
  const rowOf = (shape: CountryFeature): ToneRow | undefined => byCode.get(alpha2Of(shape) ?? '');
  const describe = (shape: CountryFeature): string => {
    const row = rowOf(shape);
    return row
      ? `${options.nameOf(row)}: mean tone ${formatTone(row.mean)}, ${formatCount(row.count)} quotes`
      : `${shape.properties.name}: no quotes`;
  };
  const domain = symmetricDomain(rows.map((row) => row.mean));
  const withData = countries.features.filter((shape) => rowOf(shape) !== undefined);
  const without = countries.features.filter((shape) => rowOf(shape) === undefined);
  return Plot.plot({
    width: options.width,
    height: Math.round(options.width * 0.52),
    projection: 'equal-earth',
    ariaLabel: 'World map of mean tone by speaker country',
    color: toneColorScale(domain, 'Mean tone'),
    marks: [
      Plot.sphere({ stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.geo(without, { fill: '#e6e6e6', stroke: 'white', strokeWidth: 0.4, title: describe }),
      Plot.geo(withData, {
        fill: (shape: CountryFeature) => rowOf(shape)?.mean ?? 0,
        stroke: 'white',
        strokeWidth: 0.5,
        href: (shape: CountryFeature) => {
          const row = rowOf(shape);
          return row ? options.hrefOf(row) : '';
        },
        ariaLabel: describe,
        title: describe,
      }),
    ],
  });
}
