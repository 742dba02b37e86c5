/**
 * Lines as the markdown parser sees them: CRLF, LF and a lone CR all end a
 * line. Every module that turns text into lines, or an offset into a line and
 * column, goes through here, so they all agree on where a line ends.
 */

const LINE_ENDING = /\r\n|\r|\n/;

export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The text without a leading byte order mark (the parser skips it without counting it). */
export function stripBom(text: string): string {
  return startsWithBom(text) ? text.slice(1) : text;
}

/** Each line without its line ending; a text ending with a line ending has an empty last line. */
export function splitLines(text: string): string[] {
  return text.split(LINE_ENDING);
}

/** Offset of the first character of each line (the first is 0), one entry per line of `splitLines`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 /* \n */) starts.push(index + 1);
    else if (code === 13 /* \r */) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** Maps string offsets to 1-based line and column. */
export type Locate = (offset: number) => { line: number; column: number };

export function createLocator(text: string): Locate {
  const starts = lineStarts(text);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
