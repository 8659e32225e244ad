import type { Span } from '../model/analysis.js';

/** A word or punctuation mark with its offsets in the article text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// Words keep inner apostrophes, hyphens and dots ("Moscow’s", "self-confidence", "U.S"); a trailing dot joins
// only abbreviations (see below), so "said." stays a word and a full stop.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[’'\-.&][\p{L}\p{M}\p{N}]+)*|\S/gu;
const ABBREVIATION = /^(?:\p{Lu}(?:\.\p{Lu})*|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Prof|St|Jr|Sr|Messrs|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/u;

/**
 * Splits `text[start, end)` into word and punctuation tokens with offsets into `text`.
 *
 * @example
 * tokenize('U.S. officials said.', 0, 20).map((t) => t.text); // ['U.S.', 'officials', 'said', '.']
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  // An exec loop with an ASCII fast path for "is it a word": this runs over every sentence of every article.
  let swallowed = false;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match !== null; match = TOKEN.exec(slice)) {
    const index = start + match.index;
    let word = match[0];
    const isWord = startsWithLetterOrDigit(word);
    if (isWord && text.charCodeAt(index + word.length) === 0x2e && index + word.length < end && ABBREVIATION.test(word)) {
      word += '.';
      swallowed = true;
    }
    tokens.push({ text: word, start: index, end: index + word.length, isWord });
  }
  // Drop the full stops swallowed into abbreviations.
  return swallowed ? tokens.filter((token, i) => !(i > 0 && token.text === '.' && tokens[i - 1]!.end > token.start)) : tokens;
}

/** The tokens of a sentence of one article, read once however many stages ask for them. */
export type SentenceTokens = (sentence: Span) => readonly Token[];

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
  return (sentence) => {
    let tokens = read.get(sentence);
    if (tokens === undefined) {
      tokens = tokenize(text, sentence.start, sentence.end);
      read.set(sentence, tokens);
    }
    return tokens;
  };
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

/** True for a word that starts with a capital letter. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
