import { createDiagnostic, quote } from '../diagnostics/diagnostic.js';
import type { Diagnostic, RoleDefinition } from '../schema/model.js';
import type { CellData, TableData } from './table-data.js';

/**
 * `R: label`, `R : label`, `R - label`, `**R** = label`. The label starts at
 * its first non-space (or is only spaces), so the spaces before it are not
 * shared between two quantifiers.
 */
const LETTER_THEN_LABEL = /^[*_]*(\p{Lu})[*_]*\s*[:：=–—-](?:\s*(\S.*)|\s+)$/u;

/** The letter of the first of two legend columns: `R`, `**R**`, or a letter in brackets before a word, `(R) Realize`. */
const LETTER_CELL = /^(?:(\p{L})|\((\p{Lu})\)(?:\s.*)?)$/su;

/** `__R__ealizes`: markdown leaves intraword underscores as written; the reader sees the word. */
const INTRAWORD_BOLD_LETTER = /(__|\*\*)(\p{L})\1(?=\p{L})/gu;

function letterOfCell(text: string): string | undefined {
  const match = LETTER_CELL.exec(text);
  return match ? (match[1] ?? match[2])!.toUpperCase() : undefined;
}

function definitionFromCells(cells: readonly CellData[]): RoleDefinition | undefined {
  const [first, second] = cells;
  if (!first) return undefined;
  // Two columns: the letter, then its label.
  const letter = second && second.text !== '' ? letterOfCell(first.text) : undefined;
  if (letter) return { code: letter, label: second!.text.replace(INTRAWORD_BOLD_LETTER, '$2') };
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
  if (width === 2 && !table.rows.every((row) => (row.cells[0]?.text ?? '') === '' || letterOfCell(row.cells[0]!.text))) return false;
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

/** The standard meanings, for a guide whose tables use the letters without a legend. */
export function standardRoles(): RoleDefinition[] {
  return [
    { code: 'R', label: 'Responsible' },
    { code: 'A', label: 'Accountable' },
    { code: 'C', label: 'Consulted' },
    { code: 'I', label: 'Informed' },
  ];
}

/**
 * Meanings that other matrices give the RACI letters (HIPAA's Required and
 * Addressable, permissions, an "Application" column), by the first word of a
 * legend label. Only these are reported: a legend may word RACI's meanings in
 * any language.
 */
const OTHER_MEANINGS: Record<string, readonly string[]> = {
  R: ['required', 'read', 'reader', 'readonly', 'requirement'],
  A: ['addressable', 'application', 'app', 'admin', 'administrator', 'append'],
  C: ['create', 'creator', 'change', 'component'],
  I: ['input', 'install', 'infrastructure'],
};

const USUAL: Record<string, string> = { R: 'Responsible', A: 'Accountable', C: 'Consulted', I: 'Informed' };

export function otherMeanings(roles: readonly RoleDefinition[]): { role: RoleDefinition; usual: string }[] {
  return roles.flatMap((role) => {
    const firstWord = /^[\p{L}-]+/u.exec(role.label.toLowerCase())?.[0] ?? '';
    return OTHER_MEANINGS[role.code]?.includes(firstWord) ? [{ role, usual: USUAL[role.code]! }] : [];
  });
}
