import { createDiagnostic, quote } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../schema/model.js';
import { createLocator } from '../util/lines.js';

/**
 * UTF-8 text that was once read as Windows-1252 and saved again turns `’` into
 * `â€™` and `é` into `Ã©`. Such runs start with a lead byte shown as Â, Ã, Ä, Å
 * or â…ï and go on with continuation bytes, which Windows-1252 shows as the
 * characters below.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CONTINUATION = `[\\u00a0-\\u00bf${CP1252_HIGH}]`;
const LEAD_AND_CONTINUATIONS = `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`;
const MOJIBAKE_RUN = new RegExp(LEAD_AND_CONTINUATIONS, 'g');

const MAX_REPORTS = 20;

function toCp1252Byte(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const index = CP1252_HIGH.indexOf(char);
  return index === -1 ? -1 : 0x80 + index;
}

/** The text the run most likely stood for, or undefined when it is not mojibake after all. */
export function repairMojibake(run: string): string | undefined {
  const bytes = [...run].map(toCp1252Byte);
  if (bytes.some((byte) => byte < 0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

export function findMojibake(text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let locate: ReturnType<typeof createLocator> | undefined;
  let more = 0;
  for (const match of text.matchAll(MOJIBAKE_RUN)) {
    const intended = repairMojibake(match[0]);
    if (intended === undefined) continue;
    if (diagnostics.length >= MAX_REPORTS) {
      more++;
      continue;
    }
    locate ??= createLocator(text);
    const start = locate(match.index);
    const lineStart = match.index - (start.column - 1);
    const lineEnd = text.slice(lineStart).search(/\r|\n|$/) + lineStart;
    const line = text.slice(lineStart, lineEnd);
    const word = wordAround(line, start.column - 1, match[0].length);
    diagnostics.push(
      createDiagnostic(
        'encoding-mojibake',
        `${quote(match[0])} looks like UTF-8 text that was decoded as Windows-1252: ${quote(word)} was probably ${quote(
          word.replace(match[0], intended),
        )}.`,
        { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + match[0].length },
      ),
    );
  }
  if (more > 0) {
    const last = diagnostics.at(-1)!;
    last.message += ` (${more} more such sequences in this file are not listed.)`;
  }
  return diagnostics;
}

function wordAround(line: string, start: number, length: number): string {
  let from = start;
  while (from > 0 && !/\s/.test(line[from - 1]!)) from--;
  let to = start + length;
  while (to < line.length && !/\s/.test(line[to]!)) to++;
  return line.slice(from, to);
}
