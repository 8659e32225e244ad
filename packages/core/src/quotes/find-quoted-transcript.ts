import type { Span } from '../model/analysis.js';
import { readTurnLabel } from './find-turns.js';

/** How a quotation of a transcript is spoken: by the label it opens with, or by the turn it goes on. */
export type QuotedTurn =
  | { readonly quote: number; readonly label: Span }
  | { readonly quote: number; readonly continues: number };

/** The quotation facts this stage reads (a `ClassifiedQuote` has them). */
interface QuotedParagraph extends Span {
  readonly open: number;
  readonly paragraph: number;
  readonly kind: string;
}

/**
 * A transcript quoted inside news, paragraph by paragraph, each paragraph opening with a quotation mark and a speaker
 * label ("“WALLACE: Let's start with …", "“PENCE: Well, look …"): each such quotation is the label's, and a quoted
 * paragraph right after one, with no label of its own, goes on the same turn. Needs two labelled quotations, as a
 * transcript needs two turns, so one "“NOTE: …" is not a transcript. Returns one entry per quotation it decides, by
 * index into `quotes`.
 *
 * @example
 * findQuotedTranscript(text, classified, body); // [{ quote: 2, label: { start: 413, end: 420 } }, { quote: 3, continues: 2 }, …]
 */
export function findQuotedTranscript(text: string, quotes: readonly QuotedParagraph[], paragraphs: readonly Span[]): QuotedTurn[] {
  const turns: QuotedTurn[] = [];
  let labelled = 0;
  let current: { quote: number; paragraph: number } | null = null;
  quotes.forEach((quote, index) => {
    const opensParagraph = quote.open === paragraphs[quote.paragraph]!.start && quote.kind !== 'scare';
    if (!opensParagraph) {
      if (current && quote.paragraph !== current.paragraph) current = null;
      return;
    }
    const label = readTurnLabel(text.slice(quote.start, Math.min(quote.end, quote.start + 80)));
    if (label) {
      turns.push({ quote: index, label: { start: quote.start, end: quote.start + label.label } });
      labelled++;
      current = { quote: index, paragraph: quote.paragraph };
    } else if (current && quote.paragraph === current.paragraph + 1) {
      turns.push({ quote: index, continues: current.quote });
      current = { quote: current.quote, paragraph: quote.paragraph };
    } else {
      current = null;
    }
  });
  return labelled >= 2 ? turns : [];
}
