/**
 * Word tokens for tone scoring, with their offsets. Curly quotes and apostrophes are folded to straight ones
 * first (same length, so offsets still point into the caller's text): the AFINN tables and the negator list
 * spell `isn't`, and a word glued to `“` would otherwise be missed.
 */

export interface ToneToken {
  /** Lower-cased, apostrophes straightened. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True for punctuation that ends a clause (`.`, `,`, `;`, `:`, `!`, `?`, `…`, dashes, brackets, quote marks). */
  readonly isBreak: boolean;
}

// A token is what /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[.,;:!?…–—()[\]"]/gu would match on the folded text, read by
// character code in `tokenizeTone` (this runs on every word of every quote; a match allocates an array per token).
/** The character codes of the one-character break tokens: every other token starts with a letter or digit. */
const BREAK_CODES = new Set([...'.,;:!?…–—()[]"'].map((mark) => mark.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

/** Folds typographic quote marks and apostrophes to ASCII, one character for one. */
export function foldQuoteMarks(text: string): string {
  return text.replace(/[‘’ʼ′`]/g, "'").replace(/[“”„‟″«»]/g, '"');
}

/**
 * Splits text into word and clause-break tokens.
 *
 * @example
 * tokenizeTone('It isn’t “good”.').map((t) => t.text); // ['it', "isn't", '"', 'good', '"', '.']
 */
export function tokenizeTone(text: string): ToneToken[] {
  const folded = foldQuoteMarks(text);
  // Lower-case the text once, not word by word, when that keeps every offset and every word's own lower case: no
  // character lengthens ("İ") and no capital sigma, the one letter whose lower case depends on what follows.
  const lowered = folded.toLowerCase();
  const aligned = lowered.length === folded.length && !folded.includes('\u03a3');
  const tokens: ToneToken[] = [];
  let i = 0;
  while (i < folded.length) {
    const start = i;
    let step = letterOrDigitLengthAt(folded, i);
    if (step === 0) {
      i++;
      if (BREAK_CODES.has(folded.charCodeAt(start))) tokens.push({ text: folded[start]!, start, end: i, isBreak: true });
      continue;
    }
    // A run of letters and digits, then more runs joined by ' or -
    i += step;
    for (;;) {
      while ((step = letterOrDigitLengthAt(folded, i)) > 0) i += step;
      const code = folded.charCodeAt(i);
      const joined = code === 0x27 || code === 0x2d ? letterOrDigitLengthAt(folded, i + 1) : 0;
      if (joined === 0) break;
      i += 1 + joined;
    }
    tokens.push({ text: aligned ? lowered.slice(start, i) : folded.slice(start, i).toLowerCase(), start, end: i, isBreak: false });
  }
  return tokens;
}

/** How many UTF-16 units the letter or digit at `i` takes (a letter outside the BMP takes two), or 0. */
function letterOrDigitLengthAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text) ? LETTER_OR_DIGIT.lastIndex - i : 0;
}
