import { CliError, describeError, isCliError } from './cli-error.js';
import { ExitCode, type Command, type CommandContext } from './command.js';

/** A command as the list knows it; its module is loaded only when it runs, so `analyze` loads no HTTP server. */
interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The command handles Ctrl-C itself (a server); for the others Ctrl-C aborts `context.signal`. */
  readonly handlesInterrupt?: boolean;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'analyze',
    summary: 'analyse one article (FILE --json) or a JSONL stream (--jsonl)',
    load: async () => (await import('./commands/analyze.js')).analyzeCommand,
  },
  {
    name: 'target-sentiment',
    summary: 'score sentiment toward a target span in {"id","sentence","start","end"} lines (--jsonl)',
    load: async () => (await import('./commands/target-sentiment.js')).targetSentimentCommand,
  },
  {
    name: 'eval',
    summary: 'measure quotations and speakers against gold (eval quotes GOLD.jsonl [--errors])',
    load: async () => (await import('./commands/eval.js')).evalCommand,
  },
  {
    name: 'ingest',
    summary: 'analyse and store files, folders or JSONL (resumable, parallel, PostgreSQL scale-out)',
    load: async () => (await import('./commands/ingest.js')).ingestCommand,
  },
  {
    name: 'reanalyze',
    summary: 'bring stored analyses to the current pipeline version',
    load: async () => (await import('./commands/reanalyze.js')).reanalyzeCommand,
  },
  {
    name: 'serve',
    summary: 'serve the dashboard at / and the API under /api',
    handlesInterrupt: true,
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
];

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
 * process.exitCode = await runCli(argv, context);
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
    const loaded = await command.load();
    // Every command's `--help` (or `-h`), answered here once: before a "--" that ends the options.
    const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (options.includes('--help') || options.includes('-h')) {
      context.stdout.write(`${loaded.help}\n`);
      return ExitCode.ok;
    }
    return await loaded.run(args, context);
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
