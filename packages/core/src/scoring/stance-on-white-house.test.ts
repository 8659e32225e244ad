import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/wh-stance-dev.json' with { type: 'json' };
import { createLexicon } from '../internal/lexicon.js';
import { macroF1, type Polarity } from '../../scripts/newsmtsc.js';
import { scoreStances } from './score-stances.js';
import { createStanceLexicon } from './stance-lexicon.js';

interface LabelledRow {
  readonly file: string;
  readonly sentence: string;
  readonly target: string;
  readonly targetCountry: string;
  readonly speakerCountry: string;
  readonly stance: 'favor' | 'neutral' | 'against';
}

const places = createLexicon();
const lexicon = createStanceLexicon(places.places, places.administrations);
const rows = fixture.rows as readonly LabelledRow[];
const AS_POLARITY: Readonly<Record<string, Polarity>> = { favor: 'positive', neutral: 'neutral', against: 'negative' };

/** The stance each labelled sentence gets when it is a whole quote of its speaker, or 'none' when no stance names the target. */
function predict(row: LabelledRow): string {
  const text = `“${row.sentence}”`;
  const quote = { start: 1, end: 1 + row.sentence.length };
  const stances = scoreStances({ text, quote, speakerCountry: row.speakerCountry, context: quote, previousQuotes: [] }, lexicon);
  return stances.find((stance) => stance.targetCountry === row.targetCountry)?.polarity ?? 'none';
}

describe('stance on hand-labelled sentences of the demo corpus White House texts (src/fixtures/README.md)', () => {
  it('has the labelled rows, each target inside its sentence', () => {
    expect(rows.length).toBe(61);
    for (const row of rows) expect(row.sentence.includes(row.target)).toBe(true);
  });

  it('finds a stance toward every labelled target, with macro-F1 at least 0.75 (0.54 for the lexicon rule it replaced)', () => {
    const predicted = rows.map(predict);
    expect(predicted.filter((polarity) => polarity === 'none')).toEqual([]);
    const f1 = macroF1(rows.map((row) => AS_POLARITY[row.stance]!), predicted.map((polarity) => AS_POLARITY[polarity] ?? 'neutral'));
    expect(f1).toBeGreaterThanOrEqual(0.75);
  });
});
