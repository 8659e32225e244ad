import { NewstoneError } from '../internal/errors.js';
import { TARGET_CLASSES } from './target-classes.js';
import type { TargetPlace } from './target-features.js';
import type { ToneToken } from './tone-tokens.js';

/**
 * The word windows whose averaged word vectors (GloVe 100d) the target-sentiment model reads, relative to the
 * target, which none of them includes: up to `VECTOR_WINDOW` words before it, after it, its clause, the sentence.
 */
export const VECTOR_GROUPS = ['left', 'right', 'clause', 'sentence'] as const;
export type VectorGroup = (typeof VECTOR_GROUPS)[number];
/** Words on each side of the target in the `left` and `right` windows. */
export const VECTOR_WINDOW = 5;

/**
 * The learned word-vector part of the model, folded into the words: the model's weight on the averaged vector of a
 * window is linear, so each word's vector times those weights is stored once, as `GROUPS × CLASSES` logits
 * (group-major), and a window's logits are the mean of its words' rows. No vector is kept or multiplied at run time.
 */
export interface WordProjections {
  /** Word → where its row starts in `values`. */
  readonly rows: ReadonlyMap<string, number>;
  /** All rows, one after another (one array, not one per word: 26,000 small arrays would weigh on the collector). */
  readonly values: Readonly<Float32Array>;
}

/** A sentence's tokens' rows in `WordProjections.values` (`projectTokens`): −1 for a break or an unknown word. */
export type TokenRows = Readonly<Int32Array>;

/** Per group, the mean projected logits of its words (zero when none of them has a row), and how many had one. */
export interface WindowReading {
  readonly logits: Readonly<Float64Array>;
  readonly counts: Readonly<Int32Array>;
}

/** Numbers in one word's row. */
export const ROW_WIDTH = VECTOR_GROUPS.length * TARGET_CLASSES.length;

/**
 * The token index range `[from, to]` (inclusive; empty when `from > to`) of a window; the target's tokens inside it
 * are skipped by the readers.
 *
 * @example
 * windowRange('left', { firstIndex: 7, lastIndex: 7, clause: { first: 3, last: 9 } }, 12); // [2, 6]
 */
export function windowRange(group: VectorGroup, place: TargetPlace, tokenCount: number): readonly [number, number] {
  switch (group) {
    case 'left': return [Math.max(0, place.firstIndex - VECTOR_WINDOW), place.firstIndex - 1];
    case 'right': return [place.lastIndex + 1, Math.min(tokenCount - 1, place.lastIndex + VECTOR_WINDOW)];
    case 'clause': return [place.clause.first, place.clause.last];
    case 'sentence': return [0, tokenCount - 1];
  }
}

/**
 * The key a token is looked up by: its text, or without a possessive "'s" when only that is known
 * ("russia's" → "russia").
 *
 * @example
 * vectorKey("russia's", (word) => word === 'russia'); // 'russia'
 */
export function vectorKey(text: string, has: (word: string) => boolean): string | undefined {
  if (has(text)) return text;
  if (text.endsWith("'s") && has(text.slice(0, -2))) return text.slice(0, -2);
  return undefined;
}

/**
 * Each window's mean projected logits. `rows` are the tokens' rows, computed once per sentence by `projectTokens`.
 *
 * @example
 * readWindows(projectTokens(tokens, projections), place, projections).logits; // Float64Array(12)
 */
export function readWindows(rows: TokenRows, place: TargetPlace, projections: WordProjections): WindowReading {
  const { values } = projections;
  const logits = new Float64Array(ROW_WIDTH);
  const counts = new Int32Array(VECTOR_GROUPS.length);
  for (let g = 0; g < VECTOR_GROUPS.length; g += 1) {
    const [from, to] = windowRange(VECTOR_GROUPS[g]!, place, rows.length);
    const base = g * TARGET_CLASSES.length;
    let count = 0;
    for (let i = from; i <= to; i += 1) {
      const row = rows[i]!;
      if (row < 0 || (i >= place.firstIndex && i <= place.lastIndex)) continue;
      logits[base]! += values[row + base]!;
      logits[base + 1]! += values[row + base + 1]!;
      logits[base + 2]! += values[row + base + 2]!;
      count += 1;
    }
    if (count > 0) for (let c = 0; c < TARGET_CLASSES.length; c += 1) logits[base + c]! /= count;
    counts[g] = count;
  }
  return { logits, counts };
}

/**
 * Where each token's row starts in `projections.values` (−1 for breaks and words the table lacks).
 *
 * @example
 * projectTokens(tokenizeTone('War broke out.'), projections).length; // 4
 */
export function projectTokens(tokens: readonly ToneToken[], projections: WordProjections): TokenRows {
  const { rows } = projections;
  const out = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.isBreak) continue;
    // vectorKey's order, one lookup for most words: the word itself, then without a possessive "'s".
    const { text } = token;
    out[i] = rows.get(text) ?? (text.endsWith("'s") ? rows.get(text.slice(0, -2)) : undefined) ?? -1;
  }
  return out;
}

/**
 * Checks and builds the projections of a model file: `{ groups: [...VECTOR_GROUPS], window, words: { word: [GROUPS ×
 * CLASSES numbers] } }`; absent, the model has no word-vector part.
 *
 * @example
 * parseWordProjections({ groups: ['left', 'right', 'clause', 'sentence'], window: 5, words: {} }).rows.size; // 0
 */
export function parseWordProjections(value: unknown): WordProjections {
  const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined) as Record<string, unknown> | undefined;
  if (record === undefined) throw new NewstoneError('invalid-lexicon', 'expected the model\'s "projections" to be an object');
  const { groups, window, words } = record;
  if (!Array.isArray(groups) || groups.join(',') !== VECTOR_GROUPS.join(',') || window !== VECTOR_WINDOW) {
    throw new NewstoneError('invalid-lexicon', `expected projections for groups ${VECTOR_GROUPS.join(', ')} and window ${VECTOR_WINDOW}`);
  }
  if (typeof words !== 'object' || words === null || Array.isArray(words)) {
    throw new NewstoneError('invalid-lexicon', 'expected the projections\' "words" to map words to rows of logits');
  }
  const entries = Object.entries(words);
  const rows = new Map<string, number>();
  const values = new Float32Array(entries.length * ROW_WIDTH);
  entries.forEach(([word, row], w) => {
    if (!Array.isArray(row) || row.length !== ROW_WIDTH || !row.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new NewstoneError('invalid-lexicon', `expected the projection of "${word}" to be ${ROW_WIDTH} finite numbers`);
    }
    rows.set(word, w * ROW_WIDTH);
    values.set(row as number[], w * ROW_WIDTH);
  });
  return { rows, values };
}
