import { z } from '@hono/zod-openapi';

/** Schemas double as validation (requests) and documentation (responses) in the OpenAPI document. */

/** Response arrays are readonly, as the model's are. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() }).openapi('Span');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://newstone.dev/problems/validation' }),
    title: z.string().openapi({ example: 'Validation failed' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().optional().openapi({ example: 'text: expected a non-empty string' }),
    errors: list(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' });

const EvidenceSchema = z
  .object({ rule: z.string(), confidence: z.number(), text: z.string().optional(), span: SpanSchema.optional() })
  .openapi('Evidence');

const CountryAttributionSchema = z
  .object({ code: z.string(), rule: z.string(), confidence: z.number(), evidence: z.string() })
  .openapi('CountryAttribution');

const SpeakerMergeSchema = z
  .object({ alias: z.string(), into: z.string(), reason: z.string().openapi({ example: 'across articles: surname of the full name' }) })
  .openapi('SpeakerMerge', { description: 'An alias merged into a speaker, and why.' });

const SpeakerKindSchema = z.enum(['person', 'organization', 'group']);

const SpeakerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: SpeakerKindSchema,
    role: z.string().nullable(),
    organization: z.string().nullable(),
    country: CountryAttributionSchema.nullable(),
    aliases: list(z.string()),
    merges: list(SpeakerMergeSchema),
  })
  .openapi('Speaker');

const QuoteSpeakerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    organization: z.string().nullable(),
    country: z.string().nullable(),
    kind: SpeakerKindSchema,
  })
  .openapi('QuoteSpeaker');

const SentimentSchema = z
  .object({
    score: z.number(),
    comparative: z.number(),
    label: z.enum(['positive', 'neutral', 'negative']),
    positive: list(z.string()),
    negative: list(z.string()),
  })
  .openapi('Sentiment');

const StanceSchema = z
  .object({
    target: z.string(),
    targetCountry: z.string().nullable(),
    polarity: z.enum(['favor', 'against', 'neutral']),
    score: z.number(),
    evidence: list(z.string()),
    rule: z.string(),
    inferred: z.boolean(),
  })
  .openapi('Stance');

export const QuoteSchema = z
  .object({
    id: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    kind: z.enum(['direct', 'partial', 'heading', 'turn', 'statement', 'indirect']).openapi({
      description:
        'direct / partial: a quotation in marks (also inside a turn or statement, for the person quoted); heading: a quotation standing as a heading; ' +
        'turn: a paragraph of a transcript turn; statement: a paragraph of a statement by the author its title or opening names; indirect: reported speech without marks.',
    }),
    speaker: QuoteSpeakerSchema.nullable(),
    cue: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable(),
    evidence: EvidenceSchema,
    sentiment: SentimentSchema,
    stance: list(StanceSchema),
  })
  .openapi('Quote');

export const AnalysisSchema = z
  .object({
    pipelineVersion: z.string(),
    text: z.string(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    paragraphs: list(SpanSchema),
    boilerplate: list(SpanSchema),
    quotes: list(QuoteSchema),
    speakers: list(SpeakerSchema),
  })
  .openapi('Analysis');

export const StoredArticleSchema = AnalysisSchema.extend({ id: z.string(), ingestedAt: z.string() }).openapi('StoredArticle');

export const ArticleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
    pipelineVersion: z.string(),
    quoteCount: z.number().int(),
    ingestedAt: z.string(),
  })
  .openapi('ArticleSummary');

export const StoredQuoteSchema = QuoteSchema.extend({
  articleId: z.string(),
  articleTitle: z.string().nullable(),
  publishedDay: z.string().nullable(),
}).openapi('StoredQuote');

export const StoredSpeakerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: SpeakerKindSchema,
    role: z.string().nullable(),
    organization: z.string().nullable(),
    country: z.string().nullable(),
    countryEvidence: CountryAttributionSchema.nullable(),
    aliases: list(z.string()),
    quoteCount: z.number().int(),
  })
  .openapi('StoredSpeaker');

export const SourceSummarySchema = z
  .object({ source: z.string(), articleCount: z.number().int(), quoteCount: z.number().int() })
  .openapi('SourceSummary');

const ToneSummaryShape = {
  count: z.number().int(),
  mean: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  share: z.object({ positive: z.number(), neutral: z.number(), negative: z.number() }),
  tooFew: z.boolean(),
};

export const ToneSummarySchema = z.object(ToneSummaryShape).openapi('ToneSummary');

export const SpeakerDetailSchema = StoredSpeakerSchema.extend({ merges: list(SpeakerMergeSchema), tone: ToneSummarySchema, articleCount: z.number().int() }).openapi(
  'SpeakerDetail',
);

export const ToneRowSchema = z
  .object({
    ...ToneSummaryShape,
    key: z.string(),
    label: z.string(),
    country: z.string().nullable().optional().openapi({
      description: 'Rows grouped by speaker only: the speaker’s country, an ISO 3166-1 alpha-2 code or an organisation code (NATO, EU, UN, OSCE), or null when unknown',
      example: 'RU',
    }),
    role: z.string().nullable().optional().openapi({ description: 'Rows grouped by speaker only: the speaker’s role, or null', example: 'Russian Foreign Minister' }),
  })
  .openapi('ToneRow');

export const StanceCellSchema = z
  .object({
    ...ToneSummaryShape,
    speakerCountry: z.string(),
    targetCountry: z.string(),
    favor: z.number().int(),
    against: z.number().int(),
    neutralStance: z.number().int(),
  })
  .openapi('StanceCell');

/** `{ items, nextCursor }`: every list answers in this shape. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: list(item), nextCursor: z.string().nullable() }).openapi(name);
}

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ArticleInputSchema = z
  .object({
    text: z.string().trim().min(1, 'expected a non-empty string').openapi({ example: '“We will not wait forever,” Lavrov said.' }),
    title: z.string().max(1000).optional(),
    source: z.string().max(1000).optional(),
    url: z.url().max(4000).optional(),
    publishedAt: isoDate.optional().openapi({ description: 'ISO 8601 date or date-time', example: '2025-02-18' }),
    format: z.enum(['text', 'html', 'auto']).optional(),
  })
  .openapi('ArticleInput');

const day = z.iso.date().openapi({ example: '2025-02-18' });
const code = z.string().min(1).max(16).openapi({ example: 'RU' });

/** The filters of quotes and aggregates. */
export const QuoteFilterSchema = z.object({
  speaker: z.string().min(1).max(100).optional().openapi({ description: 'Speaker id (from /api/speakers)' }),
  country: code.optional().openapi({ description: "Speaker's country or organisation code" }),
  target: code.optional().openapi({ description: 'Stance target country or organisation code' }),
  article: z.string().min(1).max(100).optional().openapi({ description: 'Article id' }),
  source: z.string().min(1).max(1000).optional().openapi({ description: "The article's source, exactly (from /api/sources)", example: 'Reuters' }),
  from: day.optional().openapi({ description: 'First day included (article date)' }),
  to: day.optional().openapi({ description: 'Last day included (article date)' }),
});

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ example: 50 }),
  cursor: z.string().min(1).max(500).optional(),
});

export const IdParamSchema = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
