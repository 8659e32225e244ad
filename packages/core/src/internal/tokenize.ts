import type { Span } from '../model/analysis.js';

/** A word or punctuation mark with its offsets in the article text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// Words keep inner apostrophes, hyphens and dots ("Moscow’s", "self-confidence", "U.S"); a trailing dot joins
// only abbreviations (see below), so "said." stays a word and a full stop. A token is what
// /[\p{L}\p{M}\p{N}]+(?:[’'\-.&][\p{L}\p{M}\p{N}]+)*|\S/gu would match, read by character code below (this runs
// over every sentence of every article; a regular-expression match allocates an array per token).
const ABBREVIATION = /^(?:\p{Lu}(?:\.\p{Lu})*|Mr|Mrs|Ms|Dr|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Brig|Amb|Maj|Cmdr|Cpl|Pvt|Det|Supt|Insp|Atty|Rev|Hon|Del|St|Jr|Sr|Messrs|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/u;

/**
 * Splits `text[start, end)` into word and punctuation tokens with offsets into `text`.
 *
 * @example
 * tokenize('U.S. officials said.', 0, 20).map((t) => t.text); // ['U.S.', 'officials', 'said', '.']
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  // Read within [start, end), as a pattern matched on that slice would: a letter cut at `end` ends there. The text
  // is read in place (a slice of it would add an indirection to every character read).
  let swallowed = false;
  let i = start;
  while (i < end) {
    if (isSpaceAt(text, i)) {
      i++;
      continue;
    }
    const from = i;
    let step = wordCharLengthAt(text, i, end);
    if (step === 0) i += otherCharLengthAt(text, i, end);
    else {
      // A run of letters, marks and digits, then more runs joined by one of ’ ' - . &
      i += step;
      for (;;) {
        while ((step = wordCharLengthAt(text, i, end)) > 0) i += step;
        const joined = i < end && isJoiner(text.charCodeAt(i)) ? wordCharLengthAt(text, i + 1, end) : 0;
        if (joined === 0) break;
        i += 1 + joined;
      }
    }
    let word = text.slice(from, i);
    const isWord = startsWithLetterOrDigit(word);
    if (isWord && i < end && text.charCodeAt(i) === 0x2e && ABBREVIATION.test(word)) {
      word += '.';
      swallowed = true;
    }
    tokens.push({ text: word, start: from, end: from + word.length, isWord });
  }
  // Drop the full stops swallowed into abbreviations.
  return swallowed ? tokens.filter((token, i) => !(i > 0 && token.text === '.' && tokens[i - 1]!.end > token.start)) : tokens;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/uy;
const SPACE = /\s/y;

/**
 * How many UTF-16 units the letter, mark or digit at `i` takes (a letter outside the BMP takes two), or 0; half a
 * pair is no letter, as in a slice cut there.
 */
function wordCharLengthAt(text: string, i: number, end: number): number {
  if (i >= end) return 0;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0;
  // Half a pair is no letter: a high surrogate cut at `end`, or a low one at the start of the range (the pattern
  // would step back to the whole pair before it).
  if ((code >= 0xd800 && code <= 0xdbff && i + 1 >= end) || (code >= 0xdc00 && code <= 0xdfff)) return 0;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? WORD_CHAR.lastIndex - i : 0;
}

/** `\s` at `i` (every such character is one UTF-16 unit). */
function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  SPACE.lastIndex = i;
  return SPACE.test(text);
}

/** The length of the one character at `i`: two units for a surrogate pair, as a `u` pattern reads it (not one cut at `end`). */
function otherCharLengthAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= end) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** ’ ' - . & : the marks that join two runs of letters into one word. */
function isJoiner(code: number): boolean {
  return code === 0x2019 || code === 0x27 || code === 0x2d || code === 0x2e || code === 0x26;
}

/**
 * The tokens of a sentence of one article, read once however many stages ask for them; `upTo` gives the tokens of
 * its opening up to `end` (as `tokenize(text, sentence.start, end)`), cut from the whole sentence's tokens when they
 * were read already, else read alone, so a stage that looks only at sentence openings does not read whole sentences.
 */
export interface SentenceTokens {
  (sentence: Span): readonly Token[];
  upTo(sentence: Span, end: number): readonly Token[];
}

/**
 * Tokens per sentence of `text`, each sentence tokenised on first request and kept for later ones (keyed by the
 * sentence object, so only spans of the same sentence list share). Made once per article and handed to the stages.
 *
 * @example
 * const tokensOf = createSentenceTokens('He said. She said.');
 * tokensOf(sentences[1]).map((t) => t.text); // ['She', 'said', '.']
 */
export function createSentenceTokens(text: string): SentenceTokens {
  const read = new Map<Span, readonly Token[]>();
  const tokensOf = (sentence: Span) => {
    let tokens = read.get(sentence);
    if (tokens === undefined) {
      tokens = tokenize(text, sentence.start, sentence.end);
      read.set(sentence, tokens);
    }
    return tokens;
  };
  const upTo = (sentence: Span, end: number) => {
    const tokens = read.get(sentence);
    return tokens === undefined ? tokenize(text, sentence.start, end) : tokensUpTo(text, tokens, end);
  };
  return Object.assign(tokensOf, { upTo });
}

/**
 * The tokens `tokenize(text, start, end)` gives, from the tokens of a longer stretch that starts at the same
 * `start` (`tokens`): the ones that end by `end` are the same, and only a word cut at `end` is read again.
 *
 * @example
 * tokensUpTo(text, tokenize(text, 0, 100), 40); // deep-equal to tokenize(text, 0, 40)
 */
export function tokensUpTo(text: string, tokens: readonly Token[], end: number): readonly Token[] {
  let kept = 0;
  while (kept < tokens.length && tokens[kept]!.end <= end) kept++;
  if (kept === tokens.length) return tokens;
  const from = tokens[kept]!.start;
  return from >= end ? tokens.slice(0, kept) : [...tokens.slice(0, kept), ...tokenize(text, from, end)];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `/[\p{L}\p{N}]/u` on the first UTF-16 unit of `word`, by code for ASCII. */
function startsWithLetterOrDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return LETTER_OR_DIGIT.test(word[0]!);
}

/** True for a word that starts with a capital letter (ASCII by character code: this is asked of most tokens). */
export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}
