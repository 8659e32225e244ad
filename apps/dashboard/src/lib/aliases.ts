import type { SpeakerDetail } from '../api/types.js';

/** One other name of a speaker, with every reason a merge gave for it (each once, in the order first seen). */
export interface AliasLine {
  readonly alias: string;
  readonly into: readonly string[];
  readonly reasons: readonly string[];
}

/**
 * The "Also called" list of a speaker page: each alias once, whatever number of articles merged it and for however
 * many reasons ("surname-only reference (Psaki)" in twenty articles is one line), then the aliases no merge explains.
 *
 * @example
 * aliasLines({ aliases: ['Psaki'], merges: [{ alias: 'Psaki', into: 'Jen Psaki', reason: 'surname-only reference (Psaki)' }] });
 * // [{ alias: 'Psaki', into: ['Jen Psaki'], reasons: ['surname-only reference (Psaki)'] }]
 */
export function aliasLines(speaker: Pick<SpeakerDetail, 'aliases' | 'merges'>): AliasLine[] {
  const byAlias = new Map<string, { into: string[]; reasons: string[] }>();
  for (const merge of speaker.merges) {
    const line = byAlias.get(merge.alias) ?? { into: [], reasons: [] };
    if (!line.into.includes(merge.into)) line.into.push(merge.into);
    if (!line.reasons.includes(merge.reason)) line.reasons.push(merge.reason);
    byAlias.set(merge.alias, line);
  }
  const lines: AliasLine[] = [...byAlias].map(([alias, line]) => ({ alias, ...line }));
  for (const alias of new Set(speaker.aliases)) if (!byAlias.has(alias)) lines.push({ alias, into: [], reasons: [] });
  return lines;
}
