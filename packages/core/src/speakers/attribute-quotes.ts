import type { Span } from '../model/analysis.js';
import type { ClassifiedQuote } from '../quotes/classify-quotes.js';
import type { SpeechEvent } from './find-speech-events.js';

/** Who a quote belongs to: a speech event, another quote whose speaker it shares, or nobody. */
export interface QuoteAttribution {
  readonly event: number | null;
  readonly quote: number | null;
  readonly rule: string;
  readonly confidence: number;
}

const NONE: QuoteAttribution = { event: null, quote: null, rule: 'unattributed', confidence: 0 };
/** What may stand between a closing mark and its attribution: "…,” said", "…” — Lavrov said". */
const GAP_AFTER = /^[\s,.—–-]*$/;
/** What may stand between an attribution and the opening mark: "Lavrov said: “", "He said that “". */
const GAP_BEFORE = /^[\s,:—–-]*(?:that\s*)?$/i;
/** What may open the sentence after a quote before a cue that points back at it: "“…” That was the message from", "“…” So said". */
const GAP_POINTING_BACK = /^\s+(?:(?:that|this|those|these|such|it)\s+(?:was|were|is|are)\s+|so\s+)?$/i;

/**
 * Attributes each quote, in order of preference: the cue right after it ("…,” Lavrov said"), the cue right
 * before it ("Lavrov said: “…”"), another cue in its sentence ("the White House announced that … “fake
 * escalation”"), a cue opening the next sentence that points back at it ("“…” That was the message from …", "“…” So said …"), the quote it continues (across a paragraph break for multi-paragraph quotes), the latest speaker in
 * its paragraph, then the previous paragraph's. Headings take the speaker of the later quote they repeat.
 *
 * @example
 * attributeQuotes(text, quotes, events, paragraphs)[0]; // { event: 0, quote: null, rule: 'cue-after-quote', confidence: 0.95 }
 */
export function attributeQuotes(
  text: string,
  quotes: readonly ClassifiedQuote[],
  events: readonly SpeechEvent[],
  paragraphs: readonly Span[],
): QuoteAttribution[] {
  const bySentence = new Map<number, number[]>();
  events.forEach((event, index) => bySentence.set(event.sentence, [...(bySentence.get(event.sentence) ?? []), index]));
  const result: QuoteAttribution[] = [];
  quotes.forEach((quote, index) => {
    result.push(quote.kind === 'scare' || quote.kind === 'heading' ? NONE : attributeOne(text, quotes, index, events, bySentence, paragraphs, result));
  });
  // A quote left open at a paragraph end, with no cue of its own, shares the speaker of the paragraph that continues it.
  for (let index = quotes.length - 2; index >= 0; index--) {
    const quote = quotes[index]!;
    const next = result[index + 1]!;
    if (quote.closedBy === 'paragraph-continues' && result[index]!.rule === 'unattributed' && quotes[index + 1]!.continuesPrevious && next.rule !== 'unattributed') {
      result[index] = { event: null, quote: index + 1, rule: 'multi-paragraph-quote', confidence: 0.9 * next.confidence };
    }
  }
  // Headings last: they point forward to the quote they repeat.
  return result.map((attribution, index) => {
    const quote = quotes[index]!;
    if (quote.kind !== 'heading' || quote.headingOf === null) return attribution;
    const target = result[quote.headingOf];
    return target && target.rule !== 'unattributed' ? { event: null, quote: quote.headingOf, rule: 'heading-repeated-later', confidence: 0.8 * target.confidence } : attribution;
  });
}

function attributeOne(
  text: string,
  quotes: readonly ClassifiedQuote[],
  index: number,
  events: readonly SpeechEvent[],
  bySentence: ReadonlyMap<number, readonly number[]>,
  paragraphs: readonly Span[],
  earlier: readonly QuoteAttribution[],
): QuoteAttribution {
  const quote = quotes[index]!;
  const quoteEnd = quote.close === null ? quote.end : quote.close + 1;
  const inSentence = (bySentence.get(quote.sentence) ?? []).filter((e) => {
    const { extent } = events[e]!;
    return extent.end <= quote.open || extent.start >= quoteEnd;
  });
  const nextQuoteOpen = quotes[index + 1]?.open ?? Number.POSITIVE_INFINITY;
  const previousQuoteEnd = index > 0 ? (quotes[index - 1]!.close ?? quotes[index - 1]!.end) : -1;
  const after = inSentence.find((e) => {
    const { extent } = events[e]!;
    return extent.start >= quoteEnd && extent.start < nextQuoteOpen && GAP_AFTER.test(text.slice(quoteEnd, extent.start));
  });
  if (after !== undefined) return { event: after, quote: null, rule: 'cue-after-quote', confidence: 0.95 };
  // "“We will win.” Lavrov said.": a full stop inside the marks split the attribution into a sentence of its own.
  const nextSentence = (bySentence.get(quote.sentence + 1) ?? []).find((e) => {
    const { extent, speakerSide } = events[e]!;
    return speakerSide === 'before' && extent.start < nextQuoteOpen && /^[ \t]+$/.test(text.slice(quoteEnd, extent.start));
  });
  if (nextSentence !== undefined) return { event: nextSentence, quote: null, rule: 'cue-after-quote', confidence: 0.85 };
  const before = [...inSentence].reverse().find((e) => {
    const { extent } = events[e]!;
    return extent.end <= quote.open && extent.end > previousQuoteEnd && GAP_BEFORE.test(text.slice(extent.end, quote.open));
  });
  if (before !== undefined) return { event: before, quote: null, rule: 'cue-before-quote', confidence: 0.9 };
  const nearestBefore = [...inSentence].reverse().find((e) => events[e]!.extent.end <= quote.open);
  if (nearestBefore !== undefined) return { event: nearestBefore, quote: null, rule: 'cue-in-sentence', confidence: 0.75 };
  const nearestAfter = inSentence.find((e) => events[e]!.extent.start >= quoteEnd && events[e]!.extent.start < nextQuoteOpen);
  if (nearestAfter !== undefined) return { event: nearestAfter, quote: null, rule: 'cue-in-sentence', confidence: 0.7 };
  // "“We will not back down.” That was the message from Defense Minister Ana Ruiz.": a sentence that is only the
  // quote, and the next one opens with a cue phrase pointing back at it, the speaker after the cue.
  const pointingBack = (bySentence.get(quote.sentence + 1) ?? []).find((e) => {
    const { extent, speakerSide, cue } = events[e]!;
    return speakerSide === 'after' && cue.start === extent.start && extent.start < nextQuoteOpen && GAP_POINTING_BACK.test(text.slice(quoteEnd, extent.start));
  });
  // Across a paragraph break only for a quotation that opens its paragraph: one that follows its speaker's earlier
  // quote ("“…,” Hrytsenko said. “It is not a line.”") is not pointed at by the next paragraph's "According to …".
  const crossesParagraph = pointingBack !== undefined && text.slice(quoteEnd, events[pointingBack]!.extent.start).includes('\n');
  if (pointingBack !== undefined && inSentence.length === 0 && (!crossesParagraph || quote.open === paragraphs[quote.paragraph]!.start)) return { event: pointingBack, quote: null, rule: 'cue-next-sentence', confidence: 0.75 };

  const previous = index > 0 ? index - 1 : null;
  const previousQuote = previous === null ? null : quotes[previous]!;
  if (quote.continuesPrevious && previous !== null && earlier[previous]!.rule !== 'unattributed') {
    return { event: null, quote: previous, rule: 'multi-paragraph-quote', confidence: 0.9 * earlier[previous]!.confidence };
  }
  // The latest speaker in the same paragraph: a quote before this one or a speech cue before it.
  const paragraph = paragraphs[quote.paragraph]!;
  const lastEvent = lastEventBefore(events, quote.open, paragraph.start);
  const sameParagraphQuote = previousQuote && previousQuote.paragraph === quote.paragraph && earlier[previous!]!.rule !== 'unattributed' ? previous : null;
  if (lastEvent !== null && (sameParagraphQuote === null || events[lastEvent]!.extent.start > quotes[sameParagraphQuote]!.end)) {
    return { event: lastEvent, quote: null, rule: 'speaker-of-paragraph', confidence: 0.7 };
  }
  if (sameParagraphQuote !== null) return { event: null, quote: sameParagraphQuote, rule: 'continuation', confidence: 0.85 };
  // A quote opening a paragraph with no cue continues the speaker who ended the previous paragraph.
  if (quote.open === paragraph.start && quote.paragraph > 0) {
    const previousParagraph = paragraphs[quote.paragraph - 1]!;
    const eventThere = lastEventBefore(events, previousParagraph.end, previousParagraph.start);
    const quoteThere = previousQuote && previousQuote.paragraph === quote.paragraph - 1 && previousQuote.kind !== 'heading' && earlier[previous!]!.rule !== 'unattributed' ? previous : null;
    if (eventThere !== null && (quoteThere === null || events[eventThere]!.extent.start > previousQuote!.end)) {
      return { event: eventThere, quote: null, rule: 'speaker-of-previous-paragraph', confidence: 0.55 };
    }
    if (quoteThere !== null) return { event: null, quote: quoteThere, rule: 'continuation-next-paragraph', confidence: 0.6 };
  }
  return NONE;
}

function lastEventBefore(events: readonly SpeechEvent[], offset: number, notBefore: number): number | null {
  // Events come in text order: binary search for the last one starting before `offset`, then step back past any
  // that run over it. Keeps attribution linear in the number of quotes.
  let low = 0;
  let high = events.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.extent.start < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let e = found; e >= 0; e--) {
    const { extent } = events[e]!;
    if (extent.start < notBefore) return null;
    if (extent.end <= offset) return e;
  }
  return null;
}
