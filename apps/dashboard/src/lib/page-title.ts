import { createEffect } from 'solid-js';

/**
 * Keeps `document.title` in step with the page ("Sergei Lavrov · Newstone"), so tabs, history and screen
 * readers name the view.
 *
 * @example usePageTitle(() => speaker()?.name ?? 'Speaker')
 */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · Newstone`;
  });
}
