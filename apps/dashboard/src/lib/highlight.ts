/**
 * Splits text into plain and highlighted pieces, so the UI renders every piece as a text node (never as HTML)
 * and wraps only the highlighted ones.
 */

export type WordTone = 'positive' | 'negative';

export interface WordSegment {
  readonly text: string;
  readonly tone: WordTone | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Marks the words that raised (positive) or lowered (negative) a quote's score. Matching is by whole word,
 * case-insensitive, and treats ’ and ' alike, because the scorer normalises apostrophes before scoring.
 *
 * @example highlightWords('A great, bad day', ['great'], ['bad'])
 * // [{text:'A ',tone:null},{text:'great',tone:'positive'},{text:', ',tone:null},{text:'bad',tone:'negative'},{text:' day',tone:null}]
 */
export function highlightWords(text: string, positive: readonly string[], negative: readonly string[]): WordSegment[] {
  const tones = new Map<string, WordTone>();
  for (const word of negative) if (word.trim()) tones.set(normalize(word), 'negative');
  for (const word of positive) if (word.trim()) tones.set(normalize(word), 'positive');
  if (tones.size === 0) return text ? [{ text, tone: null }] : [];
  const alternatives = [...tones.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/'/g, "['’]"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const segments: WordSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start), tone: null });
    segments.push({ text: match[0], tone: tones.get(normalize(match[0])) ?? null });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), tone: null });
  return segments;
}

function normalize(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

export interface SpanLike {
  readonly start: number;
  readonly end: number;
}

export type ArticleSegment<Q extends SpanLike> =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'quote'; readonly text: string; readonly quote: Q; readonly inner: readonly ArticleSegment<Q>[] };

/**
 * Cuts an article's text at its quotes' spans. Quotes are taken in text order; a quote wholly inside an earlier one
 * (a quotation inside a transcript turn or a statement) makes the earlier one's `inner` segments, one level deep (empty
 * when nothing is inside); one that
 * overlaps an earlier quote only in part, or falls outside the text, is left out rather than garbling the text around it.
 */
export function segmentArticle<Q extends SpanLike>(text: string, quotes: readonly Q[]): ArticleSegment<Q>[] {
  const ordered = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: { quote: Q; inner: Q[] }[] = [];
  let last = 0;
  for (const quote of ordered) {
    if (quote.end > text.length || quote.end <= quote.start) continue;
    const enclosing = outer[outer.length - 1];
    if (quote.start < last) {
      const inside = enclosing !== undefined && quote.end <= enclosing.quote.end;
      const clear = enclosing !== undefined && quote.start >= (enclosing.inner[enclosing.inner.length - 1]?.end ?? enclosing.quote.start);
      if (inside && clear) enclosing.inner.push(quote);
      continue;
    }
    outer.push({ quote, inner: [] });
    last = quote.end;
  }
  return cut(text, 0, text.length, outer.map(({ quote, inner }) => ({ quote, inner: inner.length === 0 ? [] : cut(text, quote.start, quote.end, inner.map((nested) => ({ quote: nested, inner: [] }))) })));
}

/** The text in [from, to) cut at the given quotes (in order, none overlapping), each with its inner segments. */
function cut<Q extends SpanLike>(text: string, from: number, to: number, quotes: readonly { quote: Q; inner: readonly ArticleSegment<Q>[] }[]): ArticleSegment<Q>[] {
  const segments: ArticleSegment<Q>[] = [];
  let last = from;
  for (const { quote, inner } of quotes) {
    if (quote.start > last) segments.push({ kind: 'text', text: text.slice(last, quote.start) });
    segments.push({ kind: 'quote', text: text.slice(quote.start, quote.end), quote, inner });
    last = quote.end;
  }
  if (last < to) segments.push({ kind: 'text', text: text.slice(last, to) });
  return segments;
}
