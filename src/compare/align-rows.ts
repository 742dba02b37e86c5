/**
 * Pairs the rows of one section in two translations. Rows are compared by
 * position; when one side has more rows, the rows it has in excess are put
 * where they cost least, so one missing row in the middle of a table is
 * reported as one missing row, not as a cascade of letter mismatches below it.
 * Among equally cheap placements the excess rows go last (plain position order).
 */

export type RowPair = [reference: number | null, translation: number | null];

/** Above this many cells the alignment is by position only, to bound time on hostile input. */
const MAX_ALIGNMENT_CELLS = 1_000_000;

export function alignRows(
  referenceCount: number,
  translationCount: number,
  cost: (reference: number, translation: number) => number,
): RowPair[] {
  if (referenceCount === translationCount || referenceCount * translationCount > MAX_ALIGNMENT_CELLS) {
    return byPosition(referenceCount, translationCount);
  }
  const referenceLonger = referenceCount > translationCount;
  const long = referenceLonger ? referenceCount : translationCount;
  const short = referenceLonger ? translationCount : referenceCount;
  const pairCost = referenceLonger ? cost : (i: number, j: number) => cost(j, i);
  const skips = long - short;
  // best[i][j]: least cost of the first i long rows against the first j short rows, skipping i - j long rows (at most `skips`).
  const best: number[][] = Array.from({ length: long + 1 }, () => new Array<number>(short + 1).fill(Infinity));
  best[0]![0] = 0;
  for (let i = 1; i <= long; i++) {
    for (let j = Math.max(0, i - skips); j <= Math.min(i, short); j++) {
      const skip = i - 1 >= j ? best[i - 1]![j]! : Infinity;
      const pair = j > 0 ? best[i - 1]![j - 1]! + pairCost(i - 1, j - 1) : Infinity;
      best[i]![j] = Math.min(skip, pair);
    }
  }
  const pairs: RowPair[] = [];
  let i = long;
  let j = short;
  while (i > 0) {
    const skip = i - 1 >= j && i - j <= skips ? best[i - 1]![j]! : Infinity;
    // Walking back from the end, a tie goes to the skip: the excess rows end up as late as they can.
    if (skip <= best[i]![j]! + 1e-9 && skip !== Infinity) {
      pairs.push(referenceLonger ? [i - 1, null] : [null, i - 1]);
      i -= 1;
    } else {
      pairs.push(referenceLonger ? [i - 1, j - 1] : [j - 1, i - 1]);
      i -= 1;
      j -= 1;
    }
  }
  return pairs.reverse();
}

function byPosition(referenceCount: number, translationCount: number): RowPair[] {
  const pairs: RowPair[] = [];
  for (let index = 0; index < Math.max(referenceCount, translationCount); index++) {
    pairs.push([index < referenceCount ? index : null, index < translationCount ? index : null]);
  }
  return pairs;
}
