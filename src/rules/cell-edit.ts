import type { CellSlice } from '../markdown/gfm-row.js';
import type { TextEdit } from '../schema/finding.js';

/** Emphasis around the whole cell (`**IR**`) is kept when its letters are rewritten. */
const WRAPPED = /^(\*\*|__|\*|_)(.+)\1$/s;
/** What may be rewritten: RACI letters, separators and spaces, nothing else (no link, escape or markup). */
const REWRITABLE = /^[RACIraci\s,;/+&.·\-–—]+$/u;

/**
 * The edit that writes `letters` in one party cell of a table row, keeping
 * everything around them: the padding, the pipes, emphasis around the whole
 * cell. An empty cell gets the letters between one space on each side (an
 * empty `letters` leaves it as it is). Undefined when the cell holds anything
 * but letters and separators (a link, an escape, a word), which only a writer
 * may rewrite. The one way `raci check --fix` and `raci drift --fix` edit a cell.
 */
export function letterCellEdit(line: number, lineText: string, slice: CellSlice, letters: string): TextEdit | undefined {
  const content = lineText.slice(slice.contentStart, slice.contentEnd);
  if (content === '') {
    if (letters === '') return undefined;
    return { line, column: slice.start + 1, endColumn: slice.end + 1, text: ` ${letters} ` };
  }
  const wrapped = WRAPPED.exec(content);
  const marker = wrapped?.[1] ?? '';
  const inner = wrapped ? wrapped[2]! : content;
  if (!REWRITABLE.test(inner)) return undefined;
  // Emphasis around nothing would be read as text: an emptied cell loses its markers too.
  const text = letters === '' ? '' : `${marker}${letters}${marker}`;
  return { line, column: slice.contentStart + 1, endColumn: slice.contentEnd + 1, text };
}

/**
 * The edit that closes a row written without its party cells (`| Activity`
 * and nothing after it) with one cell per letter group: ` | RA |  |`.
 * Inserted after the last character that is not a space.
 */
export function appendCellsEdit(line: number, lineText: string, cells: readonly string[]): TextEdit {
  const end = lineText.trimEnd().length;
  const open = lineText.slice(0, end).endsWith('|') ? '' : ' |';
  const text = open + cells.map((letters) => ` ${letters} |`).join('');
  return { line, column: end + 1, endColumn: end + 1, text };
}
