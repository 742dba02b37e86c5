import { splitLines } from '../util/lines.js';

/**
 * micromark matches emphasis (`*`, `_`) and strikethrough (`~`) markers by
 * looking back over every earlier marker of the same paragraph, so its time
 * grows with the square of their number: a paragraph of tens of thousands of
 * unmatched `*` can keep it busy for hours. Real guides have a few dozen per
 * paragraph. This scan counts them cheaply, before parsing.
 */

export interface DenseBlock {
  /** 1-based line where the paragraph (or the table cell) starts. */
  line: number;
  markers: number;
}

const MARKERS = new Set(['*', '_', '~']);

function countMarkers(text: string): number {
  let count = 0;
  for (const character of text) if (MARKERS.has(character)) count++;
  return count;
}

/**
 * The first run of consecutive non-blank lines (a paragraph at most) with
 * more than `limit` markers, or undefined. A line that opens with a pipe is a
 * table row, whose cells remark reads one by one, so each cell counts on its
 * own there. Blocks that interrupt a paragraph (headings, lists) are not told
 * apart, so the count is never below the real one.
 */
export function firstBlockWithMoreMarkersThan(text: string, limit: number): DenseBlock | undefined {
  const lines = splitLines(text);
  let blockStart = 0;
  let blockMarkers = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      blockMarkers = 0;
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      for (const cell of line.split('|')) {
        const markers = countMarkers(cell);
        if (markers > limit) return { line: index + 1, markers };
      }
      blockMarkers = 0;
      continue;
    }
    if (blockMarkers === 0) blockStart = index;
    blockMarkers += countMarkers(line);
    if (blockMarkers > limit) return { line: blockStart + 1, markers: blockMarkers };
  }
  return undefined;
}
