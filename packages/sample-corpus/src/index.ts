import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One text of the demo corpus, with where it came from and under what licence. */
export interface SampleText {
  /** File name inside the corpus folder, e.g. `us-russia-talks.txt`. */
  readonly file: string;
  readonly title: string;
  readonly source: string;
  readonly url: string | null;
  /** ISO date, `YYYY-MM-DD`. */
  readonly publishedAt: string;
  readonly license: string;
  readonly licenseEvidence: string;
  readonly licenseNote?: string;
  readonly text: string;
}

type SampleMetadata = Omit<SampleText, 'text'>;

const corpusDir = new URL('../corpus/', import.meta.url);

/** Absolute path of the folder that holds the corpus files and `index.json`. */
export const sampleCorpusDir: string = fileURLToPath(corpusDir);

/**
 * Reads the demo corpus: the sample article and 24 public-domain White House texts, in `index.json` order.
 *
 * @example
 * const texts = loadSampleCorpus();
 * texts[0].file; // 'us-russia-talks.txt'
 */
export function loadSampleCorpus(): SampleText[] {
  const index = JSON.parse(readFileSync(new URL('index.json', corpusDir), 'utf8')) as SampleMetadata[];
  return index.map((entry) => ({ ...entry, text: readFileSync(new URL(entry.file, corpusDir), 'utf8') }));
}
