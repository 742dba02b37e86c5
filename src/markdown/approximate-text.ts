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
 * one has two answers, decoded and as written; a text with an HTML comment
 * left open has one more, without it and all after it. Not followed: a `\>`
 * inside a destination in angle brackets, and a title after a tab.
 */
export function approximateInlineText(raw: string, referencesDefined: boolean): string[] {
  // Most cells of prose have no markup at all.
  if (!MARKUP.test(raw)) return [collapseWhitespace(raw)];
  let text = withoutInlineLinks(raw);
  if (referencesDefined) {
    text = text
      .replace(/\[\^[^[\]]*\]/g, '')
      .replace(/\][ \t]*\[[^[\]]*\]/g, ']')
      .replace(/!?[[\]]/g, '');
  }
  text = stripAttributeLists(stripHtmlComments(text));
  const answers = [text];
  // A comment left open here may close on a later line, hiding the rest.
  const openComment = text.indexOf('<!--');
  if (openComment !== -1) answers.push(text.slice(0, openComment));
  for (const answer of [...answers]) if (answer.includes('&')) answers.unshift(decodeCharacterReferences(answer));
  return [...new Set(answers.map((answer) => collapseWhitespace(answer.replace(MARKERS, ''))))];
}

/** What may make the text a reader sees differ from what is written. */
const MARKUP = /[[\]<&{*_`~\\]/;

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
 * `[text](destination "title")` and `![alt](source)` as their text, nested
 * ones too (`[![R](badge.svg)](url)`). Brackets and parentheses are paired in
 * one pass (escaped ones left alone); a destination in angle brackets or a
 * title may hold unpaired parentheses, and is read up to its closing `>` or
 * quote. Every search goes forward from where the last one ended or found
 * nothing, so a line of thousands of `[` costs no more than its length.
 */
function withoutInlineLinks(text: string): string {
  if (!text.includes('](')) return text;
  const closeOf = pairs(text, '[', ']');
  const parenCloseOf = pairs(text, '(', ')');
  const search = forwardSearch(text);
  const dropped = new Set<number>();
  /** Where reading jumps from the `]` of a link's text: past its destination. */
  const resumeAfter = new Map<number, number>();
  // A `](` whose `[` is not here closes a link opened on a line above.
  const opened = new Map([...closeOf].map(([open, close]) => [close, open]));
  for (let close = text.indexOf(']('); close !== -1; close = text.indexOf('](', close + 1)) {
    const destinationEnd = linkEnd(text, close + 1, parenCloseOf, search);
    if (destinationEnd === undefined) continue;
    const open = opened.get(close);
    if (open !== undefined) dropped.add(open);
    if (open !== undefined && open > 0 && text[open - 1] === '!') dropped.add(open - 1);
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

/**
 * The `)` that closes the link destination opened by the `(` at `open`:
 * `(url)`, `(<a b)>)`, `(url "title (x")`, `(url 'title')`, `(url (title))`;
 * the end of the text when a title is left open.
 */
function linkEnd(
  text: string,
  open: number,
  parenCloseOf: ReadonlyMap<number, number>,
  search: (char: string, from: number) => number,
): number | undefined {
  let index = skipSpaces(text, open + 1);
  // Without its `>`, a `<` is read as the start of a bare destination.
  const angleEnd = text[index] === '<' ? search('>', index + 1) : -1;
  if (angleEnd !== -1) {
    index = angleEnd + 1;
  } else {
    // A bare destination ends at whitespace or at the `)` that pairs with the link's `(`.
    const close = parenCloseOf.get(open);
    const space = search(' ', index);
    if (close === undefined || (space !== -1 && space < close)) {
      if (space === -1) return undefined;
      index = space;
    } else {
      return close;
    }
  }
  index = skipSpaces(text, index);
  const quote = text[index];
  if (quote === '"' || quote === "'" || quote === '(') {
    const end = search(quote === '(' ? ')' : quote, index + 1);
    // A title may go on over the next lines: the link then takes the rest of this one.
    if (end === -1) return text.length - 1;
    index = skipSpaces(text, end + 1);
  }
  return text[index] === ')' ? index : undefined;
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (text[index] === ' ' || text[index] === '\t') index++;
  return index;
}

/**
 * `indexOf` for a few characters, remembering each answer: a search that
 * starts at or before the last one found gets it again, one after a search
 * that found nothing gets nothing, so the text is scanned about once per
 * character searched for whatever the order of the searches.
 */
function forwardSearch(text: string): (char: string, from: number) => number {
  const found = new Map<string, { from: number; at: number }>();
  return (char, from) => {
    const last = found.get(char);
    if (last && from >= last.from && (last.at === -1 || from <= last.at)) return last.at;
    const at = text.indexOf(char, from);
    found.set(char, { from, at });
    return at;
  };
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
