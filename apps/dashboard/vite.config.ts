import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * `virtual:iso-numeric`: the ISO numeric → alpha-2 table the world map needs to match world-atlas shapes to
 * the API's country codes, generated from world-countries at build time so the browser gets 3 KB, not 1 MB.
 */
function isoNumericTable(): Plugin {
  const id = 'virtual:iso-numeric';
  return {
    name: 'newstone-iso-numeric',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const require = createRequire(import.meta.url);
      const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as {
        cca2: string;
        ccn3: string;
      }[];
      const table = Object.fromEntries(countries.filter((c) => c.ccn3 && c.cca2).map((c) => [c.ccn3, c.cca2]));
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

export default defineConfig({
  plugins: [solid(), isoNumericTable()],
  build: { outDir: 'dist', target: 'es2022', manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
