import type { Analysis, Speaker } from '@newstone/core';
import { StoreError } from '../errors.js';
import type { ArticlesTable, QuotesTable, SpeakersTable, StancesTable } from '../schema.js';
import { articleId } from './article-id.js';
import { speakerIdFor, speakerIdentity } from './speaker-identity.js';

/** Everything one analysis writes, as table rows. */
export interface AnalysisRows {
  readonly article: ArticlesTable;
  readonly speakers: SpeakersTable[];
  readonly quotes: QuotesTable[];
  readonly stances: StancesTable[];
}

/** What `analysis_json` keeps besides the table rows. */
export interface ArticleExtras {
  readonly paragraphs: Analysis['paragraphs'];
  readonly boilerplate: Analysis['boilerplate'];
  readonly speakers: Analysis['speakers'];
}

const isoDay = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/** The `YYYY-MM-DD` part of an ISO date or date-time; rejects anything else. */
export function publishedDay(publishedAt: string | null): string | null {
  if (publishedAt === null) return null;
  const day = isoDay.exec(publishedAt)?.[1];
  if (!day || Number.isNaN(Date.parse(day))) {
    throw new StoreError('invalid-input', 'publishedAt: expected an ISO 8601 date (YYYY-MM-DD or a date-time)');
  }
  return day;
}

/**
 * Turns an analysis into rows, with the article's speaker ids replaced by store-wide ids derived from each
 * speaker's identity, so the same person quoted in two articles is one speaker.
 */
export function toAnalysisRows(analysis: Analysis, ingestedAt: string): AnalysisRows {
  const shape = analysis as { text?: unknown; quotes?: unknown; speakers?: unknown } | null;
  if (typeof shape?.text !== 'string' || !Array.isArray(shape.quotes) || !Array.isArray(shape.speakers)) {
    throw new StoreError('invalid-input', 'analysis: expected an Analysis with text, quotes and speakers');
  }
  const id = articleId(analysis.text);
  const day = publishedDay(analysis.publishedAt);
  const localToGlobal = new Map<string, string>();
  const speakers = new Map<string, SpeakersTable>();
  const addSpeaker = (localId: string, speaker: Pick<Speaker, 'name' | 'kind' | 'role' | 'organization' | 'aliases' | 'merges'>, country: Speaker['country'] | string | null): string => {
    const identity = speakerIdentity(speaker.name);
    const globalId = speakerIdFor(identity);
    localToGlobal.set(localId, globalId);
    if (!speakers.has(identity)) {
      const attribution = typeof country === 'string' ? null : country;
      speakers.set(identity, {
        id: globalId,
        identity,
        name: speaker.name,
        kind: speaker.kind,
        role: speaker.role,
        organization: speaker.organization,
        country: typeof country === 'string' ? country : (country?.code ?? null),
        country_json: attribution ? JSON.stringify(attribution) : null,
        aliases_json: JSON.stringify(speaker.aliases),
        merges_json: JSON.stringify(speaker.merges ?? []),
      });
    }
    return globalId;
  };
  for (const speaker of analysis.speakers) addSpeaker(speaker.id, speaker, speaker.country);
  const quotes: QuotesTable[] = [];
  const stances: StancesTable[] = [];
  analysis.quotes.forEach((quote, index) => {
    const ordinal = index + 1;
    const speakerId = quote.speaker
      ? (localToGlobal.get(quote.speaker.id) ?? addSpeaker(quote.speaker.id, { ...quote.speaker, aliases: [], merges: [] }, quote.speaker.country))
      : null;
    const speakerCountry = quote.speaker?.country ?? null;
    quotes.push({
      article_id: id,
      ordinal,
      quote_id: quote.id,
      start_offset: quote.start,
      end_offset: quote.end,
      text: quote.text,
      kind: quote.kind,
      speaker_id: speakerId,
      speaker_country: speakerCountry,
      cue_json: quote.cue ? JSON.stringify(quote.cue) : null,
      evidence_json: JSON.stringify(quote.evidence),
      sentiment_score: quote.sentiment.score,
      sentiment_label: quote.sentiment.label,
      sentiment_json: JSON.stringify(quote.sentiment),
      published_day: day,
      source: analysis.source,
    });
    quote.stance.forEach((stance, stanceIndex) => {
      stances.push({
        article_id: id,
        quote_ordinal: ordinal,
        ordinal: stanceIndex + 1,
        target: stance.target,
        target_country: stance.targetCountry,
        polarity: stance.polarity,
        score: stance.score,
        evidence_json: JSON.stringify(stance.evidence),
        rule: stance.rule,
        inferred: stance.inferred ? 1 : 0,
        speaker_id: speakerId,
        speaker_country: speakerCountry,
        sentiment_score: quote.sentiment.score,
        sentiment_label: quote.sentiment.label,
        published_day: day,
      });
    });
  });
  const extras: ArticleExtras = {
    paragraphs: analysis.paragraphs,
    boilerplate: analysis.boilerplate,
    speakers: analysis.speakers.map((speaker) => ({ ...speaker, id: localToGlobal.get(speaker.id) ?? speaker.id })),
  };
  return {
    article: {
      id,
      title: analysis.title,
      source: analysis.source,
      url: analysis.url,
      published_at: analysis.publishedAt,
      published_day: day,
      text: analysis.text,
      pipeline_version: analysis.pipelineVersion,
      quote_count: quotes.length,
      analysis_json: JSON.stringify(extras),
      ingested_at: ingestedAt,
    },
    speakers: [...speakers.values()],
    quotes,
    stances,
  };
}
