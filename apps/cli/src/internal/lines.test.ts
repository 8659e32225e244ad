import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, writeWithBackpressure } from './lines.js';

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

  it('leaves no listener on the stream after each wait', async () => {
    const slow = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, done) => setTimeout(done, 1) });
    for (let i = 0; i < 20; i++) await writeWithBackpressure(slow, 'ab');
    expect([slow.listenerCount('drain'), slow.listenerCount('close')]).toEqual([0, 0]);
  });

  it('fails when the stream closes before draining', async () => {
    const stuck = new Writable({ highWaterMark: 1, write: () => {} });
    const waiting = writeWithBackpressure(stuck, 'ab');
    stuck.destroy();
    await expect(waiting).rejects.toThrow('output closed before all lines were written');
  });
});

