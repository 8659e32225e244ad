import type { Analysis, Quote, SentimentLabel, Stance } from '@newstone/core';

export interface QuoteSpec {
  readonly text: string;
  readonly speaker?: { readonly name: string; readonly country?: string | null; readonly role?: string | null } | null;
  readonly score?: number;
  readonly stance?: readonly Partial<Stance>[];
}

/**
 * A hand-made analysis: the article text is the quotes written out with their speakers, so offsets are real.
 * Independent of core's pipeline, so store tests pin the store's behaviour only.
 */
export function makeAnalysis(options: {
  readonly title?: string;
  readonly publishedAt?: string | null;
  readonly pipelineVersion?: string;
  readonly salt?: string;
  readonly source?: string | null;
  readonly quotes: readonly QuoteSpec[];
}): Analysis {
  let text = options.salt ? `${options.salt}\n\n` : '';
  const speakerIds = new Map<string, string>();
  const quotes: Quote[] = options.quotes.map((spec, index) => {
    text += '“';
    const start = text.length;
    text += spec.text;
    const end = text.length;
    text += `,” ${spec.speaker?.name ?? 'someone'} said.\n\n`;
    const score = spec.score ?? 0;
    const label: SentimentLabel = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
    let speaker: Quote['speaker'] = null;
    if (spec.speaker) {
      const id = speakerIds.get(spec.speaker.name) ?? `s${speakerIds.size + 1}`;
      speakerIds.set(spec.speaker.name, id);
      speaker = { id, name: spec.speaker.name, role: spec.speaker.role ?? null, organization: null, country: spec.speaker.country ?? null, kind: 'person' };
    }
    return {
      id: `q${index + 1}`,
      start,
      end,
      text: spec.text,
      kind: 'direct',
      speaker,
      cue: speaker ? { start: end + 3 + speaker.name.length, end: end + 8 + speaker.name.length, text: 'said' } : null,
      evidence: { rule: speaker ? 'name-beside-said' : 'none', confidence: speaker ? 0.9 : 0 },
      sentiment: { score, comparative: score / 5, label, positive: [], negative: [] },
      stance: (spec.stance ?? []).map((stance) => ({
        target: stance.target ?? 'Moscow',
        targetCountry: stance.targetCountry ?? null,
        polarity: stance.polarity ?? 'neutral',
        score: stance.score ?? 0,
        evidence: stance.evidence ?? [],
        rule: stance.rule ?? 'explicit',
        inferred: stance.inferred ?? false,
      })),
    };
  });
  const speakers = [...speakerIds].map(([name, id]) => {
    const spec = options.quotes.find((q) => q.speaker?.name === name)?.speaker;
    const code = spec?.country ?? null;
    return {
      id,
      name,
      kind: 'person' as const,
      role: spec?.role ?? null,
      organization: null,
      country: code ? { code, rule: 'test', confidence: 1, evidence: code } : null,
      aliases: [],
      merges: [],
    };
  });
  return {
    pipelineVersion: options.pipelineVersion ?? 'test-1',
    text,
    title: options.title ?? null,
    source: options.source === undefined ? 'test' : options.source,
    url: null,
    publishedAt: options.publishedAt === undefined ? '2025-02-18' : options.publishedAt,
    paragraphs: [],
    boilerplate: [],
    quotes,
    speakers,
  };
}
