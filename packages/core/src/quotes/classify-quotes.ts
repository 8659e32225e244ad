import { indexOfSpan } from '../internal/spans.js';
import { wordCount, words } from '../internal/words.js';
import type { QuoteKind, Span } from '../model/analysis.js';
import type { QuoteSpan } from './find-quote-spans.js';

/** A marked quotation with its kind decided; `scare` quotes ("so-called “experts”") are dropped from the output. */
export interface ClassifiedQuote extends QuoteSpan {
  readonly kind: Exclude<QuoteKind, 'turn' | 'indirect'> | 'scare';
  readonly sentence: number;
  /** True when the quote is the whole of its paragraph. */
  readonly standalone: boolean;
  /** For a heading: the later quote (index in the list) that repeats or paraphrases it. */
  readonly headingOf: number | null;
  readonly why: string;
}

/** Share of a heading's words that must come back in a later quote for the two to be linked. */
const HEADING_LINK_OVERLAP = 0.6;
const SCARE_MAX_WORDS = 3;
/** How many later quotes a heading is compared with: a pull-quote repeats a quote from the same article section. */
const HEADING_LINK_LOOKAHEAD = 60;

/** Crude stems: the first five letters of every word of four letters or more ("creating" ~ "create"). */
const stems = (text: string) => new Set(words(text).filter((word) => word.length >= 4).map((word) => word.toLowerCase().slice(0, 5)));


/**
 * Decides each marked quotation's kind: `heading` (a paragraph that is only a quotation, like a section heading or
 * pull-quote, linked to the later quote that repeats it), `partial` (a fragment inside reported speech: "rejected
 * those demands as “non-starters,”"), `scare` (a short fragment with no speech around it: "so-called “experts”")
 * or `direct`. `hasCue(sentence)` tells whether a sentence holds a speech cue.
 *
 * @example
 * classifyQuotes(text, spans, paragraphs, sentences, () => true, null)[0].kind; // 'direct'
 */
export function classifyQuotes(
  text: string,
  spans: readonly QuoteSpan[],
  paragraphs: readonly Span[],
  sentences: readonly Span[],
  hasCue: (sentence: number) => boolean,
  headline: number | null,
): ClassifiedQuote[] {
  const standalone = spans.map((span) => {
    const paragraph = paragraphs[span.paragraph]!;
    const before = text.slice(paragraph.start, span.open).trim();
    const after = text.slice(span.close === null ? span.end : span.close + 1, paragraph.end);
    return before === '' && /^[\s.,!?…]*$/.test(after);
  });
  // Stems are compared only around a possible heading: computed when first asked for.
  const stemCache: (Set<string> | undefined)[] = [];
  const stemsOf = (index: number) => (stemCache[index] ??= stems(text.slice(spans[index]!.start, spans[index]!.end)));
  return spans.map((span, index) => {
    const sentence = Math.max(0, indexOfSpan(sentences, span.open));
    const { kind, headingOf, why } = decideKind(text, spans, index, sentence, sentences, standalone, stemsOf, hasCue, headline);
    // Every field written out: spreading the span and then the result costs more than the rest of the stage.
    return {
      start: span.start, end: span.end, open: span.open, close: span.close, paragraph: span.paragraph, closedBy: span.closedBy,
      continuesPrevious: span.continuesPrevious, sentence, standalone: standalone[index]!, headingOf, kind, why,
    };
  });
}

type Decision = Pick<ClassifiedQuote, 'kind' | 'headingOf' | 'why'>;

/** One capitalised word, as a nickname is written: "Peggy", "Whitey", "O'Neill". */
const NICKNAME = /^\p{Lu}[\p{L}'’.-]*$/u;

/** Words that introduce the title of a work or a broadcast: "on “Meet the Press”", "the book “Sin Miedo”". */
const WORK_WORDS = new Set(['on', 'host', 'edition', 'show', 'podcast', 'program', 'programme', 'series', 'film', 'movie', 'documentary', 'book', 'memoir', 'album', 'song', 'episode', 'broadcast', 'segment', 'titled', 'entitled', 'headlined', 'column', 'op-ed', 'essay']);
/** Small words a title leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs.', 'vs', '&']);

/** A short title in title case: "Fox News Sunday,", "Face the Nation", "The Apprentice." (one to six words). */
function isTitleCase(content: string): boolean {
  const words = content.replace(/[.,!?;:]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || !/^[\p{Lu}\d]/u.test(words[0]!)) return false;
  return words.every((word) => /^[\p{Lu}\d]/u.test(word) || TITLE_SMALL_WORDS.has(word));
}

/** Whether the words before an opening mark introduce a work: a work word, or a broadcaster's possessive ("CNN’s"). */
function introducesWork(before: string): boolean {
  // The last two words (split, not an end-anchored pattern, which is tried again from every character).
  const words = before.trimEnd().split(/\s+/);
  const word = words[words.length - 1]!;
  const previous = words.length > 1 ? words[words.length - 2]! : '';
  // "a broadcast of", "an episode of", "the host of": the work word stands before "of".
  const introducing = (word === 'of' ? previous : word).replace(/[,:]$/, '').toLowerCase();
  return WORK_WORDS.has(introducing) || /^(?:\p{Lu}{2,6}|Fox|Bloomberg)[’']s$/u.test(word);
}

/** What names a word before it is quoted: "When I say “we,”", "the word “they”", "uses “it”" (not "answered “them.”"). */
const MENTIONING = /\b(?:say|says|said|saying|word|term|use|uses|used|using)$/i;
/** A pronoun or article alone in marks. */
const WORD_MENTIONED = /^(?:I|me|we|us|you|he|him|she|her|it|they|them|the|a|an)$/i;

/** The kind of quote `index` (in sentence `sentence`), the later quote it is the heading of, and why. */
function decideKind(
  text: string,
  spans: readonly QuoteSpan[],
  index: number,
  sentence: number,
  sentences: readonly Span[],
  standalone: readonly boolean[],
  stemsOf: (index: number) => ReadonlySet<string>,
  hasCue: (sentence: number) => boolean,
  headline: number | null,
): Decision {
  const span = spans[index]!;
  const content = text.slice(span.start, span.end);
  const isHeadline = span.paragraph === headline;
  // "Margaret ‘Peggy’ Allbright", "James “Whitey” Bulger": a capitalised word in marks between a given name and a
  // surname is a nickname, never a quotation, in a headline as in the text.
  if (span.close !== null && NICKNAME.test(content) && /\p{Lu}\p{Ll}*[ \u00a0]$/u.test(text.slice(Math.max(0, span.open - 30), span.open))
    && /^[ \u00a0]\p{Lu}/u.test(text.slice(span.close + 1, span.close + 3))) {
    return { kind: 'scare', headingOf: null, why: 'nickname' };
  }
  // "on “Fox News Sunday,”", "MSNBC’s “Morning Joe”", "the documentary “13th”": a title in title case after a word
  // that introduces a work or a broadcaster's possessive names a work, it quotes no one.
  if (span.close !== null && introducesWork(text.slice(Math.max(0, span.open - 30), span.open)) && isTitleCase(content)) {
    return { kind: 'scare', headingOf: null, why: 'title-of-a-work' };
  }
  // A closed, title-like quote standing alone is a heading even when the paragraph before left a mark open.
  const titleLike = span.closedBy === 'mark' && !/[.!?…,]["”’»]?$/.test(content);
  if ((standalone[index] || isHeadline) && (titleLike || !span.continuesPrevious) && span.closedBy !== 'paragraph-continues' && !hasCue(sentence)) {
    const own = stemsOf(index);
    const link = own.size === 0 ? -1 : spans.findIndex((_, j) => {
      if (j <= index || j > index + HEADING_LINK_LOOKAHEAD || standalone[j]) return false;
      const other = stemsOf(j);
      let shared = 0;
      for (const stem of own) if (other.has(stem)) shared++;
      return shared / own.size >= HEADING_LINK_OVERLAP;
    });
    if (link >= 0) return { kind: 'heading', headingOf: link, why: 'repeated-later' };
    if (isHeadline || !/[.!?…,]["”’»]?$/.test(content)) return { kind: 'heading', headingOf: null, why: 'title-like-paragraph' };
  }
  const sentenceStart = sentences[sentence]?.start ?? span.open;
  const lead = text.slice(sentenceStart, span.open).trimEnd();
  const embedded = /[\p{L}\p{N})]$/u.test(lead);
  const lowercase = /^[\p{Ll}…]/u.test(content) || /^\.\.\./.test(content);
  if (embedded && wordCount(content, SCARE_MAX_WORDS + 1) <= SCARE_MAX_WORDS && !hasCue(sentence)) return { kind: 'scare', headingOf: null, why: 'short-fragment-without-cue' };
  // "When I say “we,” I mean …": a pronoun or article in marks is a word mentioned, not words spoken.
  if (embedded && MENTIONING.test(lead) && WORD_MENTIONED.test(content.replace(/[\s,.;:!?]+$/u, ''))) return { kind: 'scare', headingOf: null, why: 'word-mentioned' };
  if (!embedded && !lead && wordCount(content, 2) <= 1 && !hasCue(sentence)) return { kind: 'scare', headingOf: null, why: 'single-word-without-cue' };
  // "“We are ready,” he said, “to talk.”": the second half of a quotation split by its attribution.
  const previous = spans[index - 1];
  const splitHalf = lowercase && /,$/.test(lead) && previous !== undefined && previous.close !== null && indexOfSpan(sentences, previous.open) === sentence;
  if (splitHalf) return { kind: 'direct', headingOf: null, why: 'second-half-of-split-quote' };
  if (embedded && lowercase) return { kind: 'partial', headingOf: null, why: 'fragment-inside-sentence' };
  if (lowercase && lead) return { kind: 'partial', headingOf: null, why: 'lower-case-fragment' };
  return { kind: 'direct', headingOf: null, why: 'quotation' };
}
