import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(argv, { stdin: Readable.from([]), stdout, stderr, env: {}, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}

describe('runCli', () => {
  it.each<[string, string[], number, RegExp, 'stdout' | 'stderr']>([
    ['lists the commands with --help', ['--help'], 0, /^Usage: newstone <command>[\s\S]*analyze[\s\S]*ingest[\s\S]*serve/, 'stdout'],
    ['lists the commands and fails without a command', [], 2, /^Usage: newstone <command>/, 'stdout'],
    ['names an unknown command', ['analyse'], 2, /unknown command "analyse"/, 'stderr'],
    ['names an unknown option of a command', ['analyze', '--nope'], 2, /newstone analyze: Unknown option '--nope'/, 'stderr'],
    ['prints a command help', ['target-sentiment', '--help'], 0, /^Usage:\n {2}newstone target-sentiment --jsonl/, 'stdout'],
    ['prints a command help for -h among other options', ['ingest', 'corpus/', '--workers', '2', '-h'], 0, /^Usage:\n {2}newstone ingest/, 'stdout'],
    ['prints the help of each command', ['serve', '--help'], 0, /^Usage:\n {2}newstone serve/, 'stdout'],
    ['reads --help after "--" as an argument, not a help request', ['analyze', '--', '--help'], 2, /newstone analyze: /, 'stderr'],
  ])('%s', async (_, argv, code, pattern, stream) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result[stream]).toMatch(pattern);
  });
});
