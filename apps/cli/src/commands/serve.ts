import { startServer } from '@newstone/api';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone serve [--port N] [--host HOST]

Starts Newstone: the dashboard at /, the API under /api, its reference at /docs. Loads the sample corpus into
an empty store. Stops cleanly on Ctrl-C.

  --port N      port to listen on (default: PORT or 8787; 0 picks a free one)
  --host HOST   address to listen on (default: HOST or 127.0.0.1)
  -h, --help    show this help

Environment: PORT, HOST, DATABASE_URL (PostgreSQL), NEWSTONE_PG_SCHEMA, NEWSTONE_DATA_DIR (SQLite folder),
NEWSTONE_API_KEY, NEWSTONE_CORS_ORIGIN.`;

/** `newstone serve`: the API and dashboard in one process (startServer from @newstone/api). */
export const serveCommand: Command = {
  name: 'serve',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('serve', args, {
      port: { type: 'string' },
      host: { type: 'string' },
    });
    if (positionals.length > 0) throw new CliError('usage', 'newstone serve: expected no arguments besides options');
    let port: number | undefined;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!/^\d+$/.test(values.port) || port > 65535) {
        throw new CliError('usage', '--port: expected a whole number from 0 to 65535');
      }
    }
    await startServer({
      env: context.env,
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      log: (line) => context.stdout.write(`${line}\n`),
    });
    // The server keeps the process alive; it exits on SIGINT/SIGTERM after closing the store.
    return new Promise<number>(() => {});
  },
};
