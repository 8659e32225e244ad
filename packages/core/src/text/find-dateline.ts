import type { CountryAttribution, Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';

// "WASHINGTON —", "KYIV, Ukraine (Reuters) -", "MOSCOW (AP) —" at the start of a paragraph.
const DATELINE = /^([A-Z][A-Z.'’ -]{2,30}?)(?:,\s*([A-Z][A-Za-z. ]{1,30}?))?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s/;

const titleCase = (words: string) => words.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

// A country or capital ("KYIV, Ukraine"), else a major city that is no capital ("CHICAGO").
const lookUp = (name: string, lexicon: Lexicon): string | undefined => lexicon.places.get(name)?.code ?? lexicon.cities.get(name);

/**
 * The country of the article's dateline, if its first paragraphs open with one: the place the reporting comes
 * from, a last-resort hint for speakers the text gives no country.
 *
 * @example
 * findDateline('WASHINGTON — The Senate voted.', [{ start: 0, end: 30 }], lexicon); // { code: 'US', rule: 'dateline', … }
 */
export function findDateline(text: string, paragraphs: readonly Span[], lexicon: Lexicon): CountryAttribution | null {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const match = DATELINE.exec(text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 80)));
    if (!match) continue;
    for (const name of [match[2], match[1]]) {
      if (name === undefined) continue;
      const code = lookUp(name.trim(), lexicon) ?? lookUp(titleCase(name.trim()), lexicon);
      if (code) return { code, rule: 'dateline', confidence: 0.3, evidence: match[0].trim() };
    }
  }
  return null;
}
