import { CliError, describeError, isCliError } from './cli-error.js';
import { ExitCode, type Command, type CommandContext } from './command.js';
import { analyzeCommand } from './commands/analyze.js';
import { ingestCommand } from './commands/ingest.js';

const commands: readonly Command[] = [analyzeCommand, ingestCommand];

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: newstone <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `newstone <command> --help` for the options of one command.',
    'Environment: DATABASE_URL (use PostgreSQL), NEWSTONE_PG_SCHEMA, NEWSTONE_DATA_DIR (SQLite folder).',
  ].join('\n');
}

/**
 * Runs `newstone` with the given arguments and returns the exit code; errors are reported on stderr.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), context);
 */
export async function runCli(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(`${usage()}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (!command) throw new CliError('usage', `newstone: unknown command "${name.slice(0, 40)}"`);
    return await command.run(args, context);
  } catch (error) {
    if (isCliError(error) && error.code === 'usage') {
      context.stderr.write(`${error.message}\n${command ? `Run \`newstone ${command.name} --help\`.` : usage()}\n`);
      return ExitCode.usage;
    }
    context.stderr.write(`newstone ${name}: ${describeError(error)}\n`);
    if (context.env.NEWSTONE_DEBUG && error instanceof Error) context.stderr.write(`${error.stack ?? ''}\n`);
    return ExitCode.failed;
  }
}

async function main(): Promise<void> {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    process.stderr.write('\nStopping: finishing the articles in flight (Ctrl-C again to quit at once)…\n');
    controller.abort();
  });
  process.on('SIGTERM', () => controller.abort());
  // `newstone … | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });
  const context: CommandContext = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    // `pnpm newstone …` runs in the repository root; paths on its command line are relative to where it was typed.
    cwd: process.env.npm_lifecycle_event === 'newstone' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd(),
    signal: controller.signal,
  };
  process.exitCode = await runCli(process.argv.slice(2), context);
}

await main();
