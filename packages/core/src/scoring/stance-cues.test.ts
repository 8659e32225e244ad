import { describe, expect, it } from 'vitest';
import stanceCuesJson from '../../data/stance-cues.json' with { type: 'json' };
import { parseStanceCues } from './stance-cues.js';
import { extractTargetFeatures } from './target-features.js';
import { loadToneLexicon } from './tone-lexicon.js';

const cues = parseStanceCues(stanceCuesJson);
const tone = loadToneLexicon();

function cueOf(sentence: string, target: string, occurrence = 0): string | undefined {
  let start = sentence.indexOf(target);
  for (let n = 0; n < occurrence; n += 1) start = sentence.indexOf(target, start + 1);
  const features = extractTargetFeatures(sentence, { start, end: start + target.length }, tone, cues);
  return [...features.keys()].find((name) => name.startsWith('cue:'));
}

describe('the diplomatic stance cues', () => {
  it.each([
    ['the possessor of aggression', 'We oppose Russia’s aggression.', 'Russia', 0, 'cue:aggressor'],
    ['a demonym before an invasion', 'This is the beginning of a Russian invasion of Ukraine.', 'Russian', 0, 'cue:aggressor'],
    ['the subject of an assault', 'The Russian military has begun a brutal assault on the people of Ukraine.', 'Russian', 0, 'cue:aggressor'],
    ['the agent after "by"', 'There were further provocations by Russia.', 'Russia', 0, 'cue:aggressor'],
    ['the victim of an assault', 'The Russian military has begun a brutal assault on the people of Ukraine without provocation.', 'Ukraine', 0, 'cue:victim'],
    ['the victim across a dash', 'There is a military threat in Ukraine — against Ukraine.', 'Ukraine', 1, 'cue:victim'],
    ['the one sanctioned', 'We will impose costs on Russia.', 'Russia', 0, 'cue:penalised'],
    ['the one whose ability is limited', 'We will limit Russia’s ability to do business.', 'Russia', 0, 'cue:penalised'],
    ['the one supported', 'We will provide defensive assistance to Ukraine.', 'Ukraine', 0, 'cue:supported'],
    ['no cue in a plain report', 'Russia has moved supplies of blood into position.', 'Russia', 0, undefined],
  ] as const)('marks %s', (_behaviour, sentence, target, occurrence, expected) => {
    expect(cueOf(sentence, target, occurrence)).toBe(expected);
  });

  it.each([
    [null, /to be an object/],
    [{ ...stanceCuesJson, aggression: ['Invasion'] }, /"aggression" to be a list of lower-case words/],
    [{ ...stanceCuesJson, window: 0 }, /"window" to be a whole number/],
    [{ ...stanceCuesJson, weights: { victim: [1, 2, 3] } }, /cue weight "victim" to be named cue:…/],
    [{ ...stanceCuesJson, weights: { 'cue:victim': [1, 2] } }, /hold 3 finite numbers/],
  ])('rejects a malformed cues file (%#)', (value, message) => {
    expect(() => parseStanceCues(value)).toThrow(message);
    expect(() => parseStanceCues(value)).toThrow(expect.objectContaining({ code: 'invalid-lexicon' }));
  });
});
