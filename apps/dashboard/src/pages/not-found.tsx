import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { Empty } from '../components/states.js';
import { usePageTitle } from '../lib/page-title.js';

export default function NotFound(): JSX.Element {
  usePageTitle(() => 'Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <Empty>
        There is no page at this address. <A href="/">Go to the overview</A>.
      </Empty>
    </>
  );
}
