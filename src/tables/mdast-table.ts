import type { Table, TableCell, TableRow } from 'mdast';
import { type Span, spanOf } from '../diagnostics/diagnostic.js';
import { isUnescapedPipe } from '../markdown/gfm-row.js';
import { linksIn, plainText } from '../markdown/text.js';
import { type CellData, type RowData, type SourceSpan, spanOnLine, type TableData } from './table-data.js';

function boldLettersIn(cell: TableCell): string {
  let letters = '';
  for (const child of cell.children) {
    if (child.type === 'strong') {
      const text = plainText(child);
      if (/^\p{L}$/u.test(text)) letters += text;
    }
  }
  return letters;
}

/** The span of what is written in the cell, so a message points at `MP`, not at the pipe before it. */
function messageSpan(cell: TableCell): Span {
  const first = cell.children[0]?.position;
  const last = cell.children.at(-1)?.position;
  if (!first || !last) return spanOf(cell.position);
  return spanOf({ start: first.start, end: last.end });
}

/**
 * The cell between its pipes. The parser's cell runs from its leading pipe
 * (if any) to the next cell; the last one takes the closing pipe and the
 * trailing whitespace too.
 */
function cellData(source: string, row: SourceSpan, cell: TableCell, last: boolean): CellData {
  const lineStart = row.offset - row.column + 1;
  const from = cell.position!.start.offset!;
  const start = source[from] === '|' ? from + 1 : from;
  let end = cell.position!.end.offset!;
  if (last) {
    while (end > start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
    if (end > start && isUnescapedPipe(source, start, end - 1)) end--;
  }
  const first = cell.children[0]?.position?.start.offset;
  const contentEnd = cell.children.at(-1)?.position?.end.offset;
  const written = first !== undefined && contentEnd !== undefined;
  return {
    text: plainText(cell),
    links: linksIn(cell),
    span: messageSpan(cell),
    cellSpan: spanOnLine(row.line, lineStart, start, end),
    contentSpan: written ? spanOnLine(row.line, lineStart, first, contentEnd) : spanOnLine(row.line, lineStart, end, end),
    raw: source.slice(start, end),
    boldLetters: boldLettersIn(cell),
  };
}

function sourceSpanOf(node: TableRow | Table): SourceSpan {
  return { ...spanOf(node.position), offset: node.position!.start.offset!, endOffset: node.position!.end.offset! };
}

function rowData(source: string, row: TableRow): RowData {
  const span = sourceSpanOf(row);
  return { cells: row.children.map((cell, index) => cellData(source, span, cell, index === row.children.length - 1)), span };
}

/** A real GFM table, every row and cell where the markdown parser found it. */
export function tableDataFromMdast(source: string, table: Table): TableData & { collapsed: false } {
  const [headerRow, ...bodyRows] = table.children;
  const header = headerRow ? rowData(source, headerRow) : { cells: [], span: sourceSpanOf(table) };
  return {
    header: header.cells,
    headerSpan: header.span,
    rows: bodyRows.map((row) => rowData(source, row)),
    span: spanOf(table.position),
    collapsed: false,
  };
}
