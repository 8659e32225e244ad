import { type Analysis, type Speaker, type SpeakerKind, type SpeakerMerge, mergeSpeakersAcrossArticles } from '@newstone/core';
import type { SpeakersTable } from '../schema.js';
import type { AnalysisRows, ArticleExtras } from './analysis-rows.js';
import { speakerIdFor, speakerIdentity } from './speaker-identity.js';

/** The surname a person is looked up by across articles (last word of the normalised name); null for others. */
export function surnameKey(name: string, kind: string): string | null {
  if (kind !== 'person') return null;
  return speakerIdentity(name).split(' ').at(-1) || null;
}

/** Stored speakers that a new article's speakers could be: same identity, or (people) same surname. */
export function candidateKeys(fresh: readonly AnalysisRows[]): { identities: string[]; surnames: string[] } {
  const identities = new Set<string>();
  const surnames = new Set<string>();
  for (const rows of fresh) {
    for (const speaker of rows.speakers) {
      identities.add(speaker.identity);
      const surname = surnameKey(speaker.name, speaker.kind);
      if (surname) surnames.add(surname);
    }
  }
  return { identities: [...identities], surnames: [...surnames] };
}

/** Each merge once: the same alias merged for the same reason in several articles is one record. */
function distinctMerges(merges: readonly SpeakerMerge[]): SpeakerMerge[] {
  return [...new Map(merges.map((merge) => [`${merge.alias}\u0000${merge.into}\u0000${merge.reason}`, merge])).values()];
}

function toSpeaker(row: SpeakersTable): Speaker {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SpeakerKind,
    role: row.role,
    organization: row.organization,
    country: row.country_json ? JSON.parse(row.country_json) : row.country ? { code: row.country, rule: 'stored', confidence: 0.5, evidence: '' } : null,
    aliases: JSON.parse(row.aliases_json) as string[],
    merges: JSON.parse(row.merges_json) as SpeakerMerge[],
  };
}

/**
 * Merges the speakers of freshly written articles with each other and with the stored speakers they could be,
 * using core's cross-article identity (`mergeSpeakersAcrossArticles`: full name, a surname only one full name
 * carries, close spellings). A speaker that merges with a stored one keeps the stored id; a new one gets an id
 * derived from its name. Returns the rows with speaker ids rewritten, and the speaker rows to upsert.
 */
export function resolveSpeakers(
  stored: readonly SpeakersTable[],
  fresh: readonly AnalysisRows[],
): { rows: AnalysisRows[]; speakers: SpeakersTable[] } {
  const pseudo = [{ speakers: stored.map(toSpeaker) }, ...fresh.map((rows) => ({ speakers: rows.speakers.map(toSpeaker) }))];
  const merged = mergeSpeakersAcrossArticles(pseudo as unknown as Analysis[]);
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const idMaps = fresh.map(() => new Map<string, string>());
  const countryOf = new Map<string, string | null>();
  const speakers = new Map<string, SpeakersTable>();
  for (const speaker of merged) {
    const storedId = speaker.occurrences.find((occurrence) => occurrence.article === 0)?.speaker;
    const existing = storedId === undefined ? undefined : storedById.get(storedId);
    const identity = existing?.identity ?? speakerIdentity(speaker.name);
    const id = existing?.id ?? speakerIdFor(identity);
    for (const occurrence of speaker.occurrences) if (occurrence.article > 0) idMaps[occurrence.article - 1]?.set(occurrence.speaker, id);
    countryOf.set(id, speaker.country?.code ?? existing?.country ?? null);
    if (speaker.occurrences.every((occurrence) => occurrence.article === 0)) continue;
    speakers.set(id, {
      id,
      identity,
      name: speaker.name,
      kind: speaker.kind,
      role: speaker.role,
      organization: speaker.organization,
      country: speaker.country?.code ?? null,
      country_json: speaker.country ? JSON.stringify(speaker.country) : null,
      aliases_json: JSON.stringify(speaker.aliases),
      merges_json: JSON.stringify(distinctMerges(speaker.merges)),
    });
  }
  const rows = fresh.map((article, index): AnalysisRows => {
    const ids = idMaps[index] as Map<string, string>;
    const remap = (id: string | null) => (id === null ? null : (ids.get(id) ?? id));
    // A quote whose article does not say where its speaker is from takes the country other articles gave them.
    const country = (id: string | null, own: string | null) => own ?? (id === null ? null : (countryOf.get(id) ?? null));
    const extras = JSON.parse(article.article.analysis_json) as ArticleExtras;
    const remapped: ArticleExtras = { ...extras, speakers: extras.speakers.map((speaker) => ({ ...speaker, id: remap(speaker.id) ?? speaker.id })) };
    return {
      article: { ...article.article, analysis_json: JSON.stringify(remapped) },
      speakers: article.speakers,
      quotes: article.quotes.map((quote) => {
        const speakerId = remap(quote.speaker_id);
        return { ...quote, speaker_id: speakerId, speaker_country: country(speakerId, quote.speaker_country) };
      }),
      stances: article.stances.map((stance) => {
        const speakerId = remap(stance.speaker_id);
        return { ...stance, speaker_id: speakerId, speaker_country: country(speakerId, stance.speaker_country) };
      }),
    };
  });
  return { rows, speakers: [...speakers.values()] };
}
