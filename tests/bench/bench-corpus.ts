import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { loadSampleCorpus } from '@newstone/sample-corpus';

/** One article of a benchmark corpus. */
export interface BenchArticle {
  readonly text: string;
  readonly title?: string | undefined;
  readonly publishedAt?: string | undefined;
}

/**
 * Real news text for the benchmarks: the sample corpus, or the `.txt` files of a folder or the `text` of each
 * line of a `.jsonl` file the user points at, repeated until there are at least `minArticles` articles.
 *
 * @example
 * loadBenchCorpus({ minArticles: 4000 }).length; // 4000 (the 25 sample texts, repeated)
 */
export function loadBenchCorpus(options: { readonly path?: string | undefined; readonly minArticles: number }): BenchArticle[] {
  const base = options.path ? readCorpus(options.path) : loadSampleCorpus().map(({ text, title, publishedAt }) => ({ text, title, publishedAt }));
  if (base.length === 0) throw new Error(`bench corpus: expected articles in ${options.path}, found none`);
  const articles: BenchArticle[] = [];
  while (articles.length < options.minArticles) articles.push(...base);
  return articles;
}

function readCorpus(path: string): BenchArticle[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => extname(name) === '.txt')
      .sort()
      .map((name) => ({ text: readFileSync(join(path, name), 'utf8') }));
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { text, title, publishedAt } = JSON.parse(line) as BenchArticle;
      if (typeof text !== 'string') throw new Error('bench corpus: expected each JSONL line to have a string "text"');
      return { text, title, publishedAt };
    });
}

/**
 * `count` distinct articles (a numbered first line makes each content hash unique), for ingest runs where the
 * store would otherwise skip repeats.
 *
 * @example
 * uniqueArticles(loadBenchCorpus({ minArticles: 1 }), 2000); // 2,000 articles with distinct content hashes
 */
export function uniqueArticles(base: readonly BenchArticle[], count: number, salt = 'Dispatch'): BenchArticle[] {
  return Array.from({ length: count }, (_, index) => {
    const article = base[index % base.length] as BenchArticle;
    return { ...article, text: `${salt} ${index}.\n\n${article.text}` };
  });
}

/** Size of texts in MB (10^6 bytes of UTF-8). *
 * @example
 * megabytes([{ text: 'abc' }]); // 0.000003
 */
export function megabytes(texts: readonly { readonly text: string }[]): number {
  return texts.reduce((sum, article) => sum + Buffer.byteLength(article.text), 0) / 1e6;
}
