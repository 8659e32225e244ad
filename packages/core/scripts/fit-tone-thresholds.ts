// Fits the sentiment label thresholds on NewsMTSC train, as a sentence-level proxy: every row's sentence is
// scored with scoreSentiment and labelled by (negative, positive) score thresholds; the pair with the best
// macro F1 against the rows' polarities is written to data/tone-thresholds.json.
// Run: pnpm --filter @newstone/core fit:tone-thresholds
import { writeFileSync } from 'node:fs';
import { labelScore, scoreSentiment } from '../src/scoring/score-sentiment.js';
import { createToneLexicon } from '../src/scoring/tone-lexicon.js';
import toneLexiconJson from '../data/tone-lexicon.json' with { type: 'json' };
import { macroF1, PACKAGE_ROOT, readNewsMtsc } from './newsmtsc.js';

const rows = readNewsMtsc('mt-train');
// Thresholds do not change scores: score once with any thresholds, then label under each candidate pair.
const lexicon = createToneLexicon(toneLexiconJson, { positive: 1, negative: -1 });
const scores = rows.map((row) => scoreSentiment(row.sentence, lexicon).score);
const gold = rows.map((row) => row.polarity);

let best = { negative: -1, positive: 1, f1: -1 };
for (let negative = -8; negative <= 0; negative += 1) {
  for (let positive = negative + 1; positive <= 8; positive += 1) {
    const f1 = macroF1(gold, scores.map((score) => labelScore(score, { positive, negative })));
    if (f1 > best.f1) best = { negative, positive, f1 };
  }
}
const out = {
  about: 'Sentiment label thresholds on the quote score: score ≥ positive → positive, score ≤ negative → negative, else neutral. '
    + `Fitted by scripts/fit-tone-thresholds.ts on NewsMTSC mt-train (${rows.length} target rows; the sentence score as a proxy for the row polarity), maximising macro F1 over integer pairs in −8…8.`,
  positive: best.positive,
  negative: best.negative,
  trainMacroF1: Number(best.f1.toFixed(4)),
};
writeFileSync(new URL('data/tone-thresholds.json', PACKAGE_ROOT), JSON.stringify(out, null, 1) + '\n');
console.log(`thresholds: negative ≤ ${best.negative}, positive ≥ ${best.positive} (train F1m ${best.f1.toFixed(4)})`);
