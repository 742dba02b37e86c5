import { stripHtmlComments } from './text.js';

/**
 * GFM table rows as written in the source: where a row starts after the
 * prefixes of the blocks that contain it, where its cells are, and whether it
 * is a delimiter row. The one splitter of table rows, for collapsed tables
 * (which the markdown parser reads as paragraphs) and for anything else that
 * looks at source lines.
 */

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

/** A block that contains others and marks or indents their lines, outermost first in a list. */
export type Container = 'blockQuote' | 'listItem' | 'footnoteDefinition';

const DELIMITER_CELL = /^:?-+:?$/;

function skipSpacesAndTabs(line: string, from: number): number {
  let index = from;
  while (line[index] === ' ' || line[index] === '\t') index++;
  return index;
}

/**
 * Where the content of a line inside the given containers starts. Each block
 * quote needs its `>`; list items and footnote definitions indent their lines.
 * A line without a `>` continues the paragraph lazily: the containers from
 * there on are simply not written. Indentation is skipped whatever its width:
 * a table row's leading whitespace is not part of its first cell.
 */
export function containerPrefixLength(line: string, containers: readonly Container[]): number {
  let index = 0;
  for (const container of containers) {
    if (container !== 'blockQuote') {
      index = skipSpacesAndTabs(line, index);
      continue;
    }
    const marker = skipSpacesAndTabs(line, index);
    if (line[marker] !== '>') break;
    index = marker + 1;
  }
  return skipSpacesAndTabs(line, index);
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])[ \t]/;
const FOOTNOTE_LABEL = /^\[\^[^\]\s]{1,999}\]:/;

/**
 * The same for a line whose containers are not known: any run of block quote
 * markers, list item markers (`-`, `*`, `+`, `1.`, `1)`), a footnote label
 * (`[^1]:`) and indentation. None of them can start a table row, so taking
 * them for a prefix never cuts a row.
 */
export function guessContainerPrefixLength(line: string): number {
  let index = skipSpacesAndTabs(line, 0);
  for (;;) {
    if (line[index] === '>') {
      index = skipSpacesAndTabs(line, index + 1);
      continue;
    }
    const rest = line.slice(index, index + 1_010);
    const marker = LIST_MARKER.exec(rest) ?? FOOTNOTE_LABEL.exec(rest);
    if (!marker) return index;
    index = skipSpacesAndTabs(line, index + marker[0].length);
  }
}

/**
 * The `| --- | --- |` line under a table header, from `from` on. Checked cell
 * by cell: one pattern for the whole row, with optional spaces on both sides
 * of optional pipes, backtracks cubically on a long run of tabs.
 */
export function isDelimiterRow(line: string, from = guessContainerPrefixLength(line)): boolean {
  let body = trimSpacesAndTabs(line.slice(from));
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

/** True for a line that can be part of a table: it has an unescaped pipe after its container prefix. */
export function looksLikeTableLine(line: string, from = guessContainerPrefixLength(line)): boolean {
  return pipePositions(line, from, line.length).length > 0;
}

/** Unescaped pipes of `line` in [from, to): a backslash escapes the character after it, a backslash included. */
function pipePositions(line: string, from: number, to: number): number[] {
  const pipes: number[] = [];
  for (let index = from; index < to; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') pipes.push(index);
  }
  return pipes;
}

/** True when the character at `at` is a pipe that no backslash escapes, reading from `from` (a cell's start). */
export function isUnescapedPipe(line: string, from: number, at: number): boolean {
  return line[at] === '|' && pipePositions(line, from, at + 1).at(-1) === at;
}

/**
 * The cells of a table row as GFM reads them: split on unescaped pipes, the
 * optional leading and trailing pipes closing no cell. `from` is where the
 * row starts, after its container prefix.
 */
export function splitTableRow(line: string, from = guessContainerPrefixLength(line)): CellSlice[] {
  const first = skipSpacesAndTabs(line, from);
  const pipes = pipePositions(line, first, line.length);
  const trimmedEnd = line.trimEnd().length;
  const opens = pipes[0] === first;
  const closes = pipes.length > (opens ? 1 : 0) && pipes.at(-1) === trimmedEnd - 1;
  const edges = [opens ? first : first - 1, ...pipes.slice(opens ? 1 : 0)];
  if (!closes) edges.push(trimmedEnd);
  const cells: CellSlice[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    cells.push(cellSlice(line, edges[index]! + 1, edges[index + 1]!));
  }
  return cells;
}

/** The cell between `start` and `end` (the pipes excluded), its content being what is not whitespace. */
export function cellSlice(line: string, start: number, end: number): CellSlice {
  const raw = line.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trailing = raw.length - raw.trimEnd().length;
  const contentStart = Math.min(start + leading, end);
  return { start, end, contentStart, contentEnd: Math.max(contentStart, end - trailing), raw };
}

/** Markdown emphasis and escapes removed, whitespace collapsed: a header or cell as a reader sees it. */
export function cellPlainText(raw: string): string {
  return stripHtmlComments(raw)
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
