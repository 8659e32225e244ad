// Analysis CPU time against one `sentiment` (AFINN) pass, by process CPU time rather than wall time, so a busy
// machine disturbs it less; with a second built core it alternates the two in one process, the way the speed fixes
// of BENCHMARKS.md were compared. Run `pnpm --filter @newstone/core build` first, then
//   node packages/core/scripts/bench-cpu.mjs [path/to/other/packages/core]
// (the other core: a copy of this package built from another commit).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Sentiment from 'sentiment';

// CORPUS=<folder of .txt files> measures another corpus (the accuracy suite's news articles, say).
const corpus = process.env.CORPUS ? pathToFileURL(`${resolve(process.env.CORPUS)}/`) : new URL('../../sample-corpus/corpus/', import.meta.url);
const texts = readdirSync(corpus).filter((file) => file.endsWith('.txt')).map((file) => readFileSync(new URL(file, corpus), 'utf8'));
const builds = [{ name: 'this core', url: new URL('../dist/src/index.js', import.meta.url) }];
if (process.argv[2] !== undefined) builds.push({ name: process.argv[2], url: pathToFileURL(resolve(process.argv[2], 'dist/src/index.js')) });
for (const build of builds) build.analyze = (await import(build.url.href)).analyzeArticle;
const afinn = new Sentiment();

const cpuMs = (fn) => {
  const start = process.cpuUsage();
  for (let i = 0; i < 4; i++) texts.forEach(fn);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const ROUNDS = 16;
const WARM_UP = 2;
const totals = builds.map(() => 0);
let sentimentTotal = 0;
for (let round = 0; round < ROUNDS; round++) {
  const sentimentMs = cpuMs((text) => afinn.analyze(text));
  const analysisMs = builds.map((build) => cpuMs((text) => build.analyze({ text, format: 'text' })));
  if (round < WARM_UP) continue;
  sentimentTotal += sentimentMs;
  analysisMs.forEach((ms, index) => (totals[index] += ms));
}
console.log(`${ROUNDS - WARM_UP} rounds × ${texts.length} texts × 4, CPU time`);
console.log(`sentiment: ${sentimentTotal.toFixed(0)} ms`);
builds.forEach((build, index) => console.log(`${build.name}: ${totals[index].toFixed(0)} ms, ratio ${(totals[index] / sentimentTotal).toFixed(2)}`));
