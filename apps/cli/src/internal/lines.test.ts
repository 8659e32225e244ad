import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBatchedWriter, readLines, writeWithBackpressure } from './lines.js';

describe('readLines', () => {
  it.each<[string, string[], [number, string][]]>([
    ['numbers lines from 1', ['a\nb\n'], [[1, 'a'], [2, 'b']]],
    ['skips blank lines but keeps counting', ['a\n\n  \nb'], [[1, 'a'], [4, 'b']]],
    ['handles CRLF line ends', ['a\r\nb\r\n'], [[1, 'a'], [2, 'b']]],
    ['joins a line split across chunks', ['{"te', 'xt":1}\n'], [[1, '{"text":1}']]],
  ])('%s', async (_, chunks, expected) => {
    const lines = [];
    for await (const line of readLines(Readable.from(chunks))) lines.push([line.number, line.text]);
    expect(lines).toEqual(expected);
  });

  it('counts the bytes of each line with its newline', async () => {
    const sizes = [];
    for await (const line of readLines(Readable.from(['é\nab\n']))) sizes.push(line.bytes);
    expect(sizes).toEqual([3, 3]);
  });
});

describe('writeWithBackpressure', () => {
  it('waits for drain when the stream buffer is full', async () => {
    const written: string[] = [];
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        setTimeout(done, 5);
      },
    });
    for (const text of ['aaaa', 'bbbb', 'cccc']) await writeWithBackpressure(slow, text);
    expect(slow.writableLength).toBeLessThanOrEqual(4);
    await new Promise((resolve) => slow.end(resolve));
    expect(written).toEqual(['aaaa', 'bbbb', 'cccc']);
  });
});

describe('createBatchedWriter', () => {
  const collecting = (highWaterMark: number, delay: number) => {
    const written: string[] = [];
    const stream = new Writable({
      highWaterMark,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        setTimeout(done, delay);
      },
    });
    return { written, stream };
  };

  it('joins the writes of one turn of the event loop into one, in order', async () => {
    const { written, stream } = collecting(1024, 0);
    const out = createBatchedWriter(stream);
    for (const text of ['a\n', 'b\n', 'c\n']) await out.write(text);
    await out.flush();
    expect(written).toEqual(['a\nb\nc\n']);
  });

  it('writes a batch once it reaches the batch size', async () => {
    const { written, stream } = collecting(1024, 0);
    const out = createBatchedWriter(stream, 4);
    for (const text of ['aa', 'bb', 'cc']) await out.write(text);
    await out.flush();
    await new Promise((resolve) => stream.end(resolve));
    expect(written).toEqual(['aabb', 'cc']);
  });

  it('writes a waiting line when the event loop is free, without a flush', async () => {
    const { written, stream } = collecting(1024, 0);
    const out = createBatchedWriter(stream);
    await out.write('a\n');
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual(['a\n']);
  });

  it('waits for drain when the stream buffer is full', async () => {
    const { written, stream } = collecting(4, 5);
    const out = createBatchedWriter(stream, 4);
    for (const text of ['aaaa', 'bbbb', 'cccc']) {
      await out.write(text);
      expect(stream.writableLength).toBeLessThanOrEqual(4);
    }
    await out.flush();
    await new Promise((resolve) => stream.end(resolve));
    expect(written).toEqual(['aaaa', 'bbbb', 'cccc']);
  });

  it('fails the next write when the stream closes before draining', async () => {
    const { stream } = collecting(1, 1_000);
    const out = createBatchedWriter(stream, 1);
    await out.write('a').catch(() => {});
    const next = out.write('b');
    stream.destroy();
    await expect(next).rejects.toThrow('output closed before all lines were written');
  });
});
