import type { Hover, Position } from 'vscode-languageserver';
import type { CellSlice } from '../markdown/gfm-row.js';
import { cellSpan, type PartyCell, type RowContext } from '../rules/guide-context.js';
import type { RoleDefinition, RoleLetter } from '../schema/model.js';
import type { DocumentAnalysis } from './analysis.js';
import { rangeOf } from './ranges.js';

/** What a letter means when the guide's legend does not say. */
const RACI_NAMES: Record<RoleLetter, string> = {
  R: 'responsible: does the work',
  A: 'accountable: answers for the outcome',
  C: 'consulted before the work',
  I: 'informed of the results',
};

/**
 * On a party cell of an activity row: its letters spelled out with the
 * guide's own legend. On the activity cell: the activity's id and the path
 * of its section. Elsewhere, nothing.
 */
export function hoverAt(analysis: DocumentAnalysis, position: Position): Hover | undefined {
  if (!analysis.result.looksLikeGuide) return undefined;
  const line = position.line + 1;
  const character = position.character - (analysis.bom && position.line === 0 ? 1 : 0);
  const row = analysis.context.rows.find((candidate) => candidate.line === line);
  if (!row) return undefined;
  const contains = (slice: CellSlice | undefined): slice is CellSlice =>
    slice !== undefined && character >= slice.start && character <= slice.end;
  const cell = row.cells.find((candidate) => contains(candidate.slice));
  if (cell?.slice) return hover(roleCellText(cell, analysis.result.model.roles), row.line, cell.slice, analysis.bom);
  if (contains(row.activitySlice)) return hover(activityText(row), row.line, row.activitySlice, analysis.bom);
  return undefined;
}

function hover(markdown: string, line: number, slice: CellSlice, bom: boolean): Hover {
  return { contents: { kind: 'markdown', value: markdown }, range: rangeOf(cellSpan(line, slice), bom) };
}

/** `**RA** — Customer: is in charge of carrying out the process, guarantees the successful completion of the process` */
function roleCellText(cell: PartyCell, legend: readonly RoleDefinition[]): string {
  const written = cell.text === '' ? '(empty)' : `**${escapeMarkdown(cell.text)}**`;
  const { roles, unknown, merged } = cell.normalized;
  if (merged) return `${written} — ${cell.label}: reads as ${merged.length} cells run together (a pipe missing?), so no letter is taken`;
  const meanings = roles.map((letter) => lowerFirst(legend.find((role) => role.code === letter)?.label ?? RACI_NAMES[letter]));
  const parts = [
    meanings.length > 0 ? meanings.join(', ') : 'no role',
    ...(unknown.length > 0 ? [`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a RACI letter' : 'are not RACI letters'}`] : []),
  ];
  return `${written} — ${escapeMarkdown(cell.label)}: ${parts.join('; ')}`;
}

/** `Activity **3.1.1#4** · 3. Operations › 3.1 Backups › 3.1.1 Restore` */
function activityText(row: RowContext): string {
  const path = row.activity.path.map((section) => `${section.number}. ${escapeMarkdown(section.title)}`).join(' › ');
  return `Activity **${row.activity.id}** · ${path}`;
}

/** “Is in charge of …” reads as “is in charge of …” after a colon; “OVHcloud …” stays as it is. */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase() ? first.toLowerCase() + text.slice(1) : text;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}
