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

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[.,;:!?…–—()[\]"]/gu;
/** The one-character tokens of TOKEN's second branch: every other token starts with a letter or digit. */
const BREAKS = new Set(['.', ',', ';', ':', '!', '?', '…', '–', '—', '(', ')', '[', ']', '"']);

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
  // An exec loop (no iterator objects) and a Set lookup instead of a regex test per token: this runs on every word.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(folded); match !== null; match = TOKEN.exec(folded)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const isBreak = word.length === 1 && BREAKS.has(word);
    tokens.push({ text: isBreak ? word : aligned ? lowered.slice(start, end) : word.toLowerCase(), start, end, isBreak });
  }
  return tokens;
}
