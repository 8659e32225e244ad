import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import {
  analyzeArticle,
  parseGoldArticle,
  parsePredictedArticle,
  predictionsOfAnalysis,
  scoreQuotes,
  type GoldArticle,
  type PredictedArticle,
  type QuoteScores,
} from '@newstone/core';
import { CliError, describeError } from '../cli-error.js';
import { ExitCode, type Command } from '../command.js';
import { parseJson, toArticleInput } from '../input/article-input.js';
import { readLines } from '../internal/lines.js';
import { parseOptions } from '../internal/parse-options.js';

const help = `Usage:
  newstone eval quotes GOLD.jsonl [--pred PRED.jsonl] [--errors] [--json] [--no-coref] [--ignore-unattributed]

Measures quotations and speakers against gold in the PolNeAR format (one article a line: {"id","text","quotes":[{
"start","end","speaker","speakerType","speakerMentions",…}],"unattributed":[…]}). Runs the pipeline on each text
(or scores --pred lines {"id","quotes":[{"start","end","text","speaker"}]}) and prints span P/R/F1 (exact and
overlap ≥ 50%), speaker accuracy by gold speaker type, quote+speaker F1, full vs partial recall, and predictions on
unattributed quote marks.

  --pred FILE             score these predictions instead of running the pipeline
  --errors                list every miss with its sentence, both speakers and the rule that decided
  --json                  print the figures (and, with --errors, the misses) as one JSON object
  --no-coref              do not use speakerCoref names for pronoun and description speakers
  --ignore-unattributed   drop unmatched predictions on unattributed quote marks instead of counting them
  -h, --help              show this help`;

/** Reads a JSONL file, checking each line with \`parse\`; an error names the file's line. */
async function readJsonlFile<T>(path: string, what: string, parse: (value: unknown) => T): Promise<T[]> {
  const items: T[] = [];
  try {
    for await (const line of readLines(createReadStream(path))) {
      try {
        items.push(parse(parseJson(line.text)));
      } catch (error) {
        throw new CliError('input', `${what} line ${line.number}: ${describeError(error)}`, { cause: error });
      }
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError('input', `cannot read the ${what} file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  return items;
}

function checkUniqueIds(items: readonly { id: string | number }[], what: string): void {
  const seen = new Set<string | number>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) throw new CliError('input', `${what} article ${index + 1}: its "id" is used by an earlier line`);
    seen.add(item.id);
  });
}

const f3 = (value: number) => value.toFixed(3);

/** The figures as a table for a terminal. */
function formatScores(scores: QuoteScores, withErrors: boolean): string {
  const lines = [`gold quotes: ${scores.goldQuotes}   predicted quotes: ${scores.predictedQuotes}` +
    (scores.articlesWithoutPredictions ? `   (gold articles with no prediction: ${scores.articlesWithoutPredictions})` : '')];
  lines.push('metric                    P       R      F1     TP');
  for (const [name, m] of [['span exact', scores.spanExact], ['span overlap>=50%', scores.spanOverlap], ['quote+speaker', scores.quoteSpeaker]] as const) {
    lines.push(`${name.padEnd(20)} ${f3(m.precision).padStart(7)} ${f3(m.recall).padStart(7)} ${f3(m.f1).padStart(7)} ${String(m.truePositives).padStart(6)}`);
  }
  lines.push(`speaker accuracy on matched quotes: ${f3(scores.speaker.accuracy)} (${scores.speaker.correct}/${scores.speaker.total})`);
  for (const [type, a] of Object.entries(scores.speaker.byType)) lines.push(`  gold speaker ${type.padEnd(8)} ${f3(a.accuracy)} (${a.correct}/${a.total})`);
  lines.push(`recall: full quotes ${f3(scores.recallFull.recall)} (${scores.recallFull.found}/${scores.recallFull.total}), partial quotes ${f3(scores.recallPartial.recall)} (${scores.recallPartial.found}/${scores.recallPartial.total})`);
  lines.push(`unmatched predictions on unattributed quote marks: ${scores.unattributed.predictions}${scores.unattributed.ignored ? ` (ignored: ${scores.unattributed.ignored})` : ' (counted as false positives)'}`);
  if (withErrors) {
    lines.push('', `misses: ${scores.errors.length}`);
    for (const error of scores.errors) {
      const evidence = error.predicted?.evidence;
      lines.push(`${error.kind} [${error.articleId} ${error.span.start}-${error.span.end}] “${error.text}”`);
      lines.push(`  gold: ${error.gold ? `${error.gold.speaker ?? '(none)'} (${error.gold.speakerType})` : '(not a gold quote)'}${error.onUnattributed ? ', on an unattributed quote mark' : ''}`);
      if (error.predicted) lines.push(`  predicted: ${error.predicted.speaker ?? '(none)'}${evidence ? ` by ${evidence.rule} (${evidence.confidence})` : ''}`);
      lines.push(`  context: ${error.context}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `newstone eval quotes`: quotations and speakers measured against gold. */
export const evalCommand: Command = {
  name: 'eval',
  help,
  async run(args, context) {
    const { values, positionals } = parseOptions('eval', args, {
      pred: { type: 'string' },
      errors: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-coref': { type: 'boolean' },
      'ignore-unattributed': { type: 'boolean' },
    });
    const [what, goldFile, ...rest] = positionals;
    if (what !== 'quotes') throw new CliError('usage', `newstone eval: expected "quotes" (what to measure), found ${what === undefined ? 'nothing' : 'another word'}`);
    if (goldFile === undefined || rest.length > 0) throw new CliError('usage', 'newstone eval quotes: expected one GOLD.jsonl file');
    // The article fields (title, source, …) go to the pipeline as \`analyze --jsonl\` passes them.
    const lines = await readJsonlFile(resolve(context.cwd, goldFile), 'gold', (value) => ({ gold: parseGoldArticle(value), article: toArticleInput(value, 'text') }));
    const gold: GoldArticle[] = lines.map((line) => line.gold);
    checkUniqueIds(gold, 'gold');
    let predictions: PredictedArticle[];
    if (values.pred !== undefined) {
      const textOf = new Map(gold.map((article) => [article.id, article.text]));
      predictions = await readJsonlFile(resolve(context.cwd, values.pred), 'prediction', (value) => {
        const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
        return parsePredictedArticle(value, typeof id === 'string' || typeof id === 'number' ? textOf.get(id) : undefined);
      });
      checkUniqueIds(predictions, 'prediction');
    } else {
      predictions = lines.map(({ gold: article, article: input }) => {
        const analysis = analyzeArticle(input);
        if (analysis.text !== article.text) throw new CliError('run', `gold article ${String(article.id).slice(0, 80)}: the analysed text differs from the gold text`);
        return { id: article.id, quotes: predictionsOfAnalysis(analysis) };
      });
    }
    const scores = scoreQuotes(gold, predictions, { coref: !values['no-coref'], ignoreUnattributed: values['ignore-unattributed'] === true });
    if (values.json) {
      const { errors, ...figures } = scores;
      context.stdout.write(`${JSON.stringify(values.errors ? scores : figures, null, 2)}\n`);
      void errors;
    } else {
      context.stdout.write(formatScores(scores, values.errors === true));
    }
    return ExitCode.ok;
  },
};
