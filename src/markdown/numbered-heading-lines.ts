/**
 * Source lines that may be headings whose text starts with a number, read
 * without the markdown parser for the walk's pre-check (parse/may-be-guide.ts):
 * generous, never missing a heading that `parseHeadingNumber` reads as
 * numbered.
 */

const FOOTNOTE_LABEL = /^\[\^[^\]\s]{1,999}\]:/;

export type LineKind = 'blank' | 'numbered-atx' | 'underline' | 'other';

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09;
const isQuoteOrSpace = (code: number): boolean => isSpace(code) || code === 0x3e;
/** What may come before a heading's `#` on its line: indentation, `>` of block quotes, list markers (`-`, `+`, `*`, `1.`, `1)`). */
const isContainerPrefix = (code: number): boolean =>
  isQuoteOrSpace(code) || isDigit(code) || code === 0x2d || code === 0x2b || code === 0x2a || code === 0x2e || code === 0x29;
/** Shows no text before a heading's first character: spaces, `*`, `_`, `~`, `` ` ``, `\\`, `!`, `[`, vertical tab, form feed, and whitespace outside ASCII (a no-break space), which the heading's text is trimmed of. */
const showsNoText = (code: number): boolean =>
  isSpace(code) ||
  code === 0x0b ||
  code === 0x0c ||
  code === 0x2a ||
  code === 0x5f ||
  code === 0x7e ||
  code === 0x60 ||
  code === 0x5c ||
  code === 0x21 ||
  code === 0x5b ||
  (code >= 0x80 && /\s/.test(String.fromCharCode(code)));
/** `&`, `]`, `^`: a character reference, an empty link or a footnote reference, which may come before a number. */
const mayHideNumber = (code: number): boolean => code === 0x26 || code === 0x5d || code === 0x5e;

/**
 * The text from `from` may start with a digit. An HTML comment before it is
 * left out of the heading's text (one left open may hide anything); any
 * other HTML tag is part of the text, which then starts with `<`.
 */
function startsWithNumber(line: string, from: number): boolean {
  let index = from;
  for (;;) {
    while (index < line.length && showsNoText(line.charCodeAt(index))) index++;
    if (!line.startsWith('<!--', index)) break;
    const close = line.indexOf('-->', index + 4);
    if (close === -1) return true;
    index = close + 3;
  }
  if (index === line.length) return false;
  const code = line.charCodeAt(index);
  // An autolink shows what is inside it: `<1.a@example.org>`.
  if (code === 0x3c) return isDigit(line.charCodeAt(index + 1));
  return isDigit(code) || mayHideNumber(code);
}

/** The line, or the text after any of its list markers, may start with a digit: a line of a setext heading. */
export function lineStartsWithNumber(line: string): boolean {
  let index = 0;
  for (;;) {
    while (index < line.length && isQuoteOrSpace(line.charCodeAt(index))) index++;
    if (startsWithNumber(line, index)) return true;
    const after = afterListMarker(line, index);
    if (after === undefined) return false;
    index = after;
  }
}

/** Where the content starts after a list marker (`-`, `+`, `*`, `1.`, `1)` and a space) at `index`; undefined when there is none. */
function afterListMarker(line: string, index: number): number | undefined {
  let end = index;
  const code = line.charCodeAt(end);
  if (code === 0x2d || code === 0x2b || code === 0x2a) end++;
  else {
    while (end < line.length && isDigit(line.charCodeAt(end))) end++;
    if (end === index || (line[end] !== '.' && line[end] !== ')')) return undefined;
    end++;
  }
  if (end < line.length && !isSpace(line.charCodeAt(end))) return undefined;
  return end;
}

/** What a line may be, for the headings: blank, an ATX heading that may start with a number, a setext underline, or anything else. */
export function lineKind(line: string): LineKind {
  let index = 0;
  for (;;) {
    while (index < line.length && isContainerPrefix(line.charCodeAt(index))) index++;
    // A footnote definition holds blocks too: `[^1]: ## 1. Plan`.
    const label = FOOTNOTE_LABEL.exec(line.slice(index, index + 1_010))?.[0].length;
    if (label === undefined) break;
    index += label;
  }
  if (index === line.length) {
    // Only prefix characters: blank, or perhaps a setext underline of `-`.
    if (/^[ \t]*$/.test(line)) return 'blank';
    return isUnderline(line) ? 'underline' : 'other';
  }
  if (line[index] === '#') {
    let end = index;
    while (end < line.length && line[end] === '#') end++;
    if (end === line.length || isSpace(line.charCodeAt(end))) return startsWithNumber(line, end) ? 'numbered-atx' : 'other';
    return 'other';
  }
  return isUnderline(line) ? 'underline' : 'other';
}

/** `===` or `---` after indentation and block quote markers, with spaces after it. */
function isUnderline(line: string): boolean {
  let index = 0;
  while (index < line.length && isQuoteOrSpace(line.charCodeAt(index))) index++;
  const marker = line[index];
  if (marker !== '=' && marker !== '-') return false;
  while (index < line.length && line[index] === marker) index++;
  while (index < line.length && isSpace(line.charCodeAt(index))) index++;
  return index === line.length;
}
