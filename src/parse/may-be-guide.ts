import { normalizeRoleCell } from '../roles/role-cell.js';

/**
 * Whether a file can be a responsibility-model guide, decided from its bytes
 * alone, without the markdown parser: what lets a walk over a documentation
 * repository skip its other pages for little more than the cost of reading
 * them. Generous by design: it may take a README for a guide (the parser then
 * says it is not one), it never takes a guide for something else.
 *
 * The parser reads a file as a guide when it has an activity, or a legend and
 * numbered sections. In a guide that numbers its headings, both need a table
 * (a GFM table or lines of pipes, whose rows hold `|`) and a numbered section
 * (a heading whose text starts with a digit); in a guide that numbers none, a
 * table is a matrix only when one of its cells holds RACI letters and nothing
 * else. So a file may be a guide only when it holds:
 *
 * 1. a `|`, anywhere; and
 * 2. a heading that may start with a number: an ATX heading (`#` after
 *    nothing but indentation, block quote and list markers), or a setext
 *    underline (`===`, `---`) under lines since the last blank line, whose
 *    text (one of those lines, for a setext heading) starts with a digit once
 *    what shows no text is skipped: spaces, emphasis and code markers, `\`,
 *    `!`, `[`, and any non-ASCII byte (a no-break space); a `&`, `<`, `]` or
 *    `^` there (a character reference such as `&#49;`, an HTML comment, an
 *    empty link or a footnote reference) also counts as a number; or
 * 3. a line holding `|` with a piece between pipes (or the line's ends) that
 *    reads as RACI letters alone, as a party cell does (`RA`, `r/a`, `__A__`,
 *    `C (note)`), once backticks and backslashes are taken out.
 *
 * UTF-16 (with a byte order mark) is left to the parser; in UTF-8 and in the
 * replacement characters of invalid UTF-8, the ASCII bytes tested here are the
 * characters the parser sees, so the bytes need no decoding.
 * docs/discovery.md states the same rules for writers.
 */
export function mayBeGuide(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (bytes.indexOf(PIPE) === -1) return false;
  let lineStart = 0;
  // Since the last blank line: whether a line may start with a number (for a setext heading's text).
  let paragraphMayBeNumbered = false;
  for (let index = 0; index <= bytes.length; index++) {
    const byte = index < bytes.length ? bytes[index]! : LF;
    if (byte !== LF && byte !== CR) continue;
    const line = bytes.subarray(lineStart, index);
    // CR LF ends one line, not two (an empty line between would end the paragraph).
    if (byte === CR && bytes[index + 1] === LF) index++;
    lineStart = index + 1;
    if (line.indexOf(PIPE) !== -1 && holdsRoleLetters(line)) return true;
    const kind = lineKind(line);
    if (kind === 'blank') paragraphMayBeNumbered = false;
    else if (kind === 'numbered-atx' || (kind === 'underline' && paragraphMayBeNumbered)) return true;
    else if (!paragraphMayBeNumbered && lineStartsWithNumber(line)) paragraphMayBeNumbered = true;
  }
  return false;
}

const LF = 0x0a;
const CR = 0x0d;
const PIPE = 0x7c;
const HASH = 0x23;

type LineKind = 'blank' | 'numbered-atx' | 'underline' | 'other';

const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;
const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09;
const isQuoteOrSpace = (byte: number): boolean => isSpace(byte) || byte === 0x3e;
/** What may come before a heading's `#` on its line: indentation, `>` of block quotes, list markers (`-`, `+`, `*`, `1.`, `1)`). */
const isContainerPrefix = (byte: number): boolean =>
  isQuoteOrSpace(byte) || isDigit(byte) || byte === 0x2d || byte === 0x2b || byte === 0x2a || byte === 0x2e || byte === 0x29;
/** Shows no text before a heading's first character: spaces, `*`, `_`, `~`, `` ` ``, `\\`, `!`, `[`, vertical tab, form feed, any non-ASCII byte. */
const showsNoText = (byte: number): boolean =>
  isSpace(byte) ||
  byte === 0x0b ||
  byte === 0x0c ||
  byte === 0x2a ||
  byte === 0x5f ||
  byte === 0x7e ||
  byte === 0x60 ||
  byte === 0x5c ||
  byte === 0x21 ||
  byte === 0x5b ||
  byte >= 0x80;
/** `&`, `<`, `]`, `^`: a character reference, an HTML comment, an empty link or a footnote reference, which may come before a number. */
const mayHideNumber = (byte: number): boolean => byte === 0x26 || byte === 0x3c || byte === 0x5d || byte === 0x5e;

/** The text from `from` may start with a digit (see mayBeGuide). */
function startsWithNumber(line: Uint8Array, from: number): boolean {
  let index = from;
  while (index < line.length && showsNoText(line[index]!)) index++;
  if (index === line.length) return false;
  return isDigit(line[index]!) || mayHideNumber(line[index]!);
}

/** The line, or the text after any of its list markers, may start with a digit: a line of a setext heading. */
function lineStartsWithNumber(line: Uint8Array): boolean {
  let index = 0;
  for (;;) {
    while (index < line.length && isQuoteOrSpace(line[index]!)) index++;
    if (startsWithNumber(line, index)) return true;
    const after = afterListMarker(line, index);
    if (after === undefined) return false;
    index = after;
  }
}

/** Where the content starts after a list marker (`-`, `+`, `*`, `1.`, `1)` and a space) at `index`; undefined when there is none. */
function afterListMarker(line: Uint8Array, index: number): number | undefined {
  let end = index;
  const byte = line[end];
  if (byte === 0x2d || byte === 0x2b || byte === 0x2a) end++;
  else {
    while (end < line.length && isDigit(line[end]!)) end++;
    if (end === index || (line[end] !== 0x2e && line[end] !== 0x29)) return undefined;
    end++;
  }
  if (end < line.length && !isSpace(line[end]!)) return undefined;
  return end;
}

function lineKind(line: Uint8Array): LineKind {
  let index = 0;
  while (index < line.length && isContainerPrefix(line[index]!)) index++;
  if (index === line.length) {
    // Only prefix characters: blank, or perhaps a setext underline of `-`.
    let blank = true;
    for (const byte of line) if (!isSpace(byte)) blank = false;
    if (blank) return 'blank';
    return isUnderline(line) ? 'underline' : 'other';
  }
  if (line[index] === HASH) {
    let end = index;
    while (end < line.length && line[end] === HASH) end++;
    if (end === line.length || isSpace(line[end]!)) return startsWithNumber(line, end) ? 'numbered-atx' : 'other';
    return 'other';
  }
  return isUnderline(line) ? 'underline' : 'other';
}

/** `===` or `---` after indentation and block quote markers, with spaces after it. */
function isUnderline(line: Uint8Array): boolean {
  let index = 0;
  while (index < line.length && isQuoteOrSpace(line[index]!)) index++;
  const marker = line[index];
  if (marker !== 0x3d && marker !== 0x2d) return false;
  while (index < line.length && line[index] === marker) index++;
  while (index < line.length && isSpace(line[index]!)) index++;
  return index === line.length;
}

const decoder = new TextDecoder();

/** Some piece of the line between pipes reads as RACI letters and nothing else (see mayBeGuide, rule 3). */
function holdsRoleLetters(line: Uint8Array): boolean {
  for (const piece of decoder.decode(line).split('|')) {
    const { roles, unknown } = normalizeRoleCell(piece.replace(/[`\\]/g, ''));
    if (roles.length > 0 && unknown.length === 0) return true;
  }
  return false;
}
