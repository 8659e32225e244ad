import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, PIPELINE_VERSION, scoreTargetSentiment, type Analysis, type ArticleInput } from '@newstone/core';
import { loadSampleCorpus } from '@newstone/sample-corpus';
import { createStore } from '@newstone/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../support/service.js';
import { collect, runCli, spawnCli } from './cli-support.js';

const corpus = loadSampleCorpus();
const sample = corpus[0] as (typeof corpus)[number];
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'newstone-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A unique article made from a corpus text, so its content hash differs from every other one. */
function article(index: number): ArticleInput & { id: number } {
  const source = corpus[index % corpus.length] as (typeof corpus)[number];
  return { id: index, text: `Copy ${index}.\n\n${source.text}`, title: source.title, publishedAt: source.publishedAt };
}

async function storeStats(dataDir: string) {
  const store = await createStore({ engine: 'sqlite', dataDir });
  try {
    return { ...(await store.stats()), integrity: await store.verifyIntegrity() };
  } finally {
    await store.close();
  }
}

describe('newstone analyze FILE --json', () => {
  const html = `<!doctype html><html><head><title>Talks</title></head><body><article><h1>Talks</h1>
    <p>“We will not wait forever,” Russian Foreign Minister Sergei Lavrov said on Monday.</p></article></body></html>`;
  const json = { text: sample.text, title: sample.title, source: sample.source, publishedAt: sample.publishedAt };

  it.each<[string, string, () => string, ArticleInput]>([
    ['a .txt file', 'sample.txt', () => sample.text, { text: sample.text, format: 'text' }],
    ['an .html file', 'page.html', () => html, { text: html, format: 'html' }],
    ['a .json file with metadata', 'sample.json', () => JSON.stringify(json), { ...json, format: 'auto' }],
  ])('prints the same analysis as analyzeArticle for %s', async (_, name, content, input) => {
    const path = write(`analyze/${name}`, content());
    const run = await runCli(['analyze', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(analyzeArticle(input))));
  });

  it('gives spans that slice the printed text back to each quote', async () => {
    const run = await runCli(['analyze', write('analyze/sample.txt', sample.text), '--json']);
    const analysis = JSON.parse(run.stdout) as Analysis;
    expect(analysis.quotes.length).toBeGreaterThan(0);
    expect(analysis.quotes.map((quote) => analysis.text.slice(quote.start, quote.end))).toEqual(
      analysis.quotes.map((quote) => quote.text),
    );
  });

  it.each<[string, () => string[], number, RegExp]>([
    ['no FILE', () => ['analyze'], 2, /expected a FILE/],
    ['an unknown option', () => ['analyze', '--bogus'], 2, /Unknown option '--bogus'/],
    ['an unknown command', () => ['analyse'], 2, /unknown command "analyse"/],
    ['a file type it does not read', () => ['analyze', write('analyze/notes.md', '# x')], 2, /expected a \.txt, \.html or \.json file/],
    ['a missing file', () => ['analyze', join(work, 'missing.txt')], 1, /cannot read the file \(ENOENT\)/],
    ['JSON without a text', () => ['analyze', write('analyze/no-text.json', '{"title":"x"}')], 1, /expected "text" to be a string, found none/],
    ['binary content', () => ['analyze', write('analyze/binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x81]))], 1, /expected UTF-8 text/],
  ])('fails clearly on %s', async (_, args, code, message) => {
    const run = await runCli(args());
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it.each([['--help'], ['analyze', '--help'], ['ingest', '--help']])('prints usage for %s', async (...args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/);
  });
});

describe('newstone analyze --jsonl', () => {
  const long = article(1);
  const lines: [string, { id: unknown; error?: string }][] = [
    [JSON.stringify(long), { id: 1 }],
    ['{"id": 2, "text": "“Yes,” she said."}', { id: 2 }],
    ['not json at all', { id: null, error: 'invalid-json' }],
    ['', { id: 'blank lines are skipped' }],
    ['{"id": "four", "text": 4}', { id: 'four', error: 'invalid-input' }],
    ['[1, 2]', { id: null, error: 'invalid-input' }],
    ['{"id": 6, "text": "No quotes here.", "publishedAt": "yesterday"}', { id: 6, error: 'invalid-input' }],
    [JSON.stringify(article(7)), { id: 7 }],
  ];
  const expected = lines.filter(([line]) => line !== '').map(([, outcome]) => outcome);

  it.each([['in this thread', []], ['in 2 worker threads', ['--workers', '2']]])(
    'writes one line per input line, in order, with per-line errors (%s)',
    async (_, extra) => {
      const run = await runCli(['analyze', '--jsonl', ...extra], { input: `${lines.map(([line]) => line).join('\n')}\n` });
      expect(run.code).toBe(0);
      const results = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(results.map((result) => ({ id: result.id, ...(result.error ? { error: (result.error as { code: string }).code } : {}) }))).toEqual(expected);
      expect(results[0]).toEqual({ id: 1, ...JSON.parse(JSON.stringify(analyzeArticle(long))) });
      expect((results[2]?.error as { line: number }).line).toBe(3);
    },
  );

  it('streams a long input without waiting for its end', async () => {
    const child = spawnCli(['analyze', '--jsonl'], { openStdin: true });
    child.stdin?.write(`${JSON.stringify({ id: 'first', text: '“Now,” he said.' })}\n`);
    const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    expect(JSON.parse(chunk.toString().split('\n')[0] as string).id).toBe('first');
    child.stdin?.end();
    expect((await collect(child)).code).toBe(0);
  });
});

describe('newstone target-sentiment --jsonl', () => {
  const sentence = 'Critics slammed Smith for the failed deal, while Jones praised the team.';
  const smith = { start: sentence.indexOf('Smith'), end: sentence.indexOf('Smith') + 5 };
  const jones = { start: sentence.indexOf('Jones'), end: sentence.indexOf('Jones') + 5 };

  it('writes {id, polarity, score} per line, in order, as scoreTargetSentiment scores it', async () => {
    const input = [
      { id: 'smith', sentence, ...smith },
      { id: 'jones', sentence, ...jones },
    ];
    const run = await runCli(['target-sentiment', '--jsonl'], { input: `${input.map((line) => JSON.stringify(line)).join('\n')}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(
      input.map(({ id, sentence: text, start, end }) => ({ id, ...scoreTargetSentiment(text, { start, end }) })),
    );
  });

  it.each<[string, string, { id: unknown; code: string }]>([
    ['a line that is not JSON', '{"id": 1, "sentence": ', { id: null, code: 'invalid-json' }],
    ['a missing field', '{"id": 2, "sentence": "Smith won."}', { id: 2, code: 'invalid-input' }],
    ['a span outside the sentence', '{"id": 3, "sentence": "Smith won.", "start": 4, "end": 40}', { id: 3, code: 'invalid-input' }],
    ['an empty span', '{"id": 4, "sentence": "Smith won.", "start": 2, "end": 2}', { id: 4, code: 'invalid-input' }],
  ])('answers %s with an error line and goes on', async (_, line, expected) => {
    const good = JSON.stringify({ id: 'after', sentence, ...smith });
    const run = await runCli(['target-sentiment', '--jsonl'], { input: `${line}\n${good}\n` });
    expect(run.code).toBe(0);
    const [error, after] = run.stdout.trimEnd().split('\n').map((text) => JSON.parse(text));
    expect({ id: error.id, code: error.error.code, line: error.error.line }).toEqual({ ...expected, line: 1 });
    expect(after.id).toBe('after');
  });

  it('gives a sentence and target the polarity newstone analyze gives the quote of that sentence toward that target', async () => {
    const rows = [
      ['The Russian military has begun a brutal assault on the people of Ukraine.', 'Ukraine', 'UA'],
      ['The Russian military has begun a brutal assault on the people of Ukraine.', 'Russian', 'RU'],
      ['We will provide assistance to Ukraine.', 'Ukraine', 'UA'],
      ['Today, I am announcing sanctions on Russia.', 'Russia', 'RU'],
    ] as const;
    const scored = await runCli(['target-sentiment', '--jsonl'], {
      input: rows.map(([text, target], id) => JSON.stringify({ id, sentence: text, start: text.indexOf(target), end: text.indexOf(target) + target.length })).join('\n') + '\n',
    });
    const analyzed = await runCli(['analyze', '--jsonl'], {
      input: rows.map(([text], id) => JSON.stringify({ id: String(id), text: `“${text}” the spokeswoman said.` })).join('\n') + '\n',
    });
    const polarities = scored.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { polarity: string }).polarity);
    const stances = analyzed.stdout.trimEnd().split('\n').map((line, index) => {
      const analysis = JSON.parse(line) as Analysis;
      return analysis.quotes[0]?.stance.find((stance) => stance.targetCountry === rows[index]![2])?.polarity;
    });
    const asStance = { positive: 'favor', neutral: 'neutral', negative: 'against' } as Record<string, string>;
    expect(stances).toEqual(polarities.map((polarity) => asStance[polarity]));
    expect(stances).toEqual(['neutral', 'against', 'favor', 'against']);
  });

  it('refuses to run without --jsonl', async () => {
    const run = await runCli(['target-sentiment']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/expected --jsonl/)]);
  });
});

describe('newstone reanalyze', () => {
  it('brings analyses of an older pipeline version to the current one, and then has nothing to do', async () => {
    const dataDir = join(work, 'data-reanalyze');
    const store = await createStore({ engine: 'sqlite', dataDir });
    const current = analyzeArticle({ text: sample.text, title: sample.title, publishedAt: sample.publishedAt, format: 'text' });
    await store.ingestMany([{ ...current, pipelineVersion: '0.0.0-old', quotes: current.quotes.slice(0, 1) }]);
    await store.close();

    const first = await runCli(['reanalyze', '--json', '--workers', '1'], { env: { NEWSTONE_DATA_DIR: dataDir } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ pipelineVersion: PIPELINE_VERSION, articles: 1, quotes: current.quotes.length, failed: 0 });
    const second = await runCli(['reanalyze', '--json'], { env: { NEWSTONE_DATA_DIR: dataDir } });
    expect(JSON.parse(second.stdout)).toMatchObject({ articles: 0, failed: 0 });

    const reopened = await createStore({ engine: 'sqlite', dataDir });
    try {
      const [summary] = (await reopened.listArticles()).items;
      expect([summary?.pipelineVersion, summary?.quoteCount]).toEqual([PIPELINE_VERSION, current.quotes.length]);
    } finally {
      await reopened.close();
    }
  });
});

describe('newstone serve', () => {
  it('serves the API from the stored articles', async () => {
    const service = await startService();
    try {
      const health = await fetch(`${service.url}/api/health`);
      expect(health.status).toBe(200);
      const speakers = (await (await fetch(`${service.url}/api/speakers?limit=200`)).json()) as { items: unknown[] };
      expect(speakers.items.length).toBeGreaterThan(0);
    } finally {
      await service.stop();
    }
  });

  it.each([[['serve', '--port', 'http']], [['serve', 'extra']]])('refuses %j with exit code 2', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
  });
});

describe('newstone ingest', () => {
  it('ingests a folder with a corrupt, an empty and a 20 MB file: reports each and stores every good article', async () => {
    const folder = join(work, 'ingest-folder');
    write('ingest-folder/good.txt', sample.text);
    write('ingest-folder/nested/good.html', `<html><body><article><p>${article(2).text.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`);
    write('ingest-folder/nested/good.json', JSON.stringify([article(3), article(4)]));
    write('ingest-folder/corrupt.json', '{"text": "an article cut off in the midd');
    write('ingest-folder/empty.txt', '');
    write('ingest-folder/ignored.md', 'not an article type: passed over');
    const big = createWriteStream(join(folder, 'big.jsonl'));
    let bytes = 0;
    let bigCount = 0;
    for (let index = 100; bytes < 20 * 2 ** 20; index += 1) {
      const line = `${JSON.stringify(article(index))}\n`;
      bytes += Buffer.byteLength(line);
      bigCount += 1;
      if (!big.write(line)) await once(big, 'drain');
    }
    big.end();
    await once(big, 'close');
    const dataDir = join(work, 'data-folder');

    const run = await runCli(['ingest', folder, '--json', '--workers', '2'], { env: { NEWSTONE_DATA_DIR: dataDir } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    const good = 1 + 1 + 2 + bigCount;
    expect({ articles: summary.articles, skipped: summary.skipped, failed: summary.failed }).toEqual({ articles: good, skipped: 0, failed: 2 });
    expect(summary.failures).toEqual([
      { origin: join(folder, 'corrupt.json'), reason: 'expected JSON, found text that is not valid JSON' },
      { origin: join(folder, 'empty.txt'), reason: 'empty file: no article' },
    ]);
    expect(await storeStats(dataDir)).toMatchObject({ articles: good, integrity: { ok: true, problems: [] } });
  }, 600_000);

  it.each([
    ['Ctrl-C (SIGINT)', 'SIGINT' as const],
    ['a hard kill (SIGKILL)', 'SIGKILL' as const],
  ])('resumes without duplicates after %s', async (_, signal) => {
    const count = 1500;
    // Short articles (the opening of each text) keep the run quick; the stop lands in the middle all the same.
    const lines = Array.from({ length: count }, (_, index) => {
      const { id, text } = article(5000 + index);
      return JSON.stringify({ id, text: text.slice(0, 1500) });
    });
    const input = write(`resume-${signal}/articles.jsonl`, lines.join('\n'));
    const dataDir = join(work, `data-resume-${signal}`);
    const env = { NEWSTONE_DATA_DIR: dataDir };
    const child = spawnCli(['ingest', input, '--json', '--workers', '1', '--batch-size', '20'], { env });
    const finished = collect(child);
    // Stop it once part of the input is stored (and fail, not hang, if it ends first).
    let exited = false;
    void finished.then(() => (exited = true));
    for (let stored = 0; stored < 100; ) {
      expect(exited, 'ingest ended before it could be stopped').toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = (await storeStats(dataDir).catch(() => ({ articles: 0 }))).articles;
    }
    child.kill(signal);
    const stopped = await finished;
    const before = await storeStats(dataDir);
    expect(before.articles).toBeLessThan(count);
    expect(before.integrity).toEqual({ ok: true, problems: [] });
    if (signal === 'SIGINT') {
      expect(stopped.code).toBe(130);
      expect(JSON.parse(stopped.stdout)).toMatchObject({ interrupted: true, articles: before.articles, failed: 0 });
    } else {
      expect(stopped.signal).toBe('SIGKILL');
    }

    const rerun = await runCli(['ingest', input, '--json', '--workers', '2'], { env });
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ articles: count - before.articles, skipped: before.articles, failed: 0 });
    expect(await storeStats(dataDir)).toMatchObject({ articles: count, integrity: { ok: true } });
  }, 300_000);

  it('reads JSONL from stdin with -', async () => {
    const dataDir = join(work, 'data-stdin');
    const input = `${[article(9001), article(9002)].map((item) => JSON.stringify(item)).join('\n')}\n{broken\n`;
    const run = await runCli(['ingest', '-', '--json'], { input, env: { NEWSTONE_DATA_DIR: dataDir } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      articles: 2,
      failed: 1,
      failures: [{ origin: 'stdin:3', reason: 'expected JSON, found text that is not valid JSON' }],
    });
  });

  it.each<[string, string[], RegExp]>([
    ['no PATH', ['ingest'], /expected at least one PATH/],
    ['a bad --workers', ['ingest', '-', '--workers', 'many'], /--workers: expected a whole number/],
    ['the queue without PostgreSQL', ['ingest', '--from-queue'], /set DATABASE_URL/],
  ])('refuses %s with exit code 2', async (_, args, message) => {
    const run = await runCli(args, { env: { NEWSTONE_DATA_DIR: join(work, 'data-usage') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each<[string, () => Record<string, string>, RegExp]>([
    ['a SQLite folder that cannot be created', () => ({ NEWSTONE_DATA_DIR: join(write('not-a-folder', 'a file where a folder should be'), 'data') }), /cannot open the store in SQLite/],
    ['an unreachable PostgreSQL', () => ({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' }), /cannot open the store in PostgreSQL \(DATABASE_URL\).*ECONNREFUSED/],
  ])('fails with exit code 1, and exits, when the store is %s', async (_, env, message) => {
    const run = await runCli(['ingest', '-'], { env: env(), input: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});

// Reading the fixture keeps the sample and the corpus package in step.
it('analyses the corpus copy of the sample article', () => {
  expect(readFileSync(new URL('../../packages/sample-corpus/corpus/us-russia-talks.txt', import.meta.url), 'utf8')).toBe(sample.text);
});
