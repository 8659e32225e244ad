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
 * text's length when there is none). One `indexOf` per character, each answer kept until the search passes it: where
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
  const next = singles.map(() => -1);
  return (from) => {
    let nearest = text.length;
    for (let k = 0; k < singles.length; k++) {
      let at = next[k]!;
      if (at < from) {
        at = text.indexOf(singles[k]!, from);
        next[k] = at = at < 0 ? text.length : at;
      }
      if (at < nearest) nearest = at;
    }
    return nearest;
  };
}
