import type { Span } from '../model/analysis.js';
import { wordCount } from '../internal/words.js';
import type { SpeechEvent } from './find-speech-events.js';

/** Reported speech without quotation marks: the words reported and the event that reports them. */
export interface IndirectSpeech extends Span {
  readonly event: number;
  readonly rule: 'cue-then-content' | 'content-then-cue';
}

const DATELINE_PREFIX = /^[A-Z][A-Z.'’ -]{2,30}?(?:,\s*[A-Z][A-Za-z. ]{1,30}?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+/;

/** Reported content shorter than this is no statement ("he said so"). */
const MIN_WORDS = 4;
/** Words that may follow a closing attribution ("said in an interview on Friday"). */
const MAX_TRAILING_WORDS = 6;

/**
 * Reported speech in sentences without quotation marks: "Lavrov warned on Friday that Moscow is starting to run out
 * of patience" (from the cue to the end of the sentence) and "One option is …, said Oleksandr Danilyuk" (from the
 * start of the sentence to the comma before the attribution). `quoted` lists sentences that hold quotations.
 *
 * @example
 * findIndirectSpeech(text, sentences, events, new Set())[0].rule; // 'cue-then-content'
 */
export function findIndirectSpeech(text: string, sentences: readonly Span[], events: readonly SpeechEvent[], quoted: ReadonlySet<number>): IndirectSpeech[] {
  const found: IndirectSpeech[] = [];
  const used = new Set<number>();
  events.forEach((event, index) => {
    if (quoted.has(event.sentence) || used.has(event.sentence) || event.staged === true) return;
    const sentence = sentences[event.sentence]!;
    const attributionStart = event.speakerSide === 'after' ? event.cue.start : event.phrase.span.start;
    const beforeAttribution = text.slice(sentence.start, attributionStart);
    // Content first only when the attribution closes the sentence: "…, said Oleksandr Danilyuk, a former …".
    const rest = text.slice(event.cue.end, sentence.end);
    const closesSentence = event.speakerSide === 'after' || (wordCount(rest, MAX_TRAILING_WORDS + 1) <= MAX_TRAILING_WORDS && !/\bthat\b/.test(rest));
    if (closesSentence && /,\s*$/.test(beforeAttribution) && wordCount(beforeAttribution, MIN_WORDS) >= MIN_WORDS) {
      const end = sentence.start + beforeAttribution.replace(/\s*,\s*$/, '').length;
      // "BRUSSELS (Reuters) - EU governments agreed …": the dateline is no part of what was said.
      const start = sentence.start + (DATELINE_PREFIX.exec(beforeAttribution)?.[0].length ?? 0);
      found.push({ start, end, event: index, rule: 'content-then-cue' });
      used.add(event.sentence);
      return;
    }
    const contentStart = event.speakerSide === 'after' ? event.extent.end : event.cue.start;
    let end = sentence.end;
    while (end > contentStart && /[\s.!?;:]/.test(text[end - 1]!)) end--;
    const content = text.slice(contentStart, end);
    if (wordCount(content, MIN_WORDS + 1) < MIN_WORDS + 1) return;
    let start = contentStart;
    if (event.speakerSide === 'after') {
      // "According to the ministry, troops withdrew": the content follows the comma.
      while (start < end && /[\s,]/.test(text[start]!)) start++;
    }
    found.push({ start, end, event: index, rule: 'cue-then-content' });
    used.add(event.sentence);
  });
  return found;
}
