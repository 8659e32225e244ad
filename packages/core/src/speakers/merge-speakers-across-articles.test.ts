import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze.js';
import { mergeSpeakersAcrossArticles } from './merge-speakers-across-articles.js';

const full = analyzeArticle('“We will not wait forever,” said Sergei Lavrov, the Russian foreign minister.');
const short = analyzeArticle('“Our patience is running out,” Lavrov said.');
const variant = analyzeArticle('“It will frighten the West,” said Oleksandr Danilyuk, a former secretary of the National Security Council of Ukraine.');
const variant2 = analyzeArticle('“One option is invasion,” Daniliuk said.');
const twoBidens = [analyzeArticle('“Yes,” said Joe Biden, the U.S. president.'), analyzeArticle('“No,” said Jill Biden, the first lady.'), analyzeArticle('“Maybe,” Biden said.')];

describe('mergeSpeakersAcrossArticles', () => {
  it('gives a surname-only speaker the full name, role and country another article knows', () => {
    const merged = mergeSpeakersAcrossArticles([short, full]);
    expect(merged.map((s) => [s.name, s.role, s.country?.code, s.aliases, s.occurrences])).toEqual([
      ['Sergei Lavrov', 'Russian foreign minister', 'RU', ['Lavrov'], [{ article: 1, speaker: full.speakers[0]!.id }, { article: 0, speaker: short.speakers[0]!.id }]],
    ]);
    expect(merged[0]!.merges).toEqual([{ alias: 'Lavrov', into: 'Sergei Lavrov', reason: 'across articles: surname-only reference (Lavrov)' }]);
  });

  it('merges spelling variants with the reason', () => {
    const [merged] = mergeSpeakersAcrossArticles([variant, variant2]);
    expect([merged?.name, merged?.country?.code, merged?.merges.map((m) => m.reason)]).toEqual([
      'Oleksandr Danilyuk', 'UA', ['across articles: spelling variant: Danilyuk / Daniliuk (edit distance 1, same Double Metaphone key TNLK)'],
    ]);
  });

  it('leaves a surname that two full names share unmerged', () => {
    expect(mergeSpeakersAcrossArticles(twoBidens).map((s) => s.name).sort()).toEqual(['Biden', 'Jill Biden', 'Joe Biden']);
  });

  it('does not change the analyses it reads', () => {
    const before = JSON.stringify(short);
    mergeSpeakersAcrossArticles([short, full]);
    expect(JSON.stringify(short)).toBe(before);
  });
});
