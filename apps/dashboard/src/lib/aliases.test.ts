import { describe, expect, it } from 'vitest';
import { aliasLines } from './aliases.js';

describe('aliasLines', () => {
  it('lists an alias merged in many articles once, with each reason once', () => {
    const merges = [
      { alias: 'Psaki', into: 'Jen Psaki', reason: 'surname-only reference (Psaki)' },
      { alias: 'Psaki', into: 'Jen Psaki', reason: 'surname-only reference (Psaki)' },
      { alias: 'Psaky', into: 'Jen Psaki', reason: 'spelling variant: Psaki / Psaky (edit distance 1)' },
      { alias: 'Psaki', into: 'Jen Psaki', reason: 'same person across articles' },
    ];
    expect(aliasLines({ aliases: ['Psaki', 'Psaky', 'J. Psaki'], merges })).toEqual([
      { alias: 'Psaki', into: ['Jen Psaki'], reasons: ['surname-only reference (Psaki)', 'same person across articles'] },
      { alias: 'Psaky', into: ['Jen Psaki'], reasons: ['spelling variant: Psaki / Psaky (edit distance 1)'] },
      { alias: 'J. Psaki', into: [], reasons: [] },
    ]);
  });

  it('lists an alias no merge explains once, and nothing for a speaker with no other name', () => {
    expect(aliasLines({ aliases: ['Lavrov', 'Lavrov'], merges: [] })).toEqual([{ alias: 'Lavrov', into: [], reasons: [] }]);
    expect(aliasLines({ aliases: [], merges: [] })).toEqual([]);
  });
});
