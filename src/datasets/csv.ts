import { stringify } from 'csv-stringify/sync';
import type { CellValue, Column } from './columns.js';

export interface CsvOptions {
  escapeFormulas: boolean;
}

/** The text of one cell in CSV: empty for null, `true`/`false`, lists joined with their delimiter. */
function csvText(value: CellValue, column: Pick<Column<unknown>, 'delimiter'>): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.join(column.delimiter ?? ';');
}

/**
 * RFC 4180 CSV in UTF-8 with LF records and a final newline (no BOM: the
 * encoding is stated in datapackage.json). Formula escaping is csv-stringify's
 * `escape_formulas` (a `'` before `=`, `+`, `-`, `@`, tab, CR and their
 * full-width forms); on top of it a cell that already starts with `'` gets a
 * second one, so escaping stays reversible: drop one leading `'` from any cell
 * that has one (see unescapeCsvCell), which is also what spreadsheets show.
 * `values` holds one array per row, one value per column (see cellValues),
 * shared with the JSONL of the same rows.
 */
export function toCsv<Row>(columns: readonly Column<Row>[], values: readonly (readonly CellValue[])[], options: CsvOptions): string {
  const records = [
    columns.map((column) => column.name),
    ...values.map((row) => row.map((value, index) => csvText(value, columns[index]!))),
  ];
  return stringify(records, {
    record_delimiter: 'unix',
    eof: true,
    escape_formulas: options.escapeFormulas,
    // A lone CR inside a cell is a line break to many readers: quote it like LF.
    quoted_match: /\r/,
    cast: { string: (value) => (options.escapeFormulas && value.startsWith("'") ? `'${value}` : value) },
  });
}

/** The original text of a cell written with formula escaping. */
export function unescapeCsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
