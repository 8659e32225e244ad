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
