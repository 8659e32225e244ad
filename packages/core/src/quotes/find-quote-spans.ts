import type { Span } from '../model/analysis.js';
import { matchFinder } from '../text/match-finder.js';
import { isWhiteSpace } from '../text/white-space.js';

/** A quotation found by its marks, before anyone asks who said it. */
export interface QuoteSpan extends Span {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or null when the mark was never closed. */
  readonly close: number | null;
  readonly paragraph: number;
  /** How the span was closed: its own mark, a new paragraph reopening the quote, or recovery at paragraph end. */
  readonly closedBy: 'mark' | 'paragraph-continues' | 'paragraph-end';
  /** True when this span continues a quotation from the previous paragraph. */
  readonly continuesPrevious: boolean;
}

/** Opening marks and the closing marks each accepts. `“` closes `„` (German style) but opens otherwise. */
const CLOSERS: Readonly<Record<string, string>> = {
  '“': '”"',
  '"': '"',
  '«': '»',
  '„': '“”',
  '‘': '’',
  '»': '«',
  "'": "'",
};

/** Every mark that can open a quotation (all of CLOSERS but `»`), to find the next one with one native search. */
const OPENING_MARK = /[“"«„‘']/g;
/** For each opening mark, a search for the marks that may close it. */
const CLOSING_MARK: ReadonlyMap<string, RegExp> = new Map(Object.entries(CLOSERS).map(([opener, closers]) => [opener, new RegExp(`[${closers}]`, 'g')]));

/** Any double quotation mark: copy with none quotes with single marks. */
const DOUBLE_MARK = /["“”„«»]/;
const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isLetterOrDigit = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * A straight or single mark opens only where a word could start: after space, an opening bracket or a dash.
 * `singleMarked`: the text quotes with single marks (it has no double ones), as British copy does.
 */
function canOpen(text: string, at: number, paragraphStart: number, singleMarked = false): boolean {
  const mark = text[at]!;
  if (mark === '“' || mark === '«' || mark === '„') return true;
  const before = at > paragraphStart ? text[at - 1] : undefined;
  const after = text[at + 1];
  if (isSpace(after)) return false;
  // A straight single mark opens only before a capital letter: "'We are not going anywhere,'" but not "'90s"; in
  // copy that quotes with single marks, before a small letter after a space too ("would 'take back control'").
  if (mark === "'" && !/\p{Lu}/u.test(after ?? '') && !(singleMarked && before === ' ' && /\p{Ll}/u.test(after ?? ''))) return false;
  return isSpace(before) || (before !== undefined && /[([{—–\-/:]/.test(before));
}

/**
 * A closing single mark must not be an apostrophe inside a word ("Moscow’s"), nor a straight or single mark after a
 * space, which opens; except a straight double mark set a space apart from the single mark it closes over
 * ("the term 'African American outreach,' \" he said").
 */
function canClose(text: string, at: number, opener: string): boolean {
  if (opener !== '‘' && opener !== '"' && opener !== "'") return true;
  if (isLetterOrDigit(text[at + 1])) return false;
  const before = text[at - 1];
  return !isSpace(before) || (opener === '"' && before === ' ' && (text[at - 2] === "'" || text[at - 2] === '’'));
}

/**
 * Offset of the mark closing `opener` in [from, end), or -1. Jumps from one closing mark to the next with
 * `closingMarkFinder`, whose searches for each opener remember their answers, so an unclosed mark in every paragraph
 * does not send a search to the end of the text once per paragraph.
 */
function findCloser(text: string, from: number, end: number, opener: string, closingMarkFinder: (opener: string) => (from: number) => number): number {
  const nextClosingMark = closingMarkFinder(opener);
  for (let at = nextClosingMark(from); at < end; at = nextClosingMark(at + 1)) {
    if (canClose(text, at, opener)) return at;
  }
  // A curly opening mark closed by a straight one is a common typing slip.
  if (opener === '“') {
    const straight = closingMarkFinder('"')(from);
    if (straight < end) return straight;
  }
  // And so is a straight one closed by a curly one ("more hours” before details emerge), unless a curly quotation
  // opens first: in straight-quoted copy, “Shark Tank.” is a quotation of its own.
  if (opener === '"') {
    const curly = text.indexOf('”', from);
    if (curly >= 0 && curly < end) {
      const inner = text.indexOf('“', from);
      if (inner < 0 || inner > curly) return curly;
    }
  }
  return -1;
}

/** Offset of the first mark in [from, paragraph end) that opens a quotation, or the paragraph's end. */
function nextQuotationOpening(text: string, from: number, paragraph: Span, nextOpeningMark: (from: number) => number, singleMarked: boolean): number {
  for (let at = nextOpeningMark(from); at < paragraph.end; at = nextOpeningMark(at + 1)) {
    if (canOpen(text, at, paragraph.start, singleMarked)) return at;
  }
  return paragraph.end;
}

function trimmed(text: string, start: number, end: number): Span {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Finds every quotation by its marks, at character level and paragraph by paragraph (sentence splitters cut quotes).
 * Recognises “…”, "…", «…», „…“, ‘…’ (single marks nested in double ones stay inside their quote); a quote
 * that runs over paragraphs (a paragraph ends unclosed and the next opens again); and an opening mark never closed,
 * recovered at the end of its paragraph so it cannot swallow the paragraphs after it. Spans listed in `skip`
 * (transcript turns, boilerplate) are left alone.
 *
 * @example
 * findQuoteSpans('“Yes,” he said.', [{ start: 0, end: 15 }]); // [{ start: 1, end: 5, open: 0, close: 5, … }]
 */
export function findQuoteSpans(text: string, paragraphs: readonly Span[], skip: readonly Span[] = []): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const skipped = new Set(skip.map((span) => span.start));
  let continuing = false;
  const nextOpeningMark = matchFinder(text, OPENING_MARK);
  const singleMarked = !DOUBLE_MARK.test(text);
  const closingMarkFinders = new Map<string, (from: number) => number>();
  const closingMarkFinder = (opener: string) => {
    let finder = closingMarkFinders.get(opener);
    if (!finder) closingMarkFinders.set(opener, (finder = matchFinder(text, CLOSING_MARK.get(opener)!)));
    return finder;
  };
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    if (skipped.has(paragraph.start)) {
      continuing = false;
      continue;
    }
    const continuesPrevious = continuing;
    continuing = false;
    // Once a mark finds no closer after some offset, it finds none after any later one: remember, so a paragraph
    // full of unclosed straight marks stays linear.
    const noCloserAfter = new Map<string, number>();
    // Only quotation marks matter: jump from one to the next instead of visiting every character.
    for (let i = nextOpeningMark(paragraph.start); i < paragraph.end; i = nextOpeningMark(i)) {
      const mark = text[i]!;
      if (!canOpen(text, i, paragraph.start, singleMarked)) {
        i++;
        continue;
      }
      const hopeless = (noCloserAfter.get(mark) ?? Number.POSITIVE_INFINITY) <= i;
      const closeAt = hopeless ? -1 : findCloser(text, i + 1, paragraph.end, mark, closingMarkFinder);
      if (closeAt < 0) noCloserAfter.set(mark, Math.min(noCloserAfter.get(mark) ?? i, i));
      if (closeAt >= 0) {
        const content = trimmed(text, i + 1, closeAt);
        if (content.end > content.start) {
          spans.push({
            start: content.start, end: content.end, open: i, close: closeAt, paragraph: index,
            closedBy: 'mark', continuesPrevious: continuesPrevious && i === paragraph.start,
          });
        }
        i = closeAt + 1;
        continue;
      }
      // Unclosed: single and straight marks are too often apostrophes or inches to recover, except a straight double
      // mark that opens its paragraph, where no inch or apostrophe stands: the paragraph-by-paragraph quotation of
      // straight-quoted copy ("\"WALLACE: Let's start …" with every paragraph reopening and none closing).
      if (mark === '‘' || mark === "'" || (mark === '"' && i !== paragraph.start)) {
        i++;
        continue;
      }
      const next = paragraphs[index + 1];
      const reopens = next !== undefined && !skipped.has(next.start) && text[next.start] === mark;
      // A straight mark never closed runs to the next quotation in its paragraph, not over it: in straight-quoted
      // copy with curly marks inside ("PENCE: … an episode of “Shark Tank.”") the inner marks are quotations too.
      const end = mark === '"' ? nextQuotationOpening(text, i + 1, paragraph, nextOpeningMark, singleMarked) : paragraph.end;
      const content = trimmed(text, i + 1, end);
      if (content.end > content.start) {
        spans.push({
          start: content.start, end: content.end, open: i, close: null, paragraph: index,
          closedBy: reopens ? 'paragraph-continues' : 'paragraph-end',
          continuesPrevious: continuesPrevious && i === paragraph.start,
        });
      }
      continuing = reopens;
      if (end === paragraph.end) break;
      i = end;
      continue;
    }
  }
  return spans;
}
