
const countries = ['US', 'RU', 'UA', 'CN', 'DE', 'FR', 'GB', 'PL', 'TR', 'IN', 'BR', 'JP', 'KR', 'IL', 'IR', 'SA', 'EG', 'ZA', 'NG', 'MX', 'CA', 'AU', 'IT', 'ES', 'NATO', 'EU', 'UN'];
const first = ['Anna', 'Boris', 'Chen', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Marco', 'Nadia', 'Omar', 'Pavel', 'Qing', 'Rosa', 'Sergei', 'Tomas'];
const last = ['Ahmed', 'Baker', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ivanov', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Quinn', 'Rossi', 'Silva', 'Tanaka'];
const words = ['talks', 'security', 'ready', 'threat', 'peace', 'sanctions', 'dialogue', 'unacceptable', 'progress', 'aggression', 'partners', 'stability', 'war', 'agreement', 'support', 'concern'];

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same data. */
/** @param {number} seed @returns {() => number} */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `articles` synthetic analyses of `quotesPerArticle` quotes each, by 400 speakers from 27 countries, a third with
 * a stance toward another country, spread over a year of days; the first quote of every hundredth article ends "in
 * Reykjavik" (the rare word of the text-search requests).
 * @param {number} articles @param {number} quotesPerArticle @returns {import('@newstone/core').Analysis[]}
 */
export function syntheticAnalyses(articles, quotesPerArticle, seed = 1) {
  const next = random(seed);
  const pick = (items) => items[Math.floor(next() * items.length)];
  return Array.from({ length: articles }, (_, a) => {
    let text = `Synthetic article ${seed}-${a}.\n\n`;
    const quotes = [];
    for (let q = 0; q < quotesPerArticle; q += 1) {
      const speakerIndex = Math.floor(next() ** 2 * 400);
      const name = `${first[speakerIndex % 20]} ${last[Math.floor(speakerIndex / 20) % 20]}`;
      const country = countries[speakerIndex % countries.length];
      const drawn = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(words)).join(' ');
      // A rare word for text search (200 quotes in a million): the first quote of one article in a hundred, added
      // without drawing a random number, so every other quote is the one the generator made before.
      const body = q === 0 && a % 100 === 0 ? `${drawn} in Reykjavik` : drawn;
      text += '“';
      const start = text.length;
      text += body;
      const end = text.length;
      text += `,” ${name} said.\n`;
      const score = Math.round((next() - 0.5) * 10);
      const target = pick(countries);
      quotes.push({
        id: `q${q + 1}`,
        start,
        end,
        text: body,
        kind: 'direct',
        speaker: { id: `s${speakerIndex}`, name, role: null, organization: null, country, kind: 'person' },
        cue: null,
        evidence: { rule: 'synthetic', confidence: 1 },
        sentiment: { score, comparative: score / 10, label: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', positive: [], negative: [] },
        stance:
          next() < 0.33 && target !== country
            ? [{ target, targetCountry: target, polarity: score > 0 ? 'favor' : score < 0 ? 'against' : 'neutral', score: score / 5, evidence: [], rule: 'explicit', inferred: false }]
            : [],
      });
    }
    const day = new Date(Date.UTC(2025, 0, 1) + (a % 365) * 86_400_000).toISOString().slice(0, 10);
    const speakers = [...new Map(quotes.map((quote) => [quote.speaker?.id, quote.speaker])).values()].flatMap((speaker) =>
      speaker
        ? [{ id: speaker.id, name: speaker.name, kind: 'person', role: null, organization: null, country: { code: speaker.country ?? 'US', rule: 'synthetic', confidence: 1, evidence: '' }, aliases: [], merges: [] }]
        : [],
    );
    return { pipelineVersion: 'synthetic', text, title: `Synthetic ${a}`, source: 'bench', url: null, publishedAt: day, paragraphs: [], boilerplate: [], quotes, speakers };
  });
}
