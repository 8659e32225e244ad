export { analyzeArticle, PIPELINE_VERSION } from './analyze.js';

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

// Tone: aggregates (issue 4)
export { addToSums, EMPTY_SUMS, MIN_QUOTES_TO_TRUST, summarizeTone, tCritical95 } from './aggregate/summarize-tone.js';

// Tone: sentiment with its evidence (issue 4)
export { labelScore, scoreSentiment } from './scoring/score-sentiment.js';
export { createToneLexicon, loadToneLexicon } from './scoring/tone-lexicon.js';
export type { ToneLexicon, ToneLexiconData, ToneThresholds } from './scoring/tone-lexicon.js';
export { scoreTargetSentiment, loadTargetSentimentResources, parseTargetSentimentModel } from './scoring/score-target-sentiment.js';
export type { TargetSentiment, TargetSentimentModel, TargetSentimentResources } from './scoring/score-target-sentiment.js';
export { extractTargetFeatures } from './scoring/target-features.js';
