import { distance } from 'fastest-levenshtein';
import { doubleMetaphone } from 'double-metaphone';
import type { Span, SpeakerKind, SpeakerMerge } from '../model/analysis.js';
import { escapeRegExp } from '../internal/reg-exp.js';
import type { SpeakerPhrase } from './parse-speaker-phrase.js';

/** A phrase naming someone, at a position in the text: a speech cue's speaker or a sentence subject. */
export interface Mention {
  readonly phrase: SpeakerPhrase;
  /** True when a later "he" or "she" may point to this mention (speakers and sentence subjects, not every name). */
  readonly antecedent: boolean;
  /** A lone surname seen as a sentence subject: it refers to a person already known, or to nobody. */
  readonly onlyIfKnown?: boolean;
}

/** One entity the article talks about, as the mentions built it. */
export interface Entity {
  readonly id: string;
  name: string;
  readonly kind: SpeakerKind;
  readonly aliases: Set<string>;
  readonly merges: SpeakerMerge[];
  /** Role texts with their spans, in text order ("Kremlin spokesman", "a senior defense official in …"). */
  readonly roles: { readonly text: string; readonly span: Span }[];
  /** Known from "Mr."/"Ms." or from an earlier "he"/"she" that pointed here; keeps "she" off a "he". */
  gender: 'he' | 'she' | null;
  /** Where `gender` came from: a given-name list ("Andrea" is a woman's name in one culture, a man's in another)
   * yields to an honorific or a pronoun that pointed here. */
  genderFrom: 'honorific' | 'pronoun' | 'given-name' | null;
}

export interface Resolution {
  readonly entity: string | null;
  readonly rule: string;
  readonly confidence: number;
}

export interface ResolvedMentions {
  readonly resolutions: readonly Resolution[];
  readonly entities: ReadonlyMap<string, Entity>;
}

const UNRESOLVED: Resolution = { entity: null, rule: 'unresolved', confidence: 0 };
/** Surnames shorter than this never merge by spelling: "Li" and "Le" are different people. */
const MIN_VARIANT_LENGTH = 5;

const surnameOf = (name: string) => (name.split(/\s+/).at(-1) ?? name).replace(/[’']s$/u, '');
const givenOf = (name: string) => (name.split(/\s+/).length > 1 ? name.split(/\s+/)[0]! : null);
const normalize = (name: string) => memoised(normalizedNames, name, normalizeName);
const normalizeName = (name: string) => name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').replace(/^the /, '');
/** A role or description as compared across mentions: "The finance minister" and "the finance minister" match. */
const normalizeRole = (role: string) => memoised(normalizedRoles, role, (text) => normalize(text).replace(/^(?:a|an|the) /, '').replace(/[’']/g, "'"));
// Names and roles are compared with every known entity at each mention: the same few strings, normalised again and
// again (about a tenth of the pipeline's time before these memos). Bounded like the metaphone memo below.
const normalizedNames = new Map<string, string>();
const normalizedRoles = new Map<string, string>();
function memoised(memo: Map<string, string>, text: string, compute: (text: string) => string): string {
  let value = memo.get(text);
  if (value === undefined) {
    value = compute(text);
    if (memo.size > 50_000) memo.clear();
    memo.set(text, value);
  }
  return value;
}
const roleHeadPatterns = new Map<string, RegExp>();
/** The head of a definite description as a word of a role ("official" in "a senior official"), compiled once per head. */
function roleHeadPattern(head: string): RegExp {
  let pattern = roleHeadPatterns.get(head);
  if (pattern === undefined) {
    pattern = new RegExp(`\\b${head}\\b`, 'i');
    if (roleHeadPatterns.size > 5_000) roleHeadPatterns.clear();
    roleHeadPatterns.set(head, pattern);
  }
  return pattern;
}

/** The first entity of a kind (in creation order) whose normalised name is `normalized`. */
function findByName(entities: ReadonlyMap<string, Entity>, kind: SpeakerKind, normalized: string): Entity | undefined {
  for (const known of entities.values()) if (known.kind === kind && normalize(known.name) === normalized) return known;
  return undefined;
}

const headWordPatterns = new Map<string, RegExp>();
/** The head noun as a whole word in any case ("ministry" in "the Foreign Ministry"), compiled once per noun. */
function headWordPattern(head: string): RegExp {
  let pattern = headWordPatterns.get(head);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(head)}(?![\\p{L}])`, 'iu');
    if (headWordPatterns.size > 5_000) headWordPatterns.clear();
    headWordPatterns.set(head, pattern);
  }
  return pattern;
}

const headWordAnswers = new Map<string, Map<string, boolean>>();
/** Whether `name` holds `head` as a whole word (`headWordPattern`), answered once per name and head: each "the group
 * said" is tested against every organisation the article named. */
function hasHeadWord(name: string, head: string): boolean {
  let byName = headWordAnswers.get(head);
  if (byName === undefined) {
    if (headWordAnswers.size > 5_000) headWordAnswers.clear();
    headWordAnswers.set(head, (byName = new Map()));
  }
  let answer = byName.get(name);
  if (answer === undefined) {
    // Compiling the Unicode pattern costs about a millisecond per head (its letter class closed under case folding):
    // a name whose letters are all ASCII ("Trump’s campaign" too), most names, is answered without it.
    answer = isAscii(head) && !NON_ASCII_LETTER.test(name) ? hasAsciiWord(name, head) : headWordPattern(head).test(name);
    if (byName.size > 5_000) byName.clear();
    byName.set(name, answer);
  }
  return answer;
}

/** `headWordPattern(word).test(text)` for an ASCII word and a text with no letter beyond ASCII: the ASCII letters are
 * then the only letters, case folding pairs only A–Z with a–z (the two other characters that fold to ASCII, the
 * Kelvin sign and the long s, are letters), and lower-casing moves no offset (only letters change length). */
function hasAsciiWord(text: string, word: string): boolean {
  const lowerText = text.toLowerCase();
  const lowerWord = word.toLowerCase();
  for (let at = lowerText.indexOf(lowerWord); at >= 0 && at <= lowerText.length; at = lowerText.indexOf(lowerWord, at + 1)) {
    if (!isAsciiLowerLetter(lowerText.charCodeAt(at - 1)) && !isAsciiLowerLetter(lowerText.charCodeAt(at + lowerWord.length))) return true;
    if (at === lowerText.length) break;
  }
  return false;
}

const isAsciiLowerLetter = (code: number) => code >= 0x61 && code <= 0x7a;
const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);
const NON_ASCII_LETTER = /(?![\x00-\x7f])\p{L}/u;

/** Description heads that name no role anyone holds: an age ("the 45-year-old"), a cap ("the Poland international"). */
const NAMES_NO_ROLE = /^(?:(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)-year-old|international)$/;

/** Organisation nouns that stand for whichever organisation was named last ("the group said"). */
const GENERIC_ORGANIZATION_HEADS = new Set(['group', 'organisation', 'organization', 'company', 'firm', 'body']);

const metaphoneKeys = new Map<string, string>();
/** The primary Double Metaphone key, memoised: names repeat. */
function metaphoneKey(word: string): string {
  let key = metaphoneKeys.get(word);
  if (key === undefined) {
    key = doubleMetaphone(word)[0];
    if (metaphoneKeys.size > 50_000) metaphoneKeys.clear();
    metaphoneKeys.set(word, key);
  }
  return key;
}

/** A person name taken apart once: names are compared with every person known at each mention. */
interface NameParts {
  readonly normalized: string;
  readonly words: readonly string[];
  readonly surname: string;
  readonly given: string | null;
}

const nameParts = new Map<string, NameParts>();
function partsOf(name: string): NameParts {
  let parts = nameParts.get(name);
  if (parts === undefined) {
    const words = name.split(/\s+/);
    parts = { normalized: normalize(name), words, surname: surnameOf(name), given: givenOf(name) };
    if (nameParts.size > 50_000) nameParts.clear();
    nameParts.set(name, parts);
  }
  return parts;
}

/** Both names have a given name and the two begin differently ("Raymond Dufresne", "Claire Dufresne"). */
function hasOtherGivenName(known: NameParts, mention: NameParts): boolean {
  const a = known.given;
  const b = mention.given;
  return a !== null && b !== null && a[0]!.toLowerCase() !== b[0]!.toLowerCase();
}

/** Why two person names are one person, or null when they are not. */
export function explainSameName(known: string, mention: string): string | null {
  return explainSameParts(partsOf(known), partsOf(mention), mention);
}

/** `explainSameName` of two names already taken apart: a mention is compared with every person known. */
function explainSameParts(a: NameParts, b: NameParts, mention: string): string | null {
  if (a.normalized === b.normalized) return 'same name';
  const knownSurname = a.surname;
  const surname = b.surname;
  const knownGiven = a.given;
  const given = b.given;
  if (knownGiven && given && knownGiven[0]!.toLowerCase() !== given[0]!.toLowerCase()) return null;
  if (knownSurname === surname) return knownGiven && given ? null : `surname-only reference (${surname})`;
  // "Wang Wenbin" … "Wang said": family name first.
  const knownWords = a.words;
  if (!given && knownWords.length === 2 && knownWords[0] === mention) return `family name first (${mention})`;
  if (knownSurname.length < MIN_VARIANT_LENGTH || surname.length < MIN_VARIANT_LENGTH) return null;
  if (Math.abs(knownSurname.length - surname.length) > 2 || knownSurname[0]!.toLowerCase() !== surname[0]!.toLowerCase()) return null;
  const edits = distance(knownSurname.toLowerCase(), surname.toLowerCase());
  const primary = metaphoneKey(knownSurname);
  const otherPrimary = metaphoneKey(surname);
  if (edits <= 1 || (edits <= 2 && primary === otherPrimary)) {
    return `spelling variant: ${knownSurname} / ${surname} (edit distance ${edits}${primary === otherPrimary ? `, same Double Metaphone key ${primary}` : ''})`;
  }
  return null;
}

/**
 * Resolves mentions to entities in text order: names merge with earlier names of the same person (surname-only,
 * spelling variants; each merge recorded with its reason), "he"/"she" take the latest person, "they" the latest
 * group, "the official" the latest speaker whose role has that word, organisations and groups by their name.
 * A person's pronoun comes from an honorific, an earlier "he"/"she", or `genderOf` their given name, in that order of
 * trust, so "she said" skips the latest man.
 *
 * @example
 * resolveMentions(mentions).resolutions.map((r) => r.entity); // ['p1', 'p1', 'o2']
 */
/** Tells the pronoun a given name usually takes, or null when unknown: a stage is handed it, so tests can pass their own. */
export type GenderOfGivenName = (given: string) => 'he' | 'she' | null;

/** The capitalised words of a description other than its head and a leading article ("Indiana" in "Indiana governor"). */
function properModifiers(name: string, head: string): string[] {
  return name.split(/\s+/).filter((word, i) => /^\p{Lu}/u.test(word) && word.toLowerCase() !== head && !(i === 0 && /^(?:The|A|An)$/.test(word)));
}

/** How many times a person must be named before an unmatched definite description ("the GOP nominee") means them. */
const SALIENT_NAMINGS = 3;

export function resolveMentions(mentions: readonly Mention[], genderOf: GenderOfGivenName = () => null): ResolvedMentions {
  const entities = new Map<string, Entity>();
  const resolutions: Resolution[] = [];
  // People in order of their latest mention that may be an antecedent, most recent last.
  const recent: Entity[] = [];
  let lastGroup: Entity | null = null;
  let lastOrganization: Entity | null = null;
  const definite = new Map<string, Entity>();
  let created = 0;
  // Organisations in order of creation, and unnamed people by their description, for the lookups below.
  const organizations: Entity[] = [];
  const unnamed = new Map<string, Entity>();
  const create = (kind: SpeakerKind, name: string) => {
    // Numbered by creation, not by the map's size: merged descriptions leave the map.
    const entity: Entity = { id: `s${++created}`, name, kind, aliases: new Set(), merges: [], roles: [], gender: null, genderFrom: null };
    entities.set(entity.id, entity);
    if (kind === 'organization') organizations.push(entity);
    if (kind === 'person') persons.push(entity);
    return entity;
  };
  // People in order of creation (merged descriptions leave `entities`, and are skipped); `people()` is the latest first.
  const persons: Entity[] = [];
  const people = () => {
    const latestFirst: Entity[] = [];
    for (let i = persons.length - 1; i >= 0; i--) if (entities.has(persons[i]!.id)) latestFirst.push(persons[i]!);
    return latestFirst;
  };
  // How often each person was named so far: the one named most (at least SALIENT_NAMINGS times) is who the article is about.
  const namedCount = new Map<Entity, number>();
  const salientPerson = () => {
    let best: Entity | null = null;
    for (const [person, count] of namedCount) {
      if (count >= SALIENT_NAMINGS && entities.has(person.id) && (best === null || count > namedCount.get(best)!)) best = person;
    }
    return best;
  };
  // Descriptions later named ("The finance minister said …" … "The finance minister, João Ferreira,"): merged at the end.
  const redirect = new Map<string, string>();
  // Definite descriptions no one held, with the person the article was about when each was first written.
  const salientOf = new Map<Entity, Entity>();
  for (const { phrase, antecedent, onlyIfKnown } of mentions) {
    let entity: Entity | null = null;
    let describedSalient: Entity | null = null;
    let rule = 'named';
    let confidence = 0.95;
    if (phrase.kind === 'pronoun') {
      const pronoun = phrase.head;
      if (pronoun === 'it') entity = lastOrganization;
      // "The company said … “We apologise,” they said.": with no group named, "they" is the latest organisation.
      else if (pronoun === 'they') entity = lastGroup ?? lastOrganization;
      else {
        entity = recent.findLast((person) => person.gender === null || person.gender === pronoun) ?? null;
        if (entity) {
          entity.gender = pronoun as 'he' | 'she';
          entity.genderFrom = entity.genderFrom === 'honorific' ? 'honorific' : 'pronoun';
        }
      }
      rule = pronoun === 'it' || (pronoun === 'they' && entity !== null && entity === lastOrganization && lastGroup === null) ? 'pronoun-latest-organization'
        : pronoun === 'they' ? 'pronoun-latest-group' : 'pronoun-latest-person';
      confidence = 0.75;
    } else if (phrase.kind === 'organization' && phrase.definite && lastOrganization !== null && !phrase.name.includes(' ')) {
      // "the group said", "the ministry said": the latest organisation of that kind, or of any kind for a generic noun.
      const head = phrase.head;
      const named = organizations.findLast((known) => known !== lastOrganization && hasHeadWord(known.name, head));
      entity = lastOrganization !== null && hasHeadWord(lastOrganization.name, head) ? lastOrganization : named ?? (GENERIC_ORGANIZATION_HEADS.has(head) ? lastOrganization : null);
      rule = 'definite-organization';
      confidence = 0.75;
    } else if (phrase.kind === 'name' || (phrase.kind === 'organization' && !phrase.name.includes(' '))) {
      // A lone place-like word ("Warsaw said") is a person when the article already knows someone by that surname.
      // The people latest first, as `people()` lists them, without building the list for each name.
      const mentioned = partsOf(phrase.name);
      for (let i = persons.length - 1; i >= 0; i--) {
        const known = persons[i]!;
        if (!entities.has(known.id)) continue;
        const knownParts = partsOf(known.name);
        let reason = explainSameParts(knownParts, mentioned, phrase.name);
        // "Raymond Dufresne … Dufresne said … His wife, Claire Dufresne": a different given name is another person,
        // even though the first one's surname-only alias would match her.
        if (reason === null && hasOtherGivenName(knownParts, mentioned)) continue;
        for (const alias of known.aliases) reason ??= explainSameParts(partsOf(alias), mentioned, phrase.name);
        if (!reason) continue;
        entity = known;
        rule = reason === 'same name' ? 'named' : 'merged-name';
        if (reason !== 'same name' && !known.aliases.has(phrase.name) && known.name !== phrase.name) {
          // Keep the fullest form as the canonical name.
          const fuller = phrase.name.split(/\s+/).length > known.name.split(/\s+/).length;
          const [canonical, alias] = fuller ? [phrase.name, known.name] : [known.name, phrase.name];
          known.name = canonical;
          known.aliases.delete(canonical);
          known.aliases.add(alias);
          known.merges.push({ alias, into: canonical, reason });
        }
        break;
      }
      if (!entity && phrase.kind === 'name' && onlyIfKnown !== true) {
        entity = create('person', phrase.name);
        const given = givenOf(phrase.name);
        if (given && !phrase.honorific) {
          entity.gender = genderOf(given);
          entity.genderFrom = entity.gender === null ? null : 'given-name';
        }
      }
    } else if (phrase.kind === 'description' && phrase.definite) {
      // "The President" keeps meaning whom it first meant: a transcript's "THE PRESIDENT:" does not drift to another
      // president the speaker mentions.
      const head = phrase.head;
      const key = normalize(phrase.name);
      const headWord = roleHeadPattern(head);
      // "the Indiana governor", "the Republican nominee": a proper noun in the description must be in what the text
      // says of the person (a role, or the name), or it means someone else ("Democratic nominee Hillary Clinton" is no
      // Republican nominee); with no one it fits, the description stays who it is. Only the person the article is about
      // ("The GOP nominee complained", below) needs no fit: measured, requiring it there lost more than it won.
      const modifiers = properModifiers(phrase.name, head);
      const fits = (known: Entity) => modifiers.every((word) => known.name.includes(word) || known.roles.some((role) => role.text.includes(word)));
      const hasHead = (known: Entity) => fits(known) && known.roles.some((role) => headWord.test(role.text));
      // The most recently mentioned match first: "the official" after two officials means the latest one.
      // "the 45-year-old said", "said the Poland international": an age or a cap names no role, so it means the
      // latest person, as "he" or "she" would.
      // A subject ("the mayor posted …", `onlyIfKnown`) means only someone who holds that role.
      entity = onlyIfKnown === true
        ? recent.findLast(hasHead) ?? people().find(hasHead) ?? null
        : NAMES_NO_ROLE.test(head) ? recent.at(-1) ?? null : recent.findLast(hasHead) ?? definite.get(key) ?? people().find(hasHead) ?? null;
      if (entity !== null && !NAMES_NO_ROLE.test(head) && !fits(entity)) entity = null;
      rule = 'definite-description';
      confidence = 0.7;
      // With no one holding that role, the description is not handed to the latest person the text gave no role
      // ("… the moderator said", "the organizer told them"): on PolNeAR that person was meant for 3 of 21 quotations.
      if (entity) definite.set(key, entity);
      // "The GOP nominee complained …" opening a sentence where no one holds that role points back at the person the
      // article is about so far, unless a name comes to it later (below); after its verb ("said the commander, who
      // gave only his call sign, Fox") a description introduces someone new.
      // A possessive names someone else the description belongs to ("The prime minister's official spokesman").
      else if (onlyIfKnown !== true && phrase.text.startsWith('The ') && !/[’']s\s/.test(phrase.text)) describedSalient = salientPerson();
    }
    if (!entity && phrase.kind !== 'pronoun' && phrase.kind !== 'name' && onlyIfKnown !== true) {
      const kind: SpeakerKind = phrase.kind === 'group' ? 'group' : phrase.kind === 'organization' ? 'organization' : 'person';
      // An organisation known only by a common noun keeps its determiner, as the text wrote it ("the commission",
      // "its union"): "commission" alone reads as a name.
      const name = phrase.kind === 'organization' && !/\p{Lu}/u.test(phrase.name) && phrase.text.length > phrase.name.length
        ? phrase.text.replace(/^The\b/, 'the') : phrase.name;
      entity = findByName(entities, kind, normalize(name)) ?? create(kind, name);
      if (phrase.kind === 'description' && !unnamed.has(normalizeRole(entity.name))) unnamed.set(normalizeRole(entity.name), entity);
      if (describedSalient !== null && !salientOf.has(entity)) salientOf.set(entity, describedSalient);
      rule = phrase.kind;
      confidence = phrase.kind === 'description' ? 0.6 : 0.85;
    }
    if (!entity) {
      resolutions.push(UNRESOLVED);
      continue;
    }
    if (phrase.kind === 'name' && entity.kind === 'person') {
      for (const role of phrase.roles) {
        const described = unnamed.get(normalizeRole(role.text));
        if (described === undefined || described === entity) continue;
        unnamed.delete(normalizeRole(role.text));
        redirect.set(described.id, entity.id);
        entities.delete(described.id);
        entity.merges.push({ alias: described.name, into: entity.name, reason: `description named later (${described.name})` });
        const at = recent.indexOf(described);
        if (at >= 0) recent.splice(at, 1);
      }
    }
    if (phrase.kind !== 'pronoun') entity.roles.push(...phrase.roles);
    // "Mr." or "Ms." outranks the given-name list and a pronoun that guessed.
    if (phrase.honorific && entity.kind === 'person' && entity.genderFrom !== 'honorific') {
      entity.gender = phrase.honorific;
      entity.genderFrom = 'honorific';
    }
    if (antecedent && entity.kind === 'person') {
      const at = recent.indexOf(entity);
      if (at >= 0) recent.splice(at, 1);
      recent.push(entity);
    }
    if (antecedent && entity.kind === 'group') lastGroup = entity;
    if (antecedent && entity.kind === 'organization') lastOrganization = entity;
    if (entity.kind === 'person' && phrase.kind === 'name') namedCount.set(entity, (namedCount.get(entity) ?? 0) + 1);
    resolutions.push({ entity: entity.id, rule, confidence });
  }
  // A definite description never named ("the GOP nominee", "the New York businessman") is the article's main person.
  for (const [described, person] of salientOf) {
    if (!entities.has(described.id) || !entities.has(person.id)) continue;
    redirect.set(described.id, person.id);
    entities.delete(described.id);
    person.merges.push({ alias: described.name, into: person.name, reason: `description of the person most named (${described.name})` });
  }
  const final = redirect.size === 0 ? resolutions : resolutions.map((resolution) => {
    const target = resolution.entity === null ? undefined : redirect.get(resolution.entity);
    return target === undefined ? resolution : { ...resolution, entity: target };
  });
  return { resolutions: final, entities };
}
