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
// `SECRETARY GENERAL STOLTENBERG:`, `PRESIDENT BIDEN:`, `PRESIDENT NAUSĖDA:`. `Q` followed by spaces, or `Q:`
// followed by one, opens a questioner's turn ("Q. Smith" may be a name's initial).
const LABEL = /^((?:\p{Lu}[\p{Lu}.’'\-]*\s+){0,5}\p{Lu}[\p{Lu}.’'\-]+)\s*:\s+(?=\S)/u;
const QUESTION = /^Q(?:[.:]?(?:\s{2,}|\t)|:\s)(?=\S)/;
/** Labels of a questioner, whose turn is no one's to report: "QUESTION:" (the State Department's "Q"), "REPORTER:". */
const QUESTIONERS = /^(?:QUESTION|REPORTER|REPORTERS|AUDIENCE MEMBER|AUDIENCE)$/;
/** Labels that open a section, not a turn. */
const NOT_SPEAKERS = /^(?:FACT SHEET|NOTE|EDITOR'S NOTE|UPDATE|BACKGROUND|SUBJECT|RE|FROM|TO|CC|DATE|END|WHEN|WHERE|WHAT|WHO|WHY|HOW|UPDATED|CORRECTION|PHOTO|VIDEO|WATCH|LIVE|BREAKING|EXCLUSIVE|ANALYSIS|OPINION)$/;
/** A time stamp or `END` closes the transcript. */
const END = /^(?:END\b|\d{1,2}:\d{2}\s*[AP]\.?M\.?)/;
/**
 * A paragraph that is nothing but a time stamp or an end marker (`3:29 P.M. EST`, `END  3:50 P.M. EST`): what an
 * official transcript prints around its speech, and what news prose never is.
 */
const TRANSCRIPT_MARK = /^(?:END\b[\s\d:.APMESTCDUTGMT]*|\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?)$/;
/** A stage direction of a few words in brackets: `(Laughter.)`, `(Applause.)`, `[inaudible]`, `(Cross-talk.)`. */
const STAGE_DIRECTION = /^(?:\([A-Za-z][^()]{0,40}\)|\[[A-Za-z][^[\]]{0,40}\])$/;
/** A stage direction after the last sentence of a paragraph: "… huh?  (Laughter.)". */
const TRAILING_STAGE_DIRECTION = /(?<=[.!?…”"’—-])\s+(?:\([A-Za-z][^()]{0,40}\)|\[[A-Za-z][^[\]]{0,40}\])$/;

/**
 * Transcript turns: a paragraph opening with a speaker label starts a turn that runs until the next label.
 * Needs two turns, one of them labelled, so a single "NOTE:" or a headline with a colon is not a transcript
 * ("HUFFPOLLSTER:", "BOOM:" open news paragraphs too); or one labelled turn in a text that a time stamp or `END` marks
 * as a transcript (remarks by one speaker: `3:29 P.M. EST` … `THE PRESIDENT:` … `END`). Stage directions are no
 * speech: a paragraph that is only "(Applause.)" belongs to no turn, and one closing a paragraph is left out of it.
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
  let stamped = false;
  paragraphs.forEach((paragraph, index) => {
    // Most paragraphs are prose: the patterns run only where the first two characters allow a match.
    const marked = mayOpenWithMarker(text, paragraph.start);
    const line = marked ? text.slice(paragraph.start, paragraph.end) : '';
    const label = marked ? readTurnLabel(line) : null;
    const question = marked && !label ? QUESTION.exec(line) : null;
    // "QUESTION:", "REPORTER:": a questioner's label, a questioner's turn as "Q" opens one.
    if (label && QUESTIONERS.test(line.slice(0, label.label))) {
      current = { label: null, turn: count++ };
      turns.push({ start: paragraph.start + label.speech, end: paragraph.end, paragraph: index, label: null, turn: current.turn });
    } else if (label) {
      current = { label: { start: paragraph.start, end: paragraph.start + label.label }, turn: count++ };
      labelled++;
      turns.push({ start: paragraph.start + label.speech, end: paragraph.end, paragraph: index, label: current.label, turn: current.turn });
    } else if (question) {
      current = { label: null, turn: count++ };
      turns.push({ start: paragraph.start + question[0].length, end: paragraph.end, paragraph: index, label: null, turn: current.turn });
    } else if (marked && END.test(line)) {
      current = null;
      stamped ||= TRANSCRIPT_MARK.test(line);
    } else if (current && !isStageDirection(text, paragraph)) {
      turns.push({ start: paragraph.start, end: paragraph.end, paragraph: index, label: current.label, turn: current.turn });
    }
  });
  const transcript = labelled >= 1 && (count >= 2 || stamped);
  return transcript ? turns.map((turn) => withoutStageDirection(text, turn)) : [];
}

/**
 * True for a label that heads a section instead of naming a speaker ("NOTE", "Update", "WATCH"), in any case.
 *
 * @example
 * isSectionLabel('Update'); // true
 */
export function isSectionLabel(label: string): boolean {
  return NOT_SPEAKERS.test(label.replace(/\s+/g, ' ').toUpperCase());
}

/**
 * The speaker label that opens `line` (`MS. PSAKI:  Thank you.`): the label's length and where the speech after it
 * starts, or null when the line opens with no label, or with one that heads a section ("NOTE:", "UPDATE:").
 *
 * @example
 * readTurnLabel('PENCE: Well, look.'); // { label: 5, speech: 7 }
 */
export function readTurnLabel(line: string): { label: number; speech: number } | null {
  const label = LABEL.exec(line);
  if (!label || NOT_SPEAKERS.test(label[1]!.replace(/\s+/g, ' ')) || !/\p{Lu}{2}/u.test(label[1]!)) return null;
  return { label: label[1]!.length, speech: label[0].length };
}

/** True for a paragraph that is only a stage direction ("(Laughter.)"); cheap on prose, whose first mark is no bracket. */
function isStageDirection(text: string, paragraph: Span): boolean {
  const first = text[paragraph.start];
  return (first === '(' || first === '[') && STAGE_DIRECTION.test(text.slice(paragraph.start, paragraph.end));
}

/** The turn without a stage direction after its last sentence ("Trying to make up your mind, huh?  (Laughter.)"). */
function withoutStageDirection(text: string, turn: TurnSpan): TurnSpan {
  const last = text.charCodeAt(turn.end - 1);
  if (last !== 0x29 && last !== 0x5d) return turn;
  const direction = TRAILING_STAGE_DIRECTION.exec(text.slice(turn.start, turn.end));
  return direction ? { ...turn, end: turn.start + direction.index } : turn;
}

/**
 * False when the paragraph at `start` surely opens with no label, questioner's `Q`, `END` or time stamp: these open
 * with a capital (`Ö` too) or a digit, and their second character is never a lower-case letter (most paragraphs open with
 * a capitalised word). Each pattern needs two characters or more, so the second one is in the paragraph when it counts.
 */
function mayOpenWithMarker(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  const capitalOrDigit = (first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39) || (first >= 0xc0 && /\p{Lu}/u.test(text[start]!));
  return capitalOrDigit && !(second >= 0x61 && second <= 0x7a);
}
