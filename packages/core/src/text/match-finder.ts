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

/**
 * A search for the next of a few single characters (`chars`) at or after an offset, returning its offset (the
 * text's length when there is none). One `indexOf` per character, each answer kept for later offsets up to it: where
 * one of the characters is frequent (the full stop), this costs a fraction of a regex search per hit, which
 * allocates a match each time.
 *
 * @example
 * const nextStop = charFinder('A. B!', '.!');
 * nextStop(0); // 1
 * nextStop(2); // 4
 */
export function charFinder(text: string, chars: string): (from: number) => number {
  const singles = [...chars];
  // For each character: its next offset found at or after searchedFrom, so valid for any offset in between.
  const searchedFrom = singles.map(() => Number.POSITIVE_INFINITY);
  const next = singles.map(() => text.length);
  return (from) => {
    let nearest = text.length;
    for (let k = 0; k < singles.length; k++) {
      if (from < searchedFrom[k]! || from > next[k]!) {
        const at = text.indexOf(singles[k]!, from);
        next[k] = at < 0 ? text.length : at;
        searchedFrom[k] = from;
      }
      nearest = Math.min(nearest, next[k]!);
    }
    return nearest;
  };
}
