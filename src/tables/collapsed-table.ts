import type { Paragraph } from 'mdast';
import { type CellSlice, type Container, containerPrefixLength, isDelimiterRow, splitTableRow } from '../markdown/gfm-row.js';
import { collapseWhitespace, stripAttributeLists, stripHtmlComments } from '../markdown/text.js';
import type { Link } from '../schema/model.js';
import { lineStarts, splitLines } from '../util/lines.js';
import { type CellData, type RowData, spanOnLine, type TableData } from './table-data.js';

// Neither part may contain the bracket that opens the next candidate, so a run of `[](` cannot make it rescan the line from every `[`.
const LINK = /!?\[([^[\]]*)\]\(([^()\s]*)(?:\s+"[^"]*")?\)/g;

export interface RecoveredTable extends TableData {
  collapsed: true;
  /** True when the lines have no delimiter row at all (rather than one that does not match the header). */
  delimiterMissing: boolean;
}

/** One line of the paragraph: where it is, and where its content starts after the container prefix. */
interface ParagraphLine {
  text: string;
  number: number;
  /** Offset of the line's first character in the source. */
  start: number;
  /** Index in `text` where the content starts. */
  from: number;
}

/**
 * The lines of a paragraph, whole, each with where its content starts: the
 * first where the parser says the paragraph starts, the others after the
 * prefixes of the block quotes, list items and footnote definitions around it.
 */
function paragraphLines(source: string, paragraph: Paragraph, containers: readonly Container[]): ParagraphLine[] | undefined {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const firstLineStart = start.offset - (start.column - 1);
  const region = source.slice(firstLineStart, end.offset);
  const starts = lineStarts(region);
  return splitLines(region).map((text, index) => ({
    text,
    number: start.line + index,
    start: firstLineStart + starts[index]!,
    from: index === 0 ? start.column - 1 : containerPrefixLength(text, containers),
  }));
}

const opensWithPipe = (line: ParagraphLine) => line.text[line.from] === '|';
const closesWithPipe = (line: ParagraphLine) => line.text.trimEnd().endsWith('|');

/**
 * remark renders a table whose delimiter row does not match its header, or
 * that has no delimiter row, as a paragraph of pipes. Such a paragraph is
 * recovered here, cell by cell, so the writer gets both an error and the rows
 * the guide meant. `containers` are the blocks the paragraph is in.
 */
export function recoverCollapsedTable(source: string, paragraph: Paragraph, containers: readonly Container[]): RecoveredTable | undefined {
  const lines = paragraphLines(source, paragraph, containers);
  if (!lines) return undefined;
  const isDelimiter = (line: ParagraphLine) => isDelimiterRow(line.text, line.from);
  let delimiterIndex = lines.findIndex((line, index) => index > 0 && isDelimiter(line));
  const delimiterMissing = delimiterIndex === -1;
  if (delimiterMissing) {
    // Without a delimiter row, only lines that all open with a pipe are taken for a table: prose never does.
    if (lines.length < 2 || !lines.every(opensWithPipe)) return undefined;
    delimiterIndex = 0;
  }
  if (lines.filter((line) => opensWithPipe(line) || closesWithPipe(line)).length < 2) return undefined;

  const headerIndex = delimiterMissing ? 0 : delimiterIndex - 1;
  const rows: RowData[] = [];
  for (const line of lines.slice(delimiterIndex + 1)) {
    if (isDelimiter(line) || line.text.trim() === '') continue;
    rows.push(recoveredRow(line));
  }
  const header = recoveredRow(lines[headerIndex]!);
  const end = paragraph.position!.end;
  return {
    header: header.cells,
    headerSpan: header.span,
    rows,
    span: { line: header.span.line, column: header.span.column, endLine: end.line, endColumn: end.column },
    collapsed: true,
    delimiterMissing,
  };
}

function recoveredRow(line: ParagraphLine): RowData {
  const at = (start: number, end: number) => spanOnLine(line.number, line.start, line.start + start, line.start + end);
  const cells = splitTableRow(line.text, line.from).map((slice) => recoveredCell(slice, at));
  return { cells, span: at(line.from, Math.max(line.from, line.text.trimEnd().length)) };
}

function recoveredCell(slice: CellSlice, at: (start: number, end: number) => CellData['cellSpan']): CellData {
  const { text, links } = inlineText(slice.raw);
  const cellSpan = at(slice.start, slice.end);
  const contentSpan = at(slice.contentStart, slice.contentEnd);
  // Point at what is written, not at the padding: the same place a real table's cell reports.
  const span = text === '' ? cellSpan : contentSpan;
  return {
    text,
    links,
    span: { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn },
    cellSpan,
    contentSpan,
    raw: slice.raw,
    boldLetters: '',
  };
}

/** Enough of inline markdown for a recovered cell: links, emphasis markers, escapes. */
function inlineText(raw: string): { text: string; links: Link[] } {
  const links: Link[] = [];
  const withoutLinks = raw.replace(LINK, (_match, text: string, url: string) => {
    links.push({ text: collapseWhitespace(text), url });
    return text;
  });
  const text = stripAttributeLists(stripHtmlComments(withoutLinks))
    .replace(/(\*\*|__)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return { text: collapseWhitespace(text), links };
}
