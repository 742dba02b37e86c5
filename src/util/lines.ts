/** Maps string offsets to 1-based line and column, treating CRLF, LF and lone CR as line ends. */
export type Locate = (offset: number) => { line: number; column: number };

export function createLocator(text: string): Locate {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 /* \n */) lineStarts.push(index + 1);
    else if (code === 13 /* \r */) {
      if (text.charCodeAt(index + 1) === 10) index++;
      lineStarts.push(index + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}
