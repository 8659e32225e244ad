import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { CliError } from '../cli-error.js';

/**
 * The one FILE argument of a command that reads a file or stdin (`-`, or no FILE at all): the stream to read, and
 * the FILE as given. More than one FILE is a usage error that names the command.
 *
 * @example
 * const { input } = fileOrStdin('analyze', positionals, context); // context.stdin for [] and ['-']
 */
export function fileOrStdin(command: string, positionals: readonly string[], context: { readonly stdin: Readable; readonly cwd: string }): { file: string | undefined; input: () => Readable } {
  if (positionals.length > 1) throw new CliError('usage', `newstone ${command}: expected at most one FILE, found ${positionals.length}`);
  const file = positionals[0];
  return { file, input: () => (file === undefined || file === '-' ? context.stdin : createReadStream(resolve(context.cwd, file))) };
}
