import type { Lexicon } from '../internal/lexicon.js';
import { escapeRegExp } from '../internal/reg-exp.js';
import { isAsciiLetterOrDigitCode } from '../internal/words.js';
import { isWhiteSpace } from '../text/white-space.js';

const cueScanners = new WeakMap<Lexicon, Map<boolean, (sentence: string) => number[]>>();
/**
 * Where a sentence may hold a cue: the offsets of every cue word and cue phrase in it, case-insensitive, found by a
 * scanner built once per lexicon, so the cue stage looks only at those words. For English cue words (lower-case ASCII
 * letters) the scanner reads the sentence word by word and looks each word up (`createWordScanner`); the patterns below are
 * what it answers for, and serve any other lexicon and the sentences it cannot read. A token equal to a cue word, or
 * opening the tokens of a cue phrase, is always one of these hits (a token is bounded by non-word characters and
 * only white space separates two word tokens, and the pattern's word edges are weaker). With ASCII cue words
 * (English) a non-Unicode pattern with ASCII word edges runs about three times faster; the Kelvin sign is the one
 * non-ASCII letter whose lower case is ASCII ("asked" spelled with it), so a sentence holding it is scanned by the
 * Unicode pattern.
 */
export function cueWordScanner(lexicon: Lexicon, withFraming: boolean): (sentence: string) => number[] {
  const scanners = cueScanners.get(lexicon) ?? new Map<boolean, (sentence: string) => number[]>();
  cueScanners.set(lexicon, scanners);
  let scanner = scanners.get(withFraming);
  if (!scanner) {
    // Whole cue phrases, their words apart by white space as their tokens are: a first word alone ("the") would
    // send nearly every sentence to the tokeniser. Framing verbs ("call", "rated") are cues only in a sentence that
    // quotes, so only its scan looks for them.
    const words = [...lexicon.cueVerbs, ...(withFraming ? lexicon.framingVerbs : []), ...lexicon.cuePhrases];
    const escaped = [...new Set(words)].sort((a, b) => b.length - a.length).map((cue) => cue.split(' ').map(escapeRegExp).join('\\s+'));
    const unicode = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const ascii = words.every((word) => /^[\x20-\x7e]+$/.test(word)) ? new RegExp(`(?<![A-Za-z0-9])(?:${escaped.join('|')})(?![A-Za-z0-9])`, 'gi') : null;
    // `\b` edges run about twice as fast as look-arounds, and are the same edges for words that open and close with
    // a letter or digit in a sentence without "_" (the one other \w character).
    const bounded = ascii && words.every((word) => /^[A-Za-z0-9].*[A-Za-z0-9]$|^[A-Za-z0-9]$/.test(word)) ? new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi') : null;
    // With cue words of lower-case ASCII letters only, the bounded pattern's hits are found word by word instead.
    const walk = bounded !== null && words.every((word) => /^[a-z]+(?: [a-z]+)*$/.test(word))
      ? createWordScanner([...new Set(words)].sort((a, b) => b.length - a.length)) : null;
    scanner = (sentence) => {
      const pattern = ascii === null || sentence.includes('\u212a') ? unicode : bounded !== null && !sentence.includes('_') ? bounded : ascii;
      if (pattern === bounded && walk !== null) return walk(sentence);
      const hits: number[] = [];
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence); match !== null; match = pattern.exec(sentence)) hits.push(match.index);
      return hits;
    };
    scanners.set(withFraming, scanner);
  }
  return scanner;
}

/**
 * The hits of `\b(?:cue|cue|…)\b` (case-insensitive, cues in the order given: the first that matches at a place wins
 * and the scan goes on after it) in a sentence without "_" or the Kelvin sign, found by reading each run of ASCII
 * letters and digits once and looking it up, instead of trying every cue at every letter. Cues are lower-case letters,
 * a phrase's words apart by one space that stands for any run of white space.
 */
export function createWordScanner(cues: readonly string[]): (sentence: string) => number[] {
  // By first word, each group in the cues' order: at a word only its group can match.
  const byFirstWord = new Map<string, string[][]>();
  for (const cue of cues) {
    const parts = cue.split(' ');
    const group = byFirstWord.get(parts[0]!);
    if (group) group.push(parts);
    else byFirstWord.set(parts[0]!, [parts]);
  }
  const runEnd = (sentence: string, from: number) => {
    let end = from;
    while (end < sentence.length && isAsciiLetterOrDigitCode(sentence.charCodeAt(end))) end++;
    return end;
  };
  // The end of `parts` read from the word at `start` that ends at `end`, or -1.
  const matchEnd = (sentence: string, parts: readonly string[], end: number): number => {
    let at = end;
    for (let k = 1; k < parts.length; k++) {
      let next = at;
      while (next < sentence.length && isWhiteSpace(sentence.charCodeAt(next))) next++;
      if (next === at) return -1;
      const wordEnd = runEnd(sentence, next);
      if (wordEnd - next !== parts[k]!.length || sentence.slice(next, wordEnd).toLowerCase() !== parts[k]) return -1;
      at = wordEnd;
    }
    return at;
  };
  return (sentence) => {
    const hits: number[] = [];
    let i = 0;
    while (i < sentence.length) {
      if (!isAsciiLetterOrDigitCode(sentence.charCodeAt(i))) {
        i++;
        continue;
      }
      const end = runEnd(sentence, i);
      const group = byFirstWord.get(sentence.slice(i, end).toLowerCase());
      let next = end;
      if (group) {
        for (const parts of group) {
          const at = parts.length === 1 ? end : matchEnd(sentence, parts, end);
          if (at >= 0) {
            hits.push(i);
            next = at;
            break;
          }
        }
      }
      i = next;
    }
    return hits;
  };
}


