import type { Cue, Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';
import { firstSpanEndingAfter, indexOfSpan, mergeSpans } from '../internal/spans.js';
import { createSentenceTokens, type SentenceTokens, type Token } from '../internal/tokenize.js';
import { describeSpeakerPhrase, isFunctionWord, readPhraseAfter, readPhraseBefore, type SpeakerPhrase } from './parse-speaker-phrase.js';
import { cueWordScanner } from './scan-cue-words.js';
import { isAsciiLetterCode } from '../internal/words.js';
import { isWhiteSpace } from '../text/white-space.js';

/** A speech cue with its speaker phrase: "Lavrov said", "said Evelyn Perkas, a senior defense official". */
export interface SpeechEvent {
  readonly cue: Cue;
  readonly phrase: SpeakerPhrase;
  /** Where the speaker stands relative to the cue. */
  readonly speakerSide: 'before' | 'after';
  readonly sentence: number;
  /** Where the whole attribution (speaker, cue, apposition) starts and ends. */
  readonly extent: Span;
  /** A person put on stage just before a quotation, with no speech verb ("Brunner packs her drill."): no reported speech. */
  readonly staged?: boolean;
}

/** Whether the word at `at` is one of the participles (its letters up to the next non-letter). */
function isParticipleAt(text: string, at: number, lexicon: Lexicon): boolean {
  let end = at;
  while (end < text.length && isAsciiLetterCode(text.charCodeAt(end))) end++;
  return end - at > 4 && text.startsWith('ing', end - 3) && lexicon.participles.has(text.slice(at, end).toLowerCase());
}

/** The words before a participle that make it a verb in the progressive ("Trump is promising …"). */
const PROGRESSIVE = new Set(['is', 'are', 'was', 'were', 'been', 'be']);

/** Whether the word at `at` (with the one before it: "went on") is a verb whose subject does what its infinitive says. */
function controlsInfinitive(tokens: readonly Token[], at: number, lexicon: Lexicon): boolean {
  const word = tokens[at]?.text.toLowerCase();
  if (word === undefined) return false;
  return lexicon.subjectControlVerbs.has(word) || (at > 0 && lexicon.subjectControlVerbs.has(`${tokens[at - 1]!.text.toLowerCase()} ${word}`));
}

/** Verbs that report someone's words as theirs: "quoted X as saying", "cited X as saying"; in the passive ("was
 * quoted by the Times as saying") the words stay the subject's. */
const QUOTING_VERBS = new Set(['quoted', 'quotes', 'quoting', 'cited', 'cites', 'citing']);

/**
 * "State media quoted President Xi as saying …": the phrase right after a quoting verb, before the "as" at `asIndex`,
 * an apposition ("quoted Senator Ana Ruiz, a Democrat, as saying") or a date ("quoted him on Tuesday as saying")
 * between; `k` is the quoting verb's index. Null when its object cannot be read.
 */
function readQuotedAsSaying(text: string, tokens: readonly Token[], k: number, asIndex: number, cue: Cue, sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const last = readPhraseAfter(tokens, k + 1, asIndex, lexicon);
  if (last === null) return null;
  const gap = tokens.slice(last + 1, asIndex);
  const apposition = gap.length >= 2 && gap[0]!.text === ',' && gap.at(-1)!.text === ',';
  const date = gap.length > 0 && gap.length <= 3 && /^(?:on|in|at|last|this)$/.test(gap[0]!.text) && gap.every((token) => token.isWord);
  if (gap.length > 0 && !apposition && !date) return null;
  const phrase = describeSpeakerPhrase(text, tokens.slice(k + 1, last + 1), lexicon, null);
  return phrase ? { cue, phrase, speakerSide: 'before', sentence, extent: { start: phrase.span.start, end: cue.end } } : null;
}

/** The nearest quoting verb ("quoted", "cited") within a few words before the "as" at `asIndex`, or -1. */
function quotingVerbBefore(tokens: readonly Token[], asIndex: number): number {
  for (let k = asIndex - 1; k >= 0 && asIndex - k <= 16; k--) if (QUOTING_VERBS.has(tokens[k]!.text.toLowerCase())) return k;
  return -1;
}

/** What may follow a passive cue's agent for the agent to be the speaker: the content it said, at once. */
const AGENT_CONTENT = new Set(['whether', 'if', 'that', ':', ',', '“', '"']);

/** The words before a gerund that make its speaker the clause's subject ("began by saying", "after noting", "was quoted as saying"). */
const GERUND_OPENERS = new Set(['by', 'after', 'before', 'while', 'when', 'as']);

/** Whether a comma, a form of "be" or a gerund's preposition stands before `at`, white space between. */
function followsCommaOrBe(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isWhiteSpace(text.charCodeAt(before))) before--;
  if (text.charCodeAt(before) === 0x2c) return true;
  let start = before + 1;
  while (start > 0 && isAsciiLetterCode(text.charCodeAt(start - 1))) start--;
  if (start > before) return false;
  const word = text.slice(start, before + 1).toLowerCase();
  return PROGRESSIVE.has(word) || GERUND_OPENERS.has(word);
}

const cuePhraseIndexes = new WeakMap<Lexicon, Map<string, string[][]>>();
/** Cue phrases split into words and grouped by their first word (lexicon order kept), built once per lexicon. */
function cuePhrasesByFirstWord(lexicon: Lexicon): Map<string, string[][]> {
  let index = cuePhraseIndexes.get(lexicon);
  if (!index) {
    index = new Map();
    for (const cue of lexicon.cuePhrases) {
      const words = cue.split(' ');
      const group = index.get(words[0]!);
      if (group) group.push(words);
      else index.set(words[0]!, [words]);
    }
    cuePhraseIndexes.set(lexicon, index);
  }
  return index;
}

const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'who', 'whose', 'which']);

/** Finds where an apposition that starts at `tokens[from]` ends: the sentence end, a semicolon or a quote mark. */
function appositionEnd(tokens: readonly Token[], from: number, end: number): number {
  let last = from;
  for (let i = from; i < end; i++) {
    const text = tokens[i]!.text;
    if (/^[;“”"«»„:]$/.test(text)) break;
    if (/^[.!?]$/.test(text) && i === end - 1) break;
    last = i;
  }
  return last;
}

function skipBetween(tokens: readonly Token[], index: number, first: number, lexicon: Lexicon): number {
  let i = index;
  while (i >= first && (lexicon.betweenSpeakerAndCue.has(tokens[i]!.text) || isMannerAdverb(tokens[i]!.text)) && i > first) i--;
  return i;
}

/** Nouns in "-ly" that are no adverb ("a Trump rally said" is no "Trump cynically said"). */
const LY_NOUNS = new Set(['family', 'rally', 'ally', 'supply', 'reply', 'assembly', 'bully', 'folly', 'belly', 'jelly', 'anomaly', 'monopoly', 'homily', 'italy', 'lily', 'holly', 'sally', 'tally', 'melancholy']);

/** A lower-case adverb in "-ly" between a speaker and the cue: "Gingrich cynically dismissed", "she angrily said". */
function isMannerAdverb(word: string): boolean {
  return word.length >= 5 && word.endsWith('ly') && word.charCodeAt(0) >= 0x61 && word.charCodeAt(0) <= 0x7a && !LY_NOUNS.has(word);
}

/**
 * Every speech cue in the text with the phrase that names its speaker, sentence by sentence. Words inside
 * quotations (`masked`) are never cues or speakers. A cue takes the phrase before it ("Lavrov said", "Jeffrey
 * Edmonds, a former White House adviser on Russia, said"); after a closing mark or a comma it may take the
 * phrase after it ("…,” said Evelyn Perkas"); "according to" always looks right. Sentences `include` turns down
 * (a transcript's turns, a headline) are not read.
 *
 * @example
 * findSpeechEvents(text, sentences, [], lexicon)[0].phrase.name; // 'Jake Sullivan'
 */
export function findSpeechEvents(
  text: string,
  sentences: readonly Span[],
  masked: readonly Span[],
  lexicon: Lexicon,
  tokensOf: SentenceTokens = createSentenceTokens(text),
  include: (sentence: number) => boolean = () => true,
): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  // "Is this offset quoted" and "does this sentence quote" by binary search over the quoted stretches in text order
  // (a quotation nested in another is part of it).
  const quotations = mergeSpans(masked.filter((quotation) => quotation.end > quotation.start));
  const isQuoted = (offset: number) => indexOfSpan(quotations, offset) >= 0;
  const isMasked = (token: Token) => isQuoted(token.start);
  const cueWordsIn = cueWordScanner(lexicon, false);
  const cueOrFramingWordsIn = cueWordScanner(lexicon, true);
  const phrasesByFirstWord = cuePhrasesByFirstWord(lexicon);
  sentences.forEach((sentence, sentenceIndex) => {
    if (!include(sentenceIndex)) return;
    const overlapping = quotations[firstSpanEndingAfter(quotations, sentence.start)];
    const quoted = overlapping !== undefined && overlapping.start < sentence.end;
    // Most sentences hold no cue word at all, and in the rest only the cue words need a look: one scan finds them.
    // A participle ("adding", "noting") is a cue only after a comma: tested on the text, before tokenising for it.
    const hits = (quoted ? cueOrFramingWordsIn : cueWordsIn)(text.slice(sentence.start, sentence.end))
      .map((offset) => sentence.start + offset)
      .filter((at) => !isQuoted(at) && (!isParticipleAt(text, at, lexicon) || followsCommaOrBe(text, at)));
    if (hits.length === 0) return;
    const all = tokensOf(sentence);
    const tokens = withoutPartyTags(quoted ? maskQuoted(all, isMasked) : all);
    // The tokens that start at a hit, in order: every other word is no cue and no first word of a cue phrase.
    const candidates: number[] = [];
    for (let i = 0, h = 0; i < tokens.length && h < hits.length; i++) {
      while (h < hits.length && hits[h]! < tokens[i]!.start) h++;
      if (hits[h] === tokens[i]!.start) candidates.push(i);
    }
    for (let c = 0, i = -1; c < candidates.length; c++) {
      if (candidates[c]! <= i) continue; // inside a cue phrase already read
      i = candidates[c]!;
      const token = tokens[i]!;
      if (!token.isWord) continue;
      const lower = token.text.toLowerCase();
      const phrase = phrasesByFirstWord.get(lower)?.find((words) => words.every((word, k) => tokens[i + k]?.text.toLowerCase() === word));
      if (phrase) {
        const after = i + phrase.length;
        const cue = { start: token.start, end: tokens[after - 1]!.end, text: text.slice(token.start, tokens[after - 1]!.end) };
        const event = readAfter(text, tokens, after, cue, sentenceIndex, lexicon);
        if (event) events.push(event);
        i = after - 1;
        continue;
      }
      // "Trump shot back, “…”", "she pointed out that …": a verb and its particle, the speaker before them (or after a
      // quotation: "“…,” fired back Trump").
      const particle = tokens[i + 1]?.text.toLowerCase();
      if (particle !== undefined && lexicon.phrasalVerbs.has(`${lower} ${particle}`) && (token.text === lower || i === 0)) {
        const cue = { start: token.start, end: tokens[i + 1]!.end, text: text.slice(token.start, tokens[i + 1]!.end) };
        const previous = tokens[i - 1];
        const event = readBefore(text, tokens, i, cue, sentenceIndex, lexicon)
          ?? (previous && /^[,”"»’]$/.test(previous.text) ? readAfter(text, tokens, i + 2, cue, sentenceIndex, lexicon, true) : null);
        if (event) events.push(event);
        i++;
        continue;
      }
      // A cue verb is lower case unless it opens the sentence ("Said Lavrov: …"); "United States" is no cue.
      const framing = quoted && lexicon.framingVerbs.has(lower);
      if ((!lexicon.cueVerbs.has(lower) && !framing) || (token.text !== lower && i > 0)) continue;
      const next = tokens[i + 1];
      // "welcomed the deal" is no speech, but "“Why now?” Peskov asked." is: in a quoted sentence no clause is needed.
      if (!framing && !quoted && lexicon.cueVerbsNeedingContent.has(lower) && !(next && /^(?:that|:|“|")$/.test(next.text))) continue;
      const cue = { start: token.start, end: token.end, text: token.text };
      // "Rubio was asked by moderator Gerard Baker whether …", "was described by aides as “…”": the passive's agent speaks.
      if (next?.text === 'by' && PROGRESSIVE.has(tokens[i - 1]?.text.toLowerCase() ?? '') && !QUOTING_VERBS.has(lower)) {
        const agentLast = readPhraseAfter(tokens, i + 2, tokens.length, lexicon);
        // The agent speaks only when what it said follows it at once ("… by moderator Ann Lee whether", "… by aides
        // that", "… by the Herald: “…”"), not when it asked about something ("was asked by the Herald about …").
        const after = agentLast === null ? undefined : tokens[agentLast + 1]?.text;
        const agent = after !== undefined && AGENT_CONTENT.has(after) ? readAfter(text, tokens, i + 2, cue, sentenceIndex, lexicon) : null;
        if (agent) {
          events.push(agent);
          continue;
        }
      }
      const before = readBefore(text, tokens, i, cue, sentenceIndex, lexicon);
      if (before) {
        events.push(before);
        continue;
      }
      const previous = tokens[i - 1];
      // "She went on to say that …", "He declined to call it “…”": an infinitive after a verb its subject controls.
      if (previous?.text === 'to' && controlsInfinitive(tokens, i - 2, lexicon)) {
        const subject = readClauseSubject(text, tokens, cue, sentenceIndex, lexicon, true);
        if (subject) events.push(subject);
        continue;
      }
      // "…, adding that “…”", "…, telling O'Reilly that “…”": a participle's speaker is its clause's subject, never
      // the words after it (the addressee, or the reported clause). The participles list holds no other use of them;
      // the test on the text above lets through more (it reads past the sentence's start), so this one decides.
      const gerundAfter = GERUND_OPENERS.has(previous?.text.toLowerCase() ?? '');
      if (lexicon.participles.has(lower) && previous?.text !== ',' && !PROGRESSIVE.has(previous?.text.toLowerCase() ?? '') && !gerundAfter) continue;
      // "…, adding that", and "began by saying he would “never” …", "after noting that": the clause's subject speaks.
      if ((previous?.text === ',' || gerundAfter) && lower.endsWith('ing')) {
        // "Xinhua quoted President Xi Jinping as saying …": the one quoted speaks, not the one quoting; "was quoted as
        // saying" is the subject's; after any other "as" ("remembered her father as saying") no one is known.
        if (previous?.text === 'as') {
          const quoting = quotingVerbBefore(tokens, i - 1);
          const passive = quoting > 0 && PROGRESSIVE.has(tokens[quoting - 1]!.text.toLowerCase());
          const quoted = quoting < 0 || passive ? null : readQuotedAsSaying(text, tokens, quoting, i - 1, cue, sentenceIndex, lexicon);
          if (quoted) events.push(quoted);
          if (!passive) continue;
        }
        const subject = readClauseSubject(text, tokens, cue, sentenceIndex, lexicon, true);
        if (subject) events.push(subject);
        continue;
      }
      // "…,” said X", "Said X: …", and "So said X." opening a sentence after a quotation.
      const soOpening = i === 1 && previous?.text.toLowerCase() === 'so';
      if (!previous || /^[,”"»’'—–:]$/.test(previous.text) || previous.text === '“' || soOpening) {
        const after = readAfter(text, tokens, i + 1, cue, sentenceIndex, lexicon, true);
        if (after) events.push(after);
      }
    }
  });
  // "Pressed on the dividend, Oyelaran was emphatic: “…”": a sentence with no cue whose subject a few words and a
  // colon introduce a quotation; the words between subject and colon are the cue.
  const withCue = new Set(events.map((event) => event.sentence));
  let addedEvents = 0;
  // The next colon at or after a sentence start, found once per colon (sentences come in text order), so a text
  // without colons is not searched to its end again for every sentence.
  let colonAt = -1;
  sentences.forEach((sentence, sentenceIndex) => {
    if (colonAt !== Number.POSITIVE_INFINITY && colonAt < sentence.start) {
      const at = text.indexOf(':', sentence.start);
      colonAt = at < 0 ? Number.POSITIVE_INFINITY : at;
    }
    if (withCue.has(sentenceIndex) || !include(sentenceIndex)) return;
    if (colonAt >= sentence.end || isQuoted(colonAt)) return;
    const event = readColonSpeaker(text, tokensOf(sentence), colonAt, sentenceIndex, lexicon);
    if (event) {
      events.push(event);
      addedEvents++;
    }
  });
  // "Reid has been pounding Trump as a “con artist”", "Bush referred to Rubio as “a bright leader”": a sentence with
  // no cue that casts someone as a quoted fragment; "as" is the cue, its speaker the clause's subject.
  // The casts are found by one scan of the text, each read in the sentence it falls in (most sentences hold none).
  let cast = nextCast(text, 0);
  sentences.forEach((sentence, sentenceIndex) => {
    while (cast !== null && cast.index < sentence.start) cast = nextCast(text, cast.index + 1);
    if (cast === null || cast.index >= sentence.end || withCue.has(sentenceIndex) || !include(sentenceIndex)) return;
    // The first cast that ends inside the sentence, as a scan of the sentence alone would find it.
    let inside: RegExpExecArray | null = cast;
    while (inside !== null && inside.index < sentence.end && inside.index + inside[0].length > sentence.end) inside = nextCast(text, inside.index + 1);
    if (inside === null || inside.index >= sentence.end) return;
    const at = inside.index + inside[0].indexOf('as');
    if (isQuoted(at) || NOT_CASTING.test(text.slice(Math.max(sentence.start, at - 60), at))) return;
    const event = readClauseSubject(text, tokensOf(sentence), { start: at, end: at + 2, text: 'as' }, sentenceIndex, lexicon, true);
    if (event) {
      events.push(event);
      addedEvents++;
    }
  });
  // "He pauses. “I don’t think …”": a short sentence of a subject and its verb just before a quotation whose own
  // sentence has no cue; the writer has put the speaker on stage, and the verb stands in for the cue.
  sentences.forEach((sentence, sentenceIndex) => {
    if (withCue.has(sentenceIndex) || withCue.has(sentenceIndex + 1) || !include(sentenceIndex)) return;
    const next = sentences[sentenceIndex + 1];
    // The beat may be a paragraph of its own ("She pauses.\n\n“I’m not sad …”"), as radio copy and features write it.
    if (next === undefined || !/^[“"‘]$/.test(text[next.start] ?? '') || !/^\s*$/.test(text.slice(sentence.end, next.start))) return;
    const event = readBeat(text, tokensOf(sentence), sentenceIndex, lexicon);
    if (event) {
      events.push(event);
      addedEvents++;
    }
  });
  // "“When I was a student …”\n\nThat’s glaciologist Annika Brunner.": radio and podcast copy names the speaker after
  // the quotation in a sentence of its own; "That’s", "That is", "That was" or "This is" is the cue, the name after it.
  sentences.forEach((sentence, sentenceIndex) => {
    if (withCue.has(sentenceIndex) || !include(sentenceIndex) || !INTRODUCED_AFTER.test(text.slice(sentence.start, sentence.start + 12))) return;
    let before = sentence.start - 1;
    while (before > 0 && /\s/.test(text[before]!)) before--;
    if (!/^[”"’»]$/.test(text[before] ?? '')) return;
    const event = readIntroducedAfter(text, tokensOf(sentence), sentenceIndex, lexicon);
    if (event) {
      events.push(event);
      addedEvents++;
    }
  });
  // "“He is ignorant of our culture.” ― Pamela Padilla": a dash after the closing mark, then the speaker's name to
  // the end of the line, as vox pops, epigraphs and social-media round-ups sign a quotation. The dash is the cue.
  let dashAt = -1;
  sentences.forEach((sentence, sentenceIndex) => {
    if (dashAt !== Number.POSITIVE_INFINITY && dashAt < sentence.start) dashAt = nextDashByline(text, sentence.start);
    if (dashAt >= sentence.end || !include(sentenceIndex)) return;
    const event = readDashByline(text, tokensOf(sentence), dashAt, sentenceIndex, lexicon);
    if (event) {
      events.push(event);
      addedEvents++;
    }
  });
  // "Back at the glacier, Annika Brunner packs her drill. A light snow has started to fall.\n\n“People ask me …”": a
  // paragraph with no quotation and no cue, before a quotation paragraph with no cue, puts its latest subject on stage.
  sentences.forEach((sentence, sentenceIndex) => {
    const next = sentences[sentenceIndex + 1];
    if (next === undefined || withCue.has(sentenceIndex + 1) || !/^[“"‘]$/.test(text[next.start] ?? '') || !text.slice(sentence.end, next.start).includes('\n')) return;
    for (let s = sentenceIndex; s >= 0 && include(s) && !withCue.has(s); s--) {
      if (/[“”"‘]/.test(text.slice(sentences[s]!.start, sentences[s]!.end))) return;
      const event = readStaged(text, tokensOf(sentences[s]!), s, lexicon);
      if (event) {
        events.push(event);
        addedEvents++;
        return;
      }
      if (s === 0 || text.slice(sentences[s - 1]!.end, sentences[s]!.start).includes('\n')) return;
    }
  });
  // Back into sentence order (a stable sort keeps each sentence's own order), as attribution expects.
  if (addedEvents > 0) events.sort((a, b) => a.sentence - b.sentence);
  return events.map((event) => withPossessorCountry(text, sentences, event, lexicon, tokensOf));
}

/**
 * The sentence's tokens with every quoted token turned into a bare mark, so no cue or speaker is read inside a
 * quotation; a nickname in marks between two parts of a name ("Marcia “Cia” Price", "James “Whitey” Bulger") is
 * left out instead, so the name reads whole.
 */
const QUOTE_MARK = /^["“”‘’«»„]$/;

function maskQuoted(tokens: readonly Token[], isMasked: (token: Token) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isMasked(token)) {
      out.push(token);
      continue;
    }
    let end = i;
    while (end + 1 < tokens.length && isMasked(tokens[end + 1]!)) end++;
    const run = tokens.slice(i, end + 1).filter((t) => t.isWord);
    // The marks themselves may stand outside the quoted stretch.
    const open = QUOTE_MARK.test(tokens[i - 1]?.text ?? '') ? i - 1 : i;
    const close = QUOTE_MARK.test(tokens[end + 1]?.text ?? '') ? end + 1 : end;
    const before = tokens[open - 1];
    const after = tokens[close + 1];
    const nickname = run.length === 1 && isCapitalizedWord(run[0]!.text) && before?.isWord === true && isCapitalizedWord(before.text)
      && after?.isWord === true && isCapitalizedWord(after.text);
    if (nickname) {
      if (open < i) out.pop();
      i = close;
      continue;
    }
    for (let k = i; k <= end; k++) out.push({ ...tokens[k]!, isWord: false, text: '“' });
    i = end;
  }
  return out;
}

/** A closing quote mark, white space, a dash and a capital: where a dash byline may start (the dash's offset). */
const DASH_BYLINE = /[”"»’]\s*([—―–])\s*\p{Lu}/gu;

function nextDashByline(text: string, from: number): number {
  DASH_BYLINE.lastIndex = Math.max(0, from - 3);
  for (let match = DASH_BYLINE.exec(text); match; match = DASH_BYLINE.exec(text)) {
    const dash = match.index + match[0].indexOf(match[1]!);
    if (dash >= from) return dash;
  }
  return Number.POSITIVE_INFINITY;
}

/** What may follow a dash byline's name on its line: "― Carla Sanchez." (an apposition is part of the name's extent). */
const BYLINE_END = /^[\s.]*$/;

function readDashByline(text: string, tokens: readonly Token[], dashAt: number, sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const dash = tokens.findIndex((token) => token.start === dashAt);
  if (dash < 0) return null;
  const cue = { start: tokens[dash]!.start, end: tokens[dash]!.end, text: tokens[dash]!.text };
  const read = readAfter(text, tokens, dash + 1, cue, sentence, lexicon);
  if (read?.phrase.kind !== 'name' || read.phrase.nameIsPlace) return null;
  // The byline is the rest of its line: a dash inside running prose ("” — Smith, who …, said") is no signature.
  const lineEnd = text.indexOf('\n', read.extent.end);
  const rest = text.slice(read.extent.end, lineEnd < 0 ? text.length : lineEnd);
  return BYLINE_END.test(rest) ? read : null;
}

/** A sentence subject (a full name, or "he"/"she") and the verb after it, after an opening of up to eight tokens. */
function readStaged(text: string, tokens: readonly Token[], sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const comma = tokens.findIndex((token, i) => token.text === ',' && i <= 8);
  for (const first of comma > 0 ? [0, comma + 1] : [0]) {
    const last = readPhraseAfter(tokens, first, tokens.length, lexicon);
    const verb = last === null ? undefined : tokens[last + 1];
    if (last === null || verb === undefined || !verb.isWord || isCapitalizedWord(verb.text)) continue;
    const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
    const person = phrase?.kind === 'name' ? !phrase.nameIsPlace && phrase.name.includes(' ') : phrase?.kind === 'pronoun' && /^(?:he|she)$/i.test(phrase.text);
    if (!phrase || !person) continue;
    const cue = { start: verb.start, end: verb.end, text: verb.text };
    return { cue, phrase, speakerSide: 'before', sentence, extent: { start: phrase.span.start, end: cue.end }, staged: true };
  }
  return null;
}

/** The opening of a sentence that names the speaker of the quotation before it: "That’s", "That is", "That was", "This is". */
const INTRODUCED_AFTER = /^(?:That|This)(?:[’']s|\s+(?:is|was))\s/;

function readIntroducedAfter(text: string, tokens: readonly Token[], sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const opener = INTRODUCED_AFTER.exec(text.slice(tokens[0]?.start ?? 0))?.[0].trimEnd().length ?? 0;
  const first = tokens.findIndex((token) => token.start >= tokens[0]!.start + opener);
  if (first < 1) return null;
  const cue = { start: tokens[0]!.start, end: tokens[first - 1]!.end, text: text.slice(tokens[0]!.start, tokens[first - 1]!.end) };
  // "That’s glaciologist Annika Brunner": up to three lower-case words before the name are the person's role.
  let name = first;
  while (name < first + 3 && tokens[name]?.isWord === true && !isCapitalizedWord(tokens[name]!.text)) name++;
  const read = readAfter(text, tokens, name, cue, sentence, lexicon);
  // Only a named person is introduced so ("That’s the problem" and "This is Europe’s moment" are no attribution).
  if (read?.phrase.kind !== 'name' || read.phrase.nameIsPlace || !read.phrase.name.includes(' ')) return null;
  // The sentence only introduces the speaker ("… of the Swiss Federal Institute"): no reported speech in it.
  const end = Math.max(read.extent.end, tokens.findLast((token) => token.isWord)?.end ?? 0);
  const event = { ...read, extent: { start: read.extent.start, end } };
  if (name === first) return event;
  const role = { text: text.slice(tokens[first]!.start, tokens[name - 1]!.end), span: { start: tokens[first]!.start, end: tokens[name - 1]!.end } };
  const roles = [role, ...event.phrase.roles];
  return { ...event, phrase: { ...event.phrase, roles, role: roles.map((r) => r.text).join('; ') } };
}

/** At most this many words may follow the subject of a beat before a quotation ("He pauses.", "She laughs again."). */
const MAX_BEAT_WORDS = 2;

function readBeat(text: string, tokens: readonly Token[], sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const stop = tokens.at(-1);
  if (stop?.text !== '.' || tokens.length > 6) return null;
  const last = readPhraseAfter(tokens, 0, tokens.length - 1, lexicon);
  if (last === null) return null;
  const verbs = tokens.slice(last + 1, -1);
  if (verbs.length === 0 || verbs.length > MAX_BEAT_WORDS || !verbs.every((token) => token.isWord && !isCapitalizedWord(token.text))) return null;
  const phrase = describeSpeakerPhrase(text, tokens.slice(0, last + 1), lexicon, null);
  if (phrase?.kind !== 'pronoun' && phrase?.kind !== 'name') return null;
  const cue = { start: verbs[0]!.start, end: verbs.at(-1)!.end, text: text.slice(verbs[0]!.start, verbs.at(-1)!.end) };
  return { cue, phrase, speakerSide: 'before', sentence, extent: { start: phrase.span.start, end: cue.end } };
}

/** At most this many words may stand between a subject and the colon that opens its quotation ("was emphatic"). */
const MAX_COLON_CUE_WORDS = 3;

function readColonSpeaker(text: string, tokens: readonly Token[], colonAt: number, sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const colon = tokens.findIndex((token) => token.start === colonAt);
  if (colon < 2 || !/^[“"‘«]$/.test(tokens[colon + 1]?.text ?? '')) return null;
  let first = 0;
  for (let i = colon - 1; i > 0; i--) {
    if (tokens[i]!.text === ',') {
      first = i + 1;
      break;
    }
  }
  const last = readPhraseAfter(tokens, first, colon, lexicon);
  if (last === null || colon - last - 1 < 1 || colon - last - 1 > MAX_COLON_CUE_WORDS) return null;
  const between = tokens.slice(last + 1, colon);
  if (!between.every((token) => token.isWord && !isCapitalizedWord(token.text))) return null;
  const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
  if (!phrase) return null;
  const cue = { start: between[0]!.start, end: between.at(-1)!.end, text: text.slice(between[0]!.start, between.at(-1)!.end) };
  return { cue, phrase, speakerSide: 'before', sentence, extent: { start: phrase.span.start, end: cue.end } };
}

/**
 * "Hungary had blocked the package. Its foreign minister, Peter Szijjarto, said …": a role opening with "its" or
 * "their" belongs to the first country or institution the sentence before names, and a bare "a spokesman" to the
 * first institution it names; that place joins the roles.
 */
function withPossessorCountry(text: string, sentences: readonly Span[], event: SpeechEvent, lexicon: Lexicon, tokensOf: SentenceTokens): SpeechEvent {
  const possessive = event.phrase.roles.some((role) => /^(?:its|their)\b/i.test(role.text));
  // "The European Commission defended the rules. A spokesman, Eric Mamer, said …": a bare title works for the
  // institution the sentence before is about.
  const bare = event.phrase.kind === 'name' && event.phrase.roles.length === 1 && /^(?:[Aa]n?|[Tt]he)\s+[\p{Ll}\s-]+$/u.test(event.phrase.roles[0]!.text);
  const previous = sentences[event.sentence - 1];
  if ((!possessive && !bare) || !previous) return event;
  const words = tokensOf(previous).filter((token) => token.isWord);
  for (let i = 0; i < words.length; i++) {
    for (let length = Math.min(3, words.length - i); length >= 1; length--) {
      const span = { start: words[i]!.start, end: words[i + length - 1]!.end };
      const place = lexicon.places.get(text.slice(span.start, span.end));
      if (place && place.rule !== 'capital' && (possessive || place.rule === 'institution' || place.rule === 'international-organization')) {
        const roles = [...event.phrase.roles, { text: text.slice(span.start, span.end), span }];
        return { ...event, phrase: { ...event.phrase, roles, role: roles.map((role) => role.text).join('; ') } };
      }
    }
  }
  return event;
}

/** Asides that may follow a first apposition: "…, the attorney general of Oklahoma, one of the states suing, said". */
const APPOSITION_CONTINUATIONS = new Set(['one', 'among', 'both', 'also', 'then', 'now', 'himself', 'herself']);
/** At most this many comma-bounded asides stand between a subject and its cue. */
const MAX_ASIDES = 3;
/** At most this many lower-case words make an aside of their own ("meanwhile", "for his part"). */
const MAX_ASIDE_WORDS = 3;

function readBefore(text: string, tokens: readonly Token[], cueIndex: number, cue: Cue, sentence: number, lexicon: Lexicon): SpeechEvent | null {
  // The relative pronoun first: it fails at the first capitalised word before most cues, before any text is sliced.
  const relative = readRelativeSubject(text, tokens, cueIndex, lexicon);
  if (relative && QUOTE_SOON_AFTER.test(text.slice(cue.end, cue.end + RELATIVE_QUOTE_REACH))) return { cue, phrase: relative, speakerSide: 'before', sentence, extent: { start: relative.span.start, end: cue.end } };
  let last = skipBetween(tokens, cueIndex - 1, 0, lexicon);
  let apposition: Span | null = null;
  // An age among the asides ("Quina Jones, 25, said") is an age only after a person's name.
  let aged = false;
  let asideOnly = false;
  // "Sen. Lindsey Graham, R-S.C., told reporters": a party and state tag between the name and the cue.
  const tag = tokens[last - 1]?.text === '.' ? last - 2 : last - 1;
  if (tokens[last]?.text === ',' && /^[RDI]-\p{Lu}/u.test(tokens[tag]?.text ?? '') && tokens[tag - 1]?.text === ',') last = tag - 2;
  // "Hale, now 91, said", "Ruth Ames, aged 70, told": an age aside before the cue (a bare number is a figure, not an age).
  if (tokens[last]?.text === ',' && /^\d{1,3}$/.test(tokens[last - 1]?.text ?? '') && /^(?:now|aged)$/i.test(tokens[last - 2]?.text ?? '') && tokens[last - 3]?.text === ',') last -= 4;
  // "Jeffrey Edmonds, a former White House adviser on Russia, said": skip back over the apposition.
  // "Ukraine's foreign minister, Dmytro Kuleba, said": the name between the commas, the role before them.
  if (tokens[last]?.text === ',') {
    let open = last - 1;
    while (open > 0 && tokens[open]!.text !== ',' && /^[^.!?;“”"]/.test(tokens[open]!.text)) open--;
    const opener = tokens[open + 1];
    if (open <= 0 || tokens[open]!.text !== ',' || !opener || open + 1 > last - 1) return null;
    const inner = tokens.slice(open + 1, last);
    const named = describeSpeakerPhrase(text, inner, lexicon, null);
    if (named?.kind === 'name' && readPhraseBefore(tokens, last - 1, open + 1, lexicon) === open + 1) {
      const roleStart = readPhraseBefore(tokens, open - 1, 0, lexicon);
      const role = roleStart === null ? null : describeSpeakerPhrase(text, tokens.slice(roleStart, open), lexicon, null);
      if (role && role.kind !== 'name' && role.kind !== 'pronoun') {
        const roleSpan = { start: role.span.start, end: role.span.end };
        const phrase = { ...named, roles: [{ text: role.text, span: roleSpan }, ...named.roles], role: [role.text, named.role].filter(Boolean).join('; ') };
        return { cue, phrase, speakerSide: 'before', sentence, extent: { start: role.span.start, end: cue.end } };
      }
    }
    // Only asides may stand between a subject and its cue, nearest the cue first: an apposition ("a former adviser",
    // "one of the states suing"), a relative or participle clause ("who spoke …", "speaking in Moscow") or an age
    // ("Quina Jones, 25, said"); anything else means the words before are no subject.
    // Each aside from the cue back: the comma-bounded run of words that ends at `last`, opening after `from`.
    const kindOf = (from: number): 'age' | 'apposition' | 'clause' | 'continuation' | 'aside' | null => {
      const inner = tokens.slice(from + 1, last);
      const word = inner[0]!.text;
      if (/^\d{1,3}$/.test(inner.at(-1)!.text) && (inner.length === 1 || (inner.length === 2 && /^(?:now|aged)$/i.test(word)))) return 'age';
      if (APPOSITION_OPENERS.has(word.toLowerCase())) return /^(?:who|whose|which)$/i.test(word) ? 'clause' : 'apposition';
      if (/^\p{Ll}+ing$/u.test(word)) return 'clause';
      if (APPOSITION_CONTINUATIONS.has(word.toLowerCase())) return 'continuation';
      // "Yang Shu, director of the Institute …, calls": a role without an article ("director of", "former governor").
      if (lexicon.titles.has(word.toLowerCase()) || lexicon.modifiers.has(word.toLowerCase())) return 'apposition';
      // "Clinton, exasperated, responded", "Hunter, meanwhile, told": a short aside of lower-case words.
      return inner.length <= MAX_ASIDE_WORDS && inner.every((token) => token.isWord && /^\p{Ll}[\p{Ll}-]*$/u.test(token.text) && !lexicon.cueVerbs.has(token.text)) ? 'aside' : null;
    };
    let from = open;
    let kind = kindOf(from);
    if (kind === null) return null;
    let onlyContinuations = true;
    for (let groups = 1; ; groups++) {
      if (kind === 'age') aged = true;
      // "In Iowa, by contrast, says …": a place before a bare aside is where, not who.
      if (kind === 'aside') asideOnly = true;
      if (kind !== 'continuation') onlyContinuations = false;
      if (kind === 'apposition') apposition = { start: tokens[from + 1]!.start, end: tokens[last - 1]!.end };
      // Another aside may end at this group's opening comma: it starts after the comma before, at least one word back.
      const comma = from;
      let previous = comma - 1;
      while (previous > 0 && tokens[previous]!.text !== ',' && /^[^.!?;“”"]/.test(tokens[previous]!.text)) previous--;
      last = comma;
      const next = groups < MAX_ASIDES && previous > 0 && tokens[previous]!.text === ',' && previous + 1 <= comma - 1 ? kindOf(previous) : null;
      if (next === null) {
        last = comma - 1;
        break;
      }
      from = previous;
      kind = next;
    }
    if (onlyContinuations) return null;
    const subjectStart = readPhraseBefore(tokens, last, 0, lexicon);
    if (subjectStart !== null && !opensSubject(tokens[subjectStart - 1])) return null;
  }
  // "a source familiar with the negotiations said", "people briefed on the talks said".
  const sourced = readSourcePhrase(text, tokens, last, cue, sentence, lexicon);
  if (sourced) return sourced;
  // "A senior official … looked at the map and said that …": a cue after "and" belongs to the clause's subject.
  if (apposition === null && /^(?:and|but)$/i.test(tokens[last]?.text ?? '')) return readClauseSubject(text, tokens, cue, sentence, lexicon);
  const first = readPhraseBefore(tokens, last, 0, lexicon);
  if (first === null) return null;
  const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, apposition);
  if (!phrase || (aged && phrase.kind !== 'name') || (asideOnly && phrase.nameIsPlace)) return null;
  const issuer = apposition === null ? readIssuer(text, tokens, first, phrase, lexicon) : null;
  if (issuer) return { cue, phrase: issuer, speakerSide: 'before', sentence, extent: { start: issuer.span.start, end: cue.end } };
  return { cue, phrase, speakerSide: 'before', sentence, extent: { start: phrase.span.start, end: cue.end } };
}

/** How far after a relative clause's cue its quotation may open, in characters. */
const RELATIVE_QUOTE_REACH = 60;
/** An opening mark: a relative clause's cue is read only when it introduces a quotation. */
const QUOTE_SOON_AFTER = /[“"‘]/;
/** Relative pronouns that stand for the phrase before them as a cue's subject. */
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** At most this many words between a relative pronoun and its cue ("who has in the past described"). */
const MAX_RELATIVE_GAP = 4;
/** Prepositions that may open a phrase between a relative pronoun and its cue ("who has in the past said"). */
const GAP_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'since', 'for', 'over', 'after', 'before']);
/** Words after which a capitalised word is a date, not a name ("who in July said", "which on Monday reported"). */
const DATE_PREPOSITIONS = new Set(['in', 'on', 'last', 'since', 'until', 'during']);

/**
 * "Trump, who has called the pact “insanity,”", "Mike Lee, who declared, “…”", "the department, which reported “…”":
 * a relative pronoun as the subject of a cue that introduces a quotation, a few lower-case words or a date between,
 * means the phrase before it (after a comma or a dash, or right before it). Returns that phrase, or null.
 */
function readRelativeSubject(text: string, tokens: readonly Token[], cueIndex: number, lexicon: Lexicon): SpeakerPhrase | null {
  let at = cueIndex - 1;
  for (let gap = 0; at >= 0 && gap <= MAX_RELATIVE_GAP; gap++, at--) {
    const word = tokens[at]!;
    if (RELATIVE_PRONOUNS.has(word.text)) break;
    const datePart = /^\d{1,4}$/.test(word.text) || (isCapitalizedWord(word.text) && DATE_PREPOSITIONS.has(tokens[at - 1]?.text ?? ''));
    if (!word.isWord || (!datePart && !/^\p{Ll}+$/u.test(word.text)) || lexicon.cueVerbs.has(word.text)) return null;
    // "which he calls “…”", "whom the president called": a subject of its own makes the pronoun the cue's object.
    // A determiner may stand only inside a phrase after a preposition ("who has in the past described").
    if (lexicon.personPronouns.has(word.text) || lexicon.groupPronouns.has(word.text) || lexicon.organizationPronouns.has(word.text)) return null;
    if (lexicon.quantifiers.has(word.text) && !GAP_PREPOSITIONS.has(tokens[at - 1]?.text ?? '')) return null;
  }
  if (at < 1 || !RELATIVE_PRONOUNS.has(tokens[at]!.text)) return null;
  const last = /^[,—–-]$/.test(tokens[at - 1]!.text) ? at - 2 : at - 1;
  if (last < 0) return null;
  const first = readPhraseBefore(tokens, last, 0, lexicon);
  if (first === null) return null;
  const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
  return phrase && phrase.kind !== 'pronoun' ? phrase : null;
}

/**
 * "the Security Council issued a statement calling …", "the campaign released a video saying …": a document that its
 * subject issued, right before the cue, speaks for that subject. Returns the issuer's phrase, or null.
 */
function readIssuer(text: string, tokens: readonly Token[], first: number, document: SpeakerPhrase, lexicon: Lexicon): SpeakerPhrase | null {
  if (document.kind !== 'organization' || !lexicon.documents.has(document.head) || !lexicon.issuingVerbs.has(tokens[first - 1]?.text ?? '')) return null;
  const last = skipBetween(tokens, first - 2, 0, lexicon);
  const start = readPhraseBefore(tokens, last, 0, lexicon);
  if (start === null) return null;
  if (!opensSubject(tokens[start - 1])) return null;
  return describeSpeakerPhrase(text, tokens.slice(start, last + 1), lexicon, null);
}

/** Whether a subject may start after `before`: the sentence's start, a comma, a mark, a colon, "and" or "but". */
function opensSubject(before: Token | undefined): boolean {
  return before === undefined || /^(?:,|“|”|"|:|and|but)$/.test(before.text);
}

/**
 * Reads the speaker after a cue. `inverted`: the cue follows a quotation or a comma ("…,” said X"), so what comes
 * after it is the subject, a noun phrase, and never a clause of its own.
 */
function readAfter(text: string, tokens: readonly Token[], first: number, cue: Cue, sentence: number, lexicon: Lexicon, inverted = false): SpeechEvent | null {
  // "suggests that Phoenix and its officers …", "chimed in, saying that Charlotte officials should …": "that" before a
  // name opens the reported clause, whose subject is spoken of; the speaker is the sentence's own subject.
  if (tokens[first]?.text === 'that' && isCapitalizedWord(tokens[first + 1]?.text ?? '')) return readClauseSubject(text, tokens, cue, sentence, lexicon);
  let last = readPhraseAfter(tokens, first, tokens.length, lexicon);
  if (last === null) return null;
  if (inverted) last = nameAfterRoleNoun(tokens, last, lexicon) ?? last;
  const named = readNameAfterDescription(text, tokens, first, last, lexicon);
  if (named) return { cue, phrase: named.phrase, speakerSide: 'after', sentence, extent: { start: cue.start, end: named.end } };
  let apposition: Span | null = null;
  let extentEnd = tokens[last]!.end;
  // "said Jean Dupont, 52, a wheat farmer": an age between the name and the apposition.
  const aged = tokens[last + 1]?.text === ',' && /^\d{1,3}$/.test(tokens[last + 2]?.text ?? '') && tokens[last + 3]?.text === ',';
  const opener = tokens[last + (aged ? 4 : 2)];
  if (tokens[last + 1]?.text === ',' && opener && (APPOSITION_OPENERS.has(opener.text.toLowerCase()) || lexicon.modifiers.has(opener.text.toLowerCase()) || lexicon.titles.has(opener.text.toLowerCase()))) {
    const end = appositionEnd(tokens, last + (aged ? 4 : 2), tokens.length);
    apposition = { start: opener.start, end: tokens[end]!.end };
    extentEnd = apposition.end;
  }
  const phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, apposition);
  if (!phrase) return null;
  return { cue, phrase, speakerSide: 'after', sentence, extent: { start: cue.start, end: extentEnd } };
}

/** How many lower-case role nouns may stand between a modifier and the name it qualifies ("party boss"). */
const MAX_ROLE_NOUNS = 2;

/**
 * "…,” said Clinton ally James Carville", "said Republican party boss Reince Priebus": the phrase read so far
 * ("Clinton") is a modifier when one or two lower-case nouns and a name of two or more capitalised words follow it;
 * the speaker phrase then runs to the end of that name, whose role the words before it become. Returns the index of
 * the name's last token, or null.
 */
function nameAfterRoleNoun(tokens: readonly Token[], last: number, lexicon: Lexicon): number | null {
  let i = last + 1;
  while (i - last - 1 < MAX_ROLE_NOUNS && mayHeadRole(tokens[i], lexicon)) i++;
  if (i === last + 1) return null;
  const nameStart = i;
  while (tokens[i]?.isWord && isCapitalizedWord(tokens[i]!.text) && !lexicon.notNames.has(tokens[i]!.text)) i++;
  return i - nameStart >= 2 ? i - 1 : null;
}

/** Whether a lower-case word may head a role ("ally", "boss", "constituent"): no function word, preposition or cue. */
function mayHeadRole(token: Token | undefined, lexicon: Lexicon): boolean {
  return token !== undefined && token.isWord && /^\p{Ll}[\p{Ll}-]{2,}$/u.test(token.text) && !isFunctionWord(token.text) && !ROLE_NOUN_EXCLUDED.test(token.text)
    && !lexicon.cueVerbs.has(token.text) && !lexicon.quantifiers.has(token.text) && !lexicon.betweenSpeakerAndCue.has(token.text);
}

/** Prepositions a cue's speaker may be followed by ("said Jones outside City Hall", "said Trump via Truth Social"). */
const ROLE_NOUN_EXCLUDED = /^(?:about|above|across|against|ahead|alongside|amid|among|around|behind|beside|besides|between|beyond|despite|during|following|including|inside|into|near|nor|outside|over|per|since|through|toward|towards|under|unlike|upon|via|whom|whose|where|within|without|asked|added)$/;

/** A party tag's content, its tokens joined: "D", "R-IN", "D-Wis.", "I-Vt.", "D-NewportNews". */
const BRACKETED_PARTY_TAG = /^[RDI](?:-\p{Lu}[\p{L}.]*)?\.?$/u;

/**
 * The tokens without a party tag in brackets after a name ("Rep. Gwen Moore (D-Wis.) said", "Marcia Price (D-Newport
 * News), shouted", "said Rep. Jim Clyburn (D-S.C.), the assistant leader"): the tag belongs to the name, and every
 * reader below then finds the name, its asides and its cue side by side.
 */
function withoutPartyTags(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some((token) => token.text === '(')) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '(' && out.length > 0 && isCapitalizedWord(out.at(-1)!.text)) {
      const close = [i + 2, i + 3, i + 4].find((at) => tokens[at]?.text === ')');
      if (close !== undefined && BRACKETED_PARTY_TAG.test(tokens.slice(i + 1, close).map((t) => t.text).join(''))) {
        i = close;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/**
 * "says its chief executive, James Taylor": a description after the cue, then the name between commas (or closing
 * the sentence, or before a colon that opens the quote); the speaker is the named person, the description their role.
 */
function readNameAfterDescription(text: string, tokens: readonly Token[], first: number, last: number, lexicon: Lexicon): { phrase: SpeakerPhrase; end: number } | null {
  if (tokens[last + 1]?.text !== ',') return null;
  const role = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
  if (role?.kind !== 'description') return null;
  const nameLast = readPhraseAfter(tokens, last + 2, tokens.length, lexicon);
  if (nameLast === null || !/^(?:,|\.|;|:|$)/.test(tokens[nameLast + 1]?.text ?? '')) return null;
  const name = describeSpeakerPhrase(text, tokens.slice(last + 2, nameLast + 1), lexicon, null);
  if (name?.kind !== 'name') return null;
  const roles = [{ text: role.text, span: role.span }, ...name.roles];
  return { phrase: { ...name, roles, role: roles.map((r) => r.text).join('; ') }, end: tokens[nameLast]!.end };
}

/**
 * How many tokens an opening phrase ("Last weekend,", "Asked whether there had been contact,") may take before a
 * clause subject: as many as a sentence subject's opening in `find-subject-mentions.ts`.
 */
const MAX_INTRO_TOKENS = 8;

/**
 * What before "as" makes it no one's words: the passive ("was widely seen as", "is known among donors as"; not the
 * progressive, "has been pounding him as") and verbs of a role ("has worked as a “fixer”", "served as").
 */
const NOT_CASTING = /\b(?:(?:is|are|was|were|be|been|being)(?!\s+\p{L}+ing\b)|works?|worked|working|serves?|served|serving|acts?|acted|acting|poses?|posed|posing|ran|runs|running|stands?|stood)\b(?:\s+[\p{L}’'-]+){0,4}\s*$/iu;

/** "… as a “", "… as “": what casts someone as a quoted fragment ("such as “…”" and "known as “…”" give examples
 * and names, not words). */
const CAST_AS_QUOTE = /(?<!\b(?:such|known|well|same))\sas\s+(?:(?:an?|the)\s+)?[“"‘]/gi;

/** The first cast at or after `from` in the whole text, or null. */
function nextCast(text: string, from: number): RegExpExecArray | null {
  CAST_AS_QUOTE.lastIndex = from;
  return CAST_AS_QUOTE.exec(text);
}

/** Words that follow a participle opening a sentence ("Appearing before", "Speaking to the", "Addressing his"). */
const PARTICIPLE_OBJECTS = new Set(['before', 'after', 'at', 'in', 'on', 'with', 'to', 'from', 'for', 'about', 'during', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);

/** Words that make the noun before them a span of time when a comma follows ("Hours later,", "Two weeks ago,"). */
const TIME_AFTER = new Set(['later', 'earlier', 'ago', 'afterward', 'afterwards', 'before', 'after']);

/** The subject at the start of the sentence, for a cue coordinated with an earlier verb ("X met Y and said …"). */
function readClauseSubject(text: string, tokens: readonly Token[], cue: Cue, sentence: number, lexicon: Lexicon, pronouns = false): SpeechEvent | null {
  const comma = tokens.findIndex((token, i) => token.text === ',' && i <= MAX_INTRO_TOKENS);
  for (const first of comma > 0 ? [0, comma + 1] : [0]) {
    const last = readPhraseAfter(tokens, first, tokens.length, lexicon);
    if (last === null || tokens[last]!.end > cue.start) continue;
    // The subject must be followed by its verb: a lower-case word that is no part of a name, right after it or
    // after the comma that closes a name in apposition ("its spokesman, Nabil Abdullah, accused … and said").
    const closing = tokens[last + 1]?.text === ',' && first > 0 && tokens[first - 1]?.text === ',' ? 1 : 0;
    const next = tokens[last + 1 + closing];
    if (!next || !next.isWord || isCapitalizedWord(next.text) || APPOSITION_OPENERS.has(next.text)) continue;
    // "Hours later, Trump returned …": a span of time opening the sentence, capitalised only there, is no subject.
    if (first === 0 && closing === 0 && TIME_AFTER.has(next.text) && tokens[last + 2]?.text === ',') continue;
    // "Appearing before cheering supporters, Suu Kyi said …": a participle opening the sentence is no subject.
    if (first === 0 && last === 0 && /^\p{Lu}\p{Ll}+ing$/u.test(tokens[0]!.text) && PARTICIPLE_OBJECTS.has(next.text)) continue;
    let phrase = describeSpeakerPhrase(text, tokens.slice(first, last + 1), lexicon, null);
    // "Dean, a medical doctor, then appeared …": a description between commas after a name is the name's role.
    if (closing === 1 && phrase?.kind === 'description') {
      const nameLast = readPhraseAfter(tokens, 0, first - 1, lexicon);
      const named = nameLast === first - 2 ? describeSpeakerPhrase(text, tokens.slice(0, nameLast + 1), lexicon, null) : null;
      if (named?.kind === 'name') phrase = { ...named, roles: [...named.roles, { text: phrase.text, span: phrase.span }], role: [named.role, phrase.text].filter(Boolean).join('; ') };
    }
    if (phrase && (pronouns || phrase.kind !== 'pronoun')) return { cue, phrase, speakerSide: 'before', sentence, extent: { start: cue.start, end: cue.end } };
  }
  return null;
}

const isCapitalizedWord = (word: string) => /^\p{Lu}/u.test(word);

/** Anonymous sources: a head noun, then "familiar with", "close to", "briefed on" and what they know. */
const SOURCE = /(?:^|[\s,])((?:(?:a|an|the|two|three|four|several|some|other)\s+)?(?:[\p{L}-]+\s+)?(sources?|persons?|people|officials?|diplomats?|insiders?)\s+(?:familiar with|close to|briefed on|with (?:direct )?knowledge of|involved in|aware of)\s+[^,.;:“”"]{1,80}?)\s*$/u;

/** The linking phrases SOURCE requires, as a plain pattern: a cheap test that most sentences fail. */
const SOURCE_LINK = /familiar with|close to|briefed on|knowledge of|involved in|aware of/;

function readSourcePhrase(text: string, tokens: readonly Token[], last: number, cue: Cue, sentence: number, lexicon: Lexicon): SpeechEvent | null {
  const end = tokens[last];
  if (!end || !end.isWord) return null;
  const from = tokens[0]!.start;
  const before = text.slice(from, end.end);
  // SOURCE tries every start in the sentence before the cue; without one of its linking phrases it cannot match.
  if (!SOURCE_LINK.test(before)) return null;
  const match = SOURCE.exec(before);
  if (!match?.[1] || !match[2]) return null;
  const start = from + before.length - match[1].length;
  const span = { start, end: end.end };
  const phraseText = text.slice(span.start, span.end);
  const head = match[2].toLowerCase();
  const plural = lexicon.groups.has(head);
  const phrase: SpeakerPhrase = {
    span, text: phraseText, kind: plural ? 'group' : 'description', name: phraseText, role: phraseText, roles: [{ text: phraseText, span }],
    head, definite: false, honorific: null, nameIsPlace: false,
  };
  return { cue, phrase, speakerSide: 'before', sentence, extent: { start, end: cue.end } };
}
