import type { Table, TableCell } from 'mdast';
import { type Span, spanOf } from '../diagnostics/diagnostic.js';
import { linksIn, plainText } from '../markdown/text.js';
import type { Link } from '../schema/model.js';

/** A cell as the rest of the pipeline needs it, whatever kind of table it came from. */
export interface CellData {
  text: string;
  links: Link[];
  span: Span;
  /** Letters written in bold on their own (`**R**éalisation`); a legend may mark its code that way. */
  boldLetters: string;
}

export interface RowData {
  cells: CellData[];
  span: Span;
}

/** A table read from real GFM table syntax, or recovered from a collapsed one. */
export interface TableData {
  header: CellData[];
  rows: RowData[];
  span: Span;
  collapsed: boolean;
}

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
function contentSpan(cell: TableCell, lineOffset: number): Span {
  const first = cell.children[0]?.position;
  const last = cell.children.at(-1)?.position;
  if (!first || !last) return spanOf(cell.position, lineOffset);
  return spanOf({ start: first.start, end: last.end }, lineOffset);
}

function cellData(cell: TableCell, lineOffset: number): CellData {
  return { text: plainText(cell), links: linksIn(cell), span: contentSpan(cell, lineOffset), boldLetters: boldLettersIn(cell) };
}

export function tableDataFromMdast(table: Table, lineOffset = 0): TableData {
  const [headerRow, ...bodyRows] = table.children;
  return {
    header: headerRow ? headerRow.children.map((cell) => cellData(cell, lineOffset)) : [],
    rows: bodyRows.map((row) => ({
      cells: row.children.map((cell) => cellData(cell, lineOffset)),
      span: spanOf(row.position, lineOffset),
    })),
    span: spanOf(table.position, lineOffset),
    collapsed: false,
  };
}

/** A row as the reader sees it, for quoting in messages: `a | b | c`. */
export function rowText(row: RowData): string {
  return row.cells.map((cell) => cell.text).join(' | ');
}
