import type { ArticleDraft } from '../model/draft.js';
import { firstSpanEndingAfter, indexOfSpan } from '../internal/spans.js';

/**
 * Who could have said a quotation: a mention near it (a cue's speaker, a sentence subject, a titled name, a transcript
 * label), or whoever said the quotation before it. Each candidate carries the facts the attribution features read.
 */
export interface Candidate {
  /** Index into `draft.mentions`, or null for the previous quotation's speaker. */
  readonly mention: number | null;
  /** For the previous quotation's speaker: that quotation's index in `draft.drafts`. */
  readonly previous: number | null;
  /** The identity the candidate resolves to (null: unresolved). */
  readonly entity: string | null;
  readonly facts: CandidateFacts;
}

/** Where a candidate stands relative to the quotation. */
export type Relation =
  | 'cue-right-after' // "…,” said X" / "…,” X said": only punctuation between the closing mark and the cue's attribution
  | 'cue-right-before' // "X said: “…”", "X said that “…”"
  | 'same-sentence-before'
  | 'same-sentence-after'
  | 'next-sentence'
  | 'previous-sentence'
  | 'earlier-in-paragraph'
  | 'previous-paragraph'
  | 'earlier-paragraph'
  | 'previous-quote';

export interface CandidateFacts {
  readonly relation: Relation;
  /** Sentences from the candidate to the quotation (positive: the candidate is before). */
  readonly sentences: number;
  /** Paragraphs from the candidate to the quotation. */
  readonly paragraphs: number;
  /** Characters between the candidate and the nearer edge of the quotation. */
  readonly characters: number;
  /** Other quotations that stand between the candidate and this one. */
  readonly quotesBetween: number;
  /** 0 for the nearest candidate on its side of the quotation, 1 for the next, … */
  readonly rankOnSide: number;
  /** 0 for the nearest cue speaker on its side, 1 for the next …; -1 for a mention that is no cue's speaker. */
  readonly cueRankOnSide: number;
}

/** Paragraphs before the quotation's own that candidates come from. */
const PARAGRAPHS_BACK = 2;
/** The most candidates a quotation weighs (the nearest ones). */
const MAX_CANDIDATES = 16;

/** Positions computed once per article: each mention's sentence and paragraph, mentions in text order, quote marks. */
export interface CandidateIndex {
  readonly order: readonly number[];
  readonly sentenceOf: readonly number[];
  readonly paragraphOf: readonly number[];
  /** Each classified quotation's marks, open to close, in text order (scare quotes too: a mention inside marks is quoted, not present). */
  readonly marks: readonly { readonly start: number; readonly end: number }[];
}

export function createCandidateIndex(draft: ArticleDraft): CandidateIndex {
  const { mentions, sentences, body, classified } = draft;
  const marks = classified.map((quote) => ({ start: quote.open, end: quote.close === null ? quote.end : quote.close + 1 }));
  // A name no stage read as subject, speaker or titled ("source: 'named'") only resolves pronouns: it is no candidate.
  const order = mentions.map((_, index) => index).filter((index) => mentions[index]!.source !== 'named' && indexOfSpan(marks, mentions[index]!.at) === -1);
  order.sort((a, b) => mentions[a]!.at - mentions[b]!.at || a - b);
  return {
    order,
    sentenceOf: mentions.map((mention) => indexOfSpan(sentences, mention.at)),
    paragraphOf: mentions.map((mention) => indexOfSpan(body, mention.at)),
    marks,
  };
}

/** What may stand between a closing mark and its attribution, or an attribution and the opening mark. */
const GAP_AFTER = /^[\s,.—–-]*$/;
const GAP_BEFORE = /^[\s,:—–-]*(?:that\s*)?$/i;
/** An attribution before the opening mark, in its paragraph or ending in a colon ("X said:\n\n“…”"): not a signature that closed the paragraph before. */
const isGapBefore = (gap: string) => GAP_BEFORE.test(gap) && (!gap.includes('\n') || gap.includes(':'));

/**
 * The candidates for the quotation `classified[quote]`: the mentions from two paragraphs before it to the end of the
 * sentence after it (in its paragraph), nearest first, and the speaker of the quotation before it.
 *
 * @example
 * gatherCandidates(draft, index, 0, [])[0].facts.relation; // 'cue-right-after' for "“…,” Lavrov said."
 */
export function gatherCandidates(draft: ArticleDraft, index: CandidateIndex, quote: number, decided: readonly (string | null)[]): Candidate[] {
  const { text, sentences, body, classified, mentions, events, resolutionOf } = draft;
  const q = classified[quote]!;
  const open = q.open;
  const close = q.close === null ? q.end : q.close + 1;
  const firstParagraph = Math.max(0, q.paragraph - PARAGRAPHS_BACK);
  const windowStart = body[firstParagraph]!.start;
  const nextSentence = sentences[q.sentence + 1];
  const paragraph = body[q.paragraph]!;
  const windowEnd = nextSentence && nextSentence.start < paragraph.end ? nextSentence.end : Math.min(paragraph.end, sentences[q.sentence]!.end);

  const from = lowerBound(index.order, (m) => mentions[m]!.at >= windowStart);
  const before: number[] = [];
  const after: number[] = [];
  for (let k = from; k < index.order.length; k++) {
    const m = index.order[k]!;
    const at = mentions[m]!.at;
    if (at >= windowEnd) break;
    if (at < open) before.push(m);
    else if (at >= close) after.push(m);
  }
  before.reverse(); // nearest first
  const markIndex = (offset: number) => firstSpanEndingAfter(index.marks, offset);
  const candidates: Candidate[] = [];
  const add = (list: readonly number[], side: 'before' | 'after') => {
    let cueRank = 0;
    list.forEach((m, rank) => {
      const mention = mentions[m]!;
      const event = mention.event === null ? null : events[mention.event]!;
      const sentence = index.sentenceOf[m]!;
      const paragraphIndex = index.paragraphOf[m]!;
      const quotesBetween = side === 'before' ? Math.max(0, markIndex(open) - markIndex(mention.at)) : Math.max(0, markIndex(mention.at) - markIndex(close) - 1);
      const characters = side === 'before' ? open - (mention.phrase.span.end) : mention.at - close;
      let relation: Relation;
      if (event && side === 'after' && event.extent.start >= close && GAP_AFTER.test(text.slice(close, event.extent.start))) relation = 'cue-right-after';
      else if (event && side === 'before' && event.extent.end <= open && isGapBefore(text.slice(event.extent.end, open))) relation = 'cue-right-before';
      else if (sentence === q.sentence) relation = side === 'before' ? 'same-sentence-before' : 'same-sentence-after';
      else if (side === 'after') relation = 'next-sentence';
      else if (paragraphIndex === q.paragraph) relation = sentence === q.sentence - 1 ? 'previous-sentence' : 'earlier-in-paragraph';
      else relation = paragraphIndex === q.paragraph - 1 ? 'previous-paragraph' : 'earlier-paragraph';
      candidates.push({
        mention: m,
        previous: null,
        entity: resolutionOf[m]?.entity ?? null,
        facts: {
          relation,
          sentences: q.sentence - sentence,
          paragraphs: q.paragraph - paragraphIndex,
          characters: Math.max(0, characters),
          quotesBetween,
          rankOnSide: rank,
          cueRankOnSide: event ? cueRank++ : -1,
        },
      });
    });
  };
  add(after, 'after');
  add(before, 'before');
  candidates.sort((a, b) => a.facts.characters - b.facts.characters);
  candidates.length = Math.min(candidates.length, MAX_CANDIDATES);

  // The previous quotation's speaker, as decided: a quotation with no cue of its own often continues it.
  for (let p = quote - 1; p >= 0; p--) {
    const previous = classified[p]!;
    if (previous.kind === 'scare' || previous.kind === 'heading') continue;
    if (q.paragraph - previous.paragraph > PARAGRAPHS_BACK) break;
    const entity = decided[p] ?? null;
    if (entity !== null) {
      candidates.push({
        mention: null,
        previous: p,
        entity,
        facts: {
          relation: 'previous-quote',
          sentences: q.sentence - previous.sentence,
          paragraphs: q.paragraph - previous.paragraph,
          characters: Math.max(0, open - (previous.close === null ? previous.end : previous.close + 1)),
          quotesBetween: 0,
          rankOnSide: 0,
          cueRankOnSide: -1,
        },
      });
    }
    break;
  }
  return candidates;
}

/** The first position in `order` whose mention passes `test` (which turns true once and stays true). */
function lowerBound(order: readonly number[], test: (m: number) => boolean): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(order[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
