/**
 * micromark and the mdast utilities recurse once per level of block quote or
 * list item, and their cost grows with the square of the depth: 2,000 nested
 * list items take minutes and 4,000 overflow the stack. Real guides nest two
 * or three levels. This scan bounds the depth cheaply, before parsing.
 */

export interface DeepLine {
  /** 1-based line number. */
  line: number;
  /** The estimated nesting depth of that line. */
  depth: number;
}

/**
 * The first line whose container prefix nests deeper than `limit`, or
 * undefined. A line's depth is estimated from its prefix: one level per
 * `>` and per list marker (`-`, `+`, `*`, `1.`, `1)` followed by a space or
 * the end of the line), plus one per two columns of indentation (a nested list
 * item is indented by at least two). The estimate is never below the real
 * depth, so the limit cannot be slipped past; it may be above it by half for
 * lines like `- - - x`.
 */
export function firstLineNestedDeeperThan(text: string, limit: number): DeepLine | undefined {
  let line = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    let markers = 0;
    let columns = 0;
    // The prefix: whitespace, `>` and list markers, in any order.
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 32 /* space */) {
        columns++;
        index++;
      } else if (code === 9 /* tab */) {
        columns += 4 - (columns % 4);
        index++;
      } else if (code === 62 /* > */) {
        markers++;
        index++;
      } else if ((code === 45 || code === 43 || code === 42) /* - + * */ && isMarkerEnd(text.charCodeAt(index + 1))) {
        markers++;
        index++;
      } else if (code >= 48 && code <= 57 /* digit */) {
        let end = index;
        while (end < length && end - index < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        const delimiter = text.charCodeAt(end);
        if ((delimiter === 46 || delimiter === 41) /* . ) */ && isMarkerEnd(text.charCodeAt(end + 1))) {
          markers++;
          index = end + 1;
        } else break;
      } else break;
    }
    const depth = markers + Math.floor(columns / 2);
    if (depth > limit) return { line, depth };
    // The rest of the line.
    while (index < length) {
      const code = text.charCodeAt(index++);
      if (code === 10) break;
      if (code === 13) {
        if (text.charCodeAt(index) === 10) index++;
        break;
      }
    }
    line++;
  }
  return undefined;
}

function isMarkerEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || Number.isNaN(code);
}
