import type { Span } from '../model/analysis.js';

/** One paragraph of a speaker's turn in a transcript. */
export interface TurnSpan extends Span {
  readonly paragraph: number;
  /** The label that opened the turn (`MS. PSAKI`), or null for a questioner (`Q`). */
  readonly label: Span | null;
  /** Index of the turn this paragraph belongs to, counting from 0. */
  readonly turn: number;
}

// An all-capitals label of one to six words at the start of a paragraph, then a colon: `MS. PSAKI:`,
// `SECRETARY GENERAL STOLTENBERG:`, `PRESIDENT BIDEN:`. `Q` followed by spaces opens a questioner's turn.
const LABEL = /^((?:[A-Z][A-Z.’'\-]*\s+){0,5}[A-Z][A-Z.’'\-]+)\s*:\s+(?=\S)/;
const QUESTION = /^Q[.:]?(?:\s{2,}|\t)(?=\S)/;
/** Labels that open a section, not a turn. */
const NOT_SPEAKERS = /^(?:FACT SHEET|NOTE|EDITOR'S NOTE|UPDATE|BACKGROUND|SUBJECT|RE|FROM|TO|CC|DATE|END|WHEN|WHERE|WHAT|WHO|WHY|HOW|UPDATED|CORRECTION|PHOTO|VIDEO|WATCH|LIVE|BREAKING|EXCLUSIVE|ANALYSIS|OPINION)$/;
/** A time stamp or `END` closes the transcript. */
const END = /^(?:END\b|\d{1,2}:\d{2}\s*[AP]\.?M\.?)/;

/**
 * Transcript turns: a paragraph opening with a speaker label starts a turn that runs until the next label.
 * Needs two turns, one of them labelled, so a single "NOTE:" or a headline with a colon is not a transcript.
 *
 * @example
 * findTurns('MS. PSAKI:  Hi.\n\nQ  Why?', [{ start: 0, end: 15 }, { start: 17, end: 24 }]);
 * // [{ start: 12, end: 15, label: { start: 0, end: 9 }, … }, { start: 20, end: 24, label: null, … }]
 */
export function findTurns(text: string, paragraphs: readonly Span[]): TurnSpan[] {
  const turns: TurnSpan[] = [];
  let current: { label: Span | null; turn: number } | null = null;
  let count = 0;
  let labelled = 0;
  paragraphs.forEach((paragraph, index) => {
    // Most paragraphs are prose: the patterns run only where the first two characters allow a match.
    const marked = mayOpenWithMarker(text, paragraph.start);
    const line = marked ? text.slice(paragraph.start, paragraph.end) : '';
    const label = marked ? LABEL.exec(line) : null;
    const question = marked && !label ? QUESTION.exec(line) : null;
    if (label && !NOT_SPEAKERS.test(label[1]!.replace(/\s+/g, ' ')) && /[A-Z]{2}/.test(label[1]!)) {
      current = { label: { start: paragraph.start, end: paragraph.start + label[1]!.length }, turn: count++ };
      labelled++;
      turns.push({ start: paragraph.start + label[0].length, end: paragraph.end, paragraph: index, label: current.label, turn: current.turn });
    } else if (question) {
      current = { label: null, turn: count++ };
      turns.push({ start: paragraph.start + question[0].length, end: paragraph.end, paragraph: index, label: null, turn: current.turn });
    } else if (marked && END.test(line)) {
      current = null;
    } else if (current) {
      turns.push({ start: paragraph.start, end: paragraph.end, paragraph: index, label: current.label, turn: current.turn });
    }
  });
  return labelled >= 1 && count >= 2 ? turns : [];
}

/**
 * False when the paragraph at `start` surely opens with no label, questioner's `Q`, `END` or time stamp: these open
 * with a capital A–Z or a digit, and their second character is never a lower-case letter (most paragraphs open with
 * a capitalised word). Each pattern needs two characters or more, so the second one is in the paragraph when it counts.
 */
function mayOpenWithMarker(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  const capitalOrDigit = (first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39);
  return capitalOrDigit && !(second >= 0x61 && second <= 0x7a);
}
