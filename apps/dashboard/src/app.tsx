import { A, HashRouter, type RouteSectionProps } from '@solidjs/router';
import { createEffect, ErrorBoundary, lazy, on, Suspense, type JSX } from 'solid-js';
import { Failure, Loading } from './components/states.js';
import Overview from './pages/overview.js';

// The overview ships in the entry chunk (it is the landing page); every other page loads when visited.
const Quotes = lazy(() => import('./pages/quotes.js'));
const Article = lazy(() => import('./pages/article.js'));
const SpeakerPage = lazy(() => import('./pages/speaker.js'));
const AddArticles = lazy(() => import('./pages/add-articles.js'));
const NotFound = lazy(() => import('./pages/not-found.js'));

function Layout(props: RouteSectionProps): JSX.Element {
  // After moving to another page, put focus at the top of the new content so keyboard and screen-reader users
  // start there (a filter change stays on the same path and keeps focus where it is).
  let main!: HTMLElement;
  createEffect(
    on(
      () => props.location.pathname,
      () => main.focus({ preventScroll: false }),
      { defer: true },
    ),
  );
  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="site-header">
        <A href="/" class="brand" end>
          Newstone
        </A>
        <nav aria-label="Main">
          <A href="/" end>Overview</A>
          <A href="/quotes">Quotes</A>
          <A href="/add">Add articles</A>
        </nav>
      </header>
      <main id="main" tabindex="-1" ref={main}>
        <ErrorBoundary fallback={(error, reset) => <Failure error={error} retry={reset} />}>
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

/**
 * The dashboard's pages. Hash routing, so every view (filters included) is a URL that works from any static
 * server without a fallback route.
 */
export function App(): JSX.Element {
  return (
    <HashRouter root={Layout}>
      {[
        { path: '/', component: Overview },
        { path: '/quotes', component: Quotes },
        { path: '/articles/:id', component: Article },
        { path: '/speakers/:id', component: SpeakerPage },
        { path: '/add', component: AddArticles },
        { path: '*', component: NotFound },
      ]}
    </HashRouter>
  );
}
