import { inertText } from '../util/control-characters.js';

/**
 * A plain-text table for terminals: padded columns, a rule under the header, and optionally above the last (total) row.
 * Cells (file names, locales) are printed with their control characters escaped.
 */
export function formatTable(header: string[], textRows: string[][], options: { alignRight?: number[]; footer?: boolean } = {}): string {
  const rows = textRows.map((row) => row.map(inertText));
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const right = new Set(options.alignRight ?? []);
  const line = (row: string[]) =>
    row
      .map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const body = rows.map(line);
  if (options.footer && body.length > 0) body.splice(body.length - 1, 0, rule);
  return [line(header), rule, ...body].join('\n');
}
