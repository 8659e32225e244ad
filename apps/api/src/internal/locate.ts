import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userDataDir } from '@newstone/store';

/** The Newstone repository `dir` is inside (its root holds pnpm-workspace.yaml and package.json "newstone"), or null. */
export function findRepoRoot(dir: string): string | null {
  let current = resolve(dir);
  for (;;) {
    const manifest = join(current, 'package.json');
    if (existsSync(join(current, 'pnpm-workspace.yaml')) && existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'newstone') return current;
      } catch {
        // not ours
      }
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * Where the SQLite store lives when NEWSTONE_DATA_DIR is not set: `.newstone/` in the Newstone repository when run
 * from inside it (as `pnpm start` and `pnpm newstone` are), else the user's data folder. `serve`, `ingest` and
 * `reanalyze` share this rule, so an ingest fills the store the dashboard shows.
 *
 * @example
 * storeConfigFromEnv(process.env, { defaultDataDir: defaultDataDir(process.env) });
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  const repo = findRepoRoot(cwd);
  return repo ? join(repo, '.newstone') : userDataDir(env);
}

/**
 * The built dashboard's folder: `@newstone/dashboard` resolved as a package, else its place in this
 * repository's layout. Null when neither exists or it has no `index.html` (not built yet).
 */
export function findDashboardDist(): { readonly dir: string | null; readonly looked: string[] } {
  const looked: string[] = [];
  const here = fileURLToPath(import.meta.url);
  const candidates: string[] = [];
  try {
    candidates.push(dirname(createRequire(here).resolve('@newstone/dashboard/package.json')));
  } catch {
    // not a dependency here: fall back to the monorepo layout
  }
  const repo = findRepoRoot(dirname(here));
  if (repo) candidates.push(join(repo, 'apps', 'dashboard'));
  for (const candidate of candidates) {
    const dist = join(candidate, 'dist');
    looked.push(dist);
    if (existsSync(join(dist, 'index.html'))) return { dir: dist, looked };
  }
  return { dir: null, looked };
}
