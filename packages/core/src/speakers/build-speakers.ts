import type { CountryAttribution, Speaker } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';
import { attributeCountry } from './attribute-country.js';
import type { Entity } from './resolve-speakers.js';

const ORGANIZATION_RULES = new Set(['institution', 'international-organization', 'administration', 'of-country']);

/**
 * Turns the entities that speak into speakers with role, organisation and country. The country comes from the
 * first role that names one (title, then apposition, in text order), from an organisation's or group's own name,
 * and failing those, for a person with a role, from the country most of the article's other speakers speak for or
 * from `hint` (the dateline or the source; low confidence); a person with no role only from a dateline `hint`.
 *
 * @example
 * buildSpeakers([...entities.values()], new Set(['s1']), lexicon)[0].country; // { code: 'US', rule: 'demonym', … }
 */
export function buildSpeakers(entities: readonly Entity[], speaking: ReadonlySet<string>, lexicon: Lexicon, hint: CountryAttribution | null = null): Speaker[] {
  const speakers = entities.filter((entity) => speaking.has(entity.id));
  const countries = speakers.map((entity) => {
    const sources = [...entity.roles.map((role) => role.text), ...(entity.kind === 'person' ? [] : [entity.name])];
    for (const source of sources) {
      const country = attributeCountry(source, lexicon);
      if (country) return country;
    }
    // "PRESIDENT BIDEN:", "Chancellor Scholz": a titled leader the text gives no country for.
    if (entity.kind === 'person' && entity.roles.length > 0) {
      const leader = findKnownLeader([entity.name, ...entity.aliases], lexicon);
      if (leader) return { code: leader.code, rule: 'known-leader', confidence: 0.6, evidence: leader.name };
    }
    return null;
  });
  const votes = new Map<string, number>();
  for (const country of countries) if (country) votes.set(country.code, (votes.get(country.code) ?? 0) + 1);
  const [majority, count] = mostVoted(votes);
  const fallback: CountryAttribution | null = majority && count >= 2
    ? { code: majority, rule: 'article-majority', confidence: 0.35, evidence: `${count} other speakers in the article speak for ${majority}` }
    : hint;
  return speakers.map((entity, index) => {
    // Only someone the text gives a role guesses the article's country from the other speakers; a bare name takes
    // only the dateline ("KYIV, Ukraine (AP) —"): the reporter was there, most people quoted without a role live there.
    // "Its spokeswoman" works for someone else the sentence before named: no guess from the article's majority.
    const someoneElses = entity.roles.some((role) => /^(?:its|their|his|her)\b/i.test(role.text));
    // A surname alone ("Peskov said") is someone the writer expects readers to know, not a local voice.
    const bareName = entity.kind === 'person' && entity.roles.length === 0 && /\s/.test(entity.name) && findKnownLeader([entity.name, ...entity.aliases], lexicon) === null;
    const country = countries[index] ?? (entity.kind === 'person' && entity.roles.length > 0 && !someoneElses ? fallback : null)
      ?? (bareName && hint?.rule === 'dateline' ? { ...hint, confidence: 0.2 } : null);
    const texts = [...new Set(entity.roles.map((role) => role.text.replace(/^(?:the|a|an)\s+/i, '')))];
    // "Adviser" from a titled mention adds nothing to "U.S. National Security Adviser".
    const roles = texts.filter((role) => !texts.some((other) => other !== role && other.includes(role)));
    return {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      role: roles.length ? roles.join('; ') : null,
      organization: country && ORGANIZATION_RULES.has(country.rule) && country.rule !== 'of-country' ? country.evidence : null,
      country,
      aliases: [...entity.aliases],
      merges: [...entity.merges],
    };
  });
}

/**
 * The country with the most votes, ties going to the first in `localeCompare` order (the first `votes` names of those
 * that compare equal); [null, 0] without votes. One pass: the list sorted that way, first entry.
 */
function mostVoted(votes: ReadonlyMap<string, number>): [string | null, number] {
  let best: [string | null, number] = [null, 0];
  for (const [code, count] of votes) {
    if (best[0] === null || count > best[1] || (count === best[1] && code.localeCompare(best[0]) < 0)) best = [code, count];
  }
  return best;
}

/**
 * The known leader a speaker's names point to: a full name must match a full name in the data ("Mayor Brandon
 * Johnson" is not Boris Johnson); names with no given name ("PRESIDENT BIDEN:", "Xi", "Al Thani") match by the
 * last words or, for family names written first, the first word.
 */
function findKnownLeader(names: readonly string[], lexicon: Lexicon): { name: string; code: string } | null {
  const words = (name: string) => name.split(/\s+/);
  // "Al Thani", "von der Leyen": a surname that opens with a particle has no given name.
  const full = names.filter((name) => {
    const nameWords = words(name);
    return nameWords.length > 1 && !lexicon.nameParticles.has(nameWords[0]!.toLowerCase()) && !lexicon.leaders.has(name);
  });
  for (const name of names) {
    const exact = lexicon.leaders.get(name);
    if (exact) return { name, code: exact };
  }
  // A given name the data does not have means another person with the same surname.
  if (full.length > 0) return null;
  const { byLastWords, byFirstWord } = leaderIndex(lexicon);
  for (const name of names) {
    // The first leader in data order whose last words are the name, or whose first word is a one-word name.
    const tail = byLastWords.get(name);
    const head = words(name).length === 1 ? byFirstWord.get(name) : undefined;
    const leader = tail === undefined ? head : head === undefined || tail.order < head.order ? tail : head;
    if (leader) return { name, code: leader.code };
  }
  return null;
}

interface IndexedLeader {
  readonly code: string;
  /** Position in the data: of two leaders a name fits, the earlier one wins. */
  readonly order: number;
}

const leaderIndexes = new WeakMap<Lexicon, { byLastWords: Map<string, IndexedLeader>; byFirstWord: Map<string, IndexedLeader> }>();
/**
 * The known leaders by their last words ("Biden", "Joe Biden"; a name equal to some of a leader's last words has as
 * many words as they do) and by their first word ("Xi"), the first in data order for each key, once per lexicon.
 */
function leaderIndex(lexicon: Lexicon): { byLastWords: Map<string, IndexedLeader>; byFirstWord: Map<string, IndexedLeader> } {
  let index = leaderIndexes.get(lexicon);
  if (!index) {
    index = { byLastWords: new Map(), byFirstWord: new Map() };
    let order = 0;
    for (const [name, code] of lexicon.leaders) {
      const leader = { code, order: order++ };
      const words = name.split(/\s+/);
      for (let from = words.length - 1; from >= 0; from--) {
        const tail = words.slice(from).join(' ');
        if (!index.byLastWords.has(tail)) index.byLastWords.set(tail, leader);
      }
      if (!index.byFirstWord.has(words[0]!)) index.byFirstWord.set(words[0]!, leader);
    }
    leaderIndexes.set(lexicon, index);
  }
  return index;
}
