import type { Analysis, CountryAttribution, Speaker, SpeakerMerge } from '../model/analysis.js';
import { explainSameName } from './resolve-speakers.js';

/** A speaker merged across articles, with where each article calls them what. */
export interface MergedSpeaker extends Speaker {
  /** Each article's speaker that this one merges: index into the analyses, and that article's speaker id. */
  readonly occurrences: readonly { readonly article: number; readonly speaker: string }[];
}

const key = (speaker: Speaker) => `${speaker.kind}:${speaker.name.toLowerCase().replace(/\./g, '').replace(/^the /, '')}`;
const words = (name: string) => name.split(/\s+/).length;

function better(a: CountryAttribution | null, b: CountryAttribution | null): CountryAttribution | null {
  if (!a) return b;
  if (!b) return a;
  return b.confidence > a.confidence ? b : a;
}

/**
 * Merges the speakers of many analysed articles into one list, so "Lavrov said" in one article inherits
 * "Sergei Lavrov, Russian Foreign Minister" (and RU) from another. People merge by full name, by a surname that
 * only one full name in the set carries, or by a close spelling; organisations and groups by name. Each merge is
 * recorded with its reason. Pure: the analyses are not changed.
 *
 * @example
 * const merged = mergeSpeakersAcrossArticles([analyzeArticle(a), analyzeArticle(b)]);
 * merged.find((s) => s.name === 'Sergei Lavrov')?.occurrences; // [{ article: 0, speaker: 's3' }, { article: 1, speaker: 's1' }]
 */
export function mergeSpeakersAcrossArticles(analyses: readonly Analysis[]): MergedSpeaker[] {
  const all = analyses.flatMap((analysis, article) => analysis.speakers.map((speaker) => ({ article, speaker })));
  // Fuller names first, so a surname-only speaker finds the full name it belongs to.
  all.sort((a, b) => words(b.speaker.name) - words(a.speaker.name) || a.article - b.article);
  const merged: { speaker: Speaker; occurrences: { article: number; speaker: string }[]; merges: SpeakerMerge[]; aliases: Set<string> }[] = [];
  const byKey = new Map<string, number>();
  for (const { article, speaker } of all) {
    let target = byKey.get(key(speaker));
    let reason: string | null = null;
    if (target === undefined && speaker.kind === 'person') {
      const candidates = merged
        .map((entry, index) => ({ index, reason: entry.speaker.kind === 'person' ? [entry.speaker.name, ...entry.aliases].map((name) => explainSameName(name, speaker.name)).find((r) => r !== null) ?? null : null }))
        .filter((candidate) => candidate.reason !== null);
      // A surname shared by two different full names is ambiguous: merge with neither.
      if (candidates.length === 1) ({ index: target, reason } = candidates[0]!);
    }
    if (target === undefined) {
      byKey.set(key(speaker), merged.length);
      merged.push({ speaker, occurrences: [{ article, speaker: speaker.id }], merges: [...speaker.merges], aliases: new Set(speaker.aliases) });
      continue;
    }
    const entry = merged[target]!;
    entry.occurrences.push({ article, speaker: speaker.id });
    for (const alias of speaker.aliases) entry.aliases.add(alias);
    entry.merges.push(...speaker.merges);
    if (speaker.name !== entry.speaker.name) {
      entry.aliases.add(speaker.name);
      entry.merges.push({ alias: speaker.name, into: entry.speaker.name, reason: `across articles: ${reason ?? 'same name'}` });
    }
    entry.speaker = {
      ...entry.speaker,
      role: entry.speaker.role ?? speaker.role,
      organization: entry.speaker.organization ?? speaker.organization,
      country: better(entry.speaker.country, speaker.country),
    };
  }
  return merged.map((entry, index) => ({
    ...entry.speaker,
    id: `g${index + 1}`,
    aliases: [...entry.aliases].filter((alias) => alias !== entry.speaker.name),
    merges: entry.merges,
    occurrences: entry.occurrences,
  }));
}
