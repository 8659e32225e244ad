import { useSearchParams } from '@solidjs/router';
import { createMemo, For, type JSX } from 'solid-js';
import { readFilters } from '../lib/filters.js';

export interface FilterOption {
  readonly code: string;
  readonly label: string;
}

export interface FilterBarProps {
  readonly sources: readonly FilterOption[];
  readonly countries: readonly FilterOption[];
  readonly targets: readonly FilterOption[];
}

/**
 * Date range, source, speaker country and target, read from and written to the URL. Changing a filter
 * resets paging (`cursor`) because the old cursor belongs to the old result.
 */
export function FilterBar(props: FilterBarProps): JSX.Element {
  const [params, setParams] = useSearchParams();
  const filters = createMemo(() => readFilters(params));
  const set = (key: string, value: string): void => setParams({ [key]: value.trim() || undefined, cursor: undefined });
  const active = (): boolean => Object.values(filters()).some((value) => value !== undefined);
  return (
    <form class="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        From
        <input type="date" name="from" value={filters().from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label>
        To
        <input type="date" name="to" value={filters().to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label>
        Source
        <select name="source" onChange={(e) => set('source', e.currentTarget.value)}>
          <option value="">All</option>
          <For each={withSelected(props.sources, filters().source)}>
            {(option) => (
              <option value={option.code} selected={option.code === filters().source}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Speaker country
        <select name="country" onChange={(e) => set('country', e.currentTarget.value)}>
          <option value="">All</option>
          <For each={withSelected(props.countries, filters().country)}>
            {(option) => (
              <option value={option.code} selected={option.code === filters().country}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Target
        <select name="target" onChange={(e) => set('target', e.currentTarget.value)}>
          <option value="">All</option>
          <For each={withSelected(props.targets, filters().target)}>
            {(option) => (
              <option value={option.code} selected={option.code === filters().target}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      </label>
      <button
        type="button"
        class="secondary"
        disabled={!active()}
        onClick={() => setParams({ from: undefined, to: undefined, source: undefined, country: undefined, target: undefined, cursor: undefined })}
      >
        Clear filters
      </button>
    </form>
  );
}

/** The options, plus the selected code when the list does not have it (a shared URL from another dataset). */
function withSelected(options: readonly FilterOption[], selected: string | undefined): readonly FilterOption[] {
  if (!selected || options.some((option) => option.code === selected)) return options;
  return [...options, { code: selected, label: selected }];
}
