import type { Span } from '../model/analysis.js';
import { scoreTokens } from './score-sentiment.js';
import type { ToneLexicon } from './tone-lexicon.js';
import { tokenizeTone, type ToneToken } from './tone-tokens.js';

/** Tokens on each side of the target that get position-marked word features. */
export const TARGET_WINDOW = 4;

/** A sparse feature vector: feature name → value. */
export type TargetFeatures = ReadonlyMap<string, number>;

/**
 * The features the target-sentiment model reads for one target in one sentence: the sentence's words, the
 * words next to the target marked by side, the lexicon scores (after clause-scope negation) in the sentence,
 * near the target and in the target's clause, and where the target stands. Shared by the training script and
 * `scoreTargetSentiment`, so both see exactly the same features.
 *
 * @example
 * extractTargetFeatures('Critics slammed Smith.', { start: 16, end: 21 }, loadToneLexicon()).get('L1:slammed'); // 1
 */
export function extractTargetFeatures(sentence: string, target: Span, lexicon: ToneLexicon): TargetFeatures {
  const tokens = tokenizeTone(sentence);
  const features = new Map<string, number>([['bias', 1]]);
  const add = (name: string, value = 1) => features.set(name, (features.get(name) ?? 0) + value);

  const first = tokens.findIndex((token) => token.end > target.start);
  const firstIndex = first === -1 ? tokens.length : first;
  let lastIndex = firstIndex - 1;
  while (lastIndex + 1 < tokens.length && tokens[lastIndex + 1]!.start < target.end) lastIndex += 1;

  for (const [i, token] of tokens.entries()) {
    if (token.isBreak) continue;
    if (i >= firstIndex && i <= lastIndex) continue;
    features.set(`w:${token.text}`, 1);
  }
  for (let d = 1; d <= TARGET_WINDOW; d += 1) {
    const left = tokens[firstIndex - d];
    const right = tokens[lastIndex + d];
    if (left !== undefined) add(`L${d <= 2 ? d : 'n'}:${left.text}`);
    if (right !== undefined) add(`R${d <= 2 ? d : 'n'}:${right.text}`);
  }

  const scored = scoreTokens(tokens, lexicon);
  const clause = clauseAround(tokens, firstIndex, lastIndex, lexicon);
  const sides = { all: 0, left: 0, right: 0, near: 0, clause: 0 };
  for (const word of scored) {
    const value = word.score / 5;
    sides.all += value;
    if (word.end <= target.start) sides.left += value;
    else sides.right += value;
    const distance = word.end <= target.start ? countWordsBetween(tokens, word.end, target.start) : countWordsBetween(tokens, target.end, word.start);
    if (distance <= TARGET_WINDOW) sides.near += value;
    if (word.start >= clause.start && word.end <= clause.end) sides.clause += value;
    add(word.score > 0 ? 'lex:positive' : 'lex:negative');
    if (word.negated) add('lex:negated');
  }
  for (const [side, value] of Object.entries(sides)) {
    if (value !== 0) add(`lex:${side}`, value);
    if (value > 0) add(`lex:${side}>0`);
    if (value < 0) add(`lex:${side}<0`);
  }

  if (firstIndex <= 1) add('pos:sentence-start');
  if (isInsideQuotation(sentence, target.start)) add('pos:in-quotation');
  if (/["“”]/.test(sentence)) add('has:quotation');
  return features;
}

/** The character range of the clause holding the target: between the nearest breaks on either side. */
function clauseAround(tokens: readonly ToneToken[], first: number, last: number, lexicon: ToneLexicon): Span {
  const isBoundary = (token: ToneToken) => token.isBreak || lexicon.clauseBreaks.has(token.text);
  let start = first;
  while (start > 0 && !isBoundary(tokens[start - 1]!)) start -= 1;
  let end = last;
  while (end + 1 < tokens.length && !isBoundary(tokens[end + 1]!)) end += 1;
  return { start: tokens[start]?.start ?? 0, end: tokens[end]?.end ?? 0 };
}

function countWordsBetween(tokens: readonly ToneToken[], from: number, to: number): number {
  return tokens.filter((token) => !token.isBreak && token.start >= from && token.end <= to).length;
}

/** True when an odd number of double quotation marks stand before `offset`. */
function isInsideQuotation(sentence: string, offset: number): boolean {
  const before = sentence.slice(0, offset);
  const opening = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (opening > 0) return true;
  return (before.match(/"/g) ?? []).length % 2 === 1;
}
