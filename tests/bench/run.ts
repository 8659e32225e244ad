/**
 * `pnpm bench` (root): Newstone's benchmarks on real news text. Prints Markdown tables for BENCHMARKS.md and
 * writes the raw numbers to tests/artifacts/bench-results.json.
 *
 *   --only analysis,profile,ingest,memory,api   sections to run (default: all but profile)
 *   --corpus PATH        a folder of .txt files or a .jsonl file (default: the sample corpus)
 *   --articles N         articles for the analysis throughput (default 4000; the corpus is repeated)
 *   --rounds N           alternating rounds, median reported (default 3)
 *   --ingest-articles N  articles per ingest run (default 2000)
 *   --threads N          N for the "N threads" runs (default: cores)
 *   --stream-mb A,B      JSONL sizes for the memory runs (default 25,100; 1000 for the 1 GB run)
 *   --smoke              tiny sizes: checks the harness works, measures nothing worth reporting
 *   --out FILE           where the raw numbers go (default tests/artifacts/bench-results.json)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureAnalysisThroughput, profileAnalysis } from './analysis-throughput.js';
import { loadBenchCorpus } from './bench-corpus.js';
import { measureIngestThroughput } from './ingest-throughput.js';
import { measureStreamMemory } from './stream-memory.js';
import { repoRoot } from '../e2e/cli-support.js';

const sections = ['analysis', 'profile', 'ingest', 'memory', 'api'] as const;
type Section = (typeof sections)[number];

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name}: expected a positive whole number, found "${value}"`);
  return number;
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    corpus: { type: 'string' },
    articles: { type: 'string' },
    rounds: { type: 'string' },
    'ingest-articles': { type: 'string' },
    threads: { type: 'string' },
    'stream-mb': { type: 'string' },
    smoke: { type: 'boolean' },
    out: { type: 'string' },
  },
  strict: true,
});

const smoke = values.smoke === true;
const only = new Set<Section>(
  (values.only?.split(',') ?? sections.filter((section) => section !== 'profile')).map((name) => {
    if (!(sections as readonly string[]).includes(name)) throw new Error(`--only: expected some of ${sections.join(', ')}, found "${name}"`);
    return name as Section;
  }),
);
const threads = positiveInteger('threads', values.threads, availableParallelism());
const databaseUrl = process.env.NEWSTONE_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function printThroughput(result: ReturnType<typeof measureAnalysisThroughput>): void {
  print('| pass | seconds | MB/s |');
  print('|---|---:|---:|');
  print(`| \`sentiment\` once over each whole article | ${fixed(result.sentimentSeconds)} | ${fixed(result.sentimentMBps)} |`);
  print(`| full analysis (\`analyzeArticle\`) | ${fixed(result.analysisSeconds)} | ${fixed(result.analysisMBps)} |`);
}

print(`# Newstone benchmarks${smoke ? ' (smoke run: sizes too small to report)' : ''}`);
print(`Machine: ${(results.machine as { cpu: string }).cpu}, ${availableParallelism()} cores, Node ${process.version}`);

if (only.has('analysis') || only.has('profile')) {
  const articles = loadBenchCorpus({ path: values.corpus, minArticles: smoke ? 30 : positiveInteger('articles', values.articles, 4000) });
  if (only.has('analysis')) {
    const rounds = smoke ? 1 : positiveInteger('rounds', values.rounds, 3);
    const result = measureAnalysisThroughput(articles, rounds);
    results.analysis = result;
    print('\n## Analysis throughput (one thread)');
    print(`${values.corpus ?? 'the sample corpus (25 real texts) repeated'}: ${result.articles} articles, ${fixed(result.megabytes)} MB, pipeline ${result.pipelineVersion}, median of ${result.rounds} rounds\n`);
    printThroughput(result);
    print(`\n**Ratio full analysis / sentiment: ${fixed(result.ratio)}** (target ≤ 3)`);
    if (values.corpus === undefined) {
      // Quote-dense prose, for contrast: the accuracy suite's news articles (written for the project, so not the
      // target's "real articles"), where nearly every sentence holds a quote and a cue.
      const newsFolder = join(repoRoot, 'tests/accuracy/quotes-news');
      const distinct = loadBenchCorpus({ path: newsFolder, minArticles: 1 }).length;
      const news = loadBenchCorpus({ path: newsFolder, minArticles: smoke ? distinct : positiveInteger('articles', values.articles, 4000) });
      const dense = measureAnalysisThroughput(news, rounds);
      results.analysisQuoteDense = { ...dense, distinctArticles: distinct };
      print(`\nQuote-dense news (tests/accuracy/quotes-news, ${distinct} articles repeated): ${dense.articles} articles, ${fixed(dense.megabytes)} MB\n`);
      printThroughput(dense);
      print(`\nRatio on quote-dense news: ${fixed(dense.ratio)} (no target: shown for the cost per quote)`);
    }
  }
  if (only.has('profile')) {
    const profilePath = join(repoRoot, 'tests/artifacts/analysis.cpuprofile');
    mkdirSync(join(repoRoot, 'tests/artifacts'), { recursive: true });
    const rows = await profileAnalysis(articles.slice(0, smoke ? 30 : 1000), profilePath);
    results.profile = rows;
    print('\n## Where analysis time goes (self time, V8 sampling profiler)');
    print(`Full profile: ${profilePath} (open in Chrome DevTools → Performance)\n`);
    print('| self % | function | location |');
    print('|---:|---|---|');
    for (const row of rows) print(`| ${fixed(row.selfPercent, 1)} | ${row.function} | ${row.location} |`);
  }
}

if (only.has('ingest')) {
  const base = loadBenchCorpus({ path: values.corpus, minArticles: 1 });
  const runs = await measureIngestThroughput({
    base,
    count: smoke ? 40 : positiveInteger('ingest-articles', values['ingest-articles'], 2000),
    threadCounts: smoke ? [threads] : [...new Set([1, threads])],
    processCounts: smoke ? [2] : [2, 3],
    databaseUrl,
  });
  results.ingest = runs;
  print('\n## Ingest throughput (`newstone ingest FILE.jsonl`, wall time including start-up)');
  print(`${runs[0]?.articles ?? 0} articles, ${fixed(runs[0]?.megabytes ?? 0)} MB per run\n`);
  print('| store | layout | seconds | articles/s |');
  print('|---|---|---:|---:|');
  for (const run of runs) print(`| ${run.engine} | ${run.layout} | ${fixed(run.seconds)} | ${fixed(run.articlesPerSecond, 1)} |`);
}

if (only.has('memory')) {
  const base = loadBenchCorpus({ path: values.corpus, minArticles: 1 });
  const sizes = smoke ? [1] : (values['stream-mb'] ?? '25,100').split(',').map((size) => positiveInteger('stream-mb', size, 0));
  const runs = await measureStreamMemory({ base, sizesMegabytes: sizes, threads });
  results.memory = runs;
  print(`\n## Peak memory on a JSONL stream (${threads} analysis threads)\n`);
  print('| command | input MB | articles | seconds | peak RSS MB |');
  print('|---|---:|---:|---:|---:|');
  for (const run of runs) {
    print(`| ${run.command} | ${fixed(run.inputMegabytes, 1)} | ${run.articles} | ${fixed(run.seconds, 1)} | ${fixed(run.peakRssMegabytes, 0)} |`);
  }
}

if (only.has('api')) {
  // The API engineer's latency bench (apps/api/bench), run as its own script.
  const apiManifest = JSON.parse(readFileSync(join(repoRoot, 'apps/api/package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!apiManifest.scripts?.bench) throw new Error('apps/api has no "bench" script: the API latency bench is missing');
  print('\n## API latency (apps/api bench)\n');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', '@newstone/api', '--silent', 'bench'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, ...(smoke ? { BENCH_QUOTES: '500', BENCH_SECONDS: '1', BENCH_ENGINES: 'sqlite' } : {}) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`the API latency bench failed with exit code ${code}`);
  results.api = 'printed above';
}

const out = values.out ?? join(repoRoot, 'tests/artifacts/bench-results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
print(`\nRaw numbers: ${out}`);
