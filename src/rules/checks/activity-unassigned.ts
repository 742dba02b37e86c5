import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan } from '../guide-context.js';
import { activityOf, isWritten, type RuleCheck } from '../rule-finding.js';

/** `activity-unassigned`: a row with activity text and no letter in any party column. */
export const activityUnassigned: RuleCheck = (context) =>
  context.rows
    .filter((row) => !isWritten(row))
    .map((row) => {
      const parties = row.cells.map((cell) => cell.label).join(', ');
      const missing = row.cells.every((cell) => cell.slice === undefined) ? ' (the row has no cell for them)' : '';
      return {
        message: `${quote(row.activity.text)} has no letter in any party column (${parties})${missing}; write who is R, A, C or I.`,
        span: cellsSpan(row, row.cells),
        activity: activityOf(row),
      };
    });
