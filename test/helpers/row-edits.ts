import fc from 'fast-check';

/**
 * What a writer does to a table row by hand: drops a pipe (two cells merge),
 * reorders or re-cases the letters of a cell, adds emphasis or spaces, writes
 * separators. `row` and `cell` are taken modulo the rows and cells there are.
 */
export type RowEdit =
  | { kind: 'drop-pipe'; row: number; cell: number }
  | { kind: 'reverse' | 'lower-case' | 'emphasis' | 'spaces' | 'separator' | 'pad'; row: number; cell: number };

export const rowEditArbitrary: fc.Arbitrary<RowEdit> = fc.record({
  kind: fc.constantFrom('drop-pipe', 'reverse', 'lower-case', 'emphasis', 'spaces', 'separator', 'pad'),
  row: fc.nat(),
  cell: fc.nat(),
}) as fc.Arbitrary<RowEdit>;

/** Table body rows with at least one cell of RACI letters: the rows a hand edit of letters can touch. */
function rowLines(lines: readonly string[]): number[] {
  return lines.flatMap((line, index) =>
    /^\s*\|/.test(line) && !/^[\s|:-]+$/.test(line) && /\|\s*\**[RACIraci]{1,4}\**\s*\|/.test(line) ? [index] : [],
  );
}

function editCell(cell: string, kind: RowEdit['kind']): string {
  const content = cell.trim();
  switch (kind) {
    case 'reverse':
      return ` ${[...content].reverse().join('')} `;
    case 'lower-case':
      return ` ${content.toLowerCase()} `;
    case 'emphasis':
      return content === '' ? cell : ` **${content}** `;
    case 'spaces':
      return ` ${[...content].join(' ')} `;
    case 'separator':
      return ` ${[...content].join('/')} `;
    default:
      return `   ${content}\t`;
  }
}

/**
 * The guide with the edits made in order, each to one row (a line that stays
 * a table row), and the lines (0-based) that lost a pipe.
 */
export function editRows(text: string, edits: readonly RowEdit[]): { text: string; droppedPipe: number[] } {
  const lines = text.split('\n');
  const rows = rowLines(lines);
  const droppedPipe = new Set<number>();
  if (rows.length === 0) return { text, droppedPipe: [] };
  for (const edit of edits) {
    const at = rows[edit.row % rows.length]!;
    const parts = lines[at]!.split('|');
    // parts[0] and the last part are outside the first and last pipe; cells are in between.
    const cells = parts.length - 2;
    if (cells < 2) continue;
    if (edit.kind === 'drop-pipe') {
      const pipe = 1 + (edit.cell % (parts.length - 2));
      parts.splice(pipe, 2, `${parts[pipe]}${parts[pipe + 1]}`);
      droppedPipe.add(at);
    } else {
      const cell = 2 + (edit.cell % (cells - 1));
      parts[cell] = editCell(parts[cell]!, edit.kind);
    }
    lines[at] = parts.join('|');
  }
  return { text: lines.join('\n'), droppedPipe: [...droppedPipe] };
}
