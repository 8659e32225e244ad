import modelJson from '../../data/target-sentiment-model.json' with { type: 'json' };
import type { SentimentLabel, Span } from '../model/analysis.js';
import { readTone, type ToneReading } from './score-sentiment.js';
import { loadStanceCues, type StanceCues } from './stance-cues.js';
import { TARGET_CLASSES } from './target-classes.js';
import { extractTargetFeatures, locateTarget, type TargetFeatures, type TargetPlace } from './target-features.js';
import {
  parseWordProjections, projectTokens, readWindows, VECTOR_GROUPS, windowRange, type TokenRows, type WindowReading, type WordProjections,
} from './target-vectors.js';
import type { ToneToken } from './tone-tokens.js';
import { loadToneLexicon, type ToneLexicon } from './tone-lexicon.js';
import { NewstoneError } from '../internal/errors.js';

export { TARGET_CLASSES };

/**
 * A multinomial logistic regression over `extractTargetFeatures` (feature → one weight per class) and the averaged
 * word vectors of the windows around the target, whose weights are folded into per-word `projections`.
 */
export interface TargetSentimentModel {
  readonly weights: ReadonlyMap<string, readonly number[]>;
  readonly projections: WordProjections;
}

export interface TargetSentiment {
  readonly polarity: SentimentLabel;
  /** P(positive) − P(negative), −1…1. */
  readonly score: number;
  /**
   * The features that pushed the decision most toward its class and away from the others, strongest first (at most
   * `EVIDENCE_SIZE`): `w:brutal` (a word of the sentence), `L1:against` / `R2:said` (a word beside the target, by side
   * and distance), `head:sanctions_on` (the word a preposition before the target hangs on), `role:possessor`,
   * `lex:clause<0` (lexicon scores in the target's clause), and so on (see `extractTargetFeatures`); `vec:left:assault`
   * is the word vectors of a window (`left`, `right`, `clause`, `sentence`; see `target-vectors.ts`), named by the
   * word of it that pushed most.
   */
  readonly evidence: readonly string[];
}

/** How many features a decision lists as its evidence. */
export const EVIDENCE_SIZE = 5;

export interface TargetSentimentResources {
  /** The learned weights with the fixed weights of the stance cues (`withStanceCues`). */
  readonly model: TargetSentimentModel;
  readonly lexicon: ToneLexicon;
  readonly cues: StanceCues;
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
  return readTargetSentiment(sentence, target, resources);
}

/**
 * `scoreTargetSentiment` without the argument check: the one decision both `newstone target-sentiment` and each
 * quote's stance come from. `tone` is `readTone(sentence, resources.lexicon)`, passed when the caller reads several
 * targets of one sentence.
 *
 * @example
 * readTargetSentiment('Russia’s aggression must stop.', { start: 0, end: 6 }, loadTargetSentimentResources()).polarity; // 'negative'
 */
export function readTargetSentiment(
  sentence: string,
  target: Span,
  resources: TargetSentimentResources,
  tone: ToneReading = readTone(sentence, resources.lexicon),
): TargetSentiment {
  const reading = weighTarget(sentence, target, resources, tone);
  return { polarity: reading.polarity, score: reading.score, evidence: evidenceOf(reading, resources.model) };
}

/** A target's class and score with the features behind them, before the evidence is picked from them. */
export interface TargetWeighing {
  readonly polarity: SentimentLabel;
  readonly score: number;
  /** In `TARGET_CLASSES` order. */
  readonly probabilities: readonly number[];
  readonly features: TargetFeatures;
  /** The sentence's tokens, each one's projection row, and the target's place: what the word-vector evidence reads. */
  readonly tokens: readonly ToneToken[];
  readonly rows: TokenRows;
  readonly windows: WindowReading;
  readonly place: TargetPlace;
}

/**
 * `readTargetSentiment` without the evidence: what a caller weighing several mentions of one target needs for each,
 * asking `evidenceOf` only for the one that decides. `rows` are `projectTokens(tone.tokens, …)`, passed with `tone`
 * when several targets of one sentence are weighed.
 *
 * @example
 * const weighing = weighTarget(sentence, target, resources, readTone(sentence, resources.lexicon));
 */
export function weighTarget(
  sentence: string,
  target: Span,
  resources: TargetSentimentResources,
  tone: ToneReading,
  rows: TokenRows = projectTokens(tone.tokens, resources.model.projections),
): TargetWeighing {
  const { tokens } = tone;
  const place = locateTarget(tokens, target, resources.lexicon);
  const features = extractTargetFeatures(sentence, target, resources.lexicon, resources.cues, tokens, tone.scored, place);
  const windows = readWindows(rows, place, resources.model.projections);
  const probabilities = classify(features, resources.model, windows);
  let best = 0;
  for (let c = 1; c < probabilities.length; c += 1) if (probabilities[c]! > probabilities[best]!) best = c;
  return { polarity: TARGET_CLASSES[best]!, score: probabilities[0]! - probabilities[2]!, probabilities, features, tokens, rows, windows, place };
}

/**
 * The features whose weight for the chosen class, above their mean weight for the other classes, counts most:
 * at most `EVIDENCE_SIZE`, strongest first.
 *
 * @example
 * evidenceOf(weighTarget(sentence, target, resources, tone), resources.model); // ['cue:aggressor', 'w:brutal', …]
 */
export function evidenceOf(weighing: TargetWeighing, model: TargetSentimentModel): string[] {
  const chosen = TARGET_CLASSES.indexOf(weighing.polarity);
  // The strongest pushes so far, kept in order: a few insertions, not a sort of every feature.
  const names: string[] = [];
  const pushes: number[] = [];
  const consider = (name: string, push: number) => {
    if (push <= 0 || (pushes.length === EVIDENCE_SIZE && push <= pushes[EVIDENCE_SIZE - 1]!)) return;
    let at = pushes.length;
    while (at > 0 && (pushes[at - 1]! < push || (pushes[at - 1] === push && names[at - 1]! > name))) at -= 1;
    names.splice(at, 0, name);
    pushes.splice(at, 0, push);
    if (names.length > EVIDENCE_SIZE) {
      names.pop();
      pushes.pop();
    }
  };
  for (const [name, value] of weighing.features) {
    const row = model.weights.get(name);
    if (row === undefined || name === 'bias') continue;
    consider(name, pushOf(row, 0, chosen) * value);
  }
  const { windows, rows, place } = weighing;
  const { values } = model.projections;
  VECTOR_GROUPS.forEach((group, g) => {
    const count = windows.counts[g]!;
    const push = pushOf(windows.logits, g * TARGET_CLASSES.length, chosen);
    if (count === 0 || push <= 0 || (pushes.length === EVIDENCE_SIZE && push <= pushes[EVIDENCE_SIZE - 1]!)) return;
    // The window is named by its word that pushed most toward the chosen class.
    const [from, to] = windowRange(group, place, rows.length);
    let word = '';
    let strongest = -Infinity;
    for (let i = from; i <= to; i += 1) {
      const row = rows[i]!;
      if (row < 0 || (i >= place.firstIndex && i <= place.lastIndex)) continue;
      const own = pushOf(values, row + g * TARGET_CLASSES.length, chosen);
      if (own > strongest) {
        strongest = own;
        word = weighing.tokens[i]!.text;
      }
    }
    consider(`vec:${group}:${word}`, push);
  });
  return names;
}

/** How far a row of three logits (from `offset`) favours class `chosen` over the mean of the other two. */
function pushOf(row: ArrayLike<number>, offset: number, chosen: number): number {
  return row[offset + chosen]! - (row[offset]! + row[offset + 1]! + row[offset + 2]! - row[offset + chosen]!) / 2;
}

/**
 * Softmax class probabilities for a feature vector and, when given, the windows' word-vector logits, in
 * `TARGET_CLASSES` order.
 */
export function classify(features: TargetFeatures, model: Pick<TargetSentimentModel, 'weights'>, windows?: WindowReading): number[] {
  // Three classes, summed as three numbers: this runs for every stance of every quote.
  let positive = 0;
  let neutral = 0;
  let negative = 0;
  if (windows !== undefined) {
    const { logits } = windows;
    for (let at = 0; at < logits.length; at += 3) {
      positive += logits[at]!;
      neutral += logits[at + 1]!;
      negative += logits[at + 2]!;
    }
  }
  for (const [name, value] of features) {
    const row = model.weights.get(name);
    if (row === undefined) continue;
    positive += row[0]! * value;
    neutral += row[1]! * value;
    negative += row[2]! * value;
  }
  const max = Math.max(positive, neutral, negative);
  const p = Math.exp(positive - max);
  const u = Math.exp(neutral - max);
  const n = Math.exp(negative - max);
  const total = p + u + n;
  return [p / total, u / total, n / total];
}

/**
 * Checks a model file: `{ weights: { feature: [positive, neutral, negative] }, projections?: … }` (see
 * `parseWordProjections`; without projections the model reads no word vectors).
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
  const projections = (value as { projections?: unknown }).projections;
  return { weights: map, projections: projections === undefined ? { rows: new Map(), values: new Float32Array(0) } : parseWordProjections(projections) };
}

let defaultResources: TargetSentimentResources | undefined;

/**
 * The committed model (`data/target-sentiment-model.json`) with the default tone lexicon and stance cues, built on first use.
 *
 * @example
 * const resources = loadTargetSentimentResources(); // load once, pass to many scoreTargetSentiment calls
 */
export function loadTargetSentimentResources(): TargetSentimentResources {
  const cues = loadStanceCues();
  defaultResources ??= { model: withStanceCues(parseTargetSentimentModel(modelJson), cues), lexicon: loadToneLexicon(), cues };
  return defaultResources;
}

/**
 * The learned model with the stance cues' fixed weights added: training never learns a `cue:` feature (see
 * `scripts/train-target-sentiment.ts`), so the two never overlap.
 *
 * @example
 * const model = withStanceCues(parseTargetSentimentModel(json), loadStanceCues());
 */
export function withStanceCues(model: TargetSentimentModel, cues: StanceCues): TargetSentimentModel {
  const weights = new Map(model.weights);
  for (const [name, row] of cues.weights) weights.set(name, row);
  return { weights, projections: model.projections };
}

function checkTarget(sentence: string, target: Span): void {
  const { start, end } = target;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > sentence.length) {
    throw new NewstoneError('invalid-input', `expected a target 0 ≤ start < end ≤ ${sentence.length} (the sentence length) in whole numbers, found start ${start}, end ${end}`);
  }
}
