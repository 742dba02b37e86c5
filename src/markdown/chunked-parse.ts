import type { Node, Nodes, Root, RootContent } from 'mdast';
import { lineStarts, splitLines, startsWithBom, stripBom } from '../util/lines.js';
import { parseMarkdown } from './processor.js';

/** unist's position types, reached through mdast (the package that declares our syntax trees). */
type Position = NonNullable<Node['position']>;
type Point = Position['start'];

/**
 * Linear-time parsing of large guides, with the same tree as one whole parse.
 *
 * Why: micromark keeps every flow event of a document in one array, and some
 * resolvers copy that whole array each time they fire (the setext-heading
 * resolver, through `EditMap.consume`, once per `Title\n---` pair). GFM tables
 * emit many flow events per row, so on a large guide each copy is large, the
 * heap reaches gigabytes and the parse becomes quadratic (docs/performance.md).
 * Parsing the document in pieces keeps every event array small.
 *
 * A piece may only end where the next line starts a fresh top-level block
 * whatever came before: an ATX heading, or after a blank line a line that can
 * continue no list, block quote, footnote or indented code. Whether an
 * open fenced code or HTML block would swallow that line is not guessed: each
 * piece is parsed with a probe line `#` after it, and the split is kept only
 * when the probe comes out as a top-level heading. Link and footnote
 * definitions are global, so when the guide has any, every piece that may
 * refer to them is parsed again with them declared in front.
 */

export interface ChunkedParseOptions {
  /** Characters per piece before looking for a split point. */
  chunkSize?: number;
  /** The whole-document parser applied to each piece (default: our frozen remark processor). */
  parse?: (text: string) => Root;
}

/**
 * Pieces of about one real guide parse at remark's small-document speed; from
 * ~16 KB on, the per-piece cost per KB starts to grow again (see BENCHMARKS.md).
 */
export const DEFAULT_CHUNK_SIZE = 8_000;

const PROBE = '#';
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** After a blank line, these may continue a list, a footnote or indented code (or be stripped as a BOM). */
const MAY_CONTINUE = new Set([' ', '\t', '>', '-', '+', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\uFEFF']);
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

interface Lines {
  /** Offset of the first character of each line; one extra entry: the text length. */
  starts: number[];
  /** Each line without its line ending. */
  text: string[];
}

interface Piece {
  /** Index of its first line. */
  from: number;
  /** Index of the line after it (`lines.text.length` for the last piece). */
  to: number;
  /** Its tree, positions relative to the text parsed (preamble included). */
  tree: Root;
  /** What was parsed in front of the piece. */
  preamble: Preamble;
}

/** Lines parsed in front of a piece so that it reads as it does inside the whole document; their nodes are dropped. */
interface Preamble {
  text: string;
  lines: number;
}

const NO_PREAMBLE: Preamble = { text: '', lines: 0 };

export function parseMarkdownChunked(text: string, options: ChunkedParseOptions = {}): Root {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const parse = options.parse ?? parseMarkdown;
  if (text.length < 2 * chunkSize) return parse(text);
  const lines = readLines(text);
  const pieces = [...cutPieces(text, lines, cutOptions(lines, chunkSize, parse))];
  if (pieces.length === 1) return pieces[0]!.tree;
  return joinPieces(text, lines, pieces, parse);
}

/**
 * Where a piece's offsets start in the document's offsets. micromark skips a
 * byte order mark at the very start without counting it, so every piece after
 * the first sits one character earlier than its start in the string.
 */
function offsetOf(text: string, lines: Lines, piece: Piece): number {
  return piece.from === 0 ? 0 : lines.starts[piece.from]! - (startsWithBom(text) ? 1 : 0);
}

function cutOptions(lines: Lines, chunkSize: number, parse: (text: string) => Root): CutOptions {
  const frontMatter = readFrontMatterFences(lines);
  return {
    chunkSize,
    parse,
    firstCandidate: Math.max(1, frontMatter.end),
    quirk: frontMatter.unclosed ? UNCLOSED_FRONT_MATTER : NO_PREAMBLE,
  };
}

function readLines(text: string): Lines {
  const starts = lineStarts(text);
  const content = splitLines(text);
  // A text that ends with a line ending has no empty last line of its own; its start is then the extra entry.
  if (starts.length > 1 && starts.at(-1) === text.length) content.pop();
  else starts.push(text.length);
  return { starts, text: content };
}

/**
 * micromark-extension-frontmatter's rule: `---` on line 1, closed by the next
 * `---` line. When line 1 opens one that never closes, the failed attempt
 * leaves micromark reading the rest of the document without containers (block
 * quotes and lists come out as paragraphs); pieces then get the same opening
 * line in front, so they read the same way.
 */
function readFrontMatterFences(lines: Lines): { end: number; unclosed: boolean } {
  // micromark reads past a byte order mark before looking for the fence.
  const first = stripBom(lines.text[0]!);
  if (lines.text.length < 2 || !FRONT_MATTER_FENCE.test(first)) return { end: 0, unclosed: false };
  for (let index = 1; index < lines.text.length; index++) {
    if (FRONT_MATTER_FENCE.test(lines.text[index]!)) return { end: index + 1, unclosed: false };
  }
  return { end: 0, unclosed: true };
}

const UNCLOSED_FRONT_MATTER: Preamble = { text: '---\n', lines: 1 };

/**
 * Whether a piece may start at this line, provided nothing open before it
 * swallows it (the probe decides that). Up to three spaces of indentation are
 * allowed, so that indenting every line cannot turn the fast path off; the
 * probe is then indented the same, so it would continue a list item exactly
 * when the line would.
 */
function isSplitCandidate(lines: Lines, index: number): boolean {
  const line = lines.text[index]!;
  const rest = line.slice(indentOf(line).length);
  if (ATX_HEADING.test(rest)) return true;
  if (rest === '' || BLANK.test(rest) || MAY_CONTINUE.has(rest[0]!)) return false;
  return BLANK.test(lines.text[index - 1]!);
}

function indentOf(line: string): string {
  return /^ {0,3}/.exec(line)![0];
}

interface CutOptions {
  chunkSize: number;
  parse: (text: string) => Root;
  /** No piece starts before this line (front matter). */
  firstCandidate: number;
  /** Parsed in front of every piece but the first. */
  quirk: Preamble;
}

/** The pieces in order, each parsed (and checked by the probe) only when asked for. */
function* cutPieces(text: string, lines: Lines, options: CutOptions): Generator<Piece, void, undefined> {
  const { starts } = lines;
  const lineCount = lines.text.length;
  let from = 0;
  while (from < lineCount) {
    const preamble = from === 0 ? NO_PREAMBLE : options.quirk;
    let to = nextCandidate(lines, Math.max(options.firstCandidate, from + 1), starts[from]! + options.chunkSize);
    for (;;) {
      const attempt = parsePiece(text, lines, { from, to, preamble }, options.parse);
      if (attempt.closed) {
        yield attempt.piece;
        break;
      }
      to = nextCandidate(lines, resumeAfter(lines, from, to, attempt.last) + 1, 0);
    }
    from = to;
  }
}

/**
 * Parses lines `from`..`to` with the preamble in front and, unless it is the
 * last piece, the probe and the epilogue after. `closed` tells whether the
 * probe came out as a top-level heading; if not, `last` is the block that
 * swallowed it.
 */
function parsePiece(
  text: string,
  lines: Lines,
  { from, to, preamble, epilogue = '' }: { from: number; to: number; preamble: Preamble; epilogue?: string },
  parse: (text: string) => Root,
): { closed: boolean; piece: Piece; last: RootContent | undefined } {
  const isLast = to >= lines.text.length;
  const body = text.slice(lines.starts[from], isLast ? text.length : lines.starts[to]);
  const probe = isLast ? '' : `${indentOf(lines.text[to]!)}${PROBE}\n${epilogue}`;
  const tree = parse(preamble.text + body + probe);
  const bodyStart = preamble.text.length;
  const probeAt = bodyStart + body.length;
  const piece: Piece = { from, to: isLast ? lines.text.length : to, tree, preamble };
  const all = tree.children;
  tree.children = all.filter((node) => {
    const offset = node.position?.start.offset ?? bodyStart;
    return offset >= bodyStart && offset < probeAt;
  });
  if (isLast) return { closed: true, piece, last: undefined };
  // Only the probe can be a heading on or after its line (the epilogue holds definitions).
  const closed = all.some((node) => node.type === 'heading' && (node.position?.start.offset ?? -1) >= probeAt);
  return { closed, piece, last: closed ? undefined : withLineIn(tree.children.at(-1), preamble) };
}

/** A node's start line counted from the piece, not from the preamble. */
function withLineIn(node: RootContent | undefined, preamble: Preamble): RootContent | undefined {
  if (!node?.position || preamble.lines === 0) return node;
  const start = { ...node.position.start, line: node.position.start.line - preamble.lines };
  return { ...node, position: { ...node.position, start } } as RootContent;
}

/** The first split candidate at or after line `index` that starts at or after offset `minOffset`. */
function nextCandidate(lines: Lines, index: number, minOffset: number): number {
  let candidate = index;
  while (candidate < lines.text.length && (lines.starts[candidate]! < minOffset || !isSplitCandidate(lines, candidate))) candidate++;
  return candidate;
}

const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/**
 * The probe at line `to` was swallowed by `last`, the last top-level block of
 * the piece. Returns the last line that block can reach, so the next attempt
 * skips the candidates inside it; a wrong guess only costs another attempt,
 * since the probe checks again.
 */
function resumeAfter(lines: Lines, from: number, to: number, last: RootContent | undefined): number {
  const startLine = last?.position ? from + last.position.start.line - 1 : -1;
  const opening = startLine >= 0 ? lines.text[startLine] : undefined;
  if (opening !== undefined && last?.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(opening)?.[1];
    if (fence) {
      const closing = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}[ \\t]*$`);
      return findLine(lines, to, (line) => closing.test(line));
    }
  }
  if (opening !== undefined && last?.type === 'html') {
    const end = HTML_ENDS.find(([start]) => start.test(opening))?.[1];
    return findLine(lines, to, (line) => (end ? end.test(line) : BLANK.test(line)));
  }
  // Unknown: grow the piece geometrically, so repeated failures stay linear.
  const grown = nextCandidate(lines, to + 1, 2 * lines.starts[to]! - lines.starts[from]!);
  return grown - 1;
}

function findLine(lines: Lines, from: number, test: (line: string) => boolean): number {
  for (let index = from; index < lines.text.length; index++) if (test(lines.text[index]!)) return index;
  return lines.text.length;
}

interface Declarations {
  definitions: Set<string>;
  footnotes: Set<string>;
}

function joinPieces(text: string, lines: Lines, pieces: Piece[], parse: (text: string) => Root): Root {
  const declared: Declarations = { definitions: new Set(), footnotes: new Set() };
  for (const piece of pieces) collectDeclarations(piece.tree, declared);
  const declarations = declarationPrelude(declared);
  // The root spans the document: from the first piece's start to the last piece's end.
  const rootStart = pieces[0]!.tree.position!.start;
  const lastPiece = pieces.at(-1)!;
  const rootEnd = shiftPoint(
    lastPiece.tree.position!.end,
    offsetOf(text, lines, lastPiece) - lastPiece.preamble.text.length,
    lastPiece.from - lastPiece.preamble.lines,
  );
  const children: RootContent[] = [];
  for (let piece of pieces) {
    const start = lines.starts[piece.from]!;
    if (declarations.text !== '' && text.slice(start, lines.starts[piece.to]).includes('[')) {
      // References resolve against definitions anywhere in the document. The
      // first piece may start with front matter, so they go after its probe;
      // the last piece has no probe, so they go in front of it.
      const isLast = piece === lastPiece;
      const preamble = isLast
        ? { text: piece.preamble.text + declarations.text, lines: piece.preamble.lines + declarations.lines }
        : piece.preamble;
      piece = parsePiece(text, lines, { from: piece.from, to: piece.to, preamble, epilogue: isLast ? '' : declarations.text }, parse).piece;
    }
    shiftPositions(piece.tree, offsetOf(text, lines, piece) - piece.preamble.text.length, piece.from - piece.preamble.lines);
    for (const child of piece.tree.children) children.push(child);
  }
  return { type: 'root', children, position: { start: rootStart, end: rootEnd } };
}

function collectDeclarations(tree: Root, declared: Declarations): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') declared.definitions.add(node.identifier);
    else if (node.type === 'footnoteDefinition') declared.footnotes.add(node.identifier);
    // Definitions are blocks: no need to look inside paragraphs, headings or tables.
    if (
      node.type === 'root' ||
      node.type === 'blockquote' ||
      node.type === 'list' ||
      node.type === 'listItem' ||
      node.type === 'footnoteDefinition'
    ) {
      for (const child of node.children) stack.push(child);
    }
  }
}

/**
 * Definitions declared in front of a piece. An identifier is already
 * normalised (whitespace collapsed, case folded, escapes kept), so it reads
 * back as itself; the blank line closes the last footnote before the piece.
 */
function declarationPrelude(declared: Declarations): { text: string; lines: number } {
  const lines = [...[...declared.definitions].map((id) => `[${id}]: <>`), ...[...declared.footnotes].map((id) => `[^${id}]: .`)];
  if (lines.length === 0) return { text: '', lines: 0 };
  return { text: `${lines.join('\n')}\n\n`, lines: lines.length + 1 };
}

/** Moves every position of a piece's tree to where the piece sits in the document (pieces start at column 1). */
function shiftPositions(tree: Root, offsetShift: number, lineShift: number): void {
  if (offsetShift === 0 && lineShift === 0) return;
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // New points rather than edits: a point object may be shared between nodes.
    if (node.position) node.position = shiftPosition(node.position, offsetShift, lineShift);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

function shiftPosition(position: Position, offsetShift: number, lineShift: number): Position {
  return { start: shiftPoint(position.start, offsetShift, lineShift), end: shiftPoint(position.end, offsetShift, lineShift) };
}

function shiftPoint(point: Point, offsetShift: number, lineShift: number): Point {
  return point.offset === undefined
    ? { line: point.line + lineShift, column: point.column }
    : { line: point.line + lineShift, column: point.column, offset: point.offset + offsetShift };
}
