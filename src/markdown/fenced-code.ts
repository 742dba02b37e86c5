/**
 * Enough of the block structure to know that lines are inside a fenced code
 * block (where a README's table examples are): one that opens at the first
 * column after a blank line, outside front matter and outside an HTML block
 * that may hold blank lines (a comment, `<pre>`). Such a fence is always a
 * top-level one (a line at the first column ends any list item or quote),
 * so it runs to its closing fence or to the end of the document. Fences
 * anywhere else are not followed: their lines are read as any others.
 */
export interface FenceState {
  open: { marker: string; length: number } | undefined;
  previousBlank: boolean;
  /** What ends the front matter or HTML block the line is in, if it is in one. */
  until: RegExp | undefined;
  firstLine: boolean;
}

/** The run of backticks or tildes that opens or closes a fence; what follows it is read apart. */
const FENCE_RUN = /^(?:`{3,}|~{3,})/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/** HTML blocks that may hold blank lines, and what ends each (CommonMark's kinds 1 to 5). */
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<![A-Za-z]/, />/],
  [/<!\[CDATA\[/, /\]\]>/],
];

export function newFenceState(): FenceState {
  return { open: undefined, previousBlank: true, until: undefined, firstLine: true };
}

/** Whether the line is part of a fenced code block (its fences included), following the state along: call it for every line. */
export function inFencedCode(state: FenceState, line: string): boolean {
  const inside = readFenceLine(state, line);
  state.previousBlank = !inside && /^[ \t]*$/.test(line);
  return inside;
}

function readFenceLine(state: FenceState, line: string): boolean {
  const firstLine = state.firstLine;
  state.firstLine = false;
  if (state.open) {
    const unindented = line.replace(/^ {0,3}/, '');
    const run = FENCE_RUN.exec(unindented)?.[0];
    if (run?.[0] === state.open.marker && run.length >= state.open.length && /^[ \t]*$/.test(unindented.slice(run.length))) {
      state.open = undefined;
    }
    return true;
  }
  if (state.until) {
    if (state.until.test(line)) state.until = undefined;
    return false;
  }
  if (firstLine && FRONT_MATTER_FENCE.test(line)) {
    state.until = FRONT_MATTER_FENCE;
    return false;
  }
  const run = state.previousBlank ? FENCE_RUN.exec(line)?.[0] : undefined;
  // A backtick fence's info string has no backtick (otherwise the line is inline code).
  if (run && !(run[0] === '`' && line.includes('`', run.length))) {
    state.open = { marker: run[0]!, length: run.length };
    return true;
  }
  state.until = htmlBlockEnd(line);
  return false;
}

/** The end of an HTML block that may hold blank lines, when the line opens one and does not close it. */
function htmlBlockEnd(line: string): RegExp | undefined {
  if (!line.includes('<')) return undefined;
  for (const [start, end] of HTML_BLOCKS) {
    const opened = start.exec(line);
    if (opened && !end.test(line.slice(opened.index + opened[0].length))) return end;
  }
  return undefined;
}
