import { createMemo, createResource, type Accessor } from 'solid-js';
import type { FilterOption } from '../components/filter-bar.js';
import { countryLabel } from '../lib/format.js';
import { fetchSources, fetchTone } from './queries.js';
import type { ToneRow } from './types.js';

function toOptions(rows: readonly ToneRow[] | undefined): FilterOption[] {
  return (rows ?? [])
    .filter((row) => row.key)
    .map((row) => ({ code: row.key, label: countryLabel(row.key, row.label) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The sources, speaker countries and targets there are data for, as filter choices (unfiltered, so none disappears).
 * `after` holds the requests back until the page's own first data has arrived: the choices are not needed to
 * draw anything, and a busy store answers requests in turn.
 */
export function createFilterOptions(after: Accessor<boolean> = () => true): {
  sources: Accessor<FilterOption[]>;
  countries: Accessor<FilterOption[]>;
  targets: Accessor<FilterOption[]>;
} {
  // Once started, stay started: the choices do not depend on the filters, so they are fetched once.
  const started = createMemo<boolean>((was) => was || after(), false);
  const [countries] = createResource(() => started() || undefined, () => fetchTone('country', {}));
  const [targets] = createResource(() => started() || undefined, () => fetchTone('target', {}));
  const [sources] = createResource(() => started() || undefined, fetchSources);
  return {
    sources: () => (sources.state === 'ready' ? sources().items.map((row) => ({ code: row.source, label: row.source })) : []),
    countries: () => (countries.state === 'ready' ? toOptions(countries().items) : []),
    targets: () => (targets.state === 'ready' ? toOptions(targets().items) : []),
  };
}
