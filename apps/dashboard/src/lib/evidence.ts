import type { Quote, Speaker } from '../api/types.js';
import { countryLabel } from './format.js';

/**
 * The evidence lines shown when a quote is hovered or focused: why this speaker, why this country, which words
 * set the tone, and each stance with what decided it.
 *
 * @example evidenceLines(quote, speaker)[0] // 'attributed by: name-after-cue, 0.95'
 */
export function evidenceLines(quote: Quote, speaker: Speaker | undefined): string[] {
  const lines = [`attributed by: ${quote.evidence.rule}, ${quote.evidence.confidence.toFixed(2)}`];
  if (quote.cue) lines.push(`cue: “${quote.cue.text}”`);
  const country = speaker?.country;
  if (country) lines.push(`country: ${country.rule} ‘${country.evidence}’ → ${countryLabel(country.code)}, ${country.confidence.toFixed(2)}`);
  const words = [...quote.sentiment.positive.map((w) => `+${w}`), ...quote.sentiment.negative.map((w) => `−${w}`)];
  lines.push(`tone: ${quote.sentiment.label}, score ${quote.sentiment.score}${words.length ? ` (${words.join(', ')})` : ''}`);
  for (const stance of quote.stance) lines.push(`stance: ${stance.polarity} ${stance.target} by ${stance.rule}${stance.evidence.length ? ` (${stance.evidence.join(', ')})` : ''}`);
  return lines;
}

