import type { ArticleDraft } from '../model/draft.js';
import type { Candidate } from './attribution-candidates.js';
import { isWhiteSpace } from '../text/white-space.js';

/**
 * The features of one (quotation, candidate speaker) pair, as named strings: the learned attribution decision weighs
 * them (`data/attribution-model.json`), and the ones that weighed most are the decision's evidence. Each function
 * below reads one thing a reader would look at; `attributionFeatures` joins them and a few of their pairs.
 */
export interface FeatureContext {
  readonly draft: ArticleDraft;
  /** Index of the quotation in `draft.classified` (and `draft.drafts`). */
  readonly quote: number;
  /** The identity the ordered rules (`attributeQuotes` and the draft's `sameAs` chain) give this quotation. */
  readonly ruleEntity: string | null;
  /** The identity chosen for the quotation before this one (in any paragraph), or null. */
  readonly previousEntity: string | null;
  /** How many quotations before this one were given to each identity. */
  readonly quotesBy: ReadonlyMap<string, number>;
}

/**
 * Feature names are built from a few small sets of values, so each distinct name is made once and reused: the model's
 * map then looks up a string whose hash is already known instead of hashing a fresh one for every candidate.
 */
const interned = new Map<string, Map<string, string>>();
function named(prefix: string, value: string | number): string {
  let byValue = interned.get(prefix);
  if (byValue === undefined) interned.set(prefix, (byValue = new Map()));
  const key = String(value);
  let name = byValue.get(key);
  if (name === undefined) byValue.set(key, (name = prefix + key));
  return name;
}
const crosses = new Map<string, Map<string, string>>();
/** "a&b", made once per pair. */
function cross(a: string, b: string): string {
  let byB = crosses.get(a);
  if (byB === undefined) crosses.set(a, (byB = new Map()));
  let name = byB.get(b);
  if (name === undefined) byB.set(b, (name = `${a}&${b}`));
  return name;
}

/** The features of the quotation itself, the same for each of its candidates: read once per quotation. */
export interface QuoteFeatures {
  readonly kind: string;
  readonly opens: string;
  readonly length: string;
}

export function quoteFeatures(context: FeatureContext): QuoteFeatures {
  return { kind: quoteKind(context), opens: opensParagraph(context), length: quoteLength(context) };
}

/** Where the candidate stands: the cue right after the quote, the sentence before, the previous quote's speaker … */
export const relation = (candidate: Candidate) => named('rel=', candidate.facts.relation);

/** The candidate's source: a speech cue's speaker, a sentence subject, a titled name, a transcript label, the previous quote. */
export function source(context: FeatureContext, candidate: Candidate): string {
  return candidate.mention === null ? 'src=previous-quote' : named('src=', context.draft.mentions[candidate.mention]!.source);
}

/** What kind of phrase the candidate is: a name, a description ("the official"), an organisation, a group, a pronoun. */
export function phraseKind(context: FeatureContext, candidate: Candidate): string {
  return candidate.mention === null ? 'phrase=previous' : named('phrase=', context.draft.mentions[candidate.mention]!.phrase.kind);
}

/** For a cue's speaker: whether the speaker stands before the cue ("Lavrov said") or after it ("said Lavrov"). */
export function cueSide(context: FeatureContext, candidate: Candidate): string | null {
  const event = candidate.mention === null ? null : context.draft.mentions[candidate.mention]!.event;
  return event === null ? null : named('cue-side=', context.draft.events[event]!.speakerSide);
}

/** How the identity was found: named, a pronoun resolved, a definite description, unresolved … */
export function resolution(context: FeatureContext, candidate: Candidate): string {
  if (candidate.entity === null) return 'resolved=no';
  if (candidate.mention === null) return 'resolved=previous';
  return named('resolved=', context.draft.resolutionOf[candidate.mention]!.rule);
}

/** Person, organisation or group, as the identity resolved. */
export function entityKind(context: FeatureContext, candidate: Candidate): string {
  const entity = candidate.entity === null ? undefined : context.draft.resolved.entities.get(candidate.entity);
  return named('entity=', entity?.kind ?? 'none');
}

/** Sentences between the candidate and the quotation, capped (0: the same sentence; negative: after it). */
export const sentencesBetween = (candidate: Candidate) => named('sentences=', Math.max(-1, Math.min(4, candidate.facts.sentences)));

/** Paragraphs between the candidate and the quotation. */
export const paragraphsBetween = (candidate: Candidate) => named('paragraphs=', Math.min(2, candidate.facts.paragraphs));

/** Characters between them, in doubling bins (0–7, 8–15, 16–31 …). */
export const charactersBetween = (candidate: Candidate) => named('chars=', Math.min(10, Math.floor(Math.log2(candidate.facts.characters + 8)) - 3));

/** Other quotations between the candidate and this one. */
export const quotesBetween = (candidate: Candidate) => named('quotes-between=', Math.min(2, candidate.facts.quotesBetween));

/** Nearest on its side of the quotation, second nearest … */
export const rankOnSide = (candidate: Candidate) => named('rank=', Math.min(3, candidate.facts.rankOnSide));

/** Nearest cue speaker on its side, second nearest …; none for a mention that no cue introduces. */
export const cueRank = (candidate: Candidate) => (candidate.facts.cueRankOnSide < 0 ? null : named('cue-rank=', Math.min(2, candidate.facts.cueRankOnSide)));

/** Whether the ordered rules give this quotation the same identity. */
export function agreesWithRules(context: FeatureContext, candidate: Candidate): string {
  if (context.ruleEntity === null) return 'rules=none';
  return candidate.entity === context.ruleEntity ? 'rules=same' : 'rules=other';
}

/** Whether the candidate spoke the quotation before this one. */
export function spokePrevious(context: FeatureContext, candidate: Candidate): string {
  return candidate.entity !== null && candidate.entity === context.previousEntity ? 'spoke-previous=yes' : 'spoke-previous=no';
}

/** How many earlier quotations the candidate was given. */
export function earlierQuotes(context: FeatureContext, candidate: Candidate): string {
  const count = candidate.entity === null ? 0 : (context.quotesBy.get(candidate.entity) ?? 0);
  return named('earlier-quotes=', Math.min(3, count));
}

/** The quotation's kind: a full quotation, a fragment inside reported speech, a heading. */
export function quoteKind(context: FeatureContext): string {
  return named('quote=', context.draft.classified[context.quote]!.kind);
}

/** Whether the quotation opens its paragraph (a new paragraph often continues the speaker before). */
export function opensParagraph(context: FeatureContext): string {
  const quote = context.draft.classified[context.quote]!;
  return quote.open === context.draft.body[quote.paragraph]!.start ? 'opens-paragraph=yes' : 'opens-paragraph=no';
}

/** A short fragment ("“outrageous”") or a longer quotation, by words. */
export function quoteLength(context: FeatureContext): string {
  const quote = context.draft.classified[context.quote]!;
  // Counted only up to 13: a long quotation is not split whole.
  const text = context.draft.text;
  let words = 0;
  for (let i = quote.start, inWord = false; i < quote.end && words <= 12; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words <= 3 ? 'quote-words=few' : words <= 12 ? 'quote-words=some' : 'quote-words=many';
}

/** A capitalised word that opens a clause ("Though", "Neither", "While") read as a name is rarely a speaker. */
export function opensWithFunctionWord(context: FeatureContext, candidate: Candidate): string | null {
  if (candidate.mention === null) return null;
  const first = (/^\S+/.exec(context.draft.mentions[candidate.mention]!.phrase.text)?.[0] ?? '').toLowerCase();
  return FUNCTION_WORDS.has(first) ? 'function-word=yes' : null;
}

const FUNCTION_WORDS = new Set([
  'though', 'although', 'neither', 'nor', 'either', 'but', 'and', 'or', 'while', 'when', 'whenever', 'if', 'as', 'after',
  'before', 'since', 'because', 'unless', 'until', 'once', 'so', 'yet', 'then', 'still', 'even', 'only', 'also', 'both',
  'instead', 'meanwhile', 'however', 'indeed', 'perhaps', 'now', 'here', 'there', 'where', 'why', 'how', 'what', 'who',
]);

/** The features of a candidate for a quotation: the single ones and the pairs that matter together. */
export function attributionFeatures(context: FeatureContext, candidate: Candidate, ofQuote: QuoteFeatures = quoteFeatures(context)): string[] {
  const rel = relation(candidate);
  const kind = phraseKind(context, candidate);
  const { kind: quote, opens, length } = ofQuote;
  const rules = agreesWithRules(context, candidate);
  const from = source(context, candidate);
  const resolved = resolution(context, candidate);
  const sentences = sentencesBetween(candidate);
  const between = quotesBetween(candidate);
  const rank = rankOnSide(candidate);
  const cue = cueRank(candidate);
  const spoke = spokePrevious(context, candidate);
  const singles = [
    rel, from, kind, cueSide(context, candidate), resolved, entityKind(context, candidate), sentences, paragraphsBetween(candidate),
    charactersBetween(candidate), between, rank, cue, rules, spoke, earlierQuotes(context, candidate), opensWithFunctionWord(context, candidate),
  ];
  const features = singles.filter((feature): feature is string => feature !== null);
  features.push(
    cross(rel, quote), cross(rel, kind), cross(rel, opens), cross(rel, rank), cross(rel, between), cross(rel, rules), cross(rules, quote),
    cross(kind, resolved), cross(rel, spoke), cross(rel, length), cross(from, rel), cross(rel, cue ?? 'no-cue'), cross(rel, sentences),
  );
  return features;
}
