/** A heading that carries a section number: `3.1.1. Daily operations`, `2 Service`, `3.1.1.Title`. */
export interface NumberedHeading {
  /** Dotted number without the final dot, as written: "3.1.1". */
  number: string;
  title: string;
}

const NUMBERED = /^(\d+(?:\.\d+)*)(?:\.\s*|\s+|$)(.*)$/s;

export function parseHeadingNumber(text: string): NumberedHeading | undefined {
  const match = NUMBERED.exec(text);
  if (!match) return undefined;
  return { number: match[1]!, title: match[2]!.trim() };
}

/** "3.1.1" → "3.1"; a phase has no parent. */
export function parentNumber(number: string): string | undefined {
  const cut = number.lastIndexOf('.');
  return cut === -1 ? undefined : number.slice(0, cut);
}

export function numberDepth(number: string): number {
  let depth = 1;
  for (const char of number) if (char === '.') depth++;
  return depth;
}

/** Section numbers in reading order: `3.2` before `3.10`, a parent before its children. */
export function compareSectionNumbers(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index];
    const y = right[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const difference = Number(x) - Number(y);
    if (Number.isFinite(difference) && difference !== 0) return difference;
    if (!Number.isFinite(difference) && x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
