import type { Readable, Writable } from 'node:stream';

/** What a command may touch: passed in, so tests can hand it strings and buffers. */
export interface CommandContext {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C: long commands stop taking new work, finish what is in flight and report. */
  readonly signal: AbortSignal;
}

/** One `newstone <name>` command. */
export interface Command {
  readonly name: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command and returns the process exit code. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** Exit codes: 0 done (even when some inputs failed), 1 the run failed, 2 usage error, 130 interrupted. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
