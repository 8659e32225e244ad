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
      <FilterSelect label="Source" name="source" options={props.sources} selected={filters().source} onChange={set} />
      <FilterSelect label="Speaker country" name="country" options={props.countries} selected={filters().country} onChange={set} />
      <FilterSelect label="Target" name="target" options={props.targets} selected={filters().target} onChange={set} />
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

/** One choice among the options, "All" when none is selected. */
function FilterSelect(props: {
  readonly label: string;
  readonly name: string;
  readonly options: readonly FilterOption[];
  readonly selected: string | undefined;
  readonly onChange: (name: string, value: string) => void;
}): JSX.Element {
  return (
    <label>
      {props.label}
      <select name={props.name} onChange={(e) => props.onChange(props.name, e.currentTarget.value)}>
        <option value="">All</option>
        <For each={withSelected(props.options, props.selected)}>
          {(option) => (
            <option value={option.code} selected={option.code === props.selected}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

/** The options, plus the selected code when the list does not have it (a shared URL from another dataset). */
function withSelected(options: readonly FilterOption[], selected: string | undefined): readonly FilterOption[] {
  if (!selected || options.some((option) => option.code === selected)) return options;
  return [...options, { code: selected, label: selected }];
}
