import { normalizeRoleCell, splitRoleNote } from '../roles/role-cell.js';
import type { TableData } from './table-data.js';

/**
 * What a table's columns are, found from the cells rather than from header
 * words, so that a German or Polish guide, or a third party column, needs no
 * code change: scopes (applicability marks) | the activity text | parties.
 */
export interface ActivityLayout {
  scopeColumns: number[];
  activityColumn: number;
  partyColumns: number[];
}

type CellKind = 'empty' | 'code' | 'number' | 'text';

/** A mark or a role code: a few letters, possibly separated (`RA`, `R/A`, `x`, `MP`, `✓`). */
const CODE_LIKE = /^[\p{L}\s,;/+&*_.·-]{1,12}$/u;
const MARKS = /^[✓✔✅☑•●xX]$/u;
/** A row number: `1`, `12.`, `3)`. */
const ROW_NUMBER = /^\d{1,4}[.)]?$/u;

/** A cell is empty, a code (a note in brackets after it aside), a row number, or text. */
export function cellKind(text: string): CellKind {
  const trimmed = splitRoleNote(text).letters;
  if (trimmed === '') return 'empty';
  if (ROW_NUMBER.test(trimmed)) return 'number';
  if (MARKS.test(trimmed)) return 'code';
  if (CODE_LIKE.test(trimmed)) {
    const letters = trimmed.replace(/[^\p{L}]/gu, '');
    // Upper-case codes (`RA`, `MP`), or RACI letters in any case (`ra`); a short word (`Run`) is text.
    if (letters.length > 0 && letters.length <= 6 && (letters === letters.toUpperCase() || /^[racis]+$/i.test(letters))) return 'code';
  }
  return 'text';
}

function isTextColumn(table: TableData, column: number): boolean {
  let text = 0;
  let code = 0;
  for (const row of table.rows) {
    const kind = cellKind(row.cells[column]?.text ?? '');
    if (kind === 'text') text++;
    else if (kind === 'code') code++;
  }
  return text > 0 && text >= code;
}

export function headerSignature(table: TableData): string {
  return table.header.map((cell) => cell.text.toLowerCase()).join('\u0000');
}

/** A column of row numbers (`#`): every written cell is a number. */
function isNumberColumn(table: TableData, column: number): boolean {
  const kinds = table.rows.map((row) => cellKind(row.cells[column]?.text ?? ''));
  return kinds.includes('number') && kinds.every((kind) => kind === 'number' || kind === 'empty');
}

/** A column of RACI letters only (`RA`, `I`, `-`), at least one: a party even before the activity column. */
function isRoleColumn(table: TableData, column: number): boolean {
  let lettered = false;
  for (const row of table.rows) {
    const { roles, unknown } = normalizeRoleCell(row.cells[column]?.text ?? '');
    if (unknown.length > 0) return false;
    if (roles.length > 0) lettered = true;
  }
  return lettered;
}

/**
 * The activity column is the first column whose cells are mostly text;
 * columns after it are parties (unless they are all text too: then nothing
 * in the table is a role). Columns before it are parties when they hold RACI
 * letters only (the provider first), row numbers when they hold numbers only
 * (a `#` column, not read), and applicability scopes otherwise. A table with
 * no body to judge by borrows the layout of an earlier table with the same
 * header, or else takes its first column as the activity.
 */
export function detectLayout(table: TableData, knownLayouts: ReadonlyMap<string, ActivityLayout>): ActivityLayout | undefined {
  const width = table.header.length;
  let activityColumn = -1;
  for (let column = 0; column < width; column++) {
    if (isTextColumn(table, column)) {
      activityColumn = column;
      break;
    }
  }
  if (activityColumn === -1) {
    const known = knownLayouts.get(headerSignature(table));
    if (known) return known;
    activityColumn = 0;
  }
  if (activityColumn >= width - 1) return undefined;
  // Text after the activity column is notes or links, not roles: such a table has no party to read.
  const after = range(activityColumn + 1, width);
  if (table.rows.length > 0 && after.every((column) => isTextColumn(table, column))) return undefined;
  const before = range(0, activityColumn).filter((column) => !isNumberColumn(table, column));
  const partiesBefore = before.filter((column) => isRoleColumn(table, column));
  return {
    scopeColumns: before.filter((column) => !partiesBefore.includes(column)),
    activityColumn,
    partyColumns: [...partiesBefore, ...after],
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}
