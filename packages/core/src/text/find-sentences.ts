import type { Span } from '../model/analysis.js';

/** Words after which a full stop does not end a sentence. */
const TITLES = /\b(?:Mr|Mrs|Ms|Dr|Gen|Gens|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Brig|Amb|Maj|Cmdr|Cpl|Pvt|Det|Supt|Insp|Atty|Rev|Hon|St|Jr|Sr|No|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$/u;
/** Initials: "U.S.", "J." */
const INITIALS = /(?:^|[^\p{L}])\p{Lu}(?:\.\p{Lu})*\.$/u;
const FULL_STOP = 0x2e;
const ELLIPSIS = 0x2026;

/**
 * Sentence spans inside each paragraph. A boundary is `.`, `!`, `?` or `…` followed by space and a capital or an
 * opening mark, never inside a quotation (`quotes`), so a sentence holds every quote it contains whole. A quote
 * ending in `?` or `!` and followed by its attribution ("“Why?” Lavrov asked") stays in one sentence.
 *
 * @example
 * findSentences('He left. She stayed.', [{ start: 0, end: 20 }], []); // [{ start: 0, end: 8 }, { start: 9, end: 20 }]
 */
export function findSentences(text: string, paragraphs: readonly Span[], quotes: readonly { open: number; end: number; close: number | null }[]): Span[] {
  const inside = new Uint8Array(text.length + 1);
  for (const quote of quotes) inside.fill(1, quote.open, quote.close ?? quote.end);
  const isCloser = new Uint8Array(text.length + 1);
  for (const quote of quotes) if (quote.close !== null) isCloser[quote.close] = 1;
  const sentences: Span[] = [];
  for (const paragraph of paragraphs) {
    let start = paragraph.start;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      if (inside[i]) continue;
      // Character codes, not one-letter strings and regexes: this loop visits every character of the article.
      const code = text.charCodeAt(i);
      let stop = -1;
      if (isCloser[i] && (text.charCodeAt(i - 1) === FULL_STOP || text.charCodeAt(i - 1) === ELLIPSIS)) stop = i + 1;
      else if (code === FULL_STOP || code === ELLIPSIS || code === 0x21 || code === 0x3f) {
        const ch = text[i]!;
        const before = text.slice(Math.max(paragraph.start, i - 12), i + 1);
        if (ch === '.' && TITLES.test(before)) continue;
        // Both tests below need a capital right before the stop: most stops follow a lower-case letter.
        const previous = text.charCodeAt(i - 1);
        const afterCapital = !(previous >= 0x61 && previous <= 0x7a);
        // "U.S. officials" or "U.S. State Department": a boundary only if a capitalised word and a lower-case word follow.
        if (ch === '.' && afterCapital && INITIALS.test(before) && !/^\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text.slice(i + 1, i + 40))) continue;
        // "Senator J.D. Vance": initials after a capitalised word are part of a name.
        if (ch === '.' && afterCapital && /\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.)+$/u.test(before)) continue;
        stop = i + 1;
      }
      if (stop < 0) continue;
      const rest = text.slice(stop, stop + 3);
      if (!/^\s+[\p{Lu}“"‘«„\d]/u.test(rest)) continue;
      sentences.push({ start, end: stop });
      start = stop;
      while (start < paragraph.end && /\s/.test(text[start]!)) start++;
      i = start - 1;
    }
    if (start < paragraph.end) sentences.push({ start, end: paragraph.end });
  }
  return sentences;
}
