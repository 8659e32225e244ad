/** What went wrong, in a form the command line can report and map to an exit code. */
export type CliErrorCode =
  /** The command line itself is wrong: unknown command or option, missing argument. Exit code 2. */
  | 'usage'
  /** An input could not be read or did not have the expected shape. */
  | 'input'
  /** The run could not go on: store unreachable, worker pool crashed. */
  | 'run';

/**
 * The one error class of the CLI. Messages say what was expected and what was found, without echoing input.
 *
 * @example
 * throw new CliError('usage', 'expected a FILE to analyse, found none');
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** @example if (isCliError(error) && error.code === 'usage') printHelp(); */
export function isCliError(value: unknown): value is CliError {
  return value instanceof CliError;
}

/** A short, single-line reason for any thrown value, for summaries and `{"error":…}` lines. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n', 1)[0] ?? error.name;
  return String(error);
}
