import modelFile from '../../data/attribution-model.json' with { type: 'json' };
import type { ArticleDraft, Draft } from '../model/draft.js';
import { NewstoneError } from '../internal/errors.js';
import { createCandidateIndex, gatherCandidates, type Candidate } from './attribution-candidates.js';
import { attributionFeatures, quoteFeatures, type FeatureContext } from './attribution-features.js';

/** A linear model over named features: a candidate's score is the sum of its features' weights. */
export interface AttributionModel {
  readonly weights: ReadonlyMap<string, number>;
}

/** What the decision saw for one quotation, for the trainer: the candidates and each one's features. */
export interface AttributionStep {
  readonly quote: number;
  readonly candidates: readonly Candidate[];
  readonly features: readonly (readonly string[])[];
}

/** How many of the chosen candidate's features are kept as evidence. */
const EVIDENCE_FEATURES = 4;

/**
 * Reads and checks a model file: `{ about, weights: { feature: number } }`.
 *
 * @example
 * parseAttributionModel({ about: {}, weights: { 'rel=cue-right-after': 2.1 } }).weights.get('rel=cue-right-after'); // 2.1
 */
export function parseAttributionModel(data: unknown): AttributionModel {
  const weights = (data as { weights?: unknown } | null)?.weights;
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    throw new NewstoneError('invalid-input', 'data/attribution-model.json: expected an object with "weights": { feature: number }');
  }
  const map = new Map<string, number>();
  for (const [feature, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      throw new NewstoneError('invalid-input', `data/attribution-model.json: expected a finite number for every weight, found ${typeof weight}`);
    }
    map.set(feature, weight);
  }
  return { weights: map };
}

/** The shipped model, trained on annotated news (see the file's "about"). */
export function loadAttributionModel(): AttributionModel {
  return parseAttributionModel(modelFile);
}

/**
 * Chooses the speaker of every quotation in marks (direct and partial; headings keep the quotation they repeat):
 * gathers the candidates (nearby mentions, the previous quotation's speaker), scores each by the model, and sets the
 * draft's mention or `sameAs` to the best one, its probability as the confidence and the features that tipped it as
 * evidence. A quotation with no candidate keeps what the ordered rules gave it. `observe` sees every step (training).
 *
 * @example
 * const state = draftArticle(text);
 * chooseSpeakers(state, loadAttributionModel());
 * state.drafts[0].rule; // 'model:cue-right-after'
 */
export function chooseSpeakers(draft: ArticleDraft, model: AttributionModel, observe?: (step: AttributionStep) => void): void {
  const { drafts, classified, resolutionOf, events, mentions } = draft;
  const ruleEntities = entitiesOf(drafts, resolutionOf);
  const index = createCandidateIndex(draft);
  const decided: (string | null)[] = [];
  const quotesBy = new Map<string, number>();
  let previousEntity: string | null = null;
  for (let quote = 0; quote < classified.length; quote++) {
    const item = drafts[quote];
    if (!item || (item.kind !== 'direct' && item.kind !== 'partial') || item.settled) {
      decided.push(ruleEntities[quote] ?? null);
      continue;
    }
    const candidates = gatherCandidates(draft, index, quote, decided);
    const context: FeatureContext = { draft, quote, ruleEntity: ruleEntities[quote] ?? null, previousEntity, quotesBy };
    const ofQuote = quoteFeatures(context);
    const features = candidates.map((candidate) => attributionFeatures(context, candidate, ofQuote));
    observe?.({ quote, candidates, features });
    const scores = features.map((list) => scoreOf(list, model));
    let best = -1;
    scores.forEach((score, at) => {
      if (best < 0 || score > scores[best]!) best = at;
    });
    if (best >= 0) apply(item, candidates[best]!, probability(scores, best), evidenceOf(features, scores, best, model), events, mentions);
    const entity = best >= 0 ? candidates[best]!.entity : (ruleEntities[quote] ?? null);
    decided.push(entity);
    if (entity !== null) {
      quotesBy.set(entity, (quotesBy.get(entity) ?? 0) + 1);
      previousEntity = entity;
    }
  }
}

function apply(item: Draft, candidate: Candidate, confidence: number, features: readonly string[], events: ArticleDraft['events'], mentions: ArticleDraft['mentions']): void {
  item.rule = `model:${candidate.facts.relation}`;
  item.confidence = confidence;
  item.features = features;
  if (candidate.mention === null) {
    item.mention = null;
    item.sameAs = candidate.previous;
    return;
  }
  item.mention = candidate.mention;
  item.sameAs = null;
  const event = mentions[candidate.mention]!.event;
  item.cue = event === null ? null : events[event]!.cue;
}

/** A candidate's score: the sum of its features' weights, added in the features' order. */
function scoreOf(features: readonly string[], model: AttributionModel): number {
  let sum = 0;
  for (const feature of features) sum += model.weights.get(feature) ?? 0;
  return sum;
}

/** The softmax probability of candidate `best` among all. */
function probability(scores: readonly number[], best: number): number {
  const top = scores[best]!;
  const total = scores.reduce((sum, score) => sum + Math.exp(score - top), 0);
  return 1 / total;
}

/** The chosen candidate's heaviest features that the runner-up lacks: what set it apart. */
function evidenceOf(features: readonly (readonly string[])[], scores: readonly number[], best: number, model: AttributionModel): string[] {
  let second = -1;
  scores.forEach((score, at) => {
    if (at !== best && (second < 0 || score > scores[second]!)) second = at;
  });
  const rival = new Set(second < 0 ? [] : features[second]);
  // Each weight looked up once, not at every comparison of the sort (stable, so ties keep the features' order).
  const weighed: { readonly feature: string; readonly weight: number }[] = [];
  for (const feature of features[best]!) {
    const weight = model.weights.get(feature) ?? 0;
    if (weight > 0 && !rival.has(feature)) weighed.push({ feature, weight });
  }
  return weighed
    .sort((a, b) => b.weight - a.weight)
    .slice(0, EVIDENCE_FEATURES)
    .map((entry) => entry.feature);
}

/** The identity each draft gets from the ordered rules: its mention's, or that of the draft it continues. */
function entitiesOf(drafts: readonly (Draft | null)[], resolutionOf: ArticleDraft['resolutionOf']): (string | null)[] {
  const of = (item: Draft | null | undefined, depth: number): string | null => {
    if (!item || depth > 8) return null;
    if (item.mention !== null) return resolutionOf[item.mention]?.entity ?? null;
    return item.sameAs === null ? null : of(drafts[item.sameAs], depth + 1);
  };
  return drafts.map((item) => of(item, 0));
}
