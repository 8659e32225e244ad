/**
 * Word tokens for tone scoring, with their offsets. Curly quotes and apostrophes read as straight ones (one
 * character for one, so offsets point into the caller's text): the AFINN tables and the negator list spell
 * `isn't`, and a word glued to `“` would otherwise be missed.
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
// The text itself is neither folded nor lower-cased first: each character is read as its folded self, and only a
// word with a capital or a curly apostrophe is changed, as a word (most words need no change, and two replaces
// and a lower-casing of every quote cost more). Each word gets its own lower case, as it always did: the whole
// text's could differ for a capital sigma, whose lower case depends on its neighbours.
/** How a character reads in the folded text: part of a word, a break token, a joiner (' or -), or nothing. */
type Kind = typeof OTHER | typeof LETTER | typeof BREAK | typeof JOINER;
const OTHER = 0;
const LETTER = 1;
const BREAK = 2;
const JOINER = 3;
/** The kind of each ASCII character; '`' folds to an apostrophe. */
const ASCII_KINDS: Readonly<Uint8Array> = Uint8Array.from({ length: 0x80 }, (_, code) => asciiKind(code));
/** Characters beyond ASCII that fold to an apostrophe (a joiner) or to a quote mark (a break). */
const APOSTROPHES = new Set([...'‘’ʼ′'].map((mark) => mark.charCodeAt(0)));
const QUOTE_MARKS = new Set([...'“”„‟″«»'].map((mark) => mark.charCodeAt(0)));
const OTHER_BREAKS = new Set([...'…–—'].map((mark) => mark.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

function asciiKind(code: number): Kind {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return LETTER;
  if ('.,;:!?()[]"'.includes(String.fromCharCode(code))) return BREAK;
  return code === 0x27 || code === 0x2d || code === 0x60 ? JOINER : OTHER;
}

/** Folds typographic quote marks and apostrophes to ASCII, one character for one. */
export function foldQuoteMarks(text: string): string {
  return foldApostrophes(text).replace(/[“”„‟″«»]/g, '"');
}

/** Folds typographic apostrophes to ASCII: all a word can hold of what `foldQuoteMarks` folds. */
function foldApostrophes(text: string): string {
  return text.replace(/[‘’ʼ′`]/g, "'");
}

/**
 * Splits text into word and clause-break tokens.
 *
 * @example
 * tokenizeTone('It isn’t “good”.').map((t) => t.text); // ['it', "isn't", '"', 'good', '"', '.']
 */
export function tokenizeTone(text: string): ToneToken[] {
  const tokens: ToneToken[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const code = text.charCodeAt(i);
    const kind = code < 0x80 ? ASCII_KINDS[code]! : kindOf(text, i);
    if (kind !== LETTER) {
      i++;
      if (kind === BREAK) tokens.push({ text: code >= 0x80 && QUOTE_MARKS.has(code) ? '"' : text[start]!, start, end: i, isBreak: true });
      continue;
    }
    // A run of letters and digits, then more runs joined by ' or -
    let cased = false; // holds a capital, or a letter beyond ASCII: lower-case the word
    let curly = false; // holds an apostrophe to fold
    // Every read stays inside the text: a read past the end (NaN) once makes V8 read every unit here more slowly.
    while (i < text.length) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        const kind = ASCII_KINDS[unit]!;
        if (kind === LETTER) {
          if (unit <= 0x5a && unit >= 0x41) cased = true;
          i += 1;
          continue;
        }
        if (kind !== JOINER || letterOrDigitLengthAt(text, i + 1) === 0) break;
        if (unit === 0x60) curly = true;
        i += 1;
        continue;
      }
      const step = letterOrDigitLengthAt(text, i);
      if (step > 0) {
        cased = true;
        i += step;
        continue;
      }
      if (!APOSTROPHES.has(unit) || letterOrDigitLengthAt(text, i + 1) === 0) break;
      curly = true;
      i += 1;
    }
    const word = curly ? foldApostrophes(text.slice(start, i)) : text.slice(start, i);
    tokens.push({ text: cased ? word.toLowerCase() : word, start, end: i, isBreak: false });
  }
  return tokens;
}

/** The kind of a character beyond ASCII (or past the end: `Other`). */
function kindOf(text: string, i: number): Kind {
  const code = text.charCodeAt(i);
  if (APOSTROPHES.has(code)) return JOINER;
  if (QUOTE_MARKS.has(code) || OTHER_BREAKS.has(code)) return BREAK;
  return letterOrDigitLengthAt(text, i) > 0 ? LETTER : OTHER;
}

/**
 * How many UTF-16 units the letter or digit at `i` takes (a letter outside the BMP takes two), or 0. 'ʼ' is a
 * letter, but it folds to an apostrophe.
 */
function letterOrDigitLengthAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_KINDS[code] === LETTER ? 1 : 0;
  if (APOSTROPHES.has(code)) return 0;
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text) ? LETTER_OR_DIGIT.lastIndex - i : 0;
}
