import { Show, type JSX } from 'solid-js';
import { isApiError } from '../api/client.js';

/** A placeholder the size of a chart while its data loads, announced politely to screen readers. */
export function Loading(props: { readonly label?: string }): JSX.Element {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </div>
  );
}

/** An empty result: what is missing and what to do about it. */
export function Empty(props: { readonly children: JSX.Element }): JSX.Element {
  return <div class="state state-empty">{props.children}</div>;
}

/** A failed request: the message from the API, and a retry when one makes sense. */
export function Failure(props: { readonly error: unknown; readonly retry?: () => void }): JSX.Element {
  const message = (): string => {
    const error = props.error;
    if (isApiError(error)) return error.status === 404 ? 'Not found: it may have been deleted.' : error.message;
    return error instanceof Error ? error.message : 'Something went wrong.';
  };
  return (
    <div class="state state-error" role="alert">
      <strong>Could not load this.</strong> {message()}
      <Show when={props.retry}>
        {(retry) => (
          <button type="button" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}
