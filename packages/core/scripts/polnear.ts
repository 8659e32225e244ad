// Reads PolNeAR attribution gold (../shared/polnear, beside the repository: no licence is stated, so the texts and
// gold are read in place and never copied here). Matching and the speaker test are the scorer's, from
// src/evaluate/score-quotes.ts. For the attribution trainer (never imported by src/).
import { readFileSync } from 'node:fs';
import type { GoldArticle } from '../src/evaluate/score-quotes.js';

export { isSpeakerCorrect as isRightSpeaker, matchQuotes, type GoldArticle, type GoldQuote } from '../src/evaluate/score-quotes.js';

/** The repository's parent folder holds `shared/`: scripts run bundled from packages/core/dist/scripts/. */
export const SHARED_POLNEAR = new URL('../../../../../shared/polnear/', import.meta.url);

export function readGold(path: string | URL): GoldArticle[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    const article = JSON.parse(line) as GoldArticle;
    if (typeof article.text !== 'string' || !Array.isArray(article.quotes)) throw new Error(`${String(path)} line ${i + 1}: expected { id, text, quotes: [] }`);
    return article;
  });
}
