import { describe, expect, it } from 'vitest';
import stanceTargetsJson from '../../data/stance-targets.json' with { type: 'json' };
import type { Span, Stance } from '../model/analysis.js';
import { MAX_PRONOUN_GAP, scoreStances, type StanceQuote } from './score-stances.js';
import { scoreTargetSentiment } from './score-target-sentiment.js';
import { createStanceLexicon, isOwnSide, parseStanceTargets, type PlaceEntry } from './stance-lexicon.js';

// A small place table in the shape the speaker stages use (data/countries.json and friends).
const places = new Map<string, PlaceEntry>([
  ['Russia', { code: 'RU', rule: 'country-name' }], ['Russian', { code: 'RU', rule: 'demonym' }],
  ['American', { code: 'US', rule: 'demonym' }], ['United States', { code: 'US', rule: 'country-name' }],
  ['Ukraine', { code: 'UA', rule: 'country-name' }], ['Moscow', { code: 'RU', rule: 'capital' }],
  ['Washington', { code: 'US', rule: 'capital' }], ['Kyiv', { code: 'UA', rule: 'capital' }],
  ['Kremlin', { code: 'RU', rule: 'institution' }], ['White House', { code: 'US', rule: 'institution' }],
  ['NATO', { code: 'NATO', rule: 'international-organization' }], ['China', { code: 'CN', rule: 'country-name' }],
]);
const lexicon = createStanceLexicon(places, new Map([['Putin', 'RU']]));

/** Builds an input from text with the quote marked by «…» and the paragraph as context. */
function inputFrom(marked: string, speakerCountry: string | null, previousQuotes: readonly StanceQuote[] = []) {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  const text = marked.replace('«', '').replace('»', '');
  return { text, quote: { start, end }, speakerCountry, context: { start: 0, end: text.length }, previousQuotes };
}

const brief = (stances: readonly Stance[]) => stances.map((s) => [s.targetCountry, s.polarity, s.rule, s.inferred]);

describe('scoreStances', () => {
  it.each([
    ['a country named in the quote', '“«Russia has failed to keep its word»,” the minister said.', 'US', [['RU', 'against', 'explicit', false]]],
    ['a plural demonym', '“«The Americans have failed to study our proposal»,” he said.', 'RU', [['US', 'against', 'explicit', false]]],
    ['a capital as metonymy', '“«Moscow keeps escalating»,” she said.', 'US', [['RU', 'against', 'metonymy', false]]],
    ['an institution as metonymy', '“«The Kremlin welcomed the constructive talks»,” she said.', 'US', [['RU', 'favor', 'metonymy', false]]],
    ['a leader as metonymy', '“«Putin wants to dictate the terms»,” he said.', 'UA', [['RU', 'against', 'metonymy', false]]],
    ['the Alliance as NATO', '“«The Alliance threatens us»,” he said.', 'RU', [['NATO', 'against', 'explicit', false]]],
    ['the West as a bloc', '“«The West has failed»,” he said.', 'RU', [['WEST', 'against', 'explicit', false]]],
    ['negation reaching the predicate', '“«If NATO wants to dictate to us, that is not really helpful»,” he said.', 'RU', [['NATO', 'against', 'explicit', false]]],
    ['no target for the speaker’s own country', '“«We are talking about Russian territory»,” he said.', 'RU', []],
    ['no target for a bloc the speaker belongs to', '“«NATO is strong and united»,” he said.', 'US', []],
    ['a neutral mention', '“«Kyiv will host the meeting on Monday»,” he said.', 'US', [['UA', 'neutral', 'metonymy', false]]],
    ['each word for the nearest of two targets', '“«China is a great partner, while Russia is a dangerous aggressor»,” he said.', 'UA',
      [['CN', 'favor', 'explicit', false], ['RU', 'against', 'explicit', false]]],
  ] as const)('finds %s', (_behaviour, marked, speakerCountry, expected) => {
    expect(brief(scoreStances(inputFrom(marked, speakerCountry), lexicon))).toEqual(expected);
  });

  it.each([
    ['after meeting with', 'This escalation has increased tensions', 'said after meeting with Russian Deputy Foreign Minister Ryabkov on Monday.', 'US', [['RU', 'against', 'context', true]]],
    ['after accusing', 'This is unacceptable', 'the spokesman said, accusing Washington of meddling.', 'CN', [['US', 'against', 'context', true]]],
    ['in response to', 'We welcome the proposal', 'the minister said in response to the White House.', 'RU', [['US', 'favor', 'context', true]]],
  ] as const)('infers the counterpart from the attribution (%s) when the quote names none', (_cue, quote, attribution, country, expected) => {
    const stances = scoreStances(inputFrom(`“«${quote}»,” ${attribution}`, country), lexicon);
    expect(brief(stances)).toEqual(expected);
  });

  it.each([
    ['a place named without a counterpart cue', '“«This is unacceptable»,” the spokesman said in Moscow.', 'US'],
    ['a counterpart of the speaker’s own side', '“«This is unacceptable»,” she said after meeting with American senators.', 'US'],
    ['a counterpart named too far after its cue', '“«This is unacceptable»,” she said after meeting with the long-serving and widely respected envoy of Russia.', 'US'],
    ['a cue inside the quote itself', '“«This is what we heard after meeting with»” Russia, she said.', 'US'],
  ] as const)('infers nothing from %s', (_behaviour, marked, country) => {
    expect(scoreStances(inputFrom(marked, country), lexicon)).toEqual([]);
  });

  it.each([
    ['a transcript turn, the cue before it', 'MS. PSAKI: After talks with Russia, «this escalation is unacceptable, and we will not accept it».', 'US',
      [['RU', 'against', 'context', true]]],
    ['a cue after a quote that fills most of its paragraph', '«This escalation is unacceptable, and it will not stand; it never will»,” she said after talks with Russia.', 'US',
      [['RU', 'against', 'context', true]]],
    ['a cue right before the quote, no character between', 'She responded to Russia:«This escalation is unacceptable»', 'US', [['RU', 'against', 'context', true]]],
  ] as const)('reads the counterpart cues around a long quote: %s', (_behaviour, marked, country, expected) => {
    expect(brief(scoreStances(inputFrom(marked, country), lexicon))).toEqual(expected);
  });

  it('carries the targets of the speaker’s previous quote to a quote that continues with "They"', () => {
    const text = '“The Americans have failed to study our proposal,” Lavrov said. “They limited themselves to questions.”';
    const first = { start: 1, end: 48 };
    const firstStance = scoreStances({ text, quote: first, speakerCountry: 'RU', context: { start: 0, end: text.length }, previousQuotes: [] }, lexicon);
    const second: Span = { start: text.indexOf('They'), end: text.length - 1 };
    const stances = scoreStances({ text, quote: second, speakerCountry: 'RU', context: { start: 0, end: text.length }, previousQuotes: [{ ...first, stance: firstStance }] }, lexicon);
    const sentence = 'They limited themselves to questions.';
    const reading = scoreTargetSentiment(sentence, { start: 0, end: 4 });
    expect(reading.polarity).toBe('negative');
    expect(stances).toEqual([{ target: 'Americans', targetCountry: 'US', polarity: 'against', score: reading.score, evidence: reading.evidence, rule: 'pronoun', inferred: false }]);
  });

  it('does not carry targets to a quote whose "they" comes late, deep in an answer', () => {
    const text = '“Russia has failed,” he said. “We spoke with many partners and allies, and they all agree.”';
    const first = { start: 1, end: 18 };
    const previous = { ...first, stance: scoreStances({ text, quote: first, speakerCountry: 'US', context: { start: 0, end: 30 }, previousQuotes: [] }, lexicon) };
    const quote = { start: text.indexOf('We spoke'), end: text.length - 1 };
    expect(previous.stance).toHaveLength(1);
    expect(scoreStances({ text, quote, speakerCountry: 'US', context: { start: 0, end: text.length }, previousQuotes: [previous] }, lexicon)).toEqual([]);
  });

  it('does not carry targets across more than a paragraph', () => {
    const filler = ' Other news.'.repeat(Math.ceil(MAX_PRONOUN_GAP / 12) + 1);
    const text = `“Russia has failed,” he said.${filler} “They limited themselves.”`;
    const previous = { start: 1, end: 18, stance: scoreStances({ text, quote: { start: 1, end: 18 }, speakerCountry: 'US', context: { start: 0, end: 30 }, previousQuotes: [] }, lexicon) };
    const quote = { start: text.indexOf('They'), end: text.length - 1 };
    expect(scoreStances({ text, quote, speakerCountry: 'US', context: { start: quote.start - 1, end: text.length }, previousQuotes: [previous] }, lexicon)).toEqual([]);
  });

  it('lists as evidence the features that pushed the decision, the target-sentiment model’s own', () => {
    const sentence = 'Russia’s aggression is unacceptable and it isn’t willing to talk';
    const [stance] = scoreStances(inputFrom(`“«${sentence}»,” he said.`, 'US'), lexicon);
    const reading = scoreTargetSentiment(sentence, { start: 0, end: 6 });
    expect(stance).toMatchObject({ polarity: 'against', score: reading.score, evidence: reading.evidence });
    expect(stance?.evidence).toContain('cue:aggressor');
  });

  it.each([
    ['the agent of an assault, not its victim', 'The Russian military has begun a brutal assault on the people of Ukraine without provocation.', 'US',
      [['RU', 'against', 'explicit', false], ['UA', 'neutral', 'explicit', false]]],
    ['sanctions on a country', 'Today, I am announcing the first tranche of sanctions to impose costs on Russia.', 'US', [['RU', 'against', 'explicit', false]]],
    ['standing with a country', 'We stand with Ukraine and will provide assistance to Ukraine.', 'US', [['UA', 'favor', 'explicit', false]]],
    ['a threat against a country', 'Of course, there is a military threat in Ukraine — against Ukraine, and we cannot remain silent on that.', 'DE',
      [['UA', 'neutral', 'explicit', false]]],
    ['a country’s aggression', 'We are united in our opposition to Russia’s aggression.', 'US', [['RU', 'against', 'explicit', false]]],
  ] as const)('reads who is against whom: %s', (_behaviour, sentence, speakerCountry, expected) => {
    expect(brief(scoreStances(inputFrom(`“«${sentence}»,” the leader said.`, speakerCountry), lexicon))).toEqual(expected);
  });

  it('gives each quote the polarity `scoreTargetSentiment` gives its sentence and target, mention by mention', () => {
    const rows = [
      ['The Russian military has begun a brutal assault on the people of Ukraine.', 'Ukraine'],
      ['The Russian military has begun a brutal assault on the people of Ukraine.', 'Russian'],
      ['China is a great partner.', 'China'],
      ['Kyiv will host the meeting on Monday.', 'Kyiv'],
      ['If NATO wants to dictate to us, that is not really helpful.', 'NATO'],
    ] as const;
    for (const [sentence, target] of rows) {
      const start = sentence.indexOf(target);
      const reading = scoreTargetSentiment(sentence, { start, end: start + target.length });
      const [stance] = scoreStances(inputFrom(`“«${sentence}»,” she said.`, null), lexicon).filter((s) => s.target === target);
      expect({ sentence, target, polarity: stance?.polarity, score: stance?.score }).toEqual({
        sentence, target, polarity: { positive: 'favor', neutral: 'neutral', negative: 'against' }[reading.polarity], score: reading.score,
      });
    }
  });

  it('rejects spans outside the text', () => {
    expect(() => scoreStances({ text: 'short', quote: { start: 2, end: 9 }, speakerCountry: null, context: { start: 0, end: 5 }, previousQuotes: [] }, lexicon))
      .toThrow(/expected quote and context spans inside the text \(0…5\)/);
  });
});

describe('stance lexicon', () => {
  it.each([
    ['US', 'NATO', true], ['NATO', 'US', true], ['GB', 'WEST', true], ['FR', 'EU', true], ['RU', 'NATO', false],
    ['UA', 'WEST', false], ['US', 'US', true], [null, 'US', false], ['US', 'RU', false],
  ] as const)('says whether %s speaks for %s’s side (%s)', (speaker, target, expected) => {
    expect(isOwnSide(speaker, target, lexicon)).toBe(expected);
  });

  it.each([
    [{ targets: { West: 'west' }, pluralPronouns: [], ownSidePronouns: [], counterpartCues: [], blocs: {} }, /map names to codes/],
    [{ targets: {}, pluralPronouns: 'they', ownSidePronouns: [], counterpartCues: [], blocs: {} }, /"pluralPronouns" to be a list/],
    [{ targets: {}, pluralPronouns: [], ownSidePronouns: [], counterpartCues: [], blocs: { EU: 'FR' } }, /"blocs" to map bloc codes/],
  ])('rejects a malformed stance file %j', (data, message) => {
    expect(() => parseStanceTargets(data)).toThrow(message);
  });

  it('reads the shipped data/stance-targets.json', () => {
    const data = parseStanceTargets(stanceTargetsJson);
    expect(data.targets['the Alliance']).toBe('NATO');
    expect(data.blocs['NATO']).toContain('US');
    expect(lexicon.blocs.get('WEST')?.has('DE')).toBe(true);
  });

  it('rejects blocs that contain themselves', () => {
    expect(() => createStanceLexicon(places, new Map(), { targets: {}, pluralPronouns: [], ownSidePronouns: [], counterpartCues: [], blocs: { A1: ['B1'], B1: ['A1'] } }))
      .toThrow(/without cycles, found A1 → B1 → A1/);
  });
});

describe('the counterpart cue patterns', () => {
  const all = (pattern: RegExp, text: string) => {
    pattern.lastIndex = 0;
    return [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
  };
  it('find the same cues with ASCII edges as with Unicode ones in text without "_" or a letter beyond ASCII', async () => {
    const fc = (await import('fast-check')).default;
    const ascii = lexicon.counterpartPatternAscii;
    expect(ascii).not.toBeNull();
    const piece = fc.constantFrom('talks with', 'met', 'Met', 'MET', 'warned', 'urged', 'x', '2', '-', "'", '’', '“', ' ', '.', ',', 'call with', 'phone', 'meeting', 'metwith', 'with', 'rejected', '—');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(all(ascii!, text)).toEqual(all(lexicon.counterpartPattern, text));
      }),
      { numRuns: 3000 },
    );
  });
});
