import type { Quote, SentimentLabel, Span, Stance, StancePolarity } from '../model/analysis.js';
import { readTone, type ToneReading } from './score-sentiment.js';
import { evidenceOf, TARGET_CLASSES, weighTarget, type TargetWeighing } from './score-target-sentiment.js';
import { projectTokens, type TokenRows } from './target-vectors.js';
import { isMetonymy, isOwnSide, lengthBit, type StanceLexicon } from './stance-lexicon.js';
import type { ToneToken } from './tone-tokens.js';
import { findSentences } from '../text/find-sentences.js';
import { NewstoneError } from '../internal/errors.js';
import { holdsNonAsciiLetterOrDigit, isAsciiLetterOrDigitCode } from '../internal/words.js';

/** An earlier quote of the same speaker, with the stances already found for it. */
export interface StanceQuote {
  readonly start: number;
  readonly end: number;
  readonly stance: readonly Stance[];
}

/** What the pipeline knows when it scores one quote's stances. */
export interface StanceInput {
  /** The article text all spans point into. */
  readonly text: string;
  /** The quote, without its quotation marks. */
  readonly quote: Span;
  /** The speaker's country or organisation code: their own side is never a target. */
  readonly speakerCountry: string | null;
  /** The paragraph (or sentences) holding the quote and its attribution. */
  readonly context: Span;
  /** Earlier quotes of the same speaker, in text order. */
  readonly previousQuotes: readonly StanceQuote[];
  /** `readTone` of the quote's text (offsets from `quote.start`), when the caller already has it. */
  readonly tone?: ToneReading | undefined;
}

/**
 * A plural pronoun continues the speaker's previous quote only if that quote ended at most this many characters
 * before: about one paragraph of news text. Further back, "they" may mean anyone.
 */
export const MAX_PRONOUN_GAP = 600;
/** A counterpart must be named within this many characters after its cue ("after meeting with [the] Russian …"). */
export const MAX_CUE_GAP = 24;

interface Mention {
  readonly name: string;
  readonly code: string;
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The stance of one quote toward each country or organisation it is about: targets named in the quote
 * (`explicit`: Russia, the Russians, NATO; `metonymy`: Moscow, the Kremlin, Putin), a plural pronoun continuing
 * the speaker's previous quote (`pronoun`), or, when the quote names none, the counterpart its attribution names
 * ("said after meeting with the Russian deputy minister": `context`, `inferred: true`). The speaker's own side is
 * never a target. Polarity is the target-sentiment model's (`readTargetSentiment`, the function behind `newstone
 * target-sentiment`) on the sentence of the quote that holds each mention, the mention as its target (the pronoun
 * for `pronoun`; for `context`, the quote's opening word); several mentions of one target are averaged, and the
 * features that pushed the decision are the evidence.
 *
 * @example
 * scoreStances({ text, quote: { start: 1, end: 40 }, speakerCountry: 'RU', context: { start: 0, end: 80 }, previousQuotes: [] }, lexicon);
 * // [{ target: 'Americans', targetCountry: 'US', polarity: 'against', score: -0.6…, evidence: ['w:failed', …], rule: 'explicit', inferred: false }]
 */
export function scoreStances(input: StanceInput, lexicon: StanceLexicon): Stance[] {
  checkInput(input);
  const { text, quote, speakerCountry } = input;
  // Once: scoring and the pronoun test share it. Its word offsets count from `quote.start`.
  const mentions = findMentions(text, quote, lexicon).filter((mention) => !isOwnSide(speakerCountry, mention.code, lexicon));
  if (mentions.length > 0) return stancesForMentions(text, quote, mentions, lexicon, input.tone);

  // The pronoun test reads the quote's opening words only: the shared tone reading, when the caller has it.
  const { tokens } = input.tone ?? readTone(text.slice(quote.start, quote.end), lexicon.tone);
  const pronoun = findPluralPronoun(tokens, lexicon);
  const antecedent = pronoun === undefined ? undefined : findAntecedent(input);
  if (pronoun !== undefined && antecedent !== undefined && antecedent.length > 0) {
    const at = { start: quote.start + pronoun.start, end: quote.start + pronoun.end };
    const reading = readMention(text, sentenceAround(text, quote, at), at, lexicon);
    return antecedent.map((previous) => stanceOf(reading, previous.target, previous.targetCountry, 'pronoun', false, lexicon));
  }

  const counterpart = findCounterpart(input, lexicon);
  const opening = tokens.find((token) => !token.isBreak);
  if (counterpart === undefined || opening === undefined) return [];
  // The quote does not name the counterpart: its opening word ("This escalation …", "We welcome …") stands for what
  // it speaks of, in its first sentence.
  const at = { start: quote.start + opening.start, end: quote.start + opening.end };
  const reading = readMention(text, sentenceAround(text, quote, at), at, lexicon);
  return [stanceOf(reading, counterpart.name, counterpart.code, 'context', true, lexicon)];
}

/**
 * The model's reading of one mention (text offsets) in its sentence (text offsets). `tones` keeps each sentence's
 * tone reading by its start: a long turn names its targets many times, often several in one sentence.
 */
function readMention(text: string, sentence: Span, mention: Span, lexicon: StanceLexicon, tones = new Map<number, SentenceReading>()): TargetWeighing {
  const target = { start: mention.start - sentence.start, end: mention.end - sentence.start };
  const words = text.slice(sentence.start, sentence.end);
  let reading = tones.get(sentence.start);
  if (reading === undefined || reading.rows === undefined) {
    const tone = reading?.tone ?? readTone(words, lexicon.tone);
    reading = { tone, rows: projectTokens(tone.tokens, lexicon.targetSentiment.model.projections) };
    tones.set(sentence.start, reading);
  }
  return weighTarget(words, target, lexicon.targetSentiment, reading.tone, reading.rows);
}

/** A sentence's tone reading and its tokens' word-vector rows, read once for all the targets it names. */
interface SentenceReading {
  readonly tone: ToneReading;
  readonly rows?: TokenRows | undefined;
}

/** The sentence of the quote that holds `at`, or the whole quote when the splitter finds none around it. */
function sentenceAround(text: string, quote: Span, at: Span, sentences: readonly Span[] = findSentences(text, [quote], [])): Span {
  return sentences.find((sentence) => sentence.start <= at.start && at.end <= sentence.end) ?? quote;
}

/** Every target name inside a span, as whole words, the longest name at each word, left to right. */
function findMentions(text: string, span: Span, lexicon: StanceLexicon): Mention[] {
  const mentions: Mention[] = [];
  const region = text.slice(span.start, span.end);
  // The words are those of NAME_WORD (a letter or digit, then letters, digits and dots). This runs over every
  // character of every quote, and few characters can open a target name: the loop stops only at those, and asks
  // only there whether a word starts (looking back) and where it ends.
  const { firstWordLengths } = lexicon;
  for (let at = 0; at < region.length; at += 1) {
    const code = region.charCodeAt(at);
    if (firstWordLengths[code] === 0) continue;
    const first = wordCharLength(region, at, false);
    if (first === 0 || continuesWord(region, at)) continue;
    let end = at + first;
    for (let next = wordCharLength(region, end, true); next > 0; next = wordCharLength(region, end, true)) end += next;
    const name = targetNameAt(region, at, end, lexicon);
    if (name === undefined) continue;
    const entry = lexicon.targets.get(name)!;
    const start = span.start + at;
    mentions.push({ name, code: entry.code, rule: entry.rule, start, end: start + name.length });
    at += name.length - 1; // a name inside this one is no mention of its own
  }
  return mentions;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The length in UTF-16 units of the letter or digit (or, with `dot`, full stop) at `at`, or 0 when there is none:
 * ASCII by code, anything else by NAME_WORD's own classes (an astral letter counts as one, as in a `u` regex).
 */
function wordCharLength(text: string, at: number, dot: boolean): number {
  if (at >= text.length) return 0; // not read as NaN: one read past the end makes V8 read every unit more slowly
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetterOrDigitCode(code) || (dot && code === 0x2e) ? 1 : 0;
  const point = text.codePointAt(at)!;
  const char = String.fromCodePoint(point);
  return LETTER_OR_DIGIT.test(char) ? char.length : 0;
}

/**
 * Whether a NAME_WORD word read left to right runs on through `at`: the units before it are a letter or digit
 * followed by nothing but dots. Otherwise a letter or digit at `at` starts a word.
 */
function continuesWord(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && text.charCodeAt(before) === 0x2e) before -= 1;
  if (before < 0) return false;
  const code = text.charCodeAt(before);
  if (code < 0x80) return isAsciiLetterOrDigitCode(code);
  if (code >= 0xdc00 && code <= 0xdfff && before > 0 && wordCharLength(text, before - 1, false) === 2) return true; // an astral letter
  return wordCharLength(text, before, false) === 1;
}

/** Whether the UTF-16 unit at `at` is a letter or digit (half of a surrogate pair is neither). */
function isLetterOrDigitUnit(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetterOrDigitCode(code);
  return LETTER_OR_DIGIT.test(text.charAt(at));
}

/**
 * The longest target name that opens with the word `region[index, end)` and ends at a word boundary, or undefined.
 * The word's key is its `firstWordKey`: the word is already known, so only the trailing dots go.
 */
function targetNameAt(region: string, index: number, end: number, lexicon: StanceLexicon): string | undefined {
  let keyEnd = end;
  while (region.charCodeAt(keyEnd - 1) === 0x2e) keyEnd -= 1;
  const keyLength = keyEnd - index;
  // Most words have no key's length for their first unit: they cost no slice and no lookup.
  if ((lexicon.firstWordLengths[region.charCodeAt(index)]! & lengthBit(keyLength)) === 0) return undefined;
  const candidates = lexicon.targetsByFirstWord.get(region.slice(index, keyEnd));
  if (candidates === undefined) return undefined;
  // A name of several words is compared in full only when its second word opens with the text's unit there.
  const second = keyEnd + 1 < region.length ? region.charCodeAt(keyEnd + 1) : -1;
  for (const candidate of candidates) {
    if (candidate.length > keyLength + 1 && candidate.charCodeAt(keyLength + 1) !== second) continue;
    if (region.startsWith(candidate, index) && !isLetterOrDigitUnit(region, index + candidate.length)) return candidate;
  }
  return undefined;
}

/**
 * A long transcript turn can name its target dozens of times: the first this many mentions are read, which bounds
 * the cost of a turn (a reading builds and weighs some hundred features).
 */
export const MAX_MENTIONS_READ = 8;

/**
 * One stance per target code named, in order of first mention: each mention (up to `MAX_MENTIONS_READ`) read in its
 * own sentence, and the class probabilities averaged over them ("Russia attacked Ukraine … we will support Ukraine":
 * one opinion of Ukraine, not the strongest sentence's); the evidence is that of the mention that most supports the
 * class chosen.
 */
function stancesForMentions(text: string, quote: Span, mentions: readonly Mention[], lexicon: StanceLexicon, quoteTone: ToneReading | undefined): Stance[] {
  const sentences = findSentences(text, [quote], []);
  const tones = new Map<number, SentenceReading>();
  // A quote of one sentence (most are) is read already: the caller's reading of the quote is the sentence's.
  const only = sentences.length === 1 ? sentences[0]! : undefined;
  if (quoteTone !== undefined && only !== undefined && only.start === quote.start && only.end === quote.end) tones.set(quote.start, { tone: quoteTone });
  const codes = [...new Set(mentions.map((mention) => mention.code))];
  return codes.map((code) => {
    const own = mentions.filter((mention) => mention.code === code);
    const readings = own.slice(0, MAX_MENTIONS_READ).map((mention) => readMention(text, sentenceAround(text, quote, mention, sentences), mention, lexicon, tones));
    const rule = own.some((mention) => !isMetonymy(mention.rule)) ? 'explicit' : 'metonymy';
    return stanceOf(meanReading(readings), own[0]!.name, code, rule, false, lexicon);
  });
}

/** The readings of one target's mentions as one: mean class probabilities, the features (and words) of the most supportive. */
function meanReading(readings: readonly TargetWeighing[]): TargetWeighing {
  if (readings.length === 1) return readings[0]!;
  const mean = TARGET_CLASSES.map((_, c) => readings.reduce((sum, reading) => sum + reading.probabilities[c]!, 0) / readings.length);
  let best = 0;
  for (let c = 1; c < mean.length; c += 1) if (mean[c]! > mean[best]!) best = c;
  let support = readings[0]!;
  for (const reading of readings) if (reading.probabilities[best]! > support.probabilities[best]!) support = reading;
  return { ...support, polarity: TARGET_CLASSES[best]!, score: mean[0]! - mean[2]!, probabilities: mean };
}

const POLARITY_OF: Readonly<Record<SentimentLabel, StancePolarity>> = { positive: 'favor', neutral: 'neutral', negative: 'against' };

/**
 * The stance toward one target from the model's reading. Built as one literal, not spread from parts: the keys keep
 * the order the output has.
 */
function stanceOf(reading: TargetWeighing, target: string, targetCountry: string | null, rule: string, inferred: boolean, lexicon: StanceLexicon): Stance {
  const evidence = evidenceOf(reading, lexicon.targetSentiment.model);
  return { polarity: POLARITY_OF[reading.polarity], score: reading.score, evidence, target, targetCountry, rule, inferred };
}

/**
 * A quote continues the speaker's previous one through a plural pronoun only when it opens with it ("They limited
 * themselves…", "But they…"): a "they" deep inside a long answer may mean anyone.
 */
export const PRONOUN_OPENING_WORDS = 3;

function findPluralPronoun(tokens: readonly ToneToken[], lexicon: StanceLexicon): ToneToken | undefined {
  let words = 0;
  for (const token of tokens) {
    if (token.isBreak) continue;
    if (lexicon.pluralPronouns.has(token.text)) return token;
    if (++words === PRONOUN_OPENING_WORDS) return undefined;
  }
  return undefined;
}

/** The targets of the speaker's closest earlier quote, when it is close enough for "they" to continue it. */
function findAntecedent(input: StanceInput): readonly Stance[] | undefined {
  const previous = input.previousQuotes.filter((q) => q.end <= input.quote.start).at(-1);
  if (previous === undefined || input.quote.start - previous.end > MAX_PRONOUN_GAP) return undefined;
  return previous.stance.filter((stance) => stance.rule !== 'context');
}

/**
 * Where each counterpart cue of the context ends (offsets into the text), in text order, but for those ending inside
 * the quote (after its start, up to its end), which no counterpart follows. These are the cues one scan of the whole
 * context finds, read by two shorter scans: up to the first character in the quote that no cue can hold, and from
 * the last one. No cue spans such a character, so neither scan finds a cue the whole scan would not, and the body of
 * the quote (often a whole transcript turn) is not read.
 */
function findCounterpartCueEnds(text: string, context: Span, quote: Span, lexicon: StanceLexicon): number[] {
  const region = text.slice(context.start, context.end);
  const quoteStart = quote.start - context.start;
  const quoteEnd = quote.end - context.start;
  const ends: number[] = [];
  // The lexicon's own pattern, its `lastIndex` set before each scan: a copy per quote (and another inside each
  // `matchAll`) cost more than the scans.
  const patternFor = (from: number, to: number) => (lexicon.counterpartPatternAscii !== null && isPlainAscii(region, from, to) ? lexicon.counterpartPatternAscii : lexicon.counterpartPattern);
  if (quoteStart < 0 || quoteEnd > region.length) {
    const pattern = patternFor(0, region.length);
    pattern.lastIndex = 0;
    for (let cue = pattern.exec(region); cue !== null; cue = pattern.exec(region)) {
      const end = cue.index + cue[0].length;
      if (end <= quoteStart || end > quoteEnd) ends.push(context.start + end);
    }
    return ends;
  }
  const before = region.slice(0, cueBoundary(region, quoteStart, 1, lexicon));
  const first = patternFor(0, before.length);
  first.lastIndex = 0;
  for (let cue = first.exec(before); cue !== null; cue = first.exec(before)) {
    const end = cue.index + cue[0].length;
    if (end > quoteStart) break;
    ends.push(context.start + end);
  }
  const from = cueBoundary(region, quoteEnd, -1, lexicon);
  const pattern = patternFor(Math.max(0, from - 1), region.length);
  pattern.lastIndex = from;
  for (let cue = pattern.exec(region); cue !== null; cue = pattern.exec(region)) {
    const end = cue.index + cue[0].length;
    if (end > quoteEnd) ends.push(context.start + end);
  }
  return ends;
}

/** Whether `text` from `from` to `to` holds no "_" and no letter or digit beyond ASCII (curly quotes and dashes may stand). */
function isPlainAscii(text: string, from: number, to: number): boolean {
  const underscore = text.indexOf('_', from);
  return (underscore < 0 || underscore >= to) && !holdsNonAsciiLetterOrDigit(text, from, to);
}

/**
 * The offset nearest `at`, going forward (`step` 1) or back (-1), that follows a character no counterpart cue can
 * hold, or the region's start or end: no cue match spans it.
 */
function cueBoundary(region: string, at: number, step: 1 | -1, lexicon: StanceLexicon): number {
  let offset = at;
  while (offset > 0 && offset < region.length && mayHoldCue(region, offset - 1, lexicon)) offset += step;
  return offset;
}

/** Whether the UTF-16 unit at `at` may be part of a counterpart cue; half of a surrogate pair always may. */
function mayHoldCue(region: string, at: number, lexicon: StanceLexicon): boolean {
  const code = region.charCodeAt(at);
  // ASCII letters and the space may (a yes too many only moves a scan's split); the rest, few, ask the lexicon.
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x20) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return lexicon.counterpartCueChar.test(region.charAt(at));
}

/** The first foreign target named right after a counterpart cue in the context outside the quote. */
function findCounterpart(input: StanceInput, lexicon: StanceLexicon): Mention | undefined {
  const { text, quote, context, speakerCountry } = input;
  for (const cueEnd of findCounterpartCueEnds(text, context, quote, lexicon)) {
    const window = { start: cueEnd, end: Math.min(context.end, cueEnd + MAX_CUE_GAP + 40) };
    const mention = findMentions(text, window, lexicon).find((candidate) => !isOwnSide(speakerCountry, candidate.code, lexicon));
    if (mention === undefined || mention.start - cueEnd > MAX_CUE_GAP) continue;
    if (/[.!?;“”"]/.test(text.slice(cueEnd, mention.start))) continue;
    if (mention.start >= quote.start && mention.end <= quote.end) continue;
    return mention;
  }
  return undefined;
}

function checkInput(input: StanceInput): void {
  const { text, quote, context } = input;
  const inside = (span: Span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
  if (!inside(quote) || !inside(context)) {
    throw new NewstoneError('invalid-input', `expected quote and context spans inside the text (0…${text.length}), found quote ${quote.start}…${quote.end}, context ${context.start}…${context.end}`);
  }
}

/**
 * Scores the stances of an article's quotes in text order, handing each quote its paragraph as context and the
 * earlier quotes of the same speaker (so "They" can continue them). `toneOf` gives a quote's tone reading when the
 * caller already has them (see `StanceInput.tone`).
 *
 * @example
 * const quotes = scoreQuoteStances(analysis.text, analysis.paragraphs, analysis.quotes, lexicon);
 */
export function scoreQuoteStances<Q extends Quote>(
  text: string,
  paragraphs: readonly Span[],
  quotes: readonly Q[],
  lexicon: StanceLexicon,
  toneOf: (quote: Q) => ToneReading | undefined = () => undefined,
): Q[] {
  const bySpeaker = new Map<string, StanceQuote[]>();
  const ordered = [...paragraphs].sort((a, b) => a.start - b.start);
  let p = 0;
  return [...quotes].sort((a, b) => a.start - b.start).map((quote) => {
    // Quotes and paragraphs both run in text order: walk them together.
    while (p < ordered.length && ordered[p]!.end < quote.end) p += 1;
    const paragraph = ordered[p];
    const context = paragraph !== undefined && paragraph.start <= quote.start ? paragraph : { start: quote.start, end: quote.end };
    const previousQuotes = quote.speaker === null ? [] : (bySpeaker.get(quote.speaker.id) ?? []);
    const tone = toneOf(quote);
    const input = { text, quote, speakerCountry: quote.speaker?.country ?? null, context, previousQuotes, tone };
    const stance = scoreStances(input, lexicon);
    if (quote.speaker !== null) bySpeaker.set(quote.speaker.id, [...previousQuotes.slice(-1), { start: quote.start, end: quote.end, stance }]);
    return { ...quote, stance };
  });
}
