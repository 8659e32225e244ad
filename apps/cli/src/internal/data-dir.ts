import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the SQLite store lives when NEWSTONE_DATA_DIR is not set: `.newstone/` in the Newstone repository when
 * run from inside it (as `pnpm start` and `pnpm newstone` are), else undefined (the store then uses the user's
 * data folder). The same rule as `newstone serve` (apps/api), so `ingest` fills the store the dashboard shows.
 *
 * @example
 * storeConfigFromEnv(process.env, { defaultDataDir: defaultDataDir() });
 */
export function defaultDataDir(from: string = process.cwd()): string | undefined {
  for (let current = resolve(from); ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(join(current, 'pnpm-workspace.yaml')) && existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'newstone') return join(current, '.newstone');
      } catch {
        // not ours
      }
    }
    if (dirname(current) === current) return undefined;
  }
}
