import type { Span } from '../model/analysis.js';
import type { Lexicon } from '../internal/lexicon.js';
import { isSectionLabel } from './find-turns.js';

/** The quotation facts this stage reads (a `ClassifiedQuote` has them). */
interface HeadingQuote {
  readonly open: number;
  readonly close: number | null;
  readonly paragraph: number;
  readonly kind: string;
}

/** What may follow the closing mark in a labelled line: nothing but a stop. */
const LINE_END = /^[\s.!?]*$/;

/**
 * What opens a heading before its quotation: a label of up to 60 characters, then perhaps "on" and a topic, a colon,
 * and at most two words ("Bill Clinton: Hillary ‘Better Qualified …’"). The label is group 1.
 */
const LABEL = /^([^:,\n“”"‘’«»]{1,60}?)(?:\s+[Oo]n\s+[^:,\n“”"‘’«»]{1,80})?:\s+(?:[^\s:“”"‘’«»]+\s+){0,2}$/u;

/** Lower-case words a title-case label may hold besides name particles ("Secretary of State", "Johnson & Johnson"). */
const GLUE = new Set(['of', 'the', 'and', 'for', '&']);
/** At most this many words in a label. */
const MAX_LABEL_WORDS = 8;

/**
 * The length of the longest run of a label's first words that the article repeats elsewhere as whole words: a
 * headline's "Trump Addresses Munich Attack" is Trump's, whom the article names again, and a label it never repeats
 * names no one it reports. 0 when the label is not title case (a sentence's "He continued with an appeal:") or no
 * run comes back.
 */
function repeatedPrefix(text: string, words: readonly string[], start: number, lexicon: Lexicon): number {
  const isGlue = (word: string) => GLUE.has(word) || lexicon.nameParticles.has(word);
  if (words.length > MAX_LABEL_WORDS || !/^\p{Lu}/u.test(words[0]!)) return 0;
  if (!words.every((word) => /^[\p{Lu}\d]/u.test(word) || isGlue(word))) return 0;
  for (let count = words.length; count > 0; count--) {
    if (isGlue(words[count - 1]!)) continue;
    const prefix = words.slice(0, count).join(' ');
    if (occursElsewhere(text, prefix, start)) return prefix.length;
  }
  return 0;
}

/** True when `words` occur in `text` as whole words other than at `own`. */
function occursElsewhere(text: string, words: string, own: number): boolean {
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (at === own) continue;
    const before = text.charCodeAt(at - 1);
    const after = text[at + words.length] ?? ' ';
    if ((at === 0 || !isWordCode(before)) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

const isWordCode = (code: number) => /[\p{L}\p{N}]/u.test(String.fromCharCode(code));

/**
 * The speaker labels of headline-style lines: a paragraph that is only a name, a colon and a quotation ("Kasich: ‘We
 * Are Going …’", "Senator Ruiz on the Budget: ‘…’"), as a headline names who speaks. The label must start with a
 * capital and may not be a section marker ("UPDATE:", "WATCH:"); whether it names someone is for the speaker phrase
 * reader to say. Returns one entry per such quotation, by index into `quotes`.
 *
 * @example
 * const text = 'Kasich: ‘We will win.’\n\nJohn Kasich spoke.';
 * findHeadingLabels(text, [{ open: 8, close: 21, paragraph: 0, kind: 'heading' }], [{ start: 0, end: 22 }], lexicon);
 * // [{ quote: 0, label: { start: 0, end: 6 } }]
 */
export function findHeadingLabels(text: string, quotes: readonly HeadingQuote[], paragraphs: readonly Span[], lexicon: Lexicon): { readonly quote: number; readonly label: Span }[] {
  const labels: { quote: number; label: Span }[] = [];
  quotes.forEach((quote, index) => {
    if (quote.kind === 'scare' || quote.close === null) return;
    const { start, end } = paragraphs[quote.paragraph]!;
    if (quote.open - start < 3 || !LINE_END.test(text.slice(quote.close + 1, end))) return;
    const match = LABEL.exec(text.slice(start, quote.open));
    const words = match?.[1]!.trimEnd();
    if (!words || isSectionLabel(words)) return;
    const length = repeatedPrefix(text, words.split(' '), start, lexicon);
    if (length > 0) labels.push({ quote: index, label: { start, end: start + length } });
  });
  return labels;
}
