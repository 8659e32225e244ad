import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze.js';
import { parseGoldArticle, parsePredictedArticle } from './parse-gold.js';
import { predictionsOfAnalysis } from './predictions-of-analysis.js';
import { scoreQuotes, type GoldArticle, type PredictedArticle, type QuoteScores } from './score-quotes.js';

/** The reference scorer and the real-news dev month, beside the repository (`../shared/polnear`). */
const polnear = fileURLToPath(new URL('../../../../../shared/polnear/', import.meta.url));
const scorer = join(polnear, 'score.mjs');
const hasScorer = existsSync(scorer);
const work = mkdtempSync(join(tmpdir(), 'newstone-score-agreement-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readJsonl = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Our figures in the reference scorer's JSON shape, so every number is compared. */
function asReference(scores: QuoteScores) {
  const prf = (m: QuoteScores['spanExact']) => ({ tp: m.truePositives, np: m.predicted, ng: m.gold, P: m.precision, R: m.recall, F1: m.f1 });
  return {
    counts: {
      ng: scores.goldQuotes, np: scores.predictedQuotes, exact: scores.spanExact.truePositives, ov: scores.spanOverlap.truePositives,
      spk: scores.speaker.correct, e2e: scores.quoteSpeaker.truePositives, unattrFP: scores.unattributed.predictions, ignored: scores.unattributed.ignored,
      byType: Object.fromEntries(Object.entries(scores.speaker.byType).map(([type, a]) => [type, { n: a.total, ok: a.correct }])),
      mixed: { ng: scores.recallPartial.total, hit: scores.recallPartial.found }, full: { ng: scores.recallFull.total, hit: scores.recallFull.found },
      missingDocs: scores.articlesWithoutPredictions,
    },
    exact: prf(scores.spanExact), overlap: prf(scores.spanOverlap), speakerAcc: scores.speaker.accuracy, e2e: prf(scores.quoteSpeaker),
  };
}

function reference(goldPath: string, predictions: readonly PredictedArticle[], flags: readonly string[]): unknown {
  const predPath = join(work, 'predictions.jsonl');
  writeFileSync(predPath, predictions.map((line) => JSON.stringify(line)).join('\n') + '\n');
  const out = execFileSync(process.execPath, [scorer, goldPath, predPath, '--json', ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.split('\n', 1)[0]!);
}

const optionSets: [string[], { coref: boolean; ignoreUnattributed: boolean }][] = [
  [[], { coref: true, ignoreUnattributed: false }],
  [['--no-coref'], { coref: false, ignoreUnattributed: false }],
  [['--ignore-unattributed'], { coref: true, ignoreUnattributed: true }],
];

describe.skipIf(!hasScorer)(`scoreQuotes agrees with ../shared/polnear/score.mjs${hasScorer ? '' : ' (SKIPPED: ../shared/polnear/score.mjs not found beside the repository)'}`, () => {
  const goldPath = fixture('eval-quotes.gold.jsonl');
  const gold: GoldArticle[] = readJsonl(goldPath).map((line) => parseGoldArticle(line));
  const hand = readJsonl(fixture('eval-quotes.predictions.jsonl')).map((line) => parsePredictedArticle(line));

  it.each(optionSets)('on the small gold file and hand-made predictions, flags %j', (flags, options) => {
    expect(asReference(scoreQuotes(gold, hand, options))).toEqual(reference(goldPath, hand, flags));
  });

  it.each(optionSets)('on the small gold file with the pipeline predictions, flags %j', (flags, options) => {
    const predictions = gold.map((article) => ({ id: article.id, quotes: predictionsOfAnalysis(analyzeArticle({ text: article.text, format: 'text' })) }));
    expect(asReference(scoreQuotes(gold, predictions, options))).toEqual(reference(goldPath, predictions, flags));
  });

  const devPath = join(polnear, 'dev.jsonl');
  it.skipIf(!existsSync(devPath)).each(optionSets)('on the PolNeAR dev month with the pipeline predictions, flags %j', (flags, options) => {
    const dev = readJsonl(devPath).map((line) => parseGoldArticle(line));
    const predictions = dev.map((article) => ({ id: article.id, quotes: predictionsOfAnalysis(analyzeArticle({ text: article.text, format: 'text' })) }));
    expect(asReference(scoreQuotes(dev, predictions, options))).toEqual(reference(devPath, predictions, flags));
  }, 60_000);
});
