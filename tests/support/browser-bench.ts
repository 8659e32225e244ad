/**
 * Dashboard benchmark: time from navigation to the first chart of the overview and to the first page of the quote
 * explorer on screen, in Debian's Chromium, with a store of 100k quotes behind the built service. Numbers go to
 * BENCHMARKS.md (dashboard section).
 *
 *   pnpm build && pnpm --filter @newstone/tests exec tsx support/browser-bench.ts [--quotes 100000] [--runs 7]
 *   … browser-bench.ts --data-dir <folder>    # a SQLite store filled before (e.g. the API bench's BENCH_DATA_DIR)
 *
 * The store is filled by analysing the sample corpus once and storing copies of those analyses (each copy's text
 * differs, so each is its own article) on dates spread over a year, until it holds the wanted number of quotes.
 * With `--data-dir` the folder's store is used as it is and kept.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.js';
import { startService } from './service.js';

const { values } = parseArgs({
  options: { quotes: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' }, 'data-dir': { type: 'string' } },
});
const wantedQuotes = Number(values.quotes);
const runs = Number(values.runs);
if (!Number.isInteger(wantedQuotes) || wantedQuotes < 1) throw new Error(`--quotes: expected a positive integer, found ${values.quotes}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, found ${values.runs}`);

/**
 * Fills a SQLite store in `dataDir` with at least `wanted` quotes. Runs in a plain Node child process on the built
 * packages: TypeScript loaders mishandle the JSON lexicons the core imports, and Node reads them natively.
 */
async function fillStore(dataDir: string, wanted: number): Promise<number> {
  const script = `
    import { analyzeArticle } from '@newstone/core';
    import { loadSampleCorpus } from '@newstone/sample-corpus';
    import { createStore } from '@newstone/store';
    const [dataDir, wanted] = [process.argv[1], Number(process.argv[2])];
    const originals = loadSampleCorpus().map((s) =>
      analyzeArticle({ text: s.text, title: s.title, source: s.source, url: s.url ?? undefined, publishedAt: s.publishedAt }));
    if (originals.every((a) => a.quotes.length === 0)) throw new Error('the sample corpus gave no quotes: nothing to benchmark');
    const store = await createStore({ engine: 'sqlite', dataDir });
    let quotes = 0, copy = 0;
    while (quotes < wanted) {
      const batch = [];
      for (const original of originals) {
        copy += 1;
        const day = new Date(Date.UTC(2025, 0, 1) + (copy % 365) * 86400000).toISOString().slice(0, 10);
        // Appending keeps every quote offset valid while making the content (and so the article id) new.
        batch.push({ ...original, text: original.text + '\\n\\n[benchmark copy ' + copy + ']', title: (original.title ?? 'Untitled') + ' (' + copy + ')', publishedAt: day });
        quotes += original.quotes.length;
      }
      await store.ingestMany(batch);
    }
    await store.close();
    console.log(quotes);
  `;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, dataDir, String(wanted)], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`filling the store failed with exit code ${code}`))));
  });
  return Number(output.trim());
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds from navigation to the performance mark `mark`, in a fresh browser profile (a cold HTTP cache). */
async function timeToMark(url: string, mark: string): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000 });
    return await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const keptDir = values['data-dir'];
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), 'newstone-bench-'));
  try {
    if (keptDir === undefined) {
      const started = Date.now();
      const stored = await fillStore(dataDir, wantedQuotes);
      console.log(`stored ${stored} quotes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
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
      const firstQuotes: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        firstChart.push(await timeToMark(`${service.url}/#/`, 'newstone:first-chart'));
        firstQuotes.push(await timeToMark(`${service.url}/#/quotes`, 'newstone:first-quotes'));
      }
      const format = (list: number[]): string => `median ${median(list).toFixed(0)} ms, max ${Math.max(...list).toFixed(0)} ms (${list.length} runs)`;
      console.log(`GET /api/tone?by=speaker: ${format(apiTimes)}`);
      console.log(`first chart drawn after navigation (cold cache): ${format(firstChart)}`);
      console.log(`first page of quotes shown after navigation (cold cache): ${format(firstQuotes)}`);
    } finally {
      await service.stop();
    }
  } finally {
    if (keptDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
