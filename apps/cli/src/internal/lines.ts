import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** One line of a text stream, numbered from 1, with its size in bytes (for progress). */
export interface NumberedLine {
  readonly number: number;
  readonly text: string;
  readonly bytes: number;
}

/**
 * Reads a stream line by line without loading it whole; `readline` pauses the source while lines wait, so a
 * 1 GB file is read at the pace the consumer takes lines. Lines that are only whitespace are skipped.
 *
 * @example
 * for await (const line of readLines(process.stdin)) console.log(line.number, line.text);
 */
export async function* readLines(input: Readable): AsyncGenerator<NumberedLine> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of reader) {
      number += 1;
      if (text.trim() === '') continue;
      yield { number, text, bytes: Buffer.byteLength(text) + 1 };
    }
  } finally {
    reader.close();
  }
}

/**
 * Writes text and waits for the stream to drain when its buffer is full (backpressure).
 *
 * @example
 * await writeWithBackpressure(process.stdout, JSON.stringify(result) + '\n');
 */
export async function writeWithBackpressure(output: Writable, text: string): Promise<void> {
  if (output.write(text)) return;
  await Promise.race([
    once(output, 'drain'),
    once(output, 'close').then(() => {
      throw new Error('output closed before all lines were written');
    }),
  ]);
}

/** Writes lines in batches: see `createBatchedWriter`. */
export interface BatchedWriter {
  /** Adds text to the batch; resolves at once unless the stream's buffer is full (then when it drains). */
  write(text: string): Promise<void>;
  /** Writes what the batch holds and waits for the stream to take it. */
  flush(): Promise<void>;
}

/**
 * Joins many small writes into fewer large ones, with backpressure: each write is one trip through the stream and one
 * string-to-bytes conversion, a few thousand of them per JSONL run. The batch is written when it reaches `batchSize`
 * characters, and otherwise as soon as the event loop is free (`setImmediate`), so a line is never held back while
 * the input is awaited: an interactive reader sees each answer as it is made.
 *
 * @example
 * const out = createBatchedWriter(process.stdout);
 * for (const line of lines) await out.write(`${line}\n`);
 * await out.flush();
 */
export function createBatchedWriter(output: Writable, batchSize = 64 * 1024): BatchedWriter {
  let batch = '';
  let scheduled: ReturnType<typeof setImmediate> | null = null;
  let draining: Promise<void> | null = null;
  let failure: unknown = null;
  const writeBatch = (): void => {
    if (scheduled !== null) clearImmediate(scheduled);
    scheduled = null;
    if (batch === '') return;
    const text = batch;
    batch = '';
    if (output.write(text) || draining !== null) return;
    // Kept as a value, not thrown here: a batch written from the event loop has no caller to throw to.
    draining = waitForDrain(output).then(
      () => {
        draining = null;
      },
      (error: unknown) => {
        draining = null;
        failure = error;
      },
    );
  };
  const settle = async (): Promise<void> => {
    if (draining !== null) await draining;
    if (failure !== null) throw failure;
  };
  return {
    async write(text) {
      if (failure !== null) throw failure;
      batch += text;
      if (batch.length >= batchSize) writeBatch();
      else scheduled ??= setImmediate(writeBatch);
      await settle();
    },
    async flush() {
      writeBatch();
      await settle();
    },
  };
}

/** Resolves when the stream drains, rejects when it closes first; leaves no listener behind either way. */
function waitForDrain(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const drained = () => {
      output.off('close', closed);
      resolve();
    };
    const closed = () => {
      output.off('drain', drained);
      reject(new Error('output closed before all lines were written'));
    };
    output.once('drain', drained);
    output.once('close', closed);
  });
}
