import type { Paragraph } from 'mdast';
import { collapseWhitespace, stripHtmlComments } from '../markdown/text.js';
import type { Link } from '../schema/model.js';
import type { CellData, RowData, TableData } from './table-data.js';

const DELIMITER_CELL = /^:?-+:?$/;
// Neither part may contain the bracket that opens the next candidate, so a run of `[](` cannot make it rescan the line from every `[`.
const LINK = /!?\[([^[\]]*)\]\(([^()\s]*)(?:\s+"[^"]*")?\)/g;

export interface RecoveredTable extends TableData {
  /** True when the lines have no delimiter row at all (rather than one that does not match the header). */
  delimiterMissing: boolean;
}

/**
 * remark renders a table whose delimiter row does not match its header, or
 * that has no delimiter row, as a paragraph of pipes. Such a paragraph is
 * recovered here, cell by cell, so the writer gets both an error and the rows
 * the guide meant.
 */
export function recoverCollapsedTable(source: string, paragraph: Paragraph, lineOffset = 0): RecoveredTable | undefined {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const lines = source.slice(start.offset, end.offset).split(/\r\n|\r|\n/);
  let delimiterIndex = lines.findIndex((line, index) => index > 0 && isDelimiterRow(line));
  const delimiterMissing = delimiterIndex === -1;
  if (delimiterMissing) {
    // Without a delimiter row, only lines that all open with a pipe are taken for a table: prose never does.
    if (lines.length < 2 || !lines.every((line) => line.trimStart().startsWith('|'))) return undefined;
    delimiterIndex = 0;
  }
  const pipeLines = lines.filter((line) => line.trimStart().startsWith('|') || line.trimEnd().endsWith('|'));
  if (pipeLines.length < 2) return undefined;

  const rowAt = (index: number): RowData => {
    const lineNumber = start.line + index + lineOffset;
    const firstColumn = index === 0 ? start.column : 1;
    return splitRow(lines[index]!, lineNumber, firstColumn);
  };
  const headerIndex = delimiterMissing ? 0 : delimiterIndex - 1;
  const rows: RowData[] = [];
  for (let index = delimiterIndex + 1; index < lines.length; index++) {
    if (isDelimiterRow(lines[index]!)) continue;
    if (lines[index]!.trim() === '') continue;
    rows.push(rowAt(index));
  }
  const header = rowAt(headerIndex);
  return {
    header: header.cells,
    rows,
    span: { line: header.span.line, column: header.span.column, endLine: end.line + lineOffset, endColumn: end.column },
    collapsed: true,
    delimiterMissing,
  };
}

/**
 * `| --- | :-: |`, `---|---`: cells of dashes with optional colons, pipes
 * between them and optionally around them. Checked cell by cell rather than
 * with one regular expression: the equivalent pattern, with `\s*` on both
 * sides of optional pipes, backtracks cubically on long runs of tabs.
 */
export function isDelimiterRow(line: string): boolean {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  return text.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}

function splitRow(line: string, lineNumber: number, firstColumn: number): RowData {
  const cells: CellData[] = [];
  const boundaries: number[] = [];
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') boundaries.push(index);
  }
  const trimmedStart = line.length - line.trimStart().length;
  const opensWithPipe = boundaries[0] === trimmedStart;
  const closesWithPipe = boundaries.at(-1) === line.trimEnd().length - 1 && boundaries.length > (opensWithPipe ? 1 : 0);
  const edges = [opensWithPipe ? boundaries[0]! : trimmedStart - 1, ...boundaries.slice(opensWithPipe ? 1 : 0)];
  if (!closesWithPipe) edges.push(line.trimEnd().length);
  for (let index = 0; index + 1 < edges.length; index++) {
    const from = edges[index]! + 1;
    const to = edges[index + 1]!;
    const raw = line.slice(from, to);
    const { text, links } = inlineText(raw);
    // Point at what is written, not at the padding: the same place a real table's cell reports.
    const contentFrom = text === '' ? from : from + (raw.length - raw.trimStart().length);
    const contentTo = text === '' ? to : from + raw.trimEnd().length;
    cells.push({
      text,
      links,
      boldLetters: '',
      span: { line: lineNumber, column: firstColumn + contentFrom, endLine: lineNumber, endColumn: firstColumn + contentTo },
    });
  }
  return {
    cells,
    span: { line: lineNumber, column: firstColumn + trimmedStart, endLine: lineNumber, endColumn: firstColumn + line.trimEnd().length },
  };
}

/** Enough of inline markdown for a recovered cell: links, emphasis markers, escapes. */
function inlineText(raw: string): { text: string; links: Link[] } {
  const links: Link[] = [];
  const withoutLinks = raw.replace(LINK, (_match, text: string, url: string) => {
    links.push({ text: collapseWhitespace(text), url });
    return text;
  });
  const text = stripHtmlComments(withoutLinks)
    .replace(/\{\s*[.#][\w-]+(?:\s+[.#][\w-]+)*\s*\}/g, '')
    .replace(/(\*\*|__)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return { text: collapseWhitespace(text), links };
}
