import type { Span } from '../model/analysis.js';

/** One paragraph of a statement whose author the title or the opening names. */
export interface StatementSpan extends Span {
  readonly paragraph: number;
  /** Where the author is named: `Press Secretary Jen Psaki` in "Statement by Press Secretary Jen Psaki on …". */
  readonly author: Span;
  /** What named the author: the title, an opening line ("… issued the following statement:") or an op-ed byline. */
  readonly rule: 'statement-title' | 'statement-opening' | 'op-ed-byline';
}

/**
 * "Statement by|from|of AUTHOR on …", "STATEMENT BY AUTHOR": the author ends at the first "on", "regarding", … or at
 * the end of the title. A joint statement ("Joint Statement by President Biden and President von der Leyen") is
 * no one's alone and matches nothing.
 */
const STATEMENT_TITLE = /^(?:[Ss]tatement|STATEMENT)\s+(?:by|from|of|BY|FROM|OF)\s+(?:the\s+)?(.+?)(?:\s+(?:on|regarding|about|concerning|following|after|in\s+response\s+to|marking|ON|REGARDING)\s+.*)?[.:]?$/;
/**
 * A press release's opening: "WASHINGTON — Senator Jane Doe (D-Wis.) issued the following statement today:". The
 * author is what stands between the dateline and the verb; the statement is the paragraphs after.
 */
const STATEMENT_OPENING = /^(?:[A-Z][A-Z .,'’-]*(?:\([^)]*\))?\s*[—–-]+\s*)?(.+?)\s+(?:issued|released|made|gave|delivered|sent)\s+(?:the\s+following|this)\s+statement\b[^:]{0,80}:$/;
/** An op-ed is marked as one before its byline ("Opinion", "OPINION |", "Op-Ed", "Commentary", "Guest column"). */
const OPINION_MARK = /^(?:opinion|op-ed|commentary|guest\s+column|guest\s+essay|viewpoint)\b/i;
const BYLINE = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|al|bin))*)(?:,.*)?$/u;
/** Where a press release ends: "###", "-30-", "END". */
const RELEASE_END = /^(?:#{3}|-30-|END)$/;
/** A paragraph that is speech ends like a sentence; a contact line, a date or a list heading does not. */
const SENTENCE_END = /[.!?…"”’)]$/;
/** How many paragraphs after the title an opening line or byline may stand (datelines, dates and labels first). */
const OPENING_PARAGRAPHS = 3;

/**
 * The paragraphs of a statement whose author the text names, each with the author's span: after a title "Statement
 * by Press Secretary Jen Psaki on …" (the paragraph `title`, usually the headline), after an opening "Senator X
 * issued the following statement:", or after the byline of a piece marked as an op-ed ("Opinion" … "By Jane Doe").
 * A news report's byline is no statement, nor is a readout ("Readout of President Biden's Call …"): its third person
 * reports what the President said, it does not quote him. Paragraphs that do not end like a sentence are no speech.
 *
 * `paragraphs` are the body (boilerplate left out), `title` the index of the headline among them, `lines` every
 * paragraph of the text.
 *
 * @example
 * const text = 'Statement by Press Secretary Jen Psaki on Ukraine\n\nWe are ready.';
 * findStatements(text, [{ start: 0, end: 49 }, { start: 51, end: 64 }], 0);
 * // [{ start: 51, end: 64, paragraph: 1, author: { start: 13, end: 39 }, rule: 'statement-title' }]
 */
export function findStatements(text: string, paragraphs: readonly Span[], title: number | null, lines: readonly Span[] = paragraphs): StatementSpan[] {
  const opened = findAuthor(text, paragraphs, title, lines);
  if (opened === null) return [];
  const statement: StatementSpan[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    if (paragraph.start < opened.after) continue;
    const line = text.slice(paragraph.start, paragraph.end);
    if (RELEASE_END.test(line)) break;
    if (!SENTENCE_END.test(line) || !/\p{Ll}/u.test(line)) continue;
    statement.push({ start: paragraph.start, end: paragraph.end, paragraph: index, author: opened.author, rule: opened.rule });
  }
  return statement;
}

/**
 * The author's span and the offset after which the statement begins, or null when no author is named. The opening
 * and the byline are read in `lines`, every paragraph of the text (a byline is boilerplate to the rest of the pipeline).
 */
function findAuthor(text: string, paragraphs: readonly Span[], title: number | null, lines: readonly Span[]): { author: Span; after: number; rule: StatementSpan['rule'] } | null {
  const titleSpan = title === null ? null : paragraphs[title]!;
  const titleLine = titleSpan === null ? '' : text.slice(titleSpan.start, titleSpan.end);
  if (titleSpan !== null) {
    const match = STATEMENT_TITLE.exec(titleLine);
    const author = match ? authorSpan(titleSpan.start, match[0], match[1]!) : null;
    if (author) return { author, after: titleSpan.end, rule: 'statement-title' };
  }
  // "Opinion | …" in the title, or an "Opinion" line before the byline.
  let opinion = OPINION_MARK.test(titleLine);
  const first = titleSpan === null ? 0 : lines.findIndex((line) => line.start >= titleSpan.end);
  if (first < 0) return null;
  for (let index = first; index < Math.min(lines.length, first + OPENING_PARAGRAPHS); index++) {
    const paragraph = lines[index]!;
    const line = text.slice(paragraph.start, paragraph.end);
    const opening = STATEMENT_OPENING.exec(line);
    const openingAuthor = opening ? authorSpan(paragraph.start, opening[0], opening[1]!) : null;
    if (openingAuthor) return { author: openingAuthor, after: paragraph.end, rule: 'statement-opening' };
    opinion ||= OPINION_MARK.test(line);
    const byline = opinion ? BYLINE.exec(line) : null;
    if (byline) return { author: { start: paragraph.start + 3, end: paragraph.start + 3 + byline[1]!.length }, after: paragraph.end, rule: 'op-ed-byline' };
  }
  return null;
}

/**
 * The author's span within the matched line, without an apposition or party tag ("Senator Jane Doe (D-Wis.)",
 * "Jane Doe, the committee's chair,"), or null when it names several ("President Biden and Chancellor Scholz") or
 * is too long to be a name with its title.
 */
function authorSpan(lineStart: number, line: string, author: string): Span | null {
  const cut = author.search(/\s*[,(]/);
  const name = cut >= 0 ? author.slice(0, cut) : author;
  if (/\s(?:and|&)\s/.test(name) || name.split(/\s+/).length > 8 || !/^\p{Lu}/u.test(name)) return null;
  const at = line.indexOf(name);
  return { start: lineStart + at, end: lineStart + at + name.length };
}
