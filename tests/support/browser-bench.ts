/**
 * Dashboard benchmark: time from navigation to the first chart on screen, in Debian's Chromium, with a store of
 * 100k quotes behind the built service. Numbers go to BENCHMARKS.md (dashboard section).
 *
 *   pnpm build && pnpm --filter @newstone/tests exec tsx support/browser-bench.ts [--quotes 100000] [--runs 7]
 *
 * The store is filled by analysing the sample corpus once and storing copies of those analyses (each copy's text
 * differs, so each is its own article) on dates spread over a year, until it holds the wanted number of quotes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeArticle, type Analysis } from '@newstone/core';
import { loadSampleCorpus } from '@newstone/sample-corpus';
import { createStore } from '@newstone/store';
import { launchBrowser } from './browser.js';
import { startService } from './service.js';

const { values } = parseArgs({ options: { quotes: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' } } });
const wantedQuotes = Number(values.quotes);
const runs = Number(values.runs);
if (!Number.isInteger(wantedQuotes) || wantedQuotes < 1) throw new Error(`--quotes: expected a positive integer, found ${values.quotes}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, found ${values.runs}`);

async function fillStore(dataDir: string): Promise<number> {
  const originals = loadSampleCorpus().map((sample) =>
    analyzeArticle({ text: sample.text, title: sample.title, source: sample.source, url: sample.url ?? undefined, publishedAt: sample.publishedAt }),
  );
  const perRound = originals.reduce((sum, analysis) => sum + analysis.quotes.length, 0);
  if (perRound === 0) throw new Error('the sample corpus gave no quotes: nothing to benchmark');
  const store = await createStore({ engine: 'sqlite', dataDir });
  let quotes = 0;
  let copy = 0;
  try {
    while (quotes < wantedQuotes) {
      const batch: Analysis[] = [];
      for (const original of originals) {
        copy += 1;
        const day = new Date(Date.UTC(2025, 0, 1) + (copy % 365) * 86_400_000).toISOString().slice(0, 10);
        // Appending keeps every quote offset valid while making the content (and so the article id) new.
        batch.push({ ...original, text: `${original.text}\n\n[benchmark copy ${copy}]`, title: `${original.title ?? 'Untitled'} (${copy})`, publishedAt: day });
        quotes += original.quotes.length;
      }
      await store.ingestMany(batch);
    }
  } finally {
    await store.close();
  }
  return quotes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const dataDir = mkdtempSync(join(tmpdir(), 'newstone-bench-'));
try {
  const started = Date.now();
  const stored = await fillStore(dataDir);
  console.log(`stored ${stored} quotes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const service = await startService({ NEWSTONE_DATA_DIR: dataDir });
  try {
    const apiTimes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      const response = await fetch(`${service.url}/api/tone?by=speaker`);
      await response.json();
      apiTimes.push(performance.now() - t0);
    }
    const firstChart: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      // A fresh profile per run: a cold HTTP cache, as for a first visit.
      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        await page.goto(`${service.url}/#/`);
        await page.waitForFunction(() => performance.getEntriesByName('newstone:first-chart').length > 0, undefined, { timeout: 30_000 });
        firstChart.push(await page.evaluate(() => performance.getEntriesByName('newstone:first-chart')[0]!.startTime));
      } finally {
        await browser.close();
      }
    }
    const format = (list: number[]): string => `median ${median(list).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms (${list.length} runs)`;
    console.log(`GET /api/tone?by=speaker: ${format(apiTimes)}`);
    console.log(`first chart drawn after navigation (cold cache): ${format(firstChart)}`);
  } finally {
    await service.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
