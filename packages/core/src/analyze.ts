import Sentiment from 'sentiment';
import type { Analysis, ArticleInput, Quote, Speaker } from './model/analysis.js';

/** Bumped whenever the pipeline would answer differently for the same input. */
export const PIPELINE_VERSION = '0.0.1-skeleton';

const afinn = new Sentiment();

/**
 * Analyses one article: its quotations, who said them, and their tone.
 * (Walking-skeleton pipeline: curly/straight double quotes, a name beside "said", AFINN score.)
 *
 * @example
 * const analysis = analyzeArticle({ text: '“We will not wait forever,” Lavrov said.' });
 * analysis.quotes[0].speaker?.name; // 'Lavrov'
 */
export function analyzeArticle(input: ArticleInput | string): Analysis {
  const article = typeof input === 'string' ? { text: input } : input;
  const text = article.text;
  const speakers = new Map<string, Speaker>();
  const quotes: Quote[] = [];
  for (const match of text.matchAll(/[“"]([^”"\n]{2,}?)[”"]/g)) {
    const start = (match.index ?? 0) + 1;
    const end = start + (match[1]?.length ?? 0);
    const after = text.slice(end + 1, end + 120);
    const name = /^\s*(?:said|says)\s+((?:[A-Z][\w’'-]+\s?){1,3})/.exec(after)?.[1]?.trim()
      ?? /^\s*((?:[A-Z][\w’'-]+\s?){1,3})\s+(?:said|says)/.exec(after)?.[1]?.trim();
    let speaker: Speaker | undefined;
    if (name) {
      speaker = speakers.get(name) ?? { id: `s${speakers.size + 1}`, name, kind: 'person', role: null, organization: null, country: null, aliases: [], merges: [] };
      speakers.set(name, speaker);
    }
    const scored = afinn.analyze(text.slice(start, end));
    quotes.push({
      id: `q${quotes.length + 1}`, start, end, text: text.slice(start, end), kind: 'direct',
      speaker: speaker ? { id: speaker.id, name: speaker.name, role: null, organization: null, country: null, kind: 'person' } : null,
      cue: null,
      evidence: { rule: speaker ? 'name-beside-said' : 'none', confidence: speaker ? 0.5 : 0 },
      sentiment: {
        score: scored.score, comparative: scored.comparative,
        label: scored.score > 0 ? 'positive' : scored.score < 0 ? 'negative' : 'neutral',
        positive: scored.positive, negative: scored.negative,
      },
      stance: [],
    });
  }
  return {
    pipelineVersion: PIPELINE_VERSION, text, title: article.title ?? null, source: article.source ?? null,
    url: article.url ?? null, publishedAt: article.publishedAt ?? null, paragraphs: [], boilerplate: [],
    quotes, speakers: [...speakers.values()],
  };
}
