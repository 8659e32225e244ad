import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { analyzeArticle, type Analysis, type Quote, type Stance } from '@newstone/core';
import { beforeAll, describe, expect, it } from 'vitest';

/** The gold annotation of the sample article (see tests/fixtures/gold-README.md): stances only where clear. */
interface GoldQuote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker: string;
  readonly stance?: Readonly<Record<string, 'favor' | 'against' | 'neutral'>>;
  readonly note?: string;
}

const gold = JSON.parse(readFileSync(new URL('../fixtures/us-russia-talks.gold.json', import.meta.url), 'utf8')) as { quotes: GoldQuote[] };
const text = readFileSync(new URL('../../packages/sample-corpus/corpus/us-russia-talks.txt', import.meta.url), 'utf8');

// One row per annotated stance, with how the target must be found.
const annotated = gold.quotes.flatMap((quote) =>
  Object.entries(quote.stance ?? {}).map(([target, polarity]) => ({ quote, target, polarity })));
const HOW: Readonly<Record<string, { rule: string; inferred: boolean }>> = {
  'The Americans have failed': { rule: 'explicit', inferred: false },
  'They limited themselves': { rule: 'pronoun', inferred: false },
  'The behavior of the Russians': { rule: 'explicit', inferred: false },
  'If NATO wants to dictate': { rule: 'explicit', inferred: false },
  'This escalation has clearly': { rule: 'context', inferred: true },
};
const howFor = (quote: GoldQuote) => Object.entries(HOW).find(([opening]) => quote.text.startsWith(opening))?.[1];

describe('stances on the sample article, from the real pipeline (the bar: the five annotated stances)', () => {
  let analysis: Analysis;
  let byStart: Map<number, Quote>;
  beforeAll(() => {
    analysis = analyzeArticle({ text });
    byStart = new Map(analysis.quotes.map((quote) => [quote.start, quote]));
  });

  it('has five annotated stances to check', () => {
    expect(annotated.map(({ quote, target, polarity }) => `${quote.speaker} → ${target}: ${polarity}`)).toEqual([
      'Wendy Sherman → RU: against',
      'Sergei Lavrov → US: against',
      'Sergei Lavrov → US: against',
      'Jeffrey Edmonds → RU: against',
      'Dmitry Peskov → NATO: against',
    ]);
  });

  it.each(annotated.map((row) => [`${row.quote.speaker} → ${row.target} in “${row.quote.text.slice(0, 32)}…”`, row] as const))(
    '%s',
    (_name, { quote, target, polarity }) => {
      const found = byStart.get(quote.start);
      expect(found?.end).toBe(quote.end);
      const stance = found?.stance.find((s: Stance) => s.targetCountry === target);
      expect(stance).toMatchObject({ targetCountry: target, polarity, ...howFor(quote) });
      expect(stance?.score).toBeLessThan(0);
      expect(stance?.evidence.length).toBeGreaterThan(0);
    },
  );

  it('never makes the speaker’s own country a target', () => {
    const own = analysis.quotes.flatMap((quote) => quote.stance.filter((s) => quote.speaker?.country != null && s.targetCountry === quote.speaker.country));
    expect(own).toEqual([]);
  });

  it('lists, for every quote, exactly the words that moved its sentiment score', () => {
    // Recount each score from the listed words alone, with the published AFINN-165 + domain scores and the
    // fitted negation shift ("never … desire" is desire's score shifted toward the other side).
    for (const quote of analysis.quotes) {
      const positive = quote.sentiment.positive.map(valueOf);
      const negative = quote.sentiment.negative.map(valueOf);
      expect(positive.every((value) => value > 0) && negative.every((value) => value < 0)).toBe(true);
      const recount = [...positive, ...negative].reduce((sum, value) => sum + value, 0);
      expect({ quote: quote.text, score: recount }).toEqual({ quote: quote.text, score: quote.sentiment.score });
    }
  });
});

// AFINN-165 as @newstone/core resolves it (the sentiment package is core's dependency, not this suite's).
const fromCore = createRequire(new URL('../../packages/core/package.json', import.meta.url));
const afinn = JSON.parse(readFileSync(fromCore.resolve('sentiment/languages/en/labels.json'), 'utf8')) as Record<string, number>;
const domain = (JSON.parse(readFileSync(new URL('../../packages/core/data/tone-lexicon.json', import.meta.url), 'utf8')) as { words: Record<string, number> }).words;
const fitted = JSON.parse(readFileSync(new URL('../../packages/core/data/tone-thresholds.json', import.meta.url), 'utf8')) as { negationShift: number | null };
function valueOf(entry: string): number {
  const [negator, word] = entry.split(' … ');
  const base = domain[word ?? negator!] ?? afinn[word ?? negator!];
  if (base === undefined || base === 0) throw new Error(`listed word "${entry}" has no score in AFINN-165 or data/tone-lexicon.json`);
  if (word === undefined) return base;
  return fitted.negationShift === null ? -base : base - Math.sign(base) * fitted.negationShift;
}
