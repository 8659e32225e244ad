import type { Span } from '../model/analysis.js';

/**
 * Paragraph spans, trimmed of surrounding white space. Blank lines separate paragraphs when the text has any;
 * otherwise every line is a paragraph (one paragraph per line is how many feeds deliver articles).
 *
 * @example
 * findParagraphs('Title\n\nFirst.\nStill first.'); // [{ start: 0, end: 5 }, { start: 7, end: 26 }]
 */
export function findParagraphs(text: string): Span[] {
  const separator = /\n[ \t\r\f\v]*\n/.test(text) ? /\n[ \t\r\f\v]*\n\s*/g : /\n\s*/g;
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}
