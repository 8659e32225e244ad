// Trains the attribution decision (src/speakers/choose-speakers.ts): a conditional logit over each quotation's
// candidate speakers, on PolNeAR train (real news with human-annotated sources; read in place from ../shared/polnear,
// never copied here). The labels are the annotators' speakers: a candidate is right when the identity it resolves to
// is the gold source, one of its mentions, or shares its surname (the scorer's definition). Deterministic: a seeded
// shuffle, fixed epochs; hyper-parameters are chosen on a held-out tenth of train, and dev is only reported.
// Two rounds: candidates are first gathered with decisions that follow the ordered rules, then again with the first
// model's own decisions (the "previous quotation's speaker" feature depends on earlier choices), and retrained.
// Run: pnpm --filter @newstone/core train:attribution [--train FILE] [--dev FILE]
import { writeFileSync } from 'node:fs';
import { draftArticle } from '../src/analyze.js';
import { chooseSpeakers, parseAttributionModel, type AttributionModel, type AttributionStep } from '../src/speakers/choose-speakers.js';
import { isRightSpeaker, matchQuotes, readGold, SHARED_POLNEAR, type GoldArticle } from './polnear.js';
import { shuffled } from './seeded-shuffle.js';

const SEED = 20161108;
const EPOCHS = 12;
const RATES = [0.05, 0.1, 0.2];
const L2S = [1e-4, 1e-3];
const MIN_FEATURE_COUNT = 3;

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const trainPath = argument('--train') ?? new URL('train.jsonl', SHARED_POLNEAR);
const devPath = argument('--dev') ?? new URL('dev.jsonl', SHARED_POLNEAR);

/** One quotation the pipeline found that matches a gold one: its candidates' features and which are right. */
interface Example {
  readonly features: readonly (readonly number[])[];
  readonly right: readonly boolean[];
}

interface Collected {
  readonly examples: { readonly features: readonly (readonly string[])[]; readonly right: readonly boolean[] }[];
  readonly matched: number;
  readonly rightChosen: number;
  readonly oracle: number;
}

/** Runs the decision with `model` over the articles and records, for every matched quotation, its candidates. */
function collect(articles: readonly GoldArticle[], model: AttributionModel): Collected {
  const examples: Collected['examples'] = [];
  let matched = 0;
  let rightChosen = 0;
  let oracle = 0;
  for (const article of articles) {
    const draft = draftArticle({ text: article.text });
    const steps: AttributionStep[] = [];
    chooseSpeakers(draft, model, (step) => steps.push(step));
    const gold = article.quotes.filter((quote) => !quote.kind || quote.kind === 'direct');
    const found = draft.classified.map((quote, index) => ({ start: quote.start, end: quote.end, index })).filter((_, index) => {
      const item = draft.drafts[index];
      return item !== null && item !== undefined && item.kind !== 'heading';
    });
    const goldOf = matchQuotes(article.text, gold, found);
    const goldByQuote = new Map(found.map((quote, at) => [quote.index, goldOf[at]!]));
    const nameOf = (entity: string | null) => (entity === null ? null : (draft.resolved.entities.get(entity)?.name ?? null));
    for (const step of steps) {
      const g = goldByQuote.get(step.quote) ?? -1;
      if (g < 0) continue;
      matched++;
      const right = step.candidates.map((candidate) => isRightSpeaker(nameOf(candidate.entity), gold[g]!));
      const chosenDraft = draft.drafts[step.quote]!;
      const chosenEntity = chosenDraft.mention !== null ? draft.resolutionOf[chosenDraft.mention]?.entity ?? null : null;
      if (isRightSpeaker(nameOf(chosenEntity ?? entityOfPrevious(draft, step)), gold[g]!)) rightChosen++;
      if (right.some(Boolean)) {
        oracle++;
        if (right.some((value) => !value)) examples.push({ features: step.features, right });
      }
    }
  }
  return { examples, matched, rightChosen, oracle };
}

/** The entity a draft that continues an earlier quotation ends up with, as the decision left it. */
function entityOfPrevious(draft: ReturnType<typeof draftArticle>, step: AttributionStep): string | null {
  let item = draft.drafts[step.quote];
  for (let depth = 0; item && depth < 8; depth++) {
    if (item.mention !== null) return draft.resolutionOf[item.mention]?.entity ?? null;
    if (item.sameAs === null) return null;
    item = draft.drafts[item.sameAs];
  }
  return null;
}

/** Feature strings to indices, keeping those seen at least MIN_FEATURE_COUNT times. */
function vocabulary(collected: Collected): Map<string, number> {
  const counts = new Map<string, number>();
  for (const example of collected.examples) for (const list of example.features) for (const feature of list) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const kept = [...counts].filter(([, count]) => count >= MIN_FEATURE_COUNT).map(([feature]) => feature).sort();
  return new Map(kept.map((feature, index) => [feature, index]));
}

function encode(collected: Collected, vocab: ReadonlyMap<string, number>): Example[] {
  return collected.examples.map((example) => ({
    features: example.features.map((list) => list.map((feature) => vocab.get(feature)).filter((index): index is number => index !== undefined)),
    right: example.right,
  }));
}

/** Maximises the log of the probability mass on the right candidates, with L2, by AdaGrad over a seeded order. */
function fit(examples: readonly Example[], size: number, rate: number, l2: number): Float64Array {
  const weights = new Float64Array(size);
  const history = new Float64Array(size).fill(1e-8);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const at of shuffled(examples.map((_, index) => index), SEED + epoch)) {
      const example = examples[at]!;
      const scores = example.features.map((list) => list.reduce((sum, index) => sum + weights[index]!, 0));
      const top = Math.max(...scores);
      const exp = scores.map((score) => Math.exp(score - top));
      const total = exp.reduce((a, b) => a + b, 0);
      const rightTotal = exp.reduce((sum, value, index) => sum + (example.right[index] ? value : 0), 0);
      // d(-log p_right)/d score_k = p_k - [k right] · exp_k / rightTotal
      const gradient = new Map<number, number>();
      example.features.forEach((list, k) => {
        const g = exp[k]! / total - (example.right[k] ? exp[k]! / rightTotal : 0);
        if (g === 0) return;
        for (const index of list) gradient.set(index, (gradient.get(index) ?? 0) + g);
      });
      for (const [index, g0] of gradient) {
        const g = g0 + l2 * weights[index]!;
        history[index]! += g * g;
        weights[index]! -= (rate * g) / Math.sqrt(history[index]!);
      }
    }
  }
  return weights;
}

function toModel(weights: Float64Array, vocab: ReadonlyMap<string, number>): AttributionModel {
  const map = new Map<string, number>();
  for (const [feature, index] of vocab) if (Math.abs(weights[index]!) > 1e-4) map.set(feature, Number(weights[index]!.toFixed(4)));
  return { weights: map };
}

const describe = (label: string, c: Collected) =>
  `${label}: matched ${c.matched}, right speaker chosen ${c.rightChosen} (${(c.rightChosen / c.matched).toFixed(3)}), a right candidate exists for ${c.oracle} (${(c.oracle / c.matched).toFixed(3)})`;

const rulesModel = parseAttributionModel({ weights: { 'rules=same': 5 } });
const all = readGold(trainPath);
const order = shuffled(all.map((_, index) => index), SEED);
const heldOutIds = new Set(order.slice(0, Math.round(all.length / 10)));
const fitArticles = all.filter((_, index) => !heldOutIds.has(index));
const heldOut = all.filter((_, index) => heldOutIds.has(index));
const dev = readGold(devPath);

console.log(describe('rules, held-out train', collect(heldOut, rulesModel)));
console.log(describe('rules, dev', collect(dev, rulesModel)));

let model = rulesModel;
let best: { rate: number; l2: number; accuracy: number } | null = null;
for (const round of [1, 2]) {
  const gathered = collect(fitArticles, model);
  const vocab = vocabulary(gathered);
  const examples = encode(gathered, vocab);
  console.log(`round ${round}: ${examples.length} training quotations with a choice, ${vocab.size} features`);
  best = null;
  for (const rate of RATES) {
    for (const l2 of L2S) {
      const candidate = toModel(fit(examples, vocab.size, rate, l2), vocab);
      const held = collect(heldOut, candidate);
      const accuracy = held.rightChosen / held.matched;
      console.log(`  rate ${rate}, l2 ${l2}: held-out train ${accuracy.toFixed(3)}`);
      if (best === null || accuracy > best.accuracy) best = { rate, l2, accuracy };
    }
  }
  model = toModel(fit(examples, vocab.size, best!.rate, best!.l2), vocab);
}

// The final weights: the chosen hyper-parameters, refitted on all of train with the last round's decisions.
const gathered = collect(all, model);
const vocab = vocabulary(gathered);
const final = toModel(fit(encode(gathered, vocab), vocab.size, best!.rate, best!.l2), vocab);
console.log(describe('model, held-out train (seen in the final fit)', collect(heldOut, final)));
console.log(describe('model, dev', collect(dev, final)));

const file = {
  about: {
    what: 'Weights of the attribution decision: a conditional logit over each quotation’s candidate speakers (src/speakers/choose-speakers.ts, features in src/speakers/attribution-features.ts).',
    trainedOn: 'PolNeAR v1.0.0 train split (months 1–10; 840 articles of political news, 2015–2016), networkdynamics/PolNeAR commit c3eee833c035bf7b8c84f55b58c0bf7346cfae76 (Newell, Margolin and Ruths, LREC 2018). No text or gold of it ships here: only these weights.',
    labels: 'the annotated Source of each direct quotation: a candidate is right when its resolved identity is the Source, one of its mentions, or shares its surname',
    script: 'pnpm --filter @newstone/core train:attribution (scripts/train-attribution.ts), with ../shared/polnear/train.jsonl beside the repository',
    seed: SEED,
    epochs: EPOCHS,
    rate: best!.rate,
    l2: best!.l2,
    minFeatureCount: MIN_FEATURE_COUNT,
  },
  weights: Object.fromEntries([...final.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
};
const target = new URL('../../data/attribution-model.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${target.pathname}: ${final.weights.size} weights`);
