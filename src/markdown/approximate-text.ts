import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { collapseWhitespace, stripAttributeLists, stripHtmlComments } from './text.js';

/**
 * What a reader may see of a piece of inline markdown (a table cell, the
 * start of a line), worked out without the markdown parser, for a test that
 * must never miss what the parser reads (the walk's pre-check): inline links
 * and images as their text, HTML comments and attribute lists left out,
 * character references decoded, no emphasis, code, strike or escape markers,
 * whitespace collapsed. When the document defines references (`[x]: url`,
 * `[^x]: note`), any bracket may be a link or a footnote: footnote references
 * and reference labels are left out, and brackets too.
 *
 * It errs on the side of less: whatever the parser reads, the text it sees
 * is among the answers, give or take markers that only ever add characters.
 * A character reference inside code stays as written there, so a text with
 * one has two answers, decoded and as written.
 */
export function approximateInlineText(raw: string, referencesDefined: boolean): string[] {
  let text = withoutInlineLinks(raw);
  if (referencesDefined) {
    text = text
      .replace(/\[\^[^[\]]*\]/g, '')
      .replace(/\][ \t]*\[[^[\]]*\]/g, ']')
      .replace(/!?[[\]]/g, '');
  }
  text = stripAttributeLists(stripHtmlComments(text));
  const decoded = text.includes('&') ? decodeCharacterReferences(text) : text;
  const answers = decoded === text ? [text] : [decoded, text];
  return answers.map((answer) => collapseWhitespace(answer.replace(MARKERS, '')));
}

/** Emphasis, code, strike and escape markers: a reader never sees them (or, written literally, they are punctuation). */
const MARKERS = /[*_`~\\]/g;

const CHARACTER_REFERENCE = /&(?:#[xX]([\da-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function decodeCharacterReferences(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return decodeNamedCharacterReference(name) || reference;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/**
 * `[text](destination)` and `![alt](source)` as their text, nested ones too
 * (`[![R](badge.svg)](url)`). Brackets and parentheses are paired in one pass
 * (escaped ones left alone), so a line of thousands of `[` costs no more than
 * its length.
 */
function withoutInlineLinks(text: string): string {
  if (!text.includes('](')) return text;
  const closeOf = pairs(text, '[', ']');
  const parenCloseOf = pairs(text, '(', ')');
  const dropped = new Set<number>();
  /** Where reading jumps from the `]` of a link's text: past its destination. */
  const resumeAfter = new Map<number, number>();
  for (const [open, close] of closeOf) {
    const destinationEnd = text[close + 1] === '(' ? parenCloseOf.get(close + 1) : undefined;
    if (destinationEnd === undefined) continue;
    dropped.add(open);
    if (open > 0 && text[open - 1] === '!') dropped.add(open - 1);
    resumeAfter.set(close, destinationEnd + 1);
  }
  let result = '';
  let index = 0;
  while (index < text.length) {
    const resume = resumeAfter.get(index);
    if (resume !== undefined) {
      index = resume;
      continue;
    }
    if (!dropped.has(index)) result += text[index];
    index++;
  }
  return result;
}

/** Each `open` at its matching `close`, nesting counted and backslash-escaped characters skipped. */
function pairs(text: string, open: string, close: string): Map<number, number> {
  const matched = new Map<number, number>();
  const stack: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === open) stack.push(index);
    else if (char === close && stack.length > 0) matched.set(stack.pop()!, index);
  }
  return matched;
}
