// Shows that analysis cost grows linearly with input size, and compares it with one `sentiment` (AFINN) pass over
// the same text. Uses the built package: run `pnpm --filter @newstone/core build` first, then
// `node packages/core/scripts/bench-linear.mjs`.
import { readdirSync, readFileSync } from 'node:fs';
import Sentiment from 'sentiment';
import { analyzeArticle } from '../dist/src/index.js';

const corpus = new URL('../../sample-corpus/corpus/', import.meta.url);
const texts = readdirSync(corpus).filter((file) => file.endsWith('.txt')).map((file) => readFileSync(new URL(file, corpus), 'utf8'));
const all = texts.join('\n\n');
const afinn = new Sentiment();

const time = (fn, repeat) => {
  fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
};

console.log('| input | chars | analyzeArticle ms | MB/s | sentiment pass ms | ratio |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const copies of [1, 2, 4, 8]) {
  const text = Array.from({ length: copies }, () => all).join('\n\n');
  const repeat = Math.max(1, Math.round(8 / copies));
  const ms = time(() => analyzeArticle({ text, format: 'text' }), repeat);
  const sentimentMs = time(() => afinn.analyze(text), repeat);
  console.log(`| corpus ×${copies} | ${text.length} | ${ms.toFixed(0)} | ${(text.length / 1e6 / (ms / 1000)).toFixed(2)} | ${sentimentMs.toFixed(0)} | ${(ms / sentimentMs).toFixed(1)} |`);
}
// Per-article, as a corpus-scale run does it: each text analysed alone vs one sentiment pass per text.
const perArticle = time(() => texts.forEach((text) => analyzeArticle({ text, format: 'text' })), 5);
const perArticleSentiment = time(() => texts.forEach((text) => afinn.analyze(text)), 5);
console.log(`\nper article (${texts.length} texts, ${all.length} chars): analyzeArticle ${perArticle.toFixed(0)} ms, sentiment ${perArticleSentiment.toFixed(0)} ms, ratio ${(perArticle / perArticleSentiment).toFixed(1)}`);
