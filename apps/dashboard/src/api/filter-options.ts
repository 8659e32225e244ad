import { createResource, type Accessor } from 'solid-js';
import type { FilterOption } from '../components/filter-bar.js';
import { countryLabel } from '../lib/format.js';
import { fetchTone } from './queries.js';
import type { ToneRow } from './types.js';

function toOptions(rows: readonly ToneRow[] | undefined): FilterOption[] {
  return (rows ?? [])
    .filter((row) => row.key)
    .map((row) => ({ code: row.key, label: countryLabel(row.key, row.label) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The speaker countries and targets there are data for, as filter choices (unfiltered, so none disappears). */
export function createFilterOptions(): { countries: Accessor<FilterOption[]>; targets: Accessor<FilterOption[]> } {
  const [countries] = createResource(() => fetchTone('country', {}));
  const [targets] = createResource(() => fetchTone('target', {}));
  return {
    countries: () => (countries.state === 'ready' ? toOptions(countries().items) : []),
    targets: () => (targets.state === 'ready' ? toOptions(targets().items) : []),
  };
}
