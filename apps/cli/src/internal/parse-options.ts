import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type StrictConfig<T extends Options> = { args: string[]; options: T; allowPositionals: true; strict: true };

/**
 * `node:util` parseArgs in strict mode, with its errors turned into usage errors that name the command.
 *
 * @example
 * const { values, positionals } = parseOptions('analyze', args, { json: { type: 'boolean' } });
 */
export function parseOptions<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<StrictConfig<T>>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError('usage', `newstone ${command}: ${message}`, { cause: error });
  }
}
