import type { Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';
import { escapeRegExp } from '../internal/reg-exp.js';
import { firstSpanEndingAfter, indexOfSpan } from '../internal/spans.js';
import { createSentenceTokens, isCapitalized, tokenize, type SentenceTokens, type Token } from '../internal/tokenize.js';
import { holdsNonAsciiLetterOrDigit, isAsciiLetterCode } from '../internal/words.js';
import { describeSpeakerPhrase, readPhraseAfter, shiftPhrase, type SpeakerPhrase } from './parse-speaker-phrase.js';
import type { Mention } from './resolve-speakers.js';

const OPENING_MARKS = new Set(['“', '"', '‘', '«', '„']);

/** How many tokens an opening phrase ("At the gates of the Gdansk terminal,") may take before the subject. */
const MAX_INTRO_TOKENS = 8;

/**
 * People named as the subject of a sentence ("Ukrainian President Volodymyr Zelensky met …", "On Friday, Brov
 * blamed …"): not speakers, but the antecedents a later "he said" may point to. Full names and titled names count;
 * a lone surname ("Volkova was counting …") or a definite description ("the mayor posted …") counts only for someone
 * already known (`onlyIfKnown`), so a
 * capitalised first word is not taken for a new person.
 *
 * @example
 * findSubjectMentions(text, sentences, lexicon)[0].phrase.name; // 'Volodymyr Zelensky'
 */
export function findSubjectMentions(text: string, sentences: readonly Span[], lexicon: Lexicon, tokensOf: SentenceTokens = createSentenceTokens(text)): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of sentences) {
    const tokens = tokensOf.upTo(sentence, Math.min(sentence.end, sentence.start + 160));
    // A sentence that opens a quotation: its subject ("“A decade ago, a mayor … would have leaked”") is the speaker's
    // words, not someone the article puts on stage.
    if (OPENING_MARKS.has(tokens[0]?.text ?? '')) continue;
    const comma = tokens.findIndex((token, i) => token.text === ',' && i <= MAX_INTRO_TOKENS);
    for (const first of comma > 0 ? [0, comma + 1] : [0]) {
      const last = readPhraseAfter(tokens, first, tokens.length, lexicon);
      if (last === null) continue;
      // A subject is followed by its verb or an apposition, not by a possessive mark ("St Thomas’ Hospital").
      const next = tokens[last + 1];
      if (next !== undefined && !next.isWord && next.text !== ',') continue;
      const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
      if (phrase?.kind === 'name' && !phrase.nameIsPlace) {
        const lone = !phrase.name.includes(' ') && phrase.role === null && phrase.honorific === null;
        // A lone capitalised word must be followed by a verb (lower case) to be a subject at all, or by an age or a
        // relative clause between commas ("Keogh, whose free-kick …, was", "Wrona, 24, was").
        if (!lone || (next?.isWord === true && !isCapitalized(next.text)) || (next?.text === ',' && opensAside(tokens[last + 2]?.text, tokens[last + 3]?.text))) {
          mentions.push({ phrase, antecedent: true, onlyIfKnown: lone });
          break;
        }
      }
      // "Ukraine’s foreign minister, Dmytro Kuleba, welcomed …": the name between commas, the description its role.
      if (phrase?.kind === 'description' && tokens[last + 1]?.text === ',') {
        const nameLast = readPhraseAfter(tokens, last + 2, tokens.length, lexicon);
        const named = nameLast === null ? null : describeSpeakerPhrase(text, tokens.slice(last + 2, nameLast + 1), lexicon, null);
        if (named?.kind === 'name' && tokens[nameLast! + 1]?.text === ',') {
          const withRole = { ...named, role: [phrase.text, named.role].filter(Boolean).join('; '), roles: [{ text: phrase.text, span: phrase.span }, ...named.roles] };
          mentions.push({ phrase: withRole, antecedent: true });
          break;
        }
      }
      // "Late Wednesday, the mayor posted again": a definite description as subject means the known person who holds
      // that role ("Mayor Carla Vasquez-Reid"), for a later "she wrote"; it introduces nobody new.
      if (phrase?.kind === 'description' && phrase.definite && next?.isWord === true && !isCapitalized(next.text)) {
        mentions.push({ phrase, antecedent: true, onlyIfKnown: true });
        break;
      }
      // "The Rapid Support Forces rejected the accusation": an organisation as subject, for a later "the group said";
      // "Police officers searched the house": a group, for a later "they said";
      // "A senior official from the host delegation … described": a person described, for a later "the official said".
      const described = phrase?.kind === 'description' && !phrase.definite;
      if ((phrase?.kind === 'organization' || phrase?.kind === 'group' || described) && (next?.isWord === true ? !isCapitalized(next.text) : described && next?.text === ',')) {
        mentions.push({ phrase, antecedent: true });
        break;
      }
    }
  }
  return mentions;
}

/** An age or a relative pronoun opening an aside after a subject: "24", "now 91", "aged 70", "who", "whose". */
const opensAside = (word: string | undefined, after: string | undefined) =>
  word !== undefined && (/^(?:\d{1,3}|who|whose)$/.test(word) || (/^(?:now|aged)$/i.test(word) && /^\d{1,3}$/.test(after ?? '')));

/**
 * `describeSpeakerPhrase` for phrases without an apposition, memoised per article: an article names the same people
 * again and again ("President Biden"), so a phrase is read once, then shifted to each place it recurs (the reading
 * depends on its own words and their spacing only).
 */
function phraseReader(text: string, lexicon: Lexicon): (words: readonly Token[]) => SpeakerPhrase | null {
  const described = new Map<string, { readonly at: number; readonly phrase: SpeakerPhrase | null }>();
  return (words) => {
    const at = words[0]!.start;
    const key = `${text.slice(at, words[words.length - 1]!.end)}\u0000${words.map((word) => word.start - at).join(' ')}`;
    let known = described.get(key);
    if (known === undefined) described.set(key, (known = { at, phrase: describeSpeakerPhrase(text, words, lexicon, null) }));
    return known.phrase === null ? null : shiftPhrase(known.phrase, at - known.at);
  };
}

/**
 * Titled names anywhere ("Remarks by President Biden and Chancellor Scholz"): never antecedents of a pronoun, but
 * they give a later "THE PRESIDENT:" or "Scholz said" its full name and role.
 *
 * @example
 * findTitledMentions('Remarks by President Biden.', [{ start: 0, end: 27 }], lexicon)[0].name; // 'Biden'
 */
export function findTitledMentions(text: string, sentences: readonly Span[], lexicon: Lexicon, tokensOf: SentenceTokens = createSentenceTokens(text)): SpeakerPhrase[] {
  const mentions: SpeakerPhrase[] = [];
  const mayHoldTitledName = titledNameFilter(lexicon);
  const describe = phraseReader(text, lexicon);
  for (const sentence of sentences) {
    if (!mayHoldTitledName(text, sentence)) continue;
    const tokens = tokensOf(sentence);
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i]!;
      // All-capital words are transcript labels ("SECRETARY GENERAL STOLTENBERG:"), read elsewhere.
      // A lower-case title counts before a full name only ("tripped Rovers winger Jaden Okoye", "developer Alan
      // Greaves"): a later "Okoye saw it differently" then knows whom it means.
      // The tests by character code first, the title lookup last: most tokens fail the first.
      const first = token.text.charCodeAt(0);
      const lowerCase = (first >= 0x61 && first <= 0x7a) || (first >= 0x80 && /^\p{Ll}/u.test(token.text));
      if (!opensCapitalThenSmall(lowerCase ? tokens[i + 1]!.text : token.text) || !lexicon.titles.has(token.text.toLowerCase())) continue;
      const read = readPhraseAfter(tokens, i, tokens.length, lexicon);
      const last = read === null ? null : beforeHeadlineVerb(tokens, i + 1, read);
      if (last === null || last === i) continue;
      const phrase = describe(tokens.slice(i, last + 1));
      if (phrase?.kind === 'name' && phrase.role !== null && !phrase.nameIsPlace && (!lowerCase || phrase.name.includes(' '))) mentions.push(phrase);
      i = last;
    }
  }
  return mentions;
}

/** A capitalised word, then white space and a capital: where a given name and a surname may stand. */
const GIVEN_THEN_CAPITAL = /(?<![\p{L}\p{N}’'.-])(\p{Lu}\p{Ll}+)\s+(?=\p{Lu})/gu;
/** The same for a text whose letters and digits are all ASCII, where it matches the same words, about twice as fast. */
const ASCII_GIVEN_THEN_CAPITAL = /(?<![A-Za-z0-9’'.-])([A-Z][a-z]+)\s+(?=[A-Z])/g;
/** How far past a given name its phrase is read: a window, so the rest of a long sentence is not tokenised. */
const NAME_WINDOW = 64;

/**
 * People named anywhere in prose by a given name and a surname ("two voters, Tyresha McClenney and Bryan Anderson,
 * who …", "concerns James Crespo, president of …"): no subject and no speaker, but the person a later "Anderson
 * largely agreed" or "Anderson said" may mean. Only names whose first word the given-name list knows are read, so
 * "Supreme Court" or "White House" are not taken for people; a name that overlaps a `blocked` span (quotation marks,
 * a mention another stage read; sorted and disjoint) is skipped, tested at its start before it is read. `sentences`
 * are in text order.
 *
 * @example
 * findNamedMentions('Two voters, Bryan Anderson and Ann Lee, came.', [{ start: 0, end: 46 }], lexicon, genderOf, [])[0].name; // 'Bryan Anderson'
 */
export function findNamedMentions(
  text: string,
  sentences: readonly Span[],
  lexicon: Lexicon,
  genderOf: (given: string) => 'he' | 'she' | null,
  blocked: readonly Span[],
): SpeakerPhrase[] {
  const mentions: SpeakerPhrase[] = [];
  const describe = phraseReader(text, lexicon);
  // One scan of the whole text, each match placed in its sentence (most text holds no given name before a capital).
  const titleCase = new Map<Span, boolean>();
  let readTo = -1;
  let sentenceAt = 0;
  const pattern = holdsNonAsciiLetterOrDigit(text) ? GIVEN_THEN_CAPITAL : ASCII_GIVEN_THEN_CAPITAL;
  pattern.lastIndex = sentences[0]?.start ?? text.length;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const at = match.index;
    while (sentenceAt < sentences.length && sentences[sentenceAt]!.end <= at) sentenceAt++;
    const sentence = sentences[sentenceAt];
    if (sentence === undefined) break;
    // Outside the sentences read, or the capital after the given name beyond its sentence's end.
    if (at < sentence.start) {
      pattern.lastIndex = Math.max(pattern.lastIndex, sentence.start);
      continue;
    }
    if (at + match[0].length >= sentence.end || at < readTo || indexOfSpan(blocked, at) >= 0) continue;
    const given = match[1]!;
    // "Colorado Springs", "Virginia Beach": a place's first word may be a given name too.
    if (genderOf(given) === null || lexicon.titles.has(given.toLowerCase()) || lexicon.places.has(given) || lexicon.regions.has(given) || lexicon.cities.has(given)) continue;
    // A title-case headline ("Obama Sees Personal Insult If …") capitalises every word: no name can be told there.
    let headline = titleCase.get(sentence);
    if (headline === undefined) titleCase.set(sentence, (headline = isTitleCaseLine(text.slice(sentence.start, sentence.end))));
    if (headline) continue;
    let windowEnd = Math.min(sentence.end, at + NAME_WINDOW);
    let tokens = tokenize(text, at, windowEnd);
    let last = readPhraseAfter(tokens, 0, tokens.length, lexicon);
    // A phrase that runs to the window's edge is read again from the whole rest of the sentence.
    if (last !== null && windowEnd < sentence.end && last >= tokens.length - 2) {
      windowEnd = sentence.end;
      tokens = tokenize(text, at, windowEnd);
      last = readPhraseAfter(tokens, 0, tokens.length, lexicon);
    }
    if (last === null || last === 0) continue;
    readTo = tokens[last]!.end;
    const next = blocked[firstSpanEndingAfter(blocked, at)];
    if (next !== undefined && next.start < readTo) continue;
    const phrase = describe(tokens.slice(0, last + 1));
    if (phrase?.kind === 'name' && !phrase.nameIsPlace && phrase.role === null && phrase.name.includes(' ')) mentions.push(phrase);
  }
  return mentions;
}

/** Whether most words of a line (at least two thirds of those of four letters or more) open with a capital. */
function isTitleCaseLine(line: string): boolean {
  let long = 0;
  let capitalised = 0;
  for (let i = 0; i < line.length; ) {
    if (!isLetterAt(line, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && isLetterAt(line, i)) i++;
    if (i - start >= 4) {
      long++;
      const first = line.charCodeAt(start);
      if ((first >= 0x41 && first <= 0x5a) || (first >= 0x80 && /^\p{Lu}/u.test(line[start]!))) capitalised++;
    }
  }
  return long >= 3 && capitalised * 3 >= long * 2;
}

/** A letter at `i`: ASCII by character code, anything else by its Unicode category. */
function isLetterAt(line: string, i: number): boolean {
  const code = line.charCodeAt(i);
  if (code < 0x80) return isAsciiLetterCode(code);
  return /\p{L}/u.test(line[i]!);
}

/** Words that follow a verb in a title-case headline, never a name: "Providing an Update", "Announcing Response to". */
const AFTER_HEADLINE_VERB = new Set(['a', 'an', 'the', 'to', 'on', 'with', 'for', 'at', 'in', 'as', 'about']);

/**
 * The phrase's last token, cut before a capitalised verb in "-ing" that a title-case headline puts after a name
 * ("Remarks by President Biden Providing an Update" is President Biden's): one followed by an article or preposition,
 * directly or after one capitalised word. "Xi Jinping of China" keeps its name ("of" joins names to places).
 */
function beforeHeadlineVerb(tokens: readonly Token[], from: number, last: number): number {
  for (let at = from + 1; at <= last; at++) {
    const word = tokens[at]!.text;
    if (word.length < 6 || !word.endsWith('ing') || !opensCapitalThenSmall(word)) continue;
    const next = tokens[at + 1]?.text;
    const afterNext = tokens[at + 2]?.text;
    if (next !== undefined && (AFTER_HEADLINE_VERB.has(next) || (opensCapitalThenSmall(next) && afterNext !== undefined && AFTER_HEADLINE_VERB.has(afterNext)))) return at - 1;
  }
  return last;
}

/** `/^\p{Lu}\p{Ll}/u`, by character code for ASCII: most tokens fail on their first character. */
function opensCapitalThenSmall(word: string): boolean {
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  if (first < 0x80 && second < 0x80) return first >= 0x41 && first <= 0x5a && second >= 0x61 && second <= 0x7a;
  if (first < 0x80 && !(first >= 0x41 && first <= 0x5a)) return false;
  return /^\p{Lu}\p{Ll}/u.test(word);
}

const titledNameFilters = new WeakMap<Lexicon, (text: string, sentence: Span) => boolean>();
/**
 * Whether a sentence holds a title, capitalised or not, followed by white space and a capital ("President Biden",
 * "winger Jaden"), to skip sentences without one: `(?<![\p{L}\p{N}])(?:Title|title)\s+\p{Lu}` for every title.
 * When every title is letters, dots, hyphens and apostrophes, the test reads each word that stands before white space
 * and a capital and looks it up among the titles' two spellings, whole and from each letter after a dot, hyphen or
 * apostrophe ("ex-minister"): a set lookup per such word instead of an alternation of every title tried at every
 * letter, with the same answer.
 *
 * @example
 * titledNameFilter(lexicon)('Remarks by President Biden.', { start: 0, end: 27 }); // true
 */
export function titledNameFilter(lexicon: Lexicon): (text: string, sentence: Span) => boolean {
  let filter = titledNameFilters.get(lexicon);
  if (!filter) {
    const titles = [...lexicon.titles].filter((title) => /^[a-z]/.test(title));
    const spellings = titles.flatMap((title) => [`${title[0]!.toUpperCase()}${title.slice(1)}`, title]);
    const known = new Set(spellings);
    // White space followed by a capital (or any character beyond ASCII, tested below), found by a native scan.
    const spaceBeforeCapital = /\s+(?=[A-Z]|[^\x00-\x7f])/g;
    const mayHoldTitle = (text: string, { start, end }: Span) => {
      spaceBeforeCapital.lastIndex = start;
      for (let match = spaceBeforeCapital.exec(text); match !== null; match = spaceBeforeCapital.exec(text)) {
        const capital = match.index + match[0].length;
        if (capital >= end) return false;
        if (text.charCodeAt(capital) >= 0x80 && !/^\p{Lu}/u.test(text.slice(capital, Math.min(capital + 2, end)))) continue;
        // The run of letters, dots, hyphens and apostrophes before the white space, from its first letter.
        let from = match.index;
        while (from > start && isRunChar(text, start, from)) from -= codePointLength(text, start, from);
        while (from < match.index && isMarkCode(text.charCodeAt(from))) from++;
        if (from === match.index) continue;
        // The whole run counts only where no letter or digit stands before it, as the pattern's look-behind says.
        if ((from === start || !/[\p{L}\p{N}]$/u.test(text.slice(Math.max(start, from - 2), from))) && known.has(text.slice(from, match.index))) return true;
        for (let i = from + 1; i < match.index; i++) {
          if (isMarkCode(text.charCodeAt(i - 1)) && !isMarkCode(text.charCodeAt(i)) && known.has(text.slice(i, match.index))) return true;
        }
      }
      return false;
    };
    const readable = titles.every((title) => /^[\p{L}.'-]+$/u.test(title));
    if (readable) filter = mayHoldTitle;
    else {
      // The pattern itself, compiled only where the set lookup cannot read every title.
      const exact = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.map(escapeRegExp).join('|')})\\s+\\p{Lu}`, 'u');
      filter = (text, sentence) => exact.test(text.slice(sentence.start, sentence.end));
    }
    titledNameFilters.set(lexicon, filter);
  }
  return filter;
}

/** Whether the character just before `at`, read from `start` on, is a letter, a dot, a hyphen or an apostrophe. */
function isRunChar(text: string, start: number, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) return isAsciiLetterCode(code) || isMarkCode(code);
  return /\p{L}$/u.test(text.slice(Math.max(start, at - 2), at));
}

/** The length in code units of the character just before `at`, read from `start` on: 2 for a surrogate pair. */
function codePointLength(text: string, start: number, at: number): number {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at - 2 >= start && /[\ud800-\udbff]/.test(text[at - 2]!) ? 2 : 1;
}

/** A dot, a hyphen or an apostrophe. */
function isMarkCode(code: number): boolean {
  return code === 0x2e || code === 0x2d || code === 0x27;
}


