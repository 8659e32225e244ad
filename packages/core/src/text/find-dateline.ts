import type { CountryAttribution, Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';

// "WASHINGTON —", "KYIV, Ukraine (Reuters) -", "MOSCOW (AP) —" at the start of a paragraph.
const DATELINE = /^([A-Z][A-Z.'’ -]{2,30}?)(?:,\s*([A-Z][A-Za-z. ]{1,30}?))?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s/;

// A country or capital ("KYIV, Ukraine"), else a major city that is no capital ("CHICAGO").
const lookUp = (name: string, lexicon: Lexicon): string | undefined => lexicon.places.get(name)?.code ?? lexicon.cities.get(name);

const placesByLowerCase = new WeakMap<Lexicon, Map<string, string>>();
/**
 * A dateline's capitals in any case ("RIO DE JANEIRO", "KYIV"): places and cities by their lower case, built once per
 * lexicon. Title-casing the capitals would miss "Rio de Janeiro" and "Port-au-Prince".
 */
function lookUpAnyCase(name: string, lexicon: Lexicon): string | undefined {
  let index = placesByLowerCase.get(lexicon);
  if (index === undefined) {
    index = new Map();
    // Cities first, places over them, so a place wins when both hold a name, as in `lookUp`.
    for (const [city, code] of lexicon.cities) index.set(city.toLowerCase(), code);
    for (const [place, entry] of lexicon.places) index.set(place.toLowerCase(), entry.code);
    placesByLowerCase.set(lexicon, index);
  }
  return index.get(name.toLowerCase());
}

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
      const code = lookUp(name.trim(), lexicon) ?? lookUpAnyCase(name.trim(), lexicon);
      if (code) return { code, rule: 'dateline', confidence: 0.3, evidence: match[0].trim() };
    }
  }
  return null;
}
