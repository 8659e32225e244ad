import type { Sentiment, SentimentLabel } from '../model/analysis.js';
import type { ToneLexicon, ToneThresholds } from './tone-lexicon.js';
import { tokenizeTone, type ToneToken } from './tone-tokens.js';

/** One word or phrase that moved a score. */
export interface ScoredWord {
  /** As listed in the lexicon (lower case). */
  readonly word: string;
  /** Its score after negation. */
  readonly score: number;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * Scores text with AFINN-165 plus the domain lexicon. A negator flips every scored word after it up to the end of
 * its clause (next punctuation mark or clause word), so "weren't willing", "not really helpful" and "never had a
 * real desire" all read negative. `positive` and `negative` list exactly the words that moved the score, so
 * `score` = Σ|positive| − Σ|negative| over their lexicon scores.
 *
 * @example
 * scoreSentiment('They weren’t willing to talk.', loadToneLexicon());
 * // { score: -1, comparative: -0.2, label: 'negative', positive: [], negative: ['willing'] }
 */
export function scoreSentiment(text: string, lexicon: ToneLexicon): Sentiment {
  const tokens = tokenizeTone(text);
  const scored = scoreTokens(tokens, lexicon);
  const score = scored.reduce((sum, word) => sum + word.score, 0);
  const words = tokens.filter((token) => !token.isBreak).length;
  return {
    score,
    comparative: words === 0 ? 0 : score / words,
    label: labelScore(score, lexicon.thresholds),
    positive: scored.filter((word) => word.score > 0).map((word) => word.word),
    negative: scored.filter((word) => word.score < 0).map((word) => word.word),
  };
}

/** The label for a score under fitted thresholds. */
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
  let negated = false;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.isBreak || lexicon.clauseBreaks.has(token.text)) {
      negated = false;
      i += 1;
      continue;
    }
    const match = matchEntry(tokens, i, lexicon);
    if (match === undefined && lexicon.negators.has(token.text)) {
      negated = true;
      i += 1;
      continue;
    }
    if (match === undefined) {
      i += 1;
      continue;
    }
    const last = tokens[i + match.length - 1]!;
    scored.push({ word: match.word, score: negated ? -match.score : match.score, negated, start: token.start, end: last.end });
    i += match.length;
  }
  return scored;
}

/** The longest lexicon entry (word or phrase) starting at token `i`, not crossing a break. */
function matchEntry(tokens: readonly ToneToken[], i: number, lexicon: ToneLexicon): { word: string; score: number; length: number } | undefined {
  for (let length = Math.min(lexicon.longestPhrase, tokens.length - i); length >= 1; length -= 1) {
    const words = tokens.slice(i, i + length);
    if (words.some((word) => word.isBreak)) continue;
    const key = words.map((word) => word.text).join(' ');
    const score = lexicon.scores.get(key);
    if (score !== undefined) return { word: key, score, length };
  }
  return undefined;
}
