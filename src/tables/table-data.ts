import type { Span } from '../diagnostics/diagnostic.js';
import type { Link } from '../schema/model.js';

/** A place in the source: 1-based line and column, and 0-based offsets into the text (`endOffset` exclusive). */
export interface SourceSpan extends Span {
  offset: number;
  endOffset: number;
}

/** A cell as the rest of the pipeline needs it, whatever kind of table it came from. */
export interface CellData {
  text: string;
  links: Link[];
  /** Where messages about the cell point: what is written in it, or the whole cell when nothing is. */
  span: Span;
  /** The cell between its pipes (its padding included). */
  cellSpan: SourceSpan;
  /** What is written in the cell, without the padding; empty, at the cell's end, when nothing is. */
  contentSpan: SourceSpan;
  /** The source between the pipes, as written. */
  raw: string;
  /** Letters written in bold on their own (`**R**éalisation`); a legend may mark its code that way. */
  boldLetters: string;
}

export interface RowData {
  cells: CellData[];
  /** A row is one line: from its first pipe or letter to its end. */
  span: SourceSpan;
}

/** A table read from real GFM table syntax, or recovered from a collapsed one. */
export interface TableData {
  header: CellData[];
  headerSpan: SourceSpan;
  rows: RowData[];
  span: Span;
  collapsed: boolean;
}

/** A row as the reader sees it, for quoting in messages: `a | b | c`. */
export function rowText(row: RowData): string {
  return row.cells.map((cell) => cell.text).join(' | ');
}

/** The span of `[start, end)` on the line that starts at `lineStart`. */
export function spanOnLine(line: number, lineStart: number, start: number, end: number): SourceSpan {
  return { line, column: start - lineStart + 1, endLine: line, endColumn: end - lineStart + 1, offset: start, endOffset: end };
}
