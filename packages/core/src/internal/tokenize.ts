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
  TOKEN.lastIndex = 0;
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    const index = start + (match.index ?? 0);
    let word = match[0];
    const isWord = /[\p{L}\p{N}]/u.test(word[0] ?? '');
    if (isWord && text[index + word.length] === '.' && index + word.length < end && ABBREVIATION.test(word)) word += '.';
    tokens.push({ text: word, start: index, end: index + word.length, isWord });
  }
  // Drop the full stops swallowed into abbreviations.
  return tokens.filter((token, i) => !(i > 0 && token.text === '.' && tokens[i - 1]!.end > token.start));
}

/** True for a word that starts with a capital letter. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
