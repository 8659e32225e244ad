#!/usr/bin/env node
// Stable entry for the `newstone` bin: the compiled CLI lives in dist/ and exists only after a build.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('newstone: the CLI is not built yet. Run `pnpm build` (or `pnpm start`) at the repository root first.');
  process.exit(1);
}
await import(main.href);
