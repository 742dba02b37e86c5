import type { Span } from '../diagnostics/diagnostic.js';
import { type CellSlice, cellPlainText } from '../markdown/gfm-row.js';
import { listActivities } from '../model/list-activities.js';
import { type RoleCellReading, readRoleCell } from '../roles/role-cell.js';
import type { ActivityRow, ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import type { CellData } from '../tables/table-data.js';
import { splitLines } from '../util/lines.js';

/** One party cell of an activity row, as read by the parser and as written in the source. */
export interface PartyCell {
  partyId: string;
  /** The column header as written in this row's table (or the guide's label for the party). */
  label: string;
  /** The cell's text as the parser read it (markup removed). */
  text: string;
  /** Its letters as the parser read them: none for merged cells (`I RA`). */
  normalized: RoleCellReading;
  /** Where the cell is in the source; absent when the row has fewer cells than the header. */
  slice?: CellSlice;
}

export interface RowContext {
  /** The activity, with the numbers and titles of its section path. */
  activity: ActivityRow;
  sectionNumber: string;
  sectionTitle: string;
  line: number;
  lineText: string;
  /** Party cells in column order. */
  cells: PartyCell[];
  /** The activity cell in the source. */
  activitySlice?: CellSlice;
  /** The header line of the row's table. */
  headerLine?: number;
  /** The row has as many cells as its table's header: a row with one more or one less may have lost a pipe. */
  widthMatchesHeader: boolean;
}

export interface TableContext {
  headerLine: number;
  /** Party headers as a reader sees them. */
  partyLabels: string[];
  /** Where the party headers are on the header line. */
  partySlices: CellSlice[];
  rows: RowContext[];
}

/** Everything a rule may look at: the model, the source lines, and rows and tables with positions. */
export interface RuleContext {
  model: ResponsibilityModel;
  lines: readonly string[];
  rows: RowContext[];
  tables: TableContext[];
  /** False when the source cannot be rewritten byte for byte (not valid UTF-8): no fix is offered. */
  canFix: boolean;
}

/**
 * The rule context of a guide, from the parser's reading of its activity
 * tables: every row and cell where the parser found it, so findings, fixes
 * and suppressions point at the same places as the parser's diagnostics.
 */
export function buildRuleContext(
  model: ResponsibilityModel,
  text: string,
  activityTables: readonly ActivityTable[],
  canFix = true,
): RuleContext {
  const lines = splitLines(text);
  const labelOf = new Map(model.parties.map((party) => [party.id, party.label]));
  const readRows = new Map(
    activityTables.flatMap((table) => {
      const header = readHeader(table);
      return table.rows.map(({ activityId, row }) => [activityId, { table, header, row }] as const);
    }),
  );
  const tables = new Map<ActivityTable, TableContext>();
  const rows: RowContext[] = [];

  for (const activity of listActivities(model)) {
    const read = readRows.get(activity.id);
    const line = read?.row.span.line ?? activity.line;
    const cells = Object.entries(activity.cells).map(([partyId, cellText], index): PartyCell => {
      const column = read?.table.layout.partyColumns[index];
      const cell = column === undefined ? undefined : read?.row.cells[column];
      return {
        partyId,
        label: (column === undefined ? undefined : read?.header.labels[column]) ?? labelOf.get(partyId) ?? partyId,
        text: cellText,
        normalized: readRoleCell(cellText),
        ...(cell ? { slice: sliceOf(cell) } : {}),
      };
    });
    const activityCell = read?.row.cells[read.table.layout.activityColumn];
    const row: RowContext = {
      activity,
      sectionNumber: activity.sectionNumber,
      sectionTitle: activity.sectionTitle,
      line,
      lineText: lines[line - 1] ?? '',
      cells,
      ...(activityCell ? { activitySlice: sliceOf(activityCell) } : {}),
      ...(read ? { headerLine: read.table.headerSpan.line } : {}),
      widthMatchesHeader: read !== undefined && read.row.cells.length === read.table.header.length,
    };
    rows.push(row);
    if (!read) continue;
    let table = tables.get(read.table);
    if (!table) {
      const partyColumns = read.table.layout.partyColumns;
      table = {
        headerLine: read.table.headerSpan.line,
        partyLabels: partyColumns.map((column) => read.header.labels[column] ?? ''),
        partySlices: partyColumns.flatMap((column) => read.header.slices[column] ?? []),
        rows: [],
      };
      tables.set(read.table, table);
    }
    table.rows.push(row);
  }
  return { model, lines, rows, tables: [...tables.values()].sort((a, b) => a.headerLine - b.headerLine), canFix };
}

/** A table's header once for all its rows: where each cell is, and its text as a reader sees it. */
function readHeader(table: ActivityTable): { slices: CellSlice[]; labels: string[] } {
  const slices = table.header.map(sliceOf);
  return { slices, labels: slices.map((slice) => cellPlainText(slice.raw)) };
}

/** A cell of the parser's reading, as offsets within its line. */
function sliceOf(cell: CellData): CellSlice {
  return {
    start: cell.cellSpan.column - 1,
    end: cell.cellSpan.endColumn - 1,
    contentStart: cell.contentSpan.column - 1,
    contentEnd: cell.contentSpan.endColumn - 1,
    raw: cell.raw,
  };
}

/** The span of a cell's content, or of the whole cell when it is empty. */
export function cellSpan(line: number, slice: CellSlice): Span {
  const empty = slice.contentStart === slice.contentEnd;
  const start = empty ? slice.start : slice.contentStart;
  const end = empty ? slice.end : slice.contentEnd;
  return { line, column: start + 1, endLine: line, endColumn: Math.max(end, start + 1) + 1 };
}

/**
 * The span covering the given party cells of a row (from the first to the
 * last that is written), or the end of the line when the row has none of them.
 */
export function cellsSpan(row: RowContext, cells: readonly PartyCell[]): Span {
  const slices = cells.map((cell) => cell.slice).filter((slice): slice is CellSlice => slice !== undefined);
  const written = slices.filter((slice) => slice.contentEnd > slice.contentStart);
  const chosen = written.length > 0 ? written : slices;
  if (chosen.length === 0) {
    const end = row.lineText.trimEnd().length + 1;
    return { line: row.line, column: end, endLine: row.line, endColumn: end + 1 };
  }
  const first = chosen[0]!;
  const last = chosen.at(-1)!;
  const start = written.length > 0 ? first.contentStart : first.start;
  const end = written.length > 0 ? last.contentEnd : last.end;
  return { line: row.line, column: start + 1, endLine: row.line, endColumn: Math.max(end, start + 1) + 1 };
}

/** `Customer “RA”, OVHcloud (empty)`: how rule messages name the parties and their letters. */
export function describeCells(cells: readonly PartyCell[]): string {
  return cells.map((cell) => `${cell.label} ${cell.text === '' ? '(empty)' : `“${cell.text}”`}`).join(', ');
}
