import type { Analysis, QuoteKind } from '../model/analysis.js';
import type { PredictedQuote } from './score-quotes.js';

/**
 * The kinds of quote that are quotations in marks, and so comparable with gold quotations: not reported speech
 * (`indirect`) and not whole transcript turns (`turn`).
 */
export const MARKED_QUOTATION_KINDS: readonly QuoteKind[] = ['direct', 'partial', 'heading'];

/**
 * The quotations of an analysis as predictions to score: span, speaker name (or null) and the rule that decided.
 *
 * @example
 * const analysis = analyzeArticle('“We will win,” Lavrov said.');
 * predictionsOfAnalysis(analysis); // [{ start: 1, end: 13, text: 'We will win,', speaker: 'Lavrov', evidence: { rule: …, confidence: … } }]
 */
export function predictionsOfAnalysis(analysis: Pick<Analysis, 'quotes'>): PredictedQuote[] {
  return analysis.quotes
    .filter((quote) => MARKED_QUOTATION_KINDS.includes(quote.kind))
    .map((quote) => ({
      start: quote.start,
      end: quote.end,
      text: quote.text,
      speaker: quote.speaker?.name ?? null,
      evidence: { rule: quote.evidence.rule, confidence: quote.evidence.confidence },
    }));
}
