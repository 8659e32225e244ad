import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.js';

/** Text built from the pieces that make quotation finding hard: every mark style, cues, names, paragraph breaks. */
const newsy = fc
  .array(
    fc.constantFrom('“', '”', '"', '‘', '’', '«', '»', '„', ' said ', ' he said', ', said Jake Sullivan, the U.S. adviser', 'Lavrov', '\n\n', '\n', ' ', '.', ',', ':',
      'MS. PSAKI:  ', 'Q  ', 'We will win', 'according to', 'the official', 'They', '<p>', '</p>', 'Mr.', 'U.S.', '…', '—', '\u0000', '日本語', 'Привет'),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), newsy);

describe('analyzeArticle on any string', () => {
  it('never throws, and every span is exact, in order and non-overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const analysis = analyzeArticle({ text, format: 'text' });
        let end = 0;
        for (const quote of analysis.quotes) {
          expect(analysis.text.slice(quote.start, quote.end)).toBe(quote.text);
          expect(quote.start).toBeGreaterThanOrEqual(end);
          expect(quote.end).toBeGreaterThan(quote.start);
          end = quote.end;
        }
        for (const paragraph of analysis.paragraphs) expect(paragraph.end).toBeLessThanOrEqual(analysis.text.length);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('is deterministic: the same input gives the same analysis', () => {
    fc.assert(
      fc.property(newsy, (text) => {
        expect(analyzeArticle(text)).toEqual(analyzeArticle(text));
      }),
      { numRuns: 100 },
    );
  });

  it('reads HTML-looking noise without throwing', () => {
    fc.assert(
      fc.property(newsy, (text) => {
        const analysis = analyzeArticle({ text: `<html><body><p>${text}</p><p>${text}</p></body></html>` });
        for (const quote of analysis.quotes) expect(analysis.text.slice(quote.start, quote.end)).toBe(quote.text);
      }),
      { numRuns: 100 },
    );
  });

  it('handles a megabyte of unbalanced marks over many paragraphs', () => {
    const text = '“We will not wait,” Lavrov said. “Open mark and no close. "Straight and open.\n\n'.repeat(13_000);
    const analysis = analyzeArticle(text);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(analysis.quotes.every((quote) => text.slice(quote.start, quote.end) === quote.text)).toBe(true);
  }, 120_000); // no speed target here (that is the benchmark's job): only room for a loaded 2-core machine
});
