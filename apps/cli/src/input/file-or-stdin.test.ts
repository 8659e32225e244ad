import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { isCliError } from '../cli-error.js';
import { fileOrStdin } from './file-or-stdin.js';

describe('fileOrStdin', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'newstone-file-or-stdin-'));
  writeFileSync(join(cwd, 'lines.jsonl'), '{"id":"a"}\n');
  const context = () => ({ stdin: Readable.from(['from stdin']), cwd });

  it.each([
    ['no FILE', []],
    ['-', ['-']],
  ])('reads stdin for %s', async (_, positionals) => {
    const { file, input } = fileOrStdin('analyze', positionals, context());
    expect(file).toBe(positionals[0]);
    expect(await text(input())).toBe('from stdin');
  });

  it('reads a FILE relative to the working folder', async () => {
    expect(await text(fileOrStdin('analyze', ['lines.jsonl'], context()).input())).toBe('{"id":"a"}\n');
  });

  it('refuses two FILEs as a usage error naming the command', () => {
    let thrown: unknown;
    try {
      fileOrStdin('target-sentiment', ['a', 'b'], context());
    } catch (error) {
      thrown = error;
    }
    expect(isCliError(thrown) && thrown.code === 'usage' ? thrown.message : thrown).toBe('newstone target-sentiment: expected at most one FILE, found 2');
  });
});
