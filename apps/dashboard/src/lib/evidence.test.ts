import { describe, expect, it } from 'vitest';
import type { Quote, Speaker } from '../api/types.js';
import { evidenceLines } from './evidence.js';

const quote: Quote = {
  id: 'q1',
  start: 1,
  end: 20,
  text: 'We will not wait forever',
  kind: 'direct',
  speaker: { id: 'sp_1', name: 'Sergei Lavrov', role: 'Foreign Minister', organization: null, country: 'RU', kind: 'person' },
  cue: { start: 25, end: 29, text: 'said' },
  evidence: { rule: 'name-after-cue', confidence: 0.95 },
  sentiment: { score: -2, comparative: -0.4, label: 'negative', positive: [], negative: ['wait'] },
  stance: [{ target: 'The Americans', targetCountry: 'US', polarity: 'against', score: -0.5, evidence: ['failed'], rule: 'explicit', inferred: false }],
};

const speaker: Speaker = {
  id: 'sp_1',
  name: 'Sergei Lavrov',
  kind: 'person',
  role: 'Foreign Minister',
  organization: null,
  country: { code: 'RU', rule: 'demonym', confidence: 0.9, evidence: 'Russian' },
  aliases: ['Lavrov'],
  merges: [],
};

describe('evidenceLines', () => {
  it('explains the attribution, the country, the tone and each stance', () => {
    expect(evidenceLines(quote, speaker)).toEqual([
      'attributed by: name-after-cue, 0.95',
      'cue: “said”',
      'country: demonym ‘Russian’ → Russia (RU), 0.90',
      'tone: negative, score -2 (−wait)',
      'stance: against The Americans by explicit (failed)',
    ]);
  });

  it.each([
    ['leaves out the country when the speaker has none', { ...speaker, country: null }, 'country:'],
    ['leaves out the country for an unattributed quote', undefined, 'country:'],
  ])('%s', (_name, who, missing) => {
    expect(evidenceLines(quote, who).some((line) => line.startsWith(missing))).toBe(false);
  });
});
