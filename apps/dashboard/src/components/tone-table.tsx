import { For, type JSX } from 'solid-js';
import type { ToneRow } from '../api/types.js';
import { formatCount, formatShare, formatTone } from '../lib/format.js';

export interface ToneTableProps {
  readonly rows: readonly ToneRow[];
  readonly keyHeader: string;
  readonly nameOf: (row: ToneRow) => string;
  readonly hrefOf: (row: ToneRow) => string;
}

/** The numbers behind a tone chart, row for row, with each count linking to its quotes. */
export function ToneTable(props: ToneTableProps): JSX.Element {
  return (
    <table data-table="tone">
      <thead>
        <tr>
          <th scope="col">{props.keyHeader}</th>
          <th scope="col">Mean tone</th>
          <th scope="col">95% CI</th>
          <th scope="col">Positive</th>
          <th scope="col">Negative</th>
          <th scope="col">Quotes</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr data-key={row.key}>
              <th scope="row">{props.nameOf(row)}</th>
              <td class="num">{formatTone(row.mean)}</td>
              <td class="num">
                {formatTone(row.ciLow)} to {formatTone(row.ciHigh)}
              </td>
              <td class="num">{formatShare(row.share.positive)}</td>
              <td class="num">{formatShare(row.share.negative)}</td>
              <td class="num">
                <a href={props.hrefOf(row)} aria-label={`${formatCount(row.count)} quotes by ${props.nameOf(row)}`}>
                  {formatCount(row.count)}
                </a>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
