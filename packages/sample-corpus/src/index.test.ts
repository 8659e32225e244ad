import { describe, expect, it } from 'vitest';
import { loadSampleCorpus } from './index.js';

describe('loadSampleCorpus', () => {
  const corpus = loadSampleCorpus();

  it('holds the sample article and the 24 White House texts', () => {
    expect(corpus).toHaveLength(25);
    expect(corpus.filter((t) => t.file.startsWith('wh-'))).toHaveLength(24);
    expect(corpus[0]?.file).toBe('us-russia-talks.txt');
  });

  it.each(loadSampleCorpus().map((t) => [t.file, t] as const))('%s has text, a date and a licence', (_file, entry) => {
    expect(entry.text.length).toBeGreaterThan(300);
    expect(entry.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(entry.license).not.toBe('');
  });
});
