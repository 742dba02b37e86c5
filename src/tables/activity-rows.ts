import { createDiagnostic, quote, type Span } from '../diagnostics/diagnostic.js';
import { readRoleCell } from '../roles/role-cell.js';
import type { Activity, Diagnostic, RoleLetter, Scope } from '../schema/model.js';
import { slugify } from '../util/slug.js';
import type { ActivityLayout } from './columns.js';
import { type CellData, type RowData, rowText, type SourceSpan, type TableData } from './table-data.js';

export interface ActivityTableContext {
  layout: ActivityLayout;
  /** Party id of each entry of `layout.partyColumns`. */
  partyIds: string[];
  /** Scope id of each entry of `layout.scopeColumns`. */
  scopeIds: string[];
  nextActivityId: () => string;
  /** Where each activity goes, in row order. */
  addActivity: (activity: Activity) => void;
  /**
   * Given, bold one-cell rows (`| **Planning** | | |`) open a group of the rows
   * below them instead of being activities; without it they are activities.
   */
  openGroup?: (title: string, line: number) => void;
}

/** What is read from a cell; a row shorter than its header reads as empty cells at its end. */
type ReadCell = Pick<CellData, 'text' | 'links' | 'span'>;

/**
 * An activity table as the parser read it: where its header and rows are in
 * the source, and the activity each row became (rows that became none are
 * diagnostics instead).
 */
export interface ActivityTable {
  header: CellData[];
  headerSpan: SourceSpan;
  layout: ActivityLayout;
  /** Party id of each entry of `layout.partyColumns`. */
  partyIds: string[];
  rows: { activityId: string; row: RowData }[];
}
const APPLIES = /^(?:[✓✔✅☑•●xX]|yes|oui|ja|si|sí|sim|tak)$/iu;

/** Registers the scope columns of a table in the guide's list of scopes, and returns their ids. */
export function assignScopeIds(labels: readonly string[], scopes: Scope[]): string[] {
  return labels.map((label, index) => {
    const id = slugify(label) || `scope-${index + 1}`;
    if (!scopes.some((scope) => scope.id === id)) scopes.push({ id, label });
    return id;
  });
}

/**
 * Turns the body rows of an activity table into activities. A row that
 * cannot be one is quoted in a diagnostic instead, so no row is ever lost.
 */
export function readActivityRows(table: TableData, context: ActivityTableContext): { read: ActivityTable; diagnostics: Diagnostic[] } {
  const read: ActivityTable = {
    header: table.header,
    headerSpan: table.headerSpan,
    layout: context.layout,
    partyIds: context.partyIds,
    rows: [],
  };
  const diagnostics: Diagnostic[] = [];
  const width = table.header.length;
  const { layout, partyIds, scopeIds } = context;

  for (const row of table.rows) {
    const cellAt = (column: number): ReadCell => row.cells[column] ?? { text: '', links: [], span: endOf(row) };
    const group = context.openGroup ? groupTitle(row, width, layout.activityColumn) : undefined;
    if (group !== undefined) {
      context.openGroup!(group, row.span.line);
      continue;
    }
    checkRowWidth(table, row, width, diagnostics);

    const text = cellAt(layout.activityColumn).text;
    const otherCells = row.cells.filter((_, column) => column !== layout.activityColumn && column < width);
    if (text === '') {
      if (otherCells.some((cell) => cell.text !== '')) {
        diagnostics.push(
          createDiagnostic(
            'activity-text-missing',
            `Row ${quote(rowText(row))} has role codes but no activity text; write the ` +
              `activity in the ${quote(table.header[layout.activityColumn]?.text ?? '')} column.`,
            row.span,
          ),
        );
      } else {
        diagnostics.push(createDiagnostic('row-ignored', `Row ${quote(rowText(row))} is empty; it was skipped.`, row.span));
      }
      continue;
    }

    const assignments: Record<string, RoleLetter[]> = {};
    const cells: Record<string, string> = {};
    const notes: Record<string, string> = {};
    /** Cells that cannot be read (unknown letters, merged cells): one error each, with what follows for the row. */
    const unreadable: { code: 'role-cells-merged' | 'role-unknown'; message: string; span: Span }[] = [];
    layout.partyColumns.forEach((column, index) => {
      const partyId = partyIds[index]!;
      const cell = cellAt(column);
      const reading = readRoleCell(cell.text);
      assignments[partyId] = reading.roles;
      cells[partyId] = cell.text;
      if (reading.note !== undefined) notes[partyId] = reading.note;
      const where = `${quote(cell.text)} in column ${quote(table.header[column]?.text ?? partyId)} of ${quote(text)}`;
      if (reading.merged) {
        unreadable.push({
          code: 'role-cells-merged',
          message:
            `${where} looks like ${reading.merged.length} cells merged (a "|" is missing between them): ` +
            `did you mean "| ${reading.merged.join(' | ')} |"? Its letters are not read`,
          span: cell.span,
        });
      } else if (reading.unknown.length > 0) {
        const one = reading.unknown.length === 1;
        unreadable.push({
          code: 'role-unknown',
          message: `${where} has ${one ? 'a letter' : 'letters'} ${reading.unknown.join(', ')} that ${one ? 'is' : 'are'} not R, A, C or I`,
          span: cell.span,
        });
      } else if (reading.letters !== reading.canonical) {
        diagnostics.push(
          createDiagnostic('role-noncanonical', `${where} is read as ${quote(reading.canonical)}; write it that way.`, cell.span),
        );
      }
    });
    const consequence = unreadableConsequence(Object.values(assignments));
    for (const { code, message, span } of unreadable) {
      diagnostics.push(createDiagnostic(code, `${message}${consequence}.`, span));
    }

    const scopes: Record<string, boolean> = {};
    layout.scopeColumns.forEach((column, index) => {
      const cell = cellAt(column);
      scopes[scopeIds[index]!] = cell.text !== '';
      if (cell.text !== '' && !APPLIES.test(cell.text)) {
        diagnostics.push(
          createDiagnostic(
            'scope-value-unknown',
            `${quote(cell.text)} in column ${quote(table.header[column]?.text ?? '')} ` +
              `of ${quote(text)} is not a mark such as "X"; it is read as applicable.`,
            cell.span,
          ),
        );
      }
    });

    const id = context.nextActivityId();
    read.rows.push({ activityId: id, row });
    context.addActivity({
      id,
      text,
      assignments,
      cells,
      scopes,
      links: cellAt(layout.activityColumn).links,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
      line: row.span.line,
    });
  }
  return { read, diagnostics };
}

const WHOLLY_BOLD = /^(?:\*\*|__)(?=\S).*\S(?:\*\*|__)$/su;

/**
 * The title of a group row: one written cell, all of it bold, in the first
 * or the activity column (`| **Planning** | | |`, `| | **Build** | |`).
 */
function groupTitle(row: RowData, width: number, activityColumn: number): string | undefined {
  const written = row.cells.map((cell, column) => ({ cell, column })).filter(({ cell, column }) => column < width && cell.text !== '');
  if (written.length !== 1) return undefined;
  const { cell, column } = written[0]!;
  if (column !== 0 && column !== activityColumn) return undefined;
  return WHOLLY_BOLD.test(cell.raw.trim()) ? cell.text : undefined;
}

/**
 * What an unreadable cell leaves the row without, folded into its message so
 * that one typo is one finding: `; so the row has no accountable party (A)`.
 */
function unreadableConsequence(letters: readonly RoleLetter[][]): string {
  const all = letters.flat();
  if (all.length === 0) return '; so the row has no letter in any party column';
  const missing = [...(all.includes('A') ? [] : ['no accountable party (A)']), ...(all.includes('R') ? [] : ['nobody responsible (R)'])];
  return missing.length === 0 ? '' : `; so the row has ${missing.join(' and ')}`;
}

function checkRowWidth(table: TableData, row: RowData, width: number, diagnostics: Diagnostic[]): void {
  const count = row.cells.length;
  if (count < width) {
    const missing = table.header
      .slice(count)
      .map((cell) => quote(cell.text))
      .join(', ');
    diagnostics.push(
      createDiagnostic(
        'row-missing-cells',
        `Row ${quote(rowText(row))} has ${count} of the header's ${width} cells; ${missing} ` +
          `${width - count === 1 ? 'is' : 'are'} read as empty. Close the row with one "|" per column.`,
        row.span,
      ),
    );
  } else if (count > width) {
    const extra = row.cells.slice(width);
    diagnostics.push(
      createDiagnostic(
        'row-extra-cells',
        `Row has ${count} cells but the header has ${width}; the extra ${extra.length === 1 ? 'cell' : 'cells'} ` +
          `${extra.map((cell) => quote(cell.text)).join(', ')} ${extra.length === 1 ? 'is' : 'are'} ignored.`,
        { ...extra[0]!.span, endLine: extra.at(-1)!.span.endLine, endColumn: extra.at(-1)!.span.endColumn },
      ),
    );
  }
}

function endOf(row: RowData) {
  return { line: row.span.endLine, column: row.span.endColumn, endLine: row.span.endLine, endColumn: row.span.endColumn };
}
