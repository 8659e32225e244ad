// Runs a TypeScript script of this package: bundles it with esbuild into dist/scripts/ and imports it.
// (tsx turns JSON imports into named exports and trips over AFINN's word "protected"; a bundle inlines them.)
// Usage: node scripts/run.mjs scripts/train-target-sentiment.ts [args…]
import { build } from 'esbuild';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (entry === undefined || !entry.endsWith('.ts')) {
  console.error('usage: node scripts/run.mjs <script.ts> [args…]');
  process.exit(2);
}
const outfile = `dist/scripts/${basename(entry, '.ts')}.mjs`;
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning'});
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
