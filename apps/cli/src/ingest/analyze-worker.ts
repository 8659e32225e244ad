/**
 * The task a worker thread of the analysis pool runs: one article in, its analysis out. Kept apart so
 * piscina can load it in each thread.
 */
import { analyzeArticle, type Analysis, type ArticleInput } from '@newstone/core';

export default function analyzeInWorker(article: ArticleInput): Analysis {
  return analyzeArticle(article);
}
