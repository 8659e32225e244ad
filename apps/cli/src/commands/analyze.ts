import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { analyzeArticle, type Analysis } from '@newstone/core';
import { CliError, describeError } from '../cli-error.js';
import { fileOrStdin } from '../input/file-or-stdin.js';
import { ExitCode, type Command, type CommandContext } from '../command.js';
import { createAnalysisPool, parseWorkerCount, type AnalysisPool } from '../ingest/analysis-pool.js';
import {
  articlesOfDocument,
  decodeText,
  formatOfPath,
  idOfRecord,
  parseJson,
  toArticleInput,
} from '../input/article-input.js';
import { readLines, writeWithBackpressure, type NumberedLine } from '../internal/lines.js';
import { mapOrdered } from '../internal/map-ordered.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone analyze FILE [--json]
  newstone analyze --jsonl [FILE] [--workers N]

Analyses articles: every quotation, its speaker (name, role, organisation, country), sentiment and stance.

  FILE          a .txt or .html article, or a .json file { text, title?, source?, url?, publishedAt? }
  --json        print the analysis as one JSON object (default: a readable list of quotes)
  --jsonl       read {"id","text",…} lines from FILE or stdin and write one JSON line per input line, in order:
                {"id",…analysis} or {"id","error":{"code","message","line"}}; blank lines are skipped
  --workers N   analyse --jsonl input in N worker threads (default 0: in this thread)
  -h, --help    show this help`;

/** `newstone analyze`: one article to JSON, or a JSONL stream to a JSONL stream. */
export const analyzeCommand: Command = {
  name: 'analyze',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('analyze', args, {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      workers: { type: 'string' },
    });
    const { file, input } = fileOrStdin('analyze', positionals, context);
    if (values.jsonl) {
      const pool = createAnalysisPool({ threads: parseWorkerCount(values.workers, 0) });
      try {
        await analyzeJsonlStream(input(), pool, context);
      } finally {
        await pool.close();
      }
      return ExitCode.ok;
    }
    if (values.workers !== undefined) throw new CliError('usage', 'newstone analyze: --workers applies to --jsonl only');
    if (file === undefined) throw new CliError('usage', 'newstone analyze: expected a FILE (or --jsonl), found none');
    const analysis = await analyzeFile(resolve(context.cwd, file));
    context.stdout.write(values.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis));
    return ExitCode.ok;
  },
};

/** Reads one article file (.txt, .html or a .json object) and analyses it. */
async function analyzeFile(path: string): Promise<Analysis> {
  const format = formatOfPath(path);
  if (format === null || format === 'jsonl') {
    throw new CliError(
      'usage',
      format === 'jsonl'
        ? 'newstone analyze: a .jsonl file holds many articles: use --jsonl'
        : 'newstone analyze: expected a .txt, .html or .json file',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError('input', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  const articles = articlesOfDocument(decodeText(bytes), format);
  if (articles.length !== 1) {
    throw new CliError('input', `expected one article, found an array of ${articles.length}: use newstone ingest`);
  }
  return analyzeArticle(articles[0] as (typeof articles)[number]);
}

/** One output line of `analyze --jsonl`, without its newline. */
type JsonlLine = string;

interface LineError {
  readonly code: 'invalid-json' | 'invalid-input' | 'analysis-failed';
  readonly message: string;
  readonly line: number;
}

async function analyzeLine(line: NumberedLine, pool: AnalysisPool): Promise<JsonlLine> {
  let value: unknown;
  try {
    value = parseJson(line.text);
  } catch (error) {
    return errorLine(null, { code: 'invalid-json', message: describeError(error), line: line.number });
  }
  const id = idOfRecord(value);
  let article;
  try {
    article = toArticleInput(value);
  } catch (error) {
    return errorLine(id, { code: 'invalid-input', message: describeError(error), line: line.number });
  }
  let analysis: Analysis;
  try {
    analysis = await pool.analyze(article);
  } catch (error) {
    return errorLine(id, { code: 'analysis-failed', message: describeError(error), line: line.number });
  }
  return analysisLine(id, analysis);
}

/**
 * `{"id":…,…analysis}`: the JSON of `{ id, ...analysis }`, without copying the analysis into a new object first. An
 * analysis is never empty and has no `id` of its own, so its JSON after the opening brace follows the id as is.
 */
function analysisLine(id: string | number | null, analysis: Analysis): JsonlLine {
  return `{"id":${JSON.stringify(id)},${JSON.stringify(analysis).slice(1)}`;
}

function errorLine(id: string | number | null, error: LineError): JsonlLine {
  return JSON.stringify({ id, error });
}

/**
 * Streams JSONL articles through the pipeline: one output line per input line, in input order, reading only as
 * fast as stdout takes the results.
 */
async function analyzeJsonlStream(input: Readable, pool: AnalysisPool, context: CommandContext): Promise<void> {
  const results = mapOrdered(readLines(input), (line) => analyzeLine(line, pool), pool.capacity);
  // One write per line: joining lines into larger writes cost more in copying (lines average 14 KB) than it saved.
  for await (const line of results) await writeWithBackpressure(context.stdout, `${line}\n`);
}

/** A readable listing of an analysis for a terminal. */
function formatAnalysis(analysis: Analysis): string {
  const lines = [`${analysis.quotes.length} quotes, ${analysis.speakers.length} speakers`];
  for (const quote of analysis.quotes) {
    const speaker = quote.speaker
      ? `${quote.speaker.name}${quote.speaker.country ? ` (${quote.speaker.country})` : ''}`
      : 'unattributed';
    const excerpt = quote.text.length > 100 ? `${quote.text.slice(0, 97)}…` : quote.text;
    lines.push(`${quote.id.padEnd(4)} ${quote.kind.padEnd(8)} ${quote.sentiment.label.padEnd(8)} ${speaker}: “${excerpt}”`);
  }
  return `${lines.join('\n')}\n`;
}
