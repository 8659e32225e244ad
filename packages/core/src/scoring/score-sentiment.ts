import type { Sentiment, SentimentLabel } from '../model/analysis.js';
import { mayHaveRole, type ToneLexicon, type ToneThresholds, type ToneWordRole } from './tone-lexicon.js';
import { tokenizeTone, type ToneToken } from './tone-tokens.js';

/** One word or phrase that moved a score. */
export interface ScoredWord {
  /** As listed in the lexicon (lower case). */
  readonly word: string;
  /** Its score after negation. */
  readonly score: number;
  readonly negated: boolean;
  /** The negator that changed the score (lower case), or null. */
  readonly negator: string | null;
  readonly start: number;
  readonly end: number;
}

/**
 * Scores text with AFINN-165 plus the domain lexicon. A negator changes every scored word after it within its
 * clause (up to the next punctuation mark or clause word) and the fitted scope: by default it shifts the word's
 * score 2 toward the other side (fitted on NewsMTSC train, see data/tone-thresholds.json), so "weren't willing"
 * and "never had a real desire" read negative and "not great" only mildly positive. `positive` and `negative`
 * list exactly the words that moved the score, a changed word with its negator (`never … desire`), so the score
 * can be recounted from the lists and the lexicon. `reading` is `readTone(text, lexicon)`, passed when the caller
 * already has it (the pipeline shares a quote's reading with stance scoring).
 *
 * @example
 * scoreSentiment('They weren’t willing to talk.', loadToneLexicon());
 * // { score: -1, comparative: -0.2, label: 'negative', positive: [], negative: ["weren't … willing"] }
 */
export function scoreSentiment(text: string, lexicon: ToneLexicon, reading: ToneReading = readTone(text, lexicon)): Sentiment {
  const { tokens, scored } = reading;
  const score = scored.reduce((sum, word) => sum + word.score, 0);
  let words = 0; // counted, not filtered into an array: this runs for every quote
  for (const token of tokens) if (!token.isBreak) words += 1;
  return {
    score,
    comparative: words === 0 ? 0 : score / words,
    label: labelScore(score, lexicon.thresholds),
    positive: scored.filter((word) => word.score > 0).map(describeWord),
    negative: scored.filter((word) => word.score < 0).map(describeWord),
  };
}

/** A text's tone tokens and its scored words (offsets into that text): what sentiment and stance scoring read. */
export interface ToneReading {
  readonly tokens: readonly ToneToken[];
  readonly scored: readonly ScoredWord[];
}

/**
 * Tokenises and scores a text once, for `scoreSentiment` and `scoreStances` to share.
 *
 * @example
 * readTone('It was not great.', loadToneLexicon()).scored.map(describeWord); // ['not … great']
 */
export function readTone(text: string, lexicon: ToneLexicon): ToneReading {
  const tokens = tokenizeTone(text);
  return { tokens, scored: scoreTokens(tokens, lexicon) };
}

/** A scored word as listed in the evidence: `good`, or `never … desire` when a negator changed it. */
export function describeWord(word: ScoredWord): string {
  return word.negator === null ? word.word : `${word.negator} … ${word.word}`;
}

/**
 * The label for a score under fitted thresholds.
 *
 * @example
 * labelScore(-1, { negative: -1, positive: 2 }); // 'negative'
 */
export function labelScore(score: number, thresholds: ToneThresholds): SentimentLabel {
  if (score >= thresholds.positive) return 'positive';
  if (score <= thresholds.negative) return 'negative';
  return 'neutral';
}

/**
 * The scored words of a token list, with negation applied: the evidence behind `scoreSentiment`, and the
 * input of target-local scoring.
 */
export function scoreTokens(tokens: readonly ToneToken[], lexicon: ToneLexicon): ScoredWord[] {
  const scored: ScoredWord[] = [];
  // Words since the last negator in this clause; a negator reaches `negationScope` words.
  let sinceNegator: number | null = null;
  let negator: string | null = null;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const role = token.isBreak || !mayHaveRole(token.text, lexicon) ? undefined : lexicon.roles.get(token.text);
    if (token.isBreak || role?.isClauseBreak === true) {
      sinceNegator = null;
      i += 1;
      continue;
    }
    if (role === undefined) {
      // A word of no tone, the most common kind: it only counts toward the negator's reach.
      if (sinceNegator !== null) sinceNegator += 1;
      i += 1;
      continue;
    }
    const match = matchEntry(tokens, i, role, lexicon);
    if (match === undefined && role.isNegator) {
      sinceNegator = 0;
      negator = token.text;
      i += 1;
      continue;
    }
    const length = match?.length ?? 1;
    if (sinceNegator !== null) sinceNegator += length;
    if (match !== undefined) {
      const negated = sinceNegator !== null && sinceNegator <= lexicon.negationScope;
      const last = tokens[i + length - 1]!;
      const score = negated ? negate(match.score, lexicon.negationShift) : match.score;
      if (score !== 0) scored.push({ word: match.word, score, negated, negator: negated ? negator : null, start: token.start, end: last.end });
    }
    i += length;
  }
  return scored;
}

/** A negated word's score: the sign flipped, or shifted toward the other side by `shift`. */
function negate(score: number, shift: number | null): number {
  return shift === null ? -score : score - Math.sign(score) * shift;
}

/** The longest lexicon entry (word or phrase) starting at token `i`, whose word has `role`, not crossing a break. */
function matchEntry(tokens: readonly ToneToken[], i: number, role: ToneWordRole, lexicon: ToneLexicon): { word: string; score: number; length: number } | undefined {
  const first = tokens[i]!;
  if (role.startsPhrase) {
    // Keys of the phrases starting here, built word by word and stopping at the first break; longest tried first.
    const keys: string[] = [];
    let key = first.text;
    const last = Math.min(i + lexicon.longestPhrase, tokens.length);
    for (let j = i + 1; j < last; j += 1) {
      const word = tokens[j]!;
      if (word.isBreak) break;
      key += ' ' + word.text;
      keys.push(key);
    }
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const score = lexicon.scores.get(keys[k]!);
      if (score !== undefined) return { word: keys[k]!, score, length: k + 2 };
    }
  }
  return role.score === undefined ? undefined : { word: first.text, score: role.score, length: 1 };
}
