/** Runs the built `newstone` CLI as a user would, for the CLI and scale-out suites. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so that it holds when the benchmarks run it compiled elsewhere. */
export const repoRoot = ((): string => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error('cli-support: no pnpm-workspace.yaml above this file');
  }
})();
export const cliPath = join(repoRoot, 'apps/cli/bin/newstone.js');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Text written to stdin, then closed; stdin is closed at once when absent, unless `openStdin`. */
  readonly input?: string;
  /** Leave stdin open for the test to write to. */
  readonly openStdin?: boolean;
  /** Drop stdout instead of collecting it (benchmarks that stream gigabytes). */
  readonly discardStdout?: boolean;
  /** Environment on top of this process' one (DATABASE_URL is cleared unless given). */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

/** Starts the built CLI and returns the child, for tests that stop it midway. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, DATABASE_URL: '', NEWSTONE_PG_SCHEMA: '', ...options.env },
    stdio: ['pipe', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  if (!options.openStdin) child.stdin?.end(options.input ?? '');
  return child;
}

/** Collects a started CLI's output until it exits. */
export function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the built CLI to the end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return collect(spawnCli(args, options));
}
