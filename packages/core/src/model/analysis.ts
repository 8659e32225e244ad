/**
 * The article model: what Newstone reads and what it reports. Every offset is a JavaScript string index into
 * the text the caller passed (start inclusive, end exclusive), so `text.slice(start, end)` gives the span back.
 */

/** A half-open character range `[start, end)` into the article text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What the caller hands in. `text` may be plain text or HTML (see `format`). */
export interface ArticleInput {
  readonly text: string;
  readonly title?: string | undefined;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** ISO 8601 date or date-time. */
  readonly publishedAt?: string | undefined;
  /** How to read `text`; `auto` sniffs HTML. Default `auto`. */
  readonly format?: 'text' | 'html' | 'auto' | undefined;
}

/** Why a decision was taken: the rule that fired, how sure it is, and the words or span that decided. */
export interface Evidence {
  readonly rule: string;
  /** 0…1 */
  readonly confidence: number;
  /** The words that decided, as they stand in the text. */
  readonly text?: string | undefined;
  readonly span?: Span | undefined;
  /** For a learned decision (the quote's speaker): the features that set the chosen candidate apart, heaviest first. */
  readonly features?: readonly string[] | undefined;
}

/**
 * `direct` and `partial` quotations in marks, `heading` (a quotation standing as a heading), `turn` (a paragraph of a
 * transcript turn), `statement` (a paragraph of a statement by the author its title or opening names), `indirect`
 * (reported speech without marks).
 */
export type QuoteKind = 'direct' | 'partial' | 'heading' | 'turn' | 'statement' | 'indirect';
export type SpeakerKind = 'person' | 'organization' | 'group';

/**
 * A country or international organisation a speaker speaks for: ISO 3166-1 alpha-2 (`US`, `RU`, `UA`) or an
 * organisation code (`NATO`, `EU`, `UN`, `OSCE`).
 */
export interface CountryAttribution {
  readonly code: string;
  readonly rule: string;
  readonly confidence: number;
  /** The words that named the country, e.g. `Russian` or `Kremlin`. */
  readonly evidence: string;
}

/** One merge of two names into one speaker, with the reason. */
export interface SpeakerMerge {
  readonly alias: string;
  readonly into: string;
  readonly reason: string;
}

/** A speaker as the article (or a set of articles) knows them. */
export interface Speaker {
  readonly id: string;
  /** Canonical name: the fullest form the text gives. */
  readonly name: string;
  readonly kind: SpeakerKind;
  readonly role: string | null;
  readonly organization: string | null;
  readonly country: CountryAttribution | null;
  /** Other names the text uses for this speaker (surname only, variant spellings). */
  readonly aliases: readonly string[];
  readonly merges: readonly SpeakerMerge[];
}

/** The speaker as carried on each quote: flat, with the country as a code. */
export interface QuoteSpeaker {
  readonly id: string;
  readonly name: string;
  readonly role: string | null;
  readonly organization: string | null;
  readonly country: string | null;
  readonly kind: SpeakerKind;
}

/** The speech cue that attributed the quote (`said`, `told reporters`, `MS. PSAKI:`). */
export interface Cue extends Span {
  readonly text: string;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface Sentiment {
  /** Sum of the word scores (AFINN-165 plus the domain lexicon, after negation). */
  readonly score: number;
  /** `score` divided by the number of tokens. */
  readonly comparative: number;
  readonly label: SentimentLabel;
  /** The words that raised the score, as scored (after negation). */
  readonly positive: readonly string[];
  /** The words that lowered the score, as scored (after negation). */
  readonly negative: readonly string[];
}

export type StancePolarity = 'favor' | 'against' | 'neutral';

export interface Stance {
  /** The target as named in the text (`Moscow`, `NATO`, `The Americans`). */
  readonly target: string;
  /** Country or organisation code of the target (`RU`, `NATO`), or null when it is neither. */
  readonly targetCountry: string | null;
  readonly polarity: StancePolarity;
  /** −1…1 */
  readonly score: number;
  /** The words that decided the polarity. */
  readonly evidence: readonly string[];
  /** How the target was found: `explicit`, `metonymy`, `pronoun`, `context`. */
  readonly rule: string;
  /** True when the quote does not name the target and the context supplied it. */
  readonly inferred: boolean;
}

export interface Quote extends Span {
  /** Stable within an article: `q1`, `q2`, … in text order. */
  readonly id: string;
  /** The quotation without its marks: equals `article.text.slice(start, end)`. */
  readonly text: string;
  readonly kind: QuoteKind;
  readonly speaker: QuoteSpeaker | null;
  readonly cue: Cue | null;
  /** How the speaker was attributed. */
  readonly evidence: Evidence;
  readonly sentiment: Sentiment;
  readonly stance: readonly Stance[];
}

/** The analysis of one article. */
export interface Analysis {
  /** Changes whenever the pipeline would give a different answer for the same input. */
  readonly pipelineVersion: string;
  /** The text all offsets point into: the caller's text (for HTML, the text extracted from it). */
  readonly text: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** Paragraph spans, in order. */
  readonly paragraphs: readonly Span[];
  /** Site boilerplate recognised and left out of the analysis ("You may also like"). */
  readonly boilerplate: readonly Span[];
  readonly quotes: readonly Quote[];
  readonly speakers: readonly Speaker[];
}
