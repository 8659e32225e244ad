import type { CountryAttribution } from '../model/analysis.js';
import type { Lexicon, PlaceRule } from '../internal/lexicon.js';
import { tokenize } from '../internal/tokenize.js';
import { isWhiteSpace } from '../text/white-space.js';

/** Prepositions that make a country the subject matter of a role, not its employer: "ambassador to Russia", "expert on Russia". */
const TARGET_PREPOSITIONS = new Set(['to', 'on', 'toward', 'towards', 'about', 'against', 'with', 'into', 'over', 'for', 'in']);

const CONFIDENCE: Readonly<Record<PlaceRule | 'of-country' | 'administration', number>> = {
  demonym: 0.9,
  'country-name': 0.85,
  'of-country': 0.9,
  institution: 0.9,
  'international-organization': 0.9,
  administration: 0.85,
  capital: 0.6,
};

/**
 * The country (or international organisation) a role or name speaks for. The first place the words name wins,
 * except places that are the subject of the role ("former US ambassador to Russia" is US, "an expert on Russia at
 * the Atlantic Council" is US); "of Ukraine" after an institution gives that institution's country; "the former
 * Obama administration" gives the administration's country. Places after "in" count only as a last resort
 * ("a research institute in Washington").
 *
 * @example
 * attributeCountry('former secretary of the National Security Council of Ukraine', lexicon);
 * // { code: 'UA', rule: 'of-country', confidence: 0.9, evidence: 'of Ukraine' }
 */
export function attributeCountry(words: string, lexicon: Lexicon): CountryAttribution | null {
  const tokens = tokenize(words).filter((token) => token.isWord || token.text === ',' || token.text === ';');
  const { longest, firstWords } = placeNameShapes(lexicon);
  let fallback: CountryAttribution | null = null;
  for (let i = 0; i < tokens.length; i++) {
    // Phrases that run past the first white space start with the same word: if no place name starts with it, only the
    // phrases before that space can be places ("former" opens none; "United" may open "United Kingdom").
    const firstWordEnd = endOfWord(words, tokens[i]!.start);
    const mayRunOn = firstWords.has(words.slice(tokens[i]!.start, firstWordEnd));
    for (let length = Math.min(lexicon.longestPlace, tokens.length - i); length >= 1; length--) {
      const end = tokens[i + length - 1]!.end;
      // A phrase longer than any place name with its suffixes names none: not worth a slice and a look-up.
      if (end - tokens[i]!.start > longest + LONGEST_SUFFIX || (end > firstWordEnd && !mayRunOn)) continue;
      const phrase = words.slice(tokens[i]!.start, tokens[i + length - 1]!.end);
      // "Moscow’s", "a Copenhagen-based analyst": the place without its possessive or "-based".
      const stripped = withoutPlaceSuffix(phrase);
      const place = lexicon.places.get(stripped);
      const administration = length === 1 && tokens[i + 1]?.text.toLowerCase() === 'administration' ? lexicon.administrations.get(stripped) : undefined;
      if (!place && !administration) continue;
      const previous = tokens[i - 1]?.text.toLowerCase() ?? '';
      const previous2 = tokens[i - 2]?.text.toLowerCase() ?? '';
      const preposition = previous === 'the' ? previous2 : previous;
      if (administration) {
        return { code: administration, rule: 'administration', confidence: CONFIDENCE.administration, evidence: `${phrase} administration` };
      }
      if (!place) continue;
      // "Georgetown University", "Moscow State University": a capital inside a longer proper name is no place.
      if (place.rule === 'capital' && /^\p{Lu}/u.test(tokens[i + length]?.text ?? '')) continue;
      // "the National Security Council of Ukraine": the "of" country names whose institution it is.
      const ofCountry = readOfCountry(words, tokens, i + length, lexicon);
      if (ofCountry) return ofCountry;
      if (preposition === 'of' && place.rule !== 'capital') {
        return { code: place.code, rule: 'of-country', confidence: CONFIDENCE['of-country'], evidence: `of ${phrase}` };
      }
      // "a spokesperson for the UK Ministry of Defence": a place that opens an institution's name is its employer.
      // "a spokeswoman for the Philippine foreign ministry": the same with one or two words before the organisation noun.
      const next = tokens[i + length];
      const isOrganization = (at: number) => tokens[at] !== undefined && lexicon.organizations.has(tokens[at]!.text.toLowerCase());
      const isModifier = (at: number) => tokens[at] !== undefined && /^\p{Ll}+$/u.test(tokens[at]!.text) && !TARGET_PREPOSITIONS.has(tokens[at]!.text) && !/^(?:of|at|from|by|and|or)$/.test(tokens[at]!.text);
      // Only after "for" (an employer): "an expert on the Russian defence ministry" still speaks of Russia.
      const opensName = next !== undefined && (/^\p{Lu}/u.test(next.text) || isOrganization(i + length)
        || (preposition === 'for' && isModifier(i + length) && (isOrganization(i + length + 1) || (isModifier(i + length + 1) && isOrganization(i + length + 2)))));
      if (TARGET_PREPOSITIONS.has(preposition) && !opensName) {
        if (preposition === 'in' && fallback === null) fallback = { code: place.code, rule: `${place.rule}-location`, confidence: 0.5, evidence: `in ${phrase}` };
        i += length - 1;
        break;
      }
      return { code: place.code, rule: place.rule, confidence: CONFIDENCE[place.rule], evidence: phrase };
    }
  }
  return fallback;
}

/** Characters `withoutPlaceSuffix` may strip: "’s" and then "-based". */
const LONGEST_SUFFIX = 8;

const placeNameShapeCache = new WeakMap<Lexicon, { longest: number; firstWords: ReadonlySet<string> }>();
/**
 * Of all place and administration names, once per lexicon: the length of the longest in characters, and the first
 * word of each (up to its first white space; a one-word name is its own first word).
 */
function placeNameShapes(lexicon: Lexicon): { longest: number; firstWords: ReadonlySet<string> } {
  let shapes = placeNameShapeCache.get(lexicon);
  if (!shapes) {
    const names = [...lexicon.places.keys(), ...lexicon.administrations.keys()];
    shapes = { longest: Math.max(0, ...names.map((name) => name.length)), firstWords: new Set(names.map((name) => name.slice(0, endOfWord(name, 0)))) };
    placeNameShapeCache.set(lexicon, shapes);
  }
  return shapes;
}

/** Offset of the first white space at or after `from`, or the text's length. */
function endOfWord(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++;
  return end;
}

/**
 * The phrase without a final possessive ("Moscow’s") and then without "-based" ("Copenhagen-based"): what
 * `.replace(/[’']s$/u, '').replace(/-based$/u, '')` returns, without running two regexes for every phrase tried.
 */
function withoutPlaceSuffix(phrase: string): string {
  // Both suffixes end in "s" or "d": most phrases end otherwise.
  const last = phrase.charCodeAt(phrase.length - 1);
  if (last !== 0x73 && last !== 0x64) return phrase;
  const ownerless = phrase.endsWith('’s') || phrase.endsWith("'s") ? phrase.slice(0, -2) : phrase;
  return ownerless.endsWith('-based') ? ownerless.slice(0, -6) : ownerless;
}

function readOfCountry(words: string, tokens: ReturnType<typeof tokenize>, at: number, lexicon: Lexicon): CountryAttribution | null {
  if (tokens[at]?.text !== 'of') return null;
  const first = tokens[at + 1]?.text === 'the' ? at + 2 : at + 1;
  for (let length = Math.min(lexicon.longestPlace, tokens.length - first); length >= 1; length--) {
    const phrase = words.slice(tokens[first]!.start, tokens[first + length - 1]!.end);
    const place = lexicon.places.get(phrase);
    if (place && place.rule !== 'capital') return { code: place.code, rule: 'of-country', confidence: CONFIDENCE['of-country'], evidence: `of ${phrase}` };
  }
  return null;
}
