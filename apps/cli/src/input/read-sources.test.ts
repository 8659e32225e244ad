import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSources, readSources, type SourceItem } from './read-sources.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'newstone-sources-'));
  const files: [string, string | Buffer][] = [
    ['corpus/a.txt', '“Yes,” she said.'],
    ['corpus/b/c.html', '<p>“No,” he said.</p>'],
    ['corpus/b/d.json', '[{"text":"One."},{"text":"   "}]'],
    ['corpus/e.jsonl', '{"id":"x1","text":"First."}\nnot json\n\n{"text":4}\n'],
    ['corpus/empty.txt', ''],
    ['corpus/binary.txt', Buffer.from([0xff, 0x00, 0x12])],
    ['corpus/notes.md', 'passed over'],
    ['corpus/.hidden.txt', 'passed over'],
    ['lone.csv', 'a,b'],
  ];
  for (const [path, content] of files) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function read(paths: string[], stdin = ''): Promise<[string, string][]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, { stdin: Readable.from([stdin]), cwd: root })) items.push(item);
  return items.map((item) => [item.origin, item.kind === 'article' ? `article: ${item.article.text}` : `failure: ${item.reason}`]);
}

describe('readSources', () => {
  it('walks a folder in name order, reading every article and naming every failure', async () => {
    expect(await read(['corpus'])).toEqual([
      ['corpus/a.txt', 'article: “Yes,” she said.'],
      ['corpus/b/c.html', 'article: <p>“No,” he said.</p>'],
      ['corpus/b/d.json[0]', 'article: One.'],
      ['corpus/b/d.json[1]', 'failure: empty "text"'],
      ['corpus/binary.txt', 'failure: expected UTF-8 text, found bytes that are not valid UTF-8'],
      ['corpus/e.jsonl:1 (id x1)', 'article: First.'],
      ['corpus/e.jsonl:2', 'failure: expected JSON, found text that is not valid JSON'],
      ['corpus/e.jsonl:4', 'failure: expected "text" to be a string, found a number'],
      ['corpus/empty.txt', 'failure: empty file: no article'],
    ]);
  });

  it.each<[string, string[], [string, string][]]>([
    ['a missing path', ['nowhere.txt'], [['nowhere.txt', 'failure: cannot read: no such file or folder']]],
    ['a named file of a type it does not read', ['lone.csv'], [['lone.csv', 'failure: unsupported file type: expected .txt, .html, .json or .jsonl']]],
    ['JSONL on stdin as -', ['-'], [['stdin:1', 'article: From stdin.']]],
  ])('reports %s', async (_, paths, expected) => {
    expect(await read(paths, '{"text":"From stdin."}\n')).toEqual(expected);
  });

  it('stops reading when the signal is aborted', async () => {
    const controller = new AbortController();
    const origins: string[] = [];
    for await (const item of readSources(['corpus'], { stdin: Readable.from(['']), cwd: root, signal: controller.signal })) {
      origins.push(item.origin);
      controller.abort();
    }
    expect(origins).toEqual(['corpus/a.txt']);
  });
});

describe('measureSources', () => {
  it.each<[string, string[], number | null]>([
    ['the bytes of a file', ['corpus/a.txt'], Buffer.byteLength('“Yes,” she said.')],
    ['nothing for a missing path', ['nowhere'], 0],
    ['unknown when stdin is read', ['corpus', '-'], null],
  ])('counts %s', async (_, paths, bytes) => {
    expect(await measureSources(paths, root)).toBe(bytes);
  });
});
