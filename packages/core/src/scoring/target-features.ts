import type { Span } from '../model/analysis.js';
import { scoreTokens, type ScoredWord } from './score-sentiment.js';
import { loadStanceCues, type StanceCues } from './stance-cues.js';
import type { ToneLexicon } from './tone-lexicon.js';
import { tokenizeTone, type ToneToken } from './tone-tokens.js';

/** Tokens on each side of the target that get position-marked word features. */
export const TARGET_WINDOW = 4;

/** A sparse feature vector: feature name → value. */
export type TargetFeatures = ReadonlyMap<string, number>;

/**
 * Words that, just before the target (an article or two may stand between), make it the object of a relation:
 * "sanctions on Russia", "a threat against Ukraine", "stand with Ukraine", "the people of Ukraine".
 */
const PREPOSITIONS = new Set([
  'on', 'against', 'of', 'to', 'with', 'for', 'by', 'from', 'in', 'at', 'toward', 'towards', 'over', 'about', 'into',
  'behind', 'alongside', 'upon', 'onto', 'among', 'between', 'without', 'beside', 'like',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'his', 'her', 'all', 'both']);
/** Words that can stand for a person or group in a sentence, so a scored word may speak of them and not the target. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'they', 'them', 'his', 'their', 'we', 'us', 'i', 'you']);

/** Where the target stands in its clause: the part it plays, read from the words around it. */
export type TargetRole = 'possessor' | 'object' | 'subject' | 'other';

/**
 * The features the target-sentiment model reads for one target in one sentence. Shared by the training script and
 * `scoreTargetSentiment`, so both see exactly the same features:
 * - the sentence's words, and the words next to the target marked by side and distance, with the bigrams at it;
 * - the lexicon scores (after clause-scope negation) in the sentence, left and right of the target, near it, in
 *   its clause, decayed by distance, and split by whether the target is the nearest name to the scored word;
 * - the target's role: possessor ("Russia's aggression"), object of a preposition ("sanctions on Russia", with the
 *   word the preposition hangs on), or clause subject; and the lexicon scores by side crossed with that role, so
 *   "an assault on the people of Ukraine" and "Russia's assault" can read differently;
 * - the target's position (sentence start, inside a quotation);
 * - the diplomatic stance cues (`cue:aggressor`, `cue:victim`, `cue:penalised`, `cue:supported`; see
 *   `data/stance-cues.json`), whose weights are fixed there, not learned.
 *
 * @example
 * extractTargetFeatures('Critics slammed Smith.', { start: 16, end: 21 }, loadToneLexicon()).get('L1:slammed'); // 1
 */
export function extractTargetFeatures(
  sentence: string,
  target: Span,
  lexicon: ToneLexicon,
  cues: StanceCues = loadStanceCues(),
  tokens: readonly ToneToken[] = tokenizeTone(sentence),
  scored: readonly ScoredWord[] = scoreTokens(tokens, lexicon),
  place: TargetPlace = locateTarget(tokens, target, lexicon),
): TargetFeatures {
  const features = new Map<string, number>([['bias', 1]]);
  const add = (name: string, value = 1) => features.set(name, (features.get(name) ?? 0) + value);
  const { firstIndex, lastIndex, clause } = place;

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.isBreak || (i >= firstIndex && i <= lastIndex)) continue;
    features.set(`w:${token.text}`, 1);
  }
  for (let d = 1; d <= TARGET_WINDOW; d += 1) {
    const left = tokens[firstIndex - d];
    const right = tokens[lastIndex + d];
    if (left !== undefined) add(`L${d <= 2 ? d : 'n'}:${left.text}`);
    if (right !== undefined) add(`R${d <= 2 ? d : 'n'}:${right.text}`);
  }
  const l1 = tokens[firstIndex - 1]?.text;
  const l2 = tokens[firstIndex - 2]?.text;
  const r1 = tokens[lastIndex + 1]?.text;
  const r2 = tokens[lastIndex + 2]?.text;
  if (l1 !== undefined && l2 !== undefined) add(`L21:${l2}_${l1}`);
  if (r1 !== undefined && r2 !== undefined) add(`R12:${r1}_${r2}`);

  const role = roleOf(sentence, target, tokens, firstIndex, clause.first);
  add(`role:${role.role}`);
  if (role.preposition !== null) add(`prep:${role.preposition}`);
  if (role.head !== null) add(`head:${role.head}_${role.preposition}`);
  const cue = diplomaticCue(sentence, tokens, firstIndex, lastIndex, clause, role.role, lexicon, cues);
  if (cue !== null) add(`cue:${cue}`);

  const names = nameTokens(sentence, tokens, firstIndex, lastIndex);
  const sides = { all: 0, left: 0, right: 0, near: 0, clause: 0, decay: 0, nearest: 0, elsewhere: 0 };
  for (const word of scored) {
    const value = word.score / 5;
    const left = word.end <= target.start;
    const index = tokenIndexAt(tokens, word.start);
    const distance = left ? countWordsBetween(tokens, index, firstIndex) : countWordsBetween(tokens, lastIndex, index);
    sides.all += value;
    if (left) sides.left += value;
    else sides.right += value;
    if (distance <= TARGET_WINDOW) sides.near += value;
    const inClause = index >= clause.first && index <= clause.last;
    if (inClause) {
      sides.clause += value;
      add(`lr:${left ? 'L' : 'R'}:${role.role}`, value);
      if (role.preposition !== null) add(`lp:${left ? 'L' : 'R'}:${role.preposition}`, value);
    }
    sides.decay += value / (1 + distance / 3);
    // A scored word speaks of the name nearest to it: the target, or another person or place in the sentence.
    if (isNearestName(index, firstIndex, lastIndex, names)) sides.nearest += value;
    else sides.elsewhere += value;
    add(word.score > 0 ? 'lex:positive' : 'lex:negative');
    if (word.negated) add('lex:negated');
  }
  for (const [side, value] of Object.entries(sides)) addSigned(add, `lex:${side}`, value);

  if (names.length > 0) add(`names:${Math.min(names.length, 3)}`);
  if (firstIndex <= 1) add('pos:sentence-start');
  if (isInsideQuotation(sentence, target.start)) add('pos:in-quotation');
  if (/["“”]/.test(sentence)) add('has:quotation');
  return features;
}

/** Where the target's tokens are, and the clause around them (token indices, inclusive). */
export interface TargetPlace {
  /** The target's first token; `tokens.length` when no token reaches it. */
  readonly firstIndex: number;
  /** The target's last token (`firstIndex − 1` when it has none). */
  readonly lastIndex: number;
  /** The clause holding the target: between the nearest breaks or clause-break words on either side. */
  readonly clause: { readonly first: number; readonly last: number };
}

/**
 * The target's tokens and clause, read the same way by every part of the model.
 *
 * @example
 * locateTarget(tokenizeTone('Critics slammed Smith.'), { start: 16, end: 21 }, loadToneLexicon()); // { firstIndex: 2, lastIndex: 2, clause: { first: 0, last: 2 } }
 */
export function locateTarget(tokens: readonly ToneToken[], target: Span, lexicon: ToneLexicon): TargetPlace {
  const first = tokens.findIndex((token) => token.end > target.start);
  const firstIndex = first === -1 ? tokens.length : first;
  let lastIndex = firstIndex - 1;
  while (lastIndex + 1 < tokens.length && tokens[lastIndex + 1]!.start < target.end) lastIndex += 1;
  return { firstIndex, lastIndex, clause: clauseAround(tokens, firstIndex, lastIndex, lexicon) };
}

/** Words before the target, in a subject's place, after which the target opens a clause ("if Russia attacks"). */
const CLAUSE_OPENERS = new Set(['that', 'if', 'when', 'as', 'and', 'unless', 'whether', 'until', 'after', 'before', 'once']);

/**
 * The diplomatic cue the target's place in its clause sets off, or null. In order: an aggression word right after
 * the target ("Russia's aggression", "Russian invasion"); the target as subject of a clause holding an aggression
 * word or "against" ("Russia chose … destruction", "Russia has moved against Ukraine"), a penalty ("Russia will pay a
 * price") or support ("the Ukrainian people have known … independence"); else the nearest cue word before it (commas
 * and dashes crossed), through a preposition or directly: aggression makes the target its victim ("an assault on the
 * people of Ukraine", "attacked Ukraine's right"), or its agent after "by" ("provocations by Russia"); a penalty
 * makes it the penalised ("sanctions on Russia", "limit Russia's ability"); support, the supported ("assistance to
 * Ukraine", "stand with Ukraine").
 */
function diplomaticCue(sentence: string, tokens: readonly ToneToken[], firstIndex: number, lastIndex: number, clause: { first: number; last: number }, role: TargetRole, lexicon: ToneLexicon, cues: StanceCues): string | null {
  for (let i = lastIndex + 1; i <= Math.min(lastIndex + 3, clause.last); i += 1) {
    const word = tokens[i]!.text;
    if (PREPOSITIONS.has(word)) break; // "Ukraine without provocation": the aggression is not Ukraine's
    if (cues.aggression.has(word)) return 'aggressor';
  }
  let opener = firstIndex - 1;
  while (opener >= clause.first && DETERMINERS.has(tokens[opener]!.text)) opener -= 1;
  const isSubject = role === 'subject' || (role !== 'possessor' && opener >= clause.first && CLAUSE_OPENERS.has(tokens[opener]!.text));
  if (isSubject) {
    let support = false;
    let penalty = false;
    // The predicate may follow a dash or an aside ("Putin has a — has committed an assault").
    let words = 0;
    for (let i = lastIndex + 1; i < tokens.length && words < cues.window; i += 1) {
      const token = tokens[i]!;
      if (token.isBreak) {
        if (isSoftBreak(token)) continue;
        break;
      }
      words += 1;
      const word = token.text;
      if (cues.aggression.has(word) || word === 'against') return 'aggressor';
      if (cues.penalty.has(word)) penalty = true;
      if (cues.support.has(word)) support = true;
    }
    if (penalty) return 'penalised';
    if (support) return 'supported';
  }
  const prepositions: string[] = [];
  let words = 0;
  for (let i = firstIndex - 1; i >= 0 && words < cues.window; i -= 1) {
    const token = tokens[i]!;
    if (token.isBreak) {
      if (isSoftBreak(token)) continue;
      break;
    }
    // Another name between the cue word and the target is what the cue speaks of ("war on Ukraine … left Russia");
    // the target's own name again is not ("a threat in Ukraine — against Ukraine").
    if (lexicon.clauseBreaks.has(token.text)) break;
    if (i > 0 && isCapital(sentence.charCodeAt(token.start)) && token.text !== tokens[firstIndex]!.text) break;
    words += 1;
    const word = token.text;
    if (PREPOSITIONS.has(word)) {
      prepositions.push(word);
      continue;
    }
    const direct = prepositions.length === 0;
    const through = (allowed: ReadonlySet<string>) => direct || prepositions.some((preposition) => allowed.has(preposition));
    if (cues.aggression.has(word)) {
      if (prepositions.some((preposition) => cues.agentPrepositions.has(preposition))) return 'aggressor';
      if (through(cues.victimPrepositions)) return 'victim';
    }
    if (cues.penalty.has(word) && through(cues.penaltyPrepositions)) return 'penalised';
    if (cues.support.has(word) && through(cues.supportPrepositions)) return 'supported';
  }
  return null;
}

/** A comma or dash: a pause a cue may reach across, unlike a full stop, a colon or a quotation mark. */
function isSoftBreak(token: ToneToken): boolean {
  return token.text === ',' || token.text === '—' || token.text === '–';
}

function isCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function addSigned(add: (name: string, value?: number) => void, name: string, value: number): void {
  if (value !== 0) add(name, value);
  if (value > 0) add(`${name}>0`);
  if (value < 0) add(`${name}<0`);
}

/**
 * The target's role in its clause: possessor when an apostrophe follows it ("Russia's"), object when a preposition
 * precedes it (articles skipped), with the word the preposition hangs on ("sanctions" in "sanctions on Russia");
 * subject when only articles stand between the clause start and the target; otherwise other.
 */
function roleOf(sentence: string, target: Span, tokens: readonly ToneToken[], firstIndex: number, clauseFirst: number): { role: TargetRole; preposition: string | null; head: string | null } {
  if (/^['’]s?(?![\p{L}\p{N}])/u.test(sentence.slice(target.end, target.end + 3))) return { role: 'possessor', preposition: null, head: null };
  let before = firstIndex - 1;
  while (before >= 0 && DETERMINERS.has(tokens[before]!.text)) before -= 1;
  const word = tokens[before];
  if (word !== undefined && !word.isBreak && PREPOSITIONS.has(word.text)) {
    let head = before - 1;
    while (head >= 0 && DETERMINERS.has(tokens[head]!.text)) head -= 1;
    const headWord = tokens[head];
    return { role: 'object', preposition: word.text, head: headWord === undefined || headWord.isBreak ? null : headWord.text };
  }
  if (before < clauseFirst) return { role: 'subject', preposition: null, head: null };
  return { role: 'other', preposition: null, head: null };
}

/** Token indices of the other names in the sentence: capitalised words not opening it, and personal pronouns. */
function nameTokens(sentence: string, tokens: readonly ToneToken[], firstIndex: number, lastIndex: number): number[] {
  const names: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.isBreak || (i >= firstIndex && i <= lastIndex)) continue;
    const char = sentence.charCodeAt(token.start);
    const capital = char >= 0x41 && char <= 0x5a;
    const opensSentence = i === 0 || tokens[i - 1]!.text === '"' && i === 1;
    if ((capital && !opensSentence) || PERSON_PRONOUNS.has(token.text)) names.push(i);
  }
  return names;
}

/** Whether the target is at least as near to token `index` as every other name. */
function isNearestName(index: number, firstIndex: number, lastIndex: number, names: readonly number[]): boolean {
  const own = index < firstIndex ? firstIndex - index : Math.max(0, index - lastIndex);
  for (const name of names) if (Math.abs(name - index) < own) return false;
  return true;
}

/** The token range of the clause holding the target: between the nearest breaks on either side. */
function clauseAround(tokens: readonly ToneToken[], first: number, last: number, lexicon: ToneLexicon): { first: number; last: number } {
  const isBoundary = (token: ToneToken) => token.isBreak || lexicon.clauseBreaks.has(token.text);
  let start = first;
  while (start > 0 && !isBoundary(tokens[start - 1]!)) start -= 1;
  let end = last;
  while (end + 1 < tokens.length && !isBoundary(tokens[end + 1]!)) end += 1;
  return { first: start, last: end };
}

/** The index of the token starting at `offset` (a scored word starts at a token). */
function tokenIndexAt(tokens: readonly ToneToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Words (not breaks) strictly between two token indices. */
function countWordsBetween(tokens: readonly ToneToken[], from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i += 1) if (!tokens[i]!.isBreak) count += 1;
  return count;
}

/**
 * True when more “ than ” stand before `offset`, or, with none of those open, an odd number of " (counted by code:
 * this runs for every mention).
 */
function isInsideQuotation(sentence: string, offset: number): boolean {
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < offset; i += 1) {
    const code = sentence.charCodeAt(i);
    if (code === 0x201c) curly += 1;
    else if (code === 0x201d) curly -= 1;
    else if (code === 0x22) straight += 1;
  }
  return curly > 0 || straight % 2 === 1;
}
