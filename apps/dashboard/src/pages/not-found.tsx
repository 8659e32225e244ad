import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { Empty } from '../components/states.js';

export default function NotFound(): JSX.Element {
  return (
    <>
      <h1>Page not found</h1>
      <Empty>
        There is no page at this address. <A href="/">Go to the overview</A>.
      </Empty>
    </>
  );
}
