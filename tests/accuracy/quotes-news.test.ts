import { readdirSync, readFileSync } from 'node:fs';
import { analyzeArticle, type Quote } from '@newstone/core';
import { describe, expect, it } from 'vitest';

/**
 * Quote and speaker accuracy on news articles written for this suite in the styles of several publishers (wire,
 * British "says", long features with pronoun chains, officials and organisations, interviews with alternating
 * speakers, attribution at the end of a paragraph). Each `quotes-news/NAME.txt` has a `NAME.gold.json` listing, in
 * order, the start of every quotation and the names accepted for its speaker.
 */
interface GoldQuote {
  /** The first words of the quotation, as written between the marks. */
  readonly text: string;
  /** Accepted speaker names (a full name, the surname, or the phrase the article uses). */
  readonly speaker?: readonly string[];
  /** A heading or pull-quote the system may report or not; never counted against it. */
  readonly optional?: boolean;
}

const folder = new URL('./quotes-news/', import.meta.url);
const articles = readdirSync(folder)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.txt'.length);
    const text = readFileSync(new URL(file, folder), 'utf8');
    const gold = JSON.parse(readFileSync(new URL(`${name}.gold.json`, folder), 'utf8')) as { quotes: readonly GoldQuote[] };
    return { name, text, gold: gold.quotes };
  });

const normalise = (name: string) => name.toLowerCase().replace(/^(the|a|an)\s+/, '').trim();

function isSameSpeaker(quote: Quote | undefined, accepted: readonly string[] | undefined): boolean {
  const name = quote?.speaker?.name;
  if (name === undefined || accepted === undefined) return false;
  return accepted.some((candidate) => normalise(candidate) === normalise(name));
}

interface Score {
  readonly required: number;
  readonly found: number;
  readonly rightSpeaker: number;
  readonly reported: number;
  readonly misses: readonly string[];
}

/** Scores quotations with marks (indirect speech is not in these golds). */
function scoreArticle(text: string, gold: readonly GoldQuote[]): Score {
  const quotes = analyzeArticle({ text }).quotes.filter((quote) => quote.kind !== 'indirect');
  const used = new Set<Quote>();
  let required = 0;
  let found = 0;
  let rightSpeaker = 0;
  let optionalFound = 0;
  const misses: string[] = [];
  for (const expected of gold) {
    const match = quotes.find((quote) => !used.has(quote) && quote.text.trimStart().startsWith(expected.text));
    if (match !== undefined) used.add(match);
    if (expected.optional === true) {
      if (match !== undefined) optionalFound++;
      continue;
    }
    required++;
    if (match === undefined) {
      misses.push(`not found: “${expected.text}…”`);
      continue;
    }
    found++;
    if (isSameSpeaker(match, expected.speaker)) rightSpeaker++;
    else misses.push(`“${expected.text}…”: ${match.speaker?.name ?? 'no speaker'} (${match.evidence.rule}), expected ${expected.speaker?.[0] ?? '?'}`);
  }
  for (const quote of quotes) if (!used.has(quote)) misses.push(`extra: “${quote.text.slice(0, 30)}…”`);
  return { required, found, rightSpeaker, reported: quotes.length - optionalFound, misses };
}

const scores = articles.map((article) => ({ name: article.name, ...scoreArticle(article.text, article.gold) }));
const total = scores.reduce(
  (sum, score) => ({
    required: sum.required + score.required,
    found: sum.found + score.found,
    rightSpeaker: sum.rightSpeaker + score.rightSpeaker,
    reported: sum.reported + score.reported,
  }),
  { required: 0, found: 0, rightSpeaker: 0, reported: 0 },
);
/** Speaker accuracy: right speakers among the gold quotes found (the hidden benchmark's definition). */
const speakerAccuracy = total.rightSpeaker / total.found;
/** Quote+speaker F1: a quote counts only when found with the right speaker. */
const precision = total.rightSpeaker / total.reported;
const recall = total.rightSpeaker / total.required;
const f1 = (2 * precision * recall) / (precision + recall);

if (process.env.NEWSTONE_ACCURACY_VERBOSE) {
  for (const score of scores) console.log(score.name, score.misses);
  console.log({ ...total, speakerAccuracy, precision, recall, f1 });
}

describe('quotes and speakers on news articles written in several publishers’ styles', () => {
  it('has at least 6 articles and 60 annotated quotes', () => {
    expect({ articles: articles.length >= 6, quotes: total.required >= 60 }).toEqual({ articles: true, quotes: true });
  });

  // Floors are the figures reached when they were set (see ACCURACY.md); raise them as attribution improves. The
  // speaker floors were 0.98 while the ordered rules were tuned to these very articles; the speaker is now chosen by a
  // decision learned from real annotated news (0.973 here, 0.820 against 0.756 on the real-news dev month), and the
  // articles written here are held to 0.97: no lower than they score now, above the 0.95 they must never fall below.
  it.each([
    ['speaker accuracy on the quotes found', speakerAccuracy, 0.97],
    ["quote+speaker F1", f1, 0.97],
    ['share of gold quotes found', total.found / total.required, 0.98],
  ])('keeps %s at or above its floor', (_, value, floor) => {
    expect(value).toBeGreaterThanOrEqual(floor);
  });
});
