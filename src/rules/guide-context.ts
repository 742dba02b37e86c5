import type { Span } from '../diagnostics/diagnostic.js';
import { type CellSlice, cellPlainText, splitLines, splitTableRow, tableHeaderLine } from '../markdown/gfm-row.js';
import { listActivities } from '../model/list-activities.js';
import { type NormalizedRoleCell, normalizeRoleCell } from '../roles/role-cell.js';
import type { Activity, ResponsibilityModel } from '../schema/model.js';

/** One party cell of an activity row, as read by the parser and as written in the source. */
export interface PartyCell {
  partyId: string;
  /** The column header as written in this row's table (or the guide's label for the party). */
  label: string;
  /** The parser's reading of the cell (markup removed). */
  text: string;
  normalized: NormalizedRoleCell;
  /** Where the cell is in the source; absent when the row has fewer cells than the header. */
  slice?: CellSlice;
}

export interface RowContext {
  activity: Activity;
  sectionNumber: string;
  sectionTitle: string;
  line: number;
  lineText: string;
  /** Party cells in column order. */
  cells: PartyCell[];
  /** The activity cell in the source. */
  activitySlice?: CellSlice;
  /** The header line of the row's table, when it could be found. */
  headerLine?: number;
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

export function buildRuleContext(model: ResponsibilityModel, text: string, canFix = true): RuleContext {
  const lines = splitLines(text);
  const labelOf = new Map(model.parties.map((party) => [party.id, party.label]));
  const headerCache = new Map<number, number | undefined>();
  // A table's header is split and read once, not once per row.
  const headers = new Map<number, { slices: CellSlice[]; labels: string[] }>();
  const headerOf = (line: number) => {
    let header = headers.get(line);
    if (!header) {
      const slices = splitTableRow(lines[line - 1] ?? '');
      header = { slices, labels: slices.map((slice) => cellPlainText(slice.raw)) };
      headers.set(line, header);
    }
    return header;
  };
  const tables = new Map<number, TableContext>();
  const rows: RowContext[] = [];

  for (const activity of listActivities(model)) {
    const lineText = lines[activity.line - 1] ?? '';
    const slices = splitTableRow(lineText);
    const activityColumn = Object.keys(activity.scopes).length;
    const headerLine = findHeaderLine(lines, activity.line, headerCache);
    const header = headerLine === undefined ? { slices: [], labels: [] } : headerOf(headerLine);
    const cells = Object.entries(activity.cells).map(([partyId, cellText], index): PartyCell => {
      const column = activityColumn + 1 + index;
      const slice = slices[column];
      return {
        partyId,
        label: header.labels[column] ?? labelOf.get(partyId) ?? partyId,
        text: cellText,
        normalized: normalizeRoleCell(cellText),
        ...(slice ? { slice } : {}),
      };
    });
    const row: RowContext = {
      activity,
      sectionNumber: activity.sectionNumber,
      sectionTitle: activity.sectionTitle,
      line: activity.line,
      lineText,
      cells,
      ...(slices[activityColumn] ? { activitySlice: slices[activityColumn] } : {}),
      ...(headerLine !== undefined ? { headerLine } : {}),
    };
    rows.push(row);
    if (headerLine === undefined) continue;
    let table = tables.get(headerLine);
    if (!table) {
      table = {
        headerLine,
        partyLabels: header.labels.slice(activityColumn + 1),
        partySlices: header.slices.slice(activityColumn + 1),
        rows: [],
      };
      tables.set(headerLine, table);
    }
    table.rows.push(row);
  }
  return { model, lines, rows, tables: [...tables.values()].sort((a, b) => a.headerLine - b.headerLine), canFix };
}

/** Rows of one table follow each other, so the header found for one row serves the next. */
function findHeaderLine(lines: readonly string[], rowLine: number, cache: Map<number, number | undefined>): number | undefined {
  const previous = rowLine - 1;
  const found = cache.has(previous) ? cache.get(previous) : tableHeaderLine(lines, rowLine);
  cache.set(rowLine, found);
  return found;
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
