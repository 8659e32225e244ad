import type { SentimentLabel } from '../model/analysis.js';

/** The polarity classes of the target-sentiment model, in the order of each weight row. */
export const TARGET_CLASSES: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
