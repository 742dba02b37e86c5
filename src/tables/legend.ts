import { createDiagnostic, quote } from '../diagnostics/diagnostic.js';
import type { Diagnostic, RoleDefinition } from '../schema/model.js';
import type { CellData, TableData } from './table-data.js';

/**
 * `R: label`, `R : label`, `R - label`, `**R** = label`. The label starts at
 * its first non-space (or is only spaces), so the spaces before it are not
 * shared between two quantifiers.
 */
const LETTER_THEN_LABEL = /^[*_]*(\p{Lu})[*_]*\s*[:：=–—-](?:\s*(\S.*)|\s+)$/u;

function definitionFromCells(cells: readonly CellData[]): RoleDefinition | undefined {
  const [first, second] = cells;
  if (!first) return undefined;
  // Two columns: the letter, then its label.
  if (second && /^\p{L}$/u.test(first.text) && second.text !== '') return { code: first.text.toUpperCase(), label: second.text };
  const match = LETTER_THEN_LABEL.exec(first.text);
  if (match) return { code: match[1]!, label: (match[2] ?? '').trim() };
  // The letter in bold inside a word: `**R**éalisation`.
  if (first.boldLetters.length === 1 && first.text !== '') return { code: first.boldLetters.toUpperCase(), label: first.text };
  return undefined;
}

/**
 * A legend is a one-column table (or letter | label) whose rows mostly
 * define a letter; its header may say anything, in any language.
 */
export function isLegendTable(table: TableData): boolean {
  const width = table.header.length;
  if (width === 0 || width > 2 || table.rows.length === 0) return false;
  if (width === 2 && !table.rows.every((row) => /^\p{L}?$/u.test(row.cells[0]?.text ?? ''))) return false;
  const defined = table.rows.filter((row) => definitionFromCells(row.cells) !== undefined).length;
  return defined * 2 > table.rows.length;
}

export function readLegend(table: TableData): { roles: RoleDefinition[]; diagnostics: Diagnostic[] } {
  const roles: RoleDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const row of table.rows) {
    const definition = definitionFromCells(row.cells);
    if (definition) roles.push(definition);
    else {
      const text = row.cells.map((cell) => cell.text).join(' | ');
      if (text.trim() === '') continue;
      diagnostics.push(
        createDiagnostic(
          'legend-row-invalid',
          `Legend row ${quote(text)} does not read "letter: meaning" (for example "R: Is in charge of carrying out the process").`,
          row.span,
        ),
      );
    }
  }
  return { roles, diagnostics };
}
