import type { Analysis, ArticleInput } from '@newstone/core';
import type { IngestResult, Store } from '@newstone/store';
import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../input/read-sources.js';
import type { AnalysisPool } from './analysis-pool.js';
import { ingestLocal, lookAhead } from './ingest-local.js';
import { IngestReport } from './ingest-report.js';

async function* sources(count: number): AsyncGenerator<SourceItem> {
  for (let index = 0; index < count; index += 1) {
    yield { kind: 'article', origin: `a.jsonl:${index + 1}`, article: { text: `Article ${index}.` }, bytes: 10 };
  }
}

/** A pool of one thread that counts the articles it was asked for. */
function countingPool(): AnalysisPool & { asked: number } {
  const pool = {
    threads: 1,
    capacity: 2,
    asked: 0,
    analyze: async (article: ArticleInput) => {
      pool.asked += 1;
      return { id: null, text: article.text, quotes: [], speakers: [] } as unknown as Analysis;
    },
    close: async () => {},
  };
  return pool;
}

/** A store whose writes note how many articles the pool had been asked for, beyond those written, as each begins. */
function notingStore(pool: { asked: number }): { store: Store; aheadAtWrite: number[] } {
  const aheadAtWrite: number[] = [];
  let written = 0;
  const store = {
    getArticle: async () => null,
    ingestMany: async (analyses: readonly Analysis[]): Promise<IngestResult[]> => {
      written += analyses.length;
      aheadAtWrite.push(pool.asked - written);
      return analyses.map((_, index) => ({ id: `a${written + index}`, created: true }));
    },
  } as unknown as Store;
  return { store, aheadAtWrite };
}

const noProgress = { update: () => {}, setTotal: () => {}, stop: () => {} };

describe('ingestLocal', () => {
  it('has the next batch asked of the pool before a batch is written, so the threads work through the write', async () => {
    const pool = countingPool();
    const { store, aheadAtWrite } = notingStore(pool);
    const report = new IngestReport();
    await ingestLocal({ sources: sources(1000), pool, store, report, progress: noProgress, batchSize: 100 });
    expect(report.articles).toBe(1000);
    // Every write but the last few finds a whole batch more asked for than it writes (a synchronous SQLite write
    // blocks this thread: only what was handed to the threads before it gets analysed meanwhile).
    const full = aheadAtWrite.slice(0, -2);
    expect(full.length).toBeGreaterThan(5);
    for (const ahead of full) expect(ahead).toBeGreaterThanOrEqual(100);
  });

  it('asks for a batch and twice the capacity ahead', () => {
    expect(lookAhead({ capacity: 2 }, 100)).toBe(104);
    expect(lookAhead({ capacity: 8 }, 1)).toBe(17);
  });
});
