#!/usr/bin/env node
// Gzipped JavaScript the overview route ships: the entry chunk and everything it imports statically, read from
// Vite's build manifest. Lazily loaded chunks (the world map, other pages) are listed apart. Exits 1 over budget.
// Usage: pnpm --filter @newstone/dashboard build && pnpm --filter @newstone/dashboard size
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 150;
const dist = new URL('../dist/', import.meta.url).pathname;
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error('dist/.vite/manifest.json not found: run `pnpm --filter @newstone/dashboard build` first');
  process.exit(1);
}

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
if (!entry) {
  console.error('the manifest has no entry chunk');
  process.exit(1);
}

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entry[0]);

const rows = [...initial].filter((file) => file.endsWith('.js')).map((file) => [file, gzipKb(file)]);
const total = rows.reduce((sum, [, kb]) => sum + kb, 0);
console.log('Overview route, JavaScript loaded before the first chart (gzip -9):');
for (const [file, kb] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${kb.toFixed(1).padStart(7)} KB  ${file}`);
console.log(`  ${total.toFixed(1).padStart(7)} KB  total (budget ${budgetKb} KB)`);

const lazy = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry && !initial.has(chunk.file));
console.log('Loaded on demand:');
for (const chunk of lazy) console.log(`  ${gzipKb(chunk.file).toFixed(1).padStart(7)} KB  ${chunk.file} (${chunk.src ?? chunk.name})`);

if (total > budgetKb) {
  console.error(`over budget: ${total.toFixed(1)} KB > ${budgetKb} KB`);
  process.exit(1);
}
