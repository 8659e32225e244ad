import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, repoRoot, type CliRun } from './cli-support.js';

/** A smoke run of the dashboard benchmark at a tiny size, so the harness behind the million-quote figures cannot rot. */
function browserBench(args: string[]): Promise<CliRun> {
  return collect(spawn('pnpm', ['--silent', 'exec', 'tsx', 'support/browser-bench.ts', ...args], { cwd: join(repoRoot, 'tests'), stdio: ['ignore', 'pipe', 'pipe'] }));
}

describe('browser-bench.ts', () => {
  it('times the first chart and the first page of quotes against a filled store', async () => {
    const run = await browserBench(['--quotes', '200', '--runs', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^stored \d+ quotes in \d+\.\d s$/m);
    expect(run.stdout).toMatch(/^first chart drawn after navigation \(cold cache\): median \d+ ms, max \d+ ms \(1 runs\)$/m);
    expect(run.stdout).toMatch(/^first page of quotes shown after navigation \(cold cache\): median \d+ ms, max \d+ ms \(1 runs\)$/m);
  }, 180_000);
});
