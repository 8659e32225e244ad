import type { Span } from '../model/analysis.js';
import { isWhiteSpace } from './white-space.js';

const LINE_BREAK = 0x0a;

/**
 * Paragraph spans, trimmed of surrounding white space. Blank lines separate paragraphs when the text has any;
 * otherwise every line is a paragraph (one paragraph per line is how many feeds deliver articles). Between blank
 * lines, a block with a line too long to be hard-wrapped is a run of one-line paragraphs: feeds mix the two
 * ("“…” ― Sonya Herridge\n“…” ― Pamela Padilla").
 *
 * @example
 * findParagraphs('Title\n\nFirst.\nStill first.'); // [{ start: 0, end: 5 }, { start: 7, end: 26 }]
 */
export function findParagraphs(text: string): Span[] {
  const blankLines = /\n[ \t\r\f\v]*\n/.test(text);
  const spans: Span[] = [];
  let from = 0;
  // Every separator starts at a line break: jump between them with indexOf, several times faster than a global
  // regex search for the separator itself.
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    const end = separatorEnd(text, at, blankLines);
    if (end < 0) continue;
    pushBlock(text, from, at, blankLines, spans);
    from = end;
    at = end - 1;
  }
  pushBlock(text, from, text.length, blankLines, spans);
  return spans;
}

/** Hard-wrapped text keeps its lines shorter than this (mail and plain-text feeds wrap at 72 to 80 characters). */
const HARD_WRAP_MAX = 120;

/** Adds the block [start, end) as one paragraph, or as one paragraph a line when a line in it is longer than a hard wrap. */
function pushBlock(text: string, start: number, end: number, blankLines: boolean, spans: Span[]): void {
  let lineBreak = blankLines ? text.indexOf('\n', start) : -1;
  if (lineBreak < 0 || lineBreak >= end) return pushTrimmed(text, start, end, spans);
  let longest = lineBreak - start;
  for (let at = lineBreak; at >= 0 && at < end && longest <= HARD_WRAP_MAX; at = text.indexOf('\n', at + 1)) {
    const next = text.indexOf('\n', at + 1);
    longest = Math.max(longest, (next < 0 || next > end ? end : next) - at - 1);
  }
  if (longest <= HARD_WRAP_MAX) return pushTrimmed(text, start, end, spans);
  for (let from = start; from < end; ) {
    const next = text.indexOf('\n', from);
    const lineEnd = next < 0 || next > end ? end : next;
    pushTrimmed(text, from, lineEnd, spans);
    from = lineEnd + 1;
  }
}

/**
 * End of the paragraph separator that starts at the line break `at`, with the white space after it: any line break,
 * or with `blankLines` only a blank line (a line break, spaces or tabs, a line break); -1 when none starts there.
 */
function separatorEnd(text: string, at: number, blankLines: boolean): number {
  let end = at + 1;
  if (blankLines) {
    while (end < text.length && isSpaceInLine(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== LINE_BREAK) return -1;
    end++;
  }
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
  return end;
}

/** `[ \t\r\f\v]`: white space that does not break a line. */
function isSpaceInLine(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0c || code === 0x0b;
}

/** Adds [start, end) trimmed of white space to `spans`, unless nothing is left. */
function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}
