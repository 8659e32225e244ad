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
  | { readonly kind: 'quote'; readonly text: string; readonly quote: Q };

/**
 * Cuts an article's text at its quotes' spans. Quotes are taken in text order; one that overlaps an earlier
 * quote or falls outside the text is left out rather than garbling the text around it.
 */
export function segmentArticle<Q extends SpanLike>(text: string, quotes: readonly Q[]): ArticleSegment<Q>[] {
  const ordered = [...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: ArticleSegment<Q>[] = [];
  let last = 0;
  for (const quote of ordered) {
    if (quote.start < last || quote.end > text.length || quote.end <= quote.start) continue;
    if (quote.start > last) segments.push({ kind: 'text', text: text.slice(last, quote.start) });
    segments.push({ kind: 'quote', text: text.slice(quote.start, quote.end), quote });
    last = quote.end;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
