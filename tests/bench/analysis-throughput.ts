import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { analyzeArticle, PIPELINE_VERSION } from '@newstone/core';
import Sentiment from 'sentiment';
import { megabytes, type BenchArticle } from './bench-corpus.js';

export interface ThroughputResult {
  readonly pipelineVersion: string;
  readonly articles: number;
  readonly megabytes: number;
  readonly rounds: number;
  /** Median seconds of one pass over every article. */
  readonly sentimentSeconds: number;
  readonly analysisSeconds: number;
  readonly sentimentMBps: number;
  readonly analysisMBps: number;
  /** analysisSeconds / sentimentSeconds: how many `sentiment` passes one full analysis costs. Target ≤ 3. */
  readonly ratio: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timed(work: () => void): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Full analysis against the baseline of one `sentiment` (AFINN-165) pass over each whole article, measured side
 * by side in this thread: alternating rounds, after a warm-up, median of each.
 *
 * @example
 * measureAnalysisThroughput(loadBenchCorpus({ minArticles: 4000 })).ratio; // 24.9
 */
export function measureAnalysisThroughput(articles: readonly BenchArticle[], rounds = 3): ThroughputResult {
  const sentiment = new Sentiment();
  let sink = 0;
  const sentimentPass = () => {
    for (const article of articles) sink += sentiment.analyze(article.text).score;
  };
  const analysisPass = () => {
    for (const article of articles) sink += analyzeArticle({ ...article, format: 'text' }).quotes.length;
  };
  const warmUp = articles.slice(0, 100);
  for (const article of warmUp) {
    sink += sentiment.analyze(article.text).score + analyzeArticle({ ...article, format: 'text' }).quotes.length;
  }
  const sentimentTimes: number[] = [];
  const analysisTimes: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    sentimentTimes.push(timed(sentimentPass));
    analysisTimes.push(timed(analysisPass));
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  const size = megabytes(articles);
  const sentimentSeconds = median(sentimentTimes);
  const analysisSeconds = median(analysisTimes);
  return {
    pipelineVersion: PIPELINE_VERSION,
    articles: articles.length,
    megabytes: size,
    rounds,
    sentimentSeconds,
    analysisSeconds,
    sentimentMBps: size / sentimentSeconds,
    analysisMBps: size / analysisSeconds,
    ratio: analysisSeconds / sentimentSeconds,
  };
}

/** One row of a CPU profile summary: where analysis time goes. */
export interface ProfileRow {
  readonly function: string;
  readonly location: string;
  /** Share of the sampled time spent in this function itself. */
  readonly selfPercent: number;
}

interface ProfileNode {
  readonly id: number;
  readonly hitCount?: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

/**
 * Profiles `analyzeArticle` over the articles with the V8 sampling profiler and lists the functions that take
 * the most self time; the full profile is written to `cpuprofilePath` (open it in Chrome DevTools).
 *
 * @example
 * (await profileAnalysis(articles, 'analysis.cpuprofile'))[0]; // { function: 'findMentions', selfPercent: 26.6, … }
 */
export async function profileAnalysis(articles: readonly BenchArticle[], cpuprofilePath: string, top = 15): Promise<ProfileRow[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  for (const article of articles) analyzeArticle({ ...article, format: 'text' });
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  session.disconnect();
  writeFileSync(cpuprofilePath, JSON.stringify(profile));
  const byFunction = new Map<string, { location: string; hits: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const location = url ? `${url.replace(/^.*\/(packages|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    const entry = byFunction.get(key) ?? { location, hits: 0 };
    entry.hits += hits;
    byFunction.set(key, entry);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1].hits - a[1].hits)
    .slice(0, top)
    .map(([key, entry]) => ({
      // V8 names compiled regular expressions by their source: keep the table readable.
      function: truncate(key.slice(0, key.length - entry.location.length).trim(), 60),
      location: entry.location,
      selfPercent: total === 0 ? 0 : (100 * entry.hits) / total,
    }));
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
