import { indexOfSpan } from '../internal/spans.js';
import type { Span } from '../model/analysis.js';
import { charFinder } from './match-finder.js';
import { isWhiteSpace } from './white-space.js';

/** Words after which a full stop does not end a sentence. */
const TITLES = /\b(?:Mr|Mrs|Ms|Dr|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Brig|Amb|Maj|Cmdr|Cpl|Pvt|Det|Supt|Insp|Atty|Rev|Hon|Del|St|Jr|Sr|No|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$/u;
/** Initials: "U.S.", "J." */
const INITIALS = /(?:^|[^\p{L}])\p{Lu}(?:\.\p{Lu})*\.$/u;
/** Space, then a capital, a digit or an opening mark: what a new sentence starts with. */
const NEW_SENTENCE = /^\s+[\p{Lu}“"‘«„\d]/u;
/** The marks that can end a sentence. */
const STOP_MARKS = '.!?…';
const FULL_STOP = 0x2e;
const ELLIPSIS = 0x2026;

/** A quotation as the splitter needs it: its marks and the end of its content. */
type QuoteMarks = { open: number; end: number; close: number | null };

/**
 * Sentence spans inside each paragraph. A boundary is `.`, `!`, `?` or `…` followed by space and a capital or an
 * opening mark, never inside a quotation (`quotes`), so a sentence holds every quote it contains whole. A quote
 * ending in `?` or `!` and followed by its attribution ("“Why?” Lavrov asked") stays in one sentence.
 *
 * @example
 * findSentences('He left. She stayed.', [{ start: 0, end: 20 }], []); // [{ start: 0, end: 8 }, { start: 9, end: 20 }]
 */
export function findSentences(text: string, paragraphs: readonly Span[], quotes: readonly QuoteMarks[]): Span[] {
  const quoted = quotedRanges(quotes);
  const closers = closingMarks(quotes);
  const sentences: Span[] = [];
  const nextStopMark = charFinder(text, STOP_MARKS);
  // Only stop marks and closing quotation marks can end a sentence: the loop jumps from one to the next (found by
  // native searches and in the sorted closers) instead of visiting every character of the article.
  for (const paragraph of paragraphs) {
    let start = paragraph.start;
    let i = paragraph.start;
    while (i < paragraph.end) {
      const nextMark = nextStopMark(i);
      const closer = closers[lowerBound(closers, i)] ?? text.length;
      i = Math.min(nextMark, closer);
      if (i >= paragraph.end) break;
      const range = indexOfSpan(quoted, i);
      if (range >= 0) {
        i = quoted[range]!.end;
        continue;
      }
      const stop = i === closer && isAfterStop(text, i) ? i + 1 : i === nextMark ? stopAfterMark(text, i, paragraph.start) : -1;
      if (stop < 0 || !startsNewSentence(text, stop)) {
        i++;
        continue;
      }
      sentences.push({ start, end: stop });
      start = stop;
      while (start < paragraph.end && isWhiteSpace(text.charCodeAt(start))) start++;
      i = start;
    }
    if (start < paragraph.end) sentences.push({ start, end: paragraph.end });
  }
  return sentences;
}

/**
 * Where the sentence ends if the stop mark at `at` ends one (just after it), or -1 when the mark belongs to a title
 * ("Mr."), to initials before a name ("U.S. State Department") or to initials inside a name ("J.D. Vance").
 */
function stopAfterMark(text: string, at: number, paragraphStart: number): number {
  if (text.charCodeAt(at) !== FULL_STOP) return at + 1;
  const before = text.slice(Math.max(paragraphStart, at - 12), at + 1);
  // Every title ends in a lower-case ASCII letter, and the initials below need a capital before the stop.
  const previous = text.charCodeAt(at - 1);
  const afterLowerCase = previous >= 0x61 && previous <= 0x7a;
  if (afterLowerCase) return TITLES.test(before) ? -1 : at + 1;
  // Both rules below need initials right before the stop: a capital that no letter precedes ("NATO." is no
  // initial; the second rule's initials follow a space or another initial's stop).
  if (!mayBeCapital(previous) || !endsWithInitial(text, at, Math.max(paragraphStart, at - 12))) return at + 1;
  // "U.S. officials" or "U.S. State Department": a boundary only if a capitalised word and a lower-case word follow.
  if (!capitalisedThenLowerCase(text, at + 1)) return -1;
  // "Senator J.D. Vance": initials after a capitalised word are part of a name.
  if (/\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.)+$/u.test(before)) return -1;
  return at + 1;
}

/**
 * `INITIALS` on `text.slice(from, at + 1)`, which ends in the full stop at `at`: true when a capital comes right
 * before the stop and no letter before the capital (an earlier initial's stop, a space, or `from`). Character codes
 * decide for ASCII; anything else goes to the regex.
 */
function endsWithInitial(text: string, at: number, from: number): boolean {
  const capital = text.charCodeAt(at - 1);
  const beforeCapital = at - 2 < from ? -1 : text.charCodeAt(at - 2);
  if (at - 1 >= from && capital >= 0x41 && capital <= 0x5a && beforeCapital < 0x80) {
    const letter = (beforeCapital >= 0x41 && beforeCapital <= 0x5a) || (beforeCapital >= 0x61 && beforeCapital <= 0x7a);
    return !letter;
  }
  return INITIALS.test(text.slice(from, at + 1));
}

/** `/^\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u` on the 39 characters from `from` ("U.S. officials"); no regex unless a space comes first. */
function capitalisedThenLowerCase(text: string, from: number): boolean {
  return isWhiteSpace(text.charCodeAt(from)) && /^\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text.slice(from, from + 39));
}

/**
 * `NEW_SENTENCE` on the three characters at `at`. Character codes decide the usual case of one ASCII space and an
 * ASCII character (the regex would need a slice and a Unicode match at every boundary); anything else goes to the regex.
 */
function startsNewSentence(text: string, at: number): boolean {
  if (!isWhiteSpace(text.charCodeAt(at))) return false;
  // The pattern sees three characters: a second space leaves one for the capital or mark.
  const second = text.charCodeAt(at + 1);
  const next = isWhiteSpace(second) ? text.charCodeAt(at + 2) : second;
  if (next < 0x80) return (next >= 0x41 && next <= 0x5a) || (next >= 0x30 && next <= 0x39) || next === 0x22;
  if (next === 0x201c || next === 0x2018 || next === 0xab || next === 0x201e) return true;
  return NEW_SENTENCE.test(text.slice(at, at + 3));
}

/**
 * False when the character code is surely no capital letter (`\p{Lu}`): any ASCII character but A–Z, or a
 * character of the Basic Multilingual Plane that is not one; a surrogate, half of a character, may be.
 */
function mayBeCapital(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return /\p{Lu}/u.test(String.fromCharCode(code));
}

/** True when a closing mark at `at` follows a full stop or an ellipsis ("… talks.”"). */
function isAfterStop(text: string, at: number): boolean {
  const previous = text.charCodeAt(at - 1);
  return previous === FULL_STOP || previous === ELLIPSIS;
}

/** The stretches inside quotations (opening mark up to the closing one, or to the content's end), sorted and merged. */
function quotedRanges(quotes: readonly QuoteMarks[]): Span[] {
  const ranges = quotes
    .map((quote) => ({ start: quote.open, end: quote.close ?? quote.end }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

/** Offsets of the closing marks, sorted, each once. */
function closingMarks(quotes: readonly QuoteMarks[]): number[] {
  const offsets = quotes.flatMap((quote) => (quote.close === null ? [] : [quote.close])).sort((a, b) => a - b);
  return offsets.filter((offset, index) => index === 0 || offset !== offsets[index - 1]);
}

/** Index of the first value at or after `offset` in sorted values (their length when there is none). */
function lowerBound(values: readonly number[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
