import stanceCuesJson from '../../data/stance-cues.json' with { type: 'json' };
import { TARGET_CLASSES } from './target-classes.js';
import { NewstoneError } from '../internal/errors.js';

/** The diplomatic stance cues of `data/stance-cues.json`, as the feature extractor reads them. */
export interface StanceCues {
  readonly aggression: ReadonlySet<string>;
  readonly penalty: ReadonlySet<string>;
  readonly support: ReadonlySet<string>;
  readonly victimPrepositions: ReadonlySet<string>;
  readonly penaltyPrepositions: ReadonlySet<string>;
  readonly supportPrepositions: ReadonlySet<string>;
  readonly agentPrepositions: ReadonlySet<string>;
  /** How many words before or after the target a cue word may stand. */
  readonly window: number;
  /** `cue:*` feature → its fixed logits, in `TARGET_CLASSES` order. */
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

const LISTS = ['aggression', 'penalty', 'support', 'victimPrepositions', 'penaltyPrepositions', 'supportPrepositions', 'agentPrepositions'] as const;

/**
 * Checks and builds the stance cues: word lists, a window, and one row of class logits per `cue:` feature.
 *
 * @example
 * const cues = parseStanceCues(JSON.parse(json)); // throws a NewstoneError (invalid-lexicon) on a malformed file
 */
export function parseStanceCues(value: unknown): StanceCues {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewstoneError('invalid-lexicon', 'expected the stance cues file to be an object');
  }
  const record = value as Record<string, unknown>;
  const sets = {} as Record<(typeof LISTS)[number], Set<string>>;
  for (const name of LISTS) {
    const items = record[name];
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' && item.length > 0 && item === item.toLowerCase())) {
      throw new NewstoneError('invalid-lexicon', `expected stance cues "${name}" to be a list of lower-case words`);
    }
    sets[name] = new Set(items as string[]);
  }
  const { window, weights } = record;
  if (typeof window !== 'number' || !Number.isInteger(window) || window < 1) {
    throw new NewstoneError('invalid-lexicon', 'expected stance cues "window" to be a whole number of words, at least 1');
  }
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    throw new NewstoneError('invalid-lexicon', 'expected stance cues "weights" to map cue:* features to logits');
  }
  const map = new Map<string, readonly number[]>();
  for (const [name, row] of Object.entries(weights)) {
    if (!name.startsWith('cue:') || !Array.isArray(row) || row.length !== TARGET_CLASSES.length || !row.every((w) => typeof w === 'number' && Number.isFinite(w))) {
      throw new NewstoneError('invalid-lexicon', `expected stance cue weight "${name}" to be named cue:… and hold ${TARGET_CLASSES.length} finite numbers`);
    }
    map.set(name, row as number[]);
  }
  return { ...sets, window, weights: map };
}

let defaultCues: StanceCues | undefined;

/**
 * The committed stance cues (`data/stance-cues.json`), built on first use.
 *
 * @example
 * loadStanceCues().aggression.has('invasion'); // true
 */
export function loadStanceCues(): StanceCues {
  defaultCues ??= parseStanceCues(stanceCuesJson);
  return defaultCues;
}
