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
  await waitForDrain(output);
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
