import modelJson from '../../data/target-sentiment-model.json' with { type: 'json' };
import type { SentimentLabel, Span } from '../model/analysis.js';
import { extractTargetFeatures, type TargetFeatures } from './target-features.js';
import { loadToneLexicon, type ToneLexicon } from './tone-lexicon.js';
import { NewstoneError } from '../internal/errors.js';

/** The polarity classes, in the order of each weight row. */
export const TARGET_CLASSES: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

/** A multinomial logistic regression over `extractTargetFeatures`: feature → one weight per class. */
export interface TargetSentimentModel {
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

export interface TargetSentiment {
  readonly polarity: SentimentLabel;
  /** P(positive) − P(negative), −1…1. */
  readonly score: number;
}

export interface TargetSentimentResources {
  readonly model: TargetSentimentModel;
  readonly lexicon: ToneLexicon;
}

/**
 * The sentiment a sentence expresses toward one target in it (`sentence.slice(start, end)`), from a logistic
 * regression trained on NewsMTSC (see `scripts/train-target-sentiment.ts` and ACCURACY.md).
 *
 * @example
 * scoreTargetSentiment('Critics slammed Smith for the failed deal.', { start: 16, end: 21 });
 * // { polarity: 'negative', score: -0.8… }
 */
export function scoreTargetSentiment(
  sentence: string,
  target: Span,
  resources: TargetSentimentResources = loadTargetSentimentResources(),
): TargetSentiment {
  checkTarget(sentence, target);
  const probabilities = classify(extractTargetFeatures(sentence, target, resources.lexicon), resources.model);
  let best = 0;
  for (let c = 1; c < probabilities.length; c += 1) if (probabilities[c]! > probabilities[best]!) best = c;
  return { polarity: TARGET_CLASSES[best]!, score: probabilities[0]! - probabilities[2]! };
}

/** Softmax class probabilities for a feature vector, in `TARGET_CLASSES` order. */
export function classify(features: TargetFeatures, model: TargetSentimentModel): number[] {
  const logits = TARGET_CLASSES.map(() => 0);
  for (const [name, value] of features) {
    const row = model.weights.get(name);
    if (row === undefined) continue;
    for (let c = 0; c < logits.length; c += 1) logits[c]! += (row[c] ?? 0) * value;
  }
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

/**
 * Checks a model file: `{ weights: { feature: [positive, neutral, negative] } }`.
 *
 * @example
 * const model = parseTargetSentimentModel(JSON.parse(json)); // throws a NewstoneError (invalid-lexicon) on a malformed file
 */
export function parseTargetSentimentModel(value: unknown): TargetSentimentModel {
  const weights = typeof value === 'object' && value !== null ? (value as { weights?: unknown }).weights : undefined;
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    throw new NewstoneError('invalid-lexicon', 'expected a target-sentiment model with a "weights" object');
  }
  const map = new Map<string, readonly number[]>();
  for (const [name, row] of Object.entries(weights)) {
    if (!Array.isArray(row) || row.length !== TARGET_CLASSES.length || !row.every((w) => typeof w === 'number' && Number.isFinite(w))) {
      throw new NewstoneError('invalid-lexicon', `expected the weights of feature "${name}" to be ${TARGET_CLASSES.length} finite numbers`);
    }
    map.set(name, row as number[]);
  }
  return { weights: map };
}

let defaultResources: TargetSentimentResources | undefined;

/**
 * The committed model (`data/target-sentiment-model.json`) with the default tone lexicon, built on first use.
 *
 * @example
 * const resources = loadTargetSentimentResources(); // load once, pass to many scoreTargetSentiment calls
 */
export function loadTargetSentimentResources(): TargetSentimentResources {
  defaultResources ??= { model: parseTargetSentimentModel(modelJson), lexicon: loadToneLexicon() };
  return defaultResources;
}

function checkTarget(sentence: string, target: Span): void {
  const { start, end } = target;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > sentence.length) {
    throw new NewstoneError('invalid-input', `expected a target 0 ≤ start < end ≤ ${sentence.length} (the sentence length) in whole numbers, found start ${start}, end ${end}`);
  }
}
