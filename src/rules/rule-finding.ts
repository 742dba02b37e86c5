import type { Span } from '../diagnostics/diagnostic.js';
import type { FindingActivity, TextEdit } from '../schema/finding.js';
import type { RowContext, RuleContext } from './guide-context.js';

/** What a rule check returns; the engine adds the rule id, the severity and the file. */
export interface RuleFinding {
  message: string;
  span: Span;
  activity?: FindingActivity;
  subject?: string;
  fix?: TextEdit[];
}

/** A rule: a pure function of the guide. */
export type RuleCheck = (context: RuleContext) => RuleFinding[];

export function activityOf(row: RowContext): FindingActivity {
  return { id: row.activity.id, text: row.activity.text };
}

/** Letters as they are read, whatever else is in the cell. */
export function hasLetter(row: RowContext, letter: string): boolean {
  return row.cells.some((cell) => (cell.normalized.roles as string[]).includes(letter));
}

/** The row has something written in a party column: a RACI letter or an unknown one. */
export function isWritten(row: RowContext): boolean {
  return row.cells.some((cell) => cell.normalized.roles.length > 0 || cell.normalized.unknown.length > 0);
}
