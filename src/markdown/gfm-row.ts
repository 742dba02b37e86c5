import { stripHtmlComments } from './text.js';

/**
 * The guide's source seen as lines, and table rows seen as cells, so that rules
 * can point at a cell and `--fix` can rewrite exactly its letters. Works on
 * the raw line, the same way for real GFM tables and for collapsed ones.
 */

/** Splits like the parser's locator: CRLF, LF and lone CR all end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** One cell of a table row: 0-based offsets within the line, `end` exclusive. */
export interface CellSlice {
  /** Between the pipes. */
  start: number;
  end: number;
  /** The same, without the surrounding whitespace (`contentStart === contentEnd` for an empty cell). */
  contentStart: number;
  contentEnd: number;
  raw: string;
}

/** Block quote markers and indentation before a table row (`> | a | b |`). */
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*/;
const DELIMITER_CELL = /^:?-+:?$/;

/**
 * The `| --- | --- |` line under a table header. Checked cell by cell: one
 * pattern for the whole row, with optional spaces on both sides of optional
 * pipes, backtracks cubically on a long run of tabs.
 */
export function isDelimiterRow(line: string): boolean {
  let body = trimSpacesAndTabs(line.slice(prefixLength(line)));
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').every((cell) => DELIMITER_CELL.test(trimSpacesAndTabs(cell)));
}

function trimSpacesAndTabs(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

/** True for a line that can be part of a table: it has an unescaped pipe. */
export function looksLikeTableLine(line: string): boolean {
  return pipePositions(line, prefixLength(line)).length > 0;
}

function prefixLength(line: string): number {
  return CONTAINER_PREFIX.exec(line)![0].length;
}

function pipePositions(line: string, from: number): number[] {
  const pipes: number[] = [];
  for (let index = from; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') pipes.push(index);
  }
  return pipes;
}

/**
 * The cells of a table row as GFM reads them: split on unescaped pipes, the
 * optional leading and trailing pipes closing no cell.
 */
export function splitTableRow(line: string): CellSlice[] {
  const first = prefixLength(line);
  const pipes = pipePositions(line, first);
  const trimmedEnd = line.trimEnd().length;
  const opens = pipes[0] === first;
  const closes = pipes.length > (opens ? 1 : 0) && pipes.at(-1) === trimmedEnd - 1;
  const edges = [opens ? first : first - 1, ...pipes.slice(opens ? 1 : 0)];
  if (!closes) edges.push(trimmedEnd);
  const cells: CellSlice[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    const start = edges[index]! + 1;
    const end = edges[index + 1]!;
    const raw = line.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trailing = raw.length - raw.trimEnd().length;
    const contentStart = Math.min(start + leading, end);
    cells.push({ start, end, contentStart, contentEnd: Math.max(contentStart, end - trailing), raw });
  }
  return cells;
}

/**
 * The header line of the table that the row at `rowLine` belongs to: the line
 * above the delimiter row, found by walking up through the table's lines.
 */
export function tableHeaderLine(lines: readonly string[], rowLine: number): number | undefined {
  for (let line = rowLine - 1; line >= 2; line--) {
    const text = lines[line - 1] ?? '';
    if (text.trim() === '' || !looksLikeTableLine(text)) return undefined;
    if (isDelimiterRow(text)) return line - 1;
  }
  return undefined;
}

/** Markdown emphasis and escapes removed, whitespace collapsed: a header or cell as a reader sees it. */
export function cellPlainText(raw: string): string {
  return stripHtmlComments(raw)
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
