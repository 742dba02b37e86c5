import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../diagnostics/diagnostic.js';

/**
 * Our spans (1-based lines and columns, the end column exclusive, counted in
 * UTF-16 code units like a JavaScript string) as LSP ranges (0-based, the same
 * units). `bom`: the document starts with a byte order mark, which the parser
 * does not count but the editor does.
 */
export function rangeOf(span: Span, bom = false): Range {
  return { start: positionOf(span.line, span.column, bom), end: positionOf(span.endLine, span.endColumn, bom) };
}

function positionOf(line: number, column: number, bom: boolean): Position {
  return { line: line - 1, character: column - 1 + (bom && line === 1 ? 1 : 0) };
}

/** The span of `[start, end)` (0-based offsets) on a 1-based line. */
export function spanOnLine(line: number, start: number, end: number): Span {
  return { line, column: start + 1, endLine: line, endColumn: end + 1 };
}

/** The ranges overlap, or touch where one of them is empty (a cursor). */
export function rangesMeet(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
