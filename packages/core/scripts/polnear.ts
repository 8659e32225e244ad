// Reads PolNeAR attribution gold (../shared/polnear, beside the repository: no licence is stated, so the texts and
// gold are read in place and never copied here) and decides, as its scorer defines them, which found quotation
// matches which gold one and whether a speaker name is right. For the attribution trainer (never imported by src/).
import { readFileSync } from 'node:fs';

export interface GoldQuote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind?: string;
  readonly speaker: string | null;
  readonly speakerMentions?: readonly string[];
  readonly speakerCoref?: readonly string[];
  readonly speakerType?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly mixed?: boolean;
}

export interface GoldArticle {
  readonly id: string;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
}

/** The repository's parent folder holds `shared/`: scripts run bundled from packages/core/dist/scripts/. */
export const SHARED_POLNEAR = new URL('../../../../../shared/polnear/', import.meta.url);

export function readGold(path: string | URL): GoldArticle[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    const article = JSON.parse(line) as GoldArticle;
    if (typeof article.text !== 'string' || !Array.isArray(article.quotes)) throw new Error(`${String(path)} line ${i + 1}: expected { id, text, quotes: [] }`);
    return article;
  });
}

/** Edge characters left out before spans are compared: white space, quote marks, punctuation, brackets, dashes. */
const EDGE = new Set([...' \t\n\r\u00a0"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e,.;:!?\u2026()[]-\u2013\u2014`']);

export function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && EDGE.has(text[s]!)) s++;
  while (e > s && EDGE.has(text[e - 1]!)) e--;
  return [s, e];
}

/** Overlap of two trimmed spans as a share of the longer one; 0 under one half. */
export function overlapShare(a: readonly [number, number], b: readonly [number, number]): number {
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  const longer = Math.max(a[1] - a[0], b[1] - b[0]);
  if (overlap <= 0 || longer <= 0) return 0;
  const share = overlap / longer;
  return share >= 0.5 ? share : 0;
}

/**
 * Pairs found and gold quotations one to one, best overlap first: index of the gold quotation for each found one
 * (or -1).
 */
export function matchQuotes(text: string, gold: readonly GoldQuote[], found: readonly { start: number; end: number }[]): number[] {
  const g = gold.map((quote) => trimmed(text, quote.start, quote.end));
  const f = found.map((quote) => trimmed(text, quote.start, quote.end));
  const pairs: [number, number, number][] = [];
  g.forEach((gs, i) => f.forEach((fs, j) => {
    const share = overlapShare(gs, fs);
    if (share > 0) pairs.push([share, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const goldUsed = new Set<number>();
  const result = found.map(() => -1);
  for (const [, i, j] of pairs) {
    if (goldUsed.has(i) || result[j] !== -1) continue;
    goldUsed.add(i);
    result[j] = i;
  }
  return result;
}

const NOT_NAME_WORDS = new Set(['the', 'a', 'an', 'he', 'she', 'they', 'we', 'i', 'it', 'his', 'her', 'their', 'our', 'its', 'this', 'that', 'these',
  'those', 'and', 'but', 'jr', 'sr', 'ii', 'iii', 'according', 'said', 'says', 'told']);

const normalName = (name: string) => name.toLowerCase().replace(/[\u2019\u2018`]/g, "'").replace(/'s\b/g, '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();

/** The last word of each run of capitalised words (runs of two or more preferred), lower case. */
function surnames(name: string): Set<string> {
  const runs: string[][] = [];
  for (const part of name.replace(/[\u2019']s\b/g, '').split(/[,;()]+/)) {
    let run: string[] = [];
    for (const token of part.split(/\s+/).filter(Boolean)) {
      const word = token.replace(/[^\p{L}\p{N}.-]/gu, '');
      if (/^\p{Lu}/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase().replace(/\./g, ''))) run.push(word.replace(/\.$/, ''));
      else {
        if (run.length > 0) runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  const multi = runs.filter((run) => run.length >= 2);
  return new Set((multi.length > 0 ? multi : runs).map((run) => run[run.length - 1]!.toLowerCase()));
}

/** Whether a predicted speaker name is right for a gold quotation: the same phrase or mention, or a shared surname. */
export function isRightSpeaker(predicted: string | null, gold: GoldQuote): boolean {
  const p = normalName(predicted ?? '');
  if (gold.speaker === null || gold.speaker === '') return p === '';
  if (p === '') return false;
  const names = [gold.speaker, ...(gold.speakerMentions ?? []), ...(gold.speakerType !== 'name' ? (gold.speakerCoref ?? []) : [])];
  const predictedSurnames = surnames(predicted!);
  return names.some((name) => normalName(name) === p || [...surnames(name)].some((surname) => predictedSurnames.has(surname)));
}
