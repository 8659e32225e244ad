// Quotes and speakers
export { analyzeArticle, PIPELINE_VERSION } from './analyze.js';
export { parseArticleInput, readArticle } from './input/read-article.js';
export type { Article } from './input/read-article.js';
export { mergeSpeakersAcrossArticles } from './speakers/merge-speakers-across-articles.js';
export type { MergedSpeaker } from './speakers/merge-speakers-across-articles.js';
export { isNewstoneError, NewstoneError } from './internal/errors.js';

export type {
  Analysis,
  ArticleInput,
  CountryAttribution,
  Cue,
  Evidence,
  Quote,
  QuoteKind,
  QuoteSpeaker,
  Sentiment,
  SentimentLabel,
  Span,
  Speaker,
  SpeakerKind,
  SpeakerMerge,
  Stance,
  StancePolarity,
} from './model/analysis.js';

export type { StanceCell, ToneRow, ToneSummary, ToneSums } from './model/aggregate.js';

// Tone: aggregates
export { addToSums, EMPTY_SUMS, MIN_QUOTES_TO_TRUST, summarizeTone, tCritical95 } from './aggregate/summarize-tone.js';

// Tone: sentiment with its evidence
export { labelScore, scoreSentiment } from './scoring/score-sentiment.js';
export { createToneLexicon, loadToneLexicon } from './scoring/tone-lexicon.js';
export type { ToneLexicon, ToneLexiconData, ToneThresholds } from './scoring/tone-lexicon.js';
export { scoreTargetSentiment, loadTargetSentimentResources, parseTargetSentimentModel, withStanceCues } from './scoring/score-target-sentiment.js';
export type { TargetSentiment, TargetSentimentModel, TargetSentimentResources } from './scoring/score-target-sentiment.js';
export { loadStanceCues, parseStanceCues } from './scoring/stance-cues.js';
export type { StanceCues } from './scoring/stance-cues.js';
export { extractTargetFeatures } from './scoring/target-features.js';

// Tone: stance toward targets, and in-memory aggregates
export { MAX_CUE_GAP, MAX_PRONOUN_GAP, scoreStances } from './scoring/score-stances.js';
export type { StanceInput, StanceQuote } from './scoring/score-stances.js';
export { createStanceLexicon, isOwnSide } from './scoring/stance-lexicon.js';
export type { PlaceEntry, StanceLexicon } from './scoring/stance-lexicon.js';
export { stanceMatrix, toneBy } from './aggregate/tone-by.js';
export type { ToneByOptions, ToneGrouping, ToneQuote } from './aggregate/tone-by.js';

// Evaluation: quotations and speakers scored against gold (the PolNeAR format)
export { isSpeakerCorrect, matchQuotes, scoreQuotes, trimQuoteSpan } from './evaluate/score-quotes.js';
export type {
  Accuracy,
  GoldArticle,
  GoldQuote,
  PrecisionRecall,
  PredictedArticle,
  PredictedQuote,
  PredictionEvidence,
  QuoteError,
  QuoteErrorKind,
  QuoteScores,
  Recall,
  ScoreQuotesOptions,
} from './evaluate/score-quotes.js';
export { parseGoldArticle, parsePredictedArticle } from './evaluate/parse-gold.js';
export { MARKED_QUOTATION_KINDS, predictionsOfAnalysis } from './evaluate/predictions-of-analysis.js';
