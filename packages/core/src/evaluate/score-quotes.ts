import type { Span } from '../model/analysis.js';

/**
 * Scores found quotations and their speakers against gold, by the definitions of the PolNeAR scorer
 * (`score.mjs`): the same matching, the same speaker test, the same counts, so the figures agree with it.
 */

/** A quotation in the gold, as the PolNeAR format writes it (fields the scorer does not read may be present). */
export interface GoldQuote extends Span {
  readonly text?: string | undefined;
  /** Only `direct` quotes (or quotes without a kind) are scored; `indirect` ones are not quotations with marks. */
  readonly kind?: string | undefined;
  /** The speaker phrase as annotated ("Massachusetts Sen. Elizabeth Warren", "he", "the letter"); null for none. */
  readonly speaker: string | null;
  /** `name`, `pronoun`, `nominal` (or absent, or `none` when there is no speaker). */
  readonly speakerType?: string | null | undefined;
  /** Other names the article uses for the speaker; for a pronoun or description, the name it refers to. */
  readonly speakerMentions?: readonly string[] | undefined;
  /** Names from automatic coreference: used for pronoun and description speakers only, unless `coref: false`. */
  readonly speakerCoref?: readonly string[] | undefined;
  /** The quote is part of reported speech that also has unquoted words (a partial quotation). */
  readonly mixed?: boolean | undefined;
}

/** One gold article: its text and its quotations; `unattributed` are marked segments no one is said to speak. */
export interface GoldArticle {
  readonly id: string | number;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
  readonly unattributed?: readonly Span[] | undefined;
}

/** Why the pipeline chose a speaker, carried into the error list. */
export interface PredictionEvidence {
  readonly rule: string;
  readonly confidence: number;
}

/** A found quotation: its span (or, without offsets, its text, searched for in the article) and its speaker. */
export interface PredictedQuote {
  readonly start?: number | undefined;
  readonly end?: number | undefined;
  readonly text?: string | undefined;
  readonly speaker: string | null;
  readonly evidence?: PredictionEvidence | undefined;
}

export interface PredictedArticle {
  readonly id: string | number;
  readonly quotes: readonly PredictedQuote[];
}

export interface ScoreQuotesOptions {
  /** Use `speakerCoref` names for pronoun and description speakers. Default true. */
  readonly coref?: boolean;
  /** Drop unmatched predictions on `unattributed` segments instead of counting them as false positives. Default false. */
  readonly ignoreUnattributed?: boolean;
}

const defaults = { coref: true, ignoreUnattributed: false } as const satisfies Required<ScoreQuotesOptions>;

export interface PrecisionRecall {
  readonly truePositives: number;
  readonly predicted: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Accuracy {
  readonly correct: number;
  readonly total: number;
  /** correct / total; 0 when total is 0. */
  readonly accuracy: number;
}

export interface Recall {
  readonly found: number;
  readonly total: number;
  /** found / total; 0 when total is 0. */
  readonly recall: number;
}

export type QuoteErrorKind = 'not-found' | 'wrong-speaker' | 'no-speaker' | 'false-positive';

/** One miss, with what is needed to see why: the words around it, both speakers, and the rule that decided. */
export interface QuoteError {
  readonly kind: QuoteErrorKind;
  readonly articleId: string | number;
  /** The gold quote's span, or the prediction's for a false positive. */
  readonly span: Span;
  readonly text: string;
  /** The sentence (or sentences) around the span. */
  readonly context: string;
  readonly gold: { readonly speaker: string | null; readonly speakerType: string; readonly mentions: readonly string[] } | null;
  readonly predicted: { readonly speaker: string | null; readonly evidence: PredictionEvidence | null } | null;
  /** For a false positive: it lies on a segment the gold leaves unattributed (a scare quote, a title). */
  readonly onUnattributed: boolean;
}

export interface QuoteScores {
  readonly goldQuotes: number;
  readonly predictedQuotes: number;
  /** Gold articles that no prediction line names: their quotes count as not found. */
  readonly articlesWithoutPredictions: number;
  /** Predictions with no offsets whose text is not in the article, or empty once marks are trimmed: not scored. */
  readonly unlocatedPredictions: number;
  /** Spans equal once edge punctuation and marks are trimmed. */
  readonly spanExact: PrecisionRecall;
  /** Spans overlapping by at least half of the longer one. */
  readonly spanOverlap: PrecisionRecall;
  /** A quote counts only when found (overlap) with the right speaker. */
  readonly quoteSpeaker: PrecisionRecall;
  /** Right speakers among the overlap-matched quotes, in all and by gold speaker type. */
  readonly speaker: Accuracy & { readonly byType: Readonly<Record<string, Accuracy>> };
  /** Overlap recall of quotes that are the whole reported content, and of partial (mixed) ones. */
  readonly recallFull: Recall;
  readonly recallPartial: Recall;
  /** Unmatched predictions on unattributed segments, and how many of them were dropped (`ignoreUnattributed`). */
  readonly unattributed: { readonly predictions: number; readonly ignored: number };
  /** In article order, then text order. */
  readonly errors: readonly QuoteError[];
}

/** What is trimmed from both ends of a span before spans are compared: space, quotation marks, punctuation. */
const EDGE_CHARACTERS = new Set([...' \t\n\r\u00a0"\'“”‘’«»„,.;:!?…()[]-–—`']);

/** Capitalised words that do not make a name: articles, pronouns, suffixes, reporting words. */
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'he', 'she', 'they', 'we', 'i', 'it', 'his', 'her', 'their', 'our', 'its', 'this', 'that',
  'these', 'those', 'and', 'but', 'jr', 'sr', 'ii', 'iii', 'according', 'said', 'says', 'told',
]);

/** A quoted span has to cover at least this share of the longer of the two spans to match. */
const MIN_OVERLAP = 0.5;

/** A span with its trimmed bounds. */
interface Trimmed extends Span {
  readonly trimmedStart: number;
  readonly trimmedEnd: number;
}

/**
 * The span without edge space, marks and punctuation: `“Yes,”` and `Yes` are the same quotation.
 *
 * @example
 * trimQuoteSpan('“Yes,” he said.', { start: 0, end: 6 }); // { start: 1, end: 4 }
 */
export function trimQuoteSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && EDGE_CHARACTERS.has(text.charAt(start))) start += 1;
  while (end > start && EDGE_CHARACTERS.has(text.charAt(end - 1))) end -= 1;
  return { start, end };
}

function withTrim<T extends Span>(text: string, span: T): T & Trimmed {
  const trimmed = trimQuoteSpan(text, span);
  return { ...span, trimmedStart: trimmed.start, trimmedEnd: trimmed.end };
}

/** A speaker string as compared: lower case, straight apostrophes, no possessive, letters, digits, hyphens. */
function normalizeName(name: string | null | undefined): string {
  return (name ?? '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The surnames in a speaker phrase: the last word of each run of capitalised words, taken from the runs of two
 * words or more when there are any ("Clinton communication director Jennifer Palmieri" → palmieri). A comma,
 * semicolon or bracket ends a run.
 */
function surnamesOf(phrase: string | null | undefined): Set<string> {
  if (!phrase) return new Set();
  const runs: string[][] = [];
  for (const clause of phrase.replace(/[’']s\b/g, '').split(/[,;()]+/)) {
    let run: string[] = [];
    for (const token of clause.split(/\s+/)) {
      if (token === '') continue;
      const word = token.replace(/[^\p{L}\p{N}.-]/gu, '');
      if (/^\p{Lu}/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase().replace(/\./g, ''))) {
        run.push(word.replace(/\.$/, ''));
      } else {
        if (run.length > 0) runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  const longRuns = runs.filter((run) => run.length >= 2);
  return new Set((longRuns.length > 0 ? longRuns : runs).map((run) => run[run.length - 1]!.toLowerCase()));
}

/**
 * Whether a predicted speaker names the gold speaker: equal to the gold phrase or one of its mentions (case and
 * punctuation aside), or sharing a surname with one. Coreference names count for pronoun and description speakers
 * when `coref` is on. A gold quote without a speaker is right only with no predicted speaker.
 *
 * @example
 * isSpeakerCorrect('Ms. Palmieri', { speaker: 'Clinton communication director Jennifer Palmieri', speakerType: 'name' }); // true
 */
export function isSpeakerCorrect(
  predicted: string | null | undefined,
  gold: Pick<GoldQuote, 'speaker' | 'speakerType' | 'speakerMentions' | 'speakerCoref'>,
  options: Pick<ScoreQuotesOptions, 'coref'> = {},
): boolean {
  const name = normalizeName(predicted);
  if (gold.speaker === null || gold.speaker === undefined || gold.speaker === '') return name === '';
  if (name === '') return false;
  const useCoref = options.coref ?? defaults.coref;
  const candidates = [
    gold.speaker,
    ...(gold.speakerMentions ?? []),
    ...(useCoref && gold.speakerType !== 'name' ? (gold.speakerCoref ?? []) : []),
  ];
  const predictedSurnames = surnamesOf(predicted);
  return candidates.some(
    (candidate) =>
      normalizeName(candidate) === name || [...surnamesOf(candidate)].some((surname) => predictedSurnames.has(surname)),
  );
}

function exactMatch(gold: Trimmed, predicted: Trimmed): number {
  return gold.trimmedStart === predicted.trimmedStart && gold.trimmedEnd === predicted.trimmedEnd && gold.trimmedEnd > gold.trimmedStart ? 1 : 0;
}

/** The overlap of the trimmed spans as a share of the longer one, or 0 below `MIN_OVERLAP`. */
function overlapMatch(gold: Trimmed, predicted: Trimmed): number {
  const overlap = Math.min(gold.trimmedEnd, predicted.trimmedEnd) - Math.max(gold.trimmedStart, predicted.trimmedStart);
  const longer = Math.max(gold.trimmedEnd - gold.trimmedStart, predicted.trimmedEnd - predicted.trimmedStart);
  if (overlap <= 0 || longer <= 0) return 0;
  const share = overlap / longer;
  return share >= MIN_OVERLAP ? share : 0;
}

/**
 * One-to-one matching, best pairs first: every pair with a positive score, taken by score (ties: the earlier gold,
 * then the earlier prediction) while neither side is taken. Returns the prediction index of each gold (or -1).
 */
function matchGreedily<G, P>(golds: readonly G[], predictions: readonly P[], score: (gold: G, predicted: P) => number): number[] {
  const pairs: { score: number; gold: number; predicted: number }[] = [];
  golds.forEach((gold, goldIndex) => {
    predictions.forEach((predicted, predictedIndex) => {
      const value = score(gold, predicted);
      if (value > 0) pairs.push({ score: value, gold: goldIndex, predicted: predictedIndex });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.gold - b.gold || a.predicted - b.predicted);
  const predictionOf = golds.map(() => -1);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (predictionOf[pair.gold] !== -1 || taken.has(pair.predicted)) continue;
    predictionOf[pair.gold] = pair.predicted;
    taken.add(pair.predicted);
  }
  return predictionOf;
}

/**
 * Pairs found quotations with gold ones as the scorer does (trimmed spans overlapping by at least half of the
 * longer, one to one, best overlaps first): for each found quotation, the index of its gold quotation or -1.
 *
 * @example
 * const text = '“We will win,” Lavrov said. “Soon,” he added.';
 * matchQuotes(text, [{ start: 1, end: 13 }], [{ start: 0, end: 14 }, { start: 28, end: 33 }]); // [0, -1]
 */
export function matchQuotes(text: string, gold: readonly Span[], found: readonly Span[]): number[] {
  const predictionOf = matchGreedily(
    gold.map((span) => withTrim(text, span)),
    found.map((span) => withTrim(text, span)),
    overlapMatch,
  );
  const goldOf = found.map(() => -1);
  predictionOf.forEach((predicted, goldIndex) => {
    if (predicted >= 0) goldOf[predicted] = goldIndex;
  });
  return goldOf;
}

function precisionRecall(truePositives: number, predicted: number, gold: number): PrecisionRecall {
  const precision = predicted > 0 ? truePositives / predicted : 0;
  const recall = gold > 0 ? truePositives / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives, predicted, gold, precision, recall, f1 };
}

const accuracyOf = (correct: number, total: number): Accuracy => ({ correct, total, accuracy: total > 0 ? correct / total : 0 });
const recallOf = (found: number, total: number): Recall => ({ found, total, recall: total > 0 ? found / total : 0 });

/** The gold speaker type a quote is counted under: its `speakerType`, else `none` without a speaker. */
function speakerTypeOf(gold: GoldQuote): string {
  return gold.speakerType || (gold.speaker === null || gold.speaker === undefined ? 'none' : 'unknown');
}

/** How far the context of an error reaches on each side at most. */
const CONTEXT_REACH = 240;

/** Whether the white space at `index` follows the end of a sentence (a stop mark, maybe then a closing mark). */
function followsSentenceEnd(text: string, index: number): boolean {
  if (!/\s/.test(text.charAt(index))) return false;
  const before = text.charAt(index - 1);
  return /[.!?…]/.test(before) || (/["”’»]/.test(before) && /[.!?…]/.test(text.charAt(index - 2)));
}

/**
 * The sentence around a span: back to the previous sentence end or line break and on to the next one, within
 * `CONTEXT_REACH` characters on each side.
 */
function contextOf(text: string, span: Span): string {
  const floor = Math.max(0, span.start - CONTEXT_REACH);
  let start = span.start;
  while (start > floor && text[start - 1] !== '\n' && !followsSentenceEnd(text, start - 1)) start -= 1;
  const ceiling = Math.min(text.length, span.end + CONTEXT_REACH);
  let end = span.end;
  while (end < ceiling && text[end] !== '\n' && !followsSentenceEnd(text, end)) end += 1;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** Locates a prediction: its offsets, or without them the first place its text stands in the article. */
function locate(text: string, quote: PredictedQuote): Span | null {
  if (quote.start !== undefined && quote.end !== undefined) return quote.start >= 0 ? { start: quote.start, end: quote.end } : null;
  if (!quote.text) return null;
  const start = text.indexOf(quote.text);
  return start < 0 ? null : { start, end: start + quote.text.length };
}

/**
 * Scores predicted quotations and speakers against gold articles. A prediction matches a gold quote when their
 * trimmed spans overlap by at least half of the longer one (one to one, best overlaps first); its speaker is then
 * right by `isSpeakerCorrect`. Only gold quotes of kind `direct` (or without a kind) are scored. Give the inputs
 * through `parseGoldArticle` / `parsePredictedArticle` first: offsets are trusted here.
 *
 * @example
 * const text = '“We will win,” Lavrov said.';
 * const gold = [{ id: 1, text, quotes: [{ start: 1, end: 13, speaker: 'Sergei Lavrov', speakerType: 'name' }] }];
 * const scores = scoreQuotes(gold, [{ id: 1, quotes: [{ start: 1, end: 13, speaker: 'Lavrov' }] }]);
 * scores.quoteSpeaker.f1; // 1
 */
export function scoreQuotes(
  gold: readonly GoldArticle[],
  predictions: readonly PredictedArticle[],
  options: ScoreQuotesOptions = {},
): QuoteScores {
  const settings = { ...defaults, ...options };
  const predictionsById = new Map(predictions.map((article) => [article.id, article]));
  let goldQuotes = 0;
  let predictedQuotes = 0;
  let exact = 0;
  let overlap = 0;
  let rightSpeakers = 0;
  let articlesWithoutPredictions = 0;
  let unlocatedPredictions = 0;
  let onUnattributed = 0;
  let ignored = 0;
  const byType = new Map<string, { correct: number; total: number }>();
  const full = { found: 0, total: 0 };
  const partial = { found: 0, total: 0 };
  const errors: QuoteError[] = [];

  for (const article of gold) {
    const { text } = article;
    const golds = article.quotes.filter((quote) => !quote.kind || quote.kind === 'direct').map((quote) => withTrim(text, quote));
    const predicted = predictionsById.get(article.id);
    if (predicted === undefined) articlesWithoutPredictions += 1;
    let located: (PredictedQuote & Trimmed)[] = [];
    for (const quote of predicted?.quotes ?? []) {
      const span = locate(text, quote);
      const trimmed = span && withTrim(text, { ...quote, ...span });
      if (trimmed && trimmed.trimmedEnd > trimmed.trimmedStart) located.push(trimmed);
      else unlocatedPredictions += 1;
    }
    const unattributed = (article.unattributed ?? []).map((span) => withTrim(text, span));
    const firstMatch = matchGreedily(golds, located, overlapMatch);
    const matchedFirst = new Set(firstMatch);
    const unattributedPrediction = new Set<PredictedQuote>();
    located.forEach((quote, index) => {
      if (matchedFirst.has(index) || !unattributed.some((segment) => overlapMatch(segment, quote) > 0)) return;
      onUnattributed += 1;
      unattributedPrediction.add(quote);
    });
    if (settings.ignoreUnattributed && unattributedPrediction.size > 0) {
      ignored += unattributedPrediction.size;
      located = located.filter((quote) => !unattributedPrediction.has(quote));
    }
    // Dropping unmatched predictions cannot change the greedy overlap matching, but the indices move: match again.
    const matchOf = settings.ignoreUnattributed ? matchGreedily(golds, located, overlapMatch) : firstMatch;
    goldQuotes += golds.length;
    predictedQuotes += located.length;
    exact += matchGreedily(golds, located, exactMatch).filter((index) => index >= 0).length;

    golds.forEach((goldQuote, goldIndex) => {
      const index = matchOf[goldIndex]!;
      const bucket = goldQuote.mixed ? partial : full;
      bucket.total += 1;
      const type = speakerTypeOf(goldQuote);
      const goldSide = { speaker: goldQuote.speaker ?? null, speakerType: type, mentions: goldQuote.speakerMentions ?? [] };
      const span = { start: goldQuote.start, end: goldQuote.end };
      const errorAt = (kind: QuoteErrorKind, quote: PredictedQuote | null) =>
        errors.push({
          kind, articleId: article.id, span, text: text.slice(span.start, span.end), context: contextOf(text, span), gold: goldSide,
          predicted: quote && { speaker: quote.speaker, evidence: quote.evidence ?? null }, onUnattributed: false,
        });
      if (index < 0) {
        errorAt('not-found', null);
        return;
      }
      bucket.found += 1;
      overlap += 1;
      const quote = located[index]!;
      const counts = byType.get(type) ?? { correct: 0, total: 0 };
      byType.set(type, counts);
      counts.total += 1;
      if (isSpeakerCorrect(quote.speaker, goldQuote, settings)) {
        counts.correct += 1;
        rightSpeakers += 1;
      } else {
        errorAt(quote.speaker === null || normalizeName(quote.speaker) === '' ? 'no-speaker' : 'wrong-speaker', quote);
      }
    });
    const matched = new Set(matchOf);
    located.forEach((quote, index) => {
      if (matched.has(index)) return;
      const span = { start: quote.trimmedStart, end: quote.trimmedEnd };
      errors.push({
        kind: 'false-positive', articleId: article.id, span: { start: quote.start!, end: quote.end! }, text: text.slice(quote.start, quote.end),
        context: contextOf(text, span), gold: null, predicted: { speaker: quote.speaker, evidence: quote.evidence ?? null },
        onUnattributed: unattributedPrediction.has(quote),
      });
    });
  }

  const articleOrder = new Map(gold.map((article, index) => [article.id, index]));
  errors.sort((a, b) => articleOrder.get(a.articleId)! - articleOrder.get(b.articleId)! || a.span.start - b.span.start);
  return {
    goldQuotes,
    predictedQuotes,
    articlesWithoutPredictions,
    unlocatedPredictions,
    spanExact: precisionRecall(exact, predictedQuotes, goldQuotes),
    spanOverlap: precisionRecall(overlap, predictedQuotes, goldQuotes),
    quoteSpeaker: precisionRecall(rightSpeakers, predictedQuotes, goldQuotes),
    speaker: {
      ...accuracyOf(rightSpeakers, overlap),
      byType: Object.fromEntries(
        [...byType].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, counts]) => [type, accuracyOf(counts.correct, counts.total)]),
      ),
    },
    recallFull: recallOf(full.found, full.total),
    recallPartial: recallOf(partial.found, partial.total),
    unattributed: { predictions: onUnattributed, ignored },
    errors,
  };
}
