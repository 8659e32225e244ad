/**
 * What the pipeline holds between its stages and its speaker decision: each quotation's draft, every mention of a
 * person or organisation, and their resolved identities. Internal to the core: `analyzeArticle` builds it, the
 * speaker decision and the attribution trainer read it.
 */
import type { Cue, QuoteKind, Span } from './analysis.js';
import type { Article } from '../input/read-article.js';
import type { ClassifiedQuote } from '../quotes/classify-quotes.js';
import type { SpeechEvent } from '../speakers/find-speech-events.js';
import type { Mention, Resolution, ResolvedMentions } from '../speakers/resolve-speakers.js';

/** A quote before its speaker is resolved: where it is, its kind, and what attributes it. */
export interface Draft extends Span {
  readonly kind: QuoteKind;
  cue: Cue | null;
  /** Index into `mentions` of the phrase that names the speaker, or the draft whose speaker this one shares. */
  mention: number | null;
  sameAs: number | null;
  rule: string;
  confidence: number;
  /** For a learned decision: the features that weighed most for the chosen candidate. */
  features: readonly string[] | null;
  /** True when a rule has decided the speaker for certain (a quoted transcript's label): the model leaves it. */
  readonly settled: boolean;
}

/**
 * Where a mention was found: the speaker of a speech cue, a sentence subject, a titled name, a transcript label, the
 * author a statement's title or opening names.
 */
export type MentionSource = 'cue' | 'subject' | 'titled' | 'named' | 'label' | 'author';

/**
 * A paragraph that is speech in itself: a transcript turn or a statement by its named author. Quotations inside it
 * are reported too, as quotations of the person quoted.
 */
export interface SpeechParagraph extends Span {
  readonly kind: 'turn' | 'statement';
  readonly paragraph: number;
  /** Index into `mentions` of the label or author that speaks, or null (a questioner's `Q`, a label read as no one). */
  readonly speaker: number | null;
  /** The label or author as a cue (`MS. PSAKI`, `Press Secretary Jen Psaki`), or null for `Q`. */
  readonly cue: Cue | null;
  readonly rule: string;
  readonly confidence: number;
}

/** A mention with its position and origin. */
export interface DraftMention extends Mention {
  readonly at: number;
  readonly source: MentionSource;
  /** For a cue's speaker: the index of its speech event. */
  readonly event: number | null;
}

/** Everything the pipeline knows before it decides who speaks. */
export interface ArticleDraft {
  readonly article: Article;
  readonly text: string;
  readonly paragraphs: readonly Span[];
  readonly boilerplate: readonly Span[];
  /** Paragraphs less boilerplate: the paragraph indices of quotes and turns count in this list. */
  readonly body: readonly Span[];
  readonly headline: number | null;
  readonly sentences: readonly Span[];
  readonly classified: readonly ClassifiedQuote[];
  readonly events: readonly SpeechEvent[];
  /** Every phrase that names someone, in the order the stages produced them. */
  readonly mentions: readonly DraftMention[];
  readonly resolved: ResolvedMentions;
  /** Index-aligned with `mentions`. */
  readonly resolutionOf: readonly Resolution[];
  /** Index-aligned with `classified` first (null for scare quotes), then reported speech, then turns and statements. */
  readonly drafts: (Draft | null)[];
  /** Turn and statement paragraphs, in text order. */
  readonly speech: readonly SpeechParagraph[];
}
