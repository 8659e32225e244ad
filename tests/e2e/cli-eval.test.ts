import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './cli-support.js';

const gold = join(repoRoot, 'packages/core/src/fixtures/eval-quotes.gold.jsonl');
const predictions = join(repoRoot, 'packages/core/src/fixtures/eval-quotes.predictions.jsonl');
const work = mkdtempSync(join(tmpdir(), 'newstone-cli-eval-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('newstone eval quotes', () => {
  it('prints the hand-counted figures of the small gold file', async () => {
    const run = await runCli(['eval', 'quotes', gold, '--pred', predictions]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(`gold quotes: 12   predicted quotes: 12   (gold articles with no prediction: 1)
metric                    P       R      F1     TP
span exact             0.750   0.750   0.750      9
span overlap>=50%      0.833   0.833   0.833     10
quote+speaker          0.667   0.667   0.667      8
speaker accuracy on matched quotes: 0.800 (8/10)
  gold speaker name     0.800 (4/5)
  gold speaker nominal  1.000 (1/1)
  gold speaker none     0.000 (0/1)
  gold speaker pronoun  1.000 (3/3)
recall: full quotes 0.889 (8/9), partial quotes 0.667 (2/3)
unmatched predictions on unattributed quote marks: 1 (counted as false positives)
`);
  });

  it('runs the pipeline on the gold texts and reports as JSON, with the misses and their rules', async () => {
    const run = await runCli(['eval', 'quotes', gold, '--json', '--errors']);
    expect(run.code).toBe(0);
    const scores = JSON.parse(run.stdout) as { goldQuotes: number; errors: { kind: string; predicted: { evidence: { rule: string } | null } | null }[] };
    expect(scores.goldQuotes).toBe(12);
    for (const error of scores.errors) if (error.predicted) expect(typeof error.predicted.evidence?.rule).toBe('string');
  });

  it.each<[string, string, RegExp]>([
    ['a line that is not JSON', '{"id":"a","text":"x","quotes":[]}\nnot json\n', /gold line 2: expected JSON/],
    ['a line without text', '{"id":"a","quotes":[]}\n', /gold line 1: expected "text" to be a string/],
    ['offsets outside the text', '{"id":"a","text":"short","quotes":[{"start":0,"end":9,"speaker":null}]}\n', /gold line 1: expected quote 1 offsets within the text/],
  ])('fails clearly on %s', async (_, content, message) => {
    const path = join(work, 'bad.jsonl');
    writeFileSync(path, content);
    const run = await runCli(['eval', 'quotes', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });
});
