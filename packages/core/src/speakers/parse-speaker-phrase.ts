import type { Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';
import { isCapitalized, tokenize, type Token } from '../internal/tokenize.js';

/** What a speaker phrase next to a speech cue says about the speaker, before identities are resolved. */
export interface SpeakerPhrase {
  /** The phrase as written, apposition excluded. */
  readonly span: Span;
  readonly text: string;
  /**
   * `name`: a person's name ("Kremlin spokesman Dmitry Peskov"); `description`: a person without a name
   * ("the official"); `organization` ("the White House", "Ukraine"); `group` ("senior U.S. officials");
   * `pronoun` ("he", "they").
   */
  readonly kind: 'name' | 'description' | 'organization' | 'group' | 'pronoun';
  /** The proper name without honorifics, for `name`; the phrase without a leading "the" otherwise. */
  readonly name: string;
  /** Title and apposition words: "Kremlin spokesman", "a senior defense official in the former Obama administration". */
  readonly role: string | null;
  /** Each role part as written with its span: the title before the name, the apposition after it. */
  readonly roles: readonly { readonly text: string; readonly span: Span }[];
  /** The head noun, lower case ("official", "officials", "ministry"), or the pronoun. */
  readonly head: string;
  /** True for "the official", "this spokesman": a reference back to someone named before. */
  readonly definite: boolean;
  /** The pronoun an honorific implies: "Mr." → he, "Ms."/"Mrs." → she. */
  readonly honorific: 'he' | 'she' | null;
  /** True when the name is also a place ("Warsaw", "Jordan") and nothing but the context says it is a person. */
  readonly nameIsPlace: boolean;
}

const MAX_PHRASE_TOKENS = 12;
const MAX_NAME_TOKENS = 4;

/** The prepositions that join a head noun to its institution ("a spokesman for the ministry"). */
const PREPOSITIONS = new Set(['in', 'at', 'for', 'from', 'of']);

/** "the 45-year-old", "nine-year-old Maisie": an age used as a noun refers back to a person, like a title (news
 * style spells out ages under ten). */
const AGE_NOUN = /^(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)-year-old$/;

function isPhraseWord(token: Token, lexicon: Lexicon): boolean {
  if (!token.isWord) return false;
  const lower = token.text.toLowerCase();
  return isCapitalized(token.text) || lexicon.titles.has(lower) || AGE_NOUN.test(lower) || lexicon.modifiers.has(lower) || lexicon.groups.has(lower)
    || lexicon.organizations.has(lower) || lexicon.quantifiers.has(lower);
}

/** "Moscow’s", "NATO's": a word that ends in an apostrophe and s (by character code: asked of every name word). */
function isPossessive(word: string): boolean {
  const apostrophe = word.charCodeAt(word.length - 2);
  return word.charCodeAt(word.length - 1) === 0x73 && (apostrophe === 0x2019 || apostrophe === 0x27);
}

const possessiveless = (word: string) => (isPossessive(word) ? word.slice(0, -2) : word);

/** The words after which a capitalised run is an office, not a name ("Secretary of State Antony Blinken"). */
const OFFICE_GLUE = new Set(['of', 'for', 'the']);
/** Words that join an organisation noun to the rest of its name: "Association of …", "Commission on …". */
const ORGANIZATION_GLUE = new Set(['of', 'on', 'for', 'the', 'and']);

/** Lower-case words that never qualify a title ("said", "and", "on"): only a content word may ("crane operator"). */
const FUNCTION_WORD = /^(?:and|or|but|of|in|on|at|for|from|to|by|with|as|than|that|which|who|said|says|told|is|was|were|are|be|been|has|have|had|not|also|then|when|while|after|before)$/;

/**
 * Whether a lower-case word is a function word that never qualifies a title or heads a role ("and", "said", "on").
 *
 * @example
 * isFunctionWord('said'); // true
 */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORD.test(word);
}

/** Contractions in "'s" that are no possessive ("he’s", "it’s", "that’s"). */
const CONTRACTED = /^(?:he|she|it|that|there|here|what|who|where|let)[’']s$/;

/** True for "crane" in "crane operator" and "ad’s" in "the ad’s narrator": a lower-case content word (or a possessive
 * of two letters or more) right before a lower-case title. */
function isCompoundModifier(token: Token, next: Token | undefined, lexicon: Lexicon): boolean {
  return token.isWord && /^\p{Ll}(?:[\p{Ll}-]{2,}|[\p{Ll}-]+[’']s)$/u.test(token.text) && !FUNCTION_WORD.test(token.text) && !CONTRACTED.test(token.text)
    && next !== undefined && /^\p{Ll}/u.test(next.text) && lexicon.titles.has(next.text.toLowerCase());
}

/**
 * Reads the speaker phrase that ends at `tokens[last]`, walking left: "U.S. National Security Adviser Jake Sullivan",
 * "the White House", "senior U.S. officials", "he". Returns the index of its first token, or null when the words
 * before the cue are no speaker.
 */
export function readPhraseBefore(tokens: readonly Token[], last: number, first: number, lexicon: Lexicon): number | null {
  const token = tokens[last];
  if (!token) return null;
  const lower = token.text.toLowerCase();
  if (isPronoun(lower, lexicon)) return last;
  let start = last + 1;
  for (let i = last; i >= first && last - i < MAX_PHRASE_TOKENS; i--) {
    const current = tokens[i]!;
    const word = current.text.toLowerCase();
    if (isPhraseWord(current, lexicon)) {
      start = i;
      // "a spokesperson for the UK Ministry of Defence": "the" after a preposition that follows a head noun;
      // "Mick Lynch of the RMT", "Tony Travers of the London School of Economics": "of the" after a name.
      const afterPreposition = PREPOSITIONS.has(tokens[i - 1]?.text ?? '') && tokens[i - 2] !== undefined
        && (isHeadNoun(tokens[i - 2]!, lexicon) || (tokens[i - 1]!.text === 'of' && isFullNameEnd(tokens, i - 2, lexicon) && isCapitalized(tokens[i + 1]?.text ?? '')));
      if (word === 'the' && afterPreposition) continue;
      if (lexicon.quantifiers.has(word) && !isCapitalized(current.text)) break;
      if (word === 'the' || word === 'a' || word === 'an') break;
      continue;
    }
    if (/^(?:in|at|for|from)$/.test(word) && tokens[i - 1] !== undefined && isHeadNoun(tokens[i - 1]!, lexicon) && (isCapitalized(tokens[i + 1]?.text ?? '') || tokens[i + 1]?.text === 'the')) continue;
    // "the grid operator said": a lower-case noun that qualifies the title after it.
    if (i + 1 === start && isCompoundModifier(current, tokens[i + 1], lexicon)) {
      start = i;
      continue;
    }
    // "Mick Lynch of the RMT": "of" before the "the" read above, after a capitalised word.
    if (word === 'of' && isFullNameEnd(tokens, i - 1, lexicon) && tokens[i + 1]?.text === 'the' && start === i + 1) continue;
    // "Secretary of State Antony Blinken", "Juan de la Cruz": glue words between capitalised words;
    // "White House officials and senior diplomats": two groups joined.
    const previous = tokens[i - 1];
    if (word === 'and' && previous && lexicon.groups.has(previous.text.toLowerCase()) && lexicon.groups.has(tokens[last]!.text.toLowerCase())) continue;
    // "A Department of Health and Social Care spokesperson": "and" inside an institution's name, when the phrase ends
    // in a role noun (not "Biden and Harris said", two people).
    if (word === 'and' && previous && isCapitalized(previous.text) && isCapitalized(tokens[i + 1]?.text ?? '') && isHeadNoun(tokens[last]!, lexicon)
      && tokens.slice(Math.max(0, i - 4), i).some((token) => token.text === 'of')) continue;
    // "the Cybersecurity and Infrastructure Security Agency": "and" between capitalised words of a name that ends in an
    // organisation noun.
    if (word === 'and' && previous && isCapitalized(previous.text) && isCapitalized(tokens[i + 1]?.text ?? '') && isOrganizationWord(tokens[last], lexicon)) continue;
    // "Lindqvist & Partners": an ampersand between capitalised words is part of a firm's name.
    if ((word === 'of' || word === 'for' || word === '&' || lexicon.nameParticles.has(word)) && previous && isCapitalized(previous.text) && isCapitalized(tokens[i + 1]?.text ?? '')) continue;
    // "Ursula von der Leyen": a run of name particles between a given name and a surname.
    if (lexicon.nameParticles.has(word) && previous && (isCapitalized(previous.text) || lexicon.nameParticles.has(previous.text)) && (isCapitalized(tokens[i + 1]?.text ?? '') || lexicon.nameParticles.has(tokens[i + 1]?.text ?? ''))) continue;
    break;
  }
  return start <= last ? start : null;
}

/**
 * Whether `tokens[at]` ends a person's full name: it and the word before are capitalised, and neither is a group,
 * organisation or title noun ("Tony Travers of the …", not "Supporters of the …", "Members of the …", "One of the …").
 */
function isFullNameEnd(tokens: readonly Token[], at: number, lexicon: Lexicon): boolean {
  const isNameWord = (token: Token | undefined) => token !== undefined && token.isWord && isCapitalized(token.text) && !lexicon.groups.has(token.text.toLowerCase())
    && !lexicon.organizations.has(token.text.toLowerCase()) && !lexicon.titles.has(token.text.toLowerCase()) && !lexicon.notNames.has(token.text) && !lexicon.quantifiers.has(token.text.toLowerCase());
  return isNameWord(tokens[at]) && isNameWord(tokens[at - 1]);
}

const isPronoun = (lower: string, lexicon: Lexicon) =>
  lexicon.personPronouns.has(lower) || lexicon.groupPronouns.has(lower) || lexicon.organizationPronouns.has(lower);

/** A capitalised organisation noun: "Agency", "Office", "Ministry". */
const isOrganizationWord = (token: Token | undefined, lexicon: Lexicon) =>
  token !== undefined && isCapitalized(token.text) && lexicon.organizations.has(token.text.toLowerCase());

function isHeadNoun(token: Token, lexicon: Lexicon): boolean {
  const lower = token.text.toLowerCase();
  // Lower case, or a plural group opening a sentence ("Officials in Brussels said").
  return (!isCapitalized(token.text) && lexicon.titles.has(lower)) || lexicon.groups.has(lower);
}

/** "the Biden administration", "the Foreign Ministry", "NATO": capitalised words, optionally closed by an organisation noun. */
function readInstitution(tokens: readonly Token[], first: number, lexicon: Lexicon): number | null {
  let i = tokens[first]?.text.toLowerCase() === 'the' ? first + 1 : first;
  const start = i;
  while (i < tokens.length && tokens[i]!.isWord && isCapitalized(tokens[i]!.text) && i - start < 6) i++;
  if (i === start) return null;
  if (tokens[i]?.isWord && lexicon.organizations.has(tokens[i]!.text.toLowerCase())) i++;
  return i - 1;
}

/** Reads the speaker phrase that starts at `tokens[first]`, walking right ("said Evelyn Perkas", "according to the ministry"). */
export function readPhraseAfter(tokens: readonly Token[], first: number, end: number, lexicon: Lexicon): number | null {
  const token = tokens[first];
  if (!token) return null;
  const lower = token.text.toLowerCase();
  if (isPronoun(lower, lexicon)) return first;
  let last = first - 1;
  for (let i = first; i < end && i - first < MAX_PHRASE_TOKENS; i++) {
    const current = tokens[i]!;
    const word = current.text.toLowerCase();
    if (isPhraseWord(current, lexicon)) {
      if (lexicon.quantifiers.has(word) && i > first && !isCapitalized(current.text)) break;
      last = i;
      continue;
    }
    if ((word === 'of' || word === 'for' || word === '&' || lexicon.nameParticles.has(word)) && i > first && isCapitalized(tokens[i - 1]!.text) && isCapitalized(tokens[i + 1]?.text ?? '')) continue;
    // "Ursula von der Leyen": a run of name particles between a given name and a surname.
    if (lexicon.nameParticles.has(word) && i > first && (isCapitalized(tokens[i - 1]!.text) || lexicon.nameParticles.has(tokens[i - 1]!.text))
      && (isCapitalized(tokens[i + 1]?.text ?? '') || lexicon.nameParticles.has(tokens[i + 1]?.text ?? ''))) continue;
    // "crane operator Ewa Sadowska", "health spokesperson Helen Morgan": a lower-case noun that qualifies the title after it.
    if (isCompoundModifier(current, tokens[i + 1], lexicon) && (i === first || isPhraseWord(tokens[i - 1]!, lexicon))) continue;
    // "a senior official in the Biden administration", "a spokesman for the Foreign Ministry": a description's
    // head noun followed by the institution it belongs to.
    if (PREPOSITIONS.has(word) && i > first && isHeadNoun(tokens[i - 1]!, lexicon)) {
      const end = readInstitution(tokens, i + 1, lexicon);
      if (end !== null) {
        last = end;
        i = end;
        continue;
      }
    }
    // "Chancellor Scholz of the Federal Republic of Germany"
    if (word === 'the' && tokens[i - 1]?.text === 'of' && isCapitalized(tokens[i + 1]?.text ?? '')) continue;
    if (word === 'of' && i > first && isCapitalized(tokens[i - 1]!.text) && tokens[i + 1]?.text === 'the' && isCapitalized(tokens[i + 2]?.text ?? '')) continue;
    break;
  }
  return last >= first ? last : null;
}

/** A party and state tag: "D-Texas", "R-S.C.", "I-Vt.". */
const PARTY_TAG = /^[RDI]-\p{Lu}[\p{L}.]*$/u;

/** Prepositions a title-case headline capitalises after a name and its place: "… of Estonia Before Multilateral Meeting". */
const HEADLINE_PREPOSITIONS = new Set(['Before', 'After', 'During', 'Ahead', 'Following', 'Amid', 'On', 'At', 'In', 'With', 'To', 'For', 'About', 'Regarding']);

/**
 * Classifies the tokens of a speaker phrase: name and role ("Kremlin spokesman" + "Dmitry Peskov"), organisation,
 * group, description or pronoun. `apposition` is the span of ", a senior defense official …" when there is one.
 *
 * @example
 * describeSpeakerPhrase(text, tokens, lexicon, null); // { kind: 'name', name: 'Dmitry Peskov', role: 'Kremlin spokesman', … }
 */
export function describeSpeakerPhrase(text: string, tokens: readonly Token[], lexicon: Lexicon, apposition: Span | null): SpeakerPhrase | null {
  if (tokens.length === 0) return null;
  // "D-Texas", "R-S.C.": a party and state tag after a lawmaker's name is never a speaker of its own.
  if (tokens.length === 1 && PARTY_TAG.test(tokens[0]!.text)) return null;
  const span = { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
  const whole = text.slice(span.start, span.end);
  const roleFrom = (from: Span | null) => {
    const roles = [from, ofPlace, apposition].filter((s): s is Span => s !== null && s.end > s.start).map((s) => ({ text: text.slice(s.start, s.end), span: s }));
    return { role: roles.length ? roles.map((r) => r.text).join('; ') : null, roles };
  };
  const firstLower = tokens.length === 1 ? tokens[0]!.text.toLowerCase() : null;
  if (firstLower !== null && isPronoun(firstLower, lexicon)) {
    return { span, text: whole, kind: 'pronoun', name: whole, role: null, roles: [], head: firstLower, definite: true, honorific: null, nameIsPlace: false };
  }
  // "the Association of Flight Attendants", "the Commission on Presidential Debates", "Bank of America": a capitalised
  // organisation noun, a preposition and capitalised words name an organisation whole.
  const organizationAt = tokens.findIndex((token) => !lexicon.quantifiers.has(token.text.toLowerCase()));
  const named = organizationAt < 0 ? [] : tokens.slice(organizationAt);
  if (named.length >= 3 && isCapitalized(named[0]!.text) && lexicon.organizations.has(named[0]!.text.toLowerCase()) && ORGANIZATION_GLUE.has(named[1]!.text)
    && named.slice(2).every((token) => isCapitalized(token.text) || ORGANIZATION_GLUE.has(token.text) || token.text === '&') && isCapitalized(named.at(-1)!.text)) {
    const nameSpan = { start: named[0]!.start, end: named.at(-1)!.end };
    const name = text.slice(nameSpan.start, nameSpan.end);
    return { span, text: whole, kind: 'organization', name, role: name, roles: [{ text: name, span: nameSpan }], head: named[0]!.text.toLowerCase(), definite: organizationAt > 0, honorific: null, nameIsPlace: false };
  }
  // Leading determiners, sentence-initial capitalised function words and honorifics are not part of the name.
  let from = 0;
  let definite = false;
  let honorific = false;
  while (from < tokens.length) {
    const word = tokens[from]!.text;
    const lower = word.toLowerCase();
    if (lexicon.quantifiers.has(lower)) definite ||= lower === 'the' || lower === 'this' || lower === 'that';
    else if (lexicon.honorifics.has(word)) honorific = true;
    else if (!(lexicon.notNames.has(word) && !lexicon.titles.has(lower) && !lexicon.modifiers.has(lower))) break;
    from++;
  }
  let body = tokens.slice(from).filter((token) => !lexicon.honorifics.has(token.text));
  // "Secretary General Stoltenberg of NATO": a trailing "of" + place belongs to the role, not the name.
  let ofPlace: Span | null = null;
  // "Senator Mitch McConnell of Kentucky": after a name (not a title such as "Secretary of State").
  // "the Association of Flight Attendants", "Bank of America": after an organisation noun, "of" is inside the name.
  // "Prof Tony Travers of the London School of Economics": the first "of" after a name, before capitalised words only.
  const isTitle = (token: Token) => lexicon.titles.has(token.text.toLowerCase().replace(/\.$/, ''));
  const afterName = (of: number) => isCapitalized(body[of - 1]!.text) && !lexicon.titles.has(body[of - 1]!.text.toLowerCase()) && !lexicon.notNames.has(body[of - 1]!.text)
    && !lexicon.organizations.has(body[of - 1]!.text.toLowerCase())
    && body.slice(of + 1).every((token) => (isCapitalized(token.text) && !isTitle(token) && !lexicon.honorifics.has(token.text)) || token.text === 'the' || token.text === 'of' || token.text === '&');
  const last = body.findLastIndex((token) => token.text === 'of');
  // The first "of" after a full name or a titled one ("Chancellor Scholz of the Federal Republic of Germany"); else the
  // last one, after a name or before a place.
  const namedBefore = (i: number) => isFullNameEnd(body, i - 1, lexicon) || (i > 1 && isCapitalized(body[i - 1]!.text) && isTitle(body[i - 2]!));
  let of = body.findIndex((token, i) => token.text === 'of' && i > 1 && i < body.length - 1 && namedBefore(i) && afterName(i));
  if (of < 0 && last > 0 && last < body.length - 1
    && (afterName(last) || lexicon.places.has(text.slice(body[last + 1]!.start, body[body.length - 1]!.end).replace(/^the\s+/, '')))) of = last;
  if (of > 0) {
    // A title-case headline goes on after the place ("Prime Minister Kallas of Estonia Before Multilateral
    // Meeting"): the place ends at a capitalised preposition.
    const headlineGoesOn = body.findIndex((token, i) => i > of + 1 && HEADLINE_PREPOSITIONS.has(token.text));
    ofPlace = { start: body[of]!.start, end: body[headlineGoesOn > 0 ? headlineGoesOn - 1 : body.length - 1]!.end };
    body = body.slice(0, of);
  }
  // "Cameron Easley for Morning Consult": after a name (not an office such as "High Commissioner for Refugees"),
  // "for" and capitalised words name the outlet or employer, which joins the roles.
  const forAt = ofPlace === null ? body.findIndex((token, i) => i > 1 && token.text === 'for') : -1;
  if (forAt > 1 && forAt < body.length - 1 && isCapitalized(body[forAt - 1]!.text) && isCapitalized(body[forAt - 2]!.text)
    && !lexicon.titles.has(body[forAt - 1]!.text.toLowerCase()) && !lexicon.organizations.has(body[forAt - 1]!.text.toLowerCase()) && !lexicon.notNames.has(body[forAt - 1]!.text)
    && body.slice(forAt + 1).every((token) => isCapitalized(token.text) || token.text === 'the' || token.text === 'of' || token.text === '&')) {
    ofPlace = { start: body[forAt]!.start, end: body[body.length - 1]!.end };
    body = body.slice(0, forAt);
  }
  if (body.length < tokens.length - from) honorific = true;
  const title = tokens.find((token) => lexicon.honorifics.has(token.text))?.text.replace('.', '');
  const gender: 'he' | 'she' | null = title === 'Mr' || title === 'Sir' || title === 'Lord' ? 'he' : title === 'Ms' || title === 'Mrs' || title === 'Dame' || title === 'Lady' ? 'she' : null;
  if (body.length === 0) return null;
  // "We’ve said all along", "I’m told": first and second persons never name a third-party speaker.
  if (body.length === 1 && /^(?:we|i|you|it|this|that|there|here)(?:[’'].*)?$/i.test(body[0]!.text)) return null;
  const bodySpan0 = { start: body[0]!.start, end: body[body.length - 1]!.end };
  const bodyText0 = text.slice(bodySpan0.start, bodySpan0.end);
  // "the United Nations", "the White House": an institution or place named whole is an organisation, not a person.
  if (lexicon.places.has(bodyText0) && apposition === null) {
    return { span, text: whole, kind: 'organization', name: bodyText0, role: bodyText0, roles: [{ text: bodyText0, span: bodySpan0 }], head: bodyText0.toLowerCase(), definite, honorific: null, nameIsPlace: false };
  }
  // "A spokesperson for the UK Ministry of Defence": a head noun with its institution describes, it does not name.
  const describedBy = body.findIndex((token, i) => i > 0 && PREPOSITIONS.has(token.text) && isHeadNoun(body[i - 1]!, lexicon));
  // The name is the run of capitalised words at the end that are neither titles, role words nor function words.
  let nameStart = describedBy > 0 ? 0 : body.length;
  let placeOnly = true;
  // Name particles do not count toward the name's length ("Mohammed bin Rashid Al Maktoum").
  let particles = 0;
  for (let i = body.length - 1; describedBy <= 0 && i >= 0 && body.length - i - particles <= MAX_NAME_TOKENS; i--) {
    const word = body[i]!.text;
    const lower = word.toLowerCase();
    const glue = lexicon.nameParticles.has(lower) && i > 0 && nameStart < body.length;
    if (glue) {
      nameStart = i;
      particles++;
      continue;
    }
    if (!isCapitalized(word) || lexicon.titles.has(lower) || lexicon.modifiers.has(lower) || lexicon.notNames.has(word)
      || lexicon.groups.has(lower) || lexicon.organizations.has(lower) || isPossessive(word)) break;
    if (!lexicon.places.has(word) && !lexicon.regions.has(word) && !lexicon.cities.has(word)) placeOnly = false;
    nameStart = i;
    // "Secretary of State Antony Blinken", "High Commissioner for Refugees Filippo Grandi": what follows "of" or
    // "for" is the office, not the name.
    if (OFFICE_GLUE.has(body[i - 1]?.text ?? '')) {
      nameStart = i + 1;
      break;
    }
  }
  const beforeName = body[nameStart - 1];
  const titled = honorific || (beforeName !== undefined && lexicon.titles.has(beforeName.text.toLowerCase()));
  const bodySpan = bodySpan0;
  const bodyText = bodyText0;
  // The head noun stands before any "in the Biden administration" that completes a description (`describedBy`).
  const head = possessiveless(body[describedBy > 0 ? describedBy - 1 : body.length - 1]!.text).toLowerCase();
  // "National Grid", "Royal Mail": one capitalised word after a capitalised adjective that is no title names an
  // organisation, not a person ("Foreign Minister Lavrov" has a title; people have given names).
  const adjective = beforeName !== undefined && isCapitalized(beforeName.text) && !lexicon.titles.has(beforeName.text.toLowerCase())
    && (lexicon.notNames.has(beforeName.text) || lexicon.modifiers.has(beforeName.text.toLowerCase()));
  if (describedBy <= 0 && nameStart === body.length - 1 && adjective && !honorific && apposition === null && !lexicon.places.has(body[nameStart]!.text)) {
    const orgSpan = { start: beforeName.start, end: body[body.length - 1]!.end };
    const orgName = text.slice(orgSpan.start, orgSpan.end);
    const { role, roles } = roleFrom(bodySpan);
    return { span, text: whole, kind: 'organization', name: orgName, role, roles, head: orgName.toLowerCase(), definite, honorific: null, nameIsPlace: false };
  }
  if (describedBy <= 0 && nameStart < body.length && (!placeOnly || titled || apposition !== null || !lexicon.places.has(bodyText))) {
    const nameSpan = { start: body[nameStart]!.start, end: body[body.length - 1]!.end };
    // "New York", "West Virginia": a region or city of several words is a place as a whole.
    if (!placeOnly && nameStart < body.length - 1) {
      const nameText = text.slice(nameSpan.start, nameSpan.end);
      placeOnly = lexicon.regions.has(nameText) || lexicon.cities.has(nameText);
    }
    const roleSpan = nameStart > 0 ? { start: body[0]!.start, end: body[nameStart - 1]!.end } : null;
    const { role, roles } = roleFrom(roleSpan);
    return {
      span, text: whole, kind: 'name', name: text.slice(nameSpan.start, nameSpan.end), role, roles,
      head, definite: false, honorific: gender, nameIsPlace: placeOnly && !titled && apposition === null,
    };
  }
  const { role, roles } = roleFrom(bodySpan);
  // One object shape for every kind below (no spreads: this runs for every candidate phrase).
  const described = (kind: SpeakerPhrase['kind'], name: string): SpeakerPhrase => ({ span, text: whole, kind, name, role, roles, head, definite, honorific: gender, nameIsPlace: false });
  // A group keeps its quantifier or possessive ("some analysts", "their attorneys") but not "the" or a sentence-initial "While".
  const quantified = text.slice(tokens[Math.max(0, from - 1)]!.start, span.end);
  const groupName = from > 0 && /^(?:some|many|several|most|few|other|both|all|two|three|four|five|their|his|her|its|our)$/i.test(tokens[from - 1]!.text) ? quantified : bodyText;
  if (lexicon.groups.has(head)) return described('group', groupName);
  // "the Poland international", "the former England international": a player capped by that country, not an
  // organisation such as "Amnesty International".
  if (head === 'international' && body.length >= 2 && lexicon.places.has(body[body.length - 2]!.text)) {
    return described('description', whole.replace(/^the\s+/i, definite ? 'the ' : ''));
  }
  if (lexicon.organizations.has(head) || lexicon.places.has(bodyText)) return described('organization', bodyText);
  if (lexicon.titles.has(head) || AGE_NOUN.test(head)) return described('description', whole.replace(/^the\s+/i, definite ? 'the ' : ''));
  return null;
}

/**
 * Reads a transcript label ("MS. PSAKI", "SECRETARY GENERAL STOLTENBERG") as a speaker phrase, title-casing it
 * first so "Psaki" is a name and "Secretary General" a title. Offsets point into the original text.
 *
 * @example
 * describeTurnLabel('PRESIDENT BIDEN', 0, lexicon); // { kind: 'name', name: 'Biden', role: 'President', … }
 */
export function describeTurnLabel(label: string, offset: number, lexicon: Lexicon): SpeakerPhrase | null {
  const phrase = describeLabel(label, lexicon);
  return phrase === null ? null : shiftPhrase(phrase, offset);
}

/**
 * A phrase read at one place, moved `by` characters: the same words elsewhere in the text (or a label read alone,
 * moved to where it stands).
 *
 * @example
 * shiftPhrase(phrase, 120).span; // { start: phrase.span.start + 120, end: phrase.span.end + 120 }
 */
export function shiftPhrase(phrase: SpeakerPhrase, by: number): SpeakerPhrase {
  if (by === 0) return phrase;
  const shift = (span: Span) => ({ start: span.start + by, end: span.end + by });
  return { ...phrase, span: shift(phrase.span), roles: phrase.roles.map((role) => ({ text: role.text, span: shift(role.span) })) };
}

const describedLabels = new WeakMap<Lexicon, Map<string, SpeakerPhrase | null>>();
/**
 * A label read at offset 0, memoised per lexicon: a transcript repeats its few labels ("MS. PSAKI:", "Q") at every
 * turn. Bounded like the word memos.
 */
function describeLabel(label: string, lexicon: Lexicon): SpeakerPhrase | null {
  let labels = describedLabels.get(lexicon);
  if (labels === undefined) describedLabels.set(lexicon, (labels = new Map()));
  let phrase = labels.get(label);
  if (phrase === undefined) {
    const titled = label.toLowerCase().replace(/(^|[\s\-’'])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
    phrase = describeSpeakerPhrase(titled, tokenize(titled), lexicon, null);
    if (labels.size > 5_000) labels.clear();
    labels.set(label, phrase);
  }
  return phrase;
}
