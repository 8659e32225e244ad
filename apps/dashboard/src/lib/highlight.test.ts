import { describe, expect, it } from 'vitest';
import { highlightWords, segmentArticle, type ArticleSegment, type SpanLike } from './highlight.js';

const marked = (segments: ReturnType<typeof highlightWords>): string =>
  segments.map((s) => (s.tone === 'positive' ? `+${s.text}+` : s.tone === 'negative' ? `-${s.text}-` : s.text)).join('');

describe('highlightWords', () => {
  it.each([
    ['marks positive and negative words', 'A great, bad day', ['great'], ['bad'], 'A +great+, -bad- day'],
    ['matches whole words only', 'badly bad', [], ['bad'], 'badly -bad-'],
    ['ignores case', 'Terrible news', [], ['terrible'], '-Terrible- news'],
    ['treats curly and straight apostrophes alike', 'it isn’t fair', [], ["isn't"], "it -isn’t- fair"],
    ['prefers the longer of two overlapping words', 'well done', ['well done', 'well'], [], '+well done+'],
    ['leaves text without scored words alone', '<b>hi</b>', [], [], '<b>hi</b>'],
    ['treats regex characters in words literally', 'a (b) c.d', ['(b)', 'c.d'], ['x*'], 'a +(b)+ +c.d+'],
    ['matches words with accents', 'très bien', ['très'], [], '+très+ bien'],
  ])('%s', (_name, text, positive, negative, expected) => {
    expect(marked(highlightWords(text, positive, negative))).toBe(expected);
  });

  it('gives back the text unchanged when joined', () => {
    const text = 'They said it was “a disgrace” and a success.';
    expect(highlightWords(text, ['success'], ['disgrace']).map((s) => s.text).join('')).toBe(text);
  });
});

describe('segmentArticle', () => {
  const text = 'He said "yes" and "no" today.';
  it.each([
    ['cuts around each quote in order', [{ start: 19, end: 21 }, { start: 9, end: 12 }], ['He said "', '[yes]', '" and "', '[no]', '" today.']],
    ['skips a quote overlapping an earlier one', [{ start: 9, end: 12 }, { start: 10, end: 14 }], ['He said "', '[yes]', '" and "no" today.']],
    ['skips a quote beyond the text', [{ start: 5, end: 500 }], [text]],
    ['returns the whole text without quotes', [], [text]],
  ])('%s', (_name, quotes, expected) => {
    const out = segmentArticle(text, quotes).map((s) => (s.kind === 'quote' ? `[${s.text}]` : s.text));
    expect(out).toEqual(expected);
  });

  const turn = 'Q  Why?\n\nMS. PSAKI:  As he said, “No.”  I told him, “Yes.”';
  const shown = (segments: readonly ArticleSegment<SpanLike>[]): string[] =>
    segments.map((s) => (s.kind === 'text' ? s.text : s.inner.length === 0 ? `[${s.text}]` : `[${shown(s.inner).join('')}]`));
  it.each([
    ['cuts a turn around the quotations inside it', [{ start: 21, end: 58 }, { start: 53, end: 57 }, { start: 34, end: 37 }], ['Q  Why?\n\nMS. PSAKI:  ', '[As he said, “[No.]”  I told him, “[Yes.]”]']],
    ['skips a quotation running out of the turn', [{ start: 21, end: 37 }, { start: 34, end: 45 }], ['Q  Why?\n\nMS. PSAKI:  ', '[As he said, “No.]', '”  I told him, “Yes.”']],
  ])('%s', (_name, quotes, expected) => {
    expect(shown(segmentArticle(turn, quotes))).toEqual(expected);
  });
});
