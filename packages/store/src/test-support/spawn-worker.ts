import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./ingest-worker.mjs', import.meta.url));

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** JSON events printed so far. */
  readonly events: Record<string, unknown>[];
  /** Resolves when an event matches. */
  waitFor(match: (event: Record<string, unknown>) => boolean): Promise<void>;
  /** Resolves with the exit code (or signal name). */
  readonly exited: Promise<number | string>;
  /** What the worker wrote to stderr, for failure messages. */
  errors(): string;
}

/** Starts `ingest-worker.mjs` (on the built store) in its own Node process with the given orders. */
export function spawnWorker(orders: object): WorkerProcess {
  const folder = mkdtempSync(join(tmpdir(), 'newstone-worker-'));
  const file = join(folder, 'orders.json');
  writeFileSync(file, JSON.stringify(orders));
  const child = spawn(process.execPath, [worker], {
    env: { ...process.env, NEWSTONE_WORKER_ORDERS: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const events: Record<string, unknown>[] = [];
  const waiters: { match: (event: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  let buffer = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const event = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>;
      buffer = buffer.slice(newline + 1);
      events.push(event);
      for (const waiter of waiters.filter((w) => w.match(event))) waiter.resolve();
      newline = buffer.indexOf('\n');
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && code !== null) process.stderr.write(`worker exited with ${code}:\n${errors}\n`);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    events,
    exited,
    errors: () => errors,
    waitFor: (match) =>
      new Promise<void>((resolve, reject) => {
        if (events.some(match)) return resolve();
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before the awaited event:\n${errors}`)));
      }),
  };
}
