import { createReadStream } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArticleInput } from '@newstone/core';
import { describeError } from '../cli-error.js';
import { readLines } from '../internal/lines.js';
import { articlesOfDocument, decodeText, formatOfPath, idOfRecord, parseJson, toArticleInput } from './article-input.js';

/** One thing read from the inputs: an article, or an input that could not give one (and why). */
export type SourceItem =
  | { readonly kind: 'article'; readonly origin: string; readonly article: ArticleInput; readonly bytes: number }
  | { readonly kind: 'failure'; readonly origin: string; readonly reason: string; readonly bytes: number };

/** Files bigger than this are refused as one article: a .jsonl file of many articles streams instead. */
export const maxDocumentBytes = 256 * 1024 * 1024;

export interface ReadSourcesOptions {
  readonly stdin: Readable;
  readonly cwd: string;
  /** Checked between items: when aborted, reading stops. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads every article the paths hold, one at a time: files (.txt, .html, .json, .jsonl), folders (walked
 * recursively in name order; files of other types are passed over) and `-` for JSONL on stdin. A file that
 * cannot be read, is empty, is not UTF-8 text or does not parse yields a `failure` and reading goes on.
 *
 * @example
 * for await (const item of readSources(['corpus/', 'more.jsonl'], { stdin: process.stdin, cwd: process.cwd() })) …
 */
export async function* readSources(paths: readonly string[], options: ReadSourcesOptions): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    if (options.signal?.aborted) return;
    if (path === '-') {
      yield* readJsonl(options.stdin, 'stdin', options.signal);
      continue;
    }
    const absolute = resolve(options.cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      yield { kind: 'failure', origin: path, reason: `cannot read: ${errnoText(error)}`, bytes: 0 };
      continue;
    }
    if (info.isDirectory()) {
      for await (const file of walkFolder(absolute, options.signal)) {
        yield* readFileItems(file, join(path, relative(absolute, file)), options.signal);
      }
    } else if (formatOfPath(absolute) === null) {
      yield { kind: 'failure', origin: path, reason: 'unsupported file type: expected .txt, .html, .json or .jsonl', bytes: info.size };
    } else {
      yield* readFileItems(absolute, path, options.signal);
    }
  }
}

/**
 * The total size in bytes of what the paths hold, for the progress bar's ETA; null when stdin is among them
 * (its size is not known in advance).
 *
 * @example
 * await measureSources(['corpus/'], process.cwd()); // 26214400
 */
export async function measureSources(paths: readonly string[], cwd: string): Promise<number | null> {
  let total = 0;
  for (const path of paths) {
    if (path === '-') return null;
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (info === null) continue;
    if (!info.isDirectory()) {
      total += info.size;
      continue;
    }
    for await (const file of walkFolder(absolute)) total += (await stat(file).catch(() => null))?.size ?? 0;
  }
  return total;
}

/** The readable files under a folder, depth first in name order, without holding the whole tree in memory. */
async function* walkFolder(folder: string, signal?: AbortSignal): AsyncGenerator<string> {
  const entries: { name: string; directory: boolean }[] = [];
  for await (const entry of await opendir(folder)) {
    if (entry.name.startsWith('.')) continue;
    entries.push({ name: entry.name, directory: entry.isDirectory() });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (signal?.aborted) return;
    const path = join(folder, entry.name);
    if (entry.directory) yield* walkFolder(path, signal);
    else if (formatOfPath(path) !== null) yield path;
  }
}

async function* readFileItems(path: string, origin: string, signal?: AbortSignal): AsyncGenerator<SourceItem> {
  const format = formatOfPath(path);
  if (format === 'jsonl') {
    const stream = createReadStream(path);
    // An unreadable file (permissions, vanished) surfaces as a stream error: report it, keep going.
    let failed: unknown = null;
    const guarded = (async function* () {
      try {
        yield* readJsonl(stream, origin, signal);
      } catch (error) {
        failed = error;
      }
    })();
    let empty = true;
    for await (const item of guarded) {
      empty = false;
      yield item;
    }
    if (failed !== null) yield { kind: 'failure', origin, reason: `cannot read: ${errnoText(failed)}`, bytes: 0 };
    else if (empty) yield { kind: 'failure', origin, reason: 'empty file: no articles', bytes: 0 };
    return;
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.size > maxDocumentBytes) {
      yield { kind: 'failure', origin, reason: `file too large for one article (over ${maxDocumentBytes / 2 ** 20} MB): use .jsonl`, bytes: info.size };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield { kind: 'failure', origin, reason: `cannot read: ${errnoText(error)}`, bytes: 0 };
    return;
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    yield { kind: 'failure', origin, reason: 'empty file: no article', bytes: bytes.length };
    return;
  }
  let articles: ArticleInput[];
  try {
    articles = articlesOfDocument(decodeText(bytes), format === 'txt' || format === 'html' || format === 'json' ? format : 'txt');
  } catch (error) {
    yield { kind: 'failure', origin, reason: describeError(error), bytes: bytes.length };
    return;
  }
  // Spread the file's size over its articles so the progress bar moves evenly.
  const share = Math.round(bytes.length / Math.max(articles.length, 1));
  for (const [index, article] of articles.entries()) {
    const where = articles.length === 1 ? origin : `${origin}[${index}]`;
    if (article.text.trim() === '') yield { kind: 'failure', origin: where, reason: 'empty "text"', bytes: share };
    else yield { kind: 'article', origin: where, article, bytes: share };
  }
}

async function* readJsonl(input: Readable, origin: string, signal?: AbortSignal): AsyncGenerator<SourceItem> {
  for await (const line of readLines(input)) {
    if (signal?.aborted) return;
    const where = `${origin}:${line.number}`;
    let value: unknown;
    try {
      value = parseJson(line.text);
    } catch (error) {
      yield { kind: 'failure', origin: where, reason: describeError(error), bytes: line.bytes };
      continue;
    }
    const id = idOfRecord(value);
    const labelled = id === null ? where : `${where} (id ${String(id).slice(0, 60)})`;
    try {
      const article = toArticleInput(value);
      if (article.text.trim() === '') yield { kind: 'failure', origin: labelled, reason: 'empty "text"', bytes: line.bytes };
      else yield { kind: 'article', origin: labelled, article, bytes: line.bytes };
    } catch (error) {
      yield { kind: 'failure', origin: labelled, reason: describeError(error), bytes: line.bytes };
    }
  }
}

function errnoText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? describeError(error);
}
