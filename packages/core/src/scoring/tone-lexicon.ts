import afinnLabels from 'sentiment/languages/en/labels.json' with { type: 'json' };
import toneLexiconJson from '../../data/tone-lexicon.json' with { type: 'json' };
import toneThresholdsJson from '../../data/tone-thresholds.json' with { type: 'json' };
import { NewstoneError } from '../internal/errors.js';

/** The shape of `data/tone-lexicon.json`. */
export interface ToneLexiconData {
  /** Word or phrase → score on AFINN's −5…5 scale; overrides AFINN, and 0 removes the word. */
  readonly words: Readonly<Record<string, number>>;
  readonly negators: readonly string[];
  readonly clauseBreaks: readonly string[];
}

/** The shape of `data/tone-thresholds.json` (written by `scripts/fit-tone-thresholds.ts`). */
export interface ToneThresholds {
  /** A score at or above this is `positive`. */
  readonly positive: number;
  /** A score at or below this is `negative`. */
  readonly negative: number;
  /** How many words after a negator it can still flip (within its clause); absent or null: to the clause end. */
  readonly negationScope?: number | null | undefined;
  /**
   * How negation changes a word's score: absent or null flips its sign; a number shifts it that far toward the
   * other side (Taboada et al. 2011: "not excellent" is not "terrible").
   */
  readonly negationShift?: number | null | undefined;
}

/** What a word is to the scorer: its own score, and whether it opens a phrase, negates or ends a clause. */
export interface ToneWordRole {
  /** The word's score alone, or undefined when it has none. */
  readonly score: number | undefined;
  readonly startsPhrase: boolean;
  readonly isNegator: boolean;
  readonly isClauseBreak: boolean;
}

/** Everything `scoreSentiment` needs, built once and passed in: no module state is changed. */
export interface ToneLexicon {
  /** Words and space-joined phrases → score. */
  readonly scores: ReadonlyMap<string, number>;
  /** The longest phrase, in words. */
  readonly longestPhrase: number;
  /** First words of the multi-word entries: only there is a phrase worth trying. */
  readonly phraseStarts: ReadonlySet<string>;
  readonly negators: ReadonlySet<string>;
  readonly clauseBreaks: ReadonlySet<string>;
  /**
   * Every word that is something to the scorer (scored, opening a phrase, a negator or a clause break) → what it
   * is: the scorer looks each token up once here, and most tokens are found to be nothing.
   */
  readonly roles: ReadonlyMap<string, ToneWordRole>;
  /**
   * One bit per hash of a word: 0 where no word in `roles` has that hash, as for most words of a text. Hashing a
   * word and reading a bit cost less than a failed lookup in `roles`, so the scorer asks `mayHaveRole` first.
   */
  readonly roleFilter: Readonly<Uint32Array>;
  readonly thresholds: ToneThresholds;
  /** Words a negator reaches, within its clause (`Infinity`: to the clause end). */
  readonly negationScope: number;
  /** Negation shift (`null`: flip the sign). */
  readonly negationShift: number | null;
}

/**
 * Builds a tone lexicon from base scores (AFINN-165 by default) and domain additions. The base table is copied,
 * never changed, so two lexicons can live side by side.
 *
 * @example
 * const lexicon = createToneLexicon({ words: { escalation: -2 }, negators: ['not'], clauseBreaks: ['but'] },
 *   { positive: 2, negative: -1 });
 */
export function createToneLexicon(
  data: ToneLexiconData,
  thresholds: ToneThresholds,
  base: Readonly<Record<string, number>> = afinnLabels,
): ToneLexicon {
  const parsed = parseToneLexiconData(data);
  const checked = parseToneThresholds(thresholds);
  const scores = new Map<string, number>(Object.entries(base));
  for (const [word, score] of Object.entries(parsed.words)) {
    if (score === 0) scores.delete(word);
    else scores.set(word, score);
  }
  let longestPhrase = 1;
  const phraseStarts = new Set<string>();
  for (const key of scores.keys()) {
    const words = key.split(' ');
    longestPhrase = Math.max(longestPhrase, words.length);
    if (words.length > 1) phraseStarts.add(words[0]!);
  }
  const negators = new Set(parsed.negators);
  const clauseBreaks = new Set(parsed.clauseBreaks);
  const roles = collectRoles(scores, phraseStarts, negators, clauseBreaks);
  return {
    scores,
    longestPhrase,
    phraseStarts,
    negators,
    clauseBreaks,
    roles,
    roleFilter: createRoleFilter(roles.keys()),
    thresholds: checked,
    negationScope: checked.negationScope ?? Number.POSITIVE_INFINITY,
    negationShift: checked.negationShift ?? null,
  };
}

/** `ToneLexicon.roles` of these tables. */
function collectRoles(
  scores: ReadonlyMap<string, number>,
  phraseStarts: ReadonlySet<string>,
  negators: ReadonlySet<string>,
  clauseBreaks: ReadonlySet<string>,
): Map<string, ToneWordRole> {
  const words = new Set([...[...scores.keys()].filter((key) => !key.includes(' ')), ...phraseStarts, ...negators, ...clauseBreaks]);
  return new Map([...words].map((word) => [word, {
    score: scores.get(word),
    startsPhrase: phraseStarts.has(word),
    isNegator: negators.has(word),
    isClauseBreak: clauseBreaks.has(word),
  }]));
}

/** Where a word falls in `ToneLexicon.roleFilter`: a hash of all its units (FNV-1a, folded to the filter's size). */
function roleFilterIndex(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return (hash ^ (hash >>> 16)) & (ROLE_FILTER_SIZE - 1);
}

const ROLE_FILTER_SIZE = 1 << 16;

/**
 * Whether a word may be in `lexicon.roles`: false means it is not.
 *
 * @example
 * mayHaveRole('the', loadToneLexicon()); // false: no word with a role falls where 'the' does
 * mayHaveRole('peace', loadToneLexicon()); // true
 */
export function mayHaveRole(word: string, lexicon: Pick<ToneLexicon, 'roleFilter'>): boolean {
  const index = roleFilterIndex(word);
  return ((lexicon.roleFilter[index >>> 5]! >>> (index & 31)) & 1) === 1;
}

function createRoleFilter(words: Iterable<string>): Uint32Array {
  const filter = new Uint32Array(ROLE_FILTER_SIZE / 32);
  for (const word of words) {
    if (word.length === 0) continue;
    const index = roleFilterIndex(word);
    filter[index >>> 5]! |= 1 << (index & 31);
  }
  return filter;
}

let defaultLexicon: ToneLexicon | undefined;

/**
 * The lexicon the pipeline uses: AFINN-165, `data/tone-lexicon.json` and the thresholds fitted in
 * `data/tone-thresholds.json`. Built on first use; the value is never mutated.
 *
 * @example
 * scoreSentiment('This escalation is dangerous.', loadToneLexicon()).label; // 'negative'
 */
export function loadToneLexicon(): ToneLexicon {
  defaultLexicon ??= createToneLexicon(toneLexiconJson, toneThresholdsJson);
  return defaultLexicon;
}

/** Checks the shape of a tone lexicon file, with messages that say what was expected and what was found. */
export function parseToneLexiconData(value: unknown): ToneLexiconData {
  if (!isRecord(value)) throw new NewstoneError('invalid-lexicon', `expected the tone lexicon to be an object, found ${describe(value)}`);
  const { words, negators, clauseBreaks } = value;
  if (!isRecord(words)) throw new NewstoneError('invalid-lexicon', `expected tone lexicon "words" to be an object, found ${describe(words)}`);
  for (const [word, score] of Object.entries(words)) {
    if (typeof score !== 'number' || !Number.isInteger(score) || score < -5 || score > 5) {
      throw new NewstoneError('invalid-lexicon', `expected the score of tone word "${word}" to be a whole number in −5…5, found ${describe(score)}`);
    }
    if (word !== word.toLowerCase().trim()) throw new NewstoneError('invalid-lexicon', `expected tone word "${word}" to be lower case without outer spaces`);
  }
  return {
    words: words as Record<string, number>,
    negators: parseWordList(negators, 'negators'),
    clauseBreaks: parseWordList(clauseBreaks, 'clauseBreaks'),
  };
}

/** Checks label thresholds (`negative` < `positive`) and the negation scope. */
export function parseToneThresholds(value: unknown): ToneThresholds {
  if (!isRecord(value)) throw new NewstoneError('invalid-lexicon', `expected tone thresholds to be an object, found ${describe(value)}`);
  const { positive, negative, negationScope, negationShift } = value;
  if (typeof positive !== 'number' || typeof negative !== 'number' || !(negative < positive)) {
    throw new NewstoneError('invalid-lexicon', `expected tone thresholds { negative < positive } as numbers, found negative ${describe(negative)}, positive ${describe(positive)}`);
  }
  if (negationScope !== undefined && negationScope !== null && !(Number.isInteger(negationScope) && (negationScope as number) >= 1)) {
    throw new NewstoneError('invalid-lexicon', `expected negationScope to be a whole number ≥ 1 or null, found ${describe(negationScope)}`);
  }
  if (negationShift !== undefined && negationShift !== null && !(typeof negationShift === 'number' && negationShift > 0)) {
    throw new NewstoneError('invalid-lexicon', `expected negationShift to be a positive number or null, found ${describe(negationShift)}`);
  }
  return {
    positive,
    negative,
    negationScope: (negationScope as number | null | undefined) ?? null,
    negationShift: (negationShift as number | null | undefined) ?? null,
  };
}

function parseWordList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string' && word === word.toLowerCase())) {
    throw new NewstoneError('invalid-lexicon', `expected tone lexicon "${name}" to be a list of lower-case words, found ${describe(value)}`);
  }
  return value as string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : typeof value;
}
