import { describe, expect, it } from 'vitest';
import { formatSummary, IngestReport, maxListedFailures, type IngestSummary } from './ingest-report.js';

const base: IngestSummary = {
  articles: 1234, quotes: 5678, speakers: 90, skipped: 3, enqueued: 0, failed: 0, failures: [], interrupted: false, seconds: 10,
};

describe('formatSummary', () => {
  it.each<[string, IngestSummary, { articles: number; quotes: number; speakers: number } | null, string]>([
    [
      'a completed run with the store totals',
      base,
      { articles: 2000, quotes: 9000, speakers: 120 },
      'Done in 10.0 s: 1,234 articles stored (123.4 articles/s), 5,678 quotes, 90 speakers\n' +
        'Skipped (already stored or queued): 3\nFailed: 0\nThe store now holds 2,000 articles, 9,000 quotes, 120 speakers.\n',
    ],
    [
      'failures with their file and reason',
      { ...base, failed: 2, failures: [{ origin: 'a/bad.json', reason: 'expected JSON' }, { origin: 'b.jsonl:3', reason: 'empty "text"' }] },
      null,
      'Done in 10.0 s: 1,234 articles stored (123.4 articles/s), 5,678 quotes, 90 speakers\n' +
        'Skipped (already stored or queued): 3\nFailed: 2\n  a/bad.json: expected JSON\n  b.jsonl:3: empty "text"\n',
    ],
    [
      'an interrupted run, with how to resume',
      { ...base, interrupted: true, enqueued: 5 },
      null,
      'Interrupted after 10.0 s: 1,234 articles stored (123.4 articles/s), 5,678 quotes, 90 speakers\n' +
        'Queued for the workers: 5\nSkipped (already stored or queued): 3\nFailed: 0\n' +
        'Run the same command again to resume: stored articles are skipped.\n',
    ],
  ])('reports %s', (_, summary, totals, text) => {
    expect(formatSummary(summary, totals)).toBe(text);
  });

  it('says how many failures it did not list', () => {
    const text = formatSummary({ ...base, failed: 5, failures: [{ origin: 'x', reason: 'y' }] }, null);
    expect(text).toContain('  … and 4 more\n');
  });
});

describe('IngestReport', () => {
  it('counts stored articles, their quotes and distinct speakers', () => {
    const report = new IngestReport();
    const speaker = (name: string) => ({ id: name, name, kind: 'person' as const, role: null, organization: null, country: null, aliases: [], merges: [] });
    const analysis = (names: string[], quotes: number) =>
      ({ quotes: Array.from({ length: quotes }), speakers: names.map(speaker) }) as never;
    report.addStored(analysis(['Lavrov', 'Peskov'], 3));
    report.addStored(analysis(['Lavrov'], 2));
    expect([report.articles, report.quotes, report.speakers]).toEqual([2, 5, 2]);
  });

  it('keeps a bounded list of failures but counts them all', () => {
    const report = new IngestReport();
    for (let index = 0; index < maxListedFailures + 10; index += 1) report.addFailure({ origin: `f${index}`, reason: 'bad' });
    expect([report.failedCount, report.failures.length]).toEqual([maxListedFailures + 10, maxListedFailures]);
  });
});
