// Fits the sentiment label thresholds and the negation scope on NewsMTSC train, as a sentence-level proxy:
// every row's sentence is scored with scoreSentiment and labelled by (negative, positive) score thresholds; the
// scope (words a negator reaches within its clause) and threshold pair with the best macro F1 against the rows'
// polarities are written to data/tone-thresholds.json.
// Run: pnpm --filter @newstone/core fit:tone-thresholds
import { writeFileSync } from 'node:fs';
import { labelScore, scoreSentiment } from '../src/scoring/score-sentiment.js';
import { createToneLexicon } from '../src/scoring/tone-lexicon.js';
import toneLexiconJson from '../data/tone-lexicon.json' with { type: 'json' };
import { macroF1, PACKAGE_ROOT, readNewsMtsc } from './newsmtsc.js';

const rows = readNewsMtsc('mt-train');
const gold = rows.map((row) => row.polarity);
const SCOPES: (number | null)[] = [1, 2, 3, 4, 5, 6, 8, 10, null];

const SHIFTS: (number | null)[] = [null, 2, 3, 4];

let best = { negationScope: null as number | null, negationShift: null as number | null, negative: -1, positive: 1, f1: -1 };
for (const negationShift of SHIFTS) for (const negationScope of SCOPES) {
  // Thresholds do not change scores: score once per scope, then label under each candidate pair.
  const lexicon = createToneLexicon(toneLexiconJson, { positive: 1, negative: -1, negationScope, negationShift });
  const scores = rows.map((row) => scoreSentiment(row.sentence, lexicon).score);
  let bestForScope = { negative: -1, positive: 1, f1: -1 };
  for (let negative = -8; negative <= 0; negative += 1) {
    for (let positive = negative + 1; positive <= 8; positive += 1) {
      const f1 = macroF1(gold, scores.map((score) => labelScore(score, { positive, negative })));
      if (f1 > bestForScope.f1) bestForScope = { negative, positive, f1 };
    }
  }
  const negatedRows = rows.map((row, i) => i).filter((i) => /\b(?:not|no|never|n't|without|nor|cannot)\b|n't\b|n’t\b/i.test(rows[i]!.sentence));
  const subsetF1 = macroF1(negatedRows.map((i) => gold[i]!), negatedRows.map((i) => labelScore(scores[i]!, bestForScope)));
  console.log(`  on the ${negatedRows.length} rows with a negator: F1m ${subsetF1.toFixed(4)}`);
  console.log(`negation ${negationShift === null ? 'flip' : `shift ${negationShift}`}, scope ${negationScope ?? 'clause'}: negative ≤ ${bestForScope.negative}, positive ≥ ${bestForScope.positive}, train F1m ${bestForScope.f1.toFixed(4)}`);
  if (bestForScope.f1 > best.f1) best = { negationScope, negationShift, ...bestForScope };
}
const out = {
  about: 'Sentiment label thresholds on the quote score (score ≥ positive → positive, score ≤ negative → negative, else neutral) '
    + 'and the negation scope (words a negator reaches within its clause; null: to the clause end). '
    + `Fitted by scripts/fit-tone-thresholds.ts on NewsMTSC mt-train (${rows.length} target rows; the sentence score as a proxy for the row polarity), `
    + `maximising macro F1 over integer threshold pairs in −8…8 and scopes ${SCOPES.map((s) => s ?? 'clause').join(', ')}.`,
  positive: best.positive,
  negative: best.negative,
  negationScope: best.negationScope,
  negationShift: best.negationShift,
  trainMacroF1: Number(best.f1.toFixed(4)),
};
writeFileSync(new URL('data/tone-thresholds.json', PACKAGE_ROOT), JSON.stringify(out, null, 1) + '\n');
console.log(`chose negation ${best.negationShift === null ? 'flip' : `shift ${best.negationShift}`}, scope ${best.negationScope ?? 'clause'}, negative ≤ ${best.negative}, positive ≥ ${best.positive} (train F1m ${best.f1.toFixed(4)})`);
