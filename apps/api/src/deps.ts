import type { Analysis, ArticleInput } from '@newstone/core';
import type { Store } from '@newstone/store';

/** What the app is built from: a store, the analysis function, and the service's options. */
export interface AppDeps {
  readonly store: Store;
  /** Default: `analyzeArticle` from @newstone/core. */
  readonly analyze?: ((input: ArticleInput) => Analysis) | undefined;
  /** When set, requests that change data need `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string | undefined;
  /** Allowed CORS origins, comma-separated, or `*`. Unset: no CORS headers. */
  readonly corsOrigin?: string | undefined;
  /** Largest request body accepted. Default 10 MB. */
  readonly maxBodyBytes?: number | undefined;
}

/** Route factories get the resolved dependencies. */
export interface RouteDeps {
  readonly store: Store;
  readonly analyze: (input: ArticleInput) => Analysis;
}
