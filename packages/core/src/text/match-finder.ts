/**
 * A search for the next match of a global `pattern` at or after an offset, returning its offset (the text's length
 * when there is none). It remembers its last answer, so offsets asked for in increasing order (paragraph after
 * paragraph) scan the text once, even where a paragraph holds no match and a search runs on into later paragraphs.
 *
 * @example
 * const nextStop = matchFinder('A. B', /\./g);
 * nextStop(0); // 1
 * nextStop(2); // 4
 */
export function matchFinder(text: string, pattern: RegExp): (from: number) => number {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = text.length;
  return (from) => {
    // No match in [searchedFrom, found): any offset in between has the same answer.
    if (from >= searchedFrom && from <= found) return found;
    pattern.lastIndex = from;
    found = pattern.exec(text)?.index ?? text.length;
    searchedFrom = from;
    return found;
  };
}
