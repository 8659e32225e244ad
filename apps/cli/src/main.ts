/** The `newstone` process: wires stdin/stdout, Ctrl-C and the exit code to `runCli`. */
import type { CommandContext } from './command.js';
import { ExitCode } from './command.js';
import { commands, runCli } from './run-cli.js';

async function main(): Promise<void> {
  const controller = new AbortController();
  const argv = process.argv.slice(2);
  if (!commands.find((command) => command.name === argv[0])?.handlesInterrupt) {
    process.on('SIGINT', () => {
      if (controller.signal.aborted) process.exit(ExitCode.interrupted);
      process.stderr.write('\nStopping: finishing the articles in flight (Ctrl-C again to quit at once)…\n');
      controller.abort();
    });
    process.on('SIGTERM', () => controller.abort());
  }
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
  process.exitCode = await runCli(argv, context);
  // A handle left open by a failed run (a database pool mid-connect) must not keep a finished command alive.
  if (!commands.find((command) => command.name === argv[0])?.handlesInterrupt) {
    setTimeout(() => process.exit(), 2000).unref();
  }
}

await main();
