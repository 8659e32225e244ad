// Byte-identity guard for speed work: writes the JSON of `analyzeArticle` on the 25 sample-corpus texts, the
// core's article fixtures and the accuracy suite's news articles to a file, or compares against one written before. Run `pnpm --filter @newstone/core build`
// first, then
//   node packages/core/scripts/snapshot-output.mjs save /tmp/before.json
//   node packages/core/scripts/snapshot-output.mjs compare /tmp/before.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { analyzeArticle } from '../dist/src/index.js';

const folders = [
  new URL('../../sample-corpus/corpus/', import.meta.url),
  new URL('../src/fixtures/', import.meta.url),
  new URL('../../../tests/accuracy/quotes-news/', import.meta.url),
];
const outputs = {};
for (const folder of folders) {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
    const text = readFileSync(new URL(file, folder), 'utf8');
    outputs[`${folder.pathname.split('/').at(-2)}/${file}`] = JSON.stringify(analyzeArticle({ text, format: 'text' }));
  }
}
const [mode, path] = process.argv.slice(2);
if (mode === 'save' && path) {
  writeFileSync(path, JSON.stringify(outputs));
  console.log(`saved ${Object.keys(outputs).length} analyses to ${path}`);
} else if (mode === 'compare' && path) {
  const before = JSON.parse(readFileSync(path, 'utf8'));
  const names = new Set([...Object.keys(before), ...Object.keys(outputs)]);
  const differing = [...names].filter((name) => before[name] !== outputs[name]);
  differing.forEach((name) => console.log(`differs: ${name}`));
  console.log(`${names.size - differing.length}/${names.size} analyses identical`);
  process.exitCode = differing.length === 0 ? 0 : 1;
} else {
  console.error('expected: save <file> | compare <file>');
  process.exitCode = 2;
}
