import { loadTargetSentimentResources, scoreTargetSentiment, type TargetSentimentResources } from '@newstone/core';
import { CliError, describeError } from '../cli-error.js';
import { fileOrStdin } from '../input/file-or-stdin.js';
import { ExitCode, type Command } from '../command.js';
import { idOfRecord, parseJson } from '../input/article-input.js';
import { readLines, writeWithBackpressure, type NumberedLine } from '../internal/lines.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone target-sentiment --jsonl [FILE]

Scores the sentiment a sentence expresses toward one target in it (the NewsMTSC task). Reads
{"id","sentence","start","end"} lines from FILE or stdin, where sentence.slice(start, end) is the target, and
writes one line per input line, in order:
  {"id","polarity":"positive"|"neutral"|"negative","score","evidence"}
                                                      score: −1…1; evidence: the features that pushed the
                                                      decision, strongest first (the same model decides each
                                                      quote's stance in newstone analyze)
  {"id","error":{"code","message","line"}}                     for a line that cannot be scored
Blank lines are skipped.

  --jsonl       read and write JSON lines (the only mode)
  -h, --help    show this help`;

/** `newstone target-sentiment --jsonl`: the public target-sentiment function as a stream. */
export const targetSentimentCommand: Command = {
  name: 'target-sentiment',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('target-sentiment', args, {
      jsonl: { type: 'boolean' },
    });
    if (!values.jsonl) throw new CliError('usage', 'newstone target-sentiment: expected --jsonl (the only mode)');
    const { input } = fileOrStdin('target-sentiment', positionals, context);
    const resources = loadTargetSentimentResources();
    for await (const line of readLines(input())) {
      await writeWithBackpressure(context.stdout, `${JSON.stringify(scoreLine(line, resources))}\n`);
    }
    return ExitCode.ok;
  },
};

type ScoredLine =
  | { readonly id: string | number | null; readonly polarity: string; readonly score: number; readonly evidence: readonly string[] }
  | { readonly id: string | number | null; readonly error: { readonly code: string; readonly message: string; readonly line: number } };

function scoreLine(line: NumberedLine, resources: TargetSentimentResources): ScoredLine {
  let value: unknown;
  try {
    value = parseJson(line.text);
  } catch (error) {
    return { id: null, error: { code: 'invalid-json', message: describeError(error), line: line.number } };
  }
  const id = idOfRecord(value);
  const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const { sentence, start, end } = record;
  if (typeof sentence !== 'string' || typeof start !== 'number' || typeof end !== 'number') {
    return {
      id,
      error: { code: 'invalid-input', message: 'expected {"sentence": string, "start": number, "end": number}', line: line.number },
    };
  }
  try {
    const { polarity, score, evidence } = scoreTargetSentiment(sentence, { start, end }, resources);
    return { id, polarity, score, evidence };
  } catch (error) {
    return { id, error: { code: 'invalid-input', message: describeError(error), line: line.number } };
  }
}
