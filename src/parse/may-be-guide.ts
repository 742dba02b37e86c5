import { approximateInlineText } from '../markdown/approximate-text.js';
import { type FenceState, inFencedCode, newFenceState } from '../markdown/fenced-code.js';
import { guessContainerPrefixLength, isDelimiterRow, looksLikeTableLine, splitTableRow } from '../markdown/gfm-row.js';
import { lineKind, lineStartsWithNumber } from '../markdown/numbered-heading-lines.js';
import { normalizeRoleCell, ROLE_LETTERS } from '../roles/role-cell.js';
import { cellKind } from '../tables/columns.js';

/**
 * Whether a file can be a responsibility-model guide, decided from its text
 * alone, without the markdown parser: what lets a walk over a documentation
 * repository skip its other pages for little more than the cost of reading
 * them. Generous by design: it may take a README for a guide (the parser then
 * says it is not one), it never takes a guide for something else.
 *
 * The parser reads a file as a guide when it has an activity, or a legend and
 * numbered sections. An activity is a body row of a table with a party
 * column, and the column reader (tables/columns.ts) finds one only after the
 * activity column, in a column where some cell is not text (empty or
 * missing, a number, a code such as `RA`): so some body row of the table has
 * such a cell after its first. In a guide that numbers its headings, the
 * table is under a numbered heading; in one that numbers none, some party
 * cell of the table holds RACI letters. So a file may be a guide only when:
 *
 * 1. after a heading that may start with a number, a table body row has a
 *    cell after its first that may not be text, or fewer cells than a line
 *    above it in its block (lines between blank lines); or
 * 2. a block has such a row, and a cell after the first that may read as
 *    RACI letters alone, or a first column that may hold nothing else; or
 * 3. a heading may start with a number and a line may belong to a legend:
 *    its text, or its first cell, may read `R: …` (or `=`, a dash), a letter
 *    alone or `(R) …`; its first cell may hold one letter in bold; or it
 *    opens an HTML definition list (`<dl>`).
 *
 * "May" is read the generous way (markdown/approximate-text.ts): a cell is
 * read every way the parser might read it. UTF-16 (with a byte order mark)
 * is left to the parser. docs/discovery.md states the same rules for writers.
 */
export function mayBeGuide(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // The decoder takes one byte order mark off; the parser reads past more.
  const text = decoder.decode(bytes).replace(/^\uFEFF+/, '');
  const scan = newScan(text.includes(']:'), DEFINITION_LIST.test(text), text.includes('|') || PIPELESS_DELIMITER_PART.test(text));
  const firstReading = (line: string) => {
    readLine(scan, line);
    return verdict(scan);
  };
  if (someLine(text, firstReading)) return true;
  endBlock(scan);
  if (verdict(scan)) return true;
  // Legend lists and paragraphs count only with a numbered heading: most files need no second reading.
  if (!scan.numbered) return false;
  const legendReading = (line: string) => {
    readLegendLine(scan, line);
    return verdict(scan);
  };
  return someLine(text, legendReading);
}

/** Whether `test` holds for some line of `text`, read in order up to the first that does. */
function someLine(text: string, test: (line: string) => boolean): boolean {
  // A text with no CR (most of them) is cut at its LFs alone.
  const hasCr = text.includes('\r');
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = hasCr ? lineEnd(text, lineStart) : endOfLine(text.indexOf('\n', lineStart), text);
    if (test(text.slice(lineStart, end))) return true;
    // CR LF ends one line, not two (an empty line between would end the paragraph).
    lineStart = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return false;
}

const endOfLine = (found: number, text: string): number => (found === -1 ? text.length : found);

const decoder = new TextDecoder();

/** Part of a delimiter row with no pipe (`:-`, `-:`), which only a one-column table has. */
const PIPELESS_DELIMITER_PART = /:-|-:/;
/** An HTML definition list, which may be a legend (`<dl><dt>R</dt><dd>Responsible</dd>…`). */
const DEFINITION_LIST = /<dl/i;

/** Where the line from `from` ends: at its CR, LF or CR LF, or at the end of the text. */
function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === LF || code === CR) return index;
  }
  return text.length;
}

/** What the scan has seen so far. */
interface Scan {
  /** A link reference or footnote definition (`[x]: url`, `[^x]: note`) may be somewhere: brackets may then be links. */
  readonly referencesDefined: boolean;
  /** The text has a pipe or a delimiter row without one: it may have a table. */
  readonly mayHaveTable: boolean;
  /** A heading that may start with a number. */
  numbered: boolean;
  /** Since the last blank line, a line that may start with a number (the text of a setext heading). */
  paragraphMayBeNumbered: boolean;
  /** A line that may be a legend on its own: a table row, a paragraph of bold letters, an HTML definition list. */
  legendLike: boolean;
  /** Lines that may each be an item of a legend list (a list needs two). */
  legendItems: number;
  /** A body row with a cell after its first that may not be text, after a heading that may start with a number. */
  nonTextRowAfterNumbered: boolean;
  /** A block with such a row and a cell that may read as RACI letters in a party column. */
  lettersTable: boolean;
  block: Block;
  fences: FenceState;
}

/** The table lines of one block: lines between blank lines. */
interface Block {
  /** The most cells of a line with a pipe. */
  width: number;
  /** A line that looks like a delimiter row: the lines after it may be rows. */
  delimiterSeen: boolean;
  /** A line that looks like a delimiter row under another line: from there on, no line is taken for a header. */
  headerFound: boolean;
  /** Lines read so far. */
  lines: number;
  /** The last body row, held until the next line says whether it was a header (the line above the first delimiter row). */
  pending:
    | {
        nonText: boolean;
        afterNumbered: boolean;
        legendRow: boolean;
        prefix: string;
        firstCell: readonly string[];
        /** After its indentation it starts with neither a pipe nor a letter: a heading, a list, a quote, a fence, HTML. */
        mayStartBlock: boolean;
      }
    | undefined;
  nonTextRow: boolean;
  /** A cell after the first that may read as RACI letters alone. */
  lettersAfterFirst: boolean;
  /** A run of body rows: how many more of its lines may be a header, whether some first cell and all after the header may hold RACI letters (or nothing). */
  firstColumn: { headerLines: number; letters: boolean; restAllLetters: boolean; prefixKey: string } | undefined;
  /** Some run of the block had a first column that may be a party column. */
  lettersFirstColumn: boolean;
}

function newBlock(): Block {
  return {
    width: 0,
    delimiterSeen: false,
    headerFound: false,
    lines: 0,
    pending: undefined,
    nonTextRow: false,
    lettersAfterFirst: false,
    firstColumn: undefined,
    lettersFirstColumn: false,
  };
}

function newScan(referencesDefined: boolean, definitionList: boolean, mayHaveTable: boolean): Scan {
  return {
    referencesDefined,
    mayHaveTable,
    numbered: false,
    paragraphMayBeNumbered: false,
    legendLike: definitionList,
    legendItems: 0,
    nonTextRowAfterNumbered: false,
    lettersTable: false,
    block: newBlock(),
    fences: newFenceState(),
  };
}

function verdict(scan: Scan): boolean {
  return scan.nonTextRowAfterNumbered || scan.lettersTable || (scan.numbered && (scan.legendLike || scan.legendItems >= 2));
}

/** One line of the first reading: headings, tables and the legend tables among them. */
function readLine(scan: Scan, line: string): void {
  if (inFencedCode(scan.fences, line)) {
    // A fence ends any table and paragraph before it.
    endBlock(scan);
    scan.paragraphMayBeNumbered = false;
    return;
  }
  const kind = lineKind(line);
  if (kind === 'blank') {
    endBlock(scan);
    scan.paragraphMayBeNumbered = false;
    return;
  }
  scan.block.lines++;
  if (scan.mayHaveTable && (scan.block.width > 0 || line.includes('|') || line.includes(':-') || line.includes('-:')))
    readTableLine(scan, line);
  if (kind === 'numbered-atx' || (kind === 'underline' && scan.paragraphMayBeNumbered)) scan.numbered = true;
  else if (!scan.paragraphMayBeNumbered && lineStartsWithNumber(line)) scan.paragraphMayBeNumbered = true;
}

function endBlock(scan: Scan): void {
  const block = scan.block;
  settlePending(scan);
  endFirstColumnRun(block);
  if (block.nonTextRow && (block.lettersAfterFirst || block.lettersFirstColumn)) scan.lettersTable = true;
  scan.block = newBlock();
}

/** The held row was a body row (or may have been): what it showed counts. */
function settlePending(scan: Scan): void {
  const block = scan.block;
  const pending = block.pending;
  block.pending = undefined;
  if (!pending) return;
  if (pending.legendRow) scan.legendLike = true;
  if (pending.nonText) {
    block.nonTextRow = true;
    if (pending.afterNumbered) scan.nonTextRowAfterNumbered = true;
  }
  const key = prefixKey(pending.prefix);
  if (pending.mayStartBlock || (block.firstColumn && key !== block.firstColumn.prefixKey)) {
    // This row and the next may be the header of a table after another block.
    endFirstColumnRun(block);
    block.firstColumn = { headerLines: 2, letters: false, restAllLetters: true, prefixKey: key };
  }
  block.firstColumn ??= { headerLines: 1, letters: false, restAllLetters: true, prefixKey: key };
  readFirstCell(block, pending.firstCell);
}

function endFirstColumnRun(block: Block): void {
  const run = block.firstColumn;
  block.firstColumn = undefined;
  if (run?.restAllLetters && run.letters) block.lettersFirstColumn = true;
}

/**
 * A line with a pipe, or any line of a block that had one. Body rows are the
 * lines after a delimiter row (`| --- |`; GFM takes a line without a pipe
 * there for a row of one cell) and lines that open with a pipe (a table with
 * no delimiter row, which the parser recovers); other lines with a pipe only
 * count for the width. The line above the block's first delimiter row is its
 * table's header, whose cells are no activity: it is dropped, but only when
 * that delimiter row has the same container prefix (a `- - -` or `> ---`
 * under it starts another block). Anything else that looks like a delimiter
 * row is read as a row too.
 *
 * A first column is a party column only when all its cells hold RACI letters
 * (or nothing). That is judged over runs of body rows that hold rows of one
 * table at most: a run ends at a delimiter row, and a line that may start
 * another block (after its indentation, it starts with neither a pipe nor a
 * letter: a heading, a list, a quote, a fence, HTML; or its container prefix
 * is not the one of the line above) starts a new run. The first line of a
 * run may be a header, so only the others must hold letters.
 */
function readTableLine(scan: Scan, line: string): void {
  const block = scan.block;
  const from = guessContainerPrefixLength(line);
  const hasPipe = looksLikeTableLine(line, from);
  const indentation = line.length - line.trimStart().length;
  const delimiterLike =
    isDelimiterRow(line, from) || (indentation !== from && isDelimiterRow(line, indentation)) || PIPELESS_DELIMITER.test(line.slice(from));
  if (!hasPipe && !delimiterLike && block.width === 0) return;
  const width = block.width;
  block.width = Math.max(width, cellCount(line, from, indentation));
  const pending = block.pending;
  if (pending && !block.headerFound && line.startsWith(pending.prefix) && isDelimiterRow(line, pending.prefix.length)) {
    // The line above the first delimiter row is a header, not a row; the lines above it are another paragraph.
    block.pending = undefined;
    endFirstColumnRun(block);
    block.headerFound = block.delimiterSeen = true;
    return;
  }
  settlePending(scan);
  if (delimiterLike) endFirstColumnRun(block);
  // It may be the delimiter row of a table whose header is the line above (one without a pipe, `Legend` over `:-`).
  if (delimiterLike && block.lines > 1) block.headerFound = true;
  const opensWithPipe = line[from] === '|';
  const isRow = block.delimiterSeen || opensWithPipe;
  if (delimiterLike) block.delimiterSeen = true;
  if (!isRow) {
    endFirstColumnRun(block);
    return;
  }
  const cells = hasPipe ? splitTableRow(line, from).map((cell) => cell.raw) : [line.slice(from)];
  const texts = cells.map((cell) => approximateInlineText(cell, scan.referencesDefined));
  const nonText = cells.length < width || texts.some((answers, index) => index >= 1 && answers.some(isNotText));
  const legendRow = texts[0]!.some(readsAsDefinition) || holdsOneBoldLetter(cells[0]!, scan.referencesDefined);
  const prefix = line.slice(0, from);
  block.pending = {
    nonText,
    afterNumbered: scan.numbered,
    legendRow,
    prefix,
    firstCell: texts[0]!,
    mayStartBlock: !/^[|\p{L}]/u.test(line.slice(indentation)),
  };
  if (!block.lettersAfterFirst) block.lettersAfterFirst = texts.some((answers, index) => index >= 1 && answers.some(readsAsRoleLetters));
}

/** A delimiter row of one column with no pipe (`:-`, `--:`): only a colon tells it from a setext underline. */
const PIPELESS_DELIMITER = /^[ \t]*(?::-+:?|-+:)[ \t]*$/;

/**
 * The most cells the line may have: split after the guessed container
 * prefix, and after its indentation alone (`2. | a | b` continuing a
 * paragraph is three cells); one more when whitespace that markdown does
 * not trim (a no-break space) follows the last pipe.
 */
function cellCount(line: string, from: number, indentation: number): number {
  const counted = Math.max(splitTableRow(line, from).length, indentation === from ? 0 : splitTableRow(line, indentation).length);
  return /[^\S \t][ \t]*$/.test(line) ? counted + 1 : counted;
}

/** What tells container prefixes apart: quote and list markers, and the indentation (a lazy line has less). */
function prefixKey(prefix: string): string {
  return prefix.replace(/\t/g, '    ');
}

function readFirstCell(block: Block, answers: readonly string[]): void {
  const run = block.firstColumn!;
  run.letters ||= answers.some(readsAsRoleLetters);
  if (run.headerLines > 0) run.headerLines--;
  else run.restAllLetters &&= answers.some(readsAsRoleLettersOrNothing);
}

/** Not text to the column reader: empty, a number or a code. */
const isNotText = (text: string): boolean => cellKind(text) !== 'text';

/** RACI letters and nothing else, as a party cell reads. */
function readsAsRoleLetters(text: string): boolean {
  if (hasOtherLetter(text)) return false;
  const { roles, unknown } = normalizeRoleCell(text);
  return roles.length > 0 && unknown.length === 0;
}

/** RACI letters or nothing: what every cell of a party column holds. */
function readsAsRoleLettersOrNothing(text: string): boolean {
  return !hasOtherLetter(text) && normalizeRoleCell(text).unknown.length === 0;
}

/** An ASCII letter that is not a RACI letter before any bracket (a note's): an unknown letter, where most cells of prose stop. */
function hasOtherLetter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28) return false;
    const upper = code & ~0x20;
    if (upper >= 0x41 && upper <= 0x5a && code < 0x80 && !ROLE_LETTER_CODES.has(upper)) return true;
  }
  return false;
}

const ROLE_LETTER_CODES = new Set(ROLE_LETTERS.map((letter) => letter.charCodeAt(0)));

/**
 * A line that may start an item of a legend list (`- R: Responsible`, a
 * letter alone when the item goes on below it), or a paragraph of bold
 * letters (`**R** = Responsible`), which is a legend on its own
 * (tables/legend-text.ts). Legend tables are read with the body rows
 * (readTableLine), HTML definition lists once for the whole text.
 */
function readLegendLine(scan: Scan, line: string): void {
  if (!mayStartLegend(line)) return;
  const from = guessContainerPrefixLength(line);
  const start = from + (TASK_MARKER.exec(line.slice(from, from + 4))?.[0].length ?? 0);
  const text = line.slice(start);
  if (!approximateInlineText(text, scan.referencesDefined).some(readsAsDefinition)) return;
  if (holdsOneBoldLetter(text, scan.referencesDefined, true)) scan.legendLike = true;
  else scan.legendItems++;
}

/** A GFM task list item's check box, which is not part of the item's text. */
const TASK_MARKER = /^\[[ xX]\][ \t]/;

/** `R: …`, `R = …`, `R – …`, a letter alone, `(R) …`: how a legend's row or item starts. */
const DEFINITION = /^(?:\p{Lu}\s*[:：=–—-]|\p{L}$|\(\p{Lu}\)(?:\s|$))/u;

const readsAsDefinition = (text: string): boolean => DEFINITION.test(text);

/**
 * A quick test of a line before its full reading: past the prefixes of
 * quotes and lists and what shows no text, a letter followed by a letter or
 * digit starts a word, which no legend does. Most lines of prose stop here;
 * a reference, comment, footnote or attribute list there goes on to the
 * full reading.
 */
function mayStartLegend(line: string): boolean {
  let index = 0;
  while (index < line.length && SKIPPED_BEFORE_LEGEND.includes(line[index]!)) index++;
  const first = line.codePointAt(index);
  if (first === undefined) return false;
  if (first < 0x80 && !isAsciiLetter(first)) return '&<({^'.includes(line[index]!);
  const letter = String.fromCodePoint(first);
  if (first >= 0x80 && !/\p{L}/u.test(letter)) return false;
  const next = line.charCodeAt(index + letter.length);
  if (Number.isNaN(next)) return true;
  if (next < 0x80) return !isAsciiLetter(next) && !isDigit(next);
  return !/[\p{L}\p{N}]/u.test(line[index + letter.length]!);
}

/** Indentation, quote and list markers, a task's check box, and what shows no text. */
const SKIPPED_BEFORE_LEGEND = ' \t>-+*.)0123456789[]_~`\\!';

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

const BOLD_MARKER = /\*\*|__/g;

/**
 * Some `**` or `__` opens, and some later one may close, bold text that is
 * one letter (`**R**éalisation`): the legend reads that letter. `atStart`:
 * the bold text must open the text (spaces aside).
 */
function holdsOneBoldLetter(text: string, referencesDefined: boolean, atStart = false): boolean {
  const markers = [...text.matchAll(BOLD_MARKER)].map((match) => match.index);
  if (markers.length > 24) return true;
  const opens = atStart ? (/^[ \t]*(?:\*\*|__)/.test(text) ? 1 : 0) : markers.length;
  for (let open = 0; open < opens; open++) {
    for (let close = open + 1; close < markers.length; close++) {
      const inner = approximateInlineText(text.slice(markers[open]! + 2, markers[close]), referencesDefined);
      if (inner.some((text) => /^\p{L}$/u.test(text))) return true;
    }
  }
  return false;
}

const LF = 0x0a;
const CR = 0x0d;
