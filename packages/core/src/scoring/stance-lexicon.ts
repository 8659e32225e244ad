import stanceTargetsJson from '../../data/stance-targets.json' with { type: 'json' };
import { loadTargetSentimentResources, type TargetSentimentModel, type TargetSentimentResources } from './score-target-sentiment.js';
import { loadToneLexicon, type ToneLexicon } from './tone-lexicon.js';
import { NewstoneError } from '../internal/errors.js';
import { escapeRegExp } from '../internal/reg-exp.js';

/** How a place word names its country, as the place table records it. */
export interface PlaceEntry {
  readonly code: string;
  /** `demonym`, `country-name`, `capital`, `institution`, `international-organization`, … */
  readonly rule: string;
}

/** The shape of `data/stance-targets.json`. */
export interface StanceTargetsData {
  readonly targets: Readonly<Record<string, string>>;
  readonly pluralPronouns: readonly string[];
  readonly ownSidePronouns: readonly string[];
  readonly counterpartCues: readonly string[];
  /** Bloc code → member codes (countries or other blocs). */
  readonly blocs: Readonly<Record<string, readonly string[]>>;
}

/** Everything `scoreStances` needs, built once and handed in. */
export interface StanceLexicon {
  /** Every target name (case-sensitive) → its code and how it names the country. */
  readonly targets: ReadonlyMap<string, PlaceEntry>;
  /** Target names by their first word (trailing dots off), longest first: a fast matcher without a huge regex. */
  readonly targetsByFirstWord: ReadonlyMap<string, readonly string[]>;
  /**
   * Indexed by UTF-16 unit: the lengths of the keys of `targetsByFirstWord` that open with it, as bits (`lengthBit`),
   * 0 for none. Most words of a quote open with no key's unit or have no key's length: a glance here rules them out.
   */
  readonly firstWordLengths: Readonly<Int32Array>;
  readonly pluralPronouns: ReadonlySet<string>;
  readonly ownSidePronouns: ReadonlySet<string>;
  /** Matches a counterpart cue as whole words, case-insensitively (nothing, when there are no cues); global: set `lastIndex` before a scan. */
  readonly counterpartPattern: RegExp;
  /**
   * `counterpartPattern` with `\b` edges and no Unicode mode, or null when a cue is not ASCII letters and digits at
   * both ends: the same matches in a text without "_" and without a letter or digit beyond ASCII, about twice as fast.
   */
  readonly counterpartPatternAscii: RegExp | null;
  /** Matches one character a counterpart cue can hold, as `counterpartPattern` reads it (any case of a cue letter). */
  readonly counterpartCueChar: RegExp;
  /** Bloc code → every member country, nested blocs resolved. */
  readonly blocs: ReadonlyMap<string, ReadonlySet<string>>;
  readonly tone: ToneLexicon;
  /** The target-sentiment model and the tone lexicon it reads: what decides each stance's polarity. */
  readonly targetSentiment: TargetSentimentResources;
}

/** Rules a target can be found by, from the place table's word kinds. */
const METONYMY_RULES = new Set(['capital', 'institution', 'administration']);

/**
 * Builds the stance lexicon from the place table (country names, demonyms, capitals, institutions and
 * organisations → code, as the speaker stages use it), leaders, `data/stance-targets.json` and the
 * target-sentiment model (`data/target-sentiment-model.json` by default). Plural demonyms ("the Russians") are
 * derived from the singular ones.
 *
 * @example
 * const lexicon = createStanceLexicon(new Map([['Moscow', { code: 'RU', rule: 'capital' }]]), new Map());
 */
export function createStanceLexicon(
  places: ReadonlyMap<string, PlaceEntry>,
  leaders: ReadonlyMap<string, string>,
  data: unknown = stanceTargetsJson,
  tone: ToneLexicon = loadToneLexicon(),
  model: TargetSentimentModel = loadTargetSentimentResources().model,
): StanceLexicon {
  const parsed = parseStanceTargets(data);
  const targets = new Map<string, PlaceEntry>();
  for (const [name, entry] of places) {
    targets.set(name, entry);
    if (entry.rule === 'demonym' && /(?:an|i|k)$/.test(name)) targets.set(`${name}s`, entry);
  }
  for (const [name, code] of leaders) if (!targets.has(name)) targets.set(name, { code, rule: 'administration' });
  for (const [name, code] of Object.entries(parsed.targets)) targets.set(name, { code, rule: 'stance-target' });
  const targetsByFirstWord = new Map<string, string[]>();
  for (const name of [...targets.keys()].sort((a, b) => b.length - a.length)) {
    const key = firstWordKey(name);
    if (key === null) continue;
    targetsByFirstWord.set(key, [...(targetsByFirstWord.get(key) ?? []), name]);
  }
  const cues = [...parsed.counterpartCues].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    targets,
    targetsByFirstWord,
    firstWordLengths: lengthsByInitial([...targetsByFirstWord.keys()]),
    pluralPronouns: new Set(parsed.pluralPronouns),
    ownSidePronouns: new Set(parsed.ownSidePronouns),
    counterpartPattern: new RegExp(cues.length === 0 ? '(?!)' : `(?<![\\p{L}\\p{N}])(?:${cues.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    counterpartPatternAscii: cues.length > 0 && parsed.counterpartCues.every((cue) => /^[A-Za-z0-9](?:[\x20-\x7e]*[A-Za-z0-9])?$/.test(cue)) ? new RegExp(`\\b(?:${cues.join('|')})\\b`, 'gi') : null,
    counterpartCueChar: new RegExp(`[${[...new Set(parsed.counterpartCues.join(''))].map(codePointEscape).join('')}]`, 'iu'),
    blocs: resolveBlocs(parsed.blocs),
    tone,
    targetSentiment: { model, lexicon: tone, cues: loadTargetSentimentResources().cues },
  };
}

/** `StanceLexicon.firstWordLengths` of these keys: an array, as this is read at every word of every quote. */
function lengthsByInitial(keys: readonly string[]): Int32Array {
  const lengths = new Int32Array(0x10000);
  for (const key of keys) lengths[key.charCodeAt(0)]! |= lengthBit(key.length);
  return lengths;
}

/**
 * The bit of a word length in `StanceLexicon.firstWordLengths` (31 stands for any longer).
 *
 * @example
 * (lexicon.firstWordLengths['R'.charCodeAt(0)]! & lengthBit('Russia'.length)) !== 0; // true: a name opens with "Russia"
 */
export function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** A word of a target name: letters, digits and dots (`U.S.`); an apostrophe ends it (`Russia’s`). */
export const NAME_WORD = /[\p{L}\p{N}][\p{L}\p{N}.]*/gu;

/** The lookup key of a name or text word: its first word without trailing dots, or null when it has none. */
export function firstWordKey(text: string): string | null {
  const word = /^[\p{L}\p{N}][\p{L}\p{N}.]*/u.exec(text)?.[0];
  return word === undefined ? null : word.replace(/\.+$/, '');
}

/**
 * True when `target` is the speaker's own side: the same code, a bloc the speaker belongs to, or a member of the
 * bloc the speaker speaks for.
 *
 * @example
 * isOwnSide('US', 'NATO', lexicon); // true
 */
export function isOwnSide(speaker: string | null, target: string, lexicon: Pick<StanceLexicon, 'blocs'>): boolean {
  if (speaker === null) return false;
  if (speaker === target) return true;
  return (lexicon.blocs.get(target)?.has(speaker) ?? false) || (lexicon.blocs.get(speaker)?.has(target) ?? false);
}

function resolveBlocs(blocs: Readonly<Record<string, readonly string[]>>): Map<string, Set<string>> {
  const resolved = new Map<string, Set<string>>();
  const resolve = (code: string, seen: readonly string[]): Set<string> => {
    if (seen.includes(code)) throw new NewstoneError('invalid-lexicon', `expected stance "blocs" without cycles, found ${[...seen, code].join(' → ')}`);
    const members = new Set<string>();
    for (const member of blocs[code] ?? []) {
      if (member in blocs) for (const nested of resolve(member, [...seen, code])) members.add(nested);
      else members.add(member);
    }
    return members;
  };
  for (const code of Object.keys(blocs)) resolved.set(code, resolve(code, []));
  return resolved;
}

/** Whether a target found through this place rule is metonymy (`Moscow`, `the Kremlin`, `Putin`) rather than a name. */
export function isMetonymy(rule: string): boolean {
  return METONYMY_RULES.has(rule);
}

/** Checks the shape of `data/stance-targets.json`. */
export function parseStanceTargets(value: unknown): StanceTargetsData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewstoneError('invalid-lexicon', 'expected the stance targets file to be an object');
  }
  const record = value as Record<string, unknown>;
  const { targets } = record;
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)
    || !Object.values(targets).every((code) => typeof code === 'string' && /^[A-Z][A-Z0-9-]{1,5}$/.test(code))) {
    throw new NewstoneError('invalid-lexicon', 'expected stance "targets" to map names to codes like "US" or "NATO"');
  }
  const list = (name: string): string[] => {
    const items = record[name];
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' && item.length > 0)) {
      throw new NewstoneError('invalid-lexicon', `expected stance "${name}" to be a list of non-empty strings`);
    }
    return items as string[];
  };
  return {
    targets: targets as Record<string, string>,
    pluralPronouns: list('pluralPronouns'),
    ownSidePronouns: list('ownSidePronouns'),
    counterpartCues: list('counterpartCues'),
    blocs: parseBlocs(record['blocs']),
  };
}

function parseBlocs(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)
    || !Object.values(value).every((members) => Array.isArray(members) && members.every((m) => typeof m === 'string' && /^[A-Z][A-Z0-9-]{1,5}$/.test(m)))) {
    throw new NewstoneError('invalid-lexicon', 'expected stance "blocs" to map bloc codes to lists of member codes');
  }
  return value as Record<string, string[]>;
}

/** A character as a `\u{…}` escape, safe anywhere in a `u` pattern. */
function codePointEscape(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

