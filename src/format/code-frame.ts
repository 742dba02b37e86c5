import type { Finding } from '../schema/finding.js';
import { escapeControlCharacters, showBidiControls } from '../util/control-characters.js';

export interface FrameStyle {
  gutter: (text: string) => string;
  caret: (text: string) => string;
}

const WIDTH = 100;
const INDENT = '    ';

/**
 * Two lines: the source line of the finding, and carets under its span. A
 * long line is cut to a window around the span, marked with `…`. Control
 * characters are shown escaped and bidirectional controls as `<U+202E>`, the
 * carets moved to stay under the span.
 */
export function codeFrame(lines: readonly string[], finding: Finding, style: FrameStyle): string[] {
  const source = lines[finding.line - 1];
  if (source === undefined) return [];
  const text = source.replace(/\t/g, ' ');
  const start = Math.min(finding.column - 1, text.length);
  const end = finding.endLine === finding.line ? Math.max(start + 1, finding.endColumn - 1) : Math.max(start + 1, text.length);
  let from = 0;
  let to = text.length;
  if (text.length > WIDTH) {
    from = Math.max(0, Math.min(start - 20, text.length - WIDTH));
    to = Math.min(text.length, from + WIDTH);
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shown = `${prefix}${visible(text.slice(from, to))}${suffix}`;
  const spanEnd = Math.min(end, to + 1);
  const caretStart = prefix.length + escapedLength(text.slice(from, start));
  const spanned = text.slice(start, spanEnd);
  const caretLength = Math.max(1, spanEnd - start + escapedLength(spanned) - spanned.length);
  const number = String(finding.line);
  const blank = ' '.repeat(number.length);
  return [
    `${INDENT}${style.gutter(`${number} |`)} ${shown}`,
    `${INDENT}${style.gutter(`${blank} |`)} ${' '.repeat(caretStart)}${style.caret('^'.repeat(caretLength))}`,
  ];
}

/** The source as shown: control characters escaped, bidirectional controls as `<U+202E>` tokens that cannot reorder the line. */
function visible(text: string): string {
  return showBidiControls(escapeControlCharacters(text));
}

/** How many columns a piece of the line takes once shown. */
function escapedLength(text: string): number {
  return visible(text).length;
}
